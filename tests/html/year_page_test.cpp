// The year page (writers/html_year.h) and the figures behind it (calc/year_figures.h) on
// fixtures/warehouse-de: every figure on the page is the figure of the declaration's CSV or JSON,
// or of the totals, savings or holding CSV of the same run; the totals are exact sums of the
// declaration's goods, and the savings the difference of the two valuations.
#include "calc/declaration.h"
#include "calc/year_figures.h"
#include "html/page_figures.h"
#include "importers/customs_reader.h"
#include "importers/declaration_data_reader.h"
#include "importers/report_settings_reader.h"
#include "importers/supplier_reader.h"
#include "support.h"
#include "writers/declaration_writer.h"
#include "writers/html_year.h"

#include <algorithm>

#include <catch2/catch.hpp>

#include <memory>

using namespace cbam;

namespace {

struct Declared {
    SupplierData suppliers;
    std::vector<CarbonPricePaid> carbon_prices;
    std::vector<CertificatePrice> prices;
    ReportSettings settings;
    std::unique_ptr<DeclarationBuilder> builder;
    DeclarationResult r;
};

std::unique_ptr<Declared> declare_warehouse() {
    const std::string dir = test::source_path("fixtures/warehouse-de");
    auto d = std::make_unique<Declared>();
    Diagnostics diags;
    for (const char* f : {"fasteners-tw.csv", "fertiliser-eg.csv", "hydrogen-sa.csv"}) read_supplier_data(dir + "/suppliers/" + f, d->suppliers, diags);
    d->prices = read_certificate_prices(dir + "/certificate_prices.csv", diags);
    d->carbon_prices = read_carbon_prices_paid(dir + "/carbon_prices_paid.csv", diags);
    d->settings = read_report_settings(dir + "/settings.csv", "", diags);
    d->builder = std::make_unique<DeclarationBuilder>(2026, d->suppliers, d->carbon_prices, d->prices);
    read_customs_lines(dir + "/customs.csv", diags, [&](const CustomsLine& l) { d->builder->add(l, diags); });
    d->r = d->builder->finish(diags);
    INFO(diags.to_string());
    REQUIRE(diags.empty());
    return d;
}

}  // namespace

TEST_CASE("year figures: totals are exact sums of the goods, and a saving is defaults minus actual", "[html][declare]") {
    auto d = declare_warehouse();
    auto totals = declaration_totals(d->r, d->suppliers);
    REQUIRE(totals.back().group == "all");
    CHECK(totals.back().cost == d->r.cost);
    CHECK(totals.back().certificates == d->r.certificates);
    // Every importer has a row, also DE100000002 whose goods all fall under the de minimis.
    std::size_t importers = 0;
    for (const auto& row : totals) importers += row.group == "importer";
    CHECK(importers == d->r.importers.size());
    for (const char* group : {"importer", "installation"}) {
        Decimal cost = 0, certificates = 0;
        for (const auto& row : totals)
            if (row.group == group) cost += row.cost, certificates += row.certificates;
        CHECK(cost == d->r.cost);
        CHECK(certificates == d->r.certificates);
    }
    auto comparisons = compare_actual_data(*d->builder, d->r, d->suppliers);
    // The three installations with data: the fasteners (verified), the fertiliser works (not
    // verified), the hydrogen plant (verified).
    REQUIRE(comparisons.size() == 3);
    for (const auto& c : comparisons) {
        INFO(c.installation_id);
        REQUIRE(c.cost_at_defaults);
        REQUIRE(c.cost_at_actual);
        CHECK(*c.saving() == *c.cost_at_defaults - *c.cost_at_actual);
        // A verified installation's goods are counted on its data: its cost in the declaration is
        // the cost on actual data less the carbon price deduction's worth.
        const DeclarationEntry& e = d->r.entries[c.entry];
        if (c.verified && e.deduction.value().is_zero()) CHECK(e.cost.value() == *c.cost_at_actual);
        if (!c.verified) CHECK(e.cost.value() == *c.cost_at_defaults);
    }
    // The fertiliser works' data are not verified: at default values its 200 t cost what the
    // declaration counts (tests/e2e/warehouse_de_test.cpp, derivation [D]: 333.215 certificates,
    // EUR 25324.34), the same figures as valuing them again at default values.
    auto fertiliser = std::find_if(comparisons.begin(), comparisons.end(), [](const auto& c) { return c.installation_id == "EG-SKH-FERT-001"; });
    REQUIRE(fertiliser != comparisons.end());
    CHECK(*fertiliser->certificates_at_defaults == test::D("333.215"));
    CHECK(*fertiliser->cost_at_defaults == test::D("25324.34"));
    const DeclarationEntry& fe = d->r.entries[fertiliser->entry];
    std::string why;
    auto again = d->builder->value_at_defaults(fe.cn_code, fe.taric_code, fe.production_country, why);
    REQUIRE(again);
    Decimal certificates = 0, cost = 0;
    for (const auto& q : d->builder->revalue(fe, *again)) certificates += q.certificates.value(), cost += q.cost.value();
    CHECK(certificates == *fertiliser->certificates_at_defaults);
    CHECK(cost == *fertiliser->cost_at_defaults);
}

TEST_CASE("year page: every figure equals the declaration's CSV, JSON, totals, savings and holding CSV", "[html][declare]") {
    auto d = declare_warehouse();
    auto totals = declaration_totals(d->r, d->suppliers);
    auto comparisons = compare_actual_data(*d->builder, d->r, d->suppliers);
    HoldingCheck h = d->builder->holding(d->r, "2026-06-30", Decimal(10));
    auto entries = test::csv_rows(declaration_to_csv(d->r));
    auto totals_csv = test::csv_rows(year_totals_to_csv(d->r, totals));
    auto savings = test::csv_rows(comparisons_to_csv(d->r, comparisons));
    auto holding = test::csv_rows(holding_to_csv(h));
    auto lines = test::csv_rows(line_status_to_csv(d->r));
    ChartLibrary no_charts;
    for (const char* lang : {"en", "zh-TW"}) {
        Catalogue cat = Catalogue::load(lang);
        std::string html = year_to_html(YearPage{d->r, totals, comparisons, &h, "DE700000001", "Elbe"}, HtmlContext{cat, no_charts, {}});
        auto figures = test::page_figures(html);
        INFO(lang);
        REQUIRE(figures.size() > 40);
        std::set<std::string> kinds;
        for (const auto& f : figures) {
            INFO(f.row << " " << f.col << " = " << f.value);
            CHECK(f.text == cat.number(f.value));
            CHECK(test::page_has_id(html, f.link));
            auto bar = f.row.find('|');
            std::string a = f.row.substr(0, bar), b = f.row.substr(bar + 1);
            kinds.insert(a);
            std::string expected = "(none)";
            if (a == "entry") expected = entries.at(std::stoul(b)).at(f.col);
            else if (a == "saving") expected = savings.at(std::stoul(b)).at(f.col);
            else if (a == "holding") expected = holding.at(0).at(f.col);
            else if (a == "status") {
                std::size_t n = 0;
                for (const auto& l : lines) n += l.at("status") == b;
                expected = std::to_string(n);
            } else
                for (const auto& row : totals_csv)
                    if (row.at("group") == a && row.at("key") == b) expected = row.at(f.col);
            CHECK(expected == f.value);
        }
        CHECK(kinds == std::set<std::string>{"all", "entry", "holding", "importer", "installation", "saving", "status"});
    }
}

TEST_CASE("year page: which supplier costs most and what actual data saves, in Chinese", "[html][declare]") {
    auto d = declare_warehouse();
    auto totals = declaration_totals(d->r, d->suppliers);
    auto comparisons = compare_actual_data(*d->builder, d->r, d->suppliers);
    ChartLibrary no_charts;
    Catalogue zh = Catalogue::load("zh-TW");
    std::string html = year_to_html(YearPage{d->r, totals, comparisons, nullptr, "DE700000001", "Elbe"}, HtmlContext{zh, no_charts, {}});
    CHECK(html.find("哪個供應商的成本最高") != std::string::npos);
    CHECK(html.find("實際數據可節省多少") != std::string::npos);
    CHECK(html.find("Regulation (EU) 2023/956 Art. 2a") != std::string::npos);
    CHECK(html.find("季度持有檢查") == std::string::npos);  // no holding check asked for
}
