// Unit tests of the xlsx layer (src/io/xlsx.h): references, cell values as stored, and the refusal of
// broken and hostile files. Workbooks are built here from hand-written XML (tests/xlsx_files.h);
// the expected values are read off that XML. The last cases read the Commission's blank template
// when it is beside the source tree.
#include "io/xlsx.h"
#include "support.h"
#include "xlsx_files.h"

#include <catch2/catch.hpp>

#include <string>

using namespace cbam;
using namespace cbam::xlsx;
using cbam::test::D;

namespace {

std::string error_of(const std::string& bytes, const std::string& name = "in.xlsx", Limits limits = {}) {
    try {
        Workbook::from_bytes(bytes, name, limits);
    } catch (const InputError& e) {
        return e.diagnostics().to_string();
    }
    return "";
}

// One sheet "S" of the cells below, and a shared-string table of two items (one rich text).
const char* kCells =
    R"(<row r="1"><c r="A1"><v>0.91500000000000004</v></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c>)"
    R"(<c r="D1" t="inlineStr"><is><t>inline</t></is></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><v>#N/A</v></c></row>)"
    R"(<row r="2"><c r="A2"><f>SUM(A1:A1)</f><v>0.91500000000000004</v></c><c r="B2" t="str"><f t="shared" ref="B2:C2" si="0">"x"&amp;A1</f><v>x</v></c>)"
    R"(<c r="C2" t="str"><f t="shared" si="0"/><v></v></c><c r="D2"><v>8.4099999999999994E-2</v></c><c r="E2"><v>62.3333333333333</v></c><c r="F2"><f>1/0</f></c></row>)"
    R"(<row r="23"><c r="L23" s="3"><v>45639</v></c><c r="M23" s="3"/></row>)";
const char* kShared =
    R"(<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">)"
    R"(<si><t xml:space="preserve">Calcined clays </t></si><si><r><t>Ce</t></r><r><rPr><b/></rPr><t>ment</t></r><rPh><t>x</t></rPh></si></sst>)";

}  // namespace

TEST_CASE("xlsx: A1 references and column letters", "[unit][xlsx]") {
    auto l23 = CellRef::parse("L23");
    REQUIRE(l23);
    CHECK(l23->row == 23);
    CHECK(l23->col == 12);
    CHECK(CellRef::parse("$AH$100") == CellRef{100, 34});
    CHECK(CellRef::parse("xfd1048576") == CellRef{1048576, 16384});
    CHECK_FALSE(CellRef::parse("XFE1"));
    CHECK_FALSE(CellRef::parse("A1048577"));
    CHECK_FALSE(CellRef::parse("A0"));
    CHECK_FALSE(CellRef::parse("A01"));
    CHECK_FALSE(CellRef::parse("1A"));
    CHECK_FALSE(CellRef::parse("L"));
    CHECK_FALSE(CellRef::parse(""));
    CHECK(column_name(1) == "A");
    CHECK(column_name(26) == "Z");
    CHECK(column_name(27) == "AA");
    CHECK(column_name(16384) == "XFD");
    CHECK(CellRef{596, 12}.to_string() == "L596");
    CHECK(CellRef{11, 12}.offset(43, 0).to_string() == "L54");

    auto s = SheetRef::parse("'C_Emissions&Energy'!M26");
    REQUIRE(s);
    CHECK(s->sheet == "C_Emissions&Energy");
    CHECK(s->cell == CellRef{26, 13});
    CHECK(SheetRef::parse("'it''s'!A1")->sheet == "it's");
    CHECK(SheetRef::parse("D_Processes!L23")->to_string() == "D_Processes!L23");
    CHECK_FALSE(SheetRef::parse("L23"));
    CHECK_FALSE(SheetRef::parse("!L23"));
}

TEST_CASE("xlsx: cell types, values, cached formula results and formulas as stored", "[unit][xlsx]") {
    auto wb = Workbook::from_bytes(test::minimal_xlsx({{"S", kCells}, {"C_Emissions&Energy", ""}}, kShared), "t.xlsx");
    CHECK(wb.sheet_names() == std::vector<std::string>{"S", "C_Emissions&Energy"});
    const Sheet& s = wb.sheet("S");

    const Cell* a1 = s.at("A1");
    REQUIRE(a1);
    CHECK(a1->type == CellType::Number);
    CHECK(a1->value == "0.91500000000000004");
    CHECK(a1->number() == D("0.915"));  // the shortest decimal of the same double
    CHECK_FALSE(a1->formula);
    CHECK(s.at("B1")->value == "Calcined clays ");  // the trailing space is kept
    CHECK(s.at("C1")->value == "Cement");            // rich-text runs joined, phonetic run left out
    CHECK(s.at("D1")->type == CellType::Text);
    CHECK(s.at("D1")->value == "inline");
    CHECK(s.at("E1")->type == CellType::Boolean);
    CHECK(s.at("E1")->value == "1");
    CHECK(s.at("F1")->type == CellType::Error);
    CHECK(s.at("F1")->value == "#N/A");
    CHECK_FALSE(s.at("F1")->number());

    const Cell* a2 = s.at("A2");
    CHECK(a2->formula);
    CHECK(a2->formula_text == "SUM(A1:A1)");
    CHECK(a2->number() == D("0.915"));
    CHECK(s.at("B2")->formula_text == "\"x\"&A1");
    CHECK(s.at("B2")->value == "x");
    CHECK(s.at("C2")->formula);  // a shared formula's other cell
    CHECK(s.at("C2")->formula_text.empty());
    CHECK(s.at("C2")->blank());
    CHECK(s.at("D2")->number() == D("0.0841"));
    CHECK(s.at("E2")->number() == D("62.3333333333333"));
    CHECK(s.at("F2")->formula);
    CHECK(s.at("F2")->type == CellType::Empty);  // a formula without a cached result
    REQUIRE(s.at("M23"));                          // styled but empty: kept with its style
    CHECK(s.at("M23")->blank());
    CHECK(s.at("M23")->style == 3);
    CHECK(s.at("Z99") == nullptr);

    CHECK(iso_date(*s.at("L23"), false) == "2024-12-13");
    CHECK(wb.cell("S!L23") == s.at("L23"));
    CHECK(wb.sheet("C_Emissions&Energy").cells().empty());
    CHECK(wb.sheet_part("S") == "xl/worksheets/sheet1.xml");
    CHECK(wb.at("D_Processes", {23, 12}, "DirEm*").to_string() == "t.xlsx:D_Processes!L23 (DirEm*)");
}

TEST_CASE("xlsx: date serials in the 1900 and 1904 systems", "[unit][xlsx]") {
    auto num = [](const char* v) { return Cell{CellType::Number, v, false, "", 0}; };
    // 1900 system: serial 1 is 1900-01-01, 60 is Excel's fictitious 1900-02-29, 61 is 1900-03-01,
    // 45658 is 2025-01-01 (45658 - 25569 = 20089 days after 1970-01-01).
    CHECK(iso_date(num("1"), false) == "1900-01-01");
    CHECK(iso_date(num("59"), false) == "1900-02-28");
    CHECK_FALSE(iso_date(num("60"), false));
    CHECK(iso_date(num("61"), false) == "1900-03-01");
    CHECK(iso_date(num("25569"), false) == "1970-01-01");
    CHECK(iso_date(num("45658"), false) == "2025-01-01");
    CHECK(iso_date(num("45658.75"), false) == "2025-01-01");  // the time of day is dropped
    CHECK(iso_date(num("2958465"), false) == "9999-12-31");
    CHECK_FALSE(iso_date(num("2958466"), false));
    CHECK_FALSE(iso_date(num("0"), false));
    CHECK_FALSE(iso_date(num("-5"), false));
    // 1904 system: serial 1 is 1904-01-02.
    CHECK(iso_date(num("1"), true) == "1904-01-02");
    CHECK(iso_date(Cell{CellType::Text, "2024-07-01", false, "", 0}, false) == "2024-07-01");
    CHECK_FALSE(iso_date(Cell{CellType::Text, "1 July 2024", false, "", 0}, false));
}

TEST_CASE("xlsx: an .xls, an encrypted workbook, a text file and a PDF are refused by name", "[unit][xlsx][bad-input]") {
    std::string ole2 = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    ole2 += std::string(500, '\0');
    std::string xls = ole2 + std::string("W\0o\0r\0k\0b\0o\0o\0k\0", 16);
    std::string enc = ole2 + std::string("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
    CHECK_THAT(error_of(xls), Catch::Contains("in.xlsx: this is an Excel 97-2003 workbook (.xls"));
    CHECK_THAT(error_of(enc), Catch::Contains("in.xlsx: the workbook is encrypted"));
    CHECK_THAT(error_of("installation_id,name\nX,Y\n"), Catch::Contains("not an xlsx workbook") && Catch::Contains("text file"));
    CHECK_THAT(error_of("%PDF-1.4 ..."), Catch::Contains("PDF"));
    CHECK_THAT(error_of(""), Catch::Contains("empty"));
}

TEST_CASE("xlsx: a damaged archive is refused, whatever part is broken", "[unit][xlsx][bad-input]") {
    std::string good = test::minimal_xlsx({{"S", kCells}}, kShared);
    REQUIRE(error_of(good).empty());
    // Cut short (a download that stopped): the central directory is missing.
    CHECK_THAT(error_of(good.substr(0, good.size() / 2)), Catch::Contains("damaged zip archive"));
    // Bytes flipped inside the deflated data of the sheet: a CRC or inflate error when it is read.
    // (The local header of a part is 30 bytes, then its name, then its data.)
    std::string flipped = good;
    const std::string sheet_part = "xl/worksheets/sheet1.xml";
    std::size_t data = flipped.find(sheet_part) + sheet_part.size();
    for (std::size_t i = data + 4; i < data + 24; ++i) flipped[i] = static_cast<char>(flipped[i] ^ 0x5A);
    std::string e = error_of(flipped);
    if (e.empty()) {  // the damage may only show when the sheet is read
        try {
            Workbook::from_bytes(flipped, "in.xlsx").sheet("S");
        } catch (const InputError& ex) {
            e = ex.diagnostics().to_string();
        }
    }
    CHECK_THAT(e, Catch::Contains("in.xlsx"));
    CHECK_THAT(e, Catch::Contains("damaged") || Catch::Contains("not well-formed"));
    // A zip archive that is not a workbook, and a workbook whose sheet XML is broken.
    CHECK_THAT(error_of(test::zip_parts({{"readme.txt", "hello"}})), Catch::Contains("no workbook part"));
    CHECK_THAT(error_of(test::zip_parts({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", "<x/>"}})),
               Catch::Contains(".ods"));
    auto parts = test::unzip_parts(good);
    for (auto& [name, bytes] : parts)
        if (name == "xl/worksheets/sheet1.xml") bytes = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c>";
    auto wb = Workbook::from_bytes(test::zip_parts(parts), "in.xlsx");
    try {
        wb.sheet("S");
        FAIL("broken sheet XML was accepted");
    } catch (const InputError& ex) {
        CHECK_THAT(ex.diagnostics().to_string(), Catch::Contains("in.xlsx:S: part \"xl/worksheets/sheet1.xml\" is not well-formed XML"));
    }
    try {
        wb.sheet("D_Processes");
        FAIL("a missing sheet was accepted");
    } catch (const InputError& ex) {
        CHECK_THAT(ex.diagnostics().to_string(), Catch::Contains("no sheet \"D_Processes\" (its sheets: S)"));
    }
}

TEST_CASE("xlsx: zip bombs are refused by the size and ratio caps before they fill memory", "[unit][xlsx][bad-input]") {
    // 8 MiB of one repeated row deflate to a few kilobytes: a ratio far beyond 100.
    std::string row = R"(<row><c><v>0</v></c></row>)";
    std::string big;
    while (big.size() < (8u << 20)) big += row;
    std::string bomb = test::minimal_xlsx({{"S", big}});
    REQUIRE(bomb.size() < (1u << 20));
    auto wb = Workbook::from_bytes(bomb, "bomb.xlsx");
    try {
        wb.sheet("S");
        FAIL("a zip bomb was parsed");
    } catch (const InputError& ex) {
        CHECK_THAT(ex.diagnostics().to_string(), Catch::Contains("bomb.xlsx") && Catch::Contains("possible zip bomb") &&
                                                     Catch::Contains("times its compressed size"));
    }
    // The absolute cap, independent of the ratio.
    Limits small;
    small.max_part_bytes = 200;
    CHECK_THAT(error_of(test::minimal_xlsx({{"S", kCells}}, kShared), "in.xlsx", small),
               Catch::Contains("decompresses to more than 200 bytes: refused as a possible zip bomb"));
    Limits few;
    few.max_entries = 3;
    CHECK_THAT(error_of(test::minimal_xlsx({{"S", kCells}}, kShared), "in.xlsx", few), Catch::Contains("more than the 3"));
}

TEST_CASE("xlsx: the Commission's blank template is read as stored", "[unit][xlsx][template]") {
    std::string path = test::official_template();
    if (path.empty()) {
        WARN("the blank communication template is not in ../shared/templates (or $CBAM_TEMPLATE_DIR): skipped");
        return;
    }
    auto wb = Workbook::open(path);
    CHECK(wb.sheet_names().size() == 19);
    CHECK(wb.sheet_names().front() == "0_Versions");
    CHECK(wb.has_sheet("C_Emissions&Energy"));
    CHECK_FALSE(wb.date1904());
    // Read off the workbook's XML: the version date, a formula and its sheet, a constant.
    const Cell* version = wb.cell("VersionDocumentation!B3");
    REQUIRE(version);
    CHECK(iso_date(*version, false) == "2024-12-13");
    CHECK(wb.cell("VersionDocumentation!B5")->value == "English");
    const Cell* total = wb.cell("D_Processes!L24");
    REQUIRE(total);
    CHECK(total->formula);
    CHECK(total->formula_text == "IF(G11=\"\",\"\",SUM(L16:L23))");
    CHECK(wb.cell("Parameters_Constants!B13")->number() == D("56.1"));
    CHECK(wb.cell("'C_Emissions&Energy'!M26")->blank());  // the manual input is blank
    CHECK(wb.cell("D_Processes!L54")->blank());            // DirEm* of P1 is blank
    CHECK(wb.sheet_part("D_Processes").rfind("xl/worksheets/", 0) == 0);
}
