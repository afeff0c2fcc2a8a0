#pragma once

#include "core/decimal.h"
#include "core/error.h"

#include <optional>
#include <string>
#include <vector>

namespace cbam {

// A carbon price effectively paid in the country of production for an installation's emissions
// (CBAM Reg Art. 9), with the evidence the declaration must carry (docs/declaration-data.md).
struct CarbonPricePaid {
    std::string installation_id, cn_code;  // cn_code empty: every good of the installation
    std::string country, instrument, legal_act;
    Decimal price_per_tonne;  // in `currency` per tCO2e
    std::string currency;
    Decimal eur_per_unit;     // exchange rate to EUR
    Decimal rebate_per_tonne;  // rebates or compensation, same currency
    Decimal covered_share;     // share of the embedded emissions the price covers, 0..1
    std::string evidence, certified_by;
    SourceLocation where;
};

// The price of CBAM certificates over a period (2026: quarterly average; from 2027: weekly).
struct CertificatePrice {
    std::string first_day, last_day;  // YYYY-MM-DD, inclusive
    Decimal eur;
    std::string source;
    SourceLocation where;
};

}  // namespace cbam
