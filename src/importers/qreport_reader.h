// Reads a QReport (ours or another tool's) back into the model, so that it can be listed as rows
// (`cbam extract`) or recomputed (`cbam verify`). Refuses a DOCTYPE and anything that is not a
// QReport, and text that is not UTF-8; numbers are read exactly as written. Problems go to `diags`
// with line and element path.
#pragma once

#include "core/error.h"
#include "model/qreport.h"

#include <optional>
#include <string>

namespace cbam {

// Quantities are read by their MeasurementUnit: net masses in tonnes (kilograms converted),
// supplementary units as written (the unit is kept beside each quantity). Takes `xml` by value:
// pass an rvalue and it is parsed in place.
std::optional<qreport::Report> read_qreport(std::string xml, const std::string& name, Diagnostics& diags);

// One row per emissions entry: the report's header, the good, the entry's figures.
std::string qreport_to_csv(const qreport::Report& r);

}  // namespace cbam
