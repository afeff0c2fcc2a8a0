// What `cbam check-template` writes besides its terminal lines: every figure compared, as CSV
// (-o), and a readable page (--html, docs/html.md) whose figures are those of the CSV.
#pragma once

#include "calc/template_check.h"
#include "model/template_results.h"
#include "writers/html_context.h"

#include <string>

namespace cbam {

// A figure as the workbook holds it, as written: the SEE to 5 decimals, or what the cell shows.
std::string workbook_text(const CachedFigure& f);
// cbam's figure ("-" when there is none) and the difference ("-" when none can be taken).
std::string cbam_text(const TemplateFigureCheck& f);
std::string difference_text(const TemplateFigureCheck& f);

// One row per figure: row, product, figure, cell, workbook, cbam, difference, agrees.
std::string template_check_to_csv(const TemplateCheck& check);

// The page: the verdict, a chart of the workbook's and cbam's total SEE per product row, every
// figure with both values, the difference and cbam's derivation, and the template's own markers.
// `file` and `version` name the workbook. Figures are tied to the CSV as data-row "ROW|CELL".
std::string template_check_to_html(const std::string& file, const std::string& version, const TemplateResults& held,
                                   const TemplateCheck& check, const HtmlContext& ctx);

}  // namespace cbam
