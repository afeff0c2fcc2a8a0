// Bad and hostile communication templates: each refused with a clear error naming the file, the
// sheet and the cell, every problem of a workbook in one run. The workbooks are copies of the blank
// template with the cells of the hand-checked example (tests/template_files.cpp) changed, or files
// built here byte by byte; nothing of the Commission's is committed.
#include "importers/template_installation_reader.h"
#include "support.h"
#include "template_files.h"
#include "xlsx_files.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace cbam;

namespace {

// Every problem the reader reports for `bytes` saved as `name`, or "" when it reads them.
std::string errors_of(const std::string& bytes, const std::string& name = "works.xlsx") {
    test::ScratchDir dir;
    dir.write(name, bytes);
    try {
        read_installation_template(dir.file(name));
    } catch (const InputError& e) {
        std::string out = e.diagnostics().to_string();
        // Locations relative to the scratch folder, so that the checks can name the file.
        for (std::size_t at; (at = out.find(dir.path() + "/")) != std::string::npos;) out.erase(at, dir.path().size() + 1);
        return out;
    }
    return "";
}

#define SKIP_WITHOUT_TEMPLATE()                                                                  \
    if (test::official_template().empty()) {                                                     \
        WARN("SKIPPED: the blank communication template is not in ../shared/templates (or $CBAM_TEMPLATE_DIR)"); \
        return;                                                                                  \
    }

}  // namespace

TEST_CASE("template errors: the unchanged example reads without error", "[bad-input][template]") {
    SKIP_WITHOUT_TEMPLATE();
    CHECK(errors_of(test::example_with({})).empty());
}

TEST_CASE("template errors: a template of another version is refused, naming the version found", "[bad-input][template]") {
    SKIP_WITHOUT_TEMPLATE();
    // 45731 is 2025-03-15.
    std::string e = errors_of(test::example_with({test::num("VersionDocumentation!B3", "45731")}));
    CHECK_THAT(e, Catch::Contains("works.xlsx:VersionDocumentation!B3 (version): this workbook is the communication template of "
                                  "version 20250315 (dated 2025-03-15), which cbam does not know: it reads version 20241213"));
}

TEST_CASE("template errors: an .xls, an encrypted workbook, a corrupt zip and a zip bomb are refused by name", "[bad-input][template]") {
    std::string ole2 = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + std::string(1000, '\0');
    CHECK_THAT(errors_of(ole2 + std::string("W\0o\0r\0k\0b\0o\0o\0k\0", 16), "old.xlsx"),
               Catch::Contains("old.xlsx: this is an Excel 97-2003 workbook (.xls"));
    CHECK_THAT(errors_of(ole2 + std::string("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32), "locked.xlsx"),
               Catch::Contains("locked.xlsx: the workbook is encrypted"));
    std::string zip = test::minimal_xlsx({{"VersionDocumentation", ""}});
    CHECK_THAT(errors_of(zip.substr(0, zip.size() - 30), "cut.xlsx"), Catch::Contains("cut.xlsx: the file is a damaged zip archive"));
    std::string big;
    while (big.size() < (4u << 20)) big += "<row><c><v>0</v></c></row>";
    CHECK_THAT(errors_of(test::minimal_xlsx({{"VersionDocumentation", big}}), "bomb.xlsx"),
               Catch::Contains("bomb.xlsx:VersionDocumentation: part \"xl/worksheets/sheet1.xml\" decompresses to more than 100 times its "
                               "compressed size"));
    CHECK_THAT(errors_of("not a workbook\n", "notes.xlsx"), Catch::Contains("notes.xlsx: not an xlsx workbook"));
}

TEST_CASE("template errors: a formula or text where a number is expected", "[bad-input][template]") {
    SKIP_WITHOUT_TEMPLATE();
    std::string formula = test::with_formula(test::example_with({}), "D_Processes!L54", "800+100", "900");
    CHECK_THAT(errors_of(formula), Catch::Contains("works.xlsx:D_Processes!L54 (process.direct_emissions): P1: expected a value typed in, "
                                                   "found a formula (=800+100) whose last result was the number 900"));
    std::string text = errors_of(test::example_with({test::txt("D_Processes!L16", "1 000 t"), test::txt("E_PurchPrec!L49", "0,9")}));
    CHECK_THAT(text, Catch::Contains("works.xlsx:D_Processes!L16 (process.production): P1: expected a number, found the text \"1 000 t\""));
    CHECK_THAT(text, Catch::Contains("works.xlsx:E_PurchPrec!L49 (purchased.see_direct): PP1: expected a number, found the text \"0,9\""));
    CHECK_THAT(errors_of(test::example_with({test::num("D_Processes!L119", "-10")})),
               Catch::Contains("works.xlsx:D_Processes!L119 (process.direct_emissions): P2: expected a number of 0 or more, found -10"));
}

TEST_CASE("template errors: values outside the template's code lists", "[bad-input][template]") {
    SKIP_WITHOUT_TEMPLATE();
    std::string e = errors_of(test::example_with({test::txt("A_InstData!I26", "Formosa"), test::txt("D_Processes!L67", "grid"),
                                            test::txt("A_InstData!F102", "XX"), test::txt("E_PurchPrec!M49", "measured")}));
    CHECK_THAT(e, Catch::Contains("works.xlsx:A_InstData!I26 (installation.country): expected a value of the template's list \"country\""));
    CHECK_THAT(e, Catch::Contains("found \"Formosa\""));
    CHECK_THAT(e, Catch::Contains("works.xlsx:D_Processes!L67 (process.electricity_ef_source): P1: expected a value of the template's list "
                                  "\"ef_source\" (\"D.4(a)\", \"D.4(b)\", \"D.4.1\", \"D.4.2\", \"D.4.3.1\", \"D.4.3.2\", \"Mix\"), found \"grid\""));
    CHECK_THAT(e, Catch::Contains("works.xlsx:A_InstData!F102 (purchased.country): PP1: expected a value of the template's list "
                                  "\"country_code\""));
    CHECK_THAT(e, Catch::Contains("works.xlsx:E_PurchPrec!M49 (purchased.see_direct_source): PP1: expected a value of the template's list "
                                  "\"data_source\" (\"Measured\", \"Default\", \"Unknown\"), found \"measured\""));
    // A category outside the list, and a CN code of another category.
    std::string cat = errors_of(test::example_with({test::txt("A_InstData!E84", "Cement (grey)"), test::txt("Summary_Products!F10", "25232900")}));
    CHECK_THAT(cat, Catch::Contains("works.xlsx:A_InstData!E84 (process.category): P2: expected a value of the template's list \"category\""));
    CHECK_THAT(cat, Catch::Contains("works.xlsx:Summary_Products!F10 (product.cn_code): product row 1: CN code 25232900 does not belong to "
                                    "\"Cement clinker\", the category of process \"Kiln\" (it belongs to \"Cement\")"));
}

TEST_CASE("template errors: references to processes and precursors the workbook does not define", "[bad-input][template]") {
    SKIP_WITHOUT_TEMPLATE();
    std::string e = errors_of(test::example_with({
        test::txt("Summary_Products!D12", "Grinder"), test::txt("Summary_Products!F12", "25232900"),  // no process "Grinder"
        test::num("D_Processes!L33", "5"),                                                            // P1 to P3: none
        test::num("E_PurchPrec!L32", "7"),                                                            // PP1 to P5: none
        test::num("D_Processes!L184", "12"),                                                          // DirEm* of P3: none
        test::num("E_PurchPrec!L93", "1"),                                                            // SEE of PP2: none
    }));
    CHECK_THAT(e, Catch::Contains("works.xlsx:Summary_Products!D12 (product.process): product row 3: the process \"Grinder\" is not defined "
                                  "in A_InstData (its processes: \"Kiln\", \"Mill\")"));
    CHECK_THAT(e, Catch::Contains("works.xlsx:D_Processes!L33 (process.consumed_in): P1: \"Kiln\" is consumed in P3, which A_InstData does "
                                  "not define"));
    CHECK_THAT(e, Catch::Contains("works.xlsx:E_PurchPrec!L32 (purchased.consumed_in): PP1: \"Slag clinker\" is consumed in P5, which "
                                  "A_InstData does not define"));
    CHECK_THAT(e, Catch::Contains("works.xlsx:D_Processes!L184 (process.direct_emissions): P3 has values but no process P3 is defined in "
                                  "A_InstData!E85"));
    CHECK_THAT(e, Catch::Contains("works.xlsx:E_PurchPrec!L93 (purchased.see_direct): PP2 has values but no purchased precursor PP2 is "
                                  "defined in A_InstData!E103"));
}

TEST_CASE("template errors: what the SEE needs and the template's own controls", "[bad-input][template]") {
    SKIP_WITHOUT_TEMPLATE();
    std::string e = errors_of(test::example_with({
        test::txt("A_InstData!L84", "Kiln"),       // a second process named Kiln
        test::num("D_Processes!L27", "300"),       // P1: 300 + 800 + 0 ≠ 1 000
        test::num("D_Processes!M58", "0"),         // fine: 0 is a factor
        test::num("D_Processes!M57", "2"),
        test::num("D_Processes!L57", "1.5"),       // heat imported without its factor
        test::txt("D_Processes!L58", ""),
    }));
    CHECK_THAT(e, Catch::Contains("works.xlsx:A_InstData!L84 (process.name): P2: the process name \"Kiln\" is already used by P1"));
    CHECK_THAT(e, Catch::Contains("works.xlsx:D_Processes!L42 (process.control): P1: the production of \"Kiln\" (1000 t) does not add up to "
                                  "what it is used for: market, other processes and non-CBAM goods give 1100 t"));
    CHECK_THAT(e, Catch::Contains("works.xlsx:D_Processes!L58 (process.heat_imported_ef): P1: expected the emission factor of the heat "
                                  "imported (1.5 TJ), found an empty cell"));
    // A required cell left empty: DirEm* of P2.
    CHECK_THAT(errors_of(test::example_with({test::txt("D_Processes!L119", "")})),
               Catch::Contains("works.xlsx:D_Processes!L119 (process.direct_emissions): P2: expected a number (tCO2e), found an empty cell: "
                               "the template requires it"));
}
