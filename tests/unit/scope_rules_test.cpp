// Rules found in review of the fixtures: electricity is direct-only in both periods; an EU or
// exempt-origin supplier's default values are replaced by zero and so are not "used"; two PFC
// sources of one process stay apart in the derivation. Inputs are small CSV installations.
#include "calc/embedded_emissions.h"
#include "importers/installation_reader.h"
#include "support.h"

#include <catch2/catch.hpp>

using namespace cbam;
using cbam::test::D;

namespace {
const char* kInstallation =
    "installation_id,name,country,period_start,period_end\nX-1,Test installation (fictional),MA,2025-01-01,2025-12-31\n";
}

TEST_CASE("electricity as a good counts only direct emissions, also in the transitional scope", "[unit][scope]") {
    test::ScratchDir d;
    d.write("installation.csv", kInstallation);
    d.write("processes.csv", "process_id,aggregated_good,activity_level,activity_unit,cn_codes\nPOWER,Electricity,1000,MWh,27160000\n");
    // 500 t of gas with an emission factor already per tonne: 500 t x 1 tCO2/t = 500 tCO2
    d.write("source_streams.csv", "stream_id,process_id,method,activity_data,activity_unit,emission_factor,ef_unit\nG,POWER,process,500,t,1,tCO2/t\n");
    // own consumption bought from the grid: 100 MWh x 0.5 tCO2/MWh = 50 tCO2
    d.write("electricity.csv", "process_id,direction,quantity,unit,emission_factor,ef_unit,source\nPOWER,consumed,100,MWh,0.5,tCO2/MWh,grid\n");
    Installation inst = read_installation(d.path());
    for (Scope s : {Scope::Transitional, Scope::Definitive}) {
        CalcResult r = calculate(inst, s);
        const GoodResult* e = r.find("27160000");
        REQUIRE(e);
        CHECK(e->see_direct.value() == D("0.5"));       // 500 / 1000
        CHECK(e->see_indirect.value() == D("0.05"));    // 50 / 1000, shown but not counted
        CHECK(e->see_indirect_counted.value().is_zero());
        CHECK(e->see_total.value() == D("0.5"));
    }
}

TEST_CASE("default values of a supplier in an exempt origin are not used, so they do not flag the good", "[unit][scope]") {
    test::ScratchDir d;
    d.write("installation.csv", kInstallation);
    d.write("processes.csv", "process_id,aggregated_good,activity_level,activity_unit,cn_codes\nP,Aluminium products,100,t,76042100\n");
    d.write("suppliers.csv",
            "supplier_id,name,country,precursor,see_direct,see_indirect,see_unit,determination\n"
            "NO1,Nordic (fictional),NO,Unwrought aluminium,2,10,tCO2e/t,default\n"
            "CN1,Eastern (fictional),CN,Unwrought aluminium,3,12,tCO2e/t,default\n");
    SECTION("only the Norwegian supplier") {
        d.write("precursors.csv", "process_id,precursor,mass,unit,supplier_id\nP,Unwrought aluminium,110,t,NO1\n");
        Installation inst = read_installation(d.path());
        CalcResult r = calculate(inst, Scope::Transitional);
        CHECK(r.find("Aluminium products")->see_direct.value().is_zero());  // 110 t x 0 / 100 t
        CHECK_FALSE(r.find("Aluminium products")->uses_default_values);
    }
    SECTION("the Chinese supplier's defaults are used") {
        d.write("precursors.csv", "process_id,precursor,mass,unit,supplier_id\nP,Unwrought aluminium,50,t,NO1\nP,Unwrought aluminium,60,t,CN1\n");
        Installation inst = read_installation(d.path());
        CalcResult r = calculate(inst, Scope::Transitional);
        CHECK(r.find("Aluminium products")->see_direct.value() == D("1.8"));  // 60 t x 3 / 100 t
        CHECK(r.find("Aluminium products")->uses_default_values);
    }
}

TEST_CASE("two PFC sources of one process keep their own names in the derivation", "[unit][scope]") {
    test::ScratchDir d;
    d.write("installation.csv", kInstallation);
    d.write("processes.csv", "process_id,aggregated_good,activity_level,activity_unit,cn_codes\nSMELT,Unwrought aluminium,1000,t,76011000\n");
    d.write("pfc.csv",
            "process_id,method,technology,primary_aluminium_t,anode_effect_frequency,anode_effect_duration,anode_effect_overvoltage_mv,current_efficiency_pct\n"
            "SMELT,slope,CWPB,600,0.1,1,,\nSMELT,overvoltage,CWPB,400,,,1,95\n");
    Installation inst = read_installation(d.path());
    CalcResult r = calculate(inst, Scope::Transitional);
    const Step& dir_em = *r.process("SMELT")->attributed.direct.step->operands.at(0).second.step;
    REQUIRE(dir_em.operands.size() == 2);
    CHECK(dir_em.operands[0].first == "PFC, pfc.csv line 2");
    CHECK(dir_em.operands[1].first == "PFC, pfc.csv line 3");
}
