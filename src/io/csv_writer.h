// Writing CSV text: fields quoted with libcsv's rules only where needed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cbam {

class CsvWriter {
public:
    explicit CsvWriter(char delimiter = ',') : delimiter_(delimiter) {}
    void row(const std::vector<std::string>& fields);
    // The same row a field at a time, for rows written by the million: field() for each, then end_row().
    void field(std::string_view f);
    void end_row();
    // `f` as field() writes it (quoted where it must be), into `to`, which has room for
    // 2 * f.size() + 2 bytes; returns the bytes written. For rows gathered elsewhere, then raw().
    static std::size_t write_field(char* to, std::string_view f, char delimiter);
    char delimiter() const { return delimiter_; }
    // True when `fields`, fields written as they are and joined by the delimiter, needs no quote:
    // it holds exactly `delimiters` delimiters and no quote, carriage return or line feed (the
    // caller checks the spaces at each field's ends). For rows gathered elsewhere: one look at
    // the row instead of one per field. Sixteen bytes at a time where the machine has SSE2.
    static bool plain_fields(std::string_view fields, char delimiter, std::size_t delimiters);
    // Rows already written as CSV by another CsvWriter (of the same delimiter), as they are.
    void raw(std::string_view rows) { out_ += rows; }
    const std::string& str() const { return out_; }
    void clear() { out_.clear(); }  // the rows written so far are dropped (streaming)

private:
    char delimiter_;
    bool at_row_start_ = true;
    std::string out_;
};

}  // namespace cbam
