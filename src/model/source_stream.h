#pragma once

#include "model/input.h"

#include <optional>
#include <string>

namespace cbam {

enum class StreamMethod { Combustion, Process, MassBalance };

// A source stream monitored by the calculation-based method (IR 2023/1773 Annex III B.3).
struct SourceStream {
    std::string id;
    std::string process_id;
    StreamMethod method = StreamMethod::Combustion;
    bool output = false;                   // mass balance: carbon leaving the process (counted negative)
    Input activity_data;                   // t, kg, Nm3 (or an energy when no NCV is needed)
    std::optional<Input> ncv;              // combustion: energy per unit of activity data
    std::optional<Input> emission_factor;  // combustion: tCO2/TJ; process: tCO2/t
    std::optional<Input> carbon_content;   // mass balance: tC per unit of activity data
    std::optional<Input> oxidation_factor;   // combustion, 0..1; 1 when not given
    std::optional<Input> conversion_factor;  // process, 0..1; 1 when not given
    std::optional<Input> biomass_fraction;   // 0..1; 0 when not given
    SourceLocation where;
};

}  // namespace cbam
