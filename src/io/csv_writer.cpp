#include "io/csv_writer.h"

#include <csv.h>

#include <cstdint>
#include <cstring>

namespace cbam {

namespace {

// Whether `f` holds a quote, a carriage return, a line feed or the delimiter: eight bytes at a
// time (a byte of v ^ pattern is zero where v's byte is the pattern's).
bool has_special(std::string_view f, char delimiter) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    auto has_zero = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
    const std::uint64_t d = ones * static_cast<unsigned char>(delimiter), q = ones * '"', cr = ones * '\r', lf = ones * '\n';
    std::size_t i = 0;
    const std::size_t n = f.size();
    for (; i + 8 <= n; i += 8) {
        std::uint64_t v;
        std::memcpy(&v, f.data() + i, 8);
        if (has_zero(v ^ d) | has_zero(v ^ q) | has_zero(v ^ cr) | has_zero(v ^ lf)) return true;
    }
    for (; i < n; ++i) {
        char c = f[i];
        if (c == '"' || c == '\r' || c == '\n' || c == delimiter) return true;
    }
    return false;
}

}  // namespace

void CsvWriter::field(std::string_view f) {
    const bool needs_quotes = !f.empty() && (f.front() == ' ' || f.back() == ' ' || has_special(f, delimiter_));
    if (!needs_quotes) {
        if (!at_row_start_) out_.push_back(delimiter_);
        out_.append(f.data(), f.size());
        at_row_start_ = false;
        return;
    }
    if (!at_row_start_) out_ += delimiter_;
    at_row_start_ = false;
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
