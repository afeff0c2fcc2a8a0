// Streaming CSV reading on libcsv, with the location of every field kept for error messages.
//
// The file is fed to libcsv one physical line at a time, so each record knows the line it
// starts on even when a quoted field spans several lines. A UTF-8 byte-order mark is skipped;
// LF and CRLF line ends are both accepted; blank lines are ignored.
#pragma once

#include "core/error.h"

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cbam {

// How a CSV file is written. 0 means "detect", by this stated rule (docs/csv-dialects.md):
//  - the delimiter is the most frequent of comma, semicolon and tab in the header row, outside
//    quotes (a tie between two of them is an error: declare it);
//  - the decimal separator is a comma when the delimiter is a semicolon, else a point (as
//    spreadsheets write CSV in decimal-comma locales).
// Under a decimal comma, a number holding a point ("1.234") is refused as ambiguous.
struct CsvDialect {
    char delimiter = 0;
    char decimal_point = 0;
    static CsvDialect standard() { return {',', '.'}; }  // the project's own data files
};

// "comma", "semicolon", "tab", "point" ... for messages.
const char* describe_char(char c);

struct CsvRecord {
    std::size_t line = 0;  // physical line where the record starts (1-based)
    std::vector<std::string> fields;
};

// A record as read_csv_cells hands it over: its fields are views, valid until the callback
// returns, into the line read (a line written plainly is not copied) or into the parser's fields.
struct CsvCells {
    std::size_t line = 0;  // physical line where the record starts (1-based)
    std::span<const std::string_view> fields;
};

// Calls `on_record` for every record, header included (the first). File-level problems (cannot
// open, broken quoting, a line longer than max_line_bytes) are added to `diags`; reading stops
// at the first such problem. Returns false when the file could not be read to its end.
// Parts of `declared` left 0 are detected; the dialect used is stored in `*resolved` when given.
// Lines must be valid UTF-8.
bool read_csv(const std::string& path, const CsvDialect& declared, Diagnostics& diags,
              const std::function<void(CsvRecord&)>& on_record, std::size_t max_line_bytes = 1 << 20, CsvDialect* resolved = nullptr);
// The same records as views, for files of millions of lines.
bool read_csv_cells(const std::string& path, const CsvDialect& declared, Diagnostics& diags,
                    const std::function<void(const CsvCells&)>& on_record, std::size_t max_line_bytes = 1 << 20, CsvDialect* resolved = nullptr);

// Offset of the first byte of `s` that is not valid UTF-8, or npos.
std::size_t invalid_utf8_at(std::string_view s);

}  // namespace cbam
