// The cell map of the Commission's communication template for installations, as project data:
// one CSV file per template version (templates/communication-YYYYMMDD.csv) saying where each field
// is, plus its code lists (templates/communication-YYYYMMDD-lists.csv). Reading a filled template
// and filling a blank one are both driven by it, so that a newer template is a data change.
//
// A field is one cell, or a block of cells repeated `count` times (10 processes, 20 purchased
// precursors, 100 products) each holding `items` cells (routes, other processes ...):
//   cell(block, item) = first + block × (block_rows, block_cols) + item × (item_rows, item_cols)
// e.g. process.direct_emissions is D_Processes!L54 for P1 and L54 + 65 rows per process after it.
//
// The workbook states its version in the hidden sheet VersionDocumentation (B3: the version's date,
// B5: the language), as every published version has done: detect_version reads it, and
// map_for_workbook refuses a version without a map, naming the version found.
#pragma once

#include "core/error.h"
#include "io/xlsx.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cbam {

struct TemplateField {
    std::string name;   // "process.direct_emissions"
    std::string sheet;  // "D_Processes"
    xlsx::CellRef first;
    int count = 1, block_rows = 0, block_cols = 0;
    int items = 1, item_rows = 0, item_cols = 0;
    bool input = true;   // an input cell (unlocked, no formula); false: a result (formula)
    std::string type;    // number, text, date, bool, code
    std::string unit;    // t, TJ, tCO2e, tCO2/TJ, MWh, tCO2/MWh, 1 (fraction) ...; "good": t, or MWh for electricity;
                         // "tCO2e/good", "MWh/good", "currency/good": per unit of good
    std::string list;    // code list of a `code` field
    bool required = false;
    std::string meaning;
    SourceLocation where;  // the map's own line

    // The cell of block `block` (0-based: P1 is 0), item `item` (0-based).
    xlsx::CellRef cell(int block = 0, int item = 0) const;
    std::string ref(int block = 0, int item = 0) const { return sheet + "!" + cell(block, item).to_string(); }
};

struct TemplateListItem {
    std::string value;  // as the template writes it ("Calcined clays ", "D.4(a)", "Taiwan")
    std::string code;   // what it means to cbam (registry name, ISO code, grid ...)
    std::string of;     // the category a route or boundary belongs to
    std::string meaning;
};

class TemplateMap {
public:
    // Loads templates/communication-<version>.csv and its lists from `dir`. Throws InputError naming
    // the map file when it is missing or malformed.
    static TemplateMap load(const std::string& dir, const std::string& version);
    // The versions that have a map in `dir`, ascending ("20241213").
    static std::vector<std::string> versions(const std::string& dir);

    const std::string& version() const { return version_; }
    const std::vector<TemplateField>& fields() const { return fields_; }
    // The field named `name`; throws std::out_of_range (a defect: code and map disagree) when absent.
    const TemplateField& field(std::string_view name) const;
    const TemplateField* find(std::string_view name) const;

    // The items of a code list (for routes and boundaries: those `of` one category; all when empty).
    std::vector<const TemplateListItem*> list(std::string_view name, std::string_view of = {}) const;
    // The item whose value is exactly `value` (routes: of category `of`); nullptr when none.
    const TemplateListItem* lookup(std::string_view name, std::string_view value, std::string_view of = {}) const;

private:
    std::string version_;
    std::vector<TemplateField> fields_;
    std::map<std::string, std::size_t, std::less<>> index_;
    std::vector<std::pair<std::string, TemplateListItem>> lists_;  // list name -> item, in file order
};

// What the workbook says of itself (VersionDocumentation!B2, B3, B5).
struct TemplateVersion {
    std::string version;   // "20241213", from the version's date
    std::string date;      // "2024-12-13"
    std::string language;  // "English"
    std::string type;      // "CBAM communication SEE Version 2"
    SourceLocation where;  // of the version cell
};

// The version a workbook states; throws InputError (naming file, sheet and cell) when the workbook
// does not state one: it is then not the Commission's communication template.
TemplateVersion detect_version(const xlsx::Workbook& wb);

// The map of the workbook's version, from `dir`. Throws InputError naming the version found (and
// the versions known) when there is no map for it, or when the template is not the English one.
TemplateMap map_for_workbook(const xlsx::Workbook& wb, const std::string& dir);

}  // namespace cbam
