// The Commission's communication template as an independent check of cbam's calculation.
//
// For every installation fixture: cbam fills a copy of the blank official template with the
// installation's data, LibreOffice recalculates the template's own formulas (its hidden InputOutput
// sheet: SEE = (I − A)⁻¹ · ae per production process, in binary floating point), and the SEE the
// template shows on Summary_Products (direct I, indirect J, total K, one row per process and CN
// code) must equal cbam's when both are rounded to 5 decimals. The expected values are therefore
// not cbam's own: they are what the Commission's workbook computes from the cells cbam wrote.
//
// Where the two methods really differ, the difference is asserted here and explained in
// docs/communication-template.md:
//   - the template's total is always direct + indirect (its transitional-period switch is hard-wired):
//     in the definitive scope cbam's total of an Annex II good counts no indirect emissions of its own;
//   - the template gives each (process, CN code) row its process's SEE: a CN code made by several
//     processes has one row per process, and cbam's figure for that CN code is their
//     production-weighted average.
//
// Needs LibreOffice (soffice) and the blank template in ../shared/templates; without them each case
// prints "SKIPPED: why" (ctest reports it as skipped).
#include "calc/embedded_emissions.h"
#include "importers/installation_reader.h"
#include "io/csv_reader.h"
#include "libreoffice.h"
#include "support.h"
#include "writers/communication_template.h"
#include "writers/rounding.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>

using namespace cbam;

namespace {

// One product row of the recalculated Summary_Products (sheet row 10 to 109).
struct TemplateRow {
    std::size_t row = 0;
    std::string process, cn;
    std::string direct, indirect, total;  // as LibreOffice wrote them (up to 15 significant digits)
};

std::vector<TemplateRow> summary_products(const std::string& csv) {
    std::vector<TemplateRow> rows;
    Diagnostics d;
    std::size_t row = 0;  // LibreOffice writes one record per sheet row (a record may span lines)
    read_csv(csv, CsvDialect::standard(), d, [&](CsvRecord& r) {
        ++row;
        // columns D (process), F (CN code), I, J, K (SEE direct, indirect, total): 0-based 3, 5, 8, 9, 10
        if (row < 10 || row > 109 || r.fields.size() < 11 || r.fields[3].empty()) return;
        rows.push_back({row, r.fields[3], r.fields[5], r.fields[8], r.fields[9], r.fields[10]});
    });
    INFO(d.to_string());
    REQUIRE(d.empty());
    return rows;
}

// A figure LibreOffice wrote, rounded like cbam's output (5 decimals, half away from zero).
std::string rounded(const std::string& text) {
    auto d = Decimal::parse(text);
    INFO("template value: \"" << text << "\"");
    REQUIRE(d);
    return format_see(*d);
}

struct Checked {
    CalcResult result;
    std::vector<TemplateRow> rows;
    std::vector<std::string> notices;
};

// Fills the template with `fixture`, recalculates it in LibreOffice, and checks every product row
// against cbam's SEE of its process. Returns both for the fixture's own checks.
Checked fill_and_check(const std::string& fixture, Scope scope, const std::string& dir_path = {}) {
    Installation inst = read_installation(dir_path.empty() ? test::source_path("fixtures/" + fixture) : dir_path);
    Checked out{calculate(inst, scope), {}, {}};
    TemplateFill fill;
    try {
        fill = fill_communication_template(inst, out.result, test::official_template());
    } catch (const InputError& e) {
        FAIL(e.diagnostics().to_string());
    }
    out.notices = fill.notices;
    test::ScratchDir dir;
    dir.write(fixture + ".xlsx", fill.workbook);
    test::libreoffice_convert(dir.file(fixture + ".xlsx"), dir.path(), "csv");
    out.rows = summary_products(dir.file(fixture + "-Summary_Products.csv"));
    if (const char* keep = std::getenv("CBAM_TEST_KEEP"); keep && *keep) {  // for a look at the recalculated sheets
        for (const auto& n : fill.notices) std::cout << fixture << ": notice: " << n << "\n";
        std::filesystem::copy(dir.path(), std::string(keep) + "/" + fixture,
                              std::filesystem::copy_options::recursive | std::filesystem::copy_options::overwrite_existing);
    }

    std::size_t expected_rows = 0;
    for (const auto& p : inst.processes) expected_rows += p.cn_codes.size();
    REQUIRE(out.rows.size() == expected_rows);
    for (const TemplateRow& row : out.rows) {
        INFO(fixture << ": Summary_Products row " << row.row << ", process " << row.process << ", CN " << row.cn);
        const ProcessResult* p = out.result.process(row.process);
        REQUIRE(p);
        CHECK(rounded(row.direct) == format_see(p->see_direct.value()));
        CHECK(rounded(row.indirect) == format_see(p->see_indirect.value()));
        // the template's total is direct + indirect, whatever the period
        CHECK(rounded(row.total) == format_see(p->see_direct.value() + p->see_indirect.value()));
    }
    return out;
}

// cbam's figure of a CN code made by one process is that process's row of the template.
void check_cn_rows(const Checked& c) {
    for (const TemplateRow& row : c.rows) {
        const GoodResult* g = c.result.find(row.cn);
        REQUIRE(g);
        if (g->process_ids.size() != 1) continue;  // several processes: see the hydrogen plant's test
        INFO("CN " << row.cn);
        CHECK(rounded(row.direct) == format_see(g->see_direct.value()));
        CHECK(rounded(row.indirect) == format_see(g->see_indirect.value()));
    }
}

}  // namespace

TEST_CASE("template cross-check: fastener-tw, purchased wire rod from two suppliers", "[e2e][template][libreoffice]") {
    CBAM_REQUIRE_TEMPLATE_CHECK();
    Checked c = fill_and_check("fastener-tw", Scope::Definitive);
    check_cn_rows(c);
}

TEST_CASE("template cross-check: cement-vn, own and purchased clinker", "[e2e][template][libreoffice]") {
    CBAM_REQUIRE_TEMPLATE_CHECK();
    Checked c = fill_and_check("cement-vn", Scope::Transitional);
    check_cn_rows(c);
}

TEST_CASE("template cross-check: fertiliser-eg, heat between processes, N2O, two own precursors", "[e2e][template][libreoffice]") {
    CBAM_REQUIRE_TEMPLATE_CHECK();
    Checked c = fill_and_check("fertiliser-eg", Scope::Definitive);
    check_cn_rows(c);
}

TEST_CASE("template cross-check: aluminium-smelter, PFC and an exempt origin", "[e2e][template][libreoffice]") {
    CBAM_REQUIRE_TEMPLATE_CHECK();
    Checked c = fill_and_check("aluminium-smelter", Scope::Definitive);
    check_cn_rows(c);
}

TEST_CASE("template cross-check: hydrogen-plant, two routes of one good, exported waste gas and electricity", "[e2e][template][libreoffice]") {
    CBAM_REQUIRE_TEMPLATE_CHECK();
    Checked c = fill_and_check("hydrogen-plant", Scope::Transitional);
}

TEST_CASE("template cross-check: power-plant, electricity and exported heat", "[e2e][template][libreoffice]") {
    CBAM_REQUIRE_TEMPLATE_CHECK();
    Checked c = fill_and_check("power-plant", Scope::Definitive);
    check_cn_rows(c);
}

namespace {

// A precursor loop (tests/unit/embedded_emissions_test.cpp derives the same figures): the blast
// furnace BF-A charges DRI from DR, DR charges pig iron from a second furnace BF-B, BF-B charges
// pig iron from BF-A and sintered ore bought from Brazil; a rolling mill takes pig iron from BF-A.
// Unknowns a, d, b: the SEE of BF-A, DR, BF-B.
//   direct:   1 000 a − 100 d = 1 800;  500 d − 50 b = 250;  200 b − 20 a = 100 + 100 × 0.2
//             → a = 1 856/999, d = 578/999, b = 785/999
//   indirect: 1 000 a − 100 d = 100;  500 d − 50 b = 500;  200 b − 20 a = 20 + 100 × 0.05
//             → a = 805/3 996, d = 2 027/1 998, b = 145/999
//   ROLL: direct (50 + 500 × 1 856/999) / 1 000 = 19 559/19 980; indirect 500 × 805/3 996 / 1 000 = 805/7 992
void write_loop_installation(const test::ScratchDir& dir) {
    dir.write("installation.csv",
              "installation_id,name,country,city,period_start,period_end\n"
              "XX-LOOP-003,Sample ironworks with a precursor loop (fictional),IN,Vizag,2025-01-01,2025-12-31\n");
    dir.write("processes.csv",
              "process_id,aggregated_good,route,activity_level,activity_unit,cn_codes\n"
              "ROLL,Iron or steel products,hot rolling,1000,t,72139110\n"
              "BF-A,Pig iron,Blast furnace route,1000,t,72011011\n"
              "DR,DRI,gas-based shaft furnace,500,t,72031000\n"
              "BF-B,Pig iron,Blast furnace route,200,t,72012000\n");
    dir.write("measurements.csv",
              "source_id,process_id,emissions,unit\n"
              "ROLL-STACK,ROLL,50,tCO2\nBFA-STACK,BF-A,1800,tCO2\nDR-STACK,DR,250,tCO2\nBFB-STACK,BF-B,100,tCO2\n");
    dir.write("electricity.csv",
              "process_id,direction,quantity,unit,emission_factor,ef_unit,source\n"
              "BF-A,consumed,200,MWh,0.5,tCO2/MWh,grid\nDR,consumed,1000,MWh,0.5,tCO2/MWh,grid\nBF-B,consumed,40,MWh,0.5,tCO2/MWh,grid\n");
    dir.write("suppliers.csv",
              "supplier_id,name,country,precursor,see_direct,see_indirect,see_unit,determination\n"
              "S-ORE,Sample pellet plant (fictional),BR,Sintered ore,0.2,0.05,tCO2e/t,actual\n");
    dir.write("precursors.csv",
              "process_id,precursor,mass,unit,from_process,supplier_id\n"
              "ROLL,Pig iron,500,t,BF-A,\nBF-A,DRI,100,t,DR,\nDR,Pig iron,50,t,BF-B,\nBF-B,Pig iron,20,t,BF-A,\nBF-B,Sintered ore,100,t,,S-ORE\n");
}

}  // namespace

TEST_CASE("template cross-check: a precursor loop of three processes, solved by the template's own matrix inverse",
          "[e2e][template][libreoffice][loop]") {
    CBAM_REQUIRE_TEMPLATE_CHECK();
    test::ScratchDir dir;
    write_loop_installation(dir);
    Checked c = fill_and_check("loop", Scope::Transitional, dir.path());
    check_cn_rows(c);
    // and both agree with the hand solution above
    const std::map<std::string, std::pair<Decimal, Decimal>> hand{
        {"BF-A", {Decimal::ratio(1856, 999), Decimal::ratio(805, 3996)}},
        {"DR", {Decimal::ratio(578, 999), Decimal::ratio(2027, 1998)}},
        {"BF-B", {Decimal::ratio(785, 999), Decimal::ratio(145, 999)}},
        {"ROLL", {Decimal::ratio(19559, 19980), Decimal::ratio(805, 7992)}},
    };
    REQUIRE(c.rows.size() == 4);
    for (const TemplateRow& row : c.rows) {
        INFO("process " << row.process);
        const auto& [direct, indirect] = hand.at(row.process);
        CHECK(rounded(row.direct) == format_see(direct));
        CHECK(rounded(row.indirect) == format_see(indirect));
    }
}
