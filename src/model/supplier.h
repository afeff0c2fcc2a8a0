#pragma once

#include "model/input.h"

#include <optional>
#include <string>

namespace cbam {

// A supplier's installation and the specific embedded emissions it communicated for a precursor.
struct Supplier {
    std::string id;
    std::string name;
    std::string country;       // ISO 3166-1 alpha-2 of the country of production; empty: unknown
    std::string installation;  // the supplier's installation name or identifier
    std::string precursor;     // aggregated good name
    std::string cn_code;
    Input see_direct;          // tCO2e/t
    Input see_indirect;        // tCO2e/t, when given as such (suppliers.csv)
    // The template's E_PurchPrec gives the indirect SEE as the precursor's specific electricity
    // consumption times the electricity's emission factor: when both are set, the indirect SEE is
    // their product (computed, with its derivation) and see_indirect is not used.
    std::optional<Input> specific_electricity;  // MWh/t
    std::optional<Input> electricity_factor;    // tCO2/MWh
    std::string electricity_factor_source;      // where the factor comes from (D.4(a) ...)
    bool default_values = false;  // the figures are default values, not actual data
    // Origin unknown and no figures given: the highest default value of cn_code applies
    // (IR (EU) 2025/2621 Annex IV; calc looks it up, definitive period only).
    bool highest_default = false;
    SourceLocation where;
};

}  // namespace cbam
