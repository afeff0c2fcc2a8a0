// End to end: fixtures/cement-vn, a fictional Vietnamese grey cement plant (period 2025-01-01 to
// 2025-12-31, so the default scope is transitional): a dry-process kiln making grey clinker
// (CN 2523 10 00) and cement mills making grey Portland cement (CN 2523 29 00) from the plant's own
// clinker and from clinker bought in Thailand. Expected values derived by hand from the fixture's
// files (1 TJ = 1 000 GJ):
//
// CLINKER (processes.csv line 2: AL = 800 000 t)
//   Combustion (IR 2023/1773 Annex III B.3.1): Em = AD × NCV × EF × (1 − BF) × OF
//   COAL-KILN (source_streams.csv line 2): 95 000 t × 25.8 GJ/t = 2 451 000 GJ = 2 451 TJ;
//       2 451 TJ × 96.1 tCO2/TJ = 235 541.1;  × (1 − 0.05) = 223 764.045;  × OF 1 = 223 764.045 tCO2
//   HFO-KILN (line 3): 1 200 t × 40.4 GJ/t = 48.48 TJ;  48.48 × 77.4 = 3 752.352 tCO2 (BF 0, OF 1)
//   Process (carbonates): Em = AD × EF × (1 − BF) × CF
//   CACO3-RAWMEAL (line 4): 940 000 t × 0.44 tCO2/t × 1 × 1 = 413 600 tCO2
//   MGCO3-RAWMEAL (line 5):  28 000 t × 0.522 tCO2/t × 1 × 1 =  14 616 tCO2
//   DirEm* = 223 764.045 + 3 752.352 + 413 600 + 14 616 = 655 732.397 tCO2
//   No heat, waste gas or electricity produced: AttrEm_dir = 655 732.397 tCO2
//   Indirect (electricity.csv line 2): 48 000 MWh × 0.6592 tCO2/MWh = 31 641.6 tCO2
//   SEE direct   = 655 732.397 / 800 000 = 0.81966549625  → 0.81967
//   SEE indirect =  31 641.6   / 800 000 = 0.039552       → 0.03955
//   SEE total    = 0.81966549625 + 0.039552 = 0.85921749625 → 0.85922
//
// CEMENT (processes.csv line 3: AL = 1 000 000 t), a complex good (IR 2025/2547 Annex III B Eq. 59-60)
//   DIESEL-DRYER (source_streams.csv line 6): 400 t × 43.0 GJ/t = 17.2 TJ;  17.2 × 74.1 = 1 274.52 tCO2
//   Indirect (electricity.csv line 3): 38 000 MWh × 0.6592 = 25 049.6 tCO2
//   Precursors (precursors.csv):
//     line 2, own clinker from CLINKER, 700 000 t:
//       direct   700 000 × 0.81966549625 = 573 765.847375 tCO2e
//       indirect 700 000 × 0.039552      =  27 686.4      tCO2e
//     line 3, clinker from supplier CLK-TH (Thailand, third country, actual data; suppliers.csv line 2):
//       direct   70 000 × 0.87 = 60 900 tCO2e;  indirect 70 000 × 0.06 = 4 200 tCO2e
//   SEE direct   = (1 274.52 + 573 765.847375 + 60 900) / 1 000 000 = 635 940.367375 / 1 000 000
//                = 0.635940367375 → 0.63594
//   SEE indirect = (25 049.6 + 27 686.4 + 4 200) / 1 000 000 = 56 936 / 1 000 000 = 0.056936 → 0.05694
//   SEE total    = 0.635940367375 + 0.056936 = 0.692876367375 → 0.69288
//
// Scope: cement and clinker are not in Annex II of Regulation (EU) 2023/956, so in both scopes all
// indirect emissions count (counted indirect = indirect) and total = direct + indirect; the figures
// are the same in the transitional and the definitive scope.
#include "calc/embedded_emissions.h"
#include "importers/installation_reader.h"
#include "support.h"

#include <catch2/catch.hpp>

using namespace cbam;
using cbam::test::D;

namespace {

// Hand-derived figures (see the header comment).
struct Expected {
    Decimal direct, indirect, total;
};
Expected clinker() { return {D("0.81966549625"), D("0.039552"), D("0.85921749625")}; }
Expected cement() { return {D("0.635940367375"), D("0.056936"), D("0.692876367375")}; }

void check_good(const CalcResult& r, const char* key, const Expected& e) {
    INFO("good: " << key);
    const GoodResult* g = r.find(key);
    REQUIRE(g);
    CHECK(g->see_direct.value() == e.direct);
    CHECK(g->see_indirect.value() == e.indirect);
    CHECK(g->see_indirect_counted.value() == e.indirect);  // not in Annex II: all indirect emissions count
    CHECK(g->see_total.value() == e.total);
    CHECK(g->see_total.value() == e.direct + e.indirect);
    CHECK_FALSE(g->direct_only);
}

}  // namespace

TEST_CASE("cement-vn: attributed emissions of the kiln and the cement mills", "[e2e][cement-vn]") {
    Installation inst = read_installation(test::source_path("fixtures/cement-vn"));
    CalcResult t = calculate(inst, Scope::Transitional);

    const ProcessResult* clinker = t.process("CLINKER");
    REQUIRE(clinker);
    CHECK(clinker->attributed.direct.value() == D("655732.397"));
    CHECK(clinker->attributed.indirect.value() == D("31641.6"));
    CHECK(clinker->precursors.empty());

    const ProcessResult* cement = t.process("CEMENT");
    REQUIRE(cement);
    CHECK(cement->attributed.direct.value() == D("1274.52"));
    CHECK(cement->attributed.indirect.value() == D("25049.6"));
    REQUIRE(cement->precursors.size() == 2);
    CHECK(cement->precursors[0].embedded_direct.value() == D("573765.847375"));
    CHECK(cement->precursors[0].embedded_indirect.value() == D("27686.4"));
    CHECK(cement->precursors[1].embedded_direct.value() == D("60900"));
    CHECK(cement->precursors[1].embedded_indirect.value() == D("4200"));
    CHECK_FALSE(cement->precursors[1].counted_as_zero);  // Thailand is a third country
}

TEST_CASE("cement-vn: SEE of clinker and cement, transitional scope", "[e2e][cement-vn]") {
    Installation inst = read_installation(test::source_path("fixtures/cement-vn"));
    CalcResult t = calculate(inst, Scope::Transitional);
    check_good(t, "Cement clinker", clinker());
    check_good(t, "25231000", clinker());
    check_good(t, "Cement", cement());
    check_good(t, "25232900", cement());
    const GoodResult* cement = t.find("Cement");
    REQUIRE(cement);
    CHECK_FALSE(cement->uses_default_values);  // the Thai supplier communicated actual data
    CHECK(cement->activity_level.value() == D("1000000"));
}

TEST_CASE("cement-vn: SEE of clinker and cement, definitive scope", "[e2e][cement-vn]") {
    Installation inst = read_installation(test::source_path("fixtures/cement-vn"));
    CalcResult d = calculate(inst, Scope::Definitive);
    check_good(d, "Cement clinker", clinker());
    check_good(d, "25231000", clinker());
    check_good(d, "Cement", cement());
    check_good(d, "25232900", cement());
}

TEST_CASE("cement-vn: the command line prints and writes the rounded figures", "[e2e][cement-vn][cli]") {
    test::ScratchDir dir;
    // No --scope: the period ends on 2025-12-31, so the scope is transitional.
    auto r = test::run_cbam({"calc", test::source_path("fixtures/cement-vn"), "-o", dir.file("see.csv")});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("transitional scope") != std::string::npos);
    for (const char* figure : {"0.81967", "0.03955", "0.85922", "0.63594", "0.05694", "0.69288"}) {
        INFO("figure: " << figure);
        CHECK(r.out.find(figure) != std::string::npos);
    }
    std::string csv = test::read_file(dir.file("see.csv"));
    CHECK(csv.find(",Cement clinker,25231000,0.81967,0.03955,0.03955,0.85922,tCO2e/t,transitional") != std::string::npos);
    CHECK(csv.find(",Cement,25232900,0.63594,0.05694,0.05694,0.69288,tCO2e/t,transitional") != std::string::npos);
}

TEST_CASE("cement-vn: --explain traces clinker to its input files and lines", "[e2e][cement-vn][cli]") {
    auto r = test::run_cbam({"calc", test::source_path("fixtures/cement-vn"), "--explain", "Cement clinker"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("Derivation of the specific embedded emissions of Cement clinker") != std::string::npos);
    CHECK(r.out.find("source_streams.csv:2") != std::string::npos);  // COAL-KILN
    CHECK(r.out.find("source_streams.csv:3") != std::string::npos);  // HFO-KILN
    CHECK(r.out.find("source_streams.csv:4") != std::string::npos);  // CACO3-RAWMEAL
    CHECK(r.out.find("electricity.csv:2") != std::string::npos);
    CHECK(r.out.find("AD × NCV × EF × (1 − BF) × OF") != std::string::npos);

    // The cement explanation reaches the purchased clinker's communicated figures.
    auto c = test::run_cbam({"calc", test::source_path("fixtures/cement-vn"), "--explain", "25232900"});
    REQUIRE(c.exit_code == 0);
    CHECK(c.out.find("suppliers.csv:2") != std::string::npos);
    CHECK(c.out.find("precursors.csv:3") != std::string::npos);
}
