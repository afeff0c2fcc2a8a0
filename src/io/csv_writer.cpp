#include "io/csv_writer.h"

#include <csv.h>

namespace cbam {

void CsvWriter::row(const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out_ += delimiter_;
        const std::string& f = fields[i];
        bool needs_quotes = f.find_first_of(std::string("\"\r\n") + delimiter_) != std::string::npos ||
                            (!f.empty() && (f.front() == ' ' || f.back() == ' '));
        if (!needs_quotes) {
            out_ += f;
            continue;
        }
        std::string buf(f.size() * 2 + 2, '\0');
        std::size_t n = csv_write(buf.data(), buf.size(), f.data(), f.size());
        out_.append(buf.data(), n);
    }
    out_ += '\n';
}

}  // namespace cbam
