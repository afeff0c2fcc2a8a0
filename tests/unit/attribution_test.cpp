// Unit tests of the attribution of emissions to a production process (src/calc/attribution.h):
//   AttrEm_dir = DirEm* + Em_H,imp − Em_H,exp + WG_corr,imp − WG_corr,exp − Em_el,prod
//   AttrEm_ind = Em_el,cons
// with EF_NG = 56.1 tCO2/TJ, Corr_η = 0.667 and the default heat factor 56.1 / 0.9 = 561/9 tCO2/TJ.
#include "calc/attribution.h"
#include "model_builders.h"
#include "exact.h"
#include "support.h"

#include <catch2/catch.hpp>

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

HeatFlow heat(const std::string& process, bool exported, const char* qty, const char* unit, const char* ef, std::size_t line) {
    HeatFlow h;
    h.process_id = process;
    h.exported = exported;
    h.quantity = in(qty, unit, loc("heat.csv", line, 3, "quantity"));
    if (ef) h.emission_factor = in(ef, "tCO2/TJ", loc("heat.csv", line, 5, "emission_factor"));
    h.where = loc("heat.csv", line, 0, "");
    return h;
}

WasteGasFlow waste_gas(const std::string& process, bool exported, const char* volume, const char* vunit, const char* ncv,
                       const char* ncv_unit, std::size_t line) {
    WasteGasFlow w;
    w.process_id = process;
    w.exported = exported;
    w.amount = in(volume, vunit, loc("waste_gases.csv", line, 3, "volume"));
    w.ncv = in(ncv, ncv_unit, loc("waste_gases.csv", line, 5, "ncv"));
    w.where = loc("waste_gases.csv", line, 0, "");
    return w;
}

// One process P1 with every kind of flow, and a second process P2 whose flows must not leak into P1.
//
//   DirEm*        combustion 10 TJ × 56.1                                    = 561 tCO2
//   Em_H,imp      2 000 GJ = 2 TJ × 70 tCO2/TJ                               = 140
//   Em_H,exp      500 MWh = 1.8 TJ × 561/9 (no factor given)  = 1 009.8 / 9  = 112.2
//   WG_corr,imp   1 000 000 Nm3 × 3.2 GJ/1000Nm3 = 3.2 TJ × 56.1             = 179.52
//   WG_corr,exp   500 000 Nm3 × 3.2 MJ/Nm3 = 1.6 TJ × 56.1 = 89.76 × 0.667   = 59.86992
//   Em_el,prod    500 MWh × 0.6 tCO2/MWh                                     = 300
//   AttrEm_dir    561 + 140 − 112.2 + 179.52 − 59.86992 − 300                = 408.45008
//   Em_el,cons    1 200 MWh × 0.5 + 100 MWh × 0.474 = 600 + 47.4             = 647.4 = AttrEm_ind
InstallationBuilder full_installation() {
    InstallationBuilder b;
    b.process("P1", "Cement clinker", "10000", {"25231000"});
    b.process("P2", "Cement clinker", "5000", {"25231000"});
    SourceStream s;
    s.id = "NG-1";
    s.process_id = "P1";
    s.method = StreamMethod::Combustion;
    s.activity_data = in("10", "TJ", loc("source_streams.csv", 2, 5, "activity_data"));
    s.emission_factor = in("56.1", "tCO2/TJ", loc("source_streams.csv", 2, 9, "emission_factor"));
    b.inst.source_streams.push_back(s);

    b.inst.heat.push_back(heat("P1", false, "2000", "GJ", "70", 2));
    b.inst.heat.push_back(heat("P1", true, "500", "MWh", nullptr, 3));
    b.inst.heat.push_back(heat("P2", false, "1", "TJ", "100", 4));  // P2 only
    b.inst.waste_gases.push_back(waste_gas("P1", false, "1000000", "Nm3", "3.2", "GJ/1000Nm3", 2));
    b.inst.waste_gases.push_back(waste_gas("P1", true, "500000", "Nm3", "3.2", "MJ/Nm3", 3));
    b.electricity("P1", true, "500", "0.6");
    b.electricity("P1", false, "1200", "0.5");
    b.electricity("P1", false, "100", "0.474");
    b.electricity("P2", false, "999", "0.5");  // P2 only
    return b;
}

}  // namespace

TEST_CASE("attribution: every term of AttrEm_dir and AttrEm_ind", "[unit][attribution]") {
    InstallationBuilder b = full_installation();
    const ProductionProcess& p1 = b.inst.processes[0];
    AttributedEmissions a = attribute(b.inst, p1);

    CHECK_EXACT(a.direct.q.value_in(units::tCO2e()), D("408.45008"));
    CHECK_EXACT(a.indirect.q.value_in(units::tCO2e()), D("647.4"));

    // each term, as derived above
    const Traced* dir_em = operand(a.direct, "DirEm*");
    const Traced* h_imp = operand(a.direct, "Em_H,imp");
    const Traced* h_exp = operand(a.direct, "Em_H,exp");
    const Traced* w_imp = operand(a.direct, "WG_corr,imp");
    const Traced* w_exp = operand(a.direct, "WG_corr,exp");
    const Traced* e_prod = operand(a.direct, "Em_el,prod");
    REQUIRE(dir_em);
    REQUIRE(h_imp);
    REQUIRE(h_exp);
    REQUIRE(w_imp);
    REQUIRE(w_exp);
    REQUIRE(e_prod);
    CHECK_EXACT(dir_em->q.value_in(units::tCO2e()), D("561"));
    CHECK_EXACT(h_imp->q.value_in(units::tCO2e()), D("140"));
    CHECK_EXACT(h_exp->q.value_in(units::tCO2e()), D("112.2"));
    CHECK_EXACT(w_imp->q.value_in(units::tCO2e()), D("179.52"));
    CHECK_EXACT(w_exp->q.value_in(units::tCO2e()), D("59.86992"));
    CHECK_EXACT(e_prod->q.value_in(units::tCO2e()), D("300"));
    const Traced* e_cons = operand(a.indirect, "Em_el,cons");
    REQUIRE(e_cons);
    CHECK_EXACT(e_cons->q.value_in(units::tCO2e()), D("647.4"));
    REQUIRE(a.direct.step);
    CHECK_FALSE(a.direct.step->formula.empty());
}

TEST_CASE("attribution: heat without an emission factor uses 56.1 / 0.9 and says so", "[unit][attribution][heat]") {
    InstallationBuilder b = full_installation();
    AttributedEmissions a = attribute(b.inst, b.inst.processes[0]);
    const Traced* h_exp = operand(a.direct, "Em_H,exp");
    REQUIRE(h_exp);
    REQUIRE(h_exp->step->operands.size() == 1);  // one exported heat row
    const Traced& flow = h_exp->step->operands.front().second;
    // 500 MWh × 0.0036 = 1.8 TJ;  × 561/9 = 112.2 tCO2
    CHECK_EXACT(flow.q.value_in(units::tCO2e()), D("112.2"));
    const Traced* ef = operand(flow, "EF_H");
    REQUIRE(ef);
    // 56.1 / 0.9 = 561/9 = 62.333... tCO2/TJ, exactly
    CHECK_EXACT(ef->q.value_in(units::tCO2e_per_TJ()), Decimal::ratio(561, 9));
    CHECK_FALSE(ef->step->input);  // a constant of the methodology, not read from a file
    // the assumption is stated in the step's notes, with the row it concerns (heat.csv line 3)
    REQUIRE_FALSE(flow.step->notes.empty());
    CHECK_THAT(flow.step->notes.front(), Catch::Contains("56.1/0.9") && Catch::Contains("heat.csv:3"));

    // the imported heat had its factor: read from heat.csv line 2, no note
    const Traced* h_imp = operand(a.direct, "Em_H,imp");
    REQUIRE(h_imp);
    const Traced& imp = h_imp->step->operands.front().second;
    CHECK(imp.step->notes.empty());
    const Traced* ef_imp = operand(imp, "EF_H");
    REQUIRE(ef_imp);
    REQUIRE(ef_imp->step->input);
    CHECK(same_location(*ef_imp->step->input, loc("heat.csv", 2, 5, "emission_factor")));
}

TEST_CASE("attribution: waste gas import V × NCV × 56.1, export × 0.667", "[unit][attribution][waste_gas]") {
    InstallationBuilder b;
    b.process("BF", "Pig iron", "1000", {"72011011"});
    b.process("CP", "Crude steel", "1000", {"72061000"});
    // BF exports 2 000 000 Nm3 at 3.5 MJ/Nm3 = 7 TJ;  7 × 56.1 = 392.7;  × 0.667 = 261.9309 tCO2
    // CP imports the same gas: 7 TJ × 56.1 = 392.7 tCO2 (no efficiency correction)
    b.inst.waste_gases.push_back(waste_gas("BF", true, "2000000", "Nm3", "3.5", "MJ/Nm3", 2));
    b.inst.waste_gases.push_back(waste_gas("CP", false, "2000000", "Nm3", "3.5", "MJ/Nm3", 3));
    b.measured("BF", "2000");
    // BF: 2 000 − 261.9309 = 1 738.0691;  CP: 0 + 392.7 = 392.7
    AttributedEmissions bf = attribute(b.inst, b.inst.processes[0]);
    AttributedEmissions cp = attribute(b.inst, b.inst.processes[1]);
    CHECK_EXACT(bf.direct.q.value_in(units::tCO2e()), D("1738.0691"));
    CHECK_EXACT(cp.direct.q.value_in(units::tCO2e()), D("392.7"));
    // the correction factor is in the export's derivation
    const Traced* w_exp = operand(bf.direct, "WG_corr,exp");
    REQUIRE(w_exp);
    const Traced* corr = operand(w_exp->step->operands.front().second, "Corr_η");
    REQUIRE(corr);
    CHECK_EXACT(corr->value(), D("0.667"));
    // no indirect emissions without electricity consumed
    CHECK(bf.indirect.value().is_zero());
}

TEST_CASE("attribution: electricity produced is deducted from direct, consumed is indirect", "[unit][attribution][electricity]") {
    InstallationBuilder b;
    b.process("P", "Crude steel", "1000", {"72061000"});
    b.measured("P", "800");
    b.electricity("P", true, "1000", "0.35");   // 350 tCO2 deducted
    b.electricity("P", false, "2500", "0.52");  // 1 300 tCO2 indirect
    AttributedEmissions a = attribute(b.inst, b.inst.processes[0]);
    // 800 − 350 = 450
    CHECK_EXACT(a.direct.q.value_in(units::tCO2e()), D("450"));
    CHECK_EXACT(a.indirect.q.value_in(units::tCO2e()), D("1300"));
}

TEST_CASE("attribution: a process with sources only: terms without data are not listed", "[unit][attribution]") {
    InstallationBuilder b = full_installation();
    // P2: no source streams, heat import 1 TJ × 100 = 100 tCO2, electricity 999 MWh × 0.5 = 499.5 tCO2
    AttributedEmissions a = attribute(b.inst, b.inst.processes[1]);
    CHECK_EXACT(a.direct.q.value_in(units::tCO2e()), D("100"));
    CHECK_EXACT(a.indirect.q.value_in(units::tCO2e()), D("499.5"));
    CHECK(operand(a.direct, "DirEm*"));
    CHECK(operand(a.direct, "Em_H,imp"));
    CHECK_FALSE(operand(a.direct, "Em_H,exp"));
    CHECK_FALSE(operand(a.direct, "WG_corr,imp"));
    CHECK_FALSE(operand(a.direct, "Em_el,prod"));
}

TEST_CASE("attribution: DirEm* given for the process (the template's way) and waste gas given as an energy",
          "[unit][attribution][template]") {
    InstallationBuilder b;
    b.process("Kiln", "Cement clinker", "1000", {"25231000"});
    ProductionProcess& p = b.inst.processes[0];
    p.direct_emissions = in("850.5", "tCO2e", SourceLocation::in_sheet("t.xlsx", "D_Processes", "L54"));
    b.measured("Kiln", "20");  // a measured source on top: the two add up
    WasteGasFlow imp;
    imp.process_id = "Kiln";
    imp.amount = in("2", "TJ", SourceLocation::in_sheet("t.xlsx", "D_Processes", "L61"));
    imp.where = SourceLocation::in_sheet("t.xlsx", "D_Processes", "L61");
    WasteGasFlow exp = imp;
    exp.exported = true;
    exp.amount = in("1", "TJ", SourceLocation::in_sheet("t.xlsx", "D_Processes", "M61"));
    b.inst.waste_gases = {imp, exp};
    AttributedEmissions a = attribute(b.inst, p);
    // DirEm* = 850.5 + 20 = 870.5; WG_corr,imp = 2 TJ × 56.1 = 112.2; WG_corr,exp = 1 × 56.1 × 0.667 = 37.4187
    // AttrEm_dir = 870.5 + 112.2 − 37.4187 = 945.2813
    CHECK_EXACT(a.direct.q.value_in(units::tCO2e()), D("945.2813"));
    const Traced* dir_em = operand(a.direct, "DirEm*");
    REQUIRE(dir_em);
    CHECK_EXACT(dir_em->value(), D("870.5"));
    const Traced* given = operand(*dir_em, "given for the process");
    REQUIRE(given);
    REQUIRE(given->step->input);
    CHECK(given->step->input->to_string() == "t.xlsx:D_Processes!L54");
    const Traced* w_imp = operand(a.direct, "WG_corr,imp");
    REQUIRE(w_imp);
    const Traced* flow = operand(*w_imp, "waste gas, D_Processes!L61");  // the term is the sum of its flows
    REQUIRE(flow);
    CHECK(flow->step->formula == "E_WG × EF_NG");
    CHECK(operand(*flow, "E_WG"));
    CHECK_FALSE(operand(*flow, "NCV"));
}
