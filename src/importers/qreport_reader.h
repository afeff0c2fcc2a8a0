// Reads a QReport (ours or another tool's) back into the model, so that it can be listed as rows
// (`cbam extract`) or recomputed (`cbam verify`). Refuses a DOCTYPE and anything that is not a
// QReport; numbers are read exactly as written. Problems go to `diags` with line and element path.
#pragma once

#include "core/error.h"
#include "model/qreport.h"

#include <optional>
#include <string>

namespace cbam {

std::optional<qreport::Report> read_qreport(const std::string& xml, const std::string& name, Diagnostics& diags);

// One row per emissions entry: the report's header, the good, the entry's figures.
std::string qreport_to_csv(const qreport::Report& r);

}  // namespace cbam
