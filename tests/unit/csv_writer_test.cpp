// io/csv_writer.h: the quoting of a field, written by field() or write_field(), read back by
// libcsv as the field itself; and plain_fields, which tells from one look at a row of joined
// fields whether any needs quotes, against a field-by-field answer.
#include "io/csv_writer.h"
#include "libcsv_reference.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace cbam;


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
            if (!(fields.size() == 1 && fields[0].empty())) CHECK(test::libcsv_records(w.str(), d) == std::vector<std::vector<std::string>>{fields});
        }
    }
}

TEST_CASE("csv writer: plain_fields counts the delimiters of a long row", "[unit][csv][writer]") {
    // Rows of 1 to 3 letters between delimiters, up to 12,000 bytes: more delimiters than a byte
    // counts (255) in one 16-byte column, so a count kept per byte must be added up on the way.
    for (std::size_t width : {1, 2, 3}) {
        for (std::size_t fields : {300, 2000, 3001, 4000}) {
            std::string row;
            for (std::size_t i = 0; i < fields; ++i) row += (i ? "," : "") + std::string(width, 'a');
            INFO(fields << " fields of " << width << " letters, " << row.size() << " bytes");
            CHECK(CsvWriter::plain_fields(row, ',', fields - 1));
            CHECK_FALSE(CsvWriter::plain_fields(row, ',', fields - 1 - 256));  // one counter wrapped around would give this
            CHECK_FALSE(CsvWriter::plain_fields(row, ',', fields));
            row[row.size() / 2] = '"';
            CHECK_FALSE(CsvWriter::plain_fields(row, ',', fields - 1));
        }
    }
}
