#include "importers/csv_reader.h"

#include <csv.h>
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace cbam {

namespace {

struct ParseState {
    const std::function<void(CsvRecord&)>* on_record;
    CsvRecord current;
    bool in_record = false;
    std::size_t line = 0;
};

void on_field(void* s, std::size_t len, void* data) {
    auto* st = static_cast<ParseState*>(data);
    st->current.fields.emplace_back(static_cast<const char*>(s), len);
}

void on_row_end(int /*c*/, void* data) {
    auto* st = static_cast<ParseState*>(data);
    if (!st->current.fields.empty()) (*st->on_record)(st->current);
    st->current.fields.clear();
    st->in_record = false;
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

}  // namespace

bool read_csv(const std::string& path, const CsvDialect& dialect, Diagnostics& diags,
              const std::function<void(CsvRecord&)>& on_record, std::size_t max_line_bytes) {
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
    csv_set_delim(parser.get(), static_cast<unsigned char>(dialect.delimiter));

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
        if (line.find('\0') != std::string_view::npos) {
            diags.add({path, st.line, 0, ""}, "line holds a NUL byte: this is not a text CSV file");
            return false;
        }
        if (!st.in_record && !blank(line)) {
            st.in_record = true;
            st.current.line = st.line;
        }
        if (csv_parse(parser.get(), line.data(), line.size(), on_field, on_row_end, &st) != line.size()) {
            diags.add({path, st.line, st.current.fields.size() + 1, ""},
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
        diags.add({path, st.current.line, 0, ""}, "malformed CSV: a quoted field is not closed before the end of the file");
        return false;
    }
    return true;
}

}  // namespace cbam
