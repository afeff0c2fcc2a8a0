// Reading xlsx workbooks (Office Open XML spreadsheets): a zip archive (libzip) of XML parts
// (pugixml). What reading values needs, and no more: sheets found by name through workbook.xml and
// its relationships, shared strings, and each cell's type, value and formula.
//
// A cell's value is what the file holds: the constant typed into it, or for a formula the result
// cached by the application that last saved the file (Excel, LibreOffice). Nothing is recalculated.
//
// Hostile files are refused before anything is parsed, each with a clear InputError naming the file:
// an Excel 97-2003 .xls (BIFF in an OLE2 container), a password-protected workbook (also an OLE2
// container), anything that is not a zip archive, a corrupt archive, and a zip bomb (every part is
// decompressed under a size cap and a compression-ratio cap, see Limits).
#pragma once

#include "core/decimal.h"
#include "core/error.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cbam::xlsx {

// A cell position: 1-based row and column ("L23" is row 23, column 12).
struct CellRef {
    std::uint32_t row = 0;
    std::uint32_t col = 0;

    // "L23", "$L$23", "l23"; nullopt for anything else or beyond XFD1048576.
    static std::optional<CellRef> parse(std::string_view a1);
    std::string to_string() const;  // "L23"
    CellRef offset(int rows, int cols) const { return {row + rows, col + cols}; }
    friend bool operator==(const CellRef&, const CellRef&) = default;
    friend auto operator<=>(const CellRef& a, const CellRef& b) = default;  // by row, then column
};

// Column letters <-> number: "A" = 1, "Z" = 26, "AA" = 27, "XFD" = 16384.
std::optional<std::uint32_t> column_number(std::string_view letters);
std::string column_name(std::uint32_t col);

// "D_Processes!L23" or "'C_Emissions&Energy'!M26": a sheet and a cell.
struct SheetRef {
    std::string sheet;
    CellRef cell;
    static std::optional<SheetRef> parse(std::string_view text);
    std::string to_string() const;  // "D_Processes!L23" (the sheet name as it is, unquoted)
};

enum class CellType {
    Empty,    // nothing stored (a blank cell, or a formula without a cached result)
    Number,   // a number (dates are numbers too: serial days, see iso_date)
    Text,     // a string: shared, inline, or the string result of a formula
    Boolean,  // value "1" (TRUE) or "0" (FALSE)
    Error,    // an error value such as "#N/A", "#VALUE!", "#DIV/0!"
};

const char* describe(CellType t);  // "a number", "text", "TRUE/FALSE", "an error value" ...

struct Cell {
    CellType type = CellType::Empty;  // of the value below
    std::string value;                // as stored: "12.5", "0.91500000000000004", "Cement", "1", "#N/A"
    bool formula = false;             // the cell holds a formula (its value is the cached result)
    std::string formula_text;         // without '='; empty for the non-first cells of a shared formula
    std::uint32_t style = 0;          // index into the workbook's cell formats (styles.xml cellXfs)

    // The number the spreadsheet meant, exactly: a spreadsheet keeps numbers as binary doubles and
    // Excel writes them with 17 significant digits (0.915 is stored as 0.91500000000000004), so
    // the value is the shortest decimal that reads back as the same binary floating-point value ("0.915").
    // nullopt unless the type is Number and the text a finite number.
    std::optional<Decimal> number() const;
    bool blank() const { return type == CellType::Empty || (type == CellType::Text && value.empty()); }
};

// A date cell's value as YYYY-MM-DD: a serial day number (1900 or 1904 date system) or text that
// is already an ISO date. nullopt otherwise.
std::optional<std::string> iso_date(const Cell& c, bool date1904);

// Caps that keep a hostile archive from exhausting memory or time. A part is refused when it
// decompresses to more than max_part_bytes, or (past 1 MiB) to more than max_ratio times its
// compressed size: ordinary workbooks stay far below both (the Commission's 1.3 MB template has
// parts of at most 1.1 MB, compressed 5 to 15 times).
struct Limits {
    std::uint64_t max_part_bytes = 64ull << 20;
    std::uint64_t max_total_bytes = 256ull << 20;  // all parts read from one workbook together
    std::uint64_t max_ratio = 100;
    std::uint64_t max_entries = 10000;
    std::uint64_t max_file_bytes = 100ull << 20;  // the xlsx file itself
};

class Sheet {
public:
    const std::string& name() const { return name_; }
    // The cell at `ref`; nullptr when the file stores nothing there (a styled cell without a value
    // is stored, as an Empty cell with its style).
    const Cell* at(CellRef ref) const;
    const Cell* at(std::string_view a1) const;
    // Every stored cell, in row then column order.
    const std::vector<std::pair<CellRef, Cell>>& cells() const { return cells_; }

private:
    friend class Workbook;
    std::string name_;
    std::vector<std::pair<CellRef, Cell>> cells_;
};

class Workbook {
public:
    // Opens `path`; throws InputError (naming the file) when it is not a readable xlsx workbook.
    static Workbook open(const std::string& path, const Limits& limits = {});
    // The same from bytes in memory; `name` stands for the file in messages.
    static Workbook from_bytes(std::string bytes, std::string name, const Limits& limits = {});

    Workbook(Workbook&&) noexcept;
    Workbook& operator=(Workbook&&) noexcept;
    ~Workbook();

    const std::string& file() const { return file_; }
    // Sheet names in workbook order (hidden sheets included).
    const std::vector<std::string>& sheet_names() const { return sheet_names_; }
    bool has_sheet(std::string_view name) const;
    // The sheet, parsed on first use. Throws InputError when the workbook has no such sheet or
    // its XML is broken.
    const Sheet& sheet(std::string_view name) const;
    // The cell at "Sheet!A1"; nullptr when empty. Throws like sheet().
    const Cell* cell(std::string_view sheet_and_ref) const;
    bool date1904() const { return date1904_; }

    // For writers that edit a copy: the archive path of a sheet's XML ("xl/worksheets/sheet8.xml"),
    // every part's path, and a part's bytes (under the same caps).
    std::string sheet_part(std::string_view name) const;
    std::vector<std::string> part_names() const;
    std::string part(const std::string& path) const;
    bool has_part(const std::string& path) const;

    // A location in this workbook, for errors and explanations.
    SourceLocation at(std::string_view sheet, CellRef ref, std::string field = {}) const {
        return SourceLocation::in_sheet(file_, std::string(sheet), ref.to_string(), std::move(field));
    }

private:
    struct Zip;
    Workbook() = default;
    void load();
    const std::string& shared_string(std::size_t i) const;
    std::string read_part(const std::string& path, const std::string& sheet) const;  // errors name `sheet` when given
    [[noreturn]] void fail(std::string message, std::string sheet = {}) const;

    std::string file_;
    Limits limits_;
    std::unique_ptr<Zip> zip_;
    std::vector<std::string> sheet_names_;
    std::map<std::string, std::string, std::less<>> sheet_parts_;  // name -> part path
    bool date1904_ = false;
    mutable std::uint64_t bytes_read_ = 0;
    mutable std::optional<std::vector<std::string>> shared_strings_;
    mutable std::map<std::string, std::unique_ptr<Sheet>, std::less<>> sheets_;
};

}  // namespace cbam::xlsx
