#include "io/csv_writer.h"

#include <csv.h>

namespace cbam {

void CsvWriter::field(std::string_view f) {
    if (!at_row_start_) out_ += delimiter_;
    at_row_start_ = false;
    bool needs_quotes = !f.empty() && (f.front() == ' ' || f.back() == ' ');
    for (char c : f)
        if (c == '"' || c == '\r' || c == '\n' || c == delimiter_) {
            needs_quotes = true;
            break;
        }
    if (!needs_quotes) {
        out_ += f;
        return;
    }
    std::string buf(f.size() * 2 + 2, '\0');
    std::size_t n = csv_write(buf.data(), buf.size(), f.data(), f.size());
    out_.append(buf.data(), n);
}

void CsvWriter::end_row() {
    out_ += '\n';
    at_row_start_ = true;
}

void CsvWriter::row(const std::vector<std::string>& fields) {
    for (const auto& f : fields) field(f);
    end_row();
}

}  // namespace cbam
