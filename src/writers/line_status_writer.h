// The status of every customs line of a declaration (FILE.lines.csv): what happened to each line,
// in file order.
//
// Held in memory (line_status_to_csv) or, for inputs of millions of lines, spooled: each status
// goes to the output's temporary file as the line is read. Which importers are under the de
// minimis is known once every line is read: only if one of them had counted lines is the file
// copied with those lines' status changed. Both give the same bytes.
#pragma once

#include "calc/declaration.h"
#include "core/atomic_file.h"
#include "io/csv_writer.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

namespace cbam {

std::string line_status_to_csv(const DeclarationResult& r);

class LineStatusSpool {
public:
    // The rows are written, as they come, to a temporary file beside `beside` (the output), as
    // AtomicOutputs names its own, so that it counts against that disk, not memory, and can become
    // the output without a copy. It is removed unless finish() hands it over. Throws OutputError.
    explicit LineStatusSpool(const std::string& beside);
    LineStatusSpool(const LineStatusSpool&) = delete;
    LineStatusSpool& operator=(const LineStatusSpool&) = delete;
    ~LineStatusSpool();

    void add(const LineStatusView& l);  // a status as DeclarationBuilder::stream_lines hands it over
    std::size_t size() const { return lines_; }
    // Stages the CSV on `out`, each status settled by the finished declaration. When no importer
    // of a counted line of a de minimis sector is exempt (the common case), the file as written is
    // the output; otherwise it is copied, with those lines' status and reason replaced.
    void finish(const DeclarationResult& r, AtomicOutputs& out);

private:
    void write_out(std::string_view bytes);  // to the file, all of it
    void flush();                            // the rows buffered so far, to the file

    std::string path_, temp_;
    int fd_ = -1;
    bool handed_over_ = false;
    std::size_t lines_ = 0;
    std::uint64_t written_ = 0;    // bytes of the file, buffered ones included
    CsvWriter rows_;               // rows not yet written: a megabyte is written at a time
    std::string name_of_, name_;   // the last file named, and its name as the rows' first field
    // The counted lines that may still be de minimis (may_be_de_minimis), whose status an exempt
    // importer changes: where each one's status begins and its row ends, and its importer (an index
    // in importers_), 20 bytes each, in an unlinked temporary file (buffered in pending_).
    std::FILE* pending_file_ = nullptr;
    std::string pending_;
    std::vector<std::string> importers_;
    std::unordered_map<std::string, std::uint32_t> importer_index_;
    std::vector<std::size_t> pending_of_;  // pending lines of each importer
    std::uint32_t last_importer_ = 0;
};

}  // namespace cbam
