// Streaming CSV reading on libcsv, with the location of every field kept for error messages.
//
// The file is fed to libcsv one physical line at a time, so each record knows the line it
// starts on even when a quoted field spans several lines. A UTF-8 byte-order mark is skipped;
// LF and CRLF line ends are both accepted; blank lines are ignored.
#pragma once

#include "core/error.h"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cbam {

struct CsvDialect {
    char delimiter = ',';
    char decimal_point = '.';
};

struct CsvRecord {
    std::size_t line = 0;  // physical line where the record starts (1-based)
    std::vector<std::string> fields;
};

// Calls `on_record` for every record, header included (the first). File-level problems (cannot
// open, broken quoting, a line longer than max_line_bytes) are added to `diags`; reading stops
// at the first such problem. Returns false when the file could not be read to its end.
bool read_csv(const std::string& path, const CsvDialect& dialect, Diagnostics& diags,
              const std::function<void(CsvRecord&)>& on_record, std::size_t max_line_bytes = 1 << 20);

}  // namespace cbam
