#pragma once

#include "model/input.h"

#include <string>

namespace cbam {

// A supplier's installation and the specific embedded emissions it communicated for a precursor.
struct Supplier {
    std::string id;
    std::string name;
    std::string country;       // ISO 3166-1 alpha-2 of the country of production
    std::string installation;  // the supplier's installation name or identifier
    std::string precursor;     // aggregated good name
    std::string cn_code;
    Input see_direct;          // tCO2e/t
    Input see_indirect;        // tCO2e/t
    bool default_values = false;  // the figures are default values, not actual data
    SourceLocation where;
};

}  // namespace cbam
