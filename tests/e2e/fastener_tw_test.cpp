// End to end: fixtures/fastener-tw, a fictional Taiwanese maker of steel screws and washers
// (CN 7318) from wire rod bought from two steel mills, with a natural-gas annealing furnace and
// grid electricity. Expected values derived by hand from the fixture's files:
//
// Annealing furnace, combustion (IR 2023/1773 Annex III B.3.1): AD × NCV × EF × OF
//   185 000 Nm3 × 35.2 MJ/Nm3 = 6 512 000 MJ = 6.512 TJ;  6.512 TJ × 56.1 tCO2/TJ × 1 = 365.3232 tCO2
// Indirect: 1 850 MWh × 0.474 tCO2/MWh = 876.9 tCO2
// Precursors (wire rod, "Iron or steel products"):
//   WR-TW (TW, actual):  800 t × 2.10 = 1 680 tCO2e direct;  800 t × 0.35 = 280 tCO2e indirect
//   WR-CN (CN, default): 500 t × 2.50 = 1 250 tCO2e direct;  500 t × 0.40 = 200 tCO2e indirect
// SEE direct   = (365.3232 + 1 680 + 1 250) / 1 200 t = 3 295.3232 / 1 200 = 2.74610266… → 2.74610
// SEE indirect = (876.9 + 280 + 200) / 1 200 t      = 1 356.9 / 1 200    = 1.13075
// Transitional total = 2.74610266… + 1.13075 = 3.87685266… → 3.87685
// Definitive total: screws (7318) and wire rod (7213) are both in Annex II, so no indirect
// emissions count: total = direct = 2.74610.
#include "calc/embedded_emissions.h"
#include "importers/installation_reader.h"
#include "support.h"

#include <catch2/catch.hpp>

using namespace cbam;
using cbam::test::D;

TEST_CASE("fastener-tw: SEE of screws and washers from two wire-rod suppliers", "[e2e][fastener]") {
    Installation inst = read_installation(test::source_path("fixtures/fastener-tw"));

    CalcResult t = calculate(inst, Scope::Transitional);
    const GoodResult* screws = t.find("73181590");
    REQUIRE(screws);
    CHECK(screws->see_direct.value() == D(32953232, 12000000));
    CHECK(screws->see_indirect.value() == D("1.13075"));
    CHECK(screws->see_total.value() == D(32953232, 12000000) + D("1.13075"));
    CHECK(screws->uses_default_values);
    const GoodResult* category = t.find("Iron or steel products");
    REQUIRE(category);
    CHECK(category->see_direct.value() == screws->see_direct.value());
    REQUIRE(t.find("73182200"));

    CalcResult d = calculate(inst, Scope::Definitive);
    const GoodResult* s2 = d.find("73181590");
    REQUIRE(s2);
    CHECK(s2->see_indirect_counted.value().is_zero());
    CHECK(s2->see_total.value() == D(32953232, 12000000));
}

TEST_CASE("fastener-tw: the command line prints and writes the rounded figures", "[e2e][fastener][cli]") {
    test::ScratchDir dir;
    auto r = test::run_cbam({"calc", test::source_path("fixtures/fastener-tw"), "--scope", "transitional", "-o", dir.file("see.csv")});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("2.74610") != std::string::npos);
    CHECK(r.out.find("1.13075") != std::string::npos);
    CHECK(r.out.find("3.87685") != std::string::npos);
    std::string csv = test::read_file(dir.file("see.csv"));
    CHECK(csv.find(",Iron or steel products,73181590,2.74610,1.13075,1.13075,3.87685,tCO2e/t,transitional") != std::string::npos);
}
