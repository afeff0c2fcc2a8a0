// A filled communication template that cbam's own code did not make, read and checked exactly.
//
// The workbook is the Commission's blank template with its input cells set by editing the sheets'
// XML here, string by string (not through io/xlsx_edit.h, which fills templates for cbam), and then,
// where LibreOffice is installed, recalculated and saved by LibreOffice: a workbook written by
// another program, whose Summary sheets hold the results the template's own formulas computed.
// The installation is an aluminium works (not one of the fixtures), its SEE derived by hand below
// with the template's method (D_Processes (g)-(j), E_PurchPrec (e), Summary_Products I-K = the
// InputOutput sheet's solution; every indirect emission counts, as in the transitional period):
//
//   P1 Smelter (Unwrought aluminium, primary smelting): production (a) 500 t, route row 1 (L16);
//      100 t to market, 400 t consumed in P2 (L32: the first process other than P1)
//      DirEm* 850 tCO2e; heat imported 3 TJ at 62.3 tCO2/TJ = 186.9 tCO2e
//      AttrEm_dir = 850 + 186.9 = 1 036.9            SEE_dir = 1 036.9 / 500 = 2.0738
//      electricity 7 500 MWh × 0.502 tCO2/MWh = 3 765   SEE_ind = 3 765 / 500 = 7.53
//      SEE_tot = 2.0738 + 7.53 = 9.6038
//   PP1 Bought billets (Unwrought aluminium from CN, secondary melting, route row 2: L18): 60 t,
//      all consumed in P2 (L29); SEE_dir 1.7 (Measured); 14.5 MWh/t × 0.58 tCO2/MWh = 8.41 indirect
//   P2 Extrusion (Aluminium products): production 400 t, all to market; DirEm* 27 tCO2e;
//      electricity 900 MWh × 0.502 = 451.8
//      SEE_dir = (27 + 400 × 2.0738 + 60 × 1.7) / 400 = (27 + 829.52 + 102) / 400 = 958.52 / 400 = 2.3963
//      SEE_ind = (451.8 + 400 × 7.53 + 60 × 8.41) / 400 = (451.8 + 3 012 + 504.6) / 400 = 3 968.4 / 400 = 9.921
//      SEE_tot = 2.3963 + 9.921 = 12.3173
// LibreOffice 7.4, recalculating this workbook, shows exactly these six figures in Summary_Products.
// LibreOffice also saves a TRUE or FALSE typed into a cell as the formula TRUE() or FALSE(): the
// reader takes that as the value typed in (K115 is written that way in the first test too).
#include "calc/embedded_emissions.h"
#include "importers/template_installation_reader.h"
#include "importers/template_supplier_reader.h"
#include "libreoffice.h"
#include "support.h"
#include "unit/exact.h"
#include "xlsx_files.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <stdexcept>

using namespace cbam;
using cbam::test::D;

namespace {

struct Typed {
    const char* ref;   // "D_Processes!L54"
    char kind;         // 'n' number, 's' text, 'b' boolean (0/1) as Excel saves it, 'B' as LibreOffice does (=TRUE())
    const char* value;
};

// The input cells, as a person would type them. Dates are Excel serial numbers: 45292 is
// 2024-01-01, 45657 is 2024-12-31.
const std::vector<Typed> kAluminiumWorks = {
    {"A_InstData!I9", 'n', "45292"}, {"A_InstData!L9", 'n', "45657"},
    {"A_InstData!I20", 's', "Hsinchu Aluminium Works"}, {"A_InstData!I25", 's', "Hsinchu"}, {"A_InstData!I26", 's', "Taiwan"},
    {"A_InstData!E62", 's', "Unwrought aluminium"}, {"A_InstData!I62", 's', "Primary (electrolytic) smelting"},
    {"A_InstData!E63", 's', "Aluminium products"},
    {"A_InstData!E83", 's', "Unwrought aluminium"}, {"A_InstData!F83", 's', "Only direct production"}, {"A_InstData!L83", 's', "Smelter"},
    {"A_InstData!E84", 's', "Aluminium products"}, {"A_InstData!F84", 's', "Only direct production"}, {"A_InstData!L84", 's', "Extrusion"},
    {"A_InstData!E102", 's', "Unwrought aluminium"}, {"A_InstData!F102", 's', "CN"},
    {"A_InstData!G102", 's', "Secondary melting (recycling)"}, {"A_InstData!L102", 's', "Bought billets"},
    // P1 Smelter (block from row 11)
    {"D_Processes!L16", 'n', "500"}, {"D_Processes!L27", 'n', "100"}, {"D_Processes!L32", 'n', "400"}, {"D_Processes!L41", 'n', "0"},
    {"D_Processes!K50", 'b', "1"}, {"D_Processes!L50", 'b', "0"}, {"D_Processes!L54", 'n', "850"},
    {"D_Processes!L57", 'n', "3"}, {"D_Processes!M57", 'n', "0"}, {"D_Processes!L58", 'n', "62.3"}, {"D_Processes!M58", 'n', "0"},
    {"D_Processes!L61", 'n', "0"}, {"D_Processes!M61", 'n', "0"},
    {"D_Processes!L65", 'n', "7500"}, {"D_Processes!L66", 'n', "0.502"}, {"D_Processes!L67", 's', "D.4(b)"}, {"D_Processes!L71", 'n', "0"},
    // P2 Extrusion (block from row 76)
    {"D_Processes!L81", 'n', "400"}, {"D_Processes!L92", 'n', "400"}, {"D_Processes!L106", 'n', "0"},
    {"D_Processes!K115", 'B', "0"}, {"D_Processes!L115", 'b', "0"}, {"D_Processes!L119", 'n', "27"},
    {"D_Processes!L122", 'n', "0"}, {"D_Processes!M122", 'n', "0"}, {"D_Processes!L123", 'n', "0"}, {"D_Processes!M123", 'n', "0"},
    {"D_Processes!L126", 'n', "0"}, {"D_Processes!M126", 'n', "0"},
    {"D_Processes!L130", 'n', "900"}, {"D_Processes!L131", 'n', "0.502"}, {"D_Processes!L132", 's', "D.4(b)"}, {"D_Processes!L136", 'n', "0"},
    // PP1 (block from row 14)
    {"E_PurchPrec!L18", 'n', "60"}, {"E_PurchPrec!L29", 'n', "60"}, {"E_PurchPrec!L38", 'n', "0"},
    {"E_PurchPrec!L49", 'n', "1.7"}, {"E_PurchPrec!M49", 's', "Measured"},
    {"E_PurchPrec!L50", 'n', "14.5"}, {"E_PurchPrec!M50", 's', "Measured"},
    {"E_PurchPrec!L51", 'n', "0.58"}, {"E_PurchPrec!M51", 's', "D.4(b)"},
    {"Summary_Products!D10", 's', "Smelter"}, {"Summary_Products!F10", 's', "76011010"}, {"Summary_Products!H10", 's', "Ingots"},
    {"Summary_Products!D11", 's', "Extrusion"}, {"Summary_Products!F11", 's', "76042100"}, {"Summary_Products!H11", 's', "Hollow profiles"},
};

std::string xml_escape(const std::string& s) {
    std::string out;
    for (char c : s) out += c == '&' ? "&amp;" : c == '<' ? "&lt;" : std::string(1, c);
    return out;
}

// The archive path of sheet `name`, from xl/workbook.xml and its relationships.
std::string sheet_part(const test::Parts& parts, const std::string& name) {
    auto find = [&](const std::string& path) -> const std::string& {
        for (const auto& [p, bytes] : parts)
            if (p == path) return bytes;
        throw std::runtime_error("no part " + path);
    };
    const std::string& wb = find("xl/workbook.xml");
    const std::string& rels = find("xl/_rels/workbook.xml.rels");
    auto at = wb.find("name=\"" + xml_escape(name) + "\"");
    if (at == std::string::npos) throw std::runtime_error("no sheet " + name);
    auto id_at = wb.find("r:id=\"", at) + 6;
    std::string id = wb.substr(id_at, wb.find('"', id_at) - id_at);
    auto rel = rels.find("Id=\"" + id + "\"");
    auto start = rels.rfind("<Relationship", rel);
    auto target_at = rels.find("Target=\"", start) + 8;
    return "xl/" + rels.substr(target_at, rels.find('"', target_at) - target_at);
}

// The blank template with `cells` typed in: each cell element of the sheet XML replaced, keeping
// its style (the blank stores every input cell, styled and empty).
std::string typed_in(const std::vector<Typed>& cells) {
    test::Parts parts = test::unzip_parts(test::read_file(test::official_template()));
    for (const Typed& t : cells) {
        std::string ref = t.ref;
        std::string sheet = ref.substr(0, ref.find('!')), a1 = ref.substr(ref.find('!') + 1);
        std::string part = sheet_part(parts, sheet);
        for (auto& [p, xml] : parts) {
            if (p != part) continue;
            auto begin = xml.find("<c r=\"" + a1 + "\"");
            if (begin == std::string::npos) throw std::runtime_error("the blank does not store " + ref);
            auto open_end = xml.find('>', begin);
            bool empty = xml[open_end - 1] == '/';
            auto end = empty ? open_end + 1 : xml.find("</c>", begin) + 4;
            std::string open = xml.substr(begin, open_end - begin - (empty ? 1 : 0));
            std::string style;
            if (auto s = open.find(" s=\""); s != std::string::npos) style = open.substr(s, open.find('"', s + 4) + 1 - s);
            std::string cell = "<c r=\"" + a1 + "\"" + style;
            if (t.kind == 'n') cell += "><v>" + std::string(t.value) + "</v></c>";
            else if (t.kind == 'b') cell += " t=\"b\"><v>" + std::string(t.value) + "</v></c>";
            else if (t.kind == 'B') cell += " t=\"b\"><f>" + std::string(t.value[0] == '1' ? "TRUE()" : "FALSE()") + "</f><v>" + t.value + "</v></c>";
            else cell += " t=\"inlineStr\"><is><t>" + xml_escape(t.value) + "</t></is></c>";
            xml = xml.substr(0, begin) + cell + xml.substr(end);
        }
    }
    return test::zip_parts(parts);
}

Decimal per_t(const Traced& t) { return t.q.value_in(units::tCO2e_per_t()); }

void check_hand_derivation(const std::string& path) {
    Installation inst;
    try {
        inst = read_installation_template(path);
    } catch (const InputError& e) {
        FAIL(e.diagnostics().to_string());
    }
    CHECK(inst.name == "Hsinchu Aluminium Works");
    CHECK(inst.country == "TW");
    REQUIRE(inst.processes.size() == 2);
    CHECK(inst.processes[0].route == "Primary (electrolytic) smelting");
    REQUIRE(inst.suppliers.size() == 1);
    CHECK(inst.suppliers[0].country == "CN");
    CalcResult r = calculate(inst, Scope::Transitional);
    const ProcessResult* smelter = r.process("Smelter");
    const ProcessResult* extrusion = r.process("Extrusion");
    REQUIRE(smelter);
    REQUIRE(extrusion);
    CHECK_EXACT(per_t(smelter->see_direct), D("2.0738"));
    CHECK_EXACT(per_t(smelter->see_indirect), D("7.53"));
    CHECK_EXACT(per_t(extrusion->see_direct), D("2.3963"));
    CHECK_EXACT(per_t(extrusion->see_indirect), D("9.921"));
    const GoodResult* profiles = r.find("76042100");
    REQUIRE(profiles);
    CHECK_EXACT(per_t(profiles->see_total), D("12.3173"));
}

}  // namespace

TEST_CASE("independent template: a workbook typed in through its sheet XML gives the SEE derived by hand", "[e2e][template]") {
    if (test::official_template().empty()) {
        WARN("SKIPPED: the blank communication template is not in ../shared/templates (or $CBAM_TEMPLATE_DIR)");
        return;
    }
    test::ScratchDir dir;
    dir.write("hsinchu.xlsx", typed_in(kAluminiumWorks));
    check_hand_derivation(dir.file("hsinchu.xlsx"));
    // Never recalculated: the Summary sheets hold the blank's results, nothing to compare.
    auto r = test::run_cbam({"check-template", dir.file("hsinchu.xlsx")});
    CHECK(r.exit_code == 4);
}

TEST_CASE("independent template: saved by LibreOffice, read and checked figure by figure against its own results", "[e2e][template][libreoffice]") {
    CBAM_REQUIRE_TEMPLATE_CHECK();
    test::ScratchDir dir;
    dir.write("typed/hsinchu.xlsx", typed_in(kAluminiumWorks));
    test::libreoffice_convert(dir.file("typed/hsinchu.xlsx"), dir.path(), "xlsx");
    const std::string saved = dir.file("hsinchu.xlsx");

    // LibreOffice's workbook (its own shared strings, styles and cached results) reads the same.
    check_hand_derivation(saved);

    // The template's own results, as LibreOffice computed and saved them, agree with cbam's.
    auto r = test::run_cbam({"check-template", saved, "-o", dir.file("figures.csv")});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("last saved by LibreOffice"));
    CHECK_THAT(r.err, Catch::Contains("all 12 figures agree within 0.000005"));
    std::string csv = test::read_file(dir.file("figures.csv"));
    // workbook and cbam, each the hand-derived figure to 5 decimals
    CHECK_THAT(csv, Catch::Contains("SEE direct,Summary_Products!I10,2.07380,2.07380,"));
    CHECK_THAT(csv, Catch::Contains("SEE indirect,Summary_Products!J10,7.53000,7.53000,"));
    CHECK_THAT(csv, Catch::Contains("SEE total,Summary_Products!K10,9.60380,9.60380,"));
    CHECK_THAT(csv, Catch::Contains("SEE direct,Summary_Products!I11,2.39630,2.39630,"));
    CHECK_THAT(csv, Catch::Contains("SEE indirect,Summary_Products!J11,9.92100,9.92100,"));
    CHECK_THAT(csv, Catch::Contains("SEE total,Summary_Communication!K27,12.31730,12.31730,"));
    // The template's own flags, raised by LibreOffice's recalculation and reported (they do not
    // change the exit code): once a block is used, the template wants every row of it filled, so
    // it flags the Smelter's other route rows (L17:L19, Unwrought aluminium has four routes) and
    // PP1's row for P1 (L28), left blank here, which both it and cbam count as 0.
    CHECK_THAT(r.out, Catch::Contains("hsinchu.xlsx:D_Processes!V17: ErrMiss_1"));
    CHECK_THAT(r.out, Catch::Contains("hsinchu.xlsx:D_Processes!V19: ErrMiss_1"));
    CHECK_THAT(r.out, Catch::Contains("hsinchu.xlsx:E_PurchPrec!V28: ErrMiss_1"));

    // The same workbook as a supplier's communication: the figures of Summary_Communication.
    SupplierData data;
    Diagnostics diags;
    read_supplier_template(saved, data, diags);
    INFO(diags.to_string());
    REQUIRE(diags.empty());
    auto it = data.find({"hsinchu", "76042100"});
    REQUIRE(it != data.end());
    CHECK_EXACT(it->second.see_direct, D("2.3963"));
    CHECK_EXACT(it->second.see_indirect, D("9.921"));
}
