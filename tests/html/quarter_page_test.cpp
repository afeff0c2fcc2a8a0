// The quarter page (writers/html_quarter.h) and the totals it shows (calc/quarter_totals.h): every
// figure on the page is the figure of the summary, totals or skipped-lines CSV of the same run, and
// the totals are exact sums of the report's goods (checked here against the summary, independently
// of how quarter_totals groups them).
#include "calc/quarter.h"
#include "calc/quarter_totals.h"
#include "html/page_figures.h"
#include "importers/customs_reader.h"
#include "importers/report_settings_reader.h"
#include "importers/supplier_reader.h"
#include "support.h"
#include "writers/html_quarter.h"
#include "writers/report_summary.h"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace cbam;

namespace {

QuarterResult quarter_of(const std::string& fixture, const char* period) {
    Diagnostics diags;
    std::string dir = test::source_path(fixture);
    ReportSettings s = read_report_settings(dir + "/settings.csv", "", diags);
    SupplierData data;
    for (const auto& f : std::filesystem::directory_iterator(dir + "/suppliers")) read_supplier_data(f.path().string(), data, diags);
    QuarterBuilder b(*Quarter::parse(period), s, data);
    read_customs_lines(dir + "/customs.csv", diags, [&](const CustomsLine& l) { b.add(l, diags); });
    QuarterResult r = b.finish(diags);
    REQUIRE(diags.empty());
    return r;
}

}  // namespace

TEST_CASE("quarter totals: exact sums of the report's goods by CN code, origin and installation", "[html][report]") {
    QuarterResult r = quarter_of("fixtures/importer-nl", "2024Q2");
    QuarterTotals t = quarter_totals(r);
    Decimal all = 0, from_defaults = 0;
    for (const auto& s : r.summary) all += s.total(), from_defaults += s.from_default_values;
    const TotalsRow& last = t.rows.back();
    CHECK(last.group == "all");
    CHECK(last.total() == all);
    CHECK(last.from_default_values == from_defaults);
    for (const char* group : {"cn_code", "origin", "installation"}) {
        Decimal sum = 0;
        for (const auto& row : t.rows)
            if (row.group == group) sum += row.total();
        CHECK(sum == all);
    }
    for (const auto& row : t.rows) {
        if (row.group != "origin") continue;
        Decimal expected = 0;
        for (const auto& s : r.summary)
            if (s.origin == row.key) expected += s.total();
        CHECK(row.total() == expected);
    }
    std::size_t counted = 0;
    for (const auto& rc : t.skipped_by_reason) counted += rc.lines;
    CHECK(counted == r.skipped.size());
    CHECK(r.lines_reported + r.skipped.size() == r.lines_read);
}

TEST_CASE("quarter page: every figure equals the summary, totals and skipped-lines CSV", "[html][report]") {
    for (auto [fixture, period] : {std::pair{"fixtures/importer-nl", "2024Q2"}, std::pair{"fixtures/importer-nl-2024Q3", "2024Q3"}}) {
        QuarterResult r = quarter_of(fixture, period);
        QuarterTotals t = quarter_totals(r);
        auto summary = test::csv_rows(summary_to_csv(r));
        auto totals = test::csv_rows(totals_to_csv(t));
        auto skipped = test::csv_rows(skipped_to_csv(r));
        ChartLibrary no_charts;
        for (const char* lang : {"en", "zh-TW"}) {
            Catalogue cat = Catalogue::load(lang);
            std::string html = quarter_to_html(r, t, HtmlContext{cat, no_charts, {}});
            auto figures = test::page_figures(html);
            INFO(fixture << " " << lang);
            REQUIRE(figures.size() > 10);
            for (const auto& f : figures) {
                INFO(f.row << " " << f.col << " = " << f.value);
                CHECK(f.text == cat.number(f.value));
                CHECK(test::page_has_id(html, f.link));
                auto bar = f.row.find('|');
                std::string a = f.row.substr(0, bar), b = bar == std::string::npos ? "" : f.row.substr(bar + 1);
                bool found = false;
                if (f.row.rfind("reason.", 0) == 0) {
                    std::size_t n = 0;
                    for (const auto& row : skipped) n += row.at("reason_code") == f.row.substr(7);
                    CHECK(std::to_string(n) == f.value);
                    found = n > 0;
                } else if (a == "cn_code" || a == "origin" || a == "installation" || a == "all") {
                    for (const auto& row : totals)
                        if (row.at("group") == a && row.at("key") == b) {
                            found = true;
                            CHECK(row.at(f.col) == f.value);
                        }
                } else {
                    for (const auto& row : summary)
                        if (row.at("cn_code") == a && row.at("origin") == b) {
                            found = true;
                            CHECK(row.at(f.col) == f.value);
                        }
                }
                CHECK(found);
            }
        }
    }
}

TEST_CASE("quarter page: the default values' share, the 20 % rule and the lines not reported, in Chinese", "[html][report]") {
    QuarterResult r = quarter_of("fixtures/importer-nl", "2024Q2");
    ChartLibrary no_charts;
    Catalogue zh = Catalogue::load("zh-TW");
    std::string html = quarter_to_html(r, quarter_totals(r), HtmlContext{zh, no_charts, {}});
    CHECK(html.find("<html lang=\"zh-TW\">") != std::string::npos);
    CHECK(html.find("依生產設施") != std::string::npos);
    CHECK(html.find("未申報的海關申報項目及原因") != std::string::npos);
    CHECK(html.find("Implementing Regulation (EU) 2023/1773 Art. 5") != std::string::npos);
}
