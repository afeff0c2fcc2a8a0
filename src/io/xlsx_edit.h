// Editing a copy of an xlsx workbook: cell values set in the sheet XML, the rest kept as it is.
//
// Meant for filling the input cells of a template (the Commission's communication template): only
// the parts whose cells change (those sheets' XML, and workbook.xml when a recalculation is asked
// for) are rewritten; every other part of the archive is copied byte for byte, so formulas, styles,
// data validations, defined names, hidden sheets and everything else the application put there stay
// intact. A cell that holds a formula is never overwritten.
#pragma once

#include "core/decimal.h"
#include "io/xlsx.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace cbam::xlsx {

class WorkbookEditor {
public:
    // `archive`: the bytes `wb` was read from (Workbook::from_bytes). `wb` must outlive the editor.
    WorkbookEditor(const Workbook& wb, std::string archive);
    ~WorkbookEditor();
    WorkbookEditor(const WorkbookEditor&) = delete;
    WorkbookEditor& operator=(const WorkbookEditor&) = delete;

    // Each sets the value of one cell, keeping its style; the cell (and its row) is created when the
    // sheet stores nothing there. Throws std::logic_error when the cell holds a formula (the caller's
    // map of input cells is wrong) and InputError when the sheet does not exist.
    void set_number(std::string_view sheet, CellRef cell, const Decimal& value);
    void set_text(std::string_view sheet, CellRef cell, std::string_view text);
    void set_bool(std::string_view sheet, CellRef cell, bool value);
    // An ISO date (YYYY-MM-DD, 1900-03-01 or later) as the serial day number spreadsheets use;
    // throws std::invalid_argument for anything else.
    void set_date(std::string_view sheet, CellRef cell, std::string_view iso_date);

    // Asks the application that opens the file to recalculate every formula on load
    // (workbook.xml: <calcPr fullCalcOnLoad="1"/>), so that it shows results of the new values.
    void recalculate_on_open();

    // The edited workbook, a complete xlsx archive. Throws OutputError when libzip cannot write it.
    std::string save() const;

private:
    struct Part;
    Part& sheet(std::string_view name);
    Part& part(const std::string& path);

    const Workbook& wb_;
    std::string archive_;
    std::map<std::string, std::unique_ptr<Part>, std::less<>> parts_;  // edited parts by archive path
};

// How a number is written into a cell: exactly when its decimal expansion ends within 17
// significant digits, else rounded (half away from zero) to 17 significant digits, which a
// spreadsheet reads back as the nearest binary floating-point value. Never an exponent.
std::string cell_number_text(const Decimal& value);

// The serial day number of an ISO date in the 1900 date system (1900-03-01 is 61); nullopt when the
// text is not a valid date from 1900-03-01 on.
std::optional<long> serial_day(std::string_view iso_date);

}  // namespace cbam::xlsx
