// The specific embedded emissions of an installation's goods, as CSV, JSON or a terminal table.
// Rounded once, here (docs/rounding.md).
#pragma once

#include "calc/embedded_emissions.h"
#include "model/installation.h"

#include <string>

namespace cbam {

std::string see_to_csv(const Installation& inst, const CalcResult& r);
std::string see_to_json(const Installation& inst, const CalcResult& r);
std::string see_to_table(const Installation& inst, const CalcResult& r);

}  // namespace cbam
