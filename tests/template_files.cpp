#include "template_files.h"

#include "io/xlsx.h"
#include "io/xlsx_edit.h"
#include "support.h"
#include "xlsx_files.h"

#include <algorithm>
#include <regex>
#include <stdexcept>

namespace cbam::test {

std::string filled_template(const std::vector<TemplateCell>& cells) {
    std::string blank = official_template();
    if (blank.empty()) return {};
    std::string bytes = read_file(blank);
    xlsx::Workbook wb = xlsx::Workbook::from_bytes(bytes, blank);
    xlsx::WorkbookEditor ed(wb, bytes);
    for (const auto& c : cells) {
        auto ref = xlsx::SheetRef::parse(c.ref);
        if (!ref) throw std::invalid_argument("filled_template: bad reference " + c.ref);
        switch (c.kind) {
            case TemplateCell::Number: ed.set_number(ref->sheet, ref->cell, D(c.value.c_str())); break;
            case TemplateCell::Text: ed.set_text(ref->sheet, ref->cell, c.value); break;
            case TemplateCell::Date: ed.set_date(ref->sheet, ref->cell, c.value); break;
            case TemplateCell::Bool: ed.set_bool(ref->sheet, ref->cell, c.value == "TRUE"); break;
        }
    }
    return ed.save();
}

std::string with_formula(const std::string& bytes, const std::string& ref, const std::string& formula, const std::string& cached) {
    auto where = xlsx::SheetRef::parse(ref);
    xlsx::Workbook wb = xlsx::Workbook::from_bytes(bytes, "in.xlsx");
    std::string part = wb.sheet_part(where->sheet);
    Parts parts = unzip_parts(bytes);
    for (auto& [name, xml] : parts) {
        if (name != part) continue;
        // <c r="L54" s="12"/> or <c r="L54" s="12"><v>..</v></c>
        std::regex cell("<c r=\"" + where->cell.to_string() + "\"( s=\"[0-9]+\")?[^>]*?(/>|>.*?</c>)");
        std::smatch m;
        if (!std::regex_search(xml, m, cell)) throw std::invalid_argument("with_formula: no cell " + ref);
        std::string repl = "<c r=\"" + where->cell.to_string() + "\"" + m[1].str() + "><f>" + formula + "</f><v>" + cached + "</v></c>";
        xml = m.prefix().str() + repl + m.suffix().str();
    }
    return zip_parts(parts);
}

std::string with_cached(const std::string& bytes, const std::string& ref, const std::string& value, bool error, bool text) {
    auto where = xlsx::SheetRef::parse(ref);
    xlsx::Workbook wb = xlsx::Workbook::from_bytes(bytes, "in.xlsx");
    std::string part = wb.sheet_part(where->sheet);
    Parts parts = unzip_parts(bytes);
    for (auto& [name, xml] : parts) {
        if (name != part) continue;
        std::string a1 = where->cell.to_string();
        std::regex cell("<c r=\"" + a1 + "\"([^>]*?)>(<f[^>]*/>|<f[^>]*>[^<]*</f>)(<v>[^<]*</v>|<v/>)?</c>");
        std::smatch m;
        if (!std::regex_search(xml, m, cell)) throw std::invalid_argument("with_cached: no formula cell " + ref);
        std::string attrs = std::regex_replace(m[1].str(), std::regex(" t=\"[a-zA-Z]+\""), "");
        std::string type = error ? " t=\"e\"" : text ? " t=\"str\"" : "";
        xml = m.prefix().str() + "<c r=\"" + a1 + "\"" + attrs + type + ">" + m[2].str() + "<v>" + value + "</v></c>" + m.suffix().str();
    }
    return zip_parts(parts);
}

std::vector<TemplateCell> clinker_and_cement() {
    return {
        date("A_InstData!I9", "2024-01-01"), date("A_InstData!L9", "2024-12-31"),
        txt("A_InstData!I20", "Test Clinker Works"), txt("A_InstData!I25", "Kaohsiung"), txt("A_InstData!I26", "Taiwan"),
        txt("A_InstData!I27", "TWKHH"),
        txt("A_InstData!E62", "Cement clinker"), txt("A_InstData!E63", "Cement"),
        // P1 Kiln makes clinker, P2 Mill makes cement; PP1 is clinker bought from Viet Nam.
        txt("A_InstData!E83", "Cement clinker"), txt("A_InstData!F83", "Only direct production"), txt("A_InstData!L83", "Kiln"),
        txt("A_InstData!E84", "Cement"), txt("A_InstData!F84", "Only direct production"), txt("A_InstData!L84", "Mill"),
        txt("A_InstData!E102", "Cement clinker"), txt("A_InstData!F102", "VN"), txt("A_InstData!L102", "Slag clinker"),
        // D_Processes, P1 (block from row 11): 1 000 t, 200 t to market, 800 t to P2 (the first other process)
        num("D_Processes!L16", "1000"), num("D_Processes!L27", "200"), num("D_Processes!L32", "800"), num("D_Processes!L41", "0"),
        num("D_Processes!L54", "900"),                                   // DirEm*
        num("D_Processes!L57", "0"), num("D_Processes!M57", "2"),         // heat exported 2 TJ
        num("D_Processes!L58", "0"), num("D_Processes!M58", "60"),        // at 60 tCO2/TJ
        num("D_Processes!L65", "50"), num("D_Processes!L66", "0.5"), txt("D_Processes!L67", "D.4(a)"),
        // P2 (block from row 76): 2 000 t, all to market; waste gas imported 1 TJ
        num("D_Processes!L81", "2000"), num("D_Processes!L92", "2000"), num("D_Processes!L119", "10"),
        num("D_Processes!L126", "1"), num("D_Processes!M126", "0"),
        num("D_Processes!L130", "100"), num("D_Processes!L131", "0.5"), txt("D_Processes!L132", "D.4(a)"),
        // What the template asks for although it is nothing here (else it flags the rows as missing):
        // relevance flags, zero flows, no electricity exported.
        {"D_Processes!K50", "TRUE", TemplateCell::Bool}, {"D_Processes!L50", "FALSE", TemplateCell::Bool},
        num("D_Processes!L61", "0"), num("D_Processes!M61", "0"), num("D_Processes!L71", "0"),
        {"D_Processes!K115", "FALSE", TemplateCell::Bool}, {"D_Processes!L115", "TRUE", TemplateCell::Bool},
        num("D_Processes!L122", "0"), num("D_Processes!M122", "0"), num("D_Processes!L123", "0"), num("D_Processes!M123", "0"),
        num("D_Processes!L136", "0"), num("D_Processes!L106", "0"),
        // E_PurchPrec, PP1 (block from row 14): 200 t bought, all consumed in P2
        num("E_PurchPrec!L17", "200"), num("E_PurchPrec!L28", "0"), num("E_PurchPrec!L29", "200"), num("E_PurchPrec!L38", "0"),
        num("E_PurchPrec!L49", "0.9"), txt("E_PurchPrec!M49", "Measured"),
        num("E_PurchPrec!L50", "0.05"), txt("E_PurchPrec!M50", "Measured"),
        num("E_PurchPrec!L51", "0.6"), txt("E_PurchPrec!M51", "D.4(b)"),
        // Summary_Products: one product per process
        txt("Summary_Products!D10", "Kiln"), txt("Summary_Products!F10", "25231000"), txt("Summary_Products!H10", "Clinker"),
        txt("Summary_Products!D11", "Mill"), txt("Summary_Products!F11", "25232900"), txt("Summary_Products!H11", "Portland cement"),
        num("Summary_Products!AB11", "0.92"),  // clinker factor, which the template asks for cement
    };
}

std::string example_with(const std::vector<TemplateCell>& changes) {
    auto cells = clinker_and_cement();
    for (const auto& c : changes) {
        auto it = std::find_if(cells.begin(), cells.end(), [&](const TemplateCell& x) { return x.ref == c.ref; });
        if (it != cells.end()) *it = c;
        else cells.push_back(c);
    }
    std::erase_if(cells, [](const TemplateCell& c) { return c.kind == TemplateCell::Text && c.value.empty(); });
    return filled_template(cells);
}

}  // namespace cbam::test
