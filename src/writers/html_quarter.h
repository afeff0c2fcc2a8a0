// The quarter page of `cbam report --html`: the quarter's embedded emissions by supplier
// installation (chart), by CN code and by origin, per CN code and origin with the share of default
// values and the 20 % warning of complex goods, and the customs lines not reported counted by
// reason. Every figure is the one of the summary, totals or skipped-lines CSV of the same run.
#pragma once

#include "calc/quarter.h"
#include "calc/quarter_totals.h"
#include "writers/html_context.h"

#include <string>

namespace cbam {

std::string quarter_to_html(const QuarterResult& r, const QuarterTotals& totals, const HtmlContext& ctx);

}  // namespace cbam
