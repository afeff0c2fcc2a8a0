// The status of every customs line of a declaration (FILE.lines.csv): what happened to each line,
// in file order.
//
// Held in memory (line_status_to_csv) or, for inputs of millions of lines, spooled: each status
// goes to a temporary file as the line is read, and is copied into the output once every line is
// read, when it is known which importers are under the de minimis. Both give the same bytes.
#pragma once

#include "calc/declaration.h"
#include "core/atomic_file.h"
#include "io/csv_writer.h"

#include <cstdio>
#include <string>
#include <vector>

namespace cbam {

std::string line_status_to_csv(const DeclarationResult& r);

class LineStatusSpool {
public:
    // The temporary file is created in the folder of `beside` (the output it will be copied to,
    // so that it counts against that disk, not memory) and removed from it at once: nothing is
    // left behind whatever happens. Throws OutputError.
    explicit LineStatusSpool(const std::string& beside);
    LineStatusSpool(const LineStatusSpool&) = delete;
    LineStatusSpool& operator=(const LineStatusSpool&) = delete;
    ~LineStatusSpool();

    void add(const LineStatus& l);  // a status as DeclarationBuilder::stream_lines hands it over
    std::size_t size() const { return lines_; }
    // The CSV, each status settled by the finished declaration, through `append`.
    void write(const DeclarationResult& r, const AtomicOutputs::Append& append);

private:
    void flush();  // the records buffered so far, to the file

    std::string path_;
    std::FILE* file_ = nullptr;
    std::size_t lines_ = 0;
    std::string buffer_;           // records not yet written: a megabyte is written at a time
    std::string name_of_, name_;   // the last file named and its name as the CSV gives it
    CsvWriter row_;  // one line's row, its buffer kept from line to line
};

}  // namespace cbam
