// The installation page (writers/html_installation.h): every figure on it is the figure of the
// JSON and CSV outputs of the same calculation, written the language's way, and links to its
// derivation. The expected values are not restated here: the page is tied to the outputs, which
// the fixture tests check against hand derivations (tests/e2e/fastener_tw_test.cpp,
// tests/unit/see_breakdown_test.cpp).
#include "calc/embedded_emissions.h"
#include "html/page_figures.h"
#include "importers/installation_reader.h"
#include "support.h"
#include "writers/html_installation.h"
#include "writers/see_results.h"

#include <catch2/catch.hpp>

using namespace cbam;

namespace {

std::string json_index_of(const std::map<std::string, std::string>& leaves, const std::string& good, const std::string& cn) {
    for (int i = 0;; ++i) {
        auto g = leaves.find("goods/" + std::to_string(i) + "/aggregated_good");
        if (g == leaves.end()) return "";
        auto c = leaves.find("goods/" + std::to_string(i) + "/cn_code");
        if (g->second == good && c != leaves.end() && (c->second == cn || (cn.empty() && c->second == "null"))) return "goods/" + std::to_string(i);
    }
}

}  // namespace

TEST_CASE("installation page: every figure equals the JSON and CSV output and links to its derivation", "[html][calc]") {
    for (const char* fixture : {"fixtures/fastener-tw", "fixtures/hydrogen-plant", "fixtures/aluminium-smelter", "fixtures/cement-vn"}) {
        Installation inst = read_installation(test::source_path(fixture));
        for (Scope scope : {Scope::Transitional, Scope::Definitive}) {
            CalcResult r = calculate(inst, scope);
            auto leaves = test::json_leaves(see_to_json(inst, r));
            auto csv = test::csv_rows(see_to_csv(inst, r));
            ChartLibrary no_charts;
            for (const char* lang : {"en", "zh-TW"}) {
                Catalogue cat = Catalogue::load(lang);
                std::string html = see_to_html(inst, r, HtmlContext{cat, no_charts, {}});
                auto figures = test::page_figures(html);
                INFO(fixture << " " << to_string(scope) << " " << lang);
                REQUIRE(figures.size() > 10);
                for (const auto& f : figures) {
                    INFO(f.row << " " << f.col << " = " << f.value);
                    CHECK(f.text == cat.number(f.value));
                    CHECK(test::plain_number(f.text, ",", ".") == f.value);
                    CHECK(test::page_has_id(html, f.link));
                    // "good|cn" is a good of the JSON output, "good|cn|k" the k-th share of its breakdown.
                    auto bar = f.row.find('|');
                    auto bar2 = f.row.find('|', bar + 1);
                    std::string good = f.row.substr(0, bar), cn = f.row.substr(bar + 1, bar2 == std::string::npos ? std::string::npos : bar2 - bar - 1);
                    std::string at = json_index_of(leaves, good, cn);
                    REQUIRE(!at.empty());
                    if (bar2 != std::string::npos) at += "/breakdown/" + f.row.substr(bar2 + 1);
                    REQUIRE(leaves.count(at + "/" + f.col));
                    CHECK(leaves.at(at + "/" + f.col) == f.value);
                    if (bar2 == std::string::npos && f.col != "default_values_share_pct") {
                        bool found = false;
                        for (const auto& row : csv) {
                            if (row.at("aggregated_good") != good || row.at("cn_code") != cn) continue;
                            found = true;
                            CHECK(row.at(f.col) == f.value);
                        }
                        CHECK(found);
                    }
                }
            }
        }
    }
}

TEST_CASE("installation page: the fastener's screws, in English and in Traditional Chinese", "[html][calc]") {
    Installation inst = read_installation(test::source_path("fixtures/fastener-tw"));
    CalcResult r = calculate(inst, Scope::Definitive);
    ChartLibrary no_charts;
    no_charts.problem = "not installed (test)";
    Catalogue en = Catalogue::load("en"), zh = Catalogue::load("zh-TW");
    std::string page_en = see_to_html(inst, r, HtmlContext{en, no_charts, {{"cbam", "test"}}});
    std::string page_zh = see_to_html(inst, r, HtmlContext{zh, no_charts, {{"cbam", "test"}}});
    // The answer to "where do this screw's emissions come from": each supplier and its basis.
    CHECK(page_en.find("Precursor Iron or steel products from Southern Sample Wire Rod Mill (fictional) (WR-TW, TW)") != std::string::npos);
    CHECK(page_en.find("Source stream NG-ANNEAL (combustion, process FASTENERS)") != std::string::npos);
    CHECK(page_en.find("<html lang=\"en\">") != std::string::npos);
    CHECK(page_zh.find("<html lang=\"zh-TW\">") != std::string::npos);
    CHECK(page_zh.find("複合產品") != std::string::npos);       // complex good
    CHECK(page_zh.find("單位產品的碳含量") != std::string::npos);  // a unit's carbon content
    CHECK(page_zh.find("CN 73181590") != std::string::npos);     // CN codes as they are
    CHECK(page_zh.find("Regulation (EU) 2023/956") != std::string::npos);
    // No chart library: the page says so where the charts would be, and writes no chart.
    CHECK(page_en.find("id=\"no-charts\"") != std::string::npos);
    CHECK(page_en.find("<canvas") == std::string::npos);
    // Nothing can be fetched.
    CHECK(page_en.find("default-src 'none'") != std::string::npos);
    CHECK(page_en.find("src=\"http") == std::string::npos);
}

TEST_CASE("catalogue: numbers keep their digits, and every language has every message", "[html][i18n]") {
    Catalogue en = Catalogue::load("en");
    CHECK(en.number("1234567.891") == "1,234,567.891");
    CHECK(en.number("-1234") == "-1,234");
    CHECK(en.number("123.45678") == "123.45678");
    CHECK(en.number("0.5") == "0.5");
    CHECK(en.format("calc.period", {{"start", "2025-10-01"}, {"end", "2026-09-30"}}) == "Reporting period 2025-10-01 to 2026-09-30");
    test::ScratchDir dir;
    dir.write("en.json", test::read_file(test::source_path("i18n/en.json")));
    dir.write("de.json", R"({"language":"de","number":{"decimal":",","group":".","group_size":3},"messages":{"calc.total":"Summe"}})");
    Catalogue de = Catalogue::load("de", dir.path());
    CHECK(de.number("1234567.891") == "1.234.567,891");
    CHECK(de("calc.total") == "Summe");
    CHECK(de("calc.simple") == "Simple good");  // missing: English
    CHECK_THROWS_AS(Catalogue::load("fr", dir.path()), InputError);
    CHECK_THROWS_AS(Catalogue::load("../en", dir.path()), InputError);
    dir.write("xx.json", "{\"messages\": {\"a\": 1}}");
    CHECK_THROWS_AS(Catalogue::load("xx", dir.path()), InputError);

    for (const auto& lang : Catalogue::languages()) {
        INFO(lang);
        auto en_keys = test::json_leaves(test::read_file(test::source_path("i18n/en.json")));
        auto other = test::json_leaves(test::read_file(test::source_path("i18n/" + lang + ".json")));
        for (const auto& [path, text] : en_keys) {
            if (path.rfind("messages/", 0) != 0) continue;
            INFO(path);
            REQUIRE(other.count(path));
            // The same placeholders in every language.
            for (std::size_t at = text.find('{'); at != std::string::npos; at = text.find('{', at + 1))
                CHECK(other.at(path).find(text.substr(at, text.find('}', at) - at + 1)) != std::string::npos);
        }
        for (const auto& [path, text] : other) CHECK((path.rfind("messages/", 0) != 0 || en_keys.count(path)));
    }
}
