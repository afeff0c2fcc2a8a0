#include "writers/template_check_writer.h"

#include "io/csv_writer.h"
#include "writers/explanation.h"
#include "writers/html_page.h"
#include "writers/rounding.h"

#include <fmt/format.h>

#include <map>

namespace cbam {

namespace {

constexpr const char* kWorkbookColour = "#7a8699";
constexpr const char* kCbamColour = "#1f5fa8";

// "SEE direct" -> "check.figure.direct": the figure's name in the page's language.
std::string figure_key(const std::string& figure) {
    if (figure == "SEE direct") return "check.figure.direct";
    if (figure == "SEE indirect") return "check.figure.indirect";
    return "check.figure.total";
}

}  // namespace

std::string workbook_text(const CachedFigure& f) { return f.value ? format_see(*f.value) : f.shown; }
std::string cbam_text(const TemplateFigureCheck& f) { return f.cbam ? format_see(f.cbam->value()) : "-"; }
std::string difference_text(const TemplateFigureCheck& f) { return f.difference ? f.difference->to_fixed(6) : "-"; }

std::string template_check_to_csv(const TemplateCheck& check) {
    CsvWriter csv;
    csv.row({"row", "product", "figure", "cell", "workbook", "cbam", "difference", "agrees"});
    for (const auto& f : check.figures)
        csv.row({std::to_string(f.row + 1), f.product, f.figure, f.workbook.where.place(), workbook_text(f.workbook), cbam_text(f),
                 difference_text(f), f.agrees ? "yes" : "no"});
    return csv.str();
}

std::string template_check_to_html(const std::string& file, const std::string& version, const TemplateResults& held,
                                   const TemplateCheck& check, const HtmlContext& ctx) {
    const Catalogue& cat = ctx.cat;
    std::string title = cat.format("check.title", {{"file", file}});
    HtmlPage page(cat, ctx.charts, title);
    page.raw("<header>\n").heading(1, title);
    page.paragraph(cat.format("check.version", {{"version", version}}), "meta");
    if (!held.saved_by.empty()) page.paragraph(cat.format("check.saved_by", {{"app", held.saved_by}}), "meta");
    page.raw("</header>\n");

    std::size_t differ = 0;
    for (const auto& f : check.figures) differ += !f.agrees;
    std::string lead = check.figures.empty()       ? cat("check.lead.empty")
                       : check.all_agree()          ? cat.format("check.lead.agree", {{"n", std::to_string(check.figures.size())}})
                       : !held.any_result()         ? cat("check.lead.no_results")
                                                    : cat.format("check.lead.differ", {{"k", std::to_string(differ)}, {"n", std::to_string(check.figures.size())}});
    page.raw(fmt::format("<p class=\"lead\">{}</p>\n", html_escape(lead)));

    // One derivation per figure that has one; its anchor links every figure of the row.
    std::map<std::size_t, std::string> why;
    for (std::size_t i = 0; i < check.figures.size(); ++i) {
        const auto& f = check.figures[i];
        std::string text = f.cbam ? explain(*f.cbam, fmt::format("cbam's {} of product row {}", f.figure, f.row + 1)) : std::string();
        if (!f.why.empty()) text = f.why + (text.empty() ? "" : "\n\n" + text);
        if (text.empty()) text = cat("check.no_cbam");
        why[i] = page.derivation(cat.format("check.why", {{"figure", cat(figure_key(f.figure))}, {"row", std::to_string(f.row + 1)},
                                                                             {"cell", f.workbook.where.place()}}),
                                                    text);
    }

    // The chart: total SEE per product row (Summary_Products), the workbook's beside cbam's.
    nlohmann::json labels = nlohmann::json::array();
    ChartSeries wb{cat("check.col.workbook"), kWorkbookColour, {}}, ours{cat("check.col.cbam"), kCbamColour, {}};
    for (const auto& f : check.figures) {
        if (f.figure != "SEE total" || f.workbook.where.sheet != "Summary_Products") continue;
        labels.push_back(cat.format("check.row_label", {{"row", std::to_string(f.row + 1)}, {"product", f.product}}));
        wb.values.push_back(f.workbook.value ? format_see(*f.workbook.value) : "0");
        ours.values.push_back(f.cbam ? format_see(f.cbam->value()) : "0");
    }
    if (!labels.empty()) {
        nlohmann::json config = stacked_bars(labels, {wb, ours}, "tCO2e/t");
        // Side by side, not stacked: two figures of the same quantity.
        config["options"]["scales"]["x"]["stacked"] = false;
        config["options"]["scales"]["y"]["stacked"] = false;
        page.chart(config, cat("check.chart"));
    }

    page.heading(2, cat("check.figures"), "figures");
    page.raw("<table>\n" + html_row({html_escape(cat("check.col.row")), html_escape(cat("check.col.product")), html_escape(cat("check.col.figure")),
                                     html_escape(cat("check.col.cell")), "\x01" + html_escape(cat("check.col.workbook")),
                                     "\x01" + html_escape(cat("check.col.cbam")), "\x01" + html_escape(cat("check.col.difference")),
                                     html_escape(cat("check.col.agrees"))},
                                    true));
    for (std::size_t i = 0; i < check.figures.size(); ++i) {
        const auto& f = check.figures[i];
        std::string key = std::to_string(f.row + 1) + "|" + f.workbook.where.place();
        const std::string& w = why[i];
        auto cell = [&](const std::string& text, const char* col, bool number) {
            return number ? page.figure(text, key, col, w) : html_escape(text);
        };
        std::string verdict = f.agrees ? "<span class=\"tag\">" + html_escape(cat("check.agrees")) + "</span>"
                                       : "<span class=\"tag default\">" + html_escape(cat("check.differs")) + "</span>";
        page.raw(html_row({std::to_string(f.row + 1), html_escape(f.product), html_escape(cat(figure_key(f.figure))), html_escape(f.workbook.where.place()),
                           cell(workbook_text(f.workbook), "workbook", f.workbook.value.has_value()), cell(cbam_text(f), "cbam", f.cbam.has_value()),
                           cell(difference_text(f), "difference", f.difference.has_value()), verdict}));
    }
    page.raw("</table>\n");

    page.heading(2, cat("check.markers"), "markers");
    if (held.markers.empty()) page.paragraph(cat("check.no_markers"));
    else {
        page.raw("<ul>\n");
        for (const auto& m : held.markers)
            page.raw(fmt::format("<li><code>{}</code>: {} ({})</li>\n", html_escape(m.where.to_string()), html_escape(m.text), html_escape(m.meaning)));
        page.raw("</ul>\n");
    }
    if (held.libreoffice_artefacts > 0) page.paragraph(cat.format("check.artefacts", {{"n", std::to_string(held.libreoffice_artefacts)}}), "meta");

    page.about({"check.about.tolerance", "check.about.cached", "check.about.total", "calc.about.links"}, ctx.data_versions);
    return page.str();
}

}  // namespace cbam
