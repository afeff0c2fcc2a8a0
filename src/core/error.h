// Located problems in input, collected rather than thrown one at a time.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace cbam {

// Where a value came from: file, 1-based physical line, 1-based column (CSV field index),
// and the column's header name. Line 0 means "the file as a whole".
// In a spreadsheet (xlsx) the place is a sheet and a cell instead of a line and a column:
// sheet "D_Processes", cell "L23" (line and column stay 0).
struct SourceLocation {
    SourceLocation() = default;
    SourceLocation(std::string file_, std::size_t line_ = 0, std::size_t column_ = 0, std::string field_ = {})
        : file(std::move(file_)), line(line_), column(column_), field(std::move(field_)) {}

    std::string file;
    std::size_t line = 0;
    std::size_t column = 0;
    std::string field;
    std::string sheet;  // workbook sheet, when the file is a spreadsheet
    std::string cell;   // A1 reference within `sheet` ("L23"); empty with a sheet: the sheet as a whole

    // "dir/processes.csv:12:3 (activity_level)"; "in.xlsx:D_Processes!L23 (DirEm*)"
    std::string to_string() const;
    // The place within the file, for labels: "line 12", or "D_Processes!L23".
    std::string place() const;
    // A location in a workbook.
    static SourceLocation in_sheet(std::string file, std::string sheet, std::string cell, std::string field = {}) {
        SourceLocation l(std::move(file));
        l.sheet = std::move(sheet);
        l.cell = std::move(cell);
        l.field = std::move(field);
        return l;
    }
};

struct Diagnostic {
    SourceLocation where;
    std::string message;  // "expected a number, found \"12,5a\""
    std::string to_string() const { return where.to_string() + ": " + message; }
};

// Collects diagnostics up to a limit; the count goes on past it.
class Diagnostics {
public:
    explicit Diagnostics(std::size_t limit = 200) : limit_(limit) {}
    void add(SourceLocation where, std::string message);
    bool empty() const { return count_ == 0; }
    std::size_t count() const { return count_; }
    const std::vector<Diagnostic>& items() const { return items_; }
    // How many more problems would still be kept and shown.
    std::size_t room() const { return limit_ - items_.size(); }
    // `n` more problems found once there is no room left: counted, never shown, never held.
    void add_not_shown(std::size_t n) { count_ += n; }
    // Hands the items kept so far over and forgets them; count() still counts them.
    std::vector<Diagnostic> take_items() { return std::exchange(items_, {}); }
    // One line per diagnostic, then "N more not shown" when the limit cut the list.
    std::string to_string() const;

private:
    std::size_t limit_;
    std::size_t count_ = 0;
    std::vector<Diagnostic> items_;
};

// Thrown once an input has been read whole and found wrong; carries every problem found.
class InputError : public std::runtime_error {
public:
    explicit InputError(Diagnostics d);
    const Diagnostics& diagnostics() const { return diags_; }

private:
    Diagnostics diags_;
};

// An output could not be written (unwritable path, disk full ...). Nothing was left half-written.
struct OutputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// cbam itself is not set up: an official file it needs (the QReport schema) or its own data is
// missing or not the expected one. The message says what to download and where to put it.
struct SetupError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Process exit codes, documented in `cbam --help` and docs/exit-codes.md.
namespace exit_code {
inline constexpr int ok = 0;
inline constexpr int input_error = 1;   // the inputs are wrong: every problem is listed
inline constexpr int usage = 2;         // the command line is wrong
inline constexpr int output_error = 3;  // an output could not be written; nothing was changed
inline constexpr int check_failed = 4;  // a check the command makes failed (holding check, verify, rerun)
inline constexpr int setup = 5;         // cbam is not set up: official schema or own data missing or wrong
inline constexpr int internal = 70;     // a defect in cbam itself: please report it
}  // namespace exit_code

}  // namespace cbam
