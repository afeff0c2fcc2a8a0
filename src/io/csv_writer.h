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
    // A field that needs no quotes by how it was made (digits, a number, a field already written
    // as CSV by field()), as it is.
    void field_as_is(std::string_view f) {
        if (!at_row_start_) out_ += delimiter_;
        at_row_start_ = false;
        out_ += f;
    }
    // The same for a field the caller appends to the string returned (which it must not change
    // otherwise), e.g. a number written in place.
    std::string& open_field() {
        if (!at_row_start_) out_ += delimiter_;
        at_row_start_ = false;
        return out_;
    }
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
