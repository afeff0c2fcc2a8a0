// End to end: fixtures/fertiliser-eg, a fictional Egyptian nitrogen fertiliser plant (period
// 2026-01-01 to 2026-06-30, so the default scope is definitive): ammonia by steam reforming of
// natural gas (CN 2814 10 00), nitric acid with N2O measured in the stack (CN 2808 00 00) and
// ammonium nitrate (aggregated good "Mixed fertilisers", CN 3102 30 10 and 3102 30 90) made from the
// plant's own ammonia and nitric acid. Expected values derived by hand from the fixture's files
// (1 TJ = 1 000 GJ; 1000Nm3 is a unit of its own, so 34.0 GJ/1000Nm3 × 1000Nm3 needs no conversion):
//
// AMMONIA (processes.csv line 2: AL = 200 000 t)
//   NG-FUEL, combustion (source_streams.csv line 2): AD × NCV × EF × (1 − BF) × OF
//     65 000 × 1000Nm3 × 34.0 GJ/1000Nm3 = 2 210 000 GJ = 2 210 TJ;  2 210 × 56.1 × 1 × 1 = 123 981 tCO2
//   NG-FEED, mass balance input (line 3): f × AD × CC × (1 − BF), f = 3.664 tCO2/tC
//     125 000 × 1000Nm3 × 0.52 tC/1000Nm3 = 65 000 tC;  × 3.664 = 238 160 tCO2
//   DirEm* = 123 981 + 238 160 = 362 141 tCO2
//   Em_H,exp (heat.csv line 2): 240 TJ × 60.5 tCO2/TJ = 14 520 tCO2
//   AttrEm_dir = 362 141 − 14 520 = 347 621 tCO2
//   AttrEm_ind (electricity.csv line 2): 22 000 MWh × 0.458 tCO2/MWh = 10 076 tCO2
//   SEE direct   = 347 621 / 200 000 = 1.738105  → 1.73811 (an exact tie, rounded half away from zero)
//   SEE indirect =  10 076 / 200 000 = 0.05038   → 0.05038
//   SEE total    = 1.738105 + 0.05038 = 1.788485 → 1.78849 (again a tie)
//
// NITRIC (processes.csv line 3: AL = 160 000 t of 100 % HNO3)
//   N2O-STACK, CEMS (measurements.csv line 2): 192.4 tN2O × GWP 265 = 50 986 tCO2e
//   NG-TAILGAS, combustion (source_streams.csv line 4): 1 500 × 34.0 GJ = 51 000 GJ = 51 TJ;
//     51 × 56.1 = 2 861.1 tCO2
//   AttrEm_dir = 50 986 + 2 861.1 = 53 847.1 tCO2;  AttrEm_ind (electricity.csv line 3): 4 800 × 0.458 = 2 198.4
//   Precursor: ammonia from AMMONIA, 45 000 t (precursors.csv line 2):
//     direct 45 000 × 1.738105 = 78 214.725;  indirect 45 000 × 0.05038 = 2 267.1
//   SEE direct   = (53 847.1 + 78 214.725) / 160 000 = 132 061.825 / 160 000 = 0.82538640625 → 0.82539
//   SEE indirect = (2 198.4 + 2 267.1) / 160 000 = 4 465.5 / 160 000 = 0.027909375 → 0.02791
//   SEE total    = 0.82538640625 + 0.027909375 = 0.85329578125 → 0.85330
//
// AN (processes.csv line 4: AL = 200 000 t of ammonium nitrate)
//   No source streams: DirEm* = 0
//   Em_H,imp: heat.csv line 3, from the ammonia plant: 240 TJ × 60.5 = 14 520 tCO2
//             heat.csv line 4, no emission factor: default EF_H = 56.1 / 0.9 = 561/9 = 62.333… tCO2/TJ;
//             60 TJ × 561/9 = 33 660/9 = 3 740 tCO2 (exactly)
//   AttrEm_dir = 0 + 14 520 + 3 740 = 18 260 tCO2;  AttrEm_ind (electricity.csv line 4): 6 000 × 0.458 = 2 748
//   Precursors:
//     ammonia from AMMONIA, 42 800 t (precursors.csv line 3):
//       direct 42 800 × 1.738105 = 74 390.894;  indirect 42 800 × 0.05038 = 2 156.264
//     nitric acid from NITRIC, 157 500 t (precursors.csv line 4):
//       direct   157 500 × 0.82538640625 = 129 998.358984375
//       indirect 157 500 × 0.027909375   =   4 395.7265625
//   SEE direct   = (18 260 + 74 390.894 + 129 998.358984375) / 200 000 = 222 649.252984375 / 200 000
//                = 1.113246264921875 → 1.11325
//   SEE indirect = (2 748 + 2 156.264 + 4 395.7265625) / 200 000 = 9 299.9905625 / 200 000
//                = 0.0464999528125 → 0.04650
//   SEE total    = 1.113246264921875 + 0.0464999528125 = 1.159746217734375 → 1.15975
//   Both CN codes (31023010, 31023090) come from the one process AN and carry its figures.
//
// Scope: fertilisers are not in Annex II of Regulation (EU) 2023/956, so in both scopes all
// indirect emissions count (counted indirect = indirect) and total = direct + indirect.
#include "calc/embedded_emissions.h"
#include "importers/installation_reader.h"
#include "support.h"

#include <catch2/catch.hpp>

using namespace cbam;
using cbam::test::D;

namespace {

struct Expected {
    const char* key;
    Decimal direct, indirect, total;
};

// Hand-derived figures (see the header comment), per aggregated good and per CN code.
std::vector<Expected> expected() {
    return {
        {"Ammonia", D("1.738105"), D("0.05038"), D("1.788485")},
        {"28141000", D("1.738105"), D("0.05038"), D("1.788485")},
        {"Nitric acid", D("0.82538640625"), D("0.027909375"), D("0.85329578125")},
        {"28080000", D("0.82538640625"), D("0.027909375"), D("0.85329578125")},
        {"Mixed fertilisers", D("1.113246264921875"), D("0.0464999528125"), D("1.159746217734375")},
        {"31023010", D("1.113246264921875"), D("0.0464999528125"), D("1.159746217734375")},
        {"31023090", D("1.113246264921875"), D("0.0464999528125"), D("1.159746217734375")},
    };
}

void check_all(const CalcResult& r) {
    for (const auto& e : expected()) {
        INFO("good: " << e.key);
        const GoodResult* g = r.find(e.key);
        REQUIRE(g);
        CHECK(g->see_direct.value() == e.direct);
        CHECK(g->see_indirect.value() == e.indirect);
        CHECK(g->see_indirect_counted.value() == e.indirect);  // not in Annex II: all indirect emissions count
        CHECK(g->see_total.value() == e.total);
        CHECK(g->see_total.value() == e.direct + e.indirect);
        CHECK_FALSE(g->direct_only);
        CHECK_FALSE(g->uses_default_values);
    }
}

}  // namespace

TEST_CASE("fertiliser-eg: attributed emissions, heat transfer, default heat factor and N2O", "[e2e][fertiliser-eg]") {
    Installation inst = read_installation(test::source_path("fixtures/fertiliser-eg"));
    CalcResult d = calculate(inst, Scope::Definitive);

    const ProcessResult* ammonia = d.process("AMMONIA");
    REQUIRE(ammonia);
    CHECK(ammonia->attributed.direct.value() == D("347621"));  // 362 141 − 14 520 heat exported
    CHECK(ammonia->attributed.indirect.value() == D("10076"));

    const ProcessResult* nitric = d.process("NITRIC");
    REQUIRE(nitric);
    CHECK(nitric->attributed.direct.value() == D("53847.1"));  // 192.4 tN2O × 265 + 2 861.1
    CHECK(nitric->attributed.indirect.value() == D("2198.4"));
    REQUIRE(nitric->precursors.size() == 1);
    CHECK(nitric->precursors[0].embedded_direct.value() == D("78214.725"));

    const ProcessResult* an = d.process("AN");
    REQUIRE(an);
    // 240 TJ × 60.5 + 60 TJ × 561/9 (default heat factor) = 14 520 + 3 740
    CHECK(an->attributed.direct.value() == D("18260"));
    CHECK(an->attributed.indirect.value() == D("2748"));
    REQUIRE(an->precursors.size() == 2);
    CHECK(an->precursors[0].embedded_direct.value() == D("74390.894"));
    CHECK(an->precursors[0].embedded_indirect.value() == D("2156.264"));
    CHECK(an->precursors[1].embedded_direct.value() == D("129998.358984375"));
    CHECK(an->precursors[1].embedded_indirect.value() == D("4395.7265625"));
    // The default heat factor itself: 56.1 / 0.9 = 561/9.
    CHECK(D("60") * D(561, 9) == D("3740"));
}

TEST_CASE("fertiliser-eg: SEE of ammonia, nitric acid and ammonium nitrate, definitive scope", "[e2e][fertiliser-eg]") {
    Installation inst = read_installation(test::source_path("fixtures/fertiliser-eg"));
    check_all(calculate(inst, Scope::Definitive));
}

TEST_CASE("fertiliser-eg: SEE of ammonia, nitric acid and ammonium nitrate, transitional scope", "[e2e][fertiliser-eg]") {
    Installation inst = read_installation(test::source_path("fixtures/fertiliser-eg"));
    check_all(calculate(inst, Scope::Transitional));
}

TEST_CASE("fertiliser-eg: the command line prints and writes the rounded figures", "[e2e][fertiliser-eg][cli]") {
    test::ScratchDir dir;
    // No --scope: the period ends on 2026-06-30, so the scope is definitive.
    auto r = test::run_cbam({"calc", test::source_path("fixtures/fertiliser-eg"), "-o", dir.file("see.csv")});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("definitive scope") != std::string::npos);
    for (const char* figure : {"1.73811", "0.05038", "1.78849", "0.82539", "0.02791", "0.85330", "1.11325", "0.04650", "1.15975"}) {
        INFO("figure: " << figure);
        CHECK(r.out.find(figure) != std::string::npos);
    }
    std::string csv = test::read_file(dir.file("see.csv"));
    CHECK(csv.find(",Ammonia,28141000,1.73811,0.05038,0.05038,1.78849,tCO2e/t,definitive,counted") != std::string::npos);
    CHECK(csv.find(",Nitric acid,28080000,0.82539,0.02791,0.02791,0.85330,tCO2e/t,definitive,counted") != std::string::npos);
    CHECK(csv.find(",Mixed fertilisers,31023090,1.11325,0.04650,0.04650,1.15975,tCO2e/t,definitive,counted") !=
          std::string::npos);
}

TEST_CASE("fertiliser-eg: --explain traces ammonium nitrate to its inputs and the default heat factor", "[e2e][fertiliser-eg][cli]") {
    auto r = test::run_cbam({"calc", test::source_path("fixtures/fertiliser-eg"), "--explain", "Mixed fertilisers"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("Derivation of the specific embedded emissions of Mixed fertilisers") != std::string::npos);
    CHECK(r.out.find("heat.csv:3") != std::string::npos);         // steam from the ammonia plant
    CHECK(r.out.find("heat.csv:4") != std::string::npos);         // steam without an emission factor
    CHECK(r.out.find("56.1/0.9") != std::string::npos);           // ... and the assumption made for it
    CHECK(r.out.find("measurements.csv:2") != std::string::npos); // N2O of the nitric acid precursor
    CHECK(r.out.find("source_streams.csv:3") != std::string::npos);  // natural gas feedstock of the ammonia
    CHECK(r.out.find("N2O × GWP_N2O") != std::string::npos);
}
