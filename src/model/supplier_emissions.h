#pragma once

#include "core/decimal.h"
#include "core/error.h"

#include <optional>
#include <string>

namespace cbam {

// What an installation communicated for one CN code (docs/supplier-data.md): the output of
// `cbam calc` or a supplier's own communication file.
struct SupplierEmissions {
    std::string installation_id, installation_name, country, city;
    std::string operator_name;
    std::string cn_code;
    Decimal see_direct, see_indirect;  // tCO2e/t (tCO2e/MWh for electricity)
    // Indirect SEE that counts in the definitive period (cbam calc's column; IR 2025/2547 Annex I 3.1)
    std::optional<Decimal> see_indirect_counted;
    std::string route;              // production route letter of the benchmark (C, D, E, K, L, A, B ...)
    bool verified = false;          // an accredited verifier has verified the data (needed from 2026)
    std::string scope;              // cbam calc's scope column: "definitive" when see_indirect_counted follows Annex II
    bool default_values = false;       // determination: default
    std::optional<Decimal> electricity_emission_factor;  // tCO2/MWh
    std::optional<Decimal> electricity_consumed;         // MWh per unit of good
    std::string electricity_source;                      // grid, direct_link, ppa, own_production
    std::string electricity_factor_source;               // where the factor comes from
    std::string period_start, period_end;                // the data's reporting period
    std::string method_id;                               // production method (P01..P48), optional
    // carbon price due in the country of origin, optional
    std::string carbon_price_instrument, carbon_price_legal_act, carbon_price_currency, carbon_price_country;
    std::optional<Decimal> carbon_price_amount;
    SourceLocation where;
};

}  // namespace cbam
