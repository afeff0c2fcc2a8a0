// Bad and hostile communication templates on the command line: each refused with exit code 1 and
// a message naming the file, and the sheet and cell where there is one, and nothing written: not
// the -o file, not the audit bundle, not check-template's figures, not a report's XML when a
// supplier's template is bad. The library-level messages are tested in template_errors_test.cpp;
// here the whole command, as a user runs it.
#include "support.h"
#include "template_files.h"
#include "xlsx_files.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <tuple>

using namespace cbam;

namespace {

struct Case {
    const char* what;
    std::string file;                    // its name
    std::string bytes;
    std::vector<std::string> expected;   // each must be in standard error, the file's path removed
};

// Runs calc (with -o and --audit), explain and check-template (with -o) on the file: each must exit
// 1 with every expected message and leave the output folder empty.
void refused_and_nothing_written(const Case& c) {
    INFO(c.what);
    test::ScratchDir dir;
    dir.write("in/" + c.file, c.bytes);
    const std::string in = dir.file("in/" + c.file);
    const std::vector<std::vector<std::string>> commands = {
        {"calc", in, "-o", dir.file("out/see.csv"), "--audit", dir.file("out/audit")},
        {"explain", in, "25232900"},
        {"check-template", in, "-o", dir.file("out/figures.csv")},
    };
    for (const auto& args : commands) {
        INFO("cbam " << args[0]);
        auto r = test::run_cbam(args);
        CHECK(r.exit_code == 1);
        std::string err = r.err;
        for (std::size_t at; (at = err.find(dir.path() + "/in/")) != std::string::npos;) err.erase(at, dir.path().size() + 4);
        for (const auto& e : c.expected) CHECK_THAT(err, Catch::Contains(e));
        CHECK_THAT(err, Catch::Contains("nothing was written"));
        CHECK_FALSE(test::file_exists(dir.file("out")));
    }
}

}  // namespace

TEST_CASE("template cli errors: broken and hostile files are refused by name and nothing is written", "[bad-input][template][cli]") {
    // An OLE2 compound file (the container of .xls and of encrypted xlsx) whose directory names a
    // BIFF "Workbook" stream, or the "EncryptedPackage" and "EncryptionInfo" streams of ECMA-376
    // encryption: directory entry names are UTF-16LE.
    std::string ole2 = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + std::string(1000, '\0');
    refused_and_nothing_written({".xls", "old.xlsx", ole2 + std::string("W\0o\0r\0k\0b\0o\0o\0k\0", 16),
                                 {"old.xlsx: this is an Excel 97-2003 workbook (.xls"}});
    refused_and_nothing_written({"encrypted", "locked.xlsx",
                                 ole2 + std::string("E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0", 28) +
                                     std::string("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32),
                                 {"locked.xlsx: the workbook is encrypted"}});
    // A download cut short: the zip's central directory is missing.
    std::string zip = test::minimal_xlsx({{"VersionDocumentation", ""}});
    refused_and_nothing_written({"corrupt zip", "cut.xlsx", zip.substr(0, zip.size() - 30), {"cut.xlsx: the file is a damaged zip archive"}});
    // 4 MiB of one repeated row deflate to a few kilobytes: the ratio cap refuses it before it is inflated.
    std::string big;
    while (big.size() < (4u << 20)) big += "<row><c><v>0</v></c></row>";
    refused_and_nothing_written({"zip bomb", "bomb.xlsx", test::minimal_xlsx({{"VersionDocumentation", big}}),
                                 {"bomb.xlsx:VersionDocumentation: part \"xl/worksheets/sheet1.xml\" decompresses to more than 100 times its "
                                  "compressed size"}});
    // A workbook that is not the template at all.
    refused_and_nothing_written({"another workbook", "other.xlsx", test::minimal_xlsx({{"Sheet1", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"}}),
                                 {"other.xlsx: the workbook has no sheet VersionDocumentation"}});
}

TEST_CASE("template cli errors: wrong cells of a template are refused at their cells and nothing is written", "[bad-input][template][cli]") {
    if (test::official_template().empty()) {
        WARN("SKIPPED: the blank communication template is not in ../shared/templates (or $CBAM_TEMPLATE_DIR)");
        return;
    }
    // 45731 is 2025-03-15: a version without a cell map.
    refused_and_nothing_written({"unknown version", "v.xlsx", test::example_with({test::num("VersionDocumentation!B3", "45731")}),
                                 {"v.xlsx:VersionDocumentation!B3 (version): this workbook is the communication template of version 20250315 "
                                  "(dated 2025-03-15), which cbam does not know: it reads version 20241213"}});
    refused_and_nothing_written({"formula in an input cell", "f.xlsx", test::with_formula(test::example_with({}), "D_Processes!L54", "800+100", "900"),
                                 {"f.xlsx:D_Processes!L54 (process.direct_emissions): P1: expected a value typed in, found a formula (=800+100)"}});
    refused_and_nothing_written({"text where a number is expected", "t.xlsx",
                                 test::example_with({test::txt("D_Processes!L16", "1 000 t"), test::txt("E_PurchPrec!L49", "0,9")}),
                                 {"t.xlsx:D_Processes!L16 (process.production): P1: expected a number, found the text \"1 000 t\"",
                                  "t.xlsx:E_PurchPrec!L49 (purchased.see_direct): PP1: expected a number, found the text \"0,9\""}});
    refused_and_nothing_written({"codes outside the template's lists", "c.xlsx",
                                 test::example_with({test::txt("A_InstData!I26", "Formosa"), test::txt("D_Processes!L67", "grid"),
                                               test::txt("A_InstData!F102", "XX")}),
                                 {"c.xlsx:A_InstData!I26 (installation.country): expected a value of the template's list \"country\"",
                                  "c.xlsx:D_Processes!L67 (process.electricity_ef_source): P1: expected a value of the template's list "
                                  "\"ef_source\"",
                                  "c.xlsx:A_InstData!F102 (purchased.country): PP1: expected a value of the template's list \"country_code\""}});
    refused_and_nothing_written({"undefined process and precursor", "u.xlsx",
                                 test::example_with({test::txt("Summary_Products!D12", "Grinder"), test::txt("Summary_Products!F12", "25232900"),
                                               test::num("E_PurchPrec!L93", "1"), test::num("D_Processes!L33", "5")}),
                                 {"u.xlsx:Summary_Products!D12 (product.process): product row 3: the process \"Grinder\" is not defined in "
                                  "A_InstData",
                                  "u.xlsx:E_PurchPrec!L93 (purchased.see_direct): PP2 has values but no purchased precursor PP2 is defined",
                                  "u.xlsx:D_Processes!L33 (process.consumed_in): P1: \"Kiln\" is consumed in P3, which A_InstData does not "
                                  "define"}});
}

TEST_CASE("template cli errors: a supplier's template with a unit outside the template's, and no report is written", "[bad-input][template][cli]") {
    std::string b = test::filled_template(test::clinker_and_cement());
    if (b.empty()) {
        WARN("SKIPPED: the blank communication template is not in ../shared/templates (or $CBAM_TEMPLATE_DIR)");
        return;
    }
    // The summary as the template would hold it, but the cement row's unit says per MWh.
    for (auto [ref, v, text] : std::vector<std::tuple<const char*, const char*, bool>>{
             {"Summary_Communication!G12", "Test Clinker Works", true}, {"Summary_Communication!G16", "TW", true},
             {"Summary_Communication!D27", "Mill", true}, {"Summary_Communication!F27", "25232900", true},
             {"Summary_Communication!I27", "0.43505", false}, {"Summary_Communication!J27", "0.038", false},
             {"Summary_Communication!L27", "tCO2e/MWh", true}})
        b = test::with_cached(b, ref, v, false, text);
    test::ScratchDir dir;
    dir.copy_from("fixtures/importer-nl");
    dir.write("suppliers/TW-KHH-CLK-01.xlsx", b);
    auto r = test::run_cbam({"report", dir.path(), "--period", "2024Q2", "-o", dir.file("out/r.xml")});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("TW-KHH-CLK-01.xlsx:Summary_Communication!L27 (communication.unit): product row 2: expected tCO2e/t for CN "
                                      "25232900, found \"tCO2e/MWh\""));
    CHECK_FALSE(test::file_exists(dir.file("out")));
    // A supplier's .xls among the suppliers: named, and nothing written.
    dir.write("suppliers/TW-KHH-CLK-01.xlsx", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + std::string(600, '\0') + std::string("W\0o\0r\0k\0b\0o\0o\0k\0", 16));
    auto x = test::run_cbam({"report", dir.path(), "--period", "2024Q2", "-o", dir.file("out/r.xml")});
    CHECK(x.exit_code == 1);
    CHECK_THAT(x.err, Catch::Contains("TW-KHH-CLK-01.xlsx: this is an Excel 97-2003 workbook (.xls"));
    CHECK_FALSE(test::file_exists(dir.file("out")));
}
