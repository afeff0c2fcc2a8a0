// Writes a QReport 23.00 document with pugixml: elements in the schema's order, codes as given,
// numbers rounded once here to the fraction digits of their stypes.xsd type (half away from
// zero, docs/rounding.md), item and sequence numbers assigned in order. The same report always
// gives the same bytes.
#pragma once

#include "model/qreport.h"

#include <string>

namespace cbam {

inline constexpr const char* kQReportNamespace = "http://xmlns.ec.eu/BusinessObjects/CBAM/Types/V1";

std::string write_qreport(const qreport::Report& report);

}  // namespace cbam
