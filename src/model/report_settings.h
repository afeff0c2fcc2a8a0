#pragma once

#include "core/error.h"
#include "model/qreport.h"

#include <map>
#include <string>

namespace cbam {

// The declarant and the report's fixed parts (docs/report-settings.md).
struct ReportSettings {
    qreport::Declarant declarant;
    std::string declarant_country;  // for the importer/representative address when the declarant is one
    qreport::Party importer, representative;  // header parties, when the role needs them
    qreport::Signatures signatures;
    std::string remarks;
    std::map<std::string, qreport::Party> parties;  // further importers/representatives by EORI
    SourceLocation where;
};

}  // namespace cbam
