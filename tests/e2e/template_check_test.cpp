// Checking a filled template: the figures the workbook holds against cbam's recomputation
// (importers/template_results_reader.h, calc/template_check.h). The workbooks are the hand-checked
// example (tests/template_files.cpp) with results cached in the summary sheets as Excel would save
// them; the expected SEE are derived by hand in tests/e2e/template_reader_test.cpp (kiln 0.78 and
// 0.025, total 0.805; mill 0.43505 and 0.038, total 0.47305).
#include "calc/template_check.h"
#include "calc/embedded_emissions.h"
#include "importers/template_installation_reader.h"
#include "importers/template_results_reader.h"
#include "io/template_map.h"
#include "io/xlsx.h"
#include "support.h"
#include "template_files.h"
#include "unit/exact.h"

#include <catch2/catch.hpp>

#include <array>

using namespace cbam;
using cbam::test::D;

namespace {

// The example with the summary sheets holding `kiln` and `mill` (direct, indirect, total) as results.
std::string cached(const std::array<const char*, 3>& kiln, const std::array<const char*, 3>& mill) {
    std::string b = test::filled_template(test::clinker_and_cement());
    if (b.empty()) return b;
    const char* cols[] = {"I", "J", "K"};
    for (int i = 0; i < 3; ++i) {
        b = test::with_cached(b, std::string("Summary_Products!") + cols[i] + "10", kiln[i]);
        b = test::with_cached(b, std::string("Summary_Products!") + cols[i] + "11", mill[i]);
        b = test::with_cached(b, std::string("Summary_Communication!") + cols[i] + "26", kiln[i]);
        b = test::with_cached(b, std::string("Summary_Communication!") + cols[i] + "27", mill[i]);
    }
    return b;
}

struct Checked {
    TemplateResults results;
    TemplateCheck check;
};

Checked check(const std::string& bytes) {
    test::ScratchDir dir;
    dir.write("works.xlsx", bytes);
    auto wb = xlsx::Workbook::open(dir.file("works.xlsx"));
    TemplateMap map = map_for_workbook(wb, test::source_path("templates"));
    Installation inst = read_installation_template(dir.file("works.xlsx"));
    CalcResult r = calculate(inst, Scope::Transitional);
    Checked c;
    c.results = read_template_results(wb, map);
    c.check = check_template(c.results, r);
    return c;
}

}  // namespace

TEST_CASE("template check: figures as Excel stores them agree with cbam's exact recomputation", "[e2e][template][check]") {
    // Excel writes 17 significant digits: 0.43505 as 0.43504999999999999, 0.47305 as 0.47305000000000003.
    std::string bytes = cached({"0.78000000000000003", "2.5000000000000001E-2", "0.80500000000000005"},
                               {"0.43504999999999999", "3.7999999999999999E-2", "0.47305000000000003"});
    if (bytes.empty()) {
        WARN("SKIPPED: the blank communication template is not available");
        return;
    }
    Checked c = check(bytes);
    REQUIRE(c.results.rows.size() == 2);
    CHECK(c.results.rows[0].process == "Kiln");
    CHECK(c.results.rows[1].cn_code == "25232900");
    CHECK(c.results.any_result());
    REQUIRE(c.check.figures.size() == 12);  // 2 rows × (direct, indirect, total) × 2 sheets
    CHECK(c.check.all_agree());
    const TemplateFigureCheck& mill_direct = c.check.figures[6];
    CHECK(mill_direct.figure == "SEE direct");
    CHECK(mill_direct.workbook.where.place() == "Summary_Products!I11");
    REQUIRE(mill_direct.cbam);
    CHECK_EXACT(mill_direct.cbam->value(), D("0.43505"));
    CHECK_EXACT(*mill_direct.difference, D("0"));  // 0.43504999999999999 is read as the double's shortest decimal, 0.43505
    const TemplateFigureCheck& mill_total = c.check.figures[8];
    CHECK(mill_total.figure == "SEE total");
    CHECK(mill_total.cbam->step->formula == "SEE_dir + SEE_ind");
    CHECK(c.check.figures[9].workbook.where.place() == "Summary_Communication!I27");
}

TEST_CASE("template check: a figure off by more than half a unit of the 5th decimal is reported, less is not", "[e2e][template][check]") {
    // Kiln direct 0.780004 (off by 0.000004: agrees); mill direct 0.43511 (off by 0.00006: differs).
    std::string bytes = cached({"0.780004", "0.025", "0.805"}, {"0.43511", "0.038", "0.47305"});
    if (bytes.empty()) {
        WARN("SKIPPED: the blank communication template is not available");
        return;
    }
    Checked c = check(bytes);
    CHECK_FALSE(c.check.all_agree());
    CHECK(c.check.figures[0].agrees);
    CHECK_EXACT(*c.check.figures[0].difference, D("0.000004"));
    const TemplateFigureCheck& off = c.check.figures[6];
    CHECK_FALSE(off.agrees);
    CHECK_EXACT(*off.difference, D("0.00006"));
    CHECK_THAT(off.why, Catch::Contains("they differ by 0.00006"));
    CHECK(c.check.figures[7].agrees);  // mill indirect
}

TEST_CASE("template check: error values and missing results are reported, never taken as agreement", "[e2e][template][check]") {
    std::string bytes = test::filled_template(test::clinker_and_cement());
    if (bytes.empty()) {
        WARN("SKIPPED: the blank communication template is not available");
        return;
    }
    // Filled but never recalculated: the blank's cached results (empty strings) are all there is.
    Checked none = check(bytes);
    CHECK_FALSE(none.results.any_result());
    CHECK_FALSE(none.check.all_agree());
    CHECK_THAT(none.check.figures[0].why, Catch::Contains("the workbook holds no result here"));

    bytes = cached({"0.78", "0.025", "0.805"}, {"0.43505", "0.038", "0.47305"});
    bytes = test::with_cached(bytes, "Summary_Products!J11", "#N/A", true);
    bytes = test::with_cached(bytes, "D_Processes!V50", "ErrMiss_1", false, true);
    Checked c = check(bytes);
    CHECK_FALSE(c.check.all_agree());
    CHECK_FALSE(c.check.figures[7].agrees);
    CHECK_THAT(c.check.figures[7].why, Catch::Contains("the workbook shows #N/A here"));
    // Both are the template's own markers (the file was not saved by LibreOffice: no artefacts).
    CHECK_FALSE(c.results.libreoffice);
    bool na = false, flag = false;
    for (const auto& m : c.results.markers) {
        if (m.where.place() == "Summary_Products!J11" && m.text == "#N/A") na = true;
        if (m.where.place() == "D_Processes!V50" && m.text == "ErrMiss_1") flag = true;
    }
    CHECK(na);
    CHECK(flag);
}
