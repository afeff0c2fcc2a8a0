#include "io/template_map.h"

#include "core/text.h"
#include "io/csv_table.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace cbam {

namespace fs = std::filesystem;

xlsx::CellRef TemplateField::cell(int block, int item) const {
    return first.offset(block * block_rows + item * item_rows, block * block_cols + item * item_cols);
}

std::vector<std::string> TemplateMap::versions(const std::string& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        std::string n = e.path().filename().string();
        // communication-YYYYMMDD.csv
        if (n.size() == 26 && n.rfind("communication-", 0) == 0 && n.substr(22) == ".csv" && is_digits(n.substr(14, 8)))
            out.push_back(n.substr(14, 8));
    }
    std::sort(out.begin(), out.end());
    return out;
}

TemplateMap TemplateMap::load(const std::string& dir, const std::string& version) {
    TemplateMap m;
    m.version_ = version;
    Diagnostics diags;
    const std::string cells = (fs::path(dir) / ("communication-" + version + ".csv")).string();
    const std::string lists = (fs::path(dir) / ("communication-" + version + "-lists.csv")).string();
    for (const auto& f : {cells, lists})
        if (!fs::exists(f)) diags.add({f}, "missing file: the cell map of the communication template, version " + version);
    if (!diags.empty()) throw InputError(std::move(diags));

    read_table(cells,
               {{"field", true}, {"sheet", true}, {"cell", true}, {"count", true}, {"block_rows", true}, {"block_cols", true},
                {"items", true}, {"item_rows", true}, {"item_cols", true}, {"kind", true}, {"type", true}, {"unit", true},
                {"list", true}, {"required", true}, {"meaning", true}},
               CsvDialect::standard(), diags, [&](const CsvRow& row) {
                   TemplateField f;
                   f.where = row.row_location();
                   f.name = row.text("field").value_or("");
                   f.sheet = row.text("sheet").value_or("");
                   auto first = xlsx::CellRef::parse(row.cell("cell"));
                   if (!first) row.error("cell", fmt::format("expected a cell such as L54, found \"{}\"", row.cell("cell")));
                   else f.first = *first;
                   auto integer = [&](const char* col, NumberRule rule) {
                       auto v = row.number(col, true, rule);
                       if (!v) return 0;
                       if (!v->is_terminating() || v->to_fixed(0) != v->to_string() || *v > 100000) {
                           row.error(col, "expected a whole number");
                           return 0;
                       }
                       return static_cast<int>(std::stol(v->to_fixed(0)));
                   };
                   f.count = integer("count", NumberRule::Positive);
                   f.block_rows = integer("block_rows", NumberRule::NonNegative);
                   f.block_cols = integer("block_cols", NumberRule::NonNegative);
                   f.items = integer("items", NumberRule::Positive);
                   f.item_rows = integer("item_rows", NumberRule::NonNegative);
                   f.item_cols = integer("item_cols", NumberRule::NonNegative);
                   f.input = row.choice("kind", {"input", "result"}).value_or("input") == "input";
                   f.type = row.choice("type", {"number", "text", "date", "bool", "code"}).value_or("");
                   f.unit = row.text("unit", false).value_or("");
                   f.list = row.text("list", false).value_or("");
                   if (f.type == "code" && f.list.empty()) row.error("list", "a field of type code needs its code list");
                   f.required = row.choice("required", {"yes", "no"}).value_or("no") == "yes";
                   f.meaning = row.text("meaning", false).value_or("");
                   if (first) {
                       xlsx::CellRef last = f.cell(f.count - 1, f.items - 1);
                       if (last.row > 1048576 || last.col > 16384) row.error("cell", "the block runs past the last row or column of a sheet");
                   }
                   auto [it, inserted] = m.index_.emplace(f.name, m.fields_.size());
                   if (!inserted) row.error("field", fmt::format("field \"{}\" is mapped twice", f.name));
                   else m.fields_.push_back(std::move(f));
               });
    read_table(lists, {{"list", true}, {"value", true}, {"code", true}, {"of", true}, {"meaning", true}}, CsvDialect::standard(), diags,
               [&](const CsvRow& row) {
                   TemplateListItem item;
                   auto name = row.text("list");
                   item.value = std::string(row.raw("value"));  // spaces are part of some values ("Calcined clays ")
                   if (item.value.empty()) row.error("value", "expected a value, found an empty cell");
                   item.code = std::string(row.cell("code"));
                   item.of = std::string(row.raw("of"));
                   item.meaning = std::string(row.cell("meaning"));
                   if (name && !item.value.empty()) m.lists_.emplace_back(*name, std::move(item));
               });
    for (const auto& f : m.fields_)
        if (!f.list.empty() && f.list != "country_code" &&
            std::none_of(m.lists_.begin(), m.lists_.end(), [&](const auto& l) { return l.first == f.list; }))
            diags.add(f.where, fmt::format("field \"{}\" refers to the code list \"{}\", which {} does not define", f.name, f.list, lists));
    if (!diags.empty()) throw InputError(std::move(diags));
    return m;
}

const TemplateField* TemplateMap::find(std::string_view name) const {
    auto it = index_.find(name);
    return it == index_.end() ? nullptr : &fields_[it->second];
}

const TemplateField& TemplateMap::field(std::string_view name) const {
    if (const TemplateField* f = find(name)) return *f;
    throw std::out_of_range(fmt::format("the cell map of template version {} has no field \"{}\"", version_, name));
}

std::vector<const TemplateListItem*> TemplateMap::list(std::string_view name, std::string_view of) const {
    // The list of country codes is the code column of the list of countries.
    std::string_view source = name == "country_code" ? std::string_view("country") : name;
    std::vector<const TemplateListItem*> out;
    for (const auto& [list, item] : lists_)
        if (list == source && (of.empty() || item.of == of)) out.push_back(&item);
    return out;
}

const TemplateListItem* TemplateMap::lookup(std::string_view name, std::string_view value, std::string_view of) const {
    const bool codes = name == "country_code";
    for (const TemplateListItem* item : list(name, of))
        if ((codes ? item->code : item->value) == value) return item;
    return nullptr;
}

TemplateVersion detect_version(const xlsx::Workbook& wb) {
    // Every published version keeps "Info for automatic Version detection" in this hidden sheet.
    const char* sheet = "VersionDocumentation";
    TemplateVersion v;
    v.where = wb.at(sheet, {3, 2}, "version");
    auto refuse = [&](std::string why) {
        Diagnostics d;
        d.add(v.where, why + ": this is not the Commission's communication template for installations, or a version cbam "
                             "does not know (see docs/communication-template.md)");
        throw InputError(std::move(d));
    };
    if (!wb.has_sheet(sheet)) {
        v.where.sheet.clear();  // the file as a whole: the sheet is not there
        v.where.cell.clear();
        v.where.field.clear();
        refuse("the workbook has no sheet VersionDocumentation, where the template states its version");
    }
    const xlsx::Sheet& s = wb.sheet(sheet);
    const xlsx::Cell* date = s.at(xlsx::CellRef{3, 2});
    auto iso = date ? xlsx::iso_date(*date, wb.date1904()) : std::nullopt;
    if (!iso) refuse(fmt::format("expected the template version's date in this cell, found {}", date ? "\"" + date->value + "\"" : "nothing"));
    v.date = *iso;
    v.version = v.date.substr(0, 4) + v.date.substr(5, 2) + v.date.substr(8, 2);
    if (const xlsx::Cell* c = s.at(xlsx::CellRef{5, 2})) v.language = c->value;
    if (const xlsx::Cell* c = s.at(xlsx::CellRef{2, 2})) v.type = c->value;
    return v;
}

TemplateMap map_for_workbook(const xlsx::Workbook& wb, const std::string& dir) {
    TemplateVersion v = detect_version(wb);
    auto known = TemplateMap::versions(dir);
    if (std::find(known.begin(), known.end(), v.version) == known.end()) {
        std::string list;
        for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
        Diagnostics d;
        d.add(v.where, fmt::format("this workbook is the communication template of version {} (dated {}), which cbam does not know: it "
                                   "reads version{} {}. Ask your customer for the template version cbam reads, or see "
                                   "docs/communication-template.md for how a version is added",
                                   v.version, v.date, known.size() == 1 ? "" : "s", list.empty() ? "(none found in " + dir + ")" : list));
        throw InputError(std::move(d));
    }
    if (v.language != "English") {
        Diagnostics d;
        SourceLocation at = v.where;
        at.cell = "B5";
        at.field = "language";
        d.add(at, fmt::format("this is the {} edition of the template; cbam reads the English one, whose lists (categories, routes, "
                              "sources) it knows word for word. Fill in the English template",
                              v.language.empty() ? "unnamed" : "\"" + v.language + "\""));
        throw InputError(std::move(d));
    }
    return TemplateMap::load(dir, v.version);
}

}  // namespace cbam
