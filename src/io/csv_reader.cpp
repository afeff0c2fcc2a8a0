#include "io/csv_reader.h"

#include <csv.h>
#include <fmt/format.h>

#include <cerrno>
#include <bit>
#include <cstdint>
#include <cstdio>
#include <algorithm>
#include <cstring>
#include <memory>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace cbam {

namespace {

struct ParseState {
    const std::function<void(const CsvCells&)>* on_record;
    std::size_t record_line = 0;
    std::vector<std::string> parsed;  // the fields libcsv gives; they keep their buffers between records
    std::vector<std::string_view> views;
    std::size_t used = 0;  // fields of the current record
    bool in_record = false;
    std::size_t line = 0;

    // A field of a record libcsv parses: copied, since libcsv's buffer is its own.
    void add_field(const char* s, std::size_t len) {
        if (used < parsed.size()) parsed[used].assign(s, len);
        else parsed.emplace_back(s, len);
        ++used;
    }
    void end_record() {
        views.resize(used);
        for (std::size_t i = 0; i < used; ++i) views[i] = parsed[i];
        hand_over();
    }
    // A field of a plain line: a view into the line, which outlives the callback.
    void add_view(std::string_view field) {
        if (used < views.size()) views[used] = field;
        else views.push_back(field);
        ++used;
    }
    void hand_over() {
        if (used > 0) (*on_record)(CsvCells{record_line, std::span<const std::string_view>(views.data(), used)});
        used = 0;
        in_record = false;
    }
};

void on_field(void* s, std::size_t len, void* data) { static_cast<ParseState*>(data)->add_field(static_cast<const char*>(s), len); }

void on_row_end(int /*c*/, void* data) { static_cast<ParseState*>(data)->end_record(); }

bool csv_space(char c) { return c == ' ' || c == '\t'; }

// A physical line that holds a whole record and nothing libcsv treats specially (no quote, no
// carriage return inside) is split here at the delimiter, its fields trimmed of spaces and tabs
// and handed over as views into the line: exactly what libcsv does with such a line (the unit
// test compares the two on generated files). Returns false, having handed nothing over, for any
// other line, and for a blank one (libcsv's handling of those stays in force).
//
// With `ascii_only` (the common line, before anything else is checked) it also declines a byte
// that is not ASCII or is a NUL, so that such a line needs no UTF-8 check, and a line that ends
// in CR LF or begins with a space or a tab. Otherwise the line has been checked (valid UTF-8, no
// NUL) and a CR before its line feed is dropped.
//
// Sixteen bytes at a time where the machine has SSE2 (every x86-64), the last block read
// overlapping the one before it; otherwise, and for a line shorter than 16 bytes, a byte at a time.
bool split_line(std::string_view line, char delimiter, ParseState& st, bool ascii_only) {
    if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
    if (!ascii_only && !line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) return false;
    if (csv_space(line.front())) {
        if (ascii_only || std::all_of(line.begin(), line.end(), csv_space)) return false;
    }
    const std::size_t n = line.size();
    std::size_t start = 0, i = 0;
    // Inlined at each call (called once per field), and nearly every field has no space at either
    // end: one look at each end before any trimming.
    auto add = [&](std::size_t to) __attribute__((always_inline)) {
        std::string_view field(line.data() + start, to - start);
        if (!field.empty() && (csv_space(field.front()) || csv_space(field.back()))) {
            while (!field.empty() && csv_space(field.front())) field.remove_prefix(1);
            while (!field.empty() && csv_space(field.back())) field.remove_suffix(1);
        }
        st.add_view(field);
        start = to + 1;
    };
#if defined(__SSE2__)
    if (n >= 16) {
        const __m128i d = _mm_set1_epi8(delimiter), q = _mm_set1_epi8('"'), cr = _mm_set1_epi8('\r'), zero = _mm_setzero_si128();
        // The masks of a block: its bytes that end the split (a quote, a CR; with ascii_only a
        // NUL or a high bit too), and its delimiters.
        auto scan = [&](std::size_t at, unsigned& bad, unsigned& hits) {
            __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line.data() + at));
            __m128i special = _mm_or_si128(_mm_cmpeq_epi8(v, q), _mm_cmpeq_epi8(v, cr));
            if (ascii_only) special = _mm_or_si128(_mm_or_si128(special, _mm_cmpeq_epi8(v, zero)), v);
            bad = static_cast<unsigned>(_mm_movemask_epi8(special));
            hits = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, d)));
        };
        auto take = [&](std::size_t at, unsigned hits) {
            for (; hits; hits &= hits - 1) add(at + static_cast<std::size_t>(std::countr_zero(hits)));
        };
        unsigned bad, hits;
        for (; i + 16 <= n; i += 16) {
            scan(i, bad, hits);
            if (bad) return st.used = 0, false;
            take(i, hits);
        }
        if (i < n) {  // the last 16 bytes, of which the first 16 - (n - i) were taken already
            const unsigned seen = static_cast<unsigned>(16 - (n - i));
            scan(n - 16, bad, hits);
            if (bad >> seen) return st.used = 0, false;
            take(n - 16, hits >> seen << seen);
            i = n;
        }
    }
#endif
    for (; i < n; ++i) {
        auto c = static_cast<unsigned char>(line[i]);
        if (c == '"' || c == '\r' || (ascii_only && (c >= 0x80 || c == 0))) return st.used = 0, false;
        if (c == static_cast<unsigned char>(delimiter)) add(i);
    }
    add(n);
    st.hand_over();
    return true;
}

bool blank(std::string_view s) {
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
    return true;
}

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
struct ParserFree {
    void operator()(csv_parser* p) const { csv_free(p); delete p; }
};

// Counts of each candidate delimiter outside quoted cells.
char detect_delimiter(std::string_view header, std::string& problem) {
    std::size_t comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (char c : header) {
        if (c == '"') quoted = !quoted;
        else if (!quoted) comma += c == ',', semicolon += c == ';', tab += c == '\t';
    }
    std::size_t best = std::max({comma, semicolon, tab});
    if (best == 0) return ',';
    int winners = (comma == best) + (semicolon == best) + (tab == best);
    if (winners > 1) {
        problem = fmt::format("cannot tell the delimiter: the header has {} comma(s), {} semicolon(s) and {} tab(s); declare it (--delimiter)",
                              comma, semicolon, tab);
        return 0;
    }
    return comma == best ? ',' : semicolon == best ? ';' : '\t';
}

}  // namespace

const char* describe_char(char c) {
    switch (c) {
        case ',': return "comma";
        case ';': return "semicolon";
        case '\t': return "tab";
        case '.': return "point";
        default: return "character";
    }
}

std::size_t invalid_utf8_at(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        // ASCII runs, eight bytes at a time (no byte with its high bit set).
        for (std::uint64_t w; i + 8 <= s.size() && (std::memcpy(&w, s.data() + i, 8), (w & 0x8080808080808080ULL) == 0);) i += 8;
        if (i == s.size()) break;
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size()) return i;
        if (n == 2 && c < 0xC2) return i;  // overlong
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
        if (n == 3) {
            unsigned cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6);
            if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return i;  // overlong or surrogate
        }
        if (n == 4) {
            unsigned cp = ((c & 0x07u) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 12);
            if (cp < 0x10000 || cp > 0x10FFFF) return i;
        }
        i += n;
    }
    return std::string_view::npos;
}

bool read_csv(const std::string& path, const CsvDialect& declared, Diagnostics& diags,
              const std::function<void(CsvRecord&)>& on_record, std::size_t max_line_bytes, CsvDialect* resolved) {
    CsvRecord record;  // its strings keep their buffers from record to record
    return read_csv_cells(path, declared, diags, [&](const CsvCells& cells) {
        record.line = cells.line;
        record.fields.resize(cells.fields.size());
        for (std::size_t i = 0; i < cells.fields.size(); ++i) record.fields[i].assign(cells.fields[i]);
        on_record(record);
    }, max_line_bytes, resolved);
}

bool read_csv_cells(const std::string& path, const CsvDialect& declared, Diagnostics& diags,
                    const std::function<void(const CsvCells&)>& on_record, std::size_t max_line_bytes, CsvDialect* resolved) {
    CsvDialect local = declared;
    CsvDialect& dialect = resolved ? (*resolved = declared, *resolved) : local;
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file) {
        diags.add({path, 0, 0, ""}, fmt::format("cannot open the file: {}", std::strerror(errno)));
        return false;
    }
    std::unique_ptr<csv_parser, ParserFree> parser(new csv_parser);
    if (csv_init(parser.get(), CSV_STRICT | CSV_STRICT_FINI) != 0) {
        diags.add({path, 0, 0, ""}, "cannot initialise the CSV parser");
        return false;
    }
    bool dialect_known = dialect.delimiter != 0;
    auto settle_dialect = [&]() {
        if (!dialect.decimal_point) dialect.decimal_point = dialect.delimiter == ';' ? ',' : '.';
        csv_set_delim(parser.get(), static_cast<unsigned char>(dialect.delimiter));
        dialect_known = true;
    };
    if (dialect_known) settle_dialect();

    ParseState st;
    st.on_record = &on_record;
    auto feed_line = [&](std::string_view line) -> bool {
        ++st.line;
        if (st.line == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
        if (line.size() > max_line_bytes) {
            diags.add({path, st.line, 0, ""},
                      fmt::format("line is longer than {} bytes, the most accepted: this is not a CSV file of the expected kind", max_line_bytes));
            return false;
        }
        if (dialect_known && !st.in_record) {  // the common line, in one pass
            st.record_line = st.line;
            if (split_line(line, dialect.delimiter, st, true)) return true;
        }
        if (line.find('\0') != std::string_view::npos) {
            diags.add({path, st.line, 0, ""}, "line holds a NUL byte: this is not a text CSV file");
            return false;
        }
        if (auto bad = invalid_utf8_at(line); bad != std::string_view::npos) {
            diags.add({path, st.line, 0, ""},
                      fmt::format("byte {} of the line is not valid UTF-8 (0x{:02X}): save the file as UTF-8 (it may be in a legacy code page such as "
                                  "Windows-1252 or Big5)", bad + 1, static_cast<unsigned char>(line[bad])));
            return false;
        }
        if (!dialect_known) {
            if (blank(line)) return true;
            std::string problem;
            dialect.delimiter = detect_delimiter(line, problem);
            if (!dialect.delimiter) {
                diags.add({path, st.line, 0, ""}, problem);
                return false;
            }
            settle_dialect();
        }
        if (!st.in_record && !blank(line)) {
            st.record_line = st.line;
            if (split_line(line, dialect.delimiter, st, false)) return true;
            st.in_record = true;
        }
        const bool parsed = csv_parse(parser.get(), line.data(), line.size(), on_field, on_row_end, &st) == line.size();
        // A carriage return inside the line ends a record there, and what follows it may start one
        // that goes on past this line: only libcsv's own state tells. The next line is split
        // directly only when libcsv is between records (ROW_NOT_BEGUN, 0 in every libcsv).
        st.in_record = parser->pstate != 0;
        if (!parsed) {
            diags.add({path, st.line, st.used + 1, ""},
                      fmt::format("malformed CSV: {} (a quote inside an unquoted field, or text after a closing quote)",
                                  csv_strerror(csv_error(parser.get()))));
            return false;
        }
        return true;
    };

    std::string pending;  // the part of the current physical line read so far
    std::vector<char> buf(1 << 16);
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), file.get())) > 0) {
        std::string_view chunk(buf.data(), n);
        while (!chunk.empty()) {
            auto nl = chunk.find('\n');
            if (nl == std::string_view::npos) {
                pending.append(chunk);
                if (pending.size() > max_line_bytes) {
                    feed_line(pending);
                    return false;
                }
                break;
            }
            bool ok;
            if (pending.empty()) {
                ok = feed_line(chunk.substr(0, nl + 1));
            } else {
                pending.append(chunk.substr(0, nl + 1));
                ok = feed_line(pending);
                pending.clear();
            }
            if (!ok) return false;
            chunk.remove_prefix(nl + 1);
        }
    }
    if (std::ferror(file.get())) {
        diags.add({path, st.line, 0, ""}, fmt::format("read error: {}", std::strerror(errno)));
        return false;
    }
    if (!pending.empty() && !feed_line(pending)) return false;
    if (csv_fini(parser.get(), on_field, on_row_end, &st) != 0) {
        diags.add({path, st.record_line, 0, ""}, "malformed CSV: a quoted field is not closed before the end of the file");
        return false;
    }
    return true;
}

}  // namespace cbam
