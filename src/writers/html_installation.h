// The installation page of `cbam calc --html`: per good, the specific embedded emissions direct,
// indirect and total with their unit and derivation, where they come from (a chart and a table
// of the breakdown: the installation's own sources, each precursor and supplier, electricity),
// the share resting on default values, the period, the scope and the data used. Every figure is
// the one of the JSON output (see_to_json) of the same run, with the same rounding.
#pragma once

#include "calc/embedded_emissions.h"
#include "model/installation.h"
#include "writers/html_context.h"

#include <string>

namespace cbam {

std::string see_to_html(const Installation& inst, const CalcResult& r, const HtmlContext& ctx);

}  // namespace cbam
