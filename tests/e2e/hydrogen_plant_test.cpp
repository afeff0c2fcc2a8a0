// End to end: fixtures/hydrogen-plant, a fictional Saudi hydrogen producer with two routes to the
// same good, Hydrogen (CN 28041000): a steam methane reformer that co-produces carbon monoxide,
// exports surplus tail gas and generates electricity in its boundary, and an electrolyser on solar
// power. Period 2025 (transitional). Expected values derived by hand from the fixture's files:
//
// SMR, steam methane reforming, AL = 30 000 t
//   NG-FEED, mass balance input (f × AD × CC, f = 3.664 tCO2/tC):
//     72 000 t × 0.73 tC/t = 52 560 tC;  × 3.664                                     = 192 579.84 tCO2
//   CO-PRODUCT, mass balance output (counts negative):
//     12 000 t × 0.4288 tC/t = 5 145.6 tC;  × 3.664 = 18 853.4784                    = −18 853.4784 tCO2
//   NG-FUEL, combustion: 18 000 t × 48 GJ/t = 864 000 GJ = 864 TJ;  × 56.1 × 1       = 48 470.4 tCO2
//   DirEm* = 192 579.84 − 18 853.4784 + 48 470.4                                      = 222 196.7616 tCO2
//   Waste gas export (Eq. 54, V × NCV × 56.1 × 0.667):
//     15 000 000 Nm3 × 9.5 MJ/Nm3 = 142 500 000 MJ = 142.5 TJ;  × 56.1 = 7 994.25;  × 0.667 = 5 332.16475 tCO2
//   Electricity produced in the boundary (deducted): 36 000 MWh × 0.42                = 15 120 tCO2
//   AttrEm_dir = 222 196.7616 − 5 332.16475 − 15 120                                  = 201 744.59685 tCO2
//   SEE direct   = 201 744.59685 / 30 000 = 6.724819895 → 6.72482
//   Indirect: 24 000 MWh × 0.42 = 10 080 tCO2;  SEE indirect = 10 080 / 30 000 = 0.336
//
// ELY, electrolysis, AL = 2 000 t: no source stream, so direct = 0
//   Indirect: 12 000 MWh × 0.42 (own turbine) + 98 000 MWh × 0 (solar PPA) + 4 000 MWh × 0.567 (grid)
//           = 5 040 + 0 + 2 268 = 7 308 tCO2;  SEE indirect = 7 308 / 2 000 = 3.654
//
// Category (and CN 28041000), production-weighted Σ AL_r × SEE_r / Σ AL_r, Σ AL_r = 32 000 t:
//   direct   = (30 000 × 6.724819895 + 2 000 × 0) / 32 000 = 201 744.59685 / 32 000
//            = 6.3045186515625 → 6.30452
//   indirect = (30 000 × 0.336 + 2 000 × 3.654) / 32 000 = (10 080 + 7 308) / 32 000 = 17 388 / 32 000
//            = 0.543375 → 0.54338 (half away from zero)
//   transitional total = 6.3045186515625 + 0.543375 = 6.8478936515625 → 6.84789
//   definitive: hydrogen is in Annex II, so no indirect emission counts: total = direct = 6.30452
#include "calc/embedded_emissions.h"
#include "importers/installation_reader.h"
#include "support.h"

#include <catch2/catch.hpp>

using namespace cbam;
using cbam::test::D;

TEST_CASE("hydrogen-plant: each route's attributed emissions and SEE", "[e2e][hydrogen-plant]") {
    Installation inst = read_installation(test::source_path("fixtures/hydrogen-plant"));

    for (Scope scope : {Scope::Transitional, Scope::Definitive}) {
        CalcResult r = calculate(inst, scope);

        const ProcessResult* smr = r.process("SMR");
        REQUIRE(smr);
        CHECK(smr->attributed.direct.value() == D("201744.59685"));
        CHECK(smr->attributed.indirect.value() == D(10080, 1));
        CHECK(smr->see_direct.value() == D("6.724819895"));
        CHECK(smr->see_indirect.value() == D("0.336"));

        const ProcessResult* ely = r.process("ELY");
        REQUIRE(ely);
        CHECK(ely->attributed.direct.value().is_zero());
        CHECK(ely->see_direct.value().is_zero());
        CHECK(ely->attributed.indirect.value() == D(7308, 1));
        CHECK(ely->see_indirect.value() == D("3.654"));

        if (scope == Scope::Transitional) {
            CHECK(smr->see_indirect_counted.value() == D("0.336"));
            CHECK(ely->see_indirect_counted.value() == D("3.654"));
        } else {
            CHECK(smr->see_indirect_counted.value().is_zero());
            CHECK(ely->see_indirect_counted.value().is_zero());
        }
    }
}

TEST_CASE("hydrogen-plant: production-weighted SEE of hydrogen, both scopes", "[e2e][hydrogen-plant]") {
    Installation inst = read_installation(test::source_path("fixtures/hydrogen-plant"));
    const Decimal direct = D("6.3045186515625");
    const Decimal indirect = D("0.543375");

    CalcResult t = calculate(inst, Scope::Transitional);
    for (const char* key : {"Hydrogen", "28041000"}) {
        const GoodResult* g = t.find(key);
        REQUIRE(g);
        CHECK(g->activity_level.value() == D(32000, 1));
        CHECK(g->see_direct.value() == direct);
        CHECK(g->see_indirect.value() == indirect);
        CHECK(g->see_indirect_counted.value() == indirect);
        CHECK(g->see_total.value() == D("6.8478936515625"));
        CHECK(g->process_ids == std::vector<std::string>{"ELY", "SMR"});  // sorted: outputs do not depend on row order
    }

    CalcResult d = calculate(inst, Scope::Definitive);
    for (const char* key : {"Hydrogen", "28041000"}) {
        const GoodResult* g = d.find(key);
        REQUIRE(g);
        CHECK(g->see_direct.value() == direct);
        CHECK(g->see_indirect.value() == indirect);
        CHECK(g->see_indirect_counted.value().is_zero());
        CHECK(g->see_total.value() == direct);
    }
}

TEST_CASE("hydrogen-plant: the command line prints the rounded figures and explains them", "[e2e][hydrogen-plant][cli]") {
    auto r = test::run_cbam({"calc", test::source_path("fixtures/hydrogen-plant"), "--explain", "Hydrogen"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("transitional scope") != std::string::npos);  // from period_end 2025-12-31
    CHECK(r.out.find("6.30452") != std::string::npos);
    CHECK(r.out.find("0.54338") != std::string::npos);  // 0.543375, half away from zero
    CHECK(r.out.find("6.84789") != std::string::npos);
    // The waste gas export (waste_gases.csv line 2, column 3) and the electricity produced in the
    // SMR's boundary (electricity.csv line 2, column 3) are traced to their cells.
    CHECK(r.out.find("hydrogen-plant/waste_gases.csv:2:3 (volume)") != std::string::npos);
    CHECK(r.out.find("hydrogen-plant/electricity.csv:2:3 (quantity)") != std::string::npos);

    auto d = test::run_cbam({"calc", test::source_path("fixtures/hydrogen-plant"), "--scope", "definitive"});
    REQUIRE(d.exit_code == 0);
    CHECK(d.out.find("Hydrogen       6.30452   0.54338  6.30452  tCO2e/t  total: direct only (Annex II)") != std::string::npos);
}
