#pragma once

#include "model/input.h"

#include <optional>
#include <string>

namespace cbam {

// Electricity consumed by, or produced within the boundary of, a production process.
struct ElectricityFlow {
    std::string process_id;
    bool produced = false;   // consumed otherwise
    Input quantity;          // energy (MWh ...)
    // tCO2/MWh. Empty: electricity consumed from the grid whose factor the installation does not
    // give; calc then takes the Commission's grid factor of the installation's country (definitive
    // period, IR (EU) 2025/2621 Annex II).
    std::optional<Input> emission_factor;
    std::string source;      // grid, direct_link, ppa, own_production
    std::string factor_source;  // where the factor comes from (free text, carried to the output)
    SourceLocation where;
};

}  // namespace cbam
