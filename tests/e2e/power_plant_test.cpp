// End to end: fixtures/power-plant, a fictional Moroccan power station (coal-fired steam units and
// a gas combined-cycle block, co-firing olive pits, with limestone flue-gas desulphurisation and
// steam exported to a neighbour) whose good is Electricity (CN 27160000), SEE in tCO2e/MWh.
// Period 2026 (definitive). Expected values derived by hand from the fixture's files:
//
// POWER, AL = 1 480 000 MWh net electricity sent out
//   COAL, combustion (AD × NCV × EF × (1 − BF) × OF):
//     380 000 t × 25.8 GJ/t = 9 804 000 GJ = 9 804 TJ;  × 94.6 = 927 458.4;  × 0.99    = 918 183.816 tCO2
//   NG-CCGT, combustion:
//     95 000 000 Nm3 × 36 MJ/Nm3 = 3 420 000 000 MJ = 3 420 TJ;  × 56.1 × 1           = 191 862 tCO2
//   OLIVE-PITS, combustion, biomass fraction 1:
//     12 000 t × 17.5 GJ/t = 210 TJ;  × 100 × (1 − 1) × 1                             = 0 tCO2
//   LIMESTONE-FGD, process: 6 500 t × 0.44 tCO2/t × 1                                 = 2 860 tCO2
//   DirEm* = 918 183.816 + 191 862 + 0 + 2 860                                        = 1 112 905.816 tCO2
//   Heat exported, no emission factor given, so the default 56.1 / 0.9 tCO2/TJ applies:
//     450 TJ × 56.1 / 0.9 = 500 × 56.1                                                = 28 050 tCO2
//   AttrEm_dir = 1 112 905.816 − 28 050                                               = 1 084 855.816 tCO2
//   SEE direct = 1 084 855.816 / 1 480 000 = 1 084 855 816 / 1 480 000 000 = 135 606 977 / 185 000 000
//              ≈ 0.733010686 tCO2e/MWh → 0.73301
//   Indirect: no electricity consumed from outside (no electricity.csv) = 0
// Transitional and definitive: total = 0.733010686… (indirect is 0 either way; in the definitive
// scope electricity is direct-only, so see_indirect_counted is 0 as well).
#include "calc/embedded_emissions.h"
#include "importers/installation_reader.h"
#include "support.h"

#include <catch2/catch.hpp>

using namespace cbam;
using cbam::test::D;

TEST_CASE("power-plant: SEE of electricity in tCO2e/MWh, both scopes", "[e2e][power-plant]") {
    Installation inst = read_installation(test::source_path("fixtures/power-plant"));
    const Decimal direct = D(135606977, 185000000);

    for (Scope scope : {Scope::Transitional, Scope::Definitive}) {
        CalcResult r = calculate(inst, scope);

        const ProcessResult* power = r.process("POWER");
        REQUIRE(power);
        CHECK(power->attributed.direct.value() == D("1084855.816"));
        CHECK(power->attributed.indirect.value().is_zero());

        for (const char* key : {"Electricity", "27160000"}) {
            const GoodResult* g = r.find(key);
            REQUIRE(g);
            CHECK(g->see_unit.symbol() == units::tCO2e_per_MWh().symbol());
            CHECK(g->activity_level.value() == D(1480000, 1));
            CHECK(g->see_direct.value() == direct);
            CHECK(g->see_indirect.value().is_zero());
            CHECK(g->see_indirect_counted.value().is_zero());
            CHECK(g->see_total.value() == direct);
        }
    }
    CHECK(calculate(inst, Scope::Definitive).find("Electricity")->direct_only);
}

TEST_CASE("power-plant: the command line prints the rounded figures and explains them", "[e2e][power-plant][cli]") {
    test::ScratchDir dir;
    auto r = test::run_cbam({"calc", test::source_path("fixtures/power-plant"), "--explain", "27160000", "-o", dir.file("see.csv")});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("definitive scope") != std::string::npos);  // from period_end 2026-12-31
    CHECK(r.out.find("0.73301") != std::string::npos);
    CHECK(r.out.find("tCO2e/MWh") != std::string::npos);
    // The olive pits' biomass fraction (source_streams.csv line 4, column 12) and the exported
    // heat (heat.csv line 2, column 3) are traced to their cells; the default heat factor is named.
    CHECK(r.out.find("power-plant/source_streams.csv:4:12 (biomass_fraction)") != std::string::npos);
    CHECK(r.out.find("power-plant/heat.csv:2:3 (quantity)") != std::string::npos);
    CHECK(r.out.find("no emission factor given for this heat") != std::string::npos);
    std::string csv = test::read_file(dir.file("see.csv"));
    CHECK(csv.find(",Electricity,27160000,0.73301,0.00000,0.00000,0.73301,tCO2e/MWh,definitive") != std::string::npos);
}
