// The pages as the command line writes them (--html, --lang): one run writes the machine-readable
// outputs and the page, and every figure of the page is found in those outputs of the same run.
#include "html/page_figures.h"
#include "support.h"

#include <catch2/catch.hpp>

using namespace cbam;

namespace {

std::map<std::string, std::string> by_key(const std::vector<std::map<std::string, std::string>>& rows, const std::string& a, const std::string& b) {
    std::map<std::string, std::string> out;
    for (const auto& row : rows) {
        std::string key = row.at(a) + "|" + row.at(b);
        for (const auto& [col, v] : row) out[key + "/" + col] = v;
    }
    return out;
}

}  // namespace

TEST_CASE("cbam calc --html: the page's figures are those of the JSON written in the same run", "[html][cli]") {
    test::ScratchDir dir;
    auto r = test::run_cbam({"calc", test::source_path("fixtures/fastener-tw"), "-o", dir.file("see.json"), "--html", dir.file("p.html"), "--lang", "zh-TW"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto json = test::json_leaves(test::read_file(dir.file("see.json")));
    std::string html = test::read_file(dir.file("p.html"));
    CHECK(html.find("<html lang=\"zh-TW\">") != std::string::npos);
    auto figures = test::page_figures(html);
    REQUIRE(figures.size() > 20);
    for (const auto& f : figures) {
        INFO(f.row << " " << f.col);
        // "Iron or steel products|73181590|2": good 1 of the JSON (the category is good 0), share 2.
        auto bar = f.row.find('|'), bar2 = f.row.find('|', bar + 1);
        std::string cn = f.row.substr(bar + 1, bar2 == std::string::npos ? std::string::npos : bar2 - bar - 1);
        std::string at;
        for (int i = 0; json.count("goods/" + std::to_string(i) + "/cn_code"); ++i)
            if (json.at("goods/" + std::to_string(i) + "/cn_code") == (cn.empty() ? "null" : cn)) at = "goods/" + std::to_string(i);
        REQUIRE(!at.empty());
        if (bar2 != std::string::npos) at += "/breakdown/" + f.row.substr(bar2 + 1);
        CHECK(json.at(at + "/" + f.col) == f.value);
    }
}

TEST_CASE("cbam report --html: the page's figures are those of the summary, totals and skipped CSV", "[html][cli]") {
    test::ScratchDir dir;
    auto r = test::run_cbam({"report", test::source_path("fixtures/importer-nl"), "--period", "2024Q2", "-o", dir.file("r.xml"), "--html", dir.file("p.html")});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto summary = by_key(test::csv_rows(test::read_file(dir.file("r.summary.csv"))), "cn_code", "origin");
    auto totals = by_key(test::csv_rows(test::read_file(dir.file("r.totals.csv"))), "group", "key");
    auto skipped = test::csv_rows(test::read_file(dir.file("r.skipped.csv")));
    auto figures = test::page_figures(test::read_file(dir.file("p.html")));
    REQUIRE(figures.size() > 20);
    for (const auto& f : figures) {
        INFO(f.row << " " << f.col);
        if (f.row.rfind("reason.", 0) == 0) {
            std::size_t n = 0;
            for (const auto& s : skipped) n += s.at("reason_code") == f.row.substr(7);
            CHECK(std::to_string(n) == f.value);
        } else if (totals.count(f.row + "/" + f.col)) {
            CHECK(totals.at(f.row + "/" + f.col) == f.value);
        } else {
            REQUIRE(summary.count(f.row + "/" + f.col));
            CHECK(summary.at(f.row + "/" + f.col) == f.value);
        }
    }
}

TEST_CASE("cbam declare --html: the page's figures are those of the CSV files written in the same run", "[html][cli]") {
    test::ScratchDir dir;
    auto r = test::run_cbam({"declare", test::source_path("fixtures/warehouse-de"), "--year", "2026", "-o", dir.file("d.csv"), "--html", dir.file("p.html")});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto entries = test::csv_rows(test::read_file(dir.file("d.csv")));
    auto totals = by_key(test::csv_rows(test::read_file(dir.file("d.totals.csv"))), "group", "key");
    auto savings = test::csv_rows(test::read_file(dir.file("d.savings.csv")));
    auto lines = test::csv_rows(test::read_file(dir.file("d.lines.csv")));
    auto figures = test::page_figures(test::read_file(dir.file("p.html")));
    REQUIRE(figures.size() > 40);
    for (const auto& f : figures) {
        INFO(f.row << " " << f.col);
        auto bar = f.row.find('|');
        std::string a = f.row.substr(0, bar), b = f.row.substr(bar + 1);
        if (a == "entry") CHECK(entries.at(std::stoul(b)).at(f.col) == f.value);
        else if (a == "saving") CHECK(savings.at(std::stoul(b)).at(f.col) == f.value);
        else if (a == "status") {
            std::size_t n = 0;
            for (const auto& l : lines) n += l.at("status") == b;
            CHECK(std::to_string(n) == f.value);
        } else {
            REQUIRE(totals.count(f.row + "/" + f.col));
            CHECK(totals.at(f.row + "/" + f.col) == f.value);
        }
    }
}

TEST_CASE("cbam --html without the chart library: the page is written with a notice, and cbam says so", "[html][cli]") {
    test::ScratchDir dir;
    ::setenv("CBAM_CHART_JS", dir.file("missing.js").c_str(), 1);
    auto r = test::run_cbam({"calc", test::source_path("fixtures/fastener-tw"), "--html", dir.file("p.html")});
    ::unsetenv("CBAM_CHART_JS");
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("the page will have no charts") != std::string::npos);
    std::string html = test::read_file(dir.file("p.html"));
    CHECK(html.find("id=\"no-charts\"") != std::string::npos);
    CHECK_FALSE(test::page_figures(html).empty());
    auto bad = test::run_cbam({"calc", test::source_path("fixtures/fastener-tw"), "--html", dir.file("q.html"), "--lang", "xx"});
    CHECK(bad.exit_code == 2);
    CHECK_FALSE(test::file_exists(dir.file("q.html")));
}
