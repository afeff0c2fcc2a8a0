// End to end: an installation whose processes feed each other (a precursor loop), read from CSV
// files like a fixture's and run through the command line. A blast furnace (pig iron, CN 7201 10 11)
// charges some DRI of the plant's direct-reduction unit, which charges some of the blast furnace's
// pig iron; pig iron and DRI are each other's relevant precursors (IR 2023/1773 Annex II).
// Period 2025: transitional scope, total = direct + indirect.
//
//   BF   AL 1 000 t (processes.csv line 2): measured 1 500 tCO2; 100 MWh × 0.6 = 60 tCO2 indirect;
//        uses 100 t DRI from DRP (precursors.csv line 2)
//   DRP  AL   500 t (line 3): measured 300 tCO2; 500 MWh × 0.6 = 300 tCO2 indirect;
//        uses 50 t pig iron from BF (precursors.csv line 3)
// Direct, x = SEE_BF, y = SEE_DRP:   1 000 x − 100 y = 1 500;  500 y − 50 x = 300
//   y = 0.6 + 0.1 x;  1 000 x − 60 − 10 x = 1 500;  x = 1 560/990 = 52/33 = 1.575757… → 1.57576
//   y = 0.6 + 5.2/33 = 25/33 = 0.757575… → 0.75758
// Indirect:                           1 000 x' − 100 y' = 60;  500 y' − 50 x' = 300
//   y' = 0.6 + 0.1 x';  990 x' = 120;  x' = 4/33 = 0.121212… → 0.12121
//   y' = 0.6 + 0.4/33 = 20.2/33 = 101/165 = 0.612121… → 0.61212
//   check: 500 × 101/165 − 50 × 4/33 = (50 500 − 1 000)/165 = 300
// Totals: BF 52/33 + 4/33 = 56/33 = 1.696969… → 1.69697;  DRP 125/165 + 101/165 = 226/165 = 1.369696… → 1.36970
#include "calc/embedded_emissions.h"
#include "importers/installation_reader.h"
#include "support.h"

#include <catch2/catch.hpp>

namespace {

void write_loop_installation(const cbam::test::ScratchDir& dir) {
    dir.write("installation.csv",
              "installation_id,name,country,period_start,period_end\n"
              "XX-LOOP-001,Sample ironworks with a precursor loop (fictional),IN,2025-01-01,2025-12-31\n");
    dir.write("processes.csv",
              "process_id,aggregated_good,route,activity_level,activity_unit,cn_codes\n"
              "BF,Pig iron,blast furnace,1000,t,72011011\n"
              "DRP,DRI,gas-based direct reduction,500,t,72031000\n");
    dir.write("measurements.csv",
              "source_id,process_id,emissions,unit\n"
              "BF-STACK,BF,1500,tCO2\n"
              "DRP-STACK,DRP,300,tCO2\n");
    dir.write("electricity.csv",
              "process_id,direction,quantity,unit,emission_factor,ef_unit,source\n"
              "BF,consumed,100,MWh,0.6,tCO2/MWh,grid\n"
              "DRP,consumed,500,MWh,0.6,tCO2/MWh,grid\n");
    dir.write("precursors.csv",
              "process_id,precursor,mass,unit,from_process\n"
              "BF,DRI,100,t,DRP\n"
              "DRP,Pig iron,50,t,BF\n");
}

}  // namespace

TEST_CASE("precursor loop from CSV: cbam calc solves it and writes the rounded figures", "[e2e][loop][cli]") {
    cbam::test::ScratchDir dir;
    write_loop_installation(dir);
    auto r = cbam::test::run_cbam({"calc", dir.path(), "-o", dir.file("see.csv")});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    std::string csv = cbam::test::read_file(dir.file("see.csv"));
    CHECK(csv.find(",Pig iron,72011011,1.57576,0.12121,0.12121,1.69697,tCO2e/t,transitional") != std::string::npos);
    CHECK(csv.find(",DRI,72031000,0.75758,0.61212,0.61212,1.36970,tCO2e/t,transitional") != std::string::npos);
}

TEST_CASE("precursor loop from CSV: --explain shows the equations with their file locations", "[e2e][loop][cli]") {
    cbam::test::ScratchDir dir;
    write_loop_installation(dir);
    auto r = cbam::test::run_cbam({"calc", dir.path(), "--explain", "72031000"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("equation of BF: AL_BF × SEE_BF − M_BF←DRP × SEE_DRP = AttrEm_BF") != std::string::npos);
    CHECK(r.out.find("that is: 1000 × SEE_BF − 100 × SEE_DRP = 1500") != std::string::npos);
    CHECK(r.out.find("that is: 500 × SEE_DRP − 50 × SEE_BF = 300") != std::string::npos);   // direct
    CHECK(r.out.find("that is: 1000 × SEE_BF − 100 × SEE_DRP = 60") != std::string::npos);  // indirect
    CHECK(r.out.find("precursors.csv:2:3 (mass)") != std::string::npos);  // M_BF←DRP
    CHECK(r.out.find("precursors.csv:3:3 (mass)") != std::string::npos);  // M_DRP←BF
    CHECK(r.out.find("processes.csv:3:4 (activity_level)") != std::string::npos);
    CHECK(r.out.find("electricity.csv:3") != std::string::npos);
}

TEST_CASE("precursor loop from CSV: singular masses are refused, nothing is written", "[e2e][loop][cli]") {
    cbam::test::ScratchDir dir;
    write_loop_installation(dir);
    // each process now consumes its partner's whole output: 1 000 t of pig iron and 500 t of DRI
    dir.edit("precursors.csv", "BF,DRI,100,t,DRP", "BF,DRI,500,t,DRP");
    dir.edit("precursors.csv", "DRP,Pig iron,50,t,BF", "DRP,Pig iron,1000,t,BF");
    auto r = cbam::test::run_cbam({"calc", dir.path(), "-o", dir.file("see.csv")});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("precursor loop between processes BF, DRP") != std::string::npos);
    CHECK(r.err.find("singular") != std::string::npos);
    CHECK_FALSE(cbam::test::file_exists(dir.file("see.csv")));
}

TEST_CASE("precursor loop: the breakdown of pig iron's SEE adds up to the solved figures", "[e2e][loop][breakdown]") {
    // BF's own stack: 1 500 / 1 000 = 1.5; the DRI it charges: 100 t × 25/33 / 1 000 = 5/66;
    // 1.5 + 5/66 = 104/66 = 52/33, the solved direct SEE. Indirect: the electricity 60 / 1 000 = 0.06
    // and the DRI's 100 × 101/165 / 1 000 = 101/1 650; 0.06 + 101/1 650 = 200/1 650 = 4/33.
    cbam::test::ScratchDir dir;
    write_loop_installation(dir);
    cbam::Installation inst = cbam::read_installation(dir.path());
    cbam::CalcResult r = cbam::calculate(inst, cbam::Scope::Transitional);
    const cbam::GoodResult* pig = r.find("72011011");
    REQUIRE(pig);
    const auto& shares = pig->breakdown.shares;
    REQUIRE(shares.size() == 3);
    CHECK(shares[0].label == "BF-STACK");
    CHECK(shares[0].direct.value() == cbam::test::D("1.5"));
    CHECK(shares[1].kind == cbam::SeeShare::Kind::Electricity);
    CHECK(shares[1].indirect.value() == cbam::test::D("0.06"));
    CHECK(shares[2].from_process == "DRP");
    CHECK(shares[2].direct.value() == cbam::test::D(5, 66));
    CHECK(shares[2].indirect.value() == cbam::test::D(101, 1650));
    CHECK(pig->see_direct.value() == cbam::test::D(52, 33));
    CHECK(pig->see_indirect.value() == cbam::test::D(4, 33));
}
