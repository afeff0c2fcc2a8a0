// Streams customs import lines (docs/customs-lines.md): each valid line is handed to `on_line`
// as it is read, so millions of lines never sit in memory. Problems are added to `diags`.
#pragma once

#include "io/csv_reader.h"
#include "model/customs_line.h"
#include "registry/countries.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace cbam {

void read_customs_lines(const std::string& path, Diagnostics& diags, const std::function<void(const CustomsLine&)>& on_line,
                        const Countries& countries = Countries::builtin(), const CsvDialect& dialect = {});

}  // namespace cbam
