// Bad input to `cbam report` and `cbam validate`: each case corrupts a copy of
// fixtures/importer-nl and asserts the exact location, exit code 1, and that neither the report
// nor its summary was written.
#include "support.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

using namespace cbam;

namespace {

struct Case {
    test::ScratchDir dir;
    Case() { dir.copy_from("fixtures/importer-nl"); }
    void edit(const std::string& file, const std::string& from, const std::string& to) const { dir.edit(file, from, to); }
    test::RunResult run() const { return test::run_cbam({"report", dir.path(), "--period", "2024Q2", "-o", dir.file("out.xml")}); }
    void expect_nothing_written(const test::RunResult& r) const {
        INFO(r.err);
        CHECK(r.exit_code == 1);
        CHECK_FALSE(test::file_exists(dir.file("out.xml")));
        CHECK_FALSE(test::file_exists(dir.file("out.summary.csv")));
        CHECK_FALSE(test::file_exists(dir.file("out.skipped.csv")));
    }
};

// customs.csv line 2 is the first data line: "24NL00000000000011,1,2024-04-09,73181590,TW,12500,kg,..."
const std::string kLine2 = "24NL00000000000011,1,2024-04-09,73181590,TW,12500,kg";

}  // namespace

TEST_CASE("report: a malformed CN code", "[bad_input][report]") {
    Case c;
    c.edit("customs.csv", kLine2, "24NL00000000000011,1,2024-04-09,7318159X,TW,12500,kg");
    auto r = c.run();
    c.expect_nothing_written(r);
    CHECK_THAT(r.err, Catch::Contains("customs.csv:2:4 (cn_code): expected an 8-digit CN code, found \"7318159X\""));
}

TEST_CASE("report: a bad country code", "[bad_input][report]") {
    Case c;
    c.edit("customs.csv", kLine2, "24NL00000000000011,1,2024-04-09,73181590,Taiwan,12500,kg");
    auto r = c.run();
    c.expect_nothing_written(r);
    CHECK_THAT(r.err, Catch::Contains("customs.csv:2:5 (origin): expected an ISO 3166-1 alpha-2 country code such as TW or CN, found \"Taiwan\""));
}

TEST_CASE("report: a zero and a negative mass", "[bad_input][report]") {
    Case c;
    c.edit("customs.csv", kLine2, "24NL00000000000011,1,2024-04-09,73181590,TW,0,kg");
    c.edit("customs.csv", "CN,30,t", "CN,-30,t");
    auto r = c.run();
    c.expect_nothing_written(r);
    CHECK_THAT(r.err, Catch::Contains("customs.csv:2:6 (net_mass): expected a number greater than 0, found 0"));
    CHECK_THAT(r.err, Catch::Contains("customs.csv:4:6 (net_mass): expected a number greater than 0, found -30"));
}

TEST_CASE("report: a date outside the period", "[bad_input][report]") {
    Case c;
    c.edit("customs.csv", kLine2, "24NL00000000000011,1,2024-07-01,73181590,TW,12500,kg");
    auto r = c.run();
    c.expect_nothing_written(r);
    CHECK_THAT(r.err, Catch::Contains("customs.csv:2 (acceptance_date): expected a date in 2024Q2 (2024-04-01 to 2024-06-30), found 2024-07-01"));
}

TEST_CASE("report: an installation without emissions data", "[bad_input][report]") {
    Case c;
    c.edit("customs.csv", "EU,CN-JS-WIRE-01", "EU,CN-JS-WIRE-99");
    auto r = c.run();
    c.expect_nothing_written(r);
    CHECK_THAT(r.err, Catch::Contains("customs.csv:4 (installation_id): no emissions data for installation CN-JS-WIRE-99 and CN 72172030"));
}

TEST_CASE("report: a line whose importer is not the declarant of role 01", "[bad_input][report]") {
    Case c;
    c.edit("customs.csv", "40,,NL800000001,EU,CN-JS-WIRE-01", "40,,BE0000000001,EU,CN-JS-WIRE-01");
    auto r = c.run();
    c.expect_nothing_written(r);
    CHECK_THAT(r.err, Catch::Contains("customs.csv:4 (importer): the declarant (NL800000001) reports as importer for all goods (role 01)"));
}

TEST_CASE("report: a supplier file with a broken number and a missing setting", "[bad_input][report]") {
    Case c;
    c.edit("suppliers/china-wire.csv", ",2.31000,", ",2,31,");
    c.edit("settings.csv", "signature_name,A. de Vries\n", "");
    auto r = c.run();
    c.expect_nothing_written(r);
    CHECK_THAT(r.err, Catch::Contains("settings.csv (signature_name): the setting \"signature_name\" is required"));
    CHECK_THAT(r.err, Catch::Contains("china-wire.csv:2:"));
}

TEST_CASE("report: a good on default values is refused for a period where the registry refuses them, unless --draft", "[bad_input][report]") {
    // Rule D4: default values only for 2023Q4 to 2024Q2. Moving the quarter to 2024Q3 makes the
    // Turkish cement (no producer data) fail the check.
    Case c;
    std::string customs = test::read_file(c.dir.file("customs.csv"));
    for (const char* m : {"2024-04-", "2024-05-", "2024-06-"}) {
        std::string to = std::string("2024-0") + static_cast<char>(m[6] + 3) + "-";
        for (std::size_t at; (at = customs.find(m)) != std::string::npos;) customs.replace(at, 8, to);
    }
    c.dir.write("customs.csv", customs);
    auto r = test::run_cbam({"report", c.dir.path(), "--period", "2024Q3", "-o", c.dir.file("out.xml")});
    c.expect_nothing_written(r);
    CHECK_THAT(r.err, Catch::Contains("[D4] Default values (DeterminationType 02) are accepted only for Q4-2023, Q1-2024 and Q2-2024"));
    auto d = test::run_cbam({"report", c.dir.path(), "--period", "2024Q3", "-o", c.dir.file("out.xml"), "--draft"});
    CHECK(d.exit_code == 1);
    std::string xml = test::read_file(c.dir.file("out.xml"));
    CHECK_THAT(xml, Catch::StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- DRAFT: NOT VALID FOR UPLOAD."));
    CHECK_THAT(xml, Catch::Contains("[D4]"));
}

TEST_CASE("report: usage errors", "[bad_input][report]") {
    auto r = test::run_cbam({"report", test::source_path("fixtures/importer-nl"), "--period", "2026Q1", "-o", "x.xml"});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("2026Q1 is outside the transitional period"));
    auto r2 = test::run_cbam({"report", test::source_path("fixtures/importer-nl"), "-o", "x.xml"});
    CHECK(r2.exit_code == 2);
    CHECK_THAT(r2.err, Catch::Contains("--period is required"));
}

TEST_CASE("validate: an XML that is not a QReport", "[bad_input][report]") {
    test::ScratchDir d;
    d.write("other.xml", "<?xml version=\"1.0\"?>\n<Invoice><Total>3</Total></Invoice>\n");
    auto r = test::run_cbam({"validate", d.file("other.xml")});
    CHECK(r.exit_code == 1);
    // One clear finding, not the schema's "no matching global declaration" beside it.
    CHECK(r.out == d.file("other.xml") + ":2: [X0] The root element is <Invoice> (no namespace), not <QReport>: this is not a CBAM quarterly "
                   "report, so no QReport rule applies to it. Path: /Invoice\n");
    CHECK_THAT(r.err, Catch::Contains("refused: not a QReport (schema invalid)"));
    // A QReport element in no namespace is not the registry's QReport either.
    d.write("nons.xml", "<?xml version=\"1.0\"?>\n<QReport><Year>2024</Year></QReport>\n");
    auto r3 = test::run_cbam({"validate", d.file("nons.xml")});
    CHECK(r3.exit_code == 1);
    CHECK_THAT(r3.out, Catch::Contains(":2: [X0] The root element <QReport> is in no namespace, not in http://xmlns.ec.eu/BusinessObjects/CBAM/Types/V1"));
    d.write("text.xml", "name,value\n");
    auto r2 = test::run_cbam({"validate", d.file("text.xml")});
    CHECK(r2.exit_code == 1);
    CHECK_THAT(r2.out, Catch::Contains("text.xml:1: [XSD]"));
}

TEST_CASE("report: more customs procedures for one good than the schema holds is a clear error", "[bad_input][report]") {
    // 10 lines of the same good (CN 73181590 from TW) under 10 different combinations of requested
    // procedure and import area; QReport 23.00 holds at most 9 ImportedQuantity per good.
    Case c;
    std::string customs = test::read_file(c.dir.file("customs.csv"));
    const char* procs[] = {"01", "07", "40", "42", "43"};
    int n = 0;
    for (const char* area : {"EU", "EUOTH"})
        for (const char* p : procs)
            customs += fmt::format("24NL000000000009{:02},1,2024-05-15,73181590,TW,1,t,,,{},,NL800000001,{},TW-KHH-FAST-001,,,,,,,\n", n++, p, area);
    c.dir.write("customs.csv", customs);
    auto r = c.run();
    c.expect_nothing_written(r);
    CHECK_THAT(r.err, Catch::Contains("customs.csv:2: CN 73181590 from TW: 10 different combinations of customs procedure and import area"));
    CHECK_THAT(r.err, Catch::Contains("a good of the report holds at most 9 (QReport 23.00)"));
}
