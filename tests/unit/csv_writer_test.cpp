// io/csv_writer.h: the quoting of a field, written by field() or write_field(), read back by
// libcsv as the field itself; and plain_fields, which tells from one look at a row of joined
// fields whether any needs quotes, against a field-by-field answer.
#include "io/csv_writer.h"

#include <catch2/catch.hpp>
#include <csv.h>

#include <string>
#include <vector>

using namespace cbam;

namespace {

// The fields of one CSV record as libcsv reads them.
std::vector<std::string> libcsv_fields(const std::string& text, char delimiter) {
    struct State {
        std::vector<std::string> fields;
    } st;
    csv_parser p;
    REQUIRE(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) == 0);
    csv_set_delim(&p, static_cast<unsigned char>(delimiter));
    auto on_field = [](void* s, std::size_t n, void* data) { static_cast<State*>(data)->fields.emplace_back(static_cast<const char*>(s), n); };
    REQUIRE(csv_parse(&p, text.data(), text.size(), on_field, nullptr, &st) == text.size());
    csv_fini(&p, on_field, nullptr, &st);
    csv_free(&p);
    return st.fields;
}

}  // namespace

TEST_CASE("csv writer: fields come back as written, and plain_fields agrees with each field's own check", "[unit][csv][writer]") {
    std::uint32_t seed = 11;
    auto next = [&]() { return seed = seed * 1664525u + 1013904223u, seed >> 8; };
    const std::string letters = "abcXYZ019.-_/";
    for (char d : {',', ';', '\t'}) {
        const std::string specials = std::string("\"\r\n ") + d;
        for (int round = 0; round < 4000; ++round) {
            std::vector<std::string> fields(1 + next() % 12);
            bool any_special = false;  // a quote, CR, LF or the delimiter in a field
            for (auto& f : fields) {
                for (std::size_t n = next() % 30; n > 0; --n) {
                    bool special = next() % 40 == 0;
                    char c = special ? specials[next() % specials.size()] : letters[next() % letters.size()];
                    f += c;
                    any_special = any_special || (c != ' ' && special);
                }
            }
            std::string joined;
            CsvWriter w(d);
            for (std::size_t i = 0; i < fields.size(); ++i) {
                joined += (i ? std::string(1, d) : std::string()) + fields[i];
                w.field(fields[i]);
                std::string by_write(2 * fields[i].size() + 2, '\0');
                by_write.resize(CsvWriter::write_field(by_write.data(), fields[i], d));
                CsvWriter one(d);
                one.field(fields[i]);
                REQUIRE(by_write == one.str());  // the same quoting both ways
            }
            INFO("round " << round << ": " << joined);
            REQUIRE(CsvWriter::plain_fields(joined, d, fields.size() - 1) == !any_special);
            if (!any_special) CHECK_FALSE(CsvWriter::plain_fields(joined, d, fields.size()));  // a wrong count is not plain
            w.end_row();
            // libcsv trims spaces at the ends of unquoted fields only: a field with such spaces is
            // quoted. (A row of one empty field is a blank line: no record.)
            if (!(fields.size() == 1 && fields[0].empty())) CHECK(libcsv_fields(w.str(), d) == fields);
        }
    }
}
