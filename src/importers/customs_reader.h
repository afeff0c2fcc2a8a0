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

// An item of a customs declaration given twice, in one file or across the files of a run, would be
// counted twice. Each line's declaration and item are kept as a 128-bit digest with the line's place
// (32 bytes a line, not the text), and compared once every file is read.
class RepeatedCustomsLines {
public:
    void add(const CustomsLine& line);
    // An error at the declaration cell of every line whose declaration and item came before.
    void report(Diagnostics& diags) const;

private:
    struct Seen {
        std::uint64_t a, b;       // two independent 64-bit hashes of declaration and item
        std::uint32_t file, line, column, order;
    };
    std::vector<std::string> files_;
    std::vector<Seen> seen_;
};

}  // namespace cbam
