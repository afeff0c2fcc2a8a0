// Unit tests of the emissions of an installation's sources (src/calc/source_emissions.h):
// calculation-based source streams (combustion, process, mass balance), measured emissions
// (CO2, N2O through GWP 265) and PFC of primary aluminium (slope and overvoltage methods).
// Model structs are built in code; every expected value is derived by hand below.
//
// Factors used (IR 2025/2547 Annex II B.7 Tables 2 and 3; GWP Table 6):
//   slope:       CWPB SEF_CF4 0.143, F_C2F6 0.121;  SWPB SEF_CF4 0.233, F_C2F6 0.280
//   overvoltage: CWPB OVC 1.16, F_C2F6 0.121;       SWPB OVC 3.65, F_C2F6 0.252
//   GWP CF4 6630, C2F6 11100, N2O 265; f = 3.664 tCO2/tC
#include "calc/source_emissions.h"
#include "model_builders.h"
#include "exact.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <functional>

using namespace cbam;
using namespace cbam::unit_test;
using cbam::test::D;

namespace {

const Traced* operand(const Traced& t, const std::string& symbol) {
    REQUIRE(t.step);
    for (const auto& [name, value] : t.step->operands)
        if (name == symbol) return &value;
    return nullptr;
}

// Does the derivation tree below `t` hold a value read at `where`?
bool tree_has_input(const Traced& t, const SourceLocation& where) {
    if (!t.step) return false;
    if (t.step->input && same_location(*t.step->input, where)) return true;
    for (const auto& [name, value] : t.step->operands)
        if (tree_has_input(value, where)) return true;
    return false;
}

SourceStream stream(const std::string& id, StreamMethod method, Input ad) {
    SourceStream s;
    s.id = id;
    s.process_id = "P1";
    s.method = method;
    s.activity_data = std::move(ad);
    return s;
}

}  // namespace

TEST_CASE("combustion: AD × NCV × EF × (1 − BF) × OF", "[unit][source_emissions][combustion]") {
    // 500 t × 42 GJ/t = 21 000 GJ = 21 TJ
    // 21 TJ × 74.1 tCO2/TJ = 1 556.1 tCO2
    // × (1 − 0.2) = 1 244.88;  × OF 0.99 = 1 232.4312 tCO2
    const SourceLocation ad_at = loc("source_streams.csv", 4, 5, "activity_data");
    const SourceLocation ncv_at = loc("source_streams.csv", 4, 7, "ncv");
    SourceStream s = stream("FO-1", StreamMethod::Combustion, in("500", "t", ad_at));
    s.ncv = in("42", "GJ/t", ncv_at);
    s.emission_factor = in("74.1", "tCO2/TJ", loc("source_streams.csv", 4, 9, "emission_factor"));
    s.biomass_fraction = num("0.2", loc("source_streams.csv", 4, 14, "biomass_fraction"));
    s.oxidation_factor = num("0.99", loc("source_streams.csv", 4, 12, "oxidation_factor"));

    Traced em = source_stream_emissions(s);
    CHECK(em.unit().same_dimension(units::tCO2e()));
    CHECK_EXACT(em.q.value_in(units::tCO2e()), D("1232.4312"));

    // the derivation: a formula, and operands that carry the input's location
    REQUIRE(em.step);
    CHECK_FALSE(em.step->formula.empty());
    CHECK_THAT(em.step->formula, Catch::Contains("NCV") && Catch::Contains("OF"));
    CHECK_FALSE(em.step->reference.empty());
    const Traced* ad = operand(em, "AD");
    REQUIRE(ad);
    REQUIRE(ad->step->input);
    CHECK(same_location(*ad->step->input, ad_at));
    CHECK_EXACT(ad->value(), D("500"));
    const Traced* ncv = operand(em, "NCV");
    REQUIRE(ncv);
    REQUIRE(ncv->step->input);
    CHECK(same_location(*ncv->step->input, ncv_at));
    // 1 − BF = 0.8
    const Traced* fossil = operand(em, "1 − BF");
    REQUIRE(fossil);
    CHECK_EXACT(fossil->value(), D("0.8"));
}

TEST_CASE("combustion: natural gas in Nm3 with defaults for OF and BF", "[unit][source_emissions][combustion]") {
    // 185 000 Nm3 × 35.2 MJ/Nm3 = 6.512 TJ;  × 56.1 = 365.3232 tCO2;  × (1 − 0) × 1
    SourceStream s = stream("NG-1", StreamMethod::Combustion, in("185000", "Nm3"));
    s.ncv = in("35.2", "MJ/Nm3");
    s.emission_factor = in("56.1", "tCO2/TJ");
    Traced em = source_stream_emissions(s);
    CHECK_EXACT(em.q.value_in(units::tCO2e()), D("365.3232"));
    // OF not given: a constant 1, not read from a file
    const Traced* of = operand(em, "OF");
    REQUIRE(of);
    CHECK_EXACT(of->value(), Decimal(1));
    CHECK_FALSE(of->step->input);
}

TEST_CASE("combustion: activity data already in energy", "[unit][source_emissions][combustion]") {
    // 6.512 TJ × 56.1 tCO2/TJ = 365.3232;  × OF 0.995 = 365.3232 − 1.826616 = 363.496584 tCO2
    SourceStream s = stream("NG-TJ", StreamMethod::Combustion, in("6.512", "TJ"));
    s.emission_factor = in("56.1", "tCO2/TJ");
    s.oxidation_factor = num("0.995");
    Traced em = source_stream_emissions(s);
    CHECK_EXACT(em.q.value_in(units::tCO2e()), D("363.496584"));
    CHECK_FALSE(operand(em, "NCV"));
    // the same energy in GJ: 6 512 GJ
    SourceStream g = stream("NG-GJ", StreamMethod::Combustion, in("6512", "GJ"));
    g.emission_factor = in("56.1", "tCO2/TJ");
    CHECK_EXACT(source_stream_emissions(g).q.value_in(units::tCO2e()), D("365.3232"));
}

TEST_CASE("process emissions: AD × EF × (1 − BF) × CF", "[unit][source_emissions][process]") {
    // 1 000 t CaCO3 × 0.44 tCO2/t × CF 1 = 440 tCO2
    const SourceLocation ef_at = loc("source_streams.csv", 7, 9, "emission_factor");
    SourceStream s = stream("CaCO3", StreamMethod::Process, in("1000", "t"));
    s.emission_factor = in("0.44", "tCO2/t", ef_at);
    s.conversion_factor = num("1");
    Traced em = source_stream_emissions(s);
    CHECK_EXACT(em.q.value_in(units::tCO2e()), D("440"));
    REQUIRE(em.step);
    CHECK_THAT(em.step->formula, Catch::Contains("CF"));
    const Traced* ef = operand(em, "EF");
    REQUIRE(ef);
    REQUIRE(ef->step->input);
    CHECK(same_location(*ef->step->input, ef_at));

    // 2 500 000 kg = 2 500 t;  × 0.44 = 1 100;  × CF 0.98 = 1 078 tCO2
    SourceStream k = stream("CaCO3-kg", StreamMethod::Process, in("2500000", "kg"));
    k.emission_factor = in("0.44", "tCO2/t");
    k.conversion_factor = num("0.98");
    CHECK_EXACT(source_stream_emissions(k).q.value_in(units::tCO2e()), D("1078"));

    // with a biomass fraction and CF left out (1): 100 t × 0.44 × (1 − 0.5) = 22 tCO2
    SourceStream b = stream("mix", StreamMethod::Process, in("100", "t"));
    b.emission_factor = in("0.44", "tCO2/t");
    b.biomass_fraction = num("0.5");
    CHECK_EXACT(source_stream_emissions(b).q.value_in(units::tCO2e()), D("22"));
}

TEST_CASE("mass balance: f × AD × CC × (1 − BF), outputs negative", "[unit][source_emissions][mass_balance]") {
    // input: 1 000 t coke × 0.85 tC/t = 850 tC;  × 3.664 = 3 114.4 tCO2
    const SourceLocation cc_at = loc("source_streams.csv", 9, 11, "carbon_content");
    SourceStream coke = stream("coke", StreamMethod::MassBalance, in("1000", "t"));
    coke.carbon_content = in("0.85", "tC/t", cc_at);
    Traced em_in = source_stream_emissions(coke);
    CHECK_EXACT(em_in.q.value_in(units::tCO2e()), D("3114.4"));
    const Traced* f = operand(em_in, "f");
    REQUIRE(f);
    CHECK_EXACT(f->value(), D("3.664"));
    const Traced* cc = operand(em_in, "CC");
    REQUIRE(cc);
    REQUIRE(cc->step->input);
    CHECK(same_location(*cc->step->input, cc_at));

    // output: 2 000 t slag × 4 kgC/t = 8 000 kgC = 8 tC;  × 3.664 = 29.312;  counted −29.312 tCO2
    SourceStream slag = stream("slag", StreamMethod::MassBalance, in("2000", "t"));
    slag.output = true;
    slag.carbon_content = in("4", "kgC/t");
    Traced em_out = source_stream_emissions(slag);
    CHECK_EXACT(em_out.q.value_in(units::tCO2e()), D("-29.312"));
    CHECK(em_out.value().sign() < 0);

    // with a biomass fraction: 200 t × 0.8 tC/t × (1 − 0.1) = 144 tC;  × 3.664 = 527.616 tCO2
    SourceStream mix = stream("mix", StreamMethod::MassBalance, in("200", "t"));
    mix.carbon_content = in("0.8", "tC/t");
    mix.biomass_fraction = num("0.1");
    CHECK_EXACT(source_stream_emissions(mix).q.value_in(units::tCO2e()), D("527.616"));
}

TEST_CASE("measured emissions: CO2 as measured, N2O × 265", "[unit][source_emissions][measured]") {
    MeasuredEmission co2;
    co2.id = "STACK-1";
    co2.process_id = "P1";
    co2.amount = in("1234.5", "tCO2");
    CHECK_EXACT(measured_emissions(co2).q.value_in(units::tCO2e()), D("1234.5"));
    // 2 500 kgCO2 = 2.5 tCO2
    co2.amount = in("2500", "kgCO2");
    CHECK_EXACT(measured_emissions(co2).q.value_in(units::tCO2e()), D("2.5"));

    // 2 tN2O × 265 = 530 tCO2e
    const SourceLocation n2o_at = loc("measurements.csv", 3, 3, "emissions");
    MeasuredEmission n2o;
    n2o.id = "N2O-1";
    n2o.process_id = "P1";
    n2o.amount = in("2", "tN2O", n2o_at);
    Traced em = measured_emissions(n2o);
    CHECK(em.unit().same_dimension(units::tCO2e()));
    CHECK_EXACT(em.q.value_in(units::tCO2e()), D("530"));
    REQUIRE(em.step);
    CHECK_THAT(em.step->formula, Catch::Contains("GWP"));
    const Traced* amount = operand(em, "N2O");
    REQUIRE(amount);
    REQUIRE(amount->step->input);
    CHECK(same_location(*amount->step->input, n2o_at));
    const Traced* gwp = operand(em, "GWP_N2O");
    REQUIRE(gwp);
    CHECK_EXACT(gwp->value(), Decimal(265));

    // 1 500 kgN2O = 1.5 tN2O × 265 = 397.5 tCO2e
    n2o.amount = in("1500", "kgN2O");
    CHECK_EXACT(measured_emissions(n2o).q.value_in(units::tCO2e()), D("397.5"));
}

TEST_CASE("PFC, slope method (CWPB) with a collection efficiency", "[unit][source_emissions][pfc]") {
    // AEM = 0.1 AE/cell-day × 2 min = 0.2
    // CF4 collected = AEM × SEF_CF4 / 1000 × Pr_Al = 0.2 × 0.143 / 1000 × 100 000 t = 2.86 t
    // CF4 total = 2.86 / 0.95 t;  C2F6 = CF4 × 0.121
    // CO2e = CF4 × (6 630 + 0.121 × 11 100) = CF4 × (6 630 + 1 343.1) = CF4 × 7 973.1
    //      = 2.86 × 7 973.1 / 0.95 = 22 803.066 / 0.95 = 24 003.2273684...
    const SourceLocation pr_at = loc("pfc.csv", 2, 4, "primary_aluminium_t");
    PfcEmission p;
    p.process_id = "SMELT";
    p.technology = "CWPB";
    p.primary_aluminium = in("100000", "t", pr_at);
    p.anode_effect_frequency = num("0.1", loc("pfc.csv", 2, 5, "anode_effect_frequency"));
    p.anode_effect_duration = num("2", loc("pfc.csv", 2, 6, "anode_effect_duration"));
    p.collection_efficiency = num("0.95", loc("pfc.csv", 2, 9, "collection_efficiency"));
    Traced em = pfc_emissions(p);
    CHECK_EXACT(em.q.value_in(units::tCO2e()), D("22803.066") / D("0.95"));
    REQUIRE(em.step);
    CHECK_THAT(em.step->formula, Catch::Contains("GWP_CF4") && Catch::Contains("GWP_C2F6"));
    const Traced* cf4 = operand(em, "CF4");
    REQUIRE(cf4);
    CHECK_EXACT(cf4->q.value_in(units::tCF4()), D("2.86") / D("0.95"));
    const Traced* c2f6 = operand(em, "C2F6");
    REQUIRE(c2f6);
    // 2.86 × 0.121 = 0.34606 t, / 0.95
    CHECK_EXACT(c2f6->q.value_in(units::tC2F6()), D("0.34606") / D("0.95"));
    CHECK(tree_has_input(em, pr_at));
}

TEST_CASE("PFC, slope method (SWPB) without a collection efficiency", "[unit][source_emissions][pfc]") {
    // AEM = 0.05 × 3 = 0.15;  CF4 = 0.15 × 0.233 / 1000 × 50 000 = 0.15 × 11.65 = 1.7475 t
    // CO2e = 1.7475 × (6 630 + 0.280 × 11 100) = 1.7475 × (6 630 + 3 108) = 1.7475 × 9 738
    //      = 17 041.5 − 24.345 = 17 017.155 tCO2e
    PfcEmission p;
    p.process_id = "SMELT";
    p.technology = "SWPB";
    p.primary_aluminium = in("50000", "t");
    p.anode_effect_frequency = num("0.05");
    p.anode_effect_duration = num("3");
    CHECK_EXACT(pfc_emissions(p).q.value_in(units::tCO2e()), D("17017.155"));
}

TEST_CASE("PFC, overvoltage method (CWPB) with a collection efficiency", "[unit][source_emissions][pfc]") {
    // CF4 collected = OVC × AEO / CE × Pr_Al × 0.001 = 1.16 × 1.5 / 94 × 200 000 × 0.001 = 1.74 × 200 / 94 = 348/94 t
    // CF4 total = 348 / 94 / 0.9 = 348 / 84.6 t
    // CO2e = CF4 × (6 630 + 0.121 × 11 100) = 348 × 7 973.1 / 84.6 = 2 774 638.8 / 84.6 = 32 797.1489...
    const SourceLocation aeo_at = loc("pfc.csv", 3, 7, "anode_effect_overvoltage_mv");
    PfcEmission p;
    p.process_id = "SMELT";
    p.overvoltage = true;
    p.technology = "CWPB";
    p.primary_aluminium = in("200000", "t");
    p.anode_effect_overvoltage = num("1.5", aeo_at);
    p.current_efficiency = num("94");
    p.collection_efficiency = num("0.9");
    Traced em = pfc_emissions(p);
    CHECK_EXACT(em.q.value_in(units::tCO2e()), D("2774638.8") / D("84.6"));
    const Traced* cf4 = operand(em, "CF4");
    REQUIRE(cf4);
    CHECK_EXACT(cf4->q.value_in(units::tCF4()), Decimal(348) / D("84.6"));
    CHECK(tree_has_input(em, aeo_at));
}

TEST_CASE("PFC, overvoltage method (SWPB) without a collection efficiency", "[unit][source_emissions][pfc]") {
    // CF4 = 3.65 × 2 / 95 × 10 000 × 0.001 = 7.3 × 10 / 95 = 73/95 t
    // CO2e = 73/95 × (6 630 + 0.252 × 11 100) = 73/95 × (6 630 + 2 797.2) = 73 × 9 427.2 / 95 = 688 185.6 / 95
    PfcEmission p;
    p.process_id = "SMELT";
    p.overvoltage = true;
    p.technology = "SWPB";
    p.primary_aluminium = in("10000", "t");
    p.anode_effect_overvoltage = num("2");
    p.current_efficiency = num("95");
    CHECK_EXACT(pfc_emissions(p).q.value_in(units::tCO2e()), D("688185.6") / Decimal(95));
}

TEST_CASE("PFC: the technology factors of Tables 2 and 3", "[unit][source_emissions][pfc]") {
    // With AEM = 1 × 1 = 1 (slope) or AEO / CE = 1 / 1 (overvoltage) and Pr_Al = 1 000 t, the CF4 emitted
    // is SEF_CF4 (or OVC) × 1 000 / 1 000 = SEF_CF4 t, so CO2e = SEF × (6 630 + F_C2F6 × 11 100):
    //   PFPB_L  0.122 × (6 630 + 0.097 × 11 100 = 1 076.7) = 0.122 × 7 706.7 =   940.2174
    //   PFPB_M  0.104 × (6 630 + 0.057 × 11 100 =   632.7) = 0.104 × 7 262.7 =   755.3208
    //   VSS     0.058 × (6 630 + 0.086 × 11 100 =   954.6) = 0.058 × 7 584.6 =   439.9068
    //   HSS     0.165 × (6 630 + 0.077 × 11 100 =   854.7) = 0.165 × 7 484.7 = 1 234.9755
    //   CWPB    0.143 × (6 630 + 0.121 × 11 100 = 1 343.1) = 0.143 × 7 973.1 = 1 140.1533
    //   PFPB_MW uses the CWPB values                                          = 1 140.1533
    //   SWPB    0.233 × (6 630 + 0.280 × 11 100 = 3 108)   = 0.233 × 9 738   = 2 268.954
    //   overvoltage CWPB 1.16 × 7 973.1 = 9 248.796;  SWPB 3.65 × (6 630 + 0.252 × 11 100) = 3.65 × 9 427.2 = 34 409.28
    struct Row {
        const char* technology;
        bool overvoltage;
        const char* expected;
    };
    for (const Row& row : {Row{"PFPB_L", false, "940.2174"}, Row{"PFPB_M", false, "755.3208"}, Row{"VSS", false, "439.9068"},
                           Row{"HSS", false, "1234.9755"}, Row{"CWPB", false, "1140.1533"}, Row{"PFPB_MW", false, "1140.1533"},
                           Row{"SWPB", false, "2268.954"}, Row{"CWPB", true, "9248.796"}, Row{"SWPB", true, "34409.28"}}) {
        INFO(row.technology << (row.overvoltage ? " (overvoltage)" : " (slope)"));
        PfcEmission p;
        p.process_id = "SMELT";
        p.technology = row.technology;
        p.overvoltage = row.overvoltage;
        p.primary_aluminium = in("1000", "t");
        if (row.overvoltage) {
            p.anode_effect_overvoltage = num("1");
            p.current_efficiency = num("1");
        } else {
            p.anode_effect_frequency = num("1");
            p.anode_effect_duration = num("1");
        }
        CHECK_EXACT(pfc_emissions(p).q.value_in(units::tCO2e()), D(row.expected));
    }
}
