// The command line with communication templates: cbam calc and explain on FILE.xlsx, check-template,
// a supplier's template in a report's suppliers/ folder, and nothing written on bad input. The
// workbook is the hand-checked example (tests/template_files.cpp): kiln 0.78 / 0.025, mill
// 0.43505 / 0.038 (derived step by step in tests/e2e/template_reader_test.cpp).
#include "html/page_figures.h"
#include "support.h"
#include "template_files.h"

#include <catch2/catch.hpp>

#include <array>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

using namespace cbam;

namespace {

// The example with its results cached in the summary sheets, as Excel would have saved them.
std::string recalculated(const char* mill_direct = "0.43505") {
    std::string b = test::filled_template(test::clinker_and_cement());
    if (b.empty()) return b;
    const std::array<std::array<const char*, 3>, 2> values = {{{"0.78", "0.025", "0.805"}, {mill_direct, "0.038", "0.47305"}}};
    const char* cols[] = {"I", "J", "K"};
    for (int row = 0; row < 2; ++row)
        for (int i = 0; i < 3; ++i) {
            b = test::with_cached(b, std::string("Summary_Products!") + cols[i] + std::to_string(10 + row), values[row][i]);
            b = test::with_cached(b, std::string("Summary_Communication!") + cols[i] + std::to_string(26 + row), values[row][i]);
        }
    return b;
}

#define SKIP_WITHOUT_TEMPLATE()                                                        \
    if (test::official_template().empty()) {                                           \
        WARN("SKIPPED: the blank communication template is not available");           \
        return;                                                                        \
    }

}  // namespace

TEST_CASE("cli: cbam calc and explain read a filled template", "[e2e][template][cli]") {
    SKIP_WITHOUT_TEMPLATE();
    test::ScratchDir dir;
    dir.write("works.xlsx", test::filled_template(test::clinker_and_cement()));
    auto r = test::run_cbam({"calc", dir.file("works.xlsx"), "-o", dir.file("see.csv")});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::string csv = test::read_file(dir.file("see.csv"));
    CHECK_THAT(csv, Catch::Contains("25231000,0.78000,0.02500,"));
    CHECK_THAT(csv, Catch::Contains("25232900,0.43505,0.03800,"));

    auto e = test::run_cbam({"explain", dir.file("works.xlsx"), "25232900"});
    REQUIRE(e.exit_code == 0);
    CHECK_THAT(e.out, Catch::Contains("works.xlsx:D_Processes!L119"));  // DirEm* of the mill, with its cell
    CHECK_THAT(e.out, Catch::Contains("works.xlsx:E_PurchPrec!L50"));   // the bought clinker's electricity

    // The audit bundle keeps the workbook, and rerun reproduces the outputs.
    auto a = test::run_cbam({"calc", dir.file("works.xlsx"), "--audit", dir.file("audit")});
    REQUIRE(a.exit_code == 0);
    CHECK(test::file_exists(dir.file("audit/inputs/works.xlsx")));
    auto rerun = test::run_cbam({"rerun", dir.file("audit")});
    INFO(rerun.out << rerun.err);
    CHECK(rerun.exit_code == 0);
}

TEST_CASE("cli: a bad template is refused with its cells and nothing is written", "[e2e][template][cli][bad-input]") {
    SKIP_WITHOUT_TEMPLATE();
    test::ScratchDir dir;
    auto cells = test::clinker_and_cement();
    cells.push_back(test::txt("D_Processes!L54", "nine hundred"));
    cells.push_back(test::txt("Summary_Products!D12", "Grinder"));
    dir.write("bad.xlsx", test::filled_template(cells));
    auto r = test::run_cbam({"calc", dir.file("bad.xlsx"), "-o", dir.file("see.csv")});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("bad.xlsx:D_Processes!L54 (process.direct_emissions): P1: expected a number, found the text \"nine hundred\""));
    CHECK_THAT(r.err, Catch::Contains("bad.xlsx:Summary_Products!D12 (product.process): product row 3: the process \"Grinder\" is not defined"));
    CHECK_FALSE(test::file_exists(dir.file("see.csv")));
    // An .xls saved under another name, and a CSV file given where a workbook or folder is expected.
    dir.write("old.xlsx", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + std::string(600, '\0'));
    auto x = test::run_cbam({"calc", dir.file("old.xlsx"), "-o", dir.file("see.csv")});
    CHECK(x.exit_code == 1);
    CHECK_THAT(x.err, Catch::Contains("old.xlsx: this is an Excel 97-2003 workbook (.xls"));
    CHECK_FALSE(test::file_exists(dir.file("see.csv")));
}

TEST_CASE("cli: cbam check-template exits 0 only when every figure agrees", "[e2e][template][cli][check]") {
    SKIP_WITHOUT_TEMPLATE();
    test::ScratchDir dir;
    dir.write("good.xlsx", recalculated());
    auto ok = test::run_cbam({"check-template", dir.file("good.xlsx"), "-o", dir.file("figures.csv")});
    INFO(ok.out << ok.err);
    CHECK(ok.exit_code == 0);
    CHECK_THAT(ok.out, Catch::Contains("SEE direct    Summary_Products!I11"));
    CHECK_THAT(ok.err, Catch::Contains("all 12 figures agree within 0.000005"));
    CHECK_THAT(test::read_file(dir.file("figures.csv")), Catch::Contains("2,\"CN 25232900 \"\"Portland cement\"\", process \"\"Mill\"\"\",SEE direct,"
                                                                         "Summary_Products!I11,0.43505,0.43505,0.000000,yes"));

    // The mill's direct SEE off by 0.0001 in the workbook: reported with cbam's derivation.
    dir.write("off.xlsx", recalculated("0.43515"));
    auto off = test::run_cbam({"check-template", dir.file("off.xlsx")});
    CHECK(off.exit_code == 4);
    CHECK_THAT(off.out, Catch::Contains("workbook      0.43515  cbam   0.43505  difference  0.000100  DIFFERS"));
    CHECK_THAT(off.out, Catch::Contains("(AttrEm + EEInpMat) / AL"));
    CHECK_THAT(off.err, Catch::Contains("2 of 12 figures do not agree"));

    // Never recalculated: nothing to compare.
    dir.write("raw.xlsx", test::filled_template(test::clinker_and_cement()));
    auto raw = test::run_cbam({"check-template", dir.file("raw.xlsx")});
    CHECK(raw.exit_code == 4);
    CHECK_THAT(raw.err, Catch::Contains("the workbook holds no computed results"));
}

TEST_CASE("cli: cbam report takes a supplier's filled template from suppliers/", "[e2e][template][cli][supplier]") {
    SKIP_WITHOUT_TEMPLATE();
    test::ScratchDir dir;
    dir.copy_from("fixtures/importer-nl");
    // The example's summary as Excel would hold it (installation, the mill's cement row).
    std::string b = recalculated();
    for (auto [ref, v, text] : std::vector<std::tuple<const char*, const char*, bool>>{
             {"Summary_Communication!G12", "Test Clinker Works", true}, {"Summary_Communication!G16", "TW", true},
             {"Summary_Communication!G15", "Kaohsiung", true}, {"Summary_Communication!G20", "45292", false},
             {"Summary_Communication!G21", "45657", false}, {"Summary_Communication!D27", "Mill", true},
             {"Summary_Communication!F27", "25232900", true}, {"Summary_Communication!L27", "tCO2e/t", true},
             {"Summary_Communication!M27", "0", false}, {"Summary_Communication!N27", "D.4(a)", true},
             {"Summary_Communication!O27", "0.075", false}, {"Summary_Communication!P27", "0.50666666666666671", false}})
        b = test::with_cached(b, ref, v, false, text);
    dir.write("suppliers/TW-KHH-CLK-01.xlsx", b);
    // 40 t of Portland cement from that installation, released in the quarter.
    std::string customs = test::read_file(dir.file("customs.csv"));
    customs += "24NL00000000000099,1,2024-05-02,25232900,TW,40000,kg,,,40,,NL800000001,EU,TW-KHH-CLK-01,,,,,,,Portland cement\n";
    dir.write("customs.csv", customs);
    auto r = test::run_cbam({"report", dir.path(), "--period", "2024Q2", "-o", dir.file("r.xml")});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    std::string xml = test::read_file(dir.file("r.xml"));
    CHECK_THAT(xml, Catch::Contains("<InstallationId>TW-KHH-CLK-01</InstallationId>"));
    CHECK_THAT(xml, Catch::Contains("<InstallationName>Test Clinker Works</InstallationName>"));
    CHECK_THAT(xml, Catch::Contains("<SpecificEmbeddedEmissions>0.4350500</SpecificEmbeddedEmissions>"));
}

TEST_CASE("cli: cbam check-template --html: every figure of the page is the one of the CSV of the same run", "[e2e][template][cli][html]") {
    SKIP_WITHOUT_TEMPLATE();
    test::ScratchDir dir;
    // The mill's direct SEE off by 0.0001 in the workbook (0.43515 against the hand-derived 0.43505).
    dir.write("off.xlsx", recalculated("0.43515"));
    auto r = test::run_cbam({"check-template", dir.file("off.xlsx"), "-o", dir.file("figures.csv"), "--html", dir.file("p.html"), "--lang", "zh-TW"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 4);
    std::string html = test::read_file(dir.file("p.html"));
    CHECK(html.find("<html lang=\"zh-TW\">") != std::string::npos);
    CHECK_THAT(html, Catch::Contains("12 個數字中有 2 個"));
    std::map<std::string, std::map<std::string, std::string>> csv;
    for (const auto& row : test::csv_rows(test::read_file(dir.file("figures.csv")))) csv[row.at("row") + "|" + row.at("cell")] = row;
    REQUIRE(csv.size() == 12);
    auto figures = test::page_figures(html);
    // 12 figures, each with the workbook's value, cbam's and their difference.
    REQUIRE(figures.size() == 36);
    std::set<std::string> seen;
    for (const auto& f : figures) {
        INFO(f.row << " " << f.col);
        REQUIRE(csv.count(f.row));
        CHECK(csv.at(f.row).at(f.col) == f.value);
        CHECK(test::page_has_id(html, f.link));
        seen.insert(f.row);
    }
    CHECK(seen.size() == 12);
    // The figure that differs, as derived by hand: workbook 0.43515, cbam 0.43505, difference 0.0001.
    CHECK(csv.at("2|Summary_Products!I11").at("workbook") == "0.43515");
    CHECK(csv.at("2|Summary_Products!I11").at("cbam") == "0.43505");
    CHECK(csv.at("2|Summary_Products!I11").at("difference") == "0.000100");
    CHECK(csv.at("2|Summary_Products!I11").at("agrees") == "no");

    // A workbook that cannot be read: neither the CSV nor the page is written.
    dir.write("bad.xlsx", "not a zip");
    auto bad = test::run_cbam({"check-template", dir.file("bad.xlsx"), "-o", dir.file("bad.csv"), "--html", dir.file("bad.html")});
    CHECK(bad.exit_code == 1);
    CHECK_FALSE(std::filesystem::exists(dir.file("bad.csv")));
    CHECK_FALSE(std::filesystem::exists(dir.file("bad.html")));
}

TEST_CASE("cli: cbam declare takes a supplier's filled template from suppliers/", "[e2e][template][cli][supplier]") {
    SKIP_WITHOUT_TEMPLATE();
    test::ScratchDir dir;
    dir.copy_from("fixtures/warehouse-de");
    std::string b = recalculated();
    for (auto [ref, v, text] : std::vector<std::tuple<const char*, const char*, bool>>{
             {"Summary_Communication!G12", "Test Clinker Works", true}, {"Summary_Communication!G16", "TW", true},
             {"Summary_Communication!G15", "Kaohsiung", true}, {"Summary_Communication!G20", "45292", false},
             {"Summary_Communication!G21", "45657", false}, {"Summary_Communication!D27", "Mill", true},
             {"Summary_Communication!F27", "25232900", true}, {"Summary_Communication!L27", "tCO2e/t", true}})
        b = test::with_cached(b, ref, v, false, text);
    dir.write("suppliers/TW-KHH-CLK-01.xlsx", b);
    std::string customs = test::read_file(dir.file("customs.csv"));
    customs += "26DE00000000000199,1,2026-03-02,25232900,TW,40,t,40,,DE100000001,DE700000001,TW-KHH-CLK-01,Portland cement\n";
    dir.write("customs.csv", customs);
    auto r = test::run_cbam({"declare", dir.path(), "--year", "2026", "-o", dir.file("d.xml")});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    // Read as the installation's communication; a template is not verified data, so the declaration
    // uses the default value for it and says why (IR (EU) 2025/2547 Annex II A.1).
    CHECK_THAT(test::read_file(dir.file("d.xml")),
               Catch::Contains("<Note>the data of installation TW-KHH-CLK-01 for CN 25232900 is not verified: default values</Note>"));

    // The same template with the cement row's SEE missing: refused at its cell, nothing written.
    dir.write("suppliers/TW-KHH-CLK-01.xlsx", test::with_cached(b, "Summary_Communication!I27", "#N/A", true));
    auto bad = test::run_cbam({"declare", dir.path(), "--year", "2026", "-o", dir.file("out/d.xml")});
    CHECK(bad.exit_code == 1);
    CHECK_THAT(bad.err, Catch::Contains("TW-KHH-CLK-01.xlsx:Summary_Communication!I27 (communication.see_direct): product row 2: expected a "
                                        "number computed by the template, found the error value #N/A"));
    CHECK_FALSE(test::file_exists(dir.file("out")));
}
