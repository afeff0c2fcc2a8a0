// The transitional default values of a quarterly report (cn_codes/transitional_default_values.csv:
// a partial transcription of the Commission's document of 22 December 2023, 45 rows, each with the
// confidence of its transcription). Each use is flagged in the XML as a default (determination
// type 02, a remark with the confidence) and in the summary with the row and its confidence; rows
// below medium are used only when allowed, and each such use is a warning.
//
// Rows used below (line numbers of transitional_default_values.csv):
//   line 3  25231000 Cement clinkers        0.83 / 0.04  medium-high
//   line 9  7201     Pig iron               1.90 / 0.17  medium
//   line 8  26011200 Agglomerated iron ores total 0.36 only (no split), medium
//   line 31 7318     Screws, bolts ...      1.89 / 0.32  low
#include "calc/quarter.h"
#include "importers/customs_reader.h"
#include "importers/report_settings_reader.h"
#include "support.h"
#include "writers/qreport_writer.h"
#include "writers/report_summary.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace cbam;
using cbam::test::D;

namespace {

constexpr const char* kHeader =
    "declaration,item,acceptance_date,cn_code,origin,net_mass,mass_unit,requested_procedure,importer,import_area,installation_id,description\n";

struct Built {
    QuarterResult r;
    Diagnostics diags;
};

Built build(const std::string& lines, bool allow_low) {
    test::ScratchDir dir;
    dir.write("customs.csv", std::string(kHeader) + lines);
    Built b;
    ReportSettings s = read_report_settings(test::source_path("fixtures/importer-nl/settings.csv"), "", b.diags);
    SupplierData none;
    QuarterBuilder q(*Quarter::parse("2025Q1"), s, none);
    q.allow_low_confidence_defaults(allow_low);
    read_customs_lines(dir.file("customs.csv"), b.diags, [&](const CustomsLine& l) { q.add(l, b.diags); });
    b.r = q.finish(b.diags);
    return b;
}

const GoodSummary& good(const QuarterResult& r, const std::string& cn) {
    auto it = std::find_if(r.summary.begin(), r.summary.end(), [&](const GoodSummary& g) { return g.cn_code == cn; });
    REQUIRE(it != r.summary.end());
    return *it;
}

}  // namespace

TEST_CASE("report: rows of medium confidence or above are used, flagged as defaults with their confidence", "[report][defaults]") {
    // Pig iron 72011011 from IN, 100 t: line 9, 7201: direct 100 x 1.90 = 190, indirect 100 x 0.17 = 17.
    // Clinker 25231000 from TR, 50 t: line 3: direct 50 x 0.83 = 41.5, indirect 50 x 0.04 = 2.
    Built b = build("25X1,1,2025-01-10,72011011,IN,100,t,40,NL800000001,EU,,pig iron\n"
                    "25X2,1,2025-01-11,25231000,TR,50,t,40,NL800000001,EU,,clinker\n",
                    false);
    INFO(b.diags.to_string());
    REQUIRE(b.diags.empty());
    const GoodSummary& pig = good(b.r, "72011011");
    CHECK(pig.direct == D("190"));
    CHECK(pig.indirect == D("17"));
    CHECK(pig.default_share() == D("1"));
    REQUIRE(pig.default_value_confidence);
    CHECK(*pig.default_value_confidence == Confidence::Medium);
    CHECK_THAT(pig.default_value_row, Catch::Contains("CN 7201 (heading value), transitional_default_values.csv:9"));
    const GoodSummary& clinker = good(b.r, "25231000");
    CHECK(clinker.direct == D("41.5"));
    CHECK(clinker.indirect == D("2"));
    CHECK(*clinker.default_value_confidence == Confidence::MediumHigh);
    // Pig iron is a complex good: the 20 % rule on estimates warns (IR 2023/1773 Art. 5); no warning
    // about the confidence of a default value.
    for (const auto& w : b.r.warnings) CHECK_THAT(w, !Catch::Contains("confidence"));

    std::string xml = write_qreport(b.r.report);
    CHECK_THAT(xml, Catch::Contains("<DeterminationType>02</DeterminationType>"));
    CHECK_THAT(xml, Catch::Contains("transcription confidence medium)"));
    CHECK_THAT(xml, Catch::Contains("transcription confidence medium-high)"));
    std::string csv = summary_to_csv(b.r);
    CHECK_THAT(csv, Catch::Contains("default_value_row,default_value_confidence"));
    CHECK_THAT(csv, Catch::Contains(",medium\n"));
    std::string table = summary_to_table(b.r);
    CHECK_THAT(table, Catch::Contains("CN 72011011 from IN: transitional default value CN 7201 (heading value), transitional_default_values.csv:9, "
                                      "transcription confidence medium"));
}

TEST_CASE("report: a low-confidence row is refused unless allowed, and is then a warning", "[report][defaults]") {
    // Screws 73181590 from CN, 10 t, no installation: line 31, heading 7318, 1.89 / 0.32, low.
    const std::string line = "25X1,1,2025-02-10,73181590,CN,10,t,40,NL800000001,EU,,screws\n";
    SECTION("not allowed: an error naming the row, its confidence and the option") {
        Built b = build(line, false);
        REQUIRE(b.diags.count() == 1);
        std::string err = b.diags.to_string();
        CHECK_THAT(err, Catch::Contains("customs.csv:2"));
        CHECK_THAT(err, Catch::Contains("transitional_default_values.csv:31"));
        CHECK_THAT(err, Catch::Contains("with low confidence"));
        CHECK_THAT(err, Catch::Contains("--allow-low-confidence-defaults"));
    }
    SECTION("allowed: used (10 x 1.89 = 18.9, 10 x 0.32 = 3.2) with a warning") {
        Built b = build(line, true);
        INFO(b.diags.to_string());
        REQUIRE(b.diags.empty());
        const GoodSummary& g = good(b.r, "73181590");
        CHECK(g.direct == D("18.9"));
        CHECK(g.indirect == D("3.2"));
        CHECK(*g.default_value_confidence == Confidence::Low);
        REQUIRE_FALSE(b.r.warnings.empty());
        CHECK(std::any_of(b.r.warnings.begin(), b.r.warnings.end(), [](const std::string& w) {
            return w.find("CN 73181590 from CN: reported on a transitional default value of low confidence") != std::string::npos;
        }));
        CHECK_THAT(summary_to_table(b.r), Catch::Contains("warning: CN 73181590 from CN: reported on a transitional default value of low confidence"));
        CHECK_THAT(write_qreport(b.r.report), Catch::Contains("transcription confidence low)"));
    }
}

TEST_CASE("report: a row that gives only a total cannot be reported, even when allowed", "[report][defaults]") {
    // Sintered ore 26011200 from BR, 100 t: line 8 gives the total 0.36 only.
    Built b = build("25X1,1,2025-03-01,26011200,BR,100,t,40,NL800000001,EU,,sinter\n", true);
    REQUIRE(b.diags.count() == 1);
    CHECK_THAT(b.diags.to_string(), Catch::Contains("gives only a total of 0.36 tCO2e/t"));
}
