// End to end: fixtures/aluminium-smelter, a fictional Indian primary aluminium smelter (two
// potlines with prebaked anodes, power from a captive plant on a direct line) with an extrusion
// shop that remelts its own metal and billets bought from Norway and China. Period 2026
// (definitive). Expected values derived by hand from the fixture's files:
//
// SMELTER, "Unwrought aluminium" (CN 76011000), AL = 120 000 t
//   ANODES, process (AD × EF × CF):       50 400 t × 3.59 tCO2/t × 1                 = 180 936 tCO2
//   FURNACE-OIL, combustion (AD × NCV × EF × OF):
//     2 500 t × 40.4 GJ/t = 101 000 GJ = 101 TJ;  101 TJ × 77.4 tCO2/TJ × 1          = 7 817.4 tCO2
//   PFC potline 1, slope method, CWPB (SEF_CF4 0.143, F_C2F6 0.121), Pr_Al 70 000 t:
//     AEM = 0.10 × 1.5 = 0.15 AE-min/cell-day
//     CF4_duct = 0.15 × 0.143 / 1000 × 70 000 = 1.5015 t
//     CF4 = 1.5015 / 0.98 = 429/280 t (≈ 1.532142857 t);  C2F6 = 429/280 × 0.121 t (≈ 0.185389286 t)
//     tCO2e = 429/280 × 6 630 + 429/280 × 0.121 × 11 100 = 429/280 × 7 973.1
//           = 3 420 459.9 / 280 = 34 204 599/2 800                                   ≈ 12 215.928214 tCO2e
//   PFC potline 2, overvoltage method, SWPB (OVC 3.65, F_C2F6 0.252), Pr_Al 50 000 t:
//     CF4_duct = 3.65 × 1.8 / 90 × 50 000 × 0.001 = 3.65 t
//     CF4 = 3.65 / 0.97 = 365/97 t (≈ 3.762886598 t);  C2F6 = 365/97 × 0.252 t (≈ 0.948247423 t)
//     tCO2e = 365/97 × (6 630 + 0.252 × 11 100) = 365/97 × 9 427.2 = 3 440 928/97    ≈ 35 473.484536 tCO2e
//   AttrEm_dir = 180 936 + 7 817.4 + 34 204 599/2 800 + 3 440 928/97
//     over the common denominator 2 800 × 97 = 271 600:
//     188 753.4 × 271 600 = 51 265 423 440;  34 204 599 × 97 = 3 317 846 103;  3 440 928 × 2 800 = 9 634 598 400
//     = 64 217 867 943 / 271 600                                                     ≈ 236 442.812750 tCO2e
//   SEE direct   = 64 217 867 943 / (271 600 × 120 000) = 21 405 955 981 / 10 864 000 000
//                ≈ 1.970356773 → 1.97036
//   Indirect: 1 740 000 MWh × 0.95 tCO2/MWh (direct_link) = 1 653 000 tCO2
//   SEE indirect = 1 653 000 / 120 000 = 13.775
//
// EXTRUSION, "Aluminium products" (CN 76042100, 76042910), AL = 40 000 t
//   NG-EXTRUSION: 2 400 000 Nm3 × 35.5 MJ/Nm3 = 85 200 000 MJ = 85.2 TJ; × 56.1 × 1 = 4 779.72 tCO2
//   Indirect: 24 000 MWh × 0.727 tCO2/MWh (grid) = 17 448 tCO2
//   Precursors (Unwrought aluminium):
//     own SMELTER, 30 000 t: direct 30 000 × SEE_dir(SMELTER) = 64 217 867 943 / (271 600 × 4)
//                                   = 64 217 867 943 / 1 086 400 ≈ 59 110.703188 tCO2e
//                            indirect 30 000 × 13.775 = 413 250 tCO2e
//     AL-NO (Norway, exempt origin), 8 000 t: counted as ZERO (its 1.45 / 0.02 are not used)
//     AL-CN (China, actual), 4 000 t: direct 4 000 × 1.92 = 7 680;  indirect 4 000 × 12.70 = 50 800 tCO2e
//   SEE direct   = (4 779.72 + 7 680 + 64 217 867 943 / 1 086 400) / 40 000
//                  12 459.72 × 1 086 400 = 13 536 239 808;  + 64 217 867 943 = 77 754 107 751
//                = 77 754 107 751 / (1 086 400 × 40 000) = 77 754 107 751 / 43 456 000 000
//                ≈ 1.789260580 → 1.78926
//   SEE indirect = (17 448 + 413 250 + 0 + 50 800) / 40 000 = 481 498 / 40 000 = 12.03745
//
// Transitional scope (every indirect emission counts):
//   Unwrought aluminium total = 1.970356773 + 13.775    = 15.745356773 → 15.74536
//   Aluminium products total  = 1.789260580 + 12.03745  = 13.826710580 → 13.82671
// Definitive scope: aluminium (7601, 7604) is in Annex II, and so is its precursor unwrought
// aluminium: no indirect emission counts (see_indirect_counted = 0) and total = direct.
#include "calc/embedded_emissions.h"
#include "importers/installation_reader.h"
#include "support.h"

#include <catch2/catch.hpp>

using namespace cbam;
using cbam::test::D;

namespace {

// The hand-derived figures above, as exact fractions.
Decimal smelter_direct() { return D(21405955981, 10864000000); }
Decimal smelter_indirect() { return D("13.775"); }
Decimal products_direct() { return D(77754107751, 43456000000); }
Decimal products_indirect() { return D("12.03745"); }

}  // namespace

TEST_CASE("aluminium-smelter: PFC of the two potlines and the smelter's attributed emissions", "[e2e][aluminium-smelter]") {
    Installation inst = read_installation(test::source_path("fixtures/aluminium-smelter"));
    CalcResult t = calculate(inst, Scope::Transitional);

    const ProcessResult* smelter = t.process("SMELTER");
    REQUIRE(smelter);
    CHECK(smelter->attributed.direct.value() == D("188753.4") + D(34204599, 2800) + D(3440928, 97));
    CHECK(smelter->attributed.direct.value() == D(64217867943, 271600));
    CHECK(smelter->attributed.indirect.value() == D(1653000, 1));
    CHECK(smelter->see_direct.value() == smelter_direct());
    CHECK(smelter->see_indirect.value() == smelter_indirect());

    const ProcessResult* extrusion = t.process("EXTRUSION");
    REQUIRE(extrusion);
    CHECK(extrusion->attributed.direct.value() == D("4779.72"));
    CHECK(extrusion->attributed.indirect.value() == D(17448, 1));
    REQUIRE(extrusion->precursors.size() == 3);
    int zeroed = 0;
    for (const auto& c : extrusion->precursors) {
        if (c.counted_as_zero) {
            ++zeroed;
            CHECK(c.embedded_direct.value().is_zero());
            CHECK(c.embedded_indirect.value().is_zero());
        }
    }
    CHECK(zeroed == 1);  // the Norwegian billets
}

TEST_CASE("aluminium-smelter: SEE of unwrought aluminium and extrusions, both scopes", "[e2e][aluminium-smelter]") {
    Installation inst = read_installation(test::source_path("fixtures/aluminium-smelter"));

    CalcResult t = calculate(inst, Scope::Transitional);
    for (const char* key : {"Unwrought aluminium", "76011000"}) {
        const GoodResult* g = t.find(key);
        REQUIRE(g);
        CHECK(g->see_direct.value() == smelter_direct());
        CHECK(g->see_indirect.value() == smelter_indirect());
        CHECK(g->see_indirect_counted.value() == smelter_indirect());
        CHECK(g->see_total.value() == smelter_direct() + smelter_indirect());
    }
    for (const char* key : {"Aluminium products", "76042100", "76042910"}) {
        const GoodResult* g = t.find(key);
        REQUIRE(g);
        CHECK(g->see_direct.value() == products_direct());
        CHECK(g->see_indirect.value() == products_indirect());
        CHECK(g->see_indirect_counted.value() == products_indirect());
        CHECK(g->see_total.value() == products_direct() + products_indirect());
        CHECK_FALSE(g->uses_default_values);
    }

    CalcResult d = calculate(inst, Scope::Definitive);
    for (const char* key : {"Unwrought aluminium", "76011000"}) {
        const GoodResult* g = d.find(key);
        REQUIRE(g);
        CHECK(g->direct_only);
        CHECK(g->see_direct.value() == smelter_direct());
        CHECK(g->see_indirect.value() == smelter_indirect());
        CHECK(g->see_indirect_counted.value().is_zero());
        CHECK(g->see_total.value() == smelter_direct());
    }
    for (const char* key : {"Aluminium products", "76042100", "76042910"}) {
        const GoodResult* g = d.find(key);
        REQUIRE(g);
        CHECK(g->direct_only);
        CHECK(g->see_direct.value() == products_direct());
        CHECK(g->see_indirect.value() == products_indirect());
        CHECK(g->see_indirect_counted.value().is_zero());
        CHECK(g->see_total.value() == products_direct());
    }
}

TEST_CASE("aluminium-smelter: the command line prints the rounded figures and explains them", "[e2e][aluminium-smelter][cli]") {
    auto r = test::run_cbam({"calc", test::source_path("fixtures/aluminium-smelter"), "--explain", "76042910"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("definitive scope") != std::string::npos);  // from period_end 2026-12-31
    CHECK(r.out.find("1.97036") != std::string::npos);
    CHECK(r.out.find("13.77500") != std::string::npos);
    CHECK(r.out.find("1.78926") != std::string::npos);
    CHECK(r.out.find("12.03745") != std::string::npos);
    // The derivation of the extrusions reaches the smelter's overvoltage potline (pfc.csv line 3,
    // column 7) and the Chinese supplier's direct SEE (suppliers.csv line 3, column 7).
    CHECK(r.out.find("aluminium-smelter/pfc.csv:3:7 (anode_effect_overvoltage_mv)") != std::string::npos);
    CHECK(r.out.find("aluminium-smelter/suppliers.csv:3:7 (see_direct)") != std::string::npos);
    CHECK(r.out.find("Norway is an origin exempt under Annex III") != std::string::npos);

    auto t = test::run_cbam({"calc", test::source_path("fixtures/aluminium-smelter"), "--scope", "transitional"});
    REQUIRE(t.exit_code == 0);
    CHECK(t.out.find("15.74536") != std::string::npos);
    CHECK(t.out.find("13.82671") != std::string::npos);
}
