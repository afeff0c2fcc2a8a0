#include "importers/template_results_reader.h"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <set>

namespace cbam {

namespace {

CachedFigure figure(const xlsx::Workbook& wb, const TemplateMap& map, const char* field, int row) {
    const TemplateField& f = map.field(field);
    CachedFigure out;
    out.where = wb.at(f.sheet, f.cell(row), field);
    const xlsx::Cell* c = wb.sheet(f.sheet).at(f.cell(row));
    if (!c || (c->type == xlsx::CellType::Empty && !c->formula)) out.shown = "(empty)";
    else if (c->type == xlsx::CellType::Empty) out.shown = "(no result stored)";
    else if (auto v = c->number()) out.value = v;
    else if (c->type == xlsx::CellType::Text && c->value.empty()) out.shown = "(empty)";
    else out.shown = c->value;
    return out;
}

std::string text_of(const xlsx::Workbook& wb, const TemplateMap& map, const char* field, int row) {
    const TemplateField& f = map.field(field);
    const xlsx::Cell* c = wb.sheet(f.sheet).at(f.cell(row));
    if (!c || c->type == xlsx::CellType::Error) return {};
    if (c->type == xlsx::CellType::Number) return c->number() ? c->number()->to_string() : c->value;
    return c->value;
}

std::string application(const xlsx::Workbook& wb) {
    if (!wb.has_part("docProps/app.xml")) return {};
    std::string xml = wb.part("docProps/app.xml");
    pugi::xml_document doc;
    if (!doc.load_buffer(xml.data(), xml.size())) return {};
    for (pugi::xml_node n = doc.first_child().first_child(); n; n = n.next_sibling())
        if (std::string_view(n.name()).ends_with("Application")) return n.child_value();
    return {};
}

bool in_rows(const xlsx::CellRef& r, std::uint32_t col, std::uint32_t first, std::uint32_t last) {
    return r.col == col && r.row >= first && r.row <= last;
}

// A_InstData's error-message column N and its error flags AG, for processes (83-92) and purchased
// precursors (102-121): version 20241213's positions.
bool a_instdata_error_column(const xlsx::CellRef& r) {
    return in_rows(r, 14, 83, 92) || in_rows(r, 14, 102, 121) || in_rows(r, 33, 83, 92) || in_rows(r, 33, 102, 121);
}

std::string meaning_of(const std::string& text) {
    if (text.rfind("ErrMiss_", 0) == 0) return "the template flags an entry of this row as missing or inconsistent";
    if (text == "Incomplete!") return "the template finds this entry incomplete";
    if (text == "Inconsistent!") return "the template finds the routes of this entry inconsistent with the goods categories";
    if (text == "Duplicate!") return "the template finds this name used twice";
    return "the template's formula gives an error value here";
}

}  // namespace

TemplateResults read_template_results(const xlsx::Workbook& wb, const TemplateMap& map) {
    TemplateResults out;
    out.saved_by = application(wb);
    out.libreoffice = out.saved_by.rfind("LibreOffice", 0) == 0;

    const TemplateField& products = map.field("product.process");
    std::set<std::pair<std::string, std::string>> result_cells;  // sheet, A1 of the mapped SEE results
    for (int r = 0; r < products.count; ++r) {
        for (const char* f : {"product.see_direct", "product.see_indirect", "product.see_total", "communication.see_direct",
                              "communication.see_indirect", "communication.see_total"})
            result_cells.emplace(map.field(f).sheet, map.field(f).cell(r).to_string());
        TemplateResultRow row;
        row.row = r;
        row.process = text_of(wb, map, "product.process", r);
        row.cn_code = text_of(wb, map, "product.cn_code", r);
        row.product_name = text_of(wb, map, "product.name", r);
        if (row.process.empty() && row.cn_code.empty()) continue;
        row.direct = figure(wb, map, "product.see_direct", r);
        row.indirect = figure(wb, map, "product.see_indirect", r);
        row.total = figure(wb, map, "product.see_total", r);
        row.comm_direct = figure(wb, map, "communication.see_direct", r);
        row.comm_indirect = figure(wb, map, "communication.see_indirect", r);
        row.comm_total = figure(wb, map, "communication.see_total", r);
        out.rows.push_back(std::move(row));
    }

    for (const char* sheet : {"A_InstData", "B_EmInst", "C_Emissions&Energy", "D_Processes", "E_PurchPrec", "Summary_Processes",
                              "Summary_Products", "Summary_Communication"}) {
        if (!wb.has_sheet(sheet)) continue;
        const bool a_sheet = std::string_view(sheet) == "A_InstData";
        for (const auto& [ref, c] : wb.sheet(sheet).cells()) {
            if (c.type == xlsx::CellType::Text) {
                bool flag = c.value.rfind("ErrMiss_", 0) == 0 || (a_sheet && a_instdata_error_column(ref) && !c.value.empty() && c.value != "n.a.");
                if (flag) out.markers.push_back({wb.at(sheet, ref), c.value, meaning_of(c.value)});
            } else if (c.type == xlsx::CellType::Error) {
                const bool result = result_cells.count({sheet, ref.to_string()}) > 0;
                // LibreOffice has no "]" in CELL("filename"), so the sheet-name cells, and the navigation
                // links and list helpers built on them, are #VALUE!; and COUNTIF(range, NA()) gives #N/A
                // in A_InstData's error columns where Excel gives 0.
                const bool artefact = out.libreoffice && !result &&
                                      (c.value == "#VALUE!" || (c.value == "#N/A" && a_sheet && a_instdata_error_column(ref)));
                if (artefact) ++out.libreoffice_artefacts;
                else out.markers.push_back({wb.at(sheet, ref), c.value, meaning_of(c.value)});
            }
        }
    }
    return out;
}

}  // namespace cbam
