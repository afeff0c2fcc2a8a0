// Bad installation input: each case corrupts one file of a copy of fixtures/fastener-tw and
// asserts the exact location (file:line:column (field)), what the message says was expected and
// found, exit code 1, and that no output file was written.
#include "support.h"

#include <catch2/catch.hpp>

#include <regex>

using namespace cbam;

namespace {

struct Case {
    test::ScratchDir dir;
    Case() { dir.copy_from("fixtures/fastener-tw"); }
    // Replaces the first occurrence of `from` with `to` in one file of the copy.
    void edit(const std::string& file, const std::string& from, const std::string& to) const { dir.edit(file, from, to); }
    test::RunResult run() const {
        return test::run_cbam({"calc", dir.path(), "-o", dir.file("out.csv")});
    }
};

void expect_failure(const Case& c, const test::RunResult& r) {
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(!test::file_exists(c.dir.file("out.csv")));
    CHECK(r.out.empty());
}

}  // namespace

TEST_CASE("bad input: a non-number names file, line, column and field", "[bad_input]") {
    Case c;
    c.edit("source_streams.csv", "185000", "18S000");
    auto r = c.run();
    expect_failure(c, r);
    CHECK_THAT(r.err, Catch::Contains("source_streams.csv:2:4 (activity_data): expected a number of 0 or more written with a decimal "
                                      "point and no thousands separator, found \"18S000\""));
}

TEST_CASE("bad input: a negative mass", "[bad_input]") {
    Case c;
    c.edit("precursors.csv", "800,t", "-800,t");
    auto r = c.run();
    expect_failure(c, r);
    CHECK_THAT(r.err, Catch::Contains("precursors.csv:2:3 (mass): expected a number greater than 0, found -800"));
}

TEST_CASE("bad input: an unknown unit", "[bad_input]") {
    Case c;
    c.edit("electricity.csv", "1850,MWh", "1850,MWhh");
    auto r = c.run();
    expect_failure(c, r);
    CHECK_THAT(r.err, Catch::Contains("electricity.csv:2:4 (unit): expected a unit of energy such as MWh, found the unknown unit \"MWhh\""));
}

TEST_CASE("bad input: a unit of the wrong kind", "[bad_input]") {
    Case c;
    c.edit("electricity.csv", "1850,MWh", "1850,t");
    auto r = c.run();
    expect_failure(c, r);
    CHECK_THAT(r.err, Catch::Contains("electricity.csv:2:4 (unit): expected a unit of energy such as MWh, found \"t\" which is mass"));
}

TEST_CASE("bad input: unknown, malformed and out-of-scope CN codes", "[bad_input]") {
    Case c;
    c.edit("processes.csv", "73181590 73182200", "73181590 7318159 72044100 76011000");
    auto r = c.run();
    expect_failure(c, r);
    CHECK_THAT(r.err, Catch::Contains("processes.csv:2:6 (cn_codes): expected 8-digit CN codes separated by spaces, found \"7318159\""));
    CHECK_THAT(r.err, Catch::Contains("processes.csv:2:6 (cn_codes): CN code 72044100 is not a CBAM good: excluded from Annex I line 72"));
    CHECK_THAT(r.err, Catch::Contains("processes.csv:2:6 (cn_codes): CN code 76011000 does not belong to the aggregated good \"Iron or steel "
                                      "products\" (it belongs to \"Unwrought aluminium\")"));
}

TEST_CASE("bad input: a missing column", "[bad_input]") {
    Case c;
    c.edit("processes.csv", "activity_level,", "");
    c.edit("processes.csv", ",1200,", ",");
    auto r = c.run();
    expect_failure(c, r);
    CHECK_THAT(r.err, Catch::Contains("processes.csv:1 (activity_level): missing column \"activity_level\" in the header"));
}

TEST_CASE("bad input: an unknown column (a typo of a real one)", "[bad_input]") {
    Case c;
    c.edit("electricity.csv", "emission_factor,", "emision_factor,");
    auto r = c.run();
    expect_failure(c, r);
    CHECK_THAT(r.err, Catch::Contains("electricity.csv:1:5 (emision_factor): unknown column \"emision_factor\""));
    CHECK_THAT(r.err, Catch::Contains("electricity.csv:1 (emission_factor): missing column \"emission_factor\" in the header"));
}

TEST_CASE("bad input: a reference to a process that does not exist", "[bad_input]") {
    Case c;
    c.edit("source_streams.csv", "NG-ANNEAL,FASTENERS", "NG-ANNEAL,FASTENER");
    auto r = c.run();
    expect_failure(c, r);
    CHECK_THAT(r.err, Catch::Contains("source_streams.csv:2:2 (process_id): process \"FASTENER\" does not exist in processes.csv "
                                      "(its processes: FASTENERS)"));
}

TEST_CASE("bad input: a reference to a supplier that does not exist", "[bad_input]") {
    Case c;
    c.edit("precursors.csv", "WR-CN", "WR-KR");
    auto r = c.run();
    expect_failure(c, r);
    CHECK_THAT(r.err, Catch::Contains("precursors.csv:3:5 (supplier_id): supplier \"WR-KR\" does not exist in suppliers.csv "
                                      "(its suppliers: WR-CN, WR-TW)"));
}

TEST_CASE("bad input: a duplicate identifier", "[bad_input]") {
    Case c;
    c.edit("suppliers.csv", "WR-CN,Eastern", "WR-TW,Eastern");
    auto r = c.run();
    expect_failure(c, r);
    CHECK_THAT(r.err, Catch::Contains("suppliers.csv:3:1 (supplier_id): duplicate identifier \"WR-TW\" (first used on line 2)"));
}

TEST_CASE("bad input: a precursor that is not relevant to the good", "[bad_input]") {
    Case c;
    c.edit("precursors.csv", "FASTENERS,Iron or steel products,500", "FASTENERS,Cement clinker,500");
    auto r = c.run();
    expect_failure(c, r);
    CHECK_THAT(r.err, Catch::Contains("precursors.csv:3:2 (precursor): \"Cement clinker\" is not a relevant precursor of \"Iron or steel products\""));
}

TEST_CASE("bad input: a bad country code", "[bad_input]") {
    Case c;
    c.edit("suppliers.csv", ",CN,CN-SD", ",China,CN-SD");
    auto r = c.run();
    expect_failure(c, r);
    CHECK_THAT(r.err, Catch::Contains("suppliers.csv:3:3 (country): expected an ISO 3166-1 alpha-2 country code such as TW or CN, found \"China\""));
}

TEST_CASE("bad input: every error of every file is reported in one run", "[bad_input]") {
    Case c;
    c.edit("source_streams.csv", "35.2", "abc");
    c.edit("precursors.csv", "800,t", "0,t");
    c.edit("electricity.csv", "0.474", "");
    c.edit("installation.csv", ",TW,", ",Taiwan,");
    auto r = c.run();
    expect_failure(c, r);
    CHECK_THAT(r.err, Catch::Contains("installation.csv:2:3 (country)"));
    CHECK_THAT(r.err, Catch::Contains("source_streams.csv:2:6 (ncv)"));
    CHECK_THAT(r.err, Catch::Contains("precursors.csv:2:3 (mass): expected a number greater than 0, found 0"));
    CHECK_THAT(r.err, Catch::Contains("electricity.csv:2:5 (emission_factor): expected a number of 0 or more, found an empty cell"));
    CHECK_THAT(r.err, Catch::Contains("4 problem(s) in the input; nothing was written"));
}

TEST_CASE("bad input: a missing required file", "[bad_input]") {
    Case c;
    std::remove(c.dir.file("processes.csv").c_str());
    auto r = c.run();
    expect_failure(c, r);
    CHECK_THAT(r.err, Catch::Contains("processes.csv: missing file: every installation needs it"));
}

TEST_CASE("bad input: broken quoting is located", "[bad_input]") {
    Case c;
    c.edit("suppliers.csv", "Eastern Sample Steel Works (fictional)", "Eastern \"Sample\" Steel Works");
    auto r = c.run();
    expect_failure(c, r);
    CHECK_THAT(r.err, Catch::Contains("suppliers.csv:3:"));
    CHECK_THAT(r.err, Catch::Contains("malformed CSV"));
}

TEST_CASE("bad input: an earlier output is left untouched when a run fails", "[bad_input]") {
    Case c;
    c.dir.write("out.csv", "earlier results\n");
    c.edit("precursors.csv", "800,t", "-1,t");
    auto r = c.run();
    CHECK(r.exit_code == 1);
    CHECK(test::read_file(c.dir.file("out.csv")) == "earlier results\n");
}

TEST_CASE("an unwritable output path is exit code 3 and leaves nothing behind", "[bad_input]") {
    test::ScratchDir dir;
    auto r = test::run_cbam({"calc", test::source_path("fixtures/fastener-tw"), "-o", dir.file("no/such/folder/see.csv")});
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("cannot write " + dir.file("no/such/folder/see.csv")));
    CHECK_THAT(r.err, Catch::Contains("no output file was changed"));
}

TEST_CASE("usage errors are exit code 2 with a hint", "[bad_input]") {
    auto r = test::run_cbam({"calc"});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("DIR is required"));
    CHECK_THAT(r.err, Catch::Contains("Usage: cbam calc DIR"));
    CHECK_THAT(r.err, Catch::Contains("Run 'cbam calc --help'"));
    auto r2 = test::run_cbam({"calc", test::source_path("fixtures/fastener-tw"), "--scope", "2026"});
    CHECK(r2.exit_code == 2);
    CHECK_THAT(r2.err, Catch::Contains("--scope expects transitional or definitive, found '2026'"));
    auto r3 = test::run_cbam({"frobnicate"});
    CHECK(r3.exit_code == 2);
}
