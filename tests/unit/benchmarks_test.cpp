// The CBAM benchmarks (cn_codes/benchmarks.csv, IR (EU) 2025/2620) and how one is chosen: by
// route, by production-year marker (1)/(2) (cn_codes/route_indicators.csv: (1) = 2026-2027,
// (2) = from 2028), and the highest of several for steel (Annex point 5.1). Expected values are
// the rows of benchmarks.csv quoted with their line numbers.
#include "registry/definitive_data.h"
#include "support.h"

#include <catch2/catch.hpp>

using namespace cbam;
using cbam::test::D;

namespace {

struct Expect {
    const char* cn;
    const char* route;
    int year;
    bool actual;
    const char* value;
    const char* row_route;
};

}  // namespace

TEST_CASE("Benchmarks marked (1)/(2) are chosen by the year, for a code of each family", "[benchmarks]") {
    const Benchmarks& b = Benchmarks::builtin();
    const Expect cases[] = {
        // stainless steel 7218 (line 559: (1) 0.358 / 1.419; line 560: (2) 0.358 / 1.381)
        {"72181000", "", 2026, false, "1.419", "(1)"},
        {"72181000", "", 2027, false, "1.419", "(1)"},
        {"72181000", "", 2028, false, "1.381", "(2)"},
        {"72181000", "", 2028, true, "0.358", "(2)"},
        // ferro-manganese 7202 (lines 48-49: (1) 1.361, (2) 1.277)
        {"72021120", "", 2026, false, "1.361", "(1)"},
        {"72021120", "", 2030, false, "1.277", "(2)"},
        // aluminous cement 2523 30 00 (lines 7-8: (1) 0.717, (2) 0.686)
        {"25233000", "", 2027, false, "0.717", "(1)"},
        {"25233000", "", 2028, false, "0.686", "(2)"},
        // sodium nitrate 3102 50 00 (lines 26-27: (1) 0.270 / 0.701, (2) 0.254 / 0.685)
        {"31025000", "", 2026, true, "0.270", "(1)"},
        {"31025000", "", 2029, false, "0.685", "(2)"},
        // low-alloy granules 7205 21 00, a default value's route C/F (lines 71 F(1) 1.460, 75 F(2) 1.298)
        {"72052100", "C/F", 2026, false, "1.460", "F(1)"},
        {"72052100", "C/F", 2028, false, "1.298", "F(2)"},
        {"72052100", "J", 2028, false, "0.820", "J(2)"},  // line 78
    };
    for (const auto& c : cases) {
        INFO(c.cn << " route " << c.route << " " << c.year << (c.actual ? " column A" : " column B"));
        BenchmarkChoice ch = b.find(c.cn, c.route, c.year, c.actual);
        INFO(ch.why);
        REQUIRE(ch.row);
        CHECK(ch.row->route == c.row_route);
        CHECK((c.actual ? ch.row->column_a : ch.row->column_b) == D(c.value));
        CHECK(ch.year_marker_used);
        CHECK(ch.confidence == Confidence::Medium);  // route_indicators.csv: the markers' years are of medium confidence
    }
}

TEST_CASE("Benchmarks without a marker are the same every year, and a route letter still chooses", "[benchmarks]") {
    const Benchmarks& b = Benchmarks::builtin();
    // benchmarks.csv lines 370-372: 72139110 C 0.038/1.364, D 0.038/0.475, E 0.038/0.066
    for (int year : {2026, 2028, 2030}) {
        BenchmarkChoice c = b.find("72139110", "D", year, false);
        REQUIRE(c.row);
        CHECK(c.row->column_b == D("0.475"));
        CHECK_FALSE(c.year_marker_used);
    }
    BenchmarkChoice none = b.find("72139110", "", 2026, false);
    CHECK_FALSE(none.row);
    CHECK_THAT(none.why, Catch::Contains("the production route is needed"));
    BenchmarkChoice missing = b.find("27160000", "", 2026, false);
    CHECK_FALSE(missing.row);
    CHECK_THAT(missing.why, Catch::StartsWith("no CBAM benchmark is published"));
}

TEST_CASE("Several benchmarks for one steel code: the highest (IR (EU) 2025/2620 Annex point 5.1), elsewhere an error", "[benchmarks]") {
    test::ScratchDir dir;
    dir.write("benchmarks.csv",
              "cn_code,description,route,column_a,column_b\n"
              "72189920,grade 1,(1),0.300,1.200\n"
              "72189920,grade 2,(1),0.350,1.150\n"
              "72189920,grade 1,(2),0.280,1.100\n"
              "25239000,cement a,,0.100,0.600\n"
              "25239001,cement b,,0.100,0.700\n");
    Benchmarks b = Benchmarks::load(dir.file("benchmarks.csv"));
    SECTION("column B 2027: 1.200 and 1.150 marked (1): 1.200") {
        BenchmarkChoice c = b.find("72189920", "", 2027, false);
        REQUIRE(c.row);
        CHECK(c.row->column_b == D("1.2"));
        REQUIRE_FALSE(c.notes.empty());
        CHECK_THAT(c.notes.front(), Catch::Contains("Annex point 5.1"));
    }
    SECTION("column A 2027: 0.300 and 0.350: 0.350 (the highest of the column used)") {
        BenchmarkChoice c = b.find("72189920", "", 2027, true);
        REQUIRE(c.row);
        CHECK(c.row->column_a == D("0.35"));
    }
    SECTION("2028: one row marked (2)") {
        BenchmarkChoice c = b.find("72189920", "", 2028, false);
        REQUIRE(c.row);
        CHECK(c.row->column_b == D("1.1"));
    }
    SECTION("cement 252390xx under an unlisted code: the codes below differ, give the full code") {
        BenchmarkChoice c = b.find("25239099", "", 2026, false);
        CHECK_FALSE(c.row);
        CHECK_THAT(c.why, Catch::Contains("give the full code"));
    }
}

TEST_CASE("Goods of every family on default values find their benchmark in 2026 and 2028 (no route needed from a customs line)",
          "[benchmarks][data]") {
    // A customs line has no route: the default value's route, or the year's marker, must pick one row.
    const Benchmarks& b = Benchmarks::builtin();
    std::size_t checked = 0;
    std::vector<std::string> problems;
    const DefinitiveDefaults& dv = DefinitiveDefaults::builtin();
    for (const char* country : {"CN", "IN", "TR", "TW", "VN", "KR", "UA", "EG", "XX"}) {
        for (const char* code : {"72181000", "72021120", "25233000", "31025000", "72052100", "72139110", "73181590", "76011000", "76041010",
                                 "28141000", "31023090", "25232900", "72083900", "72191100", "72230019"}) {
            DefaultLookup d = dv.find(country, code);
            if (!d.row) continue;
            for (int year : {2026, 2028}) {
                ++checked;
                BenchmarkChoice c = b.find(code, d.row->route, year, false);
                if (!c.row && c.why.rfind("no CBAM benchmark is published", 0) != 0)
                    problems.push_back(std::string(country) + " " + code + " " + std::to_string(year) + ": " + c.why);
            }
        }
    }
    INFO(problems.size() << " problems, first: " << (problems.empty() ? "" : problems.front()));
    CHECK(problems.empty());
    CHECK(checked > 200);
}
