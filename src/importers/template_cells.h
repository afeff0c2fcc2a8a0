// Typed, located reading of the cells of a communication template through its cell map
// (io/template_map.h). Every problem is added to the Diagnostics with the file, sheet and cell;
// nothing throws. Shared by the readers of the template's inputs and of its summary sheets.
#pragma once

#include "core/error.h"
#include "io/template_map.h"
#include "io/xlsx.h"
#include "model/input.h"

#include <optional>
#include <string>
#include <string_view>

namespace cbam {

class TemplateCells {
public:
    TemplateCells(const xlsx::Workbook& wb, const TemplateMap& map, Diagnostics& diags) : wb_(wb), map_(map), diags_(diags) {}

    const xlsx::Workbook& workbook() const { return wb_; }
    const TemplateMap& map() const { return map_; }
    Diagnostics& diagnostics() const { return diags_; }

    // Where field `field` of block `block` (0-based), item `item` is: "f.xlsx:D_Processes!L54 (process.direct_emissions)".
    SourceLocation at(std::string_view field, int block = 0, int item = 0) const;
    const xlsx::Cell* cell(std::string_view field, int block = 0, int item = 0) const;
    // Nothing typed in (absent, empty, or an empty text).
    bool blank(std::string_view field, int block = 0, int item = 0) const;
    // "P3", "PP12", "product row 7", "G2": which block a field's block is, for messages.
    std::string block_label(std::string_view field, int block) const;
    void error(std::string_view field, int block, int item, const std::string& message) const;

    // Input cells: a value typed in. A formula in an input cell is an error (cbam reads typed values
    // and does not recalculate), and so is a value of the wrong type. A blank cell gives nullopt, and
    // an error when `required`.
    std::optional<Input> number(std::string_view field, int block, int item, const Unit& unit, bool required = false) const;
    std::optional<std::string> text(std::string_view field, int block = 0, int item = 0, bool required = false) const;
    std::optional<std::string> date(std::string_view field, int block = 0, int item = 0, bool required = false) const;
    std::optional<bool> boolean(std::string_view field, int block = 0, int item = 0) const;
    // A value of the field's code list (routes and boundaries: of category `of`).
    const TemplateListItem* code(std::string_view field, int block = 0, int item = 0, std::string_view of = {},
                                 bool required = false) const;

    // Result cells (formulas): the value cached by the application that last saved the workbook.
    // nullopt when blank; an error (added) when the cell holds an error value, text where a number
    // is expected, or no cached value at all (a workbook never opened in Excel or LibreOffice).
    std::optional<Decimal> cached_number(std::string_view field, int block = 0, int item = 0) const;
    std::optional<std::string> cached_text(std::string_view field, int block = 0, int item = 0) const;

private:
    bool typed_in(std::string_view field, int block, int item, const xlsx::Cell*& c) const;

    const xlsx::Workbook& wb_;
    const TemplateMap& map_;
    Diagnostics& diags_;
};

// The unit of a cell map unit: "good" is t, or MWh for electricity; "tCO2e/good" and "MWh/good"
// are per that unit.
Unit template_unit(std::string_view map_unit, bool electricity);

}  // namespace cbam
