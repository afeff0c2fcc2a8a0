#pragma once

#include "model/input.h"

#include <string>

namespace cbam {

// Electricity consumed by, or produced within the boundary of, a production process.
struct ElectricityFlow {
    std::string process_id;
    bool produced = false;   // consumed otherwise
    Input quantity;          // energy (MWh ...)
    Input emission_factor;   // tCO2/MWh
    std::string source;      // grid, direct_link, ppa, own_production
    std::string factor_source;  // where the factor comes from (free text, carried to the output)
    SourceLocation where;
};

}  // namespace cbam
