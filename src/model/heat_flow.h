#pragma once

#include "model/input.h"

#include <optional>
#include <string>

namespace cbam {

// Measurable heat imported into or exported from a production process.
struct HeatFlow {
    std::string process_id;
    bool exported = false;
    Input quantity;                        // energy (TJ, GJ, MWh)
    std::optional<Input> emission_factor;  // tCO2/TJ of the heat; default when absent (see factors.h)
    SourceLocation where;
};

}  // namespace cbam
