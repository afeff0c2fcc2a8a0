#include "io/xlsx_edit.h"

#include "core/text.h"

#include <fmt/format.h>
#include <pugixml.hpp>
#include <zip.h>

#include <chrono>
#include <sstream>
#include <stdexcept>

namespace cbam::xlsx {

namespace {

// Parsing keeps the XML as it is: no whitespace folding in attribute values (validation prompts
// hold line breaks), no line-end normalisation, the declaration kept. Saving such a document
// without changes gives back the same bytes (but for the line break after the declaration).
constexpr unsigned kParse = pugi::parse_cdata | pugi::parse_escapes | pugi::parse_declaration | pugi::parse_ws_pcdata_single |
                            pugi::parse_comments | pugi::parse_pi;
constexpr unsigned kFormat = pugi::format_raw | pugi::format_no_declaration;

std::optional<std::uint32_t> row_number(pugi::xml_node row) {
    const char* r = row.attribute("r").value();
    std::uint32_t n = 0;
    if (!*r) return std::nullopt;
    for (const char* p = r; *p; ++p) {
        if (*p < '0' || *p > '9') return std::nullopt;
        n = n * 10 + static_cast<std::uint32_t>(*p - '0');
    }
    return n;
}

}  // namespace

struct WorkbookEditor::Part {
    pugi::xml_document doc;
    pugi::xml_node sheet_data;                   // sheets only
    std::map<std::uint32_t, pugi::xml_node> rows;  // sheets only: row number -> <row>
};

WorkbookEditor::WorkbookEditor(const Workbook& wb, std::string archive) : wb_(wb), archive_(std::move(archive)) {}
WorkbookEditor::~WorkbookEditor() = default;

WorkbookEditor::Part& WorkbookEditor::part(const std::string& path) {
    auto it = parts_.find(path);
    if (it != parts_.end()) return *it->second;
    auto p = std::make_unique<Part>();
    std::string xml = wb_.part(path);
    pugi::xml_parse_result r = p->doc.load_buffer(xml.data(), xml.size(), kParse, pugi::encoding_utf8);
    if (!r) throw std::runtime_error(fmt::format("{}: part {} is not well-formed XML ({})", wb_.file(), path, r.description()));
    return *parts_.emplace(path, std::move(p)).first->second;
}

WorkbookEditor::Part& WorkbookEditor::sheet(std::string_view name) {
    std::string path = wb_.sheet_part(name);  // InputError when there is no such sheet
    bool fresh = parts_.find(path) == parts_.end();
    Part& p = part(path);
    if (fresh) {
        p.sheet_data = p.doc.child("worksheet").child("sheetData");
        if (!p.sheet_data) throw std::runtime_error(fmt::format("{}: sheet {} has no sheetData", wb_.file(), name));
        for (pugi::xml_node row : p.sheet_data.children("row"))
            if (auto n = row_number(row)) p.rows.emplace(*n, row);
    }
    return p;
}

namespace {

// The <c> element of `ref` in `sheet`, created (with its row) when absent; its value cleared.
pugi::xml_node cell_for_value(pugi::xml_node sheet_data, std::map<std::uint32_t, pugi::xml_node>& rows, CellRef ref,
                              const std::string& where) {
    pugi::xml_node row;
    if (auto it = rows.find(ref.row); it != rows.end()) {
        row = it->second;
    } else {
        auto next = rows.upper_bound(ref.row);
        row = next == rows.end() ? sheet_data.append_child("row") : sheet_data.insert_child_before("row", next->second);
        row.append_attribute("r") = std::to_string(ref.row).c_str();
        rows.emplace(ref.row, row);
    }
    const std::string a1 = ref.to_string();
    pugi::xml_node cell;
    for (pugi::xml_node c = row.child("c"); c; c = c.next_sibling("c")) {
        auto at = CellRef::parse(c.attribute("r").value());
        if (!at) continue;
        if (at->col == ref.col) {
            cell = c;
            break;
        }
        if (at->col > ref.col) {
            cell = row.insert_child_before("c", c);
            cell.append_attribute("r") = a1.c_str();
            break;
        }
    }
    if (!cell) {
        cell = row.append_child("c");
        cell.append_attribute("r") = a1.c_str();
    }
    if (cell.child("f")) throw std::logic_error(fmt::format("{}!{} holds a formula: it is not an input cell", where, a1));
    while (pugi::xml_node c = cell.first_child()) cell.remove_child(c);
    cell.remove_attribute("t");
    return cell;
}

}  // namespace

void WorkbookEditor::set_number(std::string_view sheet_name, CellRef ref, const Decimal& value) {
    Part& p = sheet(sheet_name);
    pugi::xml_node c = cell_for_value(p.sheet_data, p.rows, ref, std::string(sheet_name));
    c.append_child("v").text().set(cell_number_text(value).c_str());
}

void WorkbookEditor::set_text(std::string_view sheet_name, CellRef ref, std::string_view text) {
    Part& p = sheet(sheet_name);
    pugi::xml_node c = cell_for_value(p.sheet_data, p.rows, ref, std::string(sheet_name));
    c.append_attribute("t") = "inlineStr";
    pugi::xml_node t = c.append_child("is").append_child("t");
    std::string s(text);
    if (!s.empty() && (s.front() == ' ' || s.back() == ' ' || s.find('\n') != std::string::npos))
        t.append_attribute("xml:space") = "preserve";
    t.text().set(s.c_str());
}

void WorkbookEditor::set_bool(std::string_view sheet_name, CellRef ref, bool value) {
    Part& p = sheet(sheet_name);
    pugi::xml_node c = cell_for_value(p.sheet_data, p.rows, ref, std::string(sheet_name));
    c.append_attribute("t") = "b";
    c.append_child("v").text().set(value ? "1" : "0");
}

void WorkbookEditor::set_date(std::string_view sheet_name, CellRef ref, std::string_view iso_date) {
    auto serial = serial_day(iso_date);
    if (!serial) throw std::invalid_argument(fmt::format("not a date from 1900-03-01 on: \"{}\"", iso_date));
    set_number(sheet_name, ref, Decimal(*serial));
}

void WorkbookEditor::recalculate_on_open() {
    Part& p = part("xl/workbook.xml");
    pugi::xml_node wb = p.doc.child("workbook");
    pugi::xml_node calc = wb.child("calcPr");
    if (!calc) {
        // CT_Workbook order: ... sheets, functionGroups, externalReferences, definedNames, calcPr ...
        pugi::xml_node after = wb.child("definedNames");
        if (!after) after = wb.child("externalReferences");
        if (!after) after = wb.child("functionGroups");
        if (!after) after = wb.child("sheets");
        calc = after ? wb.insert_child_after("calcPr", after) : wb.append_child("calcPr");
    }
    if (!calc.attribute("fullCalcOnLoad")) calc.append_attribute("fullCalcOnLoad");
    calc.attribute("fullCalcOnLoad") = "1";
}

std::string WorkbookEditor::save() const {
    // Every edited part as text first, so that libzip reads from buffers alive until zip_close.
    std::vector<std::pair<std::string, std::string>> edited;
    for (const auto& [path, p] : parts_) {
        std::ostringstream out;
        p->doc.save(out, "", kFormat, pugi::encoding_utf8);
        edited.emplace_back(path, out.str());
    }
    auto fail = [&](const std::string& what) { throw OutputError(fmt::format("cannot write the workbook: {}", what)); };
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(archive_.data(), archive_.size(), 0, &err);
    if (!src) fail(zip_error_strerror(&err));
    zip_source_keep(src);  // read the result back from it after zip_close
    std::unique_ptr<zip_source_t, void (*)(zip_source_t*)> src_guard(src, zip_source_free);
    zip_t* za = zip_open_from_source(src, 0, &err);
    if (!za) fail(zip_error_strerror(&err));
    for (const auto& [path, xml] : edited) {
        zip_int64_t index = zip_name_locate(za, path.c_str(), 0);
        zip_source_t* s = zip_source_buffer(za, xml.data(), xml.size(), 0);
        if (index < 0 || !s || zip_file_replace(za, static_cast<zip_uint64_t>(index), s, 0) != 0) {
            if (s) zip_source_free(s);
            std::string m = zip_strerror(za);
            zip_discard(za);
            fail(fmt::format("{}: {}", path, m));
        }
        zip_set_file_compression(za, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 0);
    }
    if (zip_close(za) != 0) {
        std::string m = zip_strerror(za);
        zip_discard(za);
        fail(m);
    }
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_source_stat(src, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) || zip_source_open(src) != 0)
        fail(zip_error_strerror(zip_source_error(src)));
    std::string out(static_cast<std::size_t>(st.size), '\0');
    zip_int64_t n = zip_source_read(src, out.data(), st.size);
    zip_source_close(src);
    if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) fail("the new archive could not be read back");
    return out;
}

std::string cell_number_text(const Decimal& value) {
    if (value.is_zero()) return "0";
    Decimal a = value.sign() < 0 ? -value : value;
    // e: the power of ten of the leading digit (10^e <= a < 10^(e+1))
    int e = 0;
    Decimal p(1);
    while (a >= p * Decimal(10)) {
        p *= Decimal(10);
        ++e;
    }
    while (a < p) {
        p /= Decimal(10);
        --e;
    }
    std::string s;
    if (e <= 16) {
        s = value.to_fixed(16 - e);  // 17 significant digits
    } else {  // an integer of more than 17 digits: round off the digits beyond the 17th
        Decimal scale(1);
        for (int i = 16; i < e; ++i) scale *= Decimal(10);
        s = (value / scale).to_fixed(0) + std::string(static_cast<std::size_t>(e - 16), '0');
    }
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    return s;
}

std::optional<long> serial_day(std::string_view iso) {
    if (!is_iso_date(iso)) return std::nullopt;
    using namespace std::chrono;
    auto num = [&](std::size_t at, std::size_t n) {
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (iso[i] - '0');
        return v;
    };
    year_month_day ymd{year{num(0, 4)}, month{static_cast<unsigned>(num(5, 2))}, day{static_cast<unsigned>(num(8, 2))}};
    if (!ymd.ok()) return std::nullopt;
    // Serial 61 is 1900-03-01 (the 1900 system counts a 29 February 1900 that never was).
    long days = (sys_days(ymd) - sys_days(year_month_day{year{1899}, month{12}, day{30}})).count();
    if (days < 61) return std::nullopt;
    return days;
}

}  // namespace cbam::xlsx
