// A CSV file with a header row, read against the columns an importer expects, with typed,
// located access to each field. Every problem is added to the Diagnostics; nothing throws.
#pragma once

#include "core/decimal.h"
#include "core/error.h"
#include "core/unit.h"
#include "io/csv_reader.h"

#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cbam {

struct ColumnSpec {
    std::string name;
    bool required = false;  // the column must be in the header (its cells may still be optional)
};

enum class NumberRule { Any, NonNegative, Positive, Fraction /* 0..1 */ };

class CsvRow {
public:
    CsvRow(const std::string& file, const CsvCells& rec, const std::map<std::string, std::size_t, std::less<>>& cols,
           const CsvDialect& dialect, Diagnostics& diags)
        : file_(file), rec_(rec), cols_(cols), dialect_(dialect), diags_(diags) {}

    std::size_t line() const { return rec_.line; }
    const std::string& file() const { return file_; }
    SourceLocation at(std::string_view column) const;
    SourceLocation row_location() const { return {file_, rec_.line, 0, ""}; }
    // The cell, trimmed; empty when the column is absent or the cell blank.
    std::string_view cell(std::string_view column) const;
    // The cell exactly as written (not trimmed): for data whose spaces matter.
    std::string_view raw(std::string_view column) const;
    bool has(std::string_view column) const { return !cell(column).empty(); }
    // Where `column` stands in this file's records (npos when its header lacks it), and the cell
    // at such a position, trimmed as cell() trims it: for a reader that looks up the same columns
    // on each of millions of rows.
    std::size_t index_of(std::string_view column) const;
    std::string_view cell_at(std::size_t index) const {
        if (index >= rec_.fields.size()) return {};
        std::string_view s = rec_.fields[index];
        // Nearly every cell begins and ends with a printable character: nothing to trim.
        if (s.empty() || (static_cast<unsigned char>(s.front()) > ' ' && static_cast<unsigned char>(s.back()) > ' ')) return s;
        return trimmed(s);
    }

    void error(std::string_view column, std::string message) const;
    // Text; a required cell that is blank is an error.
    std::optional<std::string> text(std::string_view column, bool required = true) const;
    std::optional<Decimal> number(std::string_view column, bool required = true, NumberRule rule = NumberRule::Any) const;
    // A unit of the same dimension as `like` (e.g. like = t accepts t and kg).
    std::optional<Unit> unit(std::string_view column, const Unit& like, bool required = true) const;
    // One of `allowed` (compared case-insensitively); returns the allowed spelling.
    std::optional<std::string> choice(std::string_view column, std::initializer_list<std::string_view> allowed,
                                      bool required = true) const;
    std::optional<std::string> choice(std::string_view column, const std::vector<std::string>& allowed,
                                      bool required = true) const;

private:
    static std::string_view trimmed(std::string_view s);  // without spaces, tabs, CR and LF around it

    const std::string& file_;
    const CsvCells& rec_;
    const std::map<std::string, std::size_t, std::less<>>& cols_;
    const CsvDialect& dialect_;
    Diagnostics& diags_;
};

// How many data rows a table may and must have. Files whose rows are kept in memory are limited to
// `max` data rows (an error past it, and the rest is only scanned); streamed files (customs lines)
// pass kUnlimitedRows. A file that is nothing without rows (customs lines, a supplier's data, the
// settings) sets `required`: a header with no row under it is then an error on the line after it.
inline constexpr std::size_t kMaxTableRows = 1000000;
inline constexpr std::size_t kUnlimitedRows = static_cast<std::size_t>(-1);
struct TableRows {
    std::size_t max = kMaxTableRows;
    bool required = false;
};

// Reads `path`: checks the header against `columns` (a missing required column, an unknown or
// duplicated column are errors; a column named "comment" is always allowed), then calls
// `on_row` for each data row. Returns false if the file could not be read to its end, is empty, or
// its header is wrong: what refers to its rows cannot then be checked.
// Parts of `dialect` left 0 are detected per file (see CsvDialect).
bool read_table(const std::string& path, const std::vector<ColumnSpec>& columns, const CsvDialect& dialect,
                Diagnostics& diags, const std::function<void(const CsvRow&)>& on_row, TableRows limits = {});

// "a number" / "a number of 0 or more" ... for messages.
std::string describe(NumberRule rule);

}  // namespace cbam
