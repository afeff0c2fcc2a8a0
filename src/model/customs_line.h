#pragma once

#include "core/decimal.h"
#include "core/error.h"
#include "model/qreport.h"

#include <optional>
#include <string>

namespace cbam {

// One item of a customs import declaration (docs/customs-lines.md).
struct CustomsLine {
    std::string declaration, item;
    std::string acceptance_date;  // YYYY-MM-DD
    std::string cn_code;          // 8 digits
    std::string taric_code;       // 10 digits when the line gives them, else empty
    std::string origin;           // ISO 3166-1 alpha-2
    Decimal net_mass_t;           // tonnes
    std::optional<Decimal> supplementary_units;  // MWh for electricity
    std::string requested_procedure, previous_procedure;
    std::string importer, representative;  // EORI numbers
    std::string import_area;               // EU or EUOTH
    std::string installation_id;           // the producing installation, when known
    bool in_processed_products = false;    // inward processing: CBAM goods inside processed products
    std::optional<qreport::InwardProcessingInfo> inward_processing;
    std::string description;
    SourceLocation where;           // the row
    SourceLocation declaration_at;  // its declaration cell (a repeated declaration and item is blamed there)
};

}  // namespace cbam
