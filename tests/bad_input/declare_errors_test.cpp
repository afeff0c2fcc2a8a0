// Bad input to `cbam declare`: each case corrupts a copy of fixtures/warehouse-de and asserts the
// exit code, the location named, and that neither the declaration nor its line statuses were
// written.
//
// The fixture's customs.csv (line: declaration, date, CN, origin):
//   2  26DE00000000000101 2026-02-10 73181590 TW      5  26DE00000000000104 2026-08-20 31023090 EG
//   4  26DE00000000000103 2026-03-05 25232900 TR      7  26DE00000000000106 2026-07-01 72083900 NO
//   8  26DE00000000000107 2026-09-30 (procedure 71)
// and certificate_prices.csv: line 2 Q1, line 3 Q2, line 4 Q3, line 5 Q4 of 2026.
#include "support.h"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace cbam;

namespace {

struct Case {
    test::ScratchDir dir;
    Case() { dir.copy_from("fixtures/warehouse-de"); }
    void edit(const std::string& file, const std::string& from, const std::string& to) const { dir.edit(file, from, to); }
    test::RunResult run() const { return test::run_cbam({"declare", dir.path(), "--year", "2026", "-o", dir.file("d.xml")}); }
    void expect_nothing_written(const test::RunResult& r, int code = 1) const {
        INFO(r.err);
        CHECK(r.exit_code == code);
        CHECK_FALSE(test::file_exists(dir.file("d.xml")));
        CHECK_FALSE(test::file_exists(dir.file("d.lines.csv")));
    }
};

}  // namespace

TEST_CASE("declare: a year before the definitive period is a usage error", "[bad_input][declare]") {
    Case c;
    auto r = test::run_cbam({"declare", c.dir.path(), "--year", "2025", "-o", c.dir.file("d.xml")});
    c.expect_nothing_written(r, 2);
    CHECK_THAT(r.err, Catch::Contains("cbam declare: error: expected a year from 2026 (the definitive period), found 2025: for 2023-2025 use 'cbam report'"));
    CHECK_THAT(r.err, Catch::Contains("'cbam report'"));
}

TEST_CASE("declare: no certificate price for a line's date", "[bad_input][declare]") {
    // Without the Q3 row (line 4), customs.csv line 5 (2026-08-20) has no price. Lines 7 (Norway,
    // out of scope) and 8 (procedure 71, not reportable) are in Q3 too but need no price.
    Case c;
    c.edit("certificate_prices.csv",
           "2026-07-01,2026-09-30,76.00,\"ASSUMED for this fictional example: replace with the published Q3 2026 price\"\n", "");
    auto r = c.run();
    c.expect_nothing_written(r);
    CHECK_THAT(r.err, Catch::Contains("customs.csv:5 (acceptance_date): no certificate price covers 2026-08-20"));
    CHECK_THAT(r.err, Catch::Contains("certificate_prices.csv"));
    CHECK_THAT(r.err, !Catch::Contains("customs.csv:7 "));
    CHECK_THAT(r.err, !Catch::Contains("customs.csv:8 "));
}

TEST_CASE("declare: no certificate_prices.csv at all", "[bad_input][declare]") {
    Case c;
    std::filesystem::remove(c.dir.file("certificate_prices.csv"));
    auto r = c.run();
    c.expect_nothing_written(r);
    CHECK_THAT(r.err, Catch::Contains(c.dir.file("certificate_prices.csv") + ": missing file: the CBAM certificate prices of the year"));
}

TEST_CASE("declare: an origin that is not a country code", "[bad_input][declare]") {
    Case c;
    c.edit("customs.csv", "2026-02-10,73181590,TW,30,t", "2026-02-10,73181590,Taiwan,30,t");
    auto r = c.run();
    c.expect_nothing_written(r);
    CHECK_THAT(r.err, Catch::Contains("customs.csv:2:5 (origin): expected an ISO 3166-1 alpha-2 country code such as TW or CN, found \"Taiwan\""));
}

TEST_CASE("declare: a line dated in another year", "[bad_input][declare]") {
    Case c;
    c.edit("customs.csv", "26DE00000000000103,1,2026-03-05,", "26DE00000000000103,1,2025-12-30,");
    auto r = c.run();
    c.expect_nothing_written(r);
    CHECK_THAT(r.err, Catch::Contains("customs.csv:4 (acceptance_date): expected a date in 2026, found 2025-12-30"));
}

TEST_CASE("declare: overlapping certificate price periods", "[bad_input][declare]") {
    // The Q2 period (line 3) made to start on 2026-03-15, inside the Q1 period of line 2.
    Case c;
    c.edit("certificate_prices.csv", "2026-04-01,2026-06-30,75.28", "2026-03-15,2026-06-30,75.28");
    auto r = c.run();
    c.expect_nothing_written(r);
    CHECK_THAT(r.err, Catch::Contains("certificate_prices.csv:3 (first_day): the period 2026-03-15 to 2026-06-30 overlaps the one from 2026-01-01 to 2026-03-31"));
    CHECK_THAT(r.err, Catch::Contains("certificate_prices.csv:2)"));
}

TEST_CASE("declare: counted indirect emissions above the indirect emissions are refused", "[bad_input][declare]") {
    test::ScratchDir d;
    d.copy_from("fixtures/warehouse-de");
    d.edit("suppliers/fasteners-tw.csv", ",1.13075,0.00000,", ",1.13075,1.20000,");
    auto r = test::run_cbam({"declare", d.path(), "--year", "2026", "-o", d.file("d.xml")});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("fasteners-tw.csv:2:8 (see_indirect_counted): expected at most see_indirect (1.13075)"));
    CHECK_FALSE(test::file_exists(d.file("d.xml")));
}

// suppliers/fasteners-tw-precursors.csv: line 2 wire rod from TW (verified SEFA), line 3 from CN.
TEST_CASE("declare: bad precursor rows are each located, and nothing is written", "[bad_input][declare]") {
    Case c;
    const std::string f = "suppliers/fasteners-tw-precursors.csv";
    // line 2: scrap (7204) is not a CBAM good; line 3 stays as it is
    c.edit(f, "TW-KHH-FAST-001,73181590,72139110,TW,", "TW-KHH-FAST-001,73181590,72044100,TW,");
    c.dir.write(f, test::read_file(c.dir.file(f)) +
                       // line 4: a precursor that is not relevant to screws (clinker)
                       "TW-KHH-FAST-001,73181590,2523100090,TW,,10,1200,,,,clinker\n"
                       // line 5: a good with no row in the supplier files
                       "TW-KHH-FAST-002,73181590,72139110,TW,,10,1200,,,,\n"
                       // line 6: no country and no verified SEFA
                       "TW-KHH-FAST-001,73181590,72139120,,,10,1200,,,,\n"
                       // line 7: a simple good (hydrogen) cannot have precursors
                       "SA-JUB-H2-001,28041000,28141000,SA,,1,1,,,,\n"
                       // line 8: a SEFA said to be verified but not given
                       "TW-KHH-FAST-001,73181590,72139190,TW,,10,1200,,,yes,\n");
    auto r = c.run();
    c.expect_nothing_written(r);
    CHECK_THAT(r.err, Catch::Contains("fasteners-tw-precursors.csv:2:3 (precursor_cn_code): CN code 72044100 is not a CBAM good"));
    CHECK_THAT(r.err, Catch::Contains("fasteners-tw-precursors.csv:4:3 (precursor_cn_code): CN 2523100090 (Cement clinker) is not a relevant precursor of CN 73181590"));
    CHECK_THAT(r.err, Catch::Contains("fasteners-tw-precursors.csv:5:2 (cn_code): no emissions data for installation TW-KHH-FAST-002 and CN 73181590"));
    CHECK_THAT(r.err, Catch::Contains("fasteners-tw-precursors.csv:6:4 (precursor_country): expected the precursor's country of production"));
    CHECK_THAT(r.err, Catch::Contains("fasteners-tw-precursors.csv:7:2 (cn_code): CN 28041000 is a simple good (Hydrogen)"));
    CHECK_THAT(r.err, Catch::Contains("fasteners-tw-precursors.csv:8:9 (precursor_sefa): expected the SEFA that precursor_sefa_verified = yes refers to"));
}

TEST_CASE("declare: a precursor row with both a specific mass and the masses to compute it", "[bad_input][declare]") {
    Case c;
    c.dir.write("suppliers/fasteners-tw-precursors.csv",
                "installation_id,cn_code,precursor_cn_code,precursor_country,specific_mass,mass_consumed,activity_level\n"
                "TW-KHH-FAST-001,73181590,72139110,TW,1.05,800,1200\n"
                "TW-KHH-FAST-001,73181590,72139120,TW,,800,\n");
    auto r = c.run();
    c.expect_nothing_written(r);
    CHECK_THAT(r.err, Catch::Contains("fasteners-tw-precursors.csv:2:5 (specific_mass): expected either specific_mass or mass_consumed"));
    CHECK_THAT(r.err, Catch::Contains("fasteners-tw-precursors.csv:3:7 (activity_level): expected the activity level that divides mass_consumed"));
}
