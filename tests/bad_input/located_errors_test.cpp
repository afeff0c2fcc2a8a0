// Bad inputs a new user met (issue "set-up anywhere, one consistent CLI, every bad input located"):
// each must exit non-zero, name file, line, column and field, and leave no output and no changed
// earlier output. Every case starts from a copy of a fixture whose outputs were written once
// already ("earlier" files), then corrupts one input.
#include "support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

using namespace cbam;

namespace {

const char* kEarlier = "earlier output, to be kept\n";

// A copy of fixtures/importer-nl with earlier outputs out.xml, out.summary.csv, out.skipped.csv.
struct Report {
    test::ScratchDir dir;
    Report() {
        dir.copy_from("fixtures/importer-nl");
        for (const char* f : {"out.xml", "out.summary.csv", "out.skipped.csv"}) dir.write(f, kEarlier);
    }
    void edit(const std::string& file, const std::string& from, const std::string& to) const { dir.edit(file, from, to); }
    test::RunResult run() const { return test::run_cbam({"report", dir.path(), "--period", "2024Q2", "-o", dir.file("out.xml")}); }
    void expect_unchanged(const test::RunResult& r) const {
        INFO(r.err);
        CHECK(r.exit_code == 1);
        for (const char* f : {"out.xml", "out.summary.csv", "out.skipped.csv"}) CHECK(test::read_file(dir.file(f)) == kEarlier);
        CHECK_THAT(r.err, Catch::Contains("nothing was written"));
    }
};

// A copy of fixtures/warehouse-de with earlier outputs d.xml and d.lines.csv.
struct Declaration {
    test::ScratchDir dir;
    Declaration() {
        dir.copy_from("fixtures/warehouse-de");
        for (const char* f : {"d.xml", "d.lines.csv"}) dir.write(f, kEarlier);
    }
    void edit(const std::string& file, const std::string& from, const std::string& to) const { dir.edit(file, from, to); }
    test::RunResult run() const { return test::run_cbam({"declare", dir.path(), "--year", "2026", "-o", dir.file("d.xml")}); }
    void expect_unchanged(const test::RunResult& r) const {
        INFO(r.err);
        CHECK(r.exit_code == 1);
        for (const char* f : {"d.xml", "d.lines.csv"}) CHECK(test::read_file(dir.file(f)) == kEarlier);
    }
};

// importer-nl/customs.csv: line 2 is "24NL00000000000011,1,2024-04-09,73181590,TW,12500,kg,...";
// its columns: 1 declaration, 2 item, 3 acceptance_date, 4 cn_code, 5 origin, 6 net_mass, 7 mass_unit.
const std::string kLine2 = "24NL00000000000011,1,2024-04-09,73181590,TW,12500,kg";

}  // namespace

TEST_CASE("located: a declaration and item given twice in the customs lines", "[bad_input][located]") {
    SECTION("report, in one file: line 4 repeats declaration ...11 item 1 of line 2 (they used to be summed)") {
        Report c;
        c.edit("customs.csv", "24NL00000000000012,1,2024-04-15,72172030,CN,30,t", "24NL00000000000011,1,2024-04-15,72172030,CN,30,t");
        auto r = c.run();
        c.expect_unchanged(r);
        CHECK_THAT(r.err, Catch::Contains("customs.csv:4:1 (declaration): this declaration and item are given already on line 2"));
    }
    SECTION("report, across files: customs_2.csv repeats line 3 of customs.csv") {
        Report c;
        std::string customs = test::read_file(c.dir.file("customs.csv"));
        c.dir.write("customs_2.csv", customs.substr(0, customs.find('\n') + 1) +
                                         "24NL00000000000011,2,2024-04-09,73181590,TW,7500,kg,,,40,,NL800000001,EU,TW-KHH-FAST-001,,,,,,,again\n");
        auto r = c.run();
        c.expect_unchanged(r);
        CHECK_THAT(r.err, Catch::Contains("customs_2.csv:2:1 (declaration): this declaration and item are given already on customs.csv line 3"));
    }
    SECTION("declare: line 3 repeats declaration ...101 item 1 of line 2") {
        Declaration c;
        c.edit("customs.csv", "26DE00000000000102,1,2026-05-12", "26DE00000000000101,1,2026-05-12");
        auto r = c.run();
        c.expect_unchanged(r);
        CHECK_THAT(r.err, Catch::Contains("customs.csv:3:1 (declaration): this declaration and item are given already on line 2"));
    }
    SECTION("the same item number in another declaration is another line") {
        Report c;
        REQUIRE(c.run().exit_code == 0);
    }
}

TEST_CASE("located: a currency that is not an ISO 4217 code in the carbon prices paid", "[bad_input][located]") {
    Declaration c;
    // carbon_prices_paid.csv line 2, column 7 (currency): TWD -> TWN, three capitals but no currency.
    c.edit("carbon_prices_paid.csv", ",300,TWD,", ",300,TWN,");
    auto r = c.run();
    c.expect_unchanged(r);
    CHECK_THAT(r.err, Catch::Contains("carbon_prices_paid.csv:2:7 (currency): expected an ISO 4217 currency code such as EUR or CNY, found \"TWN\""));
}

TEST_CASE("located: a carbon price given twice for one installation and good", "[bad_input][located]") {
    Declaration c;
    std::string prices = test::read_file(c.dir.file("carbon_prices_paid.csv"));
    c.dir.write("carbon_prices_paid.csv", prices + prices.substr(prices.find('\n') + 1));
    auto r = c.run();
    c.expect_unchanged(r);
    CHECK_THAT(r.err, Catch::Contains("carbon_prices_paid.csv:3:2 (cn_code): installation TW-KHH-FAST-001 and CN 73181590 has a carbon price "
                                      "already on line 2"));
}

TEST_CASE("located: a quantity too large for the report's digits blames the CSV cell", "[bad_input][located]") {
    Report c;
    // 1234567890123456789 kg = 1234567890123456.789 t: NetMass is dec16-6, at most 10 digits before the point.
    c.edit("customs.csv", kLine2, "24NL00000000000011,1,2024-04-09,73181590,TW,1234567890123456789,kg");
    auto r = c.run();
    c.expect_unchanged(r);
    CHECK_THAT(r.err, Catch::Contains("customs.csv:2:6 (net_mass): a net mass of 1234567890123456.789 t is more than the report can hold"));
    CHECK_THAT(r.err, !Catch::Contains("[XSD]"));
    // Just below the limit is read (9999999999.999999 t = 9999999999999.999 kg).
    Report ok;
    ok.edit("customs.csv", kLine2, "24NL00000000000011,1,2024-04-09,73181590,TW,9999999999999.999,kg");
    CHECK_THAT(ok.run().err, !Catch::Contains("(net_mass)"));
}

TEST_CASE("located: an empty file, or one with only a header", "[bad_input][located]") {
    SECTION("an empty customs file is named at line 1") {
        Report c;
        c.dir.write("customs.csv", "");
        auto r = c.run();
        c.expect_unchanged(r);
        CHECK_THAT(r.err, Catch::Contains("customs.csv:1: the file is empty: expected a header row, then the data"));
    }
    SECTION("a customs file with only its header is named at line 2") {
        Report c;
        std::string customs = test::read_file(c.dir.file("customs.csv"));
        c.dir.write("customs.csv", customs.substr(0, customs.find('\n') + 1));
        auto r = c.run();
        c.expect_unchanged(r);
        CHECK_THAT(r.err, Catch::Contains("customs.csv:2: the file has a header but no row under it"));
    }
    SECTION("settings with only a header") {
        Report c;
        c.dir.write("settings.csv", "field,value\n");
        auto r = c.run();
        c.expect_unchanged(r);
        CHECK_THAT(r.err, Catch::Contains("settings.csv:2: the file has a header but no row under it"));
    }
    SECTION("certificate prices with only a header (declare)") {
        Declaration c;
        c.dir.write("certificate_prices.csv", "first_day,last_day,price_eur,source\n");
        auto r = c.run();
        c.expect_unchanged(r);
        CHECK_THAT(r.err, Catch::Contains("certificate_prices.csv:2: the file has a header but no row under it"));
    }
    SECTION("installation.csv with only a header (calc)") {
        test::ScratchDir d;
        d.copy_from("fixtures/fastener-tw");
        d.write("see.csv", kEarlier);
        std::string inst = test::read_file(d.file("installation.csv"));
        d.write("installation.csv", inst.substr(0, inst.find('\n') + 1));
        auto r = test::run_cbam({"calc", d.path(), "-o", d.file("see.csv")});
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.err, Catch::Contains("installation.csv:2: the file has a header but no row under it"));
        CHECK(test::read_file(d.file("see.csv")) == kEarlier);
    }
}

TEST_CASE("located: a problem in the settings names its line", "[bad_input][located]") {
    Report c;
    // settings.csv line 3 is "declarant_eori,NL800000001": its value cell (column 2) left empty.
    c.edit("settings.csv", "declarant_eori,NL800000001", "declarant_eori,");
    auto r = c.run();
    c.expect_unchanged(r);
    CHECK_THAT(r.err, Catch::Contains("settings.csv:3:2 (value): the setting \"declarant_eori\" is required, found an empty cell"));
    // A name of 70 characters, each of three bytes in UTF-8, fits: the limit counts characters.
    Report ok;
    std::string name;
    for (int i = 0; i < 70; ++i) name += "\xE5\x8F\xB0";  // 台
    ok.edit("settings.csv", "declarant_name,Lowlands Sample Metals Import B.V. (fictional)", "declarant_name," + name);
    CHECK_THAT(ok.run().err, !Catch::Contains("(value)"));
}

namespace {

// The fixture's report, written once by cbam report into `d` as r.xml; returns its text.
std::string fixture_report(const test::ScratchDir& d) {
    REQUIRE(test::run_cbam({"report", test::source_path("fixtures/importer-nl"), "--period", "2024Q2", "-o", d.file("r.xml")}).exit_code == 0);
    return test::read_file(d.file("r.xml"));
}

}  // namespace

TEST_CASE("located: a DOCTYPE is refused at the line where it stands", "[bad_input][located]") {
    test::ScratchDir d;
    std::string xml = fixture_report(d);
    // Line 1 the XML declaration, lines 2-3 a comment, line 4 the DOCTYPE, line 5 the QReport.
    auto decl_end = xml.find("?>\n");
    REQUIRE(decl_end != std::string::npos);
    d.write("doctype.xml", xml.substr(0, decl_end + 3) + "<!-- a comment\n     over two lines -->\n<!DOCTYPE QReport [<!ENTITY e \"x\">]>\n" +
                               xml.substr(decl_end + 3));
    d.write("rows.csv", kEarlier);
    auto extract = test::run_cbam({"extract", d.file("doctype.xml"), "-o", d.file("rows.csv")});
    INFO(extract.err);
    CHECK(extract.exit_code == 1);
    CHECK_THAT(extract.err, Catch::Contains("doctype.xml:4 (/): the file has a DOCTYPE declaration"));
    CHECK(test::read_file(d.file("rows.csv")) == kEarlier);
    auto validate = test::run_cbam({"validate", d.file("doctype.xml")});
    CHECK(validate.exit_code == 1);
    CHECK_THAT(validate.out, Catch::Contains("doctype.xml:4: [XSD] the document has a DOCTYPE declaration"));
    auto verify = test::run_cbam({"verify", d.file("doctype.xml"), test::source_path("fixtures/importer-nl")});
    CHECK(verify.exit_code == 1);
    CHECK_THAT(verify.err, Catch::Contains("doctype.xml:4 (/): the file has a DOCTYPE declaration"));
}

TEST_CASE("located: invalid UTF-8 in a report given to extract", "[bad_input][located]") {
    test::ScratchDir d;
    std::string xml = fixture_report(d);
    // A Latin-1 byte 0xE9 (an "é" of another encoding) inside the aluminium smelter's name.
    const std::string name = "<InstallationName>Odisha Sample Aluminium Smelter";
    auto at = xml.find(name);
    REQUIRE(at != std::string::npos);
    std::size_t bad = at + std::string("<InstallationName>Odisha Sample Alumin").size();
    xml.insert(bad, "\xE9");
    d.write("latin1.xml", xml);
    // Where the byte stands, counted here: its line, and its byte of that line from 1.
    std::size_t line = static_cast<std::size_t>(std::count(xml.begin(), xml.begin() + static_cast<std::ptrdiff_t>(bad), '\n')) + 1;
    std::size_t column = bad - (xml.rfind('\n', bad) + 1) + 1;
    d.write("rows.csv", kEarlier);
    auto r = test::run_cbam({"extract", d.file("latin1.xml"), "-o", d.file("rows.csv")});
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains(fmt::format("latin1.xml:{}:{} (InstallationName): not valid UTF-8: byte {} of the line (0xE9) is not UTF-8",
                                                  line, column, column)));
    CHECK(test::read_file(d.file("rows.csv")) == kEarlier);
    // Without -o nothing reaches standard output either.
    auto to_stdout = test::run_cbam({"extract", d.file("latin1.xml")});
    CHECK(to_stdout.exit_code == 1);
    CHECK(to_stdout.out.empty());
}
