// The auditor's "re-run the calculation" of a filled communication template: the SEE the workbook
// itself computed (its cached results, model/template_results.h) against cbam's
// recomputation from the same workbook's inputs, figure by figure.
//
// Agreement: the template computes in binary floating point and displays 3 decimals; cbam computes
// exactly and reports 5 decimals (docs/rounding.md). Two figures agree when they differ by no more
// than half a unit of the 5th decimal (0.000005): then no difference can show in any figure either
// side reports, and binary rounding (about 1e-15 relative) stays far below it.
// Each row is compared as the template computes it: per production process, with the total as
// direct + indirect for every good (the template's transitional rule, docs/communication-template.md).
#pragma once

#include "calc/embedded_emissions.h"
#include "calc/traced.h"
#include "model/template_results.h"

#include <optional>
#include <string>
#include <vector>

namespace cbam {

// Half a unit of the 5th decimal.
Decimal template_tolerance();

struct TemplateFigureCheck {
    int row = 0;                 // 0-based product row
    std::string product;         // "CN 25232900 \"Portland cement\", process \"Mill\""
    std::string figure;          // "SEE direct", "SEE indirect", "SEE total"
    CachedFigure workbook;       // the template's figure, with its cell
    std::optional<Traced> cbam;  // cbam's recomputation; absent when the row's process is unknown
    std::optional<Decimal> difference;  // workbook − cbam
    bool agrees = false;
    std::string why;             // when it does not: what is missing or how it differs
};

struct TemplateCheck {
    std::vector<TemplateFigureCheck> figures;
    bool all_agree() const;
};

// `result` must be the calculation of the installation read from the same workbook.
TemplateCheck check_template(const TemplateResults& workbook, const CalcResult& result);

}  // namespace cbam
