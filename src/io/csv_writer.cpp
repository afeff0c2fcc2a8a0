#include "io/csv_writer.h"

#include <csv.h>

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace cbam {

namespace {

// The quoting rule of field() and write_field().
bool needs_quotes(std::string_view f, char delimiter) {
    return !f.empty() && (f.front() == ' ' || f.back() == ' ' || !CsvWriter::plain_fields(f, delimiter, 0));
}

}  // namespace

std::size_t CsvWriter::write_field(char* to, std::string_view f, char delimiter) {
    if (!needs_quotes(f, delimiter)) {
        if (!f.empty()) std::memcpy(to, f.data(), f.size());
        return f.size();
    }
    return csv_write(to, 2 * f.size() + 2, f.data(), f.size());
}

bool CsvWriter::plain_fields(std::string_view fields, char delimiter, std::size_t delimiters) {
    std::size_t found = 0, i = 0;
    const std::size_t n = fields.size();
#if defined(__SSE2__)
    if (n >= 16) {
        const __m128i d = _mm_set1_epi8(delimiter), q = _mm_set1_epi8('"'), cr = _mm_set1_epi8('\r'), lf = _mm_set1_epi8('\n');
        const __m128i index = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        // The delimiters are counted in the vector `count`, a byte per position (each block adds
        // at most 1 to each, and a row of more than 255 blocks is added up on the way), without
        // a population count (an x86-64 without POPCNT makes it a call).
        __m128i count = _mm_setzero_si128();
        auto add_up = [&] {
            const __m128i sums = _mm_sad_epu8(count, _mm_setzero_si128());
            found += static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) + static_cast<std::size_t>(_mm_extract_epi16(sums, 4));
            count = _mm_setzero_si128();
        };
        // The 16 bytes at `at`, of which the first `skip` were seen already: false if one needs quotes.
        auto block = [&](std::size_t at, int skip) {
            __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(fields.data() + at));
            const __m128i fresh = _mm_cmpgt_epi8(index, _mm_set1_epi8(static_cast<char>(skip - 1)));
            const __m128i bad = _mm_and_si128(fresh, _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, q), _mm_cmpeq_epi8(v, cr)), _mm_cmpeq_epi8(v, lf)));
            count = _mm_sub_epi8(count, _mm_and_si128(fresh, _mm_cmpeq_epi8(v, d)));  // a match is -1
            return _mm_movemask_epi8(bad) == 0;
        };
        for (int blocks = 0; i + 16 <= n; i += 16) {
            if (!block(i, 0)) return false;
            if (++blocks == 255) add_up(), blocks = 0;
        }
        if (i < n && !block(n - 16, static_cast<int>(16 - (n - i)))) return false;
        add_up();
        return found == delimiters;
    }
#endif
    for (; i < n; ++i) {
        const char c = fields[i];
        if (c == '"' || c == '\r' || c == '\n') return false;
        found += c == delimiter;
    }
    return found == delimiters;
}

void CsvWriter::field(std::string_view f) {
    if (!needs_quotes(f, delimiter_)) {
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
