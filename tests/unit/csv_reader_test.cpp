// Unit tests of the CSV layer: read_csv (src/io/csv_reader.h) on files written to a
// scratch folder, and read_table / CsvRow (src/io/csv_table.h) for header and field checks.
// Expected line numbers are counted by hand from the text written (1-based physical lines).
#include "io/csv_reader.h"
#include "io/csv_table.h"
#include "libcsv_reference.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <csv.h>

#include <cstdint>

#include <string>
#include <vector>

using namespace cbam;
using cbam::test::D;

namespace {

struct Read {
    Diagnostics diags;
    std::vector<CsvRecord> records;
    bool ok = false;
};

Read read(const std::string& path, CsvDialect dialect = {}) {
    Read r;
    r.ok = read_csv(path, dialect, r.diags, [&](CsvRecord& rec) { r.records.push_back(rec); });
    return r;
}

std::vector<std::string> fields(std::initializer_list<const char*> f) { return {f.begin(), f.end()}; }

}  // namespace

TEST_CASE("read_csv: a UTF-8 byte-order mark is skipped and CRLF line ends are handled", "[unit][csv]") {
    test::ScratchDir dir;
    dir.write("bom.csv", "\xEF\xBB\xBF" "a,b\r\n1,2\r\n3,4\r\n");
    Read r = read(dir.file("bom.csv"));
    CHECK(r.ok);
    CHECK(r.diags.empty());
    REQUIRE(r.records.size() == 3);
    CHECK(r.records[0].line == 1);
    CHECK(r.records[0].fields == fields({"a", "b"}));  // no BOM bytes in "a"
    CHECK(r.records[1].line == 2);
    CHECK(r.records[1].fields == fields({"1", "2"}));  // no "\r" in "2"
    CHECK(r.records[2].line == 3);
    CHECK(r.records[2].fields == fields({"3", "4"}));
}

TEST_CASE("read_csv: the last line may lack its line end", "[unit][csv]") {
    test::ScratchDir dir;
    dir.write("noeol.csv", "a,b\n5,6");
    Read r = read(dir.file("noeol.csv"));
    CHECK(r.diags.empty());
    REQUIRE(r.records.size() == 2);
    CHECK(r.records[1].line == 2);
    CHECK(r.records[1].fields == fields({"5", "6"}));
}

TEST_CASE("read_csv: blank lines are skipped and later records keep their physical line", "[unit][csv]") {
    test::ScratchDir dir;
    // line 1 header, 2 blank, 3 data, 4 spaces only, 5 blank (CRLF), 6 data
    dir.write("blank.csv", "a,b\n\n1,2\n   \n\r\n3,4\n");
    Read r = read(dir.file("blank.csv"));
    CHECK(r.diags.empty());
    REQUIRE(r.records.size() == 3);
    CHECK(r.records[0].line == 1);
    CHECK(r.records[1].line == 3);
    CHECK(r.records[1].fields == fields({"1", "2"}));
    CHECK(r.records[2].line == 6);
    CHECK(r.records[2].fields == fields({"3", "4"}));
}

TEST_CASE("read_csv: a quoted field with line breaks keeps its record's first line, and the next record gets its own",
          "[unit][csv]") {
    test::ScratchDir dir;
    // line 1: header; lines 2-3: one record whose first field holds a line break; line 4: next record
    dir.write("multi.csv", "h1,h2\n\"multi\nline\",x\nnext,y\n");
    Read r = read(dir.file("multi.csv"));
    CHECK(r.diags.empty());
    REQUIRE(r.records.size() == 3);
    CHECK(r.records[1].line == 2);
    CHECK(r.records[1].fields == fields({"multi\nline", "x"}));
    CHECK(r.records[2].line == 4);
    CHECK(r.records[2].fields == fields({"next", "y"}));

    // three physical lines in one field, with a quote escaped by doubling, and CRLF ends:
    // line 1 header; lines 2-4 one record; line 5 blank; line 6 next record
    dir.write("multi2.csv", "h1,h2\r\nq,\"one \"\"two\"\"\r\nthree\r\nfour\"\r\n\r\nlast,z\r\n");
    Read r2 = read(dir.file("multi2.csv"));
    CHECK(r2.diags.empty());
    REQUIRE(r2.records.size() == 3);
    CHECK(r2.records[1].line == 2);
    REQUIRE(r2.records[1].fields.size() == 2);
    CHECK(r2.records[1].fields[0] == "q");
    CHECK(r2.records[1].fields[1] == "one \"two\"\r\nthree\r\nfour");
    CHECK(r2.records[2].line == 6);
    CHECK(r2.records[2].fields == fields({"last", "z"}));
}

TEST_CASE("read_csv: a quoted field may hold the delimiter", "[unit][csv]") {
    test::ScratchDir dir;
    dir.write("comma.csv", "name,value\n\"Kaohsiung, TW\",7\n");
    Read r = read(dir.file("comma.csv"));
    CHECK(r.diags.empty());
    REQUIRE(r.records.size() == 2);
    CHECK(r.records[1].fields == fields({"Kaohsiung, TW", "7"}));
}

TEST_CASE("read_csv: malformed quoting is reported at its line and column", "[unit][csv]") {
    test::ScratchDir dir;
    SECTION("a quote inside an unquoted field") {
        // line 3, second field: 4"5
        dir.write("bad.csv", "a,b\n1,2\n3,4\"5\n6,7\n");
        Read r = read(dir.file("bad.csv"));
        CHECK_FALSE(r.ok);  // not read to its end
        REQUIRE(r.diags.count() == 1);
        const Diagnostic& d = r.diags.items().front();
        CHECK(d.where.file == dir.file("bad.csv"));
        CHECK(d.where.line == 3);
        CHECK(d.where.column == 2);
        CHECK_THAT(d.message, Catch::Contains("malformed CSV"));
        // reading stops at the problem: the records before it were delivered, none after
        REQUIRE(r.records.size() == 2);
        CHECK(r.records[1].line == 2);
    }
    SECTION("text after a closing quote, after a multi-line record") {
        // lines 2-3: a good multi-line record; line 4: "x"y in the first field
        dir.write("bad2.csv", "a,b\n\"p\nq\",1\n\"x\"y,2\n");
        Read r = read(dir.file("bad2.csv"));
        REQUIRE(r.diags.count() == 1);
        CHECK(r.diags.items().front().where.line == 4);
        CHECK(r.diags.items().front().where.column == 1);
        REQUIRE(r.records.size() == 2);
        CHECK(r.records[1].line == 2);
    }
    SECTION("a quoted field not closed before the end of the file") {
        // the open quote starts on line 3; the file ends on line 4
        dir.write("open.csv", "a,b\n1,2\n3,\"open\n4,5\n");
        Read r = read(dir.file("open.csv"));
        REQUIRE(r.diags.count() == 1);
        CHECK(r.diags.items().front().where.line == 3);
        CHECK_THAT(r.diags.items().front().message, Catch::Contains("not closed"));
    }
}

TEST_CASE("read_csv: a line longer than the limit is reported", "[unit][csv]") {
    test::ScratchDir dir;
    // line 2 is "1234567890,x\n": 13 bytes, over a limit of 12
    dir.write("long.csv", "a,b\n1234567890,x\n");
    Diagnostics diags;
    std::vector<std::size_t> lines;
    bool ok = read_csv(dir.file("long.csv"), {}, diags, [&](CsvRecord& rec) { lines.push_back(rec.line); }, 12);
    CHECK_FALSE(ok);  // not read to its end
    REQUIRE(diags.count() == 1);
    CHECK(diags.items().front().where.line == 2);
    CHECK(lines == std::vector<std::size_t>{1});
}

TEST_CASE("read_csv: a missing file is a diagnostic, not an exception", "[unit][csv]") {
    test::ScratchDir dir;
    Read r = read(dir.file("absent.csv"));
    CHECK_FALSE(r.ok);
    REQUIRE(r.diags.count() == 1);
    CHECK(r.diags.items().front().where.file == dir.file("absent.csv"));
    CHECK(r.diags.items().front().where.line == 0);
    CHECK_THAT(r.diags.items().front().message, Catch::Contains("cannot open"));
    CHECK(r.records.empty());
}

TEST_CASE("read_csv: another delimiter", "[unit][csv]") {
    test::ScratchDir dir;
    dir.write("semi.csv", "a;b\n1,5;x\n");
    Read r = read(dir.file("semi.csv"), CsvDialect{';', ','});
    CHECK(r.diags.empty());
    REQUIRE(r.records.size() == 2);
    CHECK(r.records[1].fields == fields({"1,5", "x"}));
}

// ---- read_table / CsvRow -------------------------------------------------------------------

namespace {

const std::vector<ColumnSpec> kColumns = {{"id", true}, {"qty", true}, {"unit", false}, {"frac", false}};

struct Table {
    Diagnostics diags;
    bool ok = false;
    int rows = 0;
};

// Reads `content` as a table; on every row, reads qty with `rule` and unit as a mass, collecting values.
Table table(const test::ScratchDir& dir, const std::string& content, NumberRule rule = NumberRule::Any,
            std::vector<Decimal>* numbers = nullptr, CsvDialect dialect = {}) {
    dir.write("t.csv", content);
    Table t;
    t.ok = read_table(dir.file("t.csv"), kColumns, dialect, t.diags, [&](const CsvRow& row) {
        ++t.rows;
        auto n = row.number("qty", true, rule);
        if (n && numbers) numbers->push_back(*n);
        row.unit("unit", units::t(), false);
        row.number("frac", false, NumberRule::Fraction);
    });
    return t;
}

}  // namespace

TEST_CASE("read_table: a good table, with the comment column and column order free", "[unit][csv][table]") {
    test::ScratchDir dir;
    std::vector<Decimal> values;
    Table t = table(dir, "comment,qty,id,unit\nhello,12.5,A,kg\n,  7 ,B,t\n", NumberRule::Positive, &values);
    CHECK(t.ok);
    CHECK(t.diags.empty());
    CHECK(t.rows == 2);
    // cells are trimmed: "  7 " is 7
    CHECK(values == std::vector<Decimal>{D("12.5"), D("7")});
}

TEST_CASE("read_table: an unknown column is an error naming it", "[unit][csv][table]") {
    test::ScratchDir dir;
    Table t = table(dir, "id,qty,qtty\nA,1,2\n");
    CHECK_FALSE(t.ok);
    CHECK(t.rows == 0);
    REQUIRE(t.diags.count() == 1);
    const Diagnostic& d = t.diags.items().front();
    CHECK(d.where.line == 1);
    CHECK(d.where.column == 3);
    CHECK(d.where.field == "qtty");
    CHECK_THAT(d.message, Catch::Contains("unknown column \"qtty\""));
}

TEST_CASE("read_table: a missing required column is an error naming it", "[unit][csv][table]") {
    test::ScratchDir dir;
    Table t = table(dir, "id,unit\nA,t\n");
    CHECK_FALSE(t.ok);
    CHECK(t.rows == 0);
    REQUIRE(t.diags.count() == 1);
    CHECK(t.diags.items().front().where.line == 1);
    CHECK(t.diags.items().front().where.field == "qty");
    CHECK_THAT(t.diags.items().front().message, Catch::Contains("missing column \"qty\""));
}

TEST_CASE("read_table: a duplicated column is an error at its second occurrence", "[unit][csv][table]") {
    test::ScratchDir dir;
    Table t = table(dir, "id,qty,id\nA,1,B\n");
    CHECK_FALSE(t.ok);
    CHECK(t.rows == 0);
    REQUIRE(t.diags.count() == 1);
    CHECK(t.diags.items().front().where.column == 3);
    CHECK(t.diags.items().front().where.field == "id");
    CHECK_THAT(t.diags.items().front().message, Catch::Contains("appears twice"));
}

TEST_CASE("read_table: every header problem is reported in one go", "[unit][csv][table]") {
    test::ScratchDir dir;
    // unknown "x" (column 2), duplicate "id" (column 3), missing "qty"
    Table t = table(dir, "id,x,id\n");
    CHECK_FALSE(t.ok);
    CHECK(t.diags.count() == 3);
}

TEST_CASE("read_table: an empty file is an error", "[unit][csv][table]") {
    test::ScratchDir dir;
    Table t = table(dir, "");
    CHECK_FALSE(t.ok);
    REQUIRE(t.diags.count() == 1);
    CHECK_THAT(t.diags.items().front().message, Catch::Contains("empty"));
}

TEST_CASE("read_table: a number that does not parse names line, column and field", "[unit][csv][table]") {
    test::ScratchDir dir;
    // line 3, column 2 (qty)
    Table t = table(dir, "id,qty\nA,1\nB,1e3\nC,\"1,234.5\"\n");
    CHECK(t.ok);  // the header is fine; the rows carry the problems
    CHECK(t.rows == 3);
    REQUIRE(t.diags.count() == 2);
    const Diagnostic& d = t.diags.items()[0];
    CHECK(d.where.file == dir.file("t.csv"));
    CHECK(d.where.line == 3);
    CHECK(d.where.column == 2);
    CHECK(d.where.field == "qty");
    CHECK_THAT(d.message, Catch::Contains("\"1e3\""));
    CHECK_THAT(d.to_string(), Catch::StartsWith(dir.file("t.csv") + ":3:2 (qty): "));
    // line 4: the thousands separator
    CHECK(t.diags.items()[1].where.line == 4);
    CHECK_THAT(t.diags.items()[1].message, Catch::Contains("\"1,234.5\""));
}

TEST_CASE("read_table: a required number left empty", "[unit][csv][table]") {
    test::ScratchDir dir;
    Table t = table(dir, "id,qty\nA,\n");
    REQUIRE(t.diags.count() == 1);
    CHECK(t.diags.items().front().where.line == 2);
    CHECK(t.diags.items().front().where.field == "qty");
    CHECK_THAT(t.diags.items().front().message, Catch::Contains("empty"));
}

TEST_CASE("read_table: number rules", "[unit][csv][table]") {
    test::ScratchDir dir;
    SECTION("NonNegative rejects a negative number, accepts zero") {
        std::vector<Decimal> v;
        Table t = table(dir, "id,qty\nA,-1\nB,0\n", NumberRule::NonNegative, &v);
        REQUIRE(t.diags.count() == 1);
        CHECK(t.diags.items().front().where.line == 2);
        CHECK_THAT(t.diags.items().front().message, Catch::Contains("0 or more"));
        CHECK(v == std::vector<Decimal>{Decimal(0)});
    }
    SECTION("Positive rejects zero and negatives") {
        std::vector<Decimal> v;
        Table t = table(dir, "id,qty\nA,0\nB,-0.5\nC,0.001\n", NumberRule::Positive, &v);
        REQUIRE(t.diags.count() == 2);
        CHECK(t.diags.items()[0].where.line == 2);
        CHECK(t.diags.items()[1].where.line == 3);
        CHECK_THAT(t.diags.items()[0].message, Catch::Contains("greater than 0"));
        CHECK(v == std::vector<Decimal>{D("0.001")});
    }
    SECTION("Fraction rejects more than 1 and less than 0, accepts 0 and 1") {
        // frac is column 3 in this header
        Table t = table(dir, "id,qty,frac\nA,1,1.5\nB,1,0\nC,1,1\nD,1,-0.1\nE,1,0.999\n");
        REQUIRE(t.diags.count() == 2);
        CHECK(t.diags.items()[0].where.line == 2);
        CHECK(t.diags.items()[0].where.column == 3);
        CHECK(t.diags.items()[0].where.field == "frac");
        CHECK_THAT(t.diags.items()[0].message, Catch::Contains("from 0 to 1"));
        CHECK(t.diags.items()[1].where.line == 5);
    }
    SECTION("a decimal comma in the dialect") {
        std::vector<Decimal> v;
        Table t = table(dir, "id;qty\nA;0,75\n", NumberRule::Any, &v, CsvDialect{';', ','});
        CHECK(t.diags.empty());
        CHECK(v == std::vector<Decimal>{Decimal::ratio(3, 4)});
    }
}

TEST_CASE("read_table: units must be known and of the expected dimension", "[unit][csv][table]") {
    test::ScratchDir dir;
    // line 2: energy where a mass is expected; line 3: unknown; line 4: fine (case ignored)
    Table t = table(dir, "id,qty,unit\nA,1,TJ\nB,1,tons\nC,1,KG\n");
    REQUIRE(t.diags.count() == 2);
    const Diagnostic& wrong = t.diags.items()[0];
    CHECK(wrong.where.line == 2);
    CHECK(wrong.where.column == 3);
    CHECK(wrong.where.field == "unit");
    CHECK_THAT(wrong.message, Catch::Contains("mass") && Catch::Contains("energy"));
    const Diagnostic& unknown = t.diags.items()[1];
    CHECK(unknown.where.line == 3);
    CHECK_THAT(unknown.message, Catch::Contains("unknown unit \"tons\""));
}

TEST_CASE("read_table: a row with more non-blank cells than the header", "[unit][csv][table]") {
    test::ScratchDir dir;
    // line 2 has trailing blank cells (tolerated); line 3 has an extra value in column 3
    Table t = table(dir, "id,qty\nA,1,,\nB,2,oops\n");
    CHECK(t.rows == 1);
    REQUIRE(t.diags.count() == 1);
    CHECK(t.diags.items().front().where.line == 3);
    CHECK(t.diags.items().front().where.column == 3);
}

TEST_CASE("read_table: row locations after a multi-line quoted cell", "[unit][csv][table]") {
    test::ScratchDir dir;
    // header with a comment column; lines 2-4 one row with a 3-line comment; line 5 a bad qty
    dir.write("t.csv", "id,comment,qty\nA,\"first\nsecond\nthird\",1\nB,x,abc\n");
    Diagnostics diags;
    std::vector<std::size_t> lines;
    read_table(dir.file("t.csv"), kColumns, {}, diags, [&](const CsvRow& row) {
        lines.push_back(row.line());
        row.number("qty");
    });
    CHECK(lines == std::vector<std::size_t>{2, 5});
    REQUIRE(diags.count() == 1);
    CHECK(diags.items().front().where.line == 5);
    CHECK(diags.items().front().where.column == 3);
    CHECK(diags.items().front().where.field == "qty");
}

TEST_CASE("read_table: a header padded with an unnamed column is accepted while its cells stay blank", "[unit][csv][table]") {
    test::ScratchDir dir;
    // spreadsheet export: "id,qty," has an unnamed third column
    Table padded = table(dir, "id,qty,\nA,1,\nB,2,\n");
    CHECK(padded.ok);
    CHECK(padded.rows == 2);
    CHECK(padded.diags.empty());
    // a value under the unnamed column belongs to no column: an error at its cell
    Table filled = table(dir, "id,qty,\nA,1,\nB,2,x\n");
    CHECK(filled.rows == 1);
    REQUIRE(filled.diags.count() == 1);
    CHECK(filled.diags.items().front().where.line == 3);
    CHECK(filled.diags.items().front().where.column == 3);
    CHECK_THAT(filled.diags.items().front().message, Catch::Contains("column 3, which has no name"));
}

TEST_CASE("read_csv: the over-long-line message states the limit, not a partial length", "[unit][csv]") {
    test::ScratchDir dir;
    dir.write("long.csv", "a,b\n" + std::string(200, 'x') + ",y\n");
    Diagnostics diags;
    read_csv(dir.file("long.csv"), {}, diags, [](CsvRecord&) {}, 50);
    REQUIRE(diags.count() == 1);
    CHECK(diags.items().front().message == "line is longer than 50 bytes, the most accepted: this is not a CSV file of the expected kind");
}

TEST_CASE("read_table: files held in memory stop at their row limit with an error", "[unit][csv][table]") {
    test::ScratchDir dir;
    std::string content = "id,qty\n";
    for (int i = 0; i < 5; ++i) content += "A" + std::to_string(i) + ",1\n";
    dir.write("t.csv", content);
    Diagnostics diags;
    int rows = 0;
    read_table(dir.file("t.csv"), {{"id", true}, {"qty", true}}, {}, diags, [&](const CsvRow&) { ++rows; }, {.max = 3});
    CHECK(rows == 3);
    REQUIRE(diags.count() == 1);
    CHECK(diags.items().front().where.line == 5);  // the 4th data row
    CHECK_THAT(diags.items().front().message, Catch::Contains("more than 3 rows"));
}


TEST_CASE("read_csv: lines without quotes are split as libcsv splits them", "[unit][csv]") {
    // read_csv splits a line that holds no quote and no carriage return inside itself, and leaves
    // every other line to libcsv. Generated files mix both kinds (spaces and tabs around fields,
    // empty fields, trailing delimiters, blank lines, CRLF, quoted fields with the delimiter or a
    // line break inside, lines of up to 70 bytes with a letter é anywhere), and the records must
    // equal libcsv's own reading of the same text.
    // Among them: a carriage return inside a line, which ends a record there, followed by a quoted
    // field that goes on over a plain line (found by the fuzzer: the plain line was split as a
    // record of its own, into views of fields already gone).
    std::uint32_t seed = 20261128;
    auto next = [&]() { return seed = seed * 1664525u + 1013904223u, seed >> 8; };
    for (char delimiter : {',', ';', '\t'}) {
        std::string alphabet = std::string("ab1.") + " \t,;";
        std::string text = "h1" + std::string(1, delimiter) + "h2\n";
        for (int line = 0; line < 4000; ++line) {
            std::size_t kind = next() % 10;
            if (kind == 0) {  // a quoted field, sometimes over two lines
                text += "x" + std::string(1, delimiter) + "\" q" + std::string(1, delimiter) + (next() % 2 ? "\n" : "") + "\"\" r \"";
            } else if (kind == 9 && next() % 2) {  // k1,k2 CR [m1,]"q1 LF p1,p2 LF q3"
                const std::string d(1, delimiter);
                text += "k1" + d + "k2\r" + (next() % 2 ? "m1" + d : "") + "\"q1\np1" + d + "p2\nq3\"";
            } else if (kind == 1) {
                text += std::string(next() % 3, ' ');  // a blank line, or spaces only
            } else {
                // Short lines, and lines long enough to be split sixteen bytes at a time (with a
                // non-ASCII letter at any place now and then: such lines go to libcsv).
                for (std::size_t n = next() % (line % 3 == 0 ? 70 : 12); n > 0; --n)
                    text += next() % 48 == 0 ? std::string("\xC3\xA9") : std::string(1, alphabet[next() % alphabet.size()]);
            }
            text += next() % 4 == 0 ? "\r\n" : "\n";
        }
        test::ScratchDir dir;
        dir.write("gen.csv", text);
        CsvDialect dialect{delimiter, delimiter == ';' ? ',' : '.'};
        Read r = read(dir.file("gen.csv"), dialect);
        INFO("delimiter " << describe_char(delimiter));
        REQUIRE(r.ok);
        auto expected = test::libcsv_records(text, delimiter);
        REQUIRE(r.records.size() == expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            INFO("record " << i + 1 << " at line " << r.records[i].line);
            CHECK(r.records[i].fields == expected[i]);
        }
    }
}

namespace {

// The first byte of `s` that does not begin a well-formed UTF-8 sequence (RFC 3629: no overlong
// form, no surrogate, nothing above U+10FFFF), or npos: a plain decoder, one code point at a time.
std::size_t reference_invalid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return i;
        unsigned cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
        for (std::size_t k = 1; k < n; ++k) {
            unsigned b = static_cast<unsigned char>(s[i + k]);
            if ((b & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (b & 0x3F);
        }
        if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return i;
        i += n;
    }
    return std::string_view::npos;
}

}  // namespace

TEST_CASE("invalid_utf8_at: the first bad byte, wherever it stands among ASCII runs", "[unit][csv][utf8]") {
    // ASCII runs of every length around 8-byte boundaries, with good and bad sequences between them.
    const std::vector<std::string> pieces = {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                                             "\xE2\x82", "\x80", "\xFF", "\xC3", "\xE0\x80\x80"};
    std::uint32_t seed = 7;
    auto next = [&]() { return seed = seed * 1664525u + 1013904223u, seed >> 8; };
    for (int round = 0; round < 20000; ++round) {
        std::string s;
        for (std::size_t parts = next() % 4; parts > 0; --parts) {
            s += std::string(next() % 20, static_cast<char>('a' + next() % 26));
            if (next() % 3) s += pieces[next() % pieces.size()];
        }
        s += std::string(next() % 20, 'z');
        INFO("round " << round);
        REQUIRE(invalid_utf8_at(s) == reference_invalid_utf8(s));
    }
}
