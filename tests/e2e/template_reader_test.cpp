// Reading a filled communication template into the installation model and computing its SEE
// (src/importers/template_installation_reader.h). The workbook is a copy of the Commission's blank
// template with the cells of tests/template_files.cpp set; every expected figure is derived here by
// hand from those cells, with the template's own formulas (D_Processes, InputOutput):
//
//   Kiln (P1, cement clinker): production (a) 1 000 t; DirEm* 900 tCO2e; heat exported 2 TJ at 60 tCO2/TJ
//     AttrEm_dir = 900 − 2 × 60 = 780              SEE_dir = 780 / 1 000 = 0.78
//     AttrEm_ind = 50 MWh × 0.5 = 25                SEE_ind = 25 / 1 000 = 0.025
//   Mill (P2, cement): production 2 000 t; DirEm* 10; waste gas imported 1 TJ × 56.1 = 56.1
//     precursors: 800 t clinker from the Kiln, 200 t bought (PP1: SEE_dir 0.9, 0.05 MWh/t × 0.6 = 0.03)
//     SEE_dir = (10 + 56.1 + 800 × 0.78 + 200 × 0.9) / 2 000 = (66.1 + 624 + 180) / 2 000 = 870.1 / 2 000 = 0.43505
//     SEE_ind = (100 × 0.5 + 800 × 0.025 + 200 × 0.03) / 2 000 = (50 + 20 + 6) / 2 000 = 76 / 2 000 = 0.038
#include "calc/embedded_emissions.h"
#include "importers/template_installation_reader.h"
#include "support.h"
#include "template_files.h"
#include "unit/exact.h"

#include <catch2/catch.hpp>

using namespace cbam;
using cbam::test::D;

namespace {

Decimal per_t(const Traced& t) { return t.q.value_in(units::tCO2e_per_t()); }

// The installation, or a failed test that lists every problem the reader found.
Installation read(const std::string& path) {
    try {
        return read_installation_template(path);
    } catch (const InputError& e) {
        FAIL(e.diagnostics().to_string());
    }
    return {};
}

}  // namespace

TEST_CASE("template reader: a filled template gives the installation and the SEE derived by hand", "[e2e][template]") {
    std::string bytes = test::filled_template(test::clinker_and_cement());
    if (bytes.empty()) {
        WARN("SKIPPED: the blank communication template is not in ../shared/templates (or $CBAM_TEMPLATE_DIR)");
        return;
    }
    test::ScratchDir dir;
    dir.write("works.xlsx", bytes);
    Installation inst = read(dir.file("works.xlsx"));

    CHECK(inst.name == "Test Clinker Works");
    CHECK(inst.id == "Test Clinker Works");
    CHECK(inst.country == "TW");  // "Taiwan" in the template's list of countries
    CHECK(inst.city == "Kaohsiung");
    CHECK(inst.unlocode == "TWKHH");
    CHECK(inst.period_start == "2024-01-01");
    CHECK(inst.period_end == "2024-12-31");

    REQUIRE(inst.processes.size() == 2);
    const ProductionProcess& kiln = inst.processes[0];
    const ProductionProcess& mill = inst.processes[1];
    CHECK(kiln.id == "Kiln");
    CHECK(kiln.aggregated_good == "Cement clinker");
    CHECK(kiln.route == "All production routes");
    CHECK_EXACT(kiln.activity_level.q.value_in(units::t()), D("1000"));
    CHECK(kiln.activity_level.where.to_string() == dir.file("works.xlsx") + ":D_Processes!L16 (process.production)");
    CHECK(kiln.cn_codes == std::vector<std::string>{"25231000"});
    REQUIRE(kiln.direct_emissions);
    CHECK(kiln.direct_emissions->where.place() == "D_Processes!L54");
    CHECK(mill.id == "Mill");
    CHECK(mill.aggregated_good == "Cement");
    CHECK(mill.cn_codes == std::vector<std::string>{"25232900"});

    // The flows, each from its cell: heat exported, waste gas in TJ, electricity with its source.
    REQUIRE(inst.heat.size() == 1);
    CHECK(inst.heat[0].exported);
    CHECK(inst.heat[0].where.place() == "D_Processes!M57");
    REQUIRE(inst.waste_gases.size() == 1);
    CHECK_FALSE(inst.waste_gases[0].ncv);
    CHECK(inst.waste_gases[0].process_id == "Mill");
    REQUIRE(inst.electricity.size() == 2);
    CHECK(inst.electricity[0].source == "grid");
    CHECK(inst.electricity[0].factor_source == "D.4(a)");
    REQUIRE(inst.precursors.size() == 2);
    CHECK(inst.precursors[0].process_id == "Mill");
    CHECK(inst.precursors[0].from_process == "Kiln");
    CHECK(inst.precursors[0].where.place() == "D_Processes!L32");
    CHECK(inst.precursors[1].supplier_id == "Slag clinker");
    REQUIRE(inst.suppliers.size() == 1);
    CHECK(inst.suppliers[0].country == "VN");
    CHECK_FALSE(inst.suppliers[0].default_values);
    CHECK(inst.suppliers[0].electricity_factor_source == "D.4(b)");

    CalcResult r = calculate(inst, Scope::Transitional);
    const ProcessResult* k = r.process("Kiln");
    const ProcessResult* m = r.process("Mill");
    REQUIRE(k);
    REQUIRE(m);
    CHECK_EXACT(per_t(k->see_direct), D("0.78"));
    CHECK_EXACT(per_t(k->see_indirect), D("0.025"));
    CHECK_EXACT(per_t(m->see_direct), D("0.43505"));
    CHECK_EXACT(per_t(m->see_indirect), D("0.038"));
    const GoodResult* cement = r.find("25232900");
    REQUIRE(cement);
    CHECK_EXACT(per_t(cement->see_total), D("0.47305"));  // transitional: 0.43505 + 0.038
    const GoodResult* clinker = r.find("25231000");
    REQUIRE(clinker);
    CHECK_EXACT(per_t(clinker->see_total), D("0.805"));
}

TEST_CASE("template reader: a process named by default, and a blank heat row, are read as the template reads them", "[e2e][template]") {
    auto cells = test::clinker_and_cement();
    // Without a name in L83 the template names P1 "P1 - Cement clinker" (A_InstData!T83); the product
    // row must then use that name.
    for (auto& c : cells) {
        if (c.ref == "A_InstData!L83") c.value = "";
        if (c.ref == "Summary_Products!D10") c.value = "P1 - Cement clinker";
    }
    std::erase_if(cells, [](const test::TemplateCell& c) { return c.ref == "A_InstData!L83"; });
    std::string bytes = test::filled_template(cells);
    if (bytes.empty()) {
        WARN("SKIPPED: the blank communication template is not available");
        return;
    }
    test::ScratchDir dir;
    dir.write("works.xlsx", bytes);
    Installation inst = read(dir.file("works.xlsx"));
    REQUIRE(inst.processes.size() == 2);
    CHECK(inst.processes[0].id == "P1 - Cement clinker");
    CHECK(inst.precursors[0].from_process == "P1 - Cement clinker");
}
