// Unit tests of the specific embedded emissions (src/calc/embedded_emissions.h), on installations
// built in code with the shipped registry (cn_codes/):
//   simple goods:  SEE = AttrEm / AL
//   complex goods: SEE = (AttrEm + Σ M_i × SEE_i) / AL, direct and indirect separately
//   several routes: SEE = Σ AL_r × SEE_r / Σ AL_r
// Definitive scope (IR 2025/2547 Annex I 3.1): an Annex II good counts none of its own indirect
// emissions; a precursor's indirect emissions count only when the precursor is not in Annex II.
// Annex II here: chapter 72 (pig iron, crude steel, iron or steel products), 7318, hydrogen.
// Not in Annex II: cement clinker, cement, ammonia, sintered ore.
//
// Every process gets its direct emissions from a measured CO2 total and its indirect emissions
// from grid electricity at 0.5 tCO2/MWh unless said otherwise.
#include "calc/embedded_emissions.h"
#include "writers/explanation.h"
#include "model_builders.h"
#include "exact.h"
#include "support.h"

#include <catch2/catch.hpp>

using namespace cbam;
using namespace cbam::unit_test;
using cbam::test::D;

namespace {

const GoodResult& good(const CalcResult& r, const char* key) {
    const GoodResult* g = r.find(key);
    INFO("good: " << key);
    REQUIRE(g);
    return *g;
}

const ProcessResult& proc(const CalcResult& r, const char* id) {
    const ProcessResult* p = r.process(id);
    INFO("process: " << id);
    REQUIRE(p);
    return *p;
}

Decimal per_t(const Traced& t) { return t.q.value_in(units::tCO2e_per_t()); }
Decimal tco2e(const Traced& t) { return t.q.value_in(units::tCO2e()); }

std::string diagnostics_text(const Installation& inst, Scope scope) {
    try {
        calculate(inst, scope);
    } catch (const InputError& e) {
        return e.diagnostics().to_string();
    }
    return "(no InputError thrown)";
}

}  // namespace

TEST_CASE("simple good: SEE = AttrEm / AL", "[unit][embedded][simple]") {
    // KILN, cement clinker, AL 10 000 t:
    //   direct: process stream 13 000 t CaCO3 × 0.44 = 5 720 + measured 2 280 = 8 000 tCO2 → 8 000 / 10 000 = 0.8
    //   indirect: 900 MWh × 0.5 = 450 tCO2 → 450 / 10 000 = 0.045
    InstallationBuilder b;
    b.process("KILN", "Cement clinker", "10000", {"25231000"});
    SourceStream s;
    s.id = "CaCO3";
    s.process_id = "KILN";
    s.method = StreamMethod::Process;
    s.activity_data = in("13000", "t");
    s.emission_factor = in("0.44", "tCO2/t");
    b.inst.source_streams.push_back(s);
    b.measured("KILN", "2280");
    b.electricity("KILN", false, "900", "0.5");

    for (Scope scope : {Scope::Transitional, Scope::Definitive}) {
        CalcResult r = calculate(b.inst, scope);
        const ProcessResult& k = proc(r, "KILN");
        CHECK_EXACT(tco2e(k.attributed.direct), D("8000"));
        CHECK_EXACT(tco2e(k.attributed.indirect), D("450"));
        CHECK_EXACT(k.activity_level.q.value_in(units::t()), D("10000"));
        CHECK(k.precursors.empty());
        CHECK_EXACT(per_t(k.see_direct), D("0.8"));
        CHECK_EXACT(per_t(k.see_indirect), D("0.045"));
        REQUIRE(k.see_direct.step);
        CHECK_THAT(k.see_direct.step->formula, Catch::Contains("AttrEm") && Catch::Contains("AL"));

        // the category row and the CN row carry the same figures
        for (const char* key : {"Cement clinker", "25231000"}) {
            const GoodResult& g = good(r, key);
            CHECK_EXACT(per_t(g.see_direct), D("0.8"));
            CHECK_EXACT(per_t(g.see_indirect), D("0.045"));
            // clinker is not in Annex II: its indirect emissions count in both scopes; 0.8 + 0.045
            CHECK_FALSE(g.direct_only);
            CHECK_EXACT(per_t(g.see_indirect_counted), D("0.045"));
            CHECK_EXACT(per_t(g.see_total), D("0.845"));
            CHECK(g.sector == "Cement");
        }
    }
}

TEST_CASE("simple good: activity level in kg, and electricity per MWh", "[unit][embedded][simple]") {
    // unwrought aluminium, AL 5 000 000 kg = 5 000 t, 8 000 tCO2 → 1.6 tCO2e/t
    // electricity, AL 10 GWh = 10 000 MWh, 4 000 tCO2 → 0.4 tCO2e/MWh
    InstallationBuilder b;
    b.process("POT", "Unwrought aluminium", "5000000", {"76011000"}, "kg");
    b.measured("POT", "8000");
    b.process("PLANT", "Electricity", "10", {"27160000"}, "GWh");
    b.measured("PLANT", "4000");
    CalcResult r = calculate(b.inst, Scope::Transitional);
    CHECK_EXACT(per_t(good(r, "Unwrought aluminium").see_direct), D("1.6"));
    CHECK_EXACT(proc(r, "POT").activity_level.q.value_in(units::t()), D("5000"));
    const GoodResult& el = good(r, "27160000");
    CHECK(el.see_unit.same_dimension(units::tCO2e_per_MWh()));
    CHECK_EXACT(el.see_direct.q.value_in(units::tCO2e_per_MWh()), D("0.4"));
    CHECK_EXACT(proc(r, "PLANT").activity_level.q.value_in(units::MWh()), D("10000"));
}

namespace {

// Pig iron → crude steel → iron or steel products, all made in the installation, listed
// consumer first so that the calculator has to resolve them recursively.
//   BF   pig iron     AL 1 000: direct 1 800, indirect 100 MWh × 0.5 = 50
//        SEE_dir = 1.8, SEE_ind = 0.05
//   BOF  crude steel  AL 1 100: direct 220, indirect 200 × 0.5 = 100, 1 000 t pig iron from BF
//        SEE_dir = (220 + 1 000 × 1.8) / 1 100 = 2 020 / 1 100 = 101/55
//        SEE_ind = (100 + 1 000 × 0.05) / 1 100 = 150 / 1 100 = 3/22
//   ROLL products     AL 1 000: direct 80, indirect 300 × 0.5 = 150, 1 050 t crude steel from BOF
//        embedded direct 1 050 × 101/55 = 106 050/55 = 21 210/11
//        SEE_dir = (80 + 21 210/11) / 1 000 = (880/11 + 21 210/11) / 1 000 = 22 090 / 11 000 = 2 209/1 100
//        embedded indirect 1 050 × 3/22 = 3 150/22
//        SEE_ind = (150 + 3 150/22) / 1 000 = (3 300 + 3 150) / 22 000 = 6 450/22 000 = 129/440
//   transitional total of ROLL: 2 209/1 100 + 129/440 = (4 418 + 645) / 2 200 = 5 063/2 200
InstallationBuilder steel_chain() {
    InstallationBuilder b;
    b.process("ROLL", "Iron or steel products", "1000", {"72139110"});
    b.measured("ROLL", "80");
    b.electricity("ROLL", false, "300", "0.5");
    b.from_process("ROLL", "Crude steel", "1050", "BOF");
    b.process("BOF", "Crude steel", "1100", {"72071114"});
    b.measured("BOF", "220");
    b.electricity("BOF", false, "200", "0.5");
    b.from_process("BOF", "Pig iron", "1000", "BF");
    b.process("BF", "Pig iron", "1000", {"72011011"});
    b.measured("BF", "1800");
    b.electricity("BF", false, "100", "0.5");
    return b;
}

}  // namespace

TEST_CASE("complex good: own precursors resolved recursively over three levels", "[unit][embedded][complex]") {
    InstallationBuilder b = steel_chain();
    CalcResult r = calculate(b.inst, Scope::Transitional);

    const ProcessResult& bf = proc(r, "BF");
    CHECK_EXACT(per_t(bf.see_direct), D("1.8"));
    CHECK_EXACT(per_t(bf.see_indirect), D("0.05"));
    const ProcessResult& bof = proc(r, "BOF");
    CHECK_EXACT(per_t(bof.see_direct), D(101, 55));
    CHECK_EXACT(per_t(bof.see_indirect), D(3, 22));
    const ProcessResult& roll = proc(r, "ROLL");
    CHECK_EXACT(per_t(roll.see_direct), D(2209, 1100));
    CHECK_EXACT(per_t(roll.see_indirect), D(129, 440));

    REQUIRE(roll.precursors.size() == 1);
    const PrecursorContribution& c = roll.precursors.front();
    CHECK_EXACT(c.mass.q.value_in(units::t()), D("1050"));
    CHECK_EXACT(per_t(c.see_direct), D(101, 55));
    CHECK_EXACT(tco2e(c.embedded_direct), D(21210, 11));
    CHECK_EXACT(tco2e(c.embedded_indirect), D(3150, 22));
    CHECK_FALSE(c.counted_as_zero);
    CHECK_THAT(c.origin, Catch::Contains("BOF"));
    REQUIRE(roll.see_direct.step);
    CHECK_THAT(roll.see_direct.step->formula, Catch::Contains("EEInpMat"));

    const GoodResult& products = good(r, "72139110");
    CHECK_EXACT(per_t(products.see_direct), D(2209, 1100));
    CHECK_EXACT(per_t(products.see_indirect), D(129, 440));
    CHECK_EXACT(per_t(products.see_indirect_counted), D(129, 440));  // transitional: every indirect counts
    CHECK_EXACT(per_t(products.see_total), D(5063, 2200));
    CHECK_EXACT(per_t(good(r, "Pig iron").see_direct), D("1.8"));
    CHECK_EXACT(per_t(good(r, "crude steel").see_direct), D(101, 55));  // find() ignores case
}

TEST_CASE("complex good: in the definitive scope the steel chain counts no indirect emissions", "[unit][embedded][scope]") {
    // all three goods are in Annex II and so are their precursors: counted indirect 0, total = direct
    InstallationBuilder b = steel_chain();
    CalcResult r = calculate(b.inst, Scope::Definitive);
    for (const char* key : {"Pig iron", "Crude steel", "Iron or steel products", "72139110"}) {
        INFO(key);
        const GoodResult& g = good(r, key);
        CHECK(g.direct_only);
        CHECK(per_t(g.see_indirect_counted).is_zero());
        CHECK_EXACT(g.see_total.value(), g.see_direct.value());
    }
    // the indirect figure itself is still computed and reported
    CHECK_EXACT(per_t(good(r, "72139110").see_indirect), D(129, 440));
    CHECK_EXACT(per_t(good(r, "72139110").see_total), D(2209, 1100));
}

namespace {

// ROLL2 makes iron or steel products (AL 1 000 t; direct 50; indirect 200 MWh × 0.5 = 100) from
// crude steel bought from four suppliers:
//   S-TW  Taiwan (third)    600 t × 2.0 = 1 200 direct;  600 × 0.3 = 180 indirect (actual data)
//   S-CN  China (third)     500 t × 2.5 = 1 250 direct;  500 × 0.4 = 200 indirect (default values)
//   S-DE  Germany (EU)      300 t: counts as zero although it communicated 1.9 / 0.2
//   S-CH  Switzerland (exempt) 100 t: counts as zero although it communicated 1.5 / 0.1
// SEE_dir = (50 + 1 200 + 1 250 + 0 + 0) / 1 000 = 2.5
// SEE_ind = (100 + 180 + 200 + 0 + 0) / 1 000 = 0.48
InstallationBuilder four_suppliers() {
    InstallationBuilder b;
    b.process("ROLL2", "Iron or steel products", "1000", {"73181590"});
    b.measured("ROLL2", "50");
    b.electricity("ROLL2", false, "200", "0.5");
    b.supplier("S-TW", "TW", "Crude steel", "2.0", "0.3");
    b.supplier("S-CN", "CN", "Crude steel", "2.5", "0.4", true);
    b.supplier("S-DE", "DE", "Crude steel", "1.9", "0.2");
    b.supplier("S-CH", "CH", "Crude steel", "1.5", "0.1");
    b.from_supplier("ROLL2", "Crude steel", "600", "S-TW");
    b.from_supplier("ROLL2", "Crude steel", "500", "S-CN");
    b.from_supplier("ROLL2", "Crude steel", "300", "S-DE");
    b.from_supplier("ROLL2", "Crude steel", "100", "S-CH");
    return b;
}

}  // namespace

TEST_CASE("precursors: the same precursor from two suppliers is kept apart", "[unit][embedded][suppliers]") {
    InstallationBuilder b = four_suppliers();
    CalcResult r = calculate(b.inst, Scope::Transitional);
    const ProcessResult& p = proc(r, "ROLL2");
    REQUIRE(p.precursors.size() == 4);
    const PrecursorContribution& tw = p.precursors[0];
    const PrecursorContribution& cn = p.precursors[1];
    CHECK_THAT(tw.origin, Catch::Contains("S-TW"));
    CHECK_THAT(cn.origin, Catch::Contains("S-CN"));
    CHECK_EXACT(tw.mass.q.value_in(units::t()), D("600"));
    CHECK_EXACT(cn.mass.q.value_in(units::t()), D("500"));
    CHECK_EXACT(per_t(tw.see_direct), D("2.0"));
    CHECK_EXACT(per_t(cn.see_direct), D("2.5"));
    CHECK_EXACT(tco2e(tw.embedded_direct), D("1200"));
    CHECK_EXACT(tco2e(cn.embedded_direct), D("1250"));
    CHECK_EXACT(tco2e(tw.embedded_indirect), D("180"));
    CHECK_EXACT(tco2e(cn.embedded_indirect), D("200"));
    CHECK_FALSE(tw.default_values);
    CHECK(cn.default_values);
    CHECK_FALSE(tw.counted_as_zero);
    CHECK_FALSE(cn.counted_as_zero);
    // the supplier's figure is traced to the row it was read from
    REQUIRE(tw.see_direct.step->input);
    CHECK(same_location(*tw.see_direct.step->input, b.inst.suppliers[0].see_direct.where));

    CHECK_EXACT(per_t(p.see_direct), D("2.5"));
    CHECK_EXACT(per_t(p.see_indirect), D("0.48"));
    const GoodResult& g = good(r, "73181590");
    CHECK_EXACT(per_t(g.see_direct), D("2.5"));
    CHECK_EXACT(per_t(g.see_total), D("2.98"));  // transitional: 2.5 + 0.48
    CHECK(g.uses_default_values);            // S-CN's figures are default values
}

TEST_CASE("precursors: a supplier's indirect SEE given as specific electricity × its factor (the template's E_PurchPrec)",
          "[unit][embedded][suppliers][template]") {
    InstallationBuilder b = four_suppliers();
    // S-TW's indirect SEE becomes 0.25 MWh/t × 0.4 tCO2/MWh = 0.1 tCO2e/t (its see_indirect, 0.3, is not used).
    Supplier& tw = b.inst.suppliers[0];
    REQUIRE(tw.id == "S-TW");
    tw.specific_electricity = in("0.25", "MWh/t", SourceLocation::in_sheet("t.xlsx", "E_PurchPrec", "L50"));
    tw.electricity_factor = in("0.4", "tCO2/MWh", SourceLocation::in_sheet("t.xlsx", "E_PurchPrec", "L51"));
    tw.electricity_factor_source = "D.4(b)";
    CalcResult r = calculate(b.inst, Scope::Transitional);
    const PrecursorContribution& c = proc(r, "ROLL2").precursors[0];
    CHECK_EXACT(per_t(c.see_indirect), D("0.1"));
    CHECK(c.see_indirect.step->formula == "E_el × EF_el");
    CHECK_EXACT(tco2e(c.embedded_indirect), D("60"));  // 600 t × 0.1
}

TEST_CASE("precursors: a supplier in the EU or an exempt origin counts as zero", "[unit][embedded][suppliers]") {
    InstallationBuilder b = four_suppliers();
    CalcResult r = calculate(b.inst, Scope::Transitional);
    const ProcessResult& p = proc(r, "ROLL2");
    REQUIRE(p.precursors.size() == 4);
    const PrecursorContribution& de = p.precursors[2];
    const PrecursorContribution& ch = p.precursors[3];
    CHECK_THAT(de.origin, Catch::Contains("S-DE"));
    CHECK_THAT(ch.origin, Catch::Contains("S-CH"));
    CHECK(de.counted_as_zero);
    CHECK(ch.counted_as_zero);
    for (const PrecursorContribution* c : {&de, &ch}) {
        CHECK(per_t(c->see_direct).is_zero());
        CHECK(per_t(c->see_indirect).is_zero());
        CHECK(tco2e(c->embedded_direct).is_zero());
        CHECK(tco2e(c->embedded_indirect).is_zero());
    }
    // the masses are still there: 300 t and 100 t
    CHECK_EXACT(de.mass.q.value_in(units::t()), D("300"));
    CHECK_EXACT(ch.mass.q.value_in(units::t()), D("100"));
}

TEST_CASE("precursor loop of two processes: solved as a linear system", "[unit][embedded][loop]") {
    // Pig iron and DRI are each other's relevant precursors (IR 2023/1773 Annex II).
    //   BF-1 pig iron AL 1 000 t, direct 1 500, uses 100 t DRI from DR-1
    //   DR-1 DRI      AL   500 t, direct   300, uses  50 t pig iron from BF-1
    // Eq. 59-60 for both at once, x = SEE_BF-1, y = SEE_DR-1:
    //   1 000 x − 100 y = 1 500
    //     500 y −  50 x =   300   → y = 0.6 + 0.1 x
    //   1 000 x − 60 − 10 x = 1 500 → 990 x = 1 560 → x = 1 560/990 = 52/33
    //   y = 0.6 + 5.2/33 = (19.8 + 5.2)/33 = 25/33
    // Check: 1 000 × 52/33 − 100 × 25/33 = (52 000 − 2 500)/33 = 49 500/33 = 1 500;
    //        500 × 25/33 − 50 × 52/33 = (12 500 − 2 600)/33 = 9 900/33 = 300.
    // No electricity: indirect 0 everywhere.
    InstallationBuilder b;
    b.process("BF-1", "Pig iron", "1000", {"72011011"});
    b.measured("BF-1", "1500");
    b.from_process("BF-1", "DRI", "100", "DR-1");
    b.process("DR-1", "DRI", "500", {"72031000"});
    b.measured("DR-1", "300");
    b.from_process("DR-1", "Pig iron", "50", "BF-1");
    for (Scope scope : {Scope::Transitional, Scope::Definitive}) {
        CalcResult r = calculate(b.inst, scope);
        CHECK_EXACT(per_t(proc(r, "BF-1").see_direct), D(52, 33));
        CHECK_EXACT(per_t(proc(r, "DR-1").see_direct), D(25, 33));
        CHECK(per_t(proc(r, "BF-1").see_indirect).is_zero());
        CHECK_EXACT(per_t(good(r, "Pig iron").see_total), D(52, 33));
        CHECK_EXACT(per_t(good(r, "72031000").see_total), D(25, 33));
        // the flow within the loop is a precursor contribution like any other: 100 t × 25/33
        const ProcessResult& bf = proc(r, "BF-1");
        REQUIRE(bf.precursors.size() == 1);
        CHECK_EXACT(tco2e(bf.precursors[0].embedded_direct), D(2500, 33));
        CHECK_EXACT(per_t(bf.precursors[0].see_direct), D(25, 33));
        CHECK_THAT(bf.precursors[0].origin, Catch::Contains("DR-1") && Catch::Contains("loop"));
    }
}

namespace {

// A loop of three processes, one with a purchased precursor from outside the loop, and a process
// downstream of the loop:
//   BF-A  pig iron AL 1 000: direct 1 800; 200 MWh × 0.5 = 100 indirect; uses 100 t DRI from DR
//   DR    DRI      AL   500: direct   250; 1 000 MWh × 0.5 = 500;        uses  50 t pig iron from BF-B
//   BF-B  pig iron AL   200: direct   100;  40 MWh × 0.5 =  20;          uses  20 t pig iron from BF-A
//                                                                         and 100 t sintered ore from S-ORE (BR):
//                                                                         SEE 0.2 direct, 0.05 indirect
//   ROLL  products AL 1 000: direct    50; no electricity;               uses 500 t pig iron from BF-A
// Unknowns a = SEE_BF-A, d = SEE_DR, b = SEE_BF-B. Direct:
//   1 000 a − 100 d = 1 800
//     500 d −  50 b =   250                    → d = 0.5 + 0.1 b
//     200 b −  20 a =   100 + 100 × 0.2 = 120  → b = 0.6 + 0.1 a, so d = 0.56 + 0.01 a
//   1 000 a − 56 − a = 1 800 → 999 a = 1 856 → a = 1 856/999
//   b = 0.6 + 185.6/999 = 785/999;  d = 0.56 + 18.56/999 = 578/999
//   check: 1 000 × 1 856/999 − 100 × 578/999 = 1 798 200/999 = 1 800
// Indirect (right-hand sides 100, 500, 20 + 100 × 0.05 = 25):
//   d' = 1 + 0.1 b';  b' = 0.125 + 0.1 a';  d' = 1.0125 + 0.01 a'
//   1 000 a' − 101.25 − a' = 100 → a' = 201.25/999 = 805/3 996
//   b' = 0.125 + 20.125/999 = 145/999;  d' = 1.0125 + 2.0125/999 = 1 013.5/999 = 2 027/1 998
//   check: 200 × 145/999 − 20 × 805/3 996 = (116 000 − 16 100)/3 996 = 25
// Counted indirect, definitive scope: pig iron and DRI are in Annex II (own indirect 0); sintered
// ore is not, so the supplier's 100 × 0.05 = 5 counts: right-hand sides 0, 0, 5:
//   a'' = 0.1 d'', d'' = 0.1 b'', 200 b'' − 0.2 b'' = 5 → b'' = 5/199.8 = 25/999,
//   d'' = 2.5/999 = 5/1 998, a'' = 0.25/999 = 1/3 996
// Transitional scope: counted indirect = indirect.
// ROLL (outside the loop, computed after it): SEE_dir = (50 + 500 × 1 856/999)/1 000
//   = (49 950 + 928 000)/999 000 = 977 950/999 000 = 19 559/19 980
// Pig iron made by BF-A and BF-B: (1 000 × 1 856/999 + 200 × 785/999)/1 200 = 2 013 000/1 198 800
//   = 3 355/1 998
InstallationBuilder three_loop() {
    InstallationBuilder b;
    b.process("ROLL", "Iron or steel products", "1000", {"72139110"});
    b.measured("ROLL", "50");
    b.from_process("ROLL", "Pig iron", "500", "BF-A");
    b.process("BF-A", "Pig iron", "1000", {"72011011"});
    b.measured("BF-A", "1800");
    b.electricity("BF-A", false, "200", "0.5");
    b.from_process("BF-A", "DRI", "100", "DR");
    b.process("DR", "DRI", "500", {"72031000"});
    b.measured("DR", "250");
    b.electricity("DR", false, "1000", "0.5");
    b.from_process("DR", "Pig iron", "50", "BF-B");
    b.process("BF-B", "Pig iron", "200", {"72012000"});
    b.measured("BF-B", "100");
    b.electricity("BF-B", false, "40", "0.5");
    b.from_process("BF-B", "Pig iron", "20", "BF-A");
    b.supplier("S-ORE", "BR", "Sintered ore", "0.2", "0.05");
    b.from_supplier("BF-B", "Sintered ore", "100", "S-ORE");
    return b;
}

}  // namespace

TEST_CASE("precursor loop of three processes with a purchased precursor and a consumer downstream", "[unit][embedded][loop]") {
    InstallationBuilder b = three_loop();
    for (Scope scope : {Scope::Transitional, Scope::Definitive}) {
        INFO(to_string(scope));
        CalcResult r = calculate(b.inst, scope);
        CHECK_EXACT(per_t(proc(r, "BF-A").see_direct), D(1856, 999));
        CHECK_EXACT(per_t(proc(r, "DR").see_direct), D(578, 999));
        CHECK_EXACT(per_t(proc(r, "BF-B").see_direct), D(785, 999));
        CHECK_EXACT(per_t(proc(r, "BF-A").see_indirect), D(805, 3996));
        CHECK_EXACT(per_t(proc(r, "DR").see_indirect), D(2027, 1998));
        CHECK_EXACT(per_t(proc(r, "BF-B").see_indirect), D(145, 999));
        if (scope == Scope::Definitive) {
            CHECK_EXACT(per_t(proc(r, "BF-A").see_indirect_counted), D(1, 3996));
            CHECK_EXACT(per_t(proc(r, "DR").see_indirect_counted), D(5, 1998));
            CHECK_EXACT(per_t(proc(r, "BF-B").see_indirect_counted), D(25, 999));
            CHECK_EXACT(per_t(good(r, "72011011").see_total), D(1856, 999) + D(1, 3996));
        } else {
            CHECK_EXACT(per_t(proc(r, "DR").see_indirect_counted), D(2027, 1998));
            CHECK_EXACT(per_t(good(r, "72011011").see_total), D(1856, 999) + D(805, 3996));
        }
        CHECK_EXACT(per_t(proc(r, "ROLL").see_direct), D(19559, 19980));
        CHECK_EXACT(per_t(good(r, "Pig iron").see_direct), D(3355, 1998));
        // the purchased precursor stays a contribution of its own; the loop flow comes from BF-A
        const ProcessResult& bfb = proc(r, "BF-B");
        REQUIRE(bfb.precursors.size() == 2);
        CHECK_EXACT(tco2e(bfb.precursors[0].embedded_direct), D(20 * 1856, 999));
        CHECK_EXACT(tco2e(bfb.precursors[1].embedded_direct), D("20"));
        CHECK_THAT(bfb.precursors[1].origin, Catch::Contains("S-ORE"));
        // The flow carries BF-A's solved SEE with its derivation: BF-A comes before BF-B in the loop,
        // and its result must still be whole when BF-B's precursors are built.
        REQUIRE(bfb.precursors[0].see_direct.step);
        CHECK(bfb.precursors[0].see_direct.step == proc(r, "BF-A").see_direct.step);
        CHECK_EXACT(per_t(bfb.precursors[0].see_direct), D(1856, 999));
    }
}

TEST_CASE("precursor loop: the derivation shows the equations, their inputs and the solution", "[unit][embedded][loop][explain]") {
    InstallationBuilder b = three_loop();
    CalcResult r = calculate(b.inst, Scope::Transitional);
    const Traced& a = proc(r, "BF-A").see_direct;
    REQUIRE(a.step);
    CHECK_THAT(a.step->what, Catch::Contains("loop") && Catch::Contains("BF-A, DR, BF-B"));
    std::string text = explain(a, "SEE direct of BF-A");
    INFO(text);
    // each equation, symbolic and with its numbers, as derived in the comment above
    CHECK_THAT(text, Catch::Contains("equation of BF-A: AL_BF-A × SEE_BF-A − M_BF-A←DR × SEE_DR = AttrEm_BF-A"));
    CHECK_THAT(text, Catch::Contains("that is: 1000 × SEE_BF-A − 100 × SEE_DR = 1800"));
    CHECK_THAT(text, Catch::Contains("equation of BF-B: AL_BF-B × SEE_BF-B − M_BF-B←BF-A × SEE_BF-A = AttrEm_BF-B + EEInpMat_BF-B"));
    CHECK_THAT(text, Catch::Contains("that is: 200 × SEE_BF-B − 20 × SEE_BF-A = 100 + 20"));
    CHECK_THAT(text, Catch::Contains("that is: 500 × SEE_DR − 50 × SEE_BF-B = 250"));
    CHECK_THAT(text, Catch::Contains("solution (exact, by elimination): SEE_BF-A = ≈1.857857857858"));
    // every coefficient is traced to its input: masses from precursors.csv, activity levels from processes.csv
    CHECK_THAT(text, Catch::Contains("M_BF-A←DR = 100 t") && Catch::Contains("read from precursors.csv"));
    CHECK_THAT(text, Catch::Contains("AL_DR = 500 t") && Catch::Contains("read from processes.csv"));
    // the supplier's figure behind the right-hand side
    CHECK_THAT(text, Catch::Contains("direct SEE communicated by supplier S-ORE"));
    for (const auto& assumption : assumptions_in(a))  // the equations are working, not assumptions
        CHECK_THAT(assumption, !Catch::Contains("equation") && !Catch::Contains("solution"));
}

TEST_CASE("precursor loop: singular equations are an error naming the processes", "[unit][embedded][loop]") {
    // P and D each consume everything the other makes: 100 x − 100 y = 10, 100 y − 100 x = 10 has
    // no solution (the rows add up to 0 = 20): nothing ever leaves the loop.
    InstallationBuilder b;
    b.process("P", "Pig iron", "100", {"72011011"});
    b.measured("P", "10");
    b.from_process("P", "DRI", "100", "D");
    b.process("D", "DRI", "100", {"72031000"});
    b.measured("D", "10");
    b.from_process("D", "Pig iron", "100", "P");
    CHECK_THROWS_AS(calculate(b.inst, Scope::Transitional), InputError);
    std::string text = diagnostics_text(b.inst, Scope::Transitional);
    CHECK_THAT(text, Catch::Contains("P, D") && Catch::Contains("singular") && Catch::Contains("processes.csv"));
}

TEST_CASE("precursor loop: more consumed round the loop than made is an error", "[unit][embedded][loop]") {
    // P (AL 100) consumes 200 t of D's DRI, D (AL 100) consumes 100 t of P's pig iron:
    //   100 x − 200 y = 10, 100 y − 100 x = 10 → y = x + 0.1 → −100 x − 20 = 10 → x = −0.3 < 0
    InstallationBuilder b;
    b.process("P", "Pig iron", "100", {"72011011"});
    b.measured("P", "10");
    b.from_process("P", "DRI", "200", "D");
    b.process("D", "DRI", "100", {"72031000"});
    b.measured("D", "10");
    b.from_process("D", "Pig iron", "100", "P");
    std::string text = diagnostics_text(b.inst, Scope::Transitional);
    CHECK_THAT(text, Catch::Contains("P, D") && Catch::Contains("negative direct"));
}

TEST_CASE("precursor loop: a process downstream of a failed loop is not computed, the loop's error is reported once",
          "[unit][embedded][loop]") {
    InstallationBuilder b;
    b.process("P", "Pig iron", "100", {"72011011"});
    b.measured("P", "10");
    b.from_process("P", "DRI", "100", "D");
    b.process("D", "DRI", "100", {"72031000"});
    b.measured("D", "10");
    b.from_process("D", "Pig iron", "100", "P");
    b.process("ROLL", "Iron or steel products", "100", {"72139110"});
    b.measured("ROLL", "1");
    b.from_process("ROLL", "Pig iron", "10", "P");
    try {
        calculate(b.inst, Scope::Transitional);
        FAIL("no InputError");
    } catch (const InputError& e) {
        CHECK(e.diagnostics().count() == 1);
    }
}

TEST_CASE("precursors: a process using its own good is a cycle", "[unit][embedded][cycle]") {
    InstallationBuilder b;
    b.process("LOOP", "Iron or steel products", "1000", {"72139110"});
    b.measured("LOOP", "100");
    b.from_process("LOOP", "Iron or steel products", "10", "LOOP");
    CHECK_THROWS_AS(calculate(b.inst, Scope::Transitional), InputError);
    CHECK_THAT(diagnostics_text(b.inst, Scope::Transitional), Catch::Contains("LOOP") && Catch::Contains("cycle"));
}

TEST_CASE("attributed direct emissions below zero are an input error", "[unit][embedded][negative]") {
    // 10 tCO2 measured − 100 MWh × 0.5 produced = 10 − 50 = −40 tCO2
    InstallationBuilder b;
    b.process("ROLL-N", "Iron or steel products", "1000", {"72139110"});
    b.measured("ROLL-N", "10");
    b.electricity("ROLL-N", true, "100", "0.5");
    CHECK_THROWS_AS(calculate(b.inst, Scope::Definitive), InputError);
    std::string text = diagnostics_text(b.inst, Scope::Definitive);
    CHECK_THAT(text, Catch::Contains("ROLL-N") && Catch::Contains("negative") && Catch::Contains("-40"));
}

TEST_CASE("several processes making one good: production-weighted average", "[unit][embedded][weighted]") {
    // EAF: crude steel CN 72061000 and 72071114, AL 400, direct 160, indirect 200 MWh × 0.5 = 100
    //      SEE_dir = 0.4, SEE_ind = 0.25
    // BOF: crude steel CN 72071114, AL 600, direct 1 200, indirect 60 MWh × 0.5 = 30
    //      SEE_dir = 2.0, SEE_ind = 0.05
    // category and CN 72071114 (both routes):
    //      SEE_dir = (400 × 0.4 + 600 × 2.0) / 1 000 = (160 + 1 200) / 1 000 = 1.36
    //      SEE_ind = (400 × 0.25 + 600 × 0.05) / 1 000 = (100 + 30) / 1 000 = 0.13
    // CN 72061000 (EAF only): 0.4 and 0.25
    InstallationBuilder b;
    b.process("EAF", "Crude steel", "400", {"72061000", "72071114"});
    b.measured("EAF", "160");
    b.electricity("EAF", false, "200", "0.5");
    b.process("BOF", "Crude steel", "600", {"72071114"});
    b.measured("BOF", "1200");
    b.electricity("BOF", false, "60", "0.5");

    CalcResult t = calculate(b.inst, Scope::Transitional);
    for (const char* key : {"Crude steel", "72071114"}) {
        INFO(key);
        const GoodResult& g = good(t, key);
        CHECK_EXACT(g.activity_level.q.value_in(units::t()), D("1000"));
        CHECK_EXACT(per_t(g.see_direct), D("1.36"));
        CHECK_EXACT(per_t(g.see_indirect), D("0.13"));
        CHECK_EXACT(per_t(g.see_total), D("1.49"));  // transitional: 1.36 + 0.13
        CHECK(g.process_ids.size() == 2);
    }
    const GoodResult& eaf_only = good(t, "72061000");
    CHECK_EXACT(per_t(eaf_only.see_direct), D("0.4"));
    CHECK_EXACT(per_t(eaf_only.see_indirect), D("0.25"));
    CHECK(eaf_only.process_ids == std::vector<std::string>{"EAF"});
    // rows: the category, then its CN codes ascending
    REQUIRE(t.goods.size() == 3);
    CHECK(t.goods[0].cn_code.empty());
    CHECK(t.goods[1].cn_code == "72061000");
    CHECK(t.goods[2].cn_code == "72071114");

    CalcResult d = calculate(b.inst, Scope::Definitive);
    const GoodResult& dg = good(d, "Crude steel");
    CHECK(per_t(dg.see_indirect_counted).is_zero());  // Annex II
    CHECK_EXACT(per_t(dg.see_total), D("1.36"));
}

namespace {

// KILN  cement clinker  AL 800: direct 680, indirect 80 MWh × 0.5 = 40 → SEE 0.85 / 0.05
// MILL  cement          AL 1 000: direct 20, indirect 50 × 0.5 = 25, 800 t clinker from KILN
//       SEE_dir = (20 + 800 × 0.85) / 1 000 = 700 / 1 000 = 0.7
//       SEE_ind = (25 + 800 × 0.05) / 1 000 = 65 / 1 000 = 0.065
// SCREW iron or steel products (7318) AL 500: direct 100, indirect 400 × 0.5 = 200 → 0.2 / 0.4
InstallationBuilder cement_and_screws() {
    InstallationBuilder b;
    b.process("MILL", "Cement", "1000", {"25232900"});
    b.measured("MILL", "20");
    b.electricity("MILL", false, "50", "0.5");
    b.from_process("MILL", "Cement clinker", "800", "KILN");
    b.process("KILN", "Cement clinker", "800", {"25231000"});
    b.measured("KILN", "680");
    b.electricity("KILN", false, "80", "0.5");
    b.process("SCREW", "Iron or steel products", "500", {"73181590"});
    b.measured("SCREW", "100");
    b.electricity("SCREW", false, "400", "0.5");
    return b;
}

}  // namespace

TEST_CASE("definitive scope: an Annex II good counts no indirect emissions, cement counts its own",
          "[unit][embedded][scope]") {
    InstallationBuilder b = cement_and_screws();
    CalcResult d = calculate(b.inst, Scope::Definitive);
    const GoodResult& screws = good(d, "73181590");
    CHECK(screws.direct_only);
    CHECK_EXACT(per_t(screws.see_indirect), D("0.4"));
    CHECK(per_t(screws.see_indirect_counted).is_zero());
    CHECK_EXACT(per_t(screws.see_total), D("0.2"));

    const GoodResult& cement = good(d, "Cement");
    CHECK_FALSE(cement.direct_only);
    CHECK_EXACT(per_t(cement.see_direct), D("0.7"));
    CHECK_EXACT(per_t(cement.see_indirect), D("0.065"));
    CHECK_EXACT(per_t(cement.see_indirect_counted), D("0.065"));
    CHECK_EXACT(per_t(cement.see_total), D("0.765"));  // 0.7 + 0.065
    const GoodResult& clinker = good(d, "Cement clinker");
    CHECK_EXACT(per_t(clinker.see_indirect_counted), D("0.05"));
    CHECK_EXACT(per_t(clinker.see_total), D("0.9"));  // 0.85 + 0.05

    // transitional: total = direct + indirect for every good
    CalcResult t = calculate(b.inst, Scope::Transitional);
    CHECK_EXACT(per_t(good(t, "73181590").see_total), D("0.6"));  // 0.2 + 0.4
    CHECK_EXACT(per_t(good(t, "Cement").see_total), D("0.765"));
    CHECK(t.scope == Scope::Transitional);
    CHECK(d.scope == Scope::Definitive);
}

TEST_CASE("definitive scope: a non-Annex-II good does not count an Annex II precursor's indirect emissions",
          "[unit][embedded][scope]") {
    // AMM, ammonia (not Annex II), AL 1 000: direct 500, indirect 400 MWh × 0.5 = 200,
    // 180 t of hydrogen (Annex II) at 10 direct / 2 indirect tCO2e/t:
    //   SEE_dir = (500 + 180 × 10) / 1 000 = 2 300 / 1 000 = 2.3
    //   SEE_ind = (200 + 180 × 2) / 1 000 = 560 / 1 000 = 0.56
    //   definitive: counted = (200 + 0) / 1 000 = 0.2, total = 2.3 + 0.2 = 2.5
    //   transitional: counted = 0.56, total = 2.3 + 0.56 = 2.86
    auto check = [](const Installation& inst) {
        CalcResult d = calculate(inst, Scope::Definitive);
        const GoodResult& ammonia = good(d, "28141000");
        CHECK_FALSE(ammonia.direct_only);
        CHECK_EXACT(per_t(ammonia.see_direct), D("2.3"));
        CHECK_EXACT(per_t(ammonia.see_indirect), D("0.56"));
        CHECK_EXACT(per_t(ammonia.see_indirect_counted), D("0.2"));
        CHECK_EXACT(per_t(ammonia.see_total), D("2.5"));

        CalcResult t = calculate(inst, Scope::Transitional);
        const GoodResult& ammonia_t = good(t, "28141000");
        CHECK_EXACT(per_t(ammonia_t.see_indirect_counted), D("0.56"));
        CHECK_EXACT(per_t(ammonia_t.see_total), D("2.86"));
    };

    SECTION("hydrogen bought from a third country") {
        InstallationBuilder b;
        b.process("AMM", "Ammonia", "1000", {"28141000"});
        b.measured("AMM", "500");
        b.electricity("AMM", false, "400", "0.5");
        b.supplier("H-TW", "TW", "Hydrogen", "10", "2");
        b.from_supplier("AMM", "Hydrogen", "180", "H-TW");
        check(b.inst);
    }
    SECTION("hydrogen made in the installation") {
        // H2: AL 180, direct 1 800, indirect 720 MWh × 0.5 = 360 → SEE 10 / 2
        InstallationBuilder b;
        b.process("AMM", "Ammonia", "1000", {"28141000"});
        b.measured("AMM", "500");
        b.electricity("AMM", false, "400", "0.5");
        b.from_process("AMM", "Hydrogen", "180", "H2");
        b.process("H2", "Hydrogen", "180", {"28041000"});
        b.measured("H2", "1800");
        b.electricity("H2", false, "720", "0.5");
        check(b.inst);
        CalcResult d = calculate(b.inst, Scope::Definitive);
        CHECK_EXACT(per_t(good(d, "Hydrogen").see_total), D("10"));  // Annex II: direct only
    }
}

TEST_CASE("definitive scope: an Annex II good counts a non-Annex-II precursor's indirect emissions",
          "[unit][embedded][scope]") {
    // BF, pig iron (Annex II), AL 1 000: direct 1 500, indirect 100 MWh × 0.5 = 50,
    // 1 400 t sintered ore (not Annex II) bought in India at 0.2 direct / 0.03 indirect:
    //   SEE_dir = (1 500 + 1 400 × 0.2) / 1 000 = 1 780 / 1 000 = 1.78
    //   SEE_ind = (50 + 1 400 × 0.03) / 1 000 = 92 / 1 000 = 0.092
    //   definitive counted = (0 + 42) / 1 000 = 0.042;  total = 1.78 + 0.042 = 1.822
    InstallationBuilder b;
    b.process("BF", "Pig iron", "1000", {"72011011"});
    b.measured("BF", "1500");
    b.electricity("BF", false, "100", "0.5");
    b.supplier("ORE-IN", "IN", "Sintered ore", "0.2", "0.03");
    b.from_supplier("BF", "Sintered ore", "1400", "ORE-IN");
    CalcResult d = calculate(b.inst, Scope::Definitive);
    const GoodResult& pig = good(d, "Pig iron");
    CHECK(pig.direct_only);
    CHECK_EXACT(per_t(pig.see_direct), D("1.78"));
    CHECK_EXACT(per_t(pig.see_indirect), D("0.092"));
    CHECK_EXACT(per_t(pig.see_indirect_counted), D("0.042"));
    CHECK_EXACT(per_t(pig.see_total), D("1.822"));
}

TEST_CASE("transitional scope: total = direct + indirect", "[unit][embedded][scope]") {
    // four_suppliers: 2.5 + 0.48 = 2.98; steel chain: 2 209/1 100 + 129/440 = 5 063/2 200;
    // the total is the sum of the two reported figures for every row
    InstallationBuilder a = four_suppliers();
    InstallationBuilder c = steel_chain();
    for (const Installation* inst : {&a.inst, &c.inst}) {
        CalcResult t = calculate(*inst, Scope::Transitional);
        for (const GoodResult& g : t.goods) {
            INFO(g.aggregated_good << " " << g.cn_code);
            CHECK_EXACT(g.see_total.value(), g.see_direct.value() + g.see_indirect.value());
            CHECK_EXACT(g.see_indirect_counted.value(), g.see_indirect.value());
        }
    }
    CHECK_EXACT(per_t(good(calculate(a.inst, Scope::Transitional), "Iron or steel products").see_total), D("2.98"));
}

TEST_CASE("default values of a supplier are flagged through own precursors", "[unit][embedded][defaults]") {
    // BF buys sintered ore from a third-country supplier that communicated default values; BOF uses
    // BF's pig iron; the crude steel's figures therefore rest on default values too.
    // BF:  AL 1 000, direct 1 500 + 1 000 t × 0.2 = 1 700 → 1.7
    // BOF: AL 1 000, direct 100 + 1 000 t × 1.7 = 1 800 → 1.8
    InstallationBuilder b;
    b.process("BOF", "Crude steel", "1000", {"72061000"});
    b.measured("BOF", "100");
    b.from_process("BOF", "Pig iron", "1000", "BF");
    b.process("BF", "Pig iron", "1000", {"72011011"});
    b.measured("BF", "1500");
    b.supplier("ORE-IN", "IN", "Sintered ore", "0.2", "0.03", true);
    b.from_supplier("BF", "Sintered ore", "1000", "ORE-IN");
    CalcResult r = calculate(b.inst, Scope::Definitive);
    CHECK(good(r, "Pig iron").uses_default_values);
    CHECK(good(r, "Crude steel").uses_default_values);
    CHECK_EXACT(per_t(good(r, "Crude steel").see_direct), D("1.8"));
    // the same chain with actual data is not flagged
    b.inst.suppliers.front().default_values = false;
    CalcResult a = calculate(b.inst, Scope::Definitive);
    CHECK_FALSE(good(a, "Pig iron").uses_default_values);
    CHECK_FALSE(good(a, "Crude steel").uses_default_values);
}

TEST_CASE("calculate: a precursor naming a missing process or supplier is an input error, not a crash", "[unit][embedded]") {
    // The reader rejects such rows; an installation built by other code must fail cleanly too.
    unit_test::InstallationBuilder b;
    b.process("PRODUCTS", "Iron or steel products", "100", {"72131000"});
    b.measured("PRODUCTS", "10");
    SECTION("missing process") {
        b.from_process("PRODUCTS", "Crude steel", "110", "NOPE");
        b.inst.precursors.back().from_where = unit_test::loc("precursors.csv", b.line, 5, "from_process");
        try {
            (void)calculate(b.inst, Scope::Definitive);
            FAIL("expected an InputError");
        } catch (const InputError& e) {
            CHECK_THAT(e.diagnostics().to_string(), Catch::Contains("precursors.csv:" + std::to_string(b.line) + ":5 (from_process): process \"NOPE\" does not exist"));
        }
    }
    SECTION("missing supplier") {
        b.from_supplier("PRODUCTS", "Crude steel", "110", "GHOST");
        CHECK_THROWS_AS(calculate(b.inst, Scope::Definitive), InputError);
    }
}
