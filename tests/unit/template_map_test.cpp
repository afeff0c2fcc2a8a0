// The cell map of the communication template (templates/communication-20241213.csv and its lists):
// positions computed from the map, code lists, version detection, and, when the blank template is
// beside the source tree, every mapped cell checked against the workbook itself (inputs are unlocked
// cells without formulas, results are formulas).
#include "io/template_map.h"
#include "io/xlsx.h"
#include "support.h"
#include "xlsx_files.h"

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <set>
#include <string>

using namespace cbam;

namespace {

std::string map_dir() { return test::source_path("templates"); }

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.diagnostics().to_string();
    }
    return "";
}

// A workbook whose VersionDocumentation sheet says B2 = type, B3 = date serial, B5 = language.
std::string versioned(const std::string& serial, const std::string& language) {
    return test::minimal_xlsx({{"VersionDocumentation",
                                R"(<row r="2"><c r="B2" t="inlineStr"><is><t>CBAM communication SEE Version 2</t></is></c></row>)"
                                R"(<row r="3"><c r="B3"><v>)" + serial + R"(</v></c></row>)"
                                R"(<row r="5"><c r="B5" t="inlineStr"><is><t>)" + language + R"(</t></is></c></row>)"}});
}

}  // namespace

TEST_CASE("template map: positions of repeated blocks follow the template's layout", "[unit][template]") {
    TemplateMap m = TemplateMap::load(map_dir(), "20241213");
    CHECK(m.version() == "20241213");
    // D_Processes: block n starts 65 rows after block n-1 (P1 at row 11, DirEm* at r0 + 43).
    CHECK(m.field("process.direct_emissions").ref(0) == "D_Processes!L54");
    CHECK(m.field("process.direct_emissions").ref(1) == "D_Processes!L119");
    CHECK(m.field("process.direct_emissions").ref(9) == "D_Processes!L639");
    // Production per route: 8 rows from r0 + 5; the 3rd route of P2 is row 76 + 5 + 2 = 83.
    CHECK(m.field("process.production").ref(1, 2) == "D_Processes!L83");
    // (c) consumed in the other processes: 9 rows from r0 + 21.
    CHECK(m.field("process.consumed_in").ref(0, 8) == "D_Processes!L40");
    // E_PurchPrec: 44 rows per block from row 14; PP20's SEE (direct) is at 14 + 19 × 44 + 35 = 885.
    CHECK(m.field("purchased.see_direct").ref(19) == "E_PurchPrec!L885");
    CHECK(m.field("purchased.consumed_in").ref(0, 9) == "E_PurchPrec!L37");
    // A_InstData: routes go across columns I..N, processes down rows 83..92.
    CHECK(m.field("good.route").ref(2, 5) == "A_InstData!N64");
    CHECK(m.field("process.name").ref(9) == "A_InstData!L92");
    CHECK(m.field("product.cn_code").ref(99) == "Summary_Products!F109");
    CHECK(m.field("communication.see_direct").ref(0) == "Summary_Communication!I26");
    CHECK(m.field("communication.share_mn").ref(0) == "Summary_Communication!S26");  // one column right of Summary_Products!R
    CHECK(m.field("process.direct_emissions").input);
    CHECK_FALSE(m.field("product.see_direct").input);
    CHECK(m.field("process.direct_emissions").unit == "tCO2e");
    CHECK_THROWS_AS(m.field("process.no_such_field"), std::out_of_range);
}

TEST_CASE("template map: code lists keep the template's exact words", "[unit][template]") {
    TemplateMap m = TemplateMap::load(map_dir(), "20241213");
    const TemplateListItem* clays = m.lookup("category", "Calcined clays ");  // with its trailing space
    REQUIRE(clays);
    CHECK(clays->code == "Calcined clay");
    CHECK_FALSE(m.lookup("category", "Calcined clays"));
    CHECK(m.lookup("category", "Electricity (export to EU)")->code == "Electricity");
    CHECK(m.lookup("route", "Electric arc furnace", "Crude steel"));
    CHECK_FALSE(m.lookup("route", "Electric arc furnace", "Pig iron"));
    CHECK(m.list("route", "Hydrogen").size() == 5);
    CHECK(m.lookup("ef_source", "D.4.3.2")->code == "ppa");
    CHECK(m.lookup("country", "Taiwan")->code == "TW");
    CHECK(m.lookup("country_code", "TW"));
    CHECK_FALSE(m.lookup("country_code", "XX"));
    CHECK(m.lookup("data_source", "Default")->code == "default");
    CHECK(m.list("category").size() == 18);
}

TEST_CASE("template map: the version is read from the workbook and an unknown one refused by name", "[unit][template][bad-input]") {
    // 45639 is 2024-12-13, 45731 is 2025-03-15 (92 days later).
    auto known = xlsx::Workbook::from_bytes(versioned("45639", "English"), "t.xlsx");
    TemplateVersion v = detect_version(known);
    CHECK(v.version == "20241213");
    CHECK(v.date == "2024-12-13");
    CHECK(v.language == "English");
    CHECK(v.where.to_string() == "t.xlsx:VersionDocumentation!B3 (version)");
    CHECK(map_for_workbook(known, map_dir()).version() == "20241213");

    auto newer = xlsx::Workbook::from_bytes(versioned("45731", "English"), "new.xlsx");
    CHECK_THAT(error_of([&] { map_for_workbook(newer, map_dir()); }),
               Catch::Contains("new.xlsx:VersionDocumentation!B3 (version): this workbook is the communication template of version "
                               "20250315 (dated 2025-03-15), which cbam does not know: it reads version 20241213"));
    auto german = xlsx::Workbook::from_bytes(versioned("45639", "Deutsch"), "de.xlsx");
    CHECK_THAT(error_of([&] { map_for_workbook(german, map_dir()); }),
               Catch::Contains("de.xlsx:VersionDocumentation!B5 (language): this is the \"Deutsch\" edition"));
    auto other = xlsx::Workbook::from_bytes(test::minimal_xlsx({{"Sheet1", ""}}), "other.xlsx");
    CHECK_THAT(error_of([&] { map_for_workbook(other, map_dir()); }),
               Catch::Contains("other.xlsx: the workbook has no sheet VersionDocumentation") &&
                   Catch::Contains("not the Commission's communication template"));
    auto no_date = xlsx::Workbook::from_bytes(versioned("\"x\"", "English"), "x.xlsx");
    CHECK_THAT(error_of([&] { detect_version(no_date); }), Catch::Contains("x.xlsx:VersionDocumentation!B3"));
}

TEST_CASE("template map: a malformed map file is refused with its line", "[unit][template][bad-input]") {
    test::ScratchDir dir;
    std::string lists = test::read_file(test::source_path("templates/communication-20241213-lists.csv"));
    dir.write("communication-20990101-lists.csv", lists);
    dir.write("communication-20990101.csv",
              "field,sheet,cell,count,block_rows,block_cols,items,item_rows,item_cols,kind,type,unit,list,required,meaning\n"
              "a,S,L54,10,65,0,1,0,0,input,number,tCO2e,,yes,x\n"
              "a,S,L9,1,0,0,1,0,0,input,number,,,no,duplicate\n"
              "b,S,9L,1,0,0,1,0,0,input,code,,,no,bad cell and no list\n"
              "c,S,A1048570,10,1,0,1,0,0,input,text,,nolist,no,past the last row\n");
    CHECK(TemplateMap::versions(dir.path()) == std::vector<std::string>{"20990101"});
    std::string e = error_of([&] { TemplateMap::load(dir.path(), "20990101"); });
    CHECK_THAT(e, Catch::Contains("communication-20990101.csv:3:1 (field): field \"a\" is mapped twice"));
    CHECK_THAT(e, Catch::Contains(":4:3 (cell): expected a cell such as L54, found \"9L\""));
    CHECK_THAT(e, Catch::Contains(":4:13 (list): a field of type code needs its code list"));
    CHECK_THAT(e, Catch::Contains(":5:3 (cell): the block runs past the last row"));
    CHECK_THAT(e, Catch::Contains("refers to the code list \"nolist\""));
    CHECK_THAT(error_of([&] { TemplateMap::load(dir.path(), "20000101"); }), Catch::Contains("missing file"));
}

TEST_CASE("template map agrees with the blank workbook: inputs are unlocked cells without formulas, results are formulas",
          "[unit][template]") {
    std::string path = test::official_template();
    if (path.empty()) {
        WARN("the blank communication template is not in ../shared/templates (or $CBAM_TEMPLATE_DIR): skipped");
        return;
    }
    auto wb = xlsx::Workbook::open(path);
    TemplateMap m = map_for_workbook(wb, map_dir());
    // Cell formats whose protection leaves the cell unlocked.
    pugi::xml_document styles;
    std::string xml = wb.part("xl/styles.xml");
    REQUIRE(styles.load_buffer(xml.data(), xml.size()));
    std::set<std::uint32_t> unlocked;
    std::uint32_t i = 0;
    for (pugi::xml_node xf : styles.child("styleSheet").child("cellXfs").children("xf")) {
        if (std::string_view(xf.child("protection").attribute("locked").value()) == "0") unlocked.insert(i);
        ++i;
    }
    REQUIRE_FALSE(unlocked.empty());
    std::size_t checked = 0;
    for (const TemplateField& f : m.fields()) {
        const xlsx::Sheet& sheet = wb.sheet(f.sheet);
        for (int b = 0; b < f.count; ++b)
            for (int it = 0; it < f.items; ++it) {
                const xlsx::Cell* c = sheet.at(f.cell(b, it));
                INFO(f.name << " at " << f.ref(b, it));
                REQUIRE(c);
                if (f.input) {
                    CHECK(unlocked.count(c->style) == 1);
                    CHECK_FALSE(c->formula);
                } else {
                    CHECK(c->formula);
                }
                ++checked;
            }
    }
    CHECK(checked > 4000);
}
