#pragma once

#include "model/input.h"

#include <string>

namespace cbam {

// Emissions determined by continuous measurement (CEMS) over the reporting period, per gas:
// the sum of hourly concentration x flue-gas flow, as reported by the measuring system.
struct MeasuredEmission {
    std::string id;
    std::string process_id;
    Input amount;  // tCO2 or tN2O (or kg of either)
    SourceLocation where;
};

}  // namespace cbam
