// Unit tests of editing a copy of a workbook (src/io/xlsx_edit.h): the values written, the parts
// left alone byte for byte, and the cells refused. Workbooks are built from hand-written XML
// (tests/xlsx_files.h); the expected values are read off that XML. The last case edits the
// Commission's blank template when it is beside the source tree.
#include "io/xlsx_edit.h"
#include "support.h"
#include "xlsx_files.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace cbam;
using namespace cbam::xlsx;
using cbam::test::D;

namespace {

// Sheet "S": a styled empty input cell L54, a formula in A2, rows 1, 2 and 60 only.
const char* kSheet = R"(<row r="1"><c r="A1"><v>1</v></c><c r="C1" s="4"/></row>)"
                     R"(<row r="2"><c r="A2"><f>A1*2</f><v>2</v></c></row>)"
                     R"(<row r="54"><c r="L54" s="7"/></row>)"
                     R"(<row r="60"><c r="B60"><v>5</v></c></row>)";

std::string part_of(const test::Parts& parts, const std::string& name) {
    for (const auto& [n, b] : parts)
        if (n == name) return b;
    FAIL("no part " << name);
    return {};
}

}  // namespace

TEST_CASE("xlsx edit: numbers, text, booleans and dates land in the cells, styles kept", "[unit][xlsx][edit]") {
    std::string bytes = test::minimal_xlsx({{"S", kSheet}, {"T", ""}});
    Workbook wb = Workbook::from_bytes(bytes, "blank.xlsx");
    WorkbookEditor ed(wb, bytes);
    ed.set_number("S", *CellRef::parse("L54"), D("365.3232"));                 // existing styled cell
    ed.set_text("S", *CellRef::parse("C1"), "Calcined clays ");                // trailing space kept
    ed.set_bool("S", *CellRef::parse("B1"), true);                             // new cell between A1 and C1
    ed.set_date("S", *CellRef::parse("D30"), "2025-10-01");                    // new row between 2 and 54
    ed.set_number("S", *CellRef::parse("A70"), Decimal::ratio(7308, 114000));  // new last row
    ed.set_text("T", *CellRef::parse("A1"), "a & <b>");                        // empty sheet
    Workbook out = Workbook::from_bytes(ed.save(), "filled.xlsx");

    const Sheet& s = out.sheet("S");
    REQUIRE(s.at("L54"));
    CHECK(s.at("L54")->number() == D("365.3232"));
    REQUIRE(s.at("C1"));
    CHECK(s.at("C1")->type == CellType::Text);
    CHECK(s.at("C1")->value == "Calcined clays ");
    REQUIRE(s.at("B1"));
    CHECK(s.at("B1")->type == CellType::Boolean);
    CHECK(s.at("B1")->value == "1");
    // 2025-10-01 is serial day 45931: 1899-12-30 + 45 931 days (Excel's 1900 date system)
    REQUIRE(s.at("D30"));
    CHECK(s.at("D30")->number() == D("45931"));
    // 7308/114000 = 0.0641052631578947368…: 17 significant digits, the last rounded
    REQUIRE(s.at("A70"));
    CHECK(s.at("A70")->value == "0.064105263157894737");
    CHECK(out.sheet("T").at("A1")->value == "a & <b>");
    // the formula and the other values are untouched
    REQUIRE(s.at("A2"));
    CHECK(s.at("A2")->formula);
    CHECK(s.at("A2")->formula_text == "A1*2");
    CHECK(s.at("B60")->number() == D("5"));

    // rows and cells stay in order, and the style of L54 and C1 is still there
    auto parts = test::unzip_parts(ed.save());
    std::string xml = part_of(parts, wb.sheet_part("S"));
    CHECK(xml.find(R"(<c r="L54" s="7"><v>365.3232</v></c>)") != std::string::npos);
    CHECK(xml.find(R"(<c r="C1" s="4" t="inlineStr"><is><t xml:space="preserve">Calcined clays </t></is></c>)") != std::string::npos);
    auto at = [&](const char* needle) { return xml.find(needle); };
    CHECK(at(R"(<c r="A1">)") < at(R"(<c r="B1")"));
    CHECK(at(R"(<c r="B1")") < at(R"(<c r="C1")"));
    CHECK(at(R"(<row r="2">)") < at(R"(<row r="30">)"));
    CHECK(at(R"(<row r="30">)") < at(R"(<row r="54">)"));
    CHECK(at(R"(<row r="60">)") < at(R"(<row r="70">)"));
}

TEST_CASE("xlsx edit: parts not edited are copied byte for byte", "[unit][xlsx][edit]") {
    std::string bytes = test::minimal_xlsx({{"S", kSheet}, {"T", "<row r=\"1\"><c r=\"A1\"><v>3</v></c></row>"}});
    Workbook wb = Workbook::from_bytes(bytes, "blank.xlsx");
    WorkbookEditor ed(wb, bytes);
    ed.set_number("S", *CellRef::parse("L54"), D("1"));
    ed.recalculate_on_open();
    auto before = test::unzip_parts(bytes);
    auto after = test::unzip_parts(ed.save());
    REQUIRE(before.size() == after.size());
    for (const auto& [name, content] : before) {
        INFO(name);
        if (name == wb.sheet_part("S")) continue;
        if (name == "xl/workbook.xml") {
            CHECK(part_of(after, name).find("fullCalcOnLoad=\"1\"") != std::string::npos);
            continue;
        }
        CHECK(part_of(after, name) == content);
    }
    CHECK(part_of(after, wb.sheet_part("S")) != part_of(before, wb.sheet_part("S")));
}

TEST_CASE("xlsx edit: a formula cell is never overwritten, an unknown sheet is an error", "[unit][xlsx][edit]") {
    std::string bytes = test::minimal_xlsx({{"S", kSheet}});
    Workbook wb = Workbook::from_bytes(bytes, "blank.xlsx");
    WorkbookEditor ed(wb, bytes);
    CHECK_THROWS_AS(ed.set_number("S", *CellRef::parse("A2"), D("3")), std::logic_error);
    CHECK_THROWS_AS(ed.set_text("Nope", *CellRef::parse("A1"), "x"), InputError);
    CHECK_THROWS_AS(ed.set_date("S", *CellRef::parse("A3"), "2025-02-30"), std::invalid_argument);
}

TEST_CASE("xlsx edit: numbers are written exactly up to 17 significant digits", "[unit][xlsx][edit]") {
    CHECK(cell_number_text(D("0")) == "0");
    CHECK(cell_number_text(D("365.3232")) == "365.3232");
    CHECK(cell_number_text(D("-25693.068768192")) == "-25693.068768192");
    CHECK(cell_number_text(D("1480000")) == "1480000");
    CHECK(cell_number_text(D("0.000012345")) == "0.000012345");
    // 561/9 = 62.333…: 17 significant digits; 2/3 rounds its last digit up (half away from zero)
    CHECK(cell_number_text(Decimal::ratio(561, 9)) == "62.333333333333333");
    CHECK(cell_number_text(Decimal::ratio(2, 3)) == "0.66666666666666667");
    CHECK(cell_number_text(Decimal::ratio(-2, 3)) == "-0.66666666666666667");
    // 12345678901234567890 has 20 significant digits: the last three are rounded off
    CHECK(cell_number_text(D("12345678901234567890")) == "12345678901234568000");
    CHECK(serial_day("1900-03-01") == 61);
    CHECK(serial_day("2024-12-13") == 45639);
    CHECK_FALSE(serial_day("1900-02-28"));
    CHECK_FALSE(serial_day("2024-13-01"));
}

TEST_CASE("xlsx edit: the blank communication template keeps every other part", "[unit][xlsx][edit][template]") {
    std::string path = test::official_template();
    if (path.empty()) {
        std::cout << "SKIPPED: the blank communication template is not in ../shared/templates" << std::endl;
        return;
    }
    std::string bytes = test::read_file(path);
    Workbook wb = Workbook::from_bytes(bytes, path);
    WorkbookEditor ed(wb, bytes);
    ed.set_number("D_Processes", *CellRef::parse("L54"), D("365.3232"));
    ed.set_text("A_InstData", *CellRef::parse("I20"), "Plant");
    ed.recalculate_on_open();
    std::string filled = ed.save();
    auto before = test::unzip_parts(bytes);
    auto after = test::unzip_parts(filled);
    REQUIRE(before.size() == after.size());
    std::size_t same = 0;
    for (std::size_t i = 0; i < before.size(); ++i) {
        REQUIRE(before[i].first == after[i].first);  // the same parts in the same order
        same += before[i].second == after[i].second;
    }
    CHECK(same == before.size() - 3);  // all but D_Processes, A_InstData and workbook.xml
    Workbook out = Workbook::from_bytes(filled, "filled.xlsx");
    CHECK(out.sheet("D_Processes").at("L54")->number() == D("365.3232"));
    CHECK(out.sheet("A_InstData").at("I20")->value == "Plant");
    CHECK(out.sheet_names() == wb.sheet_names());  // hidden sheets included
    // the edited sheet differs from the blank only around its two cells: the formulas are all there
    auto count = [](const std::string& s, const std::string& what) {
        std::size_t n = 0;
        for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
        return n;
    };
    std::string d_before, d_after;
    for (const auto& [n, b] : before)
        if (n == wb.sheet_part("D_Processes")) d_before = b;
    for (const auto& [n, b] : after)
        if (n == wb.sheet_part("D_Processes")) d_after = b;
    CHECK(count(d_after, "<f") == count(d_before, "<f"));
    CHECK(count(d_after, "<dataValidation ") == count(d_before, "<dataValidation "));
}
