// The year page of `cbam declare --html` and `cbam certificates --html`: the certificates to
// surrender and their cost, per importer (with the de minimis check) and per producing
// installation (chart: which supplier costs most), what each installation's actual data saves or
// costs against default values (chart), every good with its free-allocation adjustment and carbon
// price deduction, the customs lines by status, and the quarterly holding check when one was asked
// for. Every figure is the one of the declaration's CSV, JSON, totals, savings or holding CSV of
// the same run.
#pragma once

#include "calc/declaration.h"
#include "calc/year_figures.h"
#include "writers/html_context.h"

#include <string>
#include <vector>

namespace cbam {

struct YearPage {
    const DeclarationResult& result;
    const std::vector<YearTotalsRow>& totals;
    const std::vector<ActualDataComparison>& comparisons;
    const HoldingCheck* holding = nullptr;
    std::string declarant_id, declarant_name;
};

std::string year_to_html(const YearPage& page, const HtmlContext& ctx);

}  // namespace cbam
