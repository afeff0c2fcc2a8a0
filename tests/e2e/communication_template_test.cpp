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
#include "io/xlsx.h"
#include "libreoffice.h"
#include "support.h"
#include "writers/communication_template.h"
#include "writers/rounding.h"
#include "xlsx_files.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>

using namespace cbam;

namespace {

// One product row of the recalculated Summary_Products (sheet row 10 to 109).
struct TemplateRow {
    std::size_t row = 0;
    std::string process, cn;
    std::string direct, indirect, total;  // as LibreOffice wrote them (up to 15 significant digits)
    std::string cn_name;                   // G: the template's name of the CN code
    std::string electricity;               // O: embedded electricity, MWh/t
};

std::vector<TemplateRow> summary_products(const std::string& csv) {
    std::vector<TemplateRow> rows;
    Diagnostics d;
    std::size_t row = 0;  // LibreOffice writes one record per sheet row (a record may span lines)
    read_csv(csv, CsvDialect::standard(), d, [&](CsvRecord& r) {
        ++row;
        // columns D (process), F (CN code), G (CN name), I, J, K (SEE direct, indirect, total),
        // O (embedded electricity): 0-based 3, 5, 6, 8, 9, 10, 14
        if (row < 10 || row > 109 || r.fields.size() < 15 || r.fields[3].empty()) return;
        rows.push_back({row, r.fields[3], r.fields[5], r.fields[8], r.fields[9], r.fields[10], r.fields[6], r.fields[14]});
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
    std::shared_ptr<test::ScratchDir> dir;  // the filled copy and LibreOffice's CSV of each recalculated sheet
    std::string stem;
    std::string sheet_csv(const std::string& sheet) const { return dir->file(stem + "-" + sheet + ".csv"); }
    std::string filled() const { return dir->file(stem + ".xlsx"); }
};

// Fills the template with `fixture`, recalculates it in LibreOffice, and checks every product row
// against cbam's SEE of its process. Returns both for the fixture's own checks.
// The cells of one row of a recalculated sheet (row 1 is the first record).
std::vector<std::string> sheet_row(const std::string& csv, std::size_t wanted) {
    std::vector<std::string> out;
    Diagnostics d;
    std::size_t row = 0;
    read_csv(csv, CsvDialect::standard(), d, [&](CsvRecord& r) {
        if (++row == wanted) out = r.fields;
    });
    REQUIRE(d.empty());
    return out;
}

// The number of the first row of a recalculated sheet whose cell in column `col` (0-based) is
// `value`; 0 when there is none.
std::size_t find_row(const std::string& csv, std::size_t col, const std::string& value) {
    Diagnostics d;
    std::size_t row = 0, found = 0;
    read_csv(csv, CsvDialect::standard(), d, [&](CsvRecord& r) {
        ++row;
        if (!found && r.fields.size() > col && r.fields[col] == value) found = row;
    });
    REQUIRE(d.empty());
    return found;
}

Checked fill_and_check(const std::string& fixture, Scope scope, const std::string& dir_path = {}) {
    Installation inst = read_installation(dir_path.empty() ? test::source_path("fixtures/" + fixture) : dir_path);
    Checked out{calculate(inst, scope), {}, {}, std::make_shared<test::ScratchDir>(), fixture};
    TemplateFill fill;
    try {
        fill = fill_communication_template(inst, out.result, test::official_template());
    } catch (const InputError& e) {
        FAIL(e.diagnostics().to_string());
    }
    out.notices = fill.notices;
    // every fixture's route that has a counterpart in the template names it (docs/communication-template.md, Routes)
    for (const auto& n : fill.notices) CHECK_THAT(n, !Catch::Contains("names none of the template's routes"));
    const test::ScratchDir& dir = *out.dir;
    dir.write(fixture + ".xlsx", fill.workbook);
    test::libreoffice_convert(dir.file(fixture + ".xlsx"), dir.path(), "csv");
    out.rows = summary_products(dir.file(fixture + "-Summary_Products.csv"));
    if (const char* keep = std::getenv("CBAM_TEST_KEEP"); keep && *keep) {  // for a look at the recalculated sheets
        for (const auto& n : fill.notices) std::cout << fixture << ": notice: " << n << "\n";
        std::filesystem::copy(dir.path(), std::string(keep) + "/" + fixture,
                              std::filesystem::copy_options::recursive | std::filesystem::copy_options::overwrite_existing);
    }

    // The installation's totals, as the template sums them from B_EmInst (or the manual totals cbam
    // entered where B_EmInst cannot state an emission): C_Emissions&Energy row 27, L (direct) and M
    // (indirect), against cbam's sum over the processes of their sources and electricity consumed.
    {
        Decimal direct, indirect;
        for (const auto& r : out.result.processes) {
            for (const AttributedTerm& t : r.attributed.direct_terms)
                if (t.source) direct += Decimal(t.sign) * t.value.value();
            indirect += r.attributed.indirect.value();
        }
        auto totals = sheet_row(dir.file(fixture + "-C_Emissions&Energy.csv"), 27);
        REQUIRE(totals.size() > 12);
        INFO(fixture << ": C_Emissions&Energy!L27 and M27");
        CHECK(rounded(totals[11]) == format_see(direct));
        CHECK(rounded(totals[12]) == format_see(indirect));
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
    // Difference 1 (docs/communication-template.md): the period ends in 2026, so cbam's total of
    // screws (Annex II) is direct only, 3 295.3232 / 1 200 = 2.746102666… -> 2.74610; the template's
    // total is direct + indirect: + 1 356.9 / 1 200 = 1.13075 -> 3.87685.
    const GoodResult* screws = c.result.find("73182200");
    REQUIRE(screws);
    CHECK(format_see(screws->see_total.value()) == "2.74610");
    REQUIRE(c.rows.size() == 2);
    CHECK(rounded(c.rows[1].total) == "3.87685");
    CHECK(rounded(c.rows[1].total) != format_see(screws->see_total.value()));

    // Difference 3: the template has no cell for a purchased precursor's SEE (indirect). cbam enters
    // WR-TW's 0.35 tCO2e/t as 0.35 MWh/t (E_PurchPrec L50) at 1 tCO2/MWh (L51); the template's own
    // L52 = L50 × L51 gives back 0.35.
    CHECK(sheet_row(c.sheet_csv("E_PurchPrec"), 50).at(11) == "0.35");
    CHECK(sheet_row(c.sheet_csv("E_PurchPrec"), 51).at(11) == "1");
    CHECK(sheet_row(c.sheet_csv("E_PurchPrec"), 52).at(11) == "0.35");
    // ... so the template's embedded electricity of the screws (Summary_Products O) counts those
    // MWh/t: (1 850 + 800 × 0.35 + 500 × 0.40) / 1 200 = 2 330 / 1 200 = 1.941666… MWh/t, where the
    // installation's own electricity alone is 1 850 / 1 200 = 1.541666… MWh/t.
    for (const TemplateRow& row : c.rows) CHECK(rounded(row.electricity) == format_see(test::D(2330, 1200)));

    // Difference 9: CN 7318 15 90 is not in the template's list (CN 2024 splits 7318 15 into
    // 7318 15 20 … 95): no name, the same SEE as the screws' other code, and a note.
    CHECK(c.rows[0].cn == "73181590");
    CHECK(c.rows[0].cn_name == "#N/A");
    CHECK(c.rows[1].cn == "73182200");
    CHECK(c.rows[1].cn_name != "#N/A");
    CHECK(c.rows[0].direct == c.rows[1].direct);
    CHECK(c.rows[0].indirect == c.rows[1].indirect);
    bool noted = false;
    for (const auto& n : c.notices) noted = noted || n.find("CN 73181590 (process FASTENERS) is not in the template's list") != std::string::npos;
    CHECK(noted);
}

TEST_CASE("template cross-check: a purchased precursor of unknown origin", "[e2e][template][libreoffice]") {
    CBAM_REQUIRE_TEMPLATE_CHECK();
    // fastener-tw with the Chinese wire rod's country "unknown" (suppliers.csv allows it): the
    // template's country of production (A_InstData F103) stays empty, the user is told to fill it,
    // and the figures are unchanged, since the supplier still gives them:
    //   direct (800 × 2.10 + 500 × 2.50 + 365.3232) / 1 200 = 3 295.3232 / 1 200 = 2.746102666… -> 2.74610
    //   indirect (800 × 0.35 + 500 × 0.40 + 1 850 × 0.474) / 1 200 = 1 356.9 / 1 200 = 1.13075
    test::ScratchDir dir;
    dir.copy_from("fixtures/fastener-tw");
    dir.edit("suppliers.csv", "(fictional),CN,", "(fictional),unknown,");
    Checked c = fill_and_check("fastener-unknown-origin", Scope::Definitive, dir.path());
    REQUIRE(c.rows.size() == 2);
    for (const TemplateRow& row : c.rows) {
        CHECK(rounded(row.direct) == "2.74610");
        CHECK(rounded(row.indirect) == "1.13075");
    }
    bool told = false;
    for (const auto& n : c.notices)
        told = told || (n.find("WR-CN") != std::string::npos && n.find("country of production is not known") != std::string::npos &&
                        n.find("A_InstData!F103") != std::string::npos);
    CHECK(told);
}

TEST_CASE("template cross-check: grid electricity at the Commission's factor is D.4(a)", "[e2e][template][libreoffice]") {
    CBAM_REQUIRE_TEMPLATE_CHECK();
    // fastener-tw without a grid factor of its own (definitive period): calc takes the Commission's
    // factor for Taiwan, 0.561 tCO2/MWh (IR (EU) 2025/2621 Annex II, cn_codes/electricity_grid_emission_factors.csv),
    // and the template is told the factor's source is D.4(a), "EF based on IEA data, provided by the
    // European Commission".
    //   indirect (800 × 0.35 + 500 × 0.40 + 1 850 × 0.561) / 1 200 = 1 517.85 / 1 200 = 1.264875 -> 1.26488
    //   direct unchanged: 2.74610
    test::ScratchDir dir;
    dir.copy_from("fixtures/fastener-tw");
    dir.edit("electricity.csv", "0.474,tCO2/MWh,grid,\"Taiwan grid emission factor 2024 (Energy Administration, MOEA), 0.474 kgCO2/kWh\"", ",,grid,");
    Checked c = fill_and_check("fastener-commission-factor", Scope::Definitive, dir.path());
    REQUIRE(c.rows.size() == 2);
    for (const TemplateRow& row : c.rows) {
        CHECK(rounded(row.direct) == "2.74610");
        CHECK(rounded(row.indirect) == "1.26488");
        CHECK(row.indirect == "1.264875");
    }
    const xlsx::Workbook filled = xlsx::Workbook::open(c.filled());
    const xlsx::Sheet& d = filled.sheet("D_Processes");
    REQUIRE(d.at("L65"));
    CHECK(d.at("L65")->number() == test::D("1850"));
    CHECK(d.at("L66")->number() == test::D("0.561"));
    CHECK(d.at("L67")->value == "D.4(a)");
    for (const auto& n : c.notices) CHECK_THAT(n, !Catch::Contains("D.4(b)"));
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
    // Difference 7: Summary_Processes (b) ii. "Rest" (row 85, K) is the installation's direct total
    // (from B_EmInst) minus the processes' direct emissions. The steam bought from the industrial
    // park is attributed to the ammonia plant (60 TJ × 56.1 / 0.9 = 3 740 tCO2) but emitted outside
    // the installation: Rest = −3 740, not an error.
    CHECK(sheet_row(c.sheet_csv("Summary_Processes"), 85).at(10) == "-3740");
    // Difference 8: ammonia's SEE (direct) is 347 621 / 200 000 = 1.738105 (tests/e2e/fertiliser_eg_test.cpp),
    // exactly halfway between two 5-decimal values. LibreOffice writes it as that decimal, so it
    // rounds as cbam's does, half away from zero, to 1.73811.
    bool seen = false;
    for (const TemplateRow& row : c.rows)
        if (row.cn == "28141000") {
            seen = true;
            CHECK(row.direct == "1.738105");
            CHECK(rounded(row.direct) == "1.73811");
            CHECK(row.total == "1.788485");  // 1.738105 + 0.05038, again a tie
            CHECK(rounded(row.total) == "1.78849");
        }
    CHECK(seen);
}

TEST_CASE("template cross-check: aluminium-smelter, PFC and an exempt origin", "[e2e][template][libreoffice]") {
    CBAM_REQUIRE_TEMPLATE_CHECK();
    Checked c = fill_and_check("aluminium-smelter", Scope::Definitive);
    check_cn_rows(c);
    // Difference 4: the Norwegian billets count as zero in cbam; the template does not know the rule,
    // so their SEE were entered as 0 (and the user is told).
    bool told = false;
    for (const auto& n : c.notices) told = told || (n.find("AL-NO") != std::string::npos && n.find("counts as zero") != std::string::npos);
    CHECK(told);
    // Its block of E_PurchPrec (found by the template's own name for it in column R, "PurchPrecDef_AL-NO"):
    // SEE (direct) 0 in L, specific electricity 0 MWh/t on the next row, whatever Norway communicated
    // (1.45 and 0.02); the template's SEE (indirect) L = 0 × 1 = 0, three rows down.
    const std::string e = c.sheet_csv("E_PurchPrec");
    const std::size_t r = find_row(e, 17, "PurchPrecDef_AL-NO");
    REQUIRE(r > 0);
    CHECK(sheet_row(e, r).at(11) == "0");
    CHECK(sheet_row(e, r + 1).at(11) == "0");
    CHECK(sheet_row(e, r + 3).at(11) == "0");
    // while the Chinese billets keep their figures
    const std::size_t cn = find_row(e, 17, "PurchPrecDef_AL-CN");
    REQUIRE(cn > 0);
    CHECK(sheet_row(e, cn).at(11) == "1.92");
    CHECK(sheet_row(e, cn + 3).at(11) == "12.7");
}

TEST_CASE("template cross-check: hydrogen-plant, two routes of one good, exported waste gas and electricity", "[e2e][template][libreoffice]") {
    CBAM_REQUIRE_TEMPLATE_CHECK();
    Checked c = fill_and_check("hydrogen-plant", Scope::Transitional);
    // Difference 2: one CN code, two processes. The template has a row per process; cbam's figure
    // for the CN code is their production-weighted average. Computed here from the template's own
    // rows and the activity levels of processes.csv (SMR 30 000 t, ELY 2 000 t):
    //   direct (30 000 × 6.724819895 + 2 000 × 0) / 32 000 = 6.3045186… -> 6.30452
    REQUIRE(c.rows.size() == 2);
    std::map<std::string, Decimal> al{{"SMR", Decimal(30000)}, {"ELY", Decimal(2000)}};
    Decimal direct, indirect;
    for (const TemplateRow& row : c.rows) {
        CHECK(row.cn == "28041000");
        direct += al.at(row.process) * *Decimal::parse(row.direct);
        indirect += al.at(row.process) * *Decimal::parse(row.indirect);
    }
    const GoodResult* h2 = c.result.find("28041000");
    REQUIRE(h2);
    CHECK(h2->process_ids.size() == 2);
    CHECK(format_see(direct / Decimal(32000)) == format_see(h2->see_direct.value()));
    CHECK(format_see(indirect / Decimal(32000)) == format_see(h2->see_indirect.value()));
    CHECK(format_see(h2->see_direct.value()) == "6.30452");
    // Difference 7: the tail gas sent out of the installation (15 000 000 Nm3 × 9.5 MJ/Nm3 = 142.5 TJ,
    // × 56.1 × 0.667 = 5 332.16475 tCO2, tests/e2e/hydrogen_plant_test.cpp) is deducted from the SMR
    // process but was emitted by the installation: Summary_Processes Rest (row 85, K) = +5 332.16475.
    CHECK(sheet_row(c.sheet_csv("Summary_Processes"), 85).at(10) == "5332.16475");
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

namespace {

// The filled copy, read back through the xlsx reader (no LibreOffice needed).
struct Filled {
    TemplateFill fill;
    std::unique_ptr<xlsx::Workbook> wb;
    const xlsx::Cell* at(const std::string& sheet, const char* a1) const { return wb->sheet(sheet).at(a1); }
    std::string text(const std::string& sheet, const char* a1) const {
        const xlsx::Cell* c = at(sheet, a1);
        return c ? c->value : std::string("(empty)");
    }
    Decimal number(const std::string& sheet, const char* a1) const {
        const xlsx::Cell* c = at(sheet, a1);
        INFO(sheet << "!" << a1);
        REQUIRE(c);
        REQUIRE(c->number());
        return *c->number();
    }
};

Filled fill_dir(const std::string& dir) {
    Installation inst = read_installation(dir);
    CalcResult r = calculate(inst, Scope::Transitional);
    Filled f;
    f.fill = fill_communication_template(inst, r, test::official_template());
    f.wb = std::make_unique<xlsx::Workbook>(xlsx::Workbook::from_bytes(f.fill.workbook, "filled.xlsx"));
    return f;
}

}  // namespace

TEST_CASE("template fill: the cells written for the hydrogen plant, read back", "[e2e][template]") {
    if (test::official_template().empty()) {
        std::cout << "SKIPPED: the blank communication template is not in ../shared/templates" << std::endl;
        return;
    }
    // Expected values from fixtures/hydrogen-plant by hand; cells from templates/communication-20241213.csv
    // (D_Processes block n starts at row 11 + 65 (n − 1): SMR rows 11-75, ELY rows 76-140).
    Filled f = fill_dir(test::source_path("fixtures/hydrogen-plant"));
    const std::string A = "A_InstData", D = "D_Processes", B = "B_EmInst", S = "Summary_Products";
    CHECK(f.number(A, "I9") == Decimal(45658));  // 2025-01-01: 45 658 days after 1899-12-30
    CHECK(f.number(A, "L9") == Decimal(46022));  // 2025-12-31
    CHECK(f.text(A, "I20") == "Jubail Sample Hydrogen Works (fictional)");
    CHECK(f.text(A, "I26") == "Saudi Arabia");
    CHECK(f.text(A, "E62") == "Hydrogen");
    CHECK(f.text(A, "I62") == "Steam reforming and partial oxidation");
    CHECK(f.text(A, "J62") == "Electrolysis of water");
    CHECK(f.text(A, "E83") == "Hydrogen");
    CHECK(f.text(A, "F83") == "Only direct production");
    CHECK(f.text(A, "L83") == "SMR");
    CHECK(f.text(A, "L84") == "ELY");
    // SMR: 30 000 t on its route's row (route 1: L16), all for the market
    CHECK(f.number(D, "L16") == Decimal(30000));
    CHECK(f.number(D, "L27") == Decimal(30000));
    // DirEm*: 72 000 × 0.73 × 3.664 − 12 000 × 0.4288 × 3.664 + 18 000 × 48 / 1 000 × 56.1
    //       = 192 579.84 − 18 853.4784 + 48 470.4 = 222 196.7616
    CHECK(f.number(D, "L54") == test::D("222196.7616"));
    CHECK(f.text(D, "M61") == "142.5");  // tail gas exported: 15 000 000 Nm3 × 9.5 MJ/Nm3 = 142.5 TJ
    CHECK((f.at(D, "L61") == nullptr || f.at(D, "L61")->blank()));
    CHECK(f.number(D, "L65") == Decimal(24000));
    CHECK(f.number(D, "L66") == test::D("0.42"));
    CHECK(f.text(D, "L67") == "D.4.1");  // own production, not cogeneration
    CHECK(f.number(D, "L71") == Decimal(36000));  // produced within the process, deducted at 0.42
    CHECK(f.number(D, "L72") == test::D("0.42"));
    CHECK(f.text(D, "K50") == "0");  // no heat
    CHECK(f.text(D, "L50") == "1");  // waste gas
    // ELY: route 2 (L82), electricity from three sources: 12 000 + 98 000 + 4 000 = 114 000 MWh,
    // (12 000 × 0.42 + 98 000 × 0 + 4 000 × 0.567) / 114 000 = 7 308 / 114 000, to 17 digits
    CHECK(f.number(D, "L82") == Decimal(2000));
    CHECK(f.number(D, "L130") == Decimal(114000));
    CHECK(f.text(D, "L131") == "0.064105263157894737");
    CHECK(f.text(D, "L132") == "Mix");
    CHECK(f.number(D, "L119") == Decimal(0));  // DirEm* of the electrolyser
    // products
    CHECK(f.text(S, "D10") == "SMR");
    CHECK(f.text(S, "F10") == "28041000");
    CHECK(f.text(S, "D11") == "ELY");
    CHECK(f.text(S, "F11") == "28041000");
    CHECK((f.at(S, "D12") == nullptr || f.at(S, "D12")->blank()));
    // source streams: mass balance in and out, combustion with its NCV in GJ/t and OF in %
    CHECK(f.text(B, "D17") == "Mass Balance");
    CHECK(f.text(B, "E17") == "NG-FEED");
    CHECK(f.number(B, "F17") == Decimal(72000));
    CHECK(f.text(B, "G17") == "t");
    CHECK(f.number(B, "L17") == test::D("0.73"));
    CHECK(f.number(B, "F18") == Decimal(-12000));  // output: negative
    CHECK(f.text(B, "D19") == "Combustion");
    CHECK(f.number(B, "H19") == Decimal(48));
    CHECK(f.number(B, "J19") == test::D("56.1"));
    CHECK(f.text(B, "K19") == "tCO2/TJ");
    CHECK(f.number(B, "N19") == Decimal(100));
    CHECK((f.at(B, "D20") == nullptr || f.at(B, "D20")->blank()));
    // the installation's indirect emissions: 24 000 × 0.42 + 7 308 = 17 388
    CHECK(f.number("C_Emissions&Energy", "M26") == Decimal(17388));
    // the workbook asks for a full recalculation
    CHECK(f.wb->part("xl/workbook.xml").find("fullCalcOnLoad=\"1\"") != std::string::npos);
}

TEST_CASE("template fill: a route naming none of the template's is entered as unknown, with a note", "[e2e][template]") {
    if (test::official_template().empty()) {
        std::cout << "SKIPPED: the blank communication template is not in ../shared/templates" << std::endl;
        return;
    }
    test::ScratchDir dir;
    dir.copy_from("fixtures/hydrogen-plant");
    dir.edit("processes.csv", "\"Electrolysis of water: alkaline cells\"", "alkaline water electrolysis");
    Filled f = fill_dir(dir.path());
    // Hydrogen's routes: 1 steam reforming, 2 electrolysis, 3 chlor-alkali, 4 other, 5 unknown:
    // ELY's 2 000 t go to route 5, row 76 + 5 + 4 = 85
    CHECK(f.text("A_InstData", "J62") == "Unknown production routes");
    CHECK(f.number("D_Processes", "L85") == Decimal(2000));
    CHECK((f.at("D_Processes", "L82") == nullptr || f.at("D_Processes", "L82")->blank()));
    bool noted = false;
    for (const auto& n : f.fill.notices)
        noted = noted || (n.find("process ELY") != std::string::npos && n.find("\"alkaline water electrolysis\"") != std::string::npos &&
                          n.find("Unknown production routes") != std::string::npos);
    CHECK(noted);
}

namespace {

// Every occurrence of an element `<name ...>...</name>` or `<name .../>` in `xml`, in order.
std::vector<std::string> elements(const std::string& xml, const std::string& name) {
    std::vector<std::string> out;
    const std::string open = "<" + name, close = "</" + name + ">";
    for (std::size_t at = xml.find(open); at != std::string::npos; at = xml.find(open, at + 1)) {
        const char next = at + open.size() < xml.size() ? xml[at + open.size()] : '\0';
        if (next != ' ' && next != '>' && next != '/') continue;  // <f but not <fonts
        std::size_t gt = xml.find('>', at);
        std::size_t end = xml[gt - 1] == '/' ? gt + 1 : xml.find(close, gt) + close.size();
        out.push_back(xml.substr(at, end - at));
    }
    return out;
}

// The style of every cell the sheet stores: cell reference -> its s attribute ("" for none).
std::map<std::string, std::string> cell_styles(const std::string& xml) {
    std::map<std::string, std::string> out;
    for (std::size_t at = xml.find("<c "); at != std::string::npos; at = xml.find("<c ", at + 1)) {
        std::string tag = xml.substr(at, xml.find('>', at) - at);
        auto attr = [&](const char* n) {
            std::string key = std::string(" ") + n + "=\"";
            auto p = tag.find(key);
            if (p == std::string::npos) return std::string();
            p += key.size();
            return tag.substr(p, tag.find('"', p) - p);
        };
        out[attr("r")] = attr("s");
    }
    return out;
}

}  // namespace

TEST_CASE("template fill: every formula, style, validation, defined name and hidden sheet of the blank is kept", "[e2e][template]") {
    if (test::official_template().empty()) {
        std::cout << "SKIPPED: the blank communication template is not in ../shared/templates" << std::endl;
        return;
    }
    const std::string blank_bytes = test::read_file(test::official_template());
    const xlsx::Workbook blank = xlsx::Workbook::from_bytes(blank_bytes, "blank.xlsx");
    const test::Parts before = test::unzip_parts(blank_bytes);
    // The sheets cbam writes to (docs/communication-template.md, "Cells written"); every other part
    // of the archive must come out byte for byte.
    std::map<std::string, std::string> input_sheets;
    for (const char* s : {"A_InstData", "B_EmInst", "C_Emissions&Energy", "D_Processes", "E_PurchPrec", "Summary_Products"})
        input_sheets[blank.sheet_part(s)] = s;

    for (const char* fixture : {"fastener-tw", "cement-vn", "fertiliser-eg", "aluminium-smelter", "hydrogen-plant", "power-plant"}) {
        INFO("fixture " << fixture);
        Filled f = fill_dir(test::source_path(std::string("fixtures/") + fixture));
        const test::Parts after = test::unzip_parts(f.fill.workbook);
        REQUIRE(after.size() == before.size());
        std::size_t changed = 0;
        for (std::size_t i = 0; i < before.size(); ++i) {
            const auto& [name, old_xml] = before[i];
            const std::string& new_xml = after[i].second;
            INFO("part " << name);
            REQUIRE(after[i].first == name);  // the same parts in the same order
            if (old_xml == new_xml) continue;
            ++changed;
            if (name == "xl/workbook.xml") {
                // defined names and the sheets with their hidden/veryHidden states untouched;
                // a full recalculation asked for
                CHECK(elements(new_xml, "definedNames") == elements(old_xml, "definedNames"));
                CHECK(elements(new_xml, "sheets") == elements(old_xml, "sheets"));
                CHECK(elements(new_xml, "workbookProtection") == elements(old_xml, "workbookProtection"));
                CHECK(new_xml.find("fullCalcOnLoad=\"1\"") != std::string::npos);
                continue;
            }
            REQUIRE(input_sheets.count(name));  // only the input sheets change
            // every formula (shared formulas and array formulas included) as it was
            CHECK_FALSE(elements(old_xml, "f").empty());
            CHECK(elements(new_xml, "f") == elements(old_xml, "f"));
            for (const char* block : {"dataValidations", "conditionalFormatting", "sheetProtection", "mergeCells", "cols", "sheetPr",
                                      "sheetViews", "pageSetup", "extLst"})
                CHECK(elements(new_xml, block) == elements(old_xml, block));
            // every cell the blank stores keeps its style; the filled copy only adds cells
            auto old_styles = cell_styles(old_xml), new_styles = cell_styles(new_xml);
            std::size_t kept = 0;
            for (const auto& [ref, style] : old_styles) {
                auto it = new_styles.find(ref);
                kept += it != new_styles.end() && it->second == style;
            }
            CHECK(kept == old_styles.size());
        }
        CHECK(changed >= 4);  // workbook.xml and at least A_InstData, D_Processes, Summary_Products
    }
    // the fills above read the blank; it is as it was
    CHECK(test::read_file(test::official_template()) == blank_bytes);
}
