// End to end: fixtures/warehouse-de, a fictional German bonded warehouse (declarant DE700000001)
// declaring for three importers the year 2026, the first year of the definitive period.
//
// Every expected figure below is derived by hand from the fixture's files and from the project's
// data rows quoted with their line numbers; none was copied from the program's output.
//
// ---------------------------------------------------------------------------------------------
// Data of the year (cn_codes/phase_in.csv line 2):
//   2026,0.975,1.000,0.10,0.01,...   CBAM factor 0.975, CSCF 1.000, mark-up 10 % (cement, iron and
//                                     steel, aluminium, hydrogen), 1 % (fertilisers)
//   so SEFA = 0.975 x 1.000 x BM = 0.975 x BM.
//
// Certificate prices (certificate_prices.csv):
//   line 2  2026-01-01..2026-03-31  75.36   (Q1, price index 0)
//   line 3  2026-04-01..2026-06-30  75.28   (Q2, price index 1)
//   line 4  2026-07-01..2026-09-30  76.00   (Q3, price index 2)
//   line 5  2026-10-01..2026-12-31  76.00   (Q4, price index 3)
//
// Customs lines (customs.csv), what becomes of them:
//   2  DE100000001 73181590 TW 30 t   2026-02-10 Q1  TW-KHH-FAST-001        counted (actual, verified)
//   3  DE100000001 73181590 TW 20 t   2026-05-12 Q2  TW-KHH-FAST-001        counted (same good, Q2)
//   4  DE100000001 25232900 TR 400 t  2026-03-05 Q1  no installation        counted (defaults)
//   5  DE100000001 31023090 EG 200 t  2026-08-20 Q3  EG-SKH-FERT-001        counted (data NOT verified: defaults)
//   6  DE100000001 76011000 CN 25 t   2026-06-15 Q2  no installation        counted (defaults)
//   7  DE100000001 72083900 NO 60 t   2026-07-01                            out of scope (Norway, Annex III)
//   8  DE100000001 73181590 TW 10 t   2026-09-30 requested procedure 71     not reportable
//   9  DE100000001 28041000 SA 5 t    2026-04-20 Q2  SA-JUB-H2-001          counted (actual, verified)
//  10  DE100000002 73181590 CN 12 t   2026-03-18                            de minimis
//  11  DE100000002 25232900 TR 30 t   2026-10-02                            de minimis
//  12  DE100000002 28041000 SA 1 t    2026-11-05 Q4  no installation        counted (hydrogen never exempt)
//  13  DE100000003 76011000 IN 50.5 t 2026-05-28 Q2  no installation        counted (defaults)
//
// Mass of cement, iron and steel, aluminium and fertiliser goods per importer (Art. 2a):
//   DE100000001: 30 + 20 + 400 + 200 + 25 = 675 t (line 7 is out of scope and line 8 not
//                reportable: neither adds; hydrogen, line 9, never adds)          > 50: counted
//   DE100000002: 12 + 30 = 42 t (hydrogen, line 12, does not add)                 <= 50: exempt
//   DE100000003: 50.5 t                                                           > 50: counted
//
// ---------------------------------------------------------------------------------------------
// [A] DE100000001, cement 25232900 from TR, 400 t, Q1, no installation: default values.
//   definitive_default_values.csv line 10180:  TR,Türkiye,25232900,Grey Portland cement,,,,,
//     -> Türkiye gives no value (empty Total), so the other countries' table applies:
//   definitive_default_values.csv line 12263:  XX,Other countries and territories,25232900,Grey Portland cement,,1.360,0.080,1.440,
//     Total 1.440, route empty.
//   SEE counted = 1.440 x 1.10 = 1.584
//   embedded    = 400 x 1.584 = 633.6
//   benchmarks.csv line 6:  25232900,Grey Portland cement,,0.000,0.666   -> column B 0.666
//   SEFA        = 0.975 x 1.000 x 0.666 = 0.64935
//   FA adj.     = 400 x 0.64935 = 259.74
//   certificates= 633.6 - 259.74 - 0 = 373.86
//   cost        = 373.86 x 75.36 = 28039.5 + 134.5896 = 28174.0896
//
// [B] DE100000001, hydrogen 28041000 from SA, 5 t, Q2, installation SA-JUB-H2-001.
//   suppliers/hydrogen-sa.csv line 2: see_direct 6.30452, see_indirect 0.54338,
//     see_indirect_counted 0.00000, scope definitive, verified yes, no route column.
//   Hydrogen is in Annex II: only direct emissions count.
//   SEE counted = 6.30452 + 0 = 6.30452
//   embedded    = 5 x 6.30452 = 31.5226
//   benchmarks.csv line 11:  28041000,Hydrogen,,5.089,5.089   -> column A 5.089
//   SEFA        = 0.975 x 5.089 = 4.961775
//   FA adj.     = 5 x 4.961775 = 24.808875
//   deduction   = 0 (no carbon price paid is given for SA-JUB-H2-001)
//   certificates= 31.5226 - 24.808875 = 6.713725
//   cost        = 6.713725 x 75.28 = 503.529375 + 1.879843 = 505.409218
//
// [C] DE100000001, screws 73181590 from TW, installation TW-KHH-FAST-001: 30 t in Q1 (line 2),
//   20 t in Q2 (line 3); line 8 (10 t, procedure 71) does not count.
//   suppliers/fasteners-tw.csv line 2: see_direct 2.74610, see_indirect 1.13075,
//     see_indirect_counted 0.00000, scope definitive, route C, verified yes.
//   SEE counted = 2.7461 (iron and steel: direct only)
//   embedded    Q1 = 30 x 2.7461 = 82.383     Q2 = 20 x 2.7461 = 54.922     year 137.305
//   Screws (7318, "Iron or steel products") are a complex good: SEFA = SFAProc + sum m_i x SEFA_i
//   (IR (EU) 2025/2620 Annex point 3.3, equations 4 and 5).
//   SFAProc: 73181590 is not listed in benchmarks.csv; the rows under 731815 have routes C, D, E,
//   (1), (2); the route C rows all read 0.038 / 1.364:
//     line 1588 73181520,,C,0.038,1.364   line 1593 73181542,,C,0.038,1.364
//     line 1596 73181548,,C,0.038,1.364   line 1601 73181558,,C,0.038,1.364
//     line 1606 73181568,,C,0.038,1.364   line 1611 73181582,,C,0.038,1.364
//     line 1614 73181588,,C,0.038,1.364   line 1617 73181595,,C,0.038,1.364
//   -> column A 0.038;  SFAProc = 0.975 x 0.038 = 0.03705
//   Precursors (suppliers/fasteners-tw-precursors.csv; the plant makes 1200 t in the period):
//     line 2: wire rod 72139110 from TW, 800 t consumed, verified SEFA 1.33575 (point 3.3(1))
//             m = 800 / 1200 = 2/3;  2/3 x 1.33575 = 0.8905
//     line 3: wire rod 72139110 from CN, 500 t consumed, no SEFA given (point 3.3(2)):
//             definitive_default_values.csv line 2733: CN,China,7213,...,C,3.169,,3.169 -> route C
//             benchmarks.csv line 370: 72139110,,C,0.038,1.364 -> column B 1.364
//             SEFA_i = 0.975 x 1.364 = 1.3299;  m = 500 / 1200 = 5/12;  5/12 x 1.3299 = 0.554125
//   SEFA = 0.03705 + 0.8905 + 0.554125 = 1.481675  (every input given: no "upper bound")
//   FA adj.     Q1 = 30 x 1.481675 = 44.45025  Q2 = 20 x 1.481675 = 29.6335    year 74.08375
//   (Before the precursors were counted, the adjustment was the process term alone, 0.03705 per t:
//   1.1115 + 0.741 = 1.8525 for the year, and the certificates were shown as an upper bound.)
//   carbon_prices_paid.csv line 2: TW-KHH-FAST-001, 73181590, 300 TWD/t, 0.028 EUR/TWD, rebate 0,
//     covered share 0.5: paid = (300 - 0) x 0.028 = 8.4 EUR/t; 8.4 x 0.5 = 4.2
//   deduction   Q1 = 4.2 x 82.383 / 75.36 = 346.0086 / 75.36 = 576681/125600 (= 4.591409...)
//               Q2 = 4.2 x 54.922 / 75.28 = 230.6724 / 75.28 = 576681/188200 (= 3.064192...)
//   certificates Q1 = 82.383 - 44.45025 - 576681/125600 = 37.93275 - 4.591409... = 33.341341...
//                Q2 = 54.922 - 29.6335  - 576681/188200 = 25.2885  - 3.064192... = 22.224308...
//                year 63.22125 - 7.655602... = 55.565648...
//   cost        Q1 = 37.93275 x 75.36 - 346.0086 = 2858.61204 - 346.0086 = 2512.60344
//               Q2 = 25.2885 x 75.28 - 230.6724  = 1903.71828 - 230.6724 = 1673.04588
//               year 4185.64932
//
// [D] DE100000001, ammonium nitrate 31023090 from EG, 200 t, Q3, EG-SKH-FERT-001.
//   suppliers/fertiliser-eg.csv line 2 has verified = no: default values of the installation's
//   country EG.
//   definitive_default_values.csv line 3435:  EG,Egypt,31023090,"Ammonium nitrate (...)",,2.320,0.080,2.390,
//   SEE counted = 2.390 x 1.01 = 2.4139
//   embedded    = 200 x 2.4139 = 482.78
//   benchmarks.csv line 23:  31023090,"Ammonium nitrate (...)",,0.019,0.767   -> column B 0.767
//   SEFA        = 0.975 x 0.767 = 0.747825
//   FA adj.     = 200 x 0.747825 = 149.565
//   certificates= 482.78 - 149.565 = 333.215
//   cost        = 333.215 x 76.00 = 25324.34
//
// [E] DE100000001, unwrought aluminium 76011000 from CN, 25 t, Q2, no installation.
//   definitive_default_values.csv line 2666:  CN,China,7601,Unwrought aluminium,K,3.000,,3.000,
//   SEE = 3.000 x 1.10 = 3.3; embedded = 25 x 3.3 = 82.5
//   benchmarks.csv: 76011000 not listed; under 760110, route K:
//     line 1690 76011010,,K,1.423,1.423    line 1692 76011090,,K,1.423,1.423   -> column B 1.423
//   SEFA = 0.975 x 1.423 = 1.387425; FA = 25 x 1.387425 = 34.685625
//   certificates = 82.5 - 34.685625 = 47.814375; cost = 47.814375 x 75.28 = 3599.46615
//
// [F] DE100000002, hydrogen 28041000 from SA, 1 t, Q4, no installation: default values.
//   definitive_default_values.csv line 8551:  SA,Saudi Arabia,28041000,Hydrogen,,13.450,,13.450,
//   SEE = 13.450 x 1.10 = 14.795; embedded = 14.795
//   benchmarks.csv line 11 column B 5.089: SEFA 4.961775; FA = 4.961775
//   certificates = 14.795 - 4.961775 = 9.833225; cost = 9.833225 x 76.00 = 747.3251
//
// [G] DE100000003, unwrought aluminium 76011000 from IN, 50.5 t, Q2, no installation.
//   definitive_default_values.csv line 3865:  IN,India,7601,Unwrought aluminium,K,1.870,,1.870,
//   SEE = 1.870 x 1.10 = 2.057; embedded = 50.5 x 2.057 = 103.8785
//   benchmark column B 1.423 (as [E]): SEFA 1.387425; FA = 50.5 x 1.387425 = 70.0649625
//   certificates = 103.8785 - 70.0649625 = 33.8135375
//   cost = 33.8135375 x 75.28 = 2536.0153125 + 9.4677905 = 2545.483103
//
// Totals of the year (7 goods: [A] [B] [D] [C] [E] of DE100000001, [F], [G]):
//   embedded  633.6 + 31.5226 + 482.78 + 137.305 + 82.5 + 14.795 + 103.8785 = 1486.3811
//   FA adj.   259.74 + 24.808875 + 149.565 + 74.08375 + 34.685625 + 4.961775 + 70.0649625 = 617.9099875
//   deduction 576681/125600 + 576681/188200 (= 7.655601...)
//   certificates (none is floored at 0) = 1486.3811 - 617.9099875 - deduction
//                = 868.4711125 - 7.655601... = 860.815510...  -> to surrender: 861
//   cost      28174.0896 + 505.409218 + 25324.34 + 4185.64932 + 3599.46615 + 747.3251 + 2545.483103
//           = 65081.762491
//   (With the screws' adjustment at 1.8525 before, these were 545.6787375, 933 and 70522.798091:
//   the screws' 72.23125 t more adjustment is 72.23125 certificates less, and their cost falls by
//   9626.68492 - 4185.64932 = 5441.0356.)
//
// Holding check at 2026-06-30 (imports of Q1 and Q2, all on default values, no deduction):
//   [A] cement Q1 (already defaults)                                         373.86
//   [B] hydrogen on SA's default (line 8551): SEE 14.795, column B 5.089:
//       5 x 14.795 - 5 x 4.961775 = 73.975 - 24.808875                     =  49.166125
//   [C] screws on TW's default: definitive_default_values.csv line 9650:
//       TW,Taiwan,731815,"Threaded screws and bolts, (...)",C,2.707,,2.707,
//       SEE 2.707 x 1.10 = 2.9777; route C -> column B 1.364 (lines 1588.. above):
//       SEFA 0.975 x 1.364 = 1.3299
//       Q1: 30 x 2.9777 - 30 x 1.3299 = 89.331 - 39.897                      =  49.434
//       Q2: 20 x 2.9777 - 20 x 1.3299 = 59.554 - 26.598                      =  32.956
//   [E] aluminium CN Q2                                                      =  47.814375
//   [G] aluminium IN Q2                                                      =  33.8135375
//   ([D] is Q3, [F] is Q4: not included; DE100000002's goods are de minimis)
//   sum 587.0440375, to hold 50 %: 293.52201875
//   At 2026-03-31: 373.86 + 49.434 = 423.294, to hold 211.647.
#include "calc/declaration.h"
#include "importers/customs_reader.h"
#include "importers/declaration_data_reader.h"
#include "importers/supplier_reader.h"
#include "support.h"
#include "validate/xsd.h"
#include "writers/declaration_writer.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>

using namespace cbam;
using cbam::test::D;

namespace {

// The builder keeps references to the inputs: they live together, never moved.
struct Declared {
    SupplierData suppliers;
    std::vector<CarbonPricePaid> carbon_prices;
    std::vector<CertificatePrice> prices;
    std::unique_ptr<DeclarationBuilder> builder;
    DeclarationResult r;
};

std::unique_ptr<Declared> declare_warehouse_de() {
    const std::string dir = test::source_path("fixtures/warehouse-de");
    auto d = std::make_unique<Declared>();
    Diagnostics diags;
    std::vector<std::string> files;
    for (const char* f : {"fasteners-tw.csv", "fasteners-tw-precursors.csv", "fertiliser-eg.csv", "hydrogen-sa.csv"})
        files.push_back(dir + "/suppliers/" + f);
    read_supplier_files(files, d->suppliers, diags);
    d->prices = read_certificate_prices(dir + "/certificate_prices.csv", diags);
    d->carbon_prices = read_carbon_prices_paid(dir + "/carbon_prices_paid.csv", diags);
    INFO(diags.to_string());
    REQUIRE(diags.empty());
    d->builder = std::make_unique<DeclarationBuilder>(2026, d->suppliers, d->carbon_prices, d->prices);
    read_customs_lines(dir + "/customs.csv", diags, [&](const CustomsLine& l) { d->builder->add(l, diags); });
    INFO(diags.to_string());
    REQUIRE(diags.empty());
    d->r = d->builder->finish(diags);
    INFO(diags.to_string());
    REQUIRE(diags.empty());
    return d;
}

const DeclarationEntry& entry(const DeclarationResult& r, const std::string& importer, const std::string& cn, const std::string& origin) {
    auto it = std::find_if(r.entries.begin(), r.entries.end(),
                           [&](const DeclarationEntry& e) { return e.importer == importer && e.cn_code == cn && e.origin == origin; });
    REQUIRE(it != r.entries.end());
    return *it;
}

const LineStatus& line(const DeclarationResult& r, std::size_t n) {
    auto it = std::find_if(r.lines.begin(), r.lines.end(), [&](const LineStatus& l) { return l.where.line == n; });
    REQUIRE(it != r.lines.end());
    return *it;
}

const ImporterMass& importer(const DeclarationResult& r, const std::string& eori) {
    auto it = std::find_if(r.importers.begin(), r.importers.end(), [&](const ImporterMass& m) { return m.importer == eori; });
    REQUIRE(it != r.importers.end());
    return *it;
}

bool has_note(const Valuation& v, const std::string& part) {
    return std::any_of(v.notes.begin(), v.notes.end(), [&](const std::string& n) { return n.find(part) != std::string::npos; });
}

}  // namespace

TEST_CASE("warehouse-de: Turkish cement on default values (other countries' row, 10 % mark-up, column B, Q1 price)", "[e2e][warehouse-de]") {
    auto d = declare_warehouse_de();
    const DeclarationEntry& e = entry(d->r, "DE100000001", "25232900", "TR");  // derivation [A]
    CHECK(e.installation_id.empty());
    CHECK(e.sector == "Cement");
    const Valuation& v = e.valuation;
    CHECK_FALSE(v.actual);
    // Türkiye's row (line 10180) is empty: the XX row (line 12263) gives Total 1.440.
    CHECK_THAT(v.basis, Catch::Contains("so the other countries' table applies"));
    CHECK_THAT(v.basis, Catch::Contains("definitive_default_values.csv:12263"));
    CHECK(has_note(v, "no installation named on the customs lines: default values"));
    CHECK(v.see_total.value() == D("1.584"));
    CHECK(v.benchmark_column == "B");
    CHECK(v.benchmark.value() == D("0.666"));
    CHECK(v.sefa.value() == D("0.64935"));
    REQUIRE(e.quarters.size() == 1);
    CHECK(e.quarters[0].quarter == 1);
    CHECK(e.quarters[0].price_index == 0);
    CHECK(e.quantity.value() == D("400"));
    CHECK(e.embedded.value() == D("633.6"));
    CHECK(e.fa_adjustment.value() == D("259.74"));
    CHECK(e.deduction.value() == D("0"));
    CHECK(e.certificates.value() == D("373.86"));
    CHECK(e.cost.value() == D("28174.0896"));
    CHECK(e.carbon_price == nullptr);
}

TEST_CASE("warehouse-de: verified Saudi hydrogen on actual data (direct only, column A)", "[e2e][warehouse-de]") {
    auto d = declare_warehouse_de();
    const DeclarationEntry& e = entry(d->r, "DE100000001", "28041000", "SA");  // derivation [B]
    CHECK(e.installation_id == "SA-JUB-H2-001");
    const Valuation& v = e.valuation;
    CHECK(v.actual);
    CHECK_THAT(v.basis, Catch::Contains("actual verified data of installation SA-JUB-H2-001"));
    CHECK(v.see_direct.value() == D("6.30452"));
    CHECK(v.see_indirect_counted.value() == D("0"));
    CHECK(v.see_total.value() == D("6.30452"));
    CHECK(v.benchmark_column == "A");
    CHECK(v.benchmark.value() == D("5.089"));
    CHECK(v.sefa.value() == D("4.961775"));
    REQUIRE(e.quarters.size() == 1);
    CHECK(e.quarters[0].quarter == 2);
    CHECK(e.quarters[0].price_index == 1);
    CHECK(e.embedded.value() == D("31.5226"));
    CHECK(e.fa_adjustment.value() == D("24.808875"));
    CHECK(e.carbon_price == nullptr);
    CHECK(e.deduction.value() == D("0"));
    CHECK(e.certificates.value() == D("6.713725"));
    CHECK(e.cost.value() == D("505.409218"));
}

TEST_CASE("warehouse-de: Taiwanese screws, a complex good on actual data with its precursors, and the carbon price deduction per quarter",
          "[e2e][warehouse-de]") {
    auto d = declare_warehouse_de();
    const DeclarationEntry& e = entry(d->r, "DE100000001", "73181590", "TW");  // derivation [C]
    CHECK(e.installation_id == "TW-KHH-FAST-001");
    const Valuation& v = e.valuation;
    CHECK(v.actual);
    CHECK(v.route == "C");
    CHECK(v.see_direct.value() == D("2.7461"));
    CHECK(v.see_indirect_counted.value() == D("0"));
    CHECK(v.see_total.value() == D("2.7461"));
    CHECK(v.benchmark_column == "A");
    CHECK(v.benchmark.value() == D("0.038"));
    // SEFA = SFAProc + sum m_i x SEFA_i, every input given.
    REQUIRE(v.sefa_parts.size() == 3);
    CHECK(v.sefa_parts[0].precursor_cn.empty());
    CHECK(v.sefa_parts[0].value.value() == D("0.03705"));
    CHECK(v.sefa_parts[1].precursor_country == "TW");
    CHECK(v.sefa_parts[1].specific_mass->value() == D(2, 3));
    CHECK(v.sefa_parts[1].precursor_sefa->value() == D("1.33575"));
    CHECK(v.sefa_parts[1].value.value() == D("0.8905"));
    CHECK_THAT(v.sefa_parts[1].basis, Catch::Contains("verified SEFA given by its producer"));
    CHECK(v.sefa_parts[2].precursor_country == "CN");
    CHECK(v.sefa_parts[2].specific_mass->value() == D(5, 12));
    CHECK(v.sefa_parts[2].precursor_sefa->value() == D("1.3299"));
    CHECK(v.sefa_parts[2].value.value() == D("0.554125"));
    CHECK_THAT(v.sefa_parts[2].basis, Catch::Contains("column B of 72139110 route C"));
    CHECK(v.sefa.value() == D("1.481675"));
    CHECK(v.missing.empty());
    CHECK_FALSE(has_note(v, "upper bound"));
    REQUIRE(e.carbon_price != nullptr);
    CHECK(e.carbon_price->where.line == 2);

    // Line 8 (procedure 71) is not in the quantities: 30 + 20 = 50 t.
    CHECK(e.quantity.value() == D("50"));
    REQUIRE(e.quarters.size() == 2);
    const QuarterFigures& q1 = e.quarters[0];
    const QuarterFigures& q2 = e.quarters[1];
    CHECK(q1.quarter == 1);
    CHECK(q1.price_index == 0);  // 75.36
    CHECK(q1.quantity.value() == D("30"));
    CHECK(q1.embedded.value() == D("82.383"));
    CHECK(q1.fa_adjustment.value() == D("44.45025"));
    CHECK(q1.deduction.value() == D(576681, 125600));  // 4.2 x 82.383 / 75.36
    CHECK(q1.deduction.value() == D("346.0086") / D("75.36"));
    CHECK(q1.deduction.value().to_fixed(3) == "4.591");
    CHECK(q1.certificates.value() == D("37.93275") - D(576681, 125600));
    CHECK(q1.certificates.value().to_fixed(3) == "33.341");
    CHECK(q1.cost.value() == D("2512.60344"));

    CHECK(q2.quarter == 2);
    CHECK(q2.price_index == 1);  // 75.28
    CHECK(q2.quantity.value() == D("20"));
    CHECK(q2.embedded.value() == D("54.922"));
    CHECK(q2.fa_adjustment.value() == D("29.6335"));
    CHECK(q2.deduction.value() == D(576681, 188200));  // 4.2 x 54.922 / 75.28
    CHECK(q2.deduction.value() == D("230.6724") / D("75.28"));
    CHECK(q2.deduction.value().to_fixed(3) == "3.064");
    CHECK(q2.certificates.value() == D("25.2885") - D(576681, 188200));
    CHECK(q2.certificates.value().to_fixed(3) == "22.224");
    CHECK(q2.cost.value() == D("1673.04588"));

    CHECK(e.embedded.value() == D("137.305"));
    CHECK(e.fa_adjustment.value() == D("74.08375"));
    CHECK(e.deduction.value() == D(576681, 125600) + D(576681, 188200));
    CHECK(e.deduction.value().to_fixed(3) == "7.656");
    CHECK(e.certificates.value() == D("63.22125") - D(576681, 125600) - D(576681, 188200));
    CHECK(e.certificates.value().to_fixed(3) == "55.566");
    CHECK(e.cost.value() == D("4185.64932"));
}

TEST_CASE("warehouse-de: the 50-tonne de minimis per importer", "[e2e][warehouse-de]") {
    auto d = declare_warehouse_de();
    const DeclarationResult& r = d->r;
    REQUIRE(r.importers.size() == 3);

    SECTION("DE100000002: 12 t + 30 t = 42 t, exempt; its hydrogen still counts") {
        const ImporterMass& m = importer(r, "DE100000002");
        CHECK(m.de_minimis_mass == D("42"));
        CHECK(m.exempt);
        for (std::size_t n : {std::size_t{10}, std::size_t{11}}) {
            const LineStatus& l = line(r, n);
            CHECK(l.importer == "DE100000002");
            CHECK(l.status == "de minimis");
            CHECK_THAT(l.reason, Catch::Contains("importer DE100000002 imported 42 t of cement, iron and steel, aluminium and fertiliser goods in 2026: not above 50 t"));
        }
        CHECK(line(r, 12).status == "counted");
        // No entry for its screws and cement, one for its hydrogen (derivation [F]).
        std::size_t entries = 0;
        for (const auto& e : r.entries) entries += e.importer == "DE100000002";
        CHECK(entries == 1);
        const DeclarationEntry& h = entry(r, "DE100000002", "28041000", "SA");
        CHECK_FALSE(h.valuation.actual);
        CHECK_THAT(h.valuation.basis, Catch::Contains("Saudi Arabia table, row 28041000"));
        CHECK(h.valuation.see_total.value() == D("14.795"));
        CHECK(h.valuation.benchmark_column == "B");
        CHECK(h.valuation.sefa.value() == D("4.961775"));
        REQUIRE(h.quarters.size() == 1);
        CHECK(h.quarters[0].quarter == 4);
        CHECK(h.embedded.value() == D("14.795"));
        CHECK(h.fa_adjustment.value() == D("4.961775"));
        CHECK(h.certificates.value() == D("9.833225"));
        CHECK(h.cost.value() == D("747.3251"));
    }

    SECTION("DE100000003: 50.5 t, just above 50 t, counted") {
        const ImporterMass& m = importer(r, "DE100000003");
        CHECK(m.de_minimis_mass == D("50.5"));
        CHECK_FALSE(m.exempt);
        CHECK(line(r, 13).status == "counted");
        const DeclarationEntry& a = entry(r, "DE100000003", "76011000", "IN");  // derivation [G]
        CHECK_FALSE(a.valuation.actual);
        CHECK(a.valuation.route == "K");
        CHECK(a.valuation.see_total.value() == D("2.057"));
        CHECK(a.valuation.benchmark_column == "B");
        CHECK(a.valuation.benchmark.value() == D("1.423"));
        CHECK(a.valuation.sefa.value() == D("1.387425"));
        CHECK(a.embedded.value() == D("103.8785"));
        CHECK(a.fa_adjustment.value() == D("70.0649625"));
        CHECK(a.certificates.value() == D("33.8135375"));
        CHECK(a.cost.value() == D("2545.483103"));
    }

    SECTION("DE100000001: 675 t, counted") {
        const ImporterMass& m = importer(r, "DE100000001");
        CHECK(m.de_minimis_mass == D("675"));
        CHECK_FALSE(m.exempt);
        const DeclarationEntry& a = entry(r, "DE100000001", "76011000", "CN");  // derivation [E]
        CHECK(a.valuation.see_total.value() == D("3.3"));
        CHECK(a.embedded.value() == D("82.5"));
        CHECK(a.fa_adjustment.value() == D("34.685625"));
        CHECK(a.certificates.value() == D("47.814375"));
        CHECK(a.cost.value() == D("3599.46615"));
    }
}

TEST_CASE("warehouse-de: Egyptian ammonium nitrate, unverified data, default values with the 1 % mark-up", "[e2e][warehouse-de]") {
    auto d = declare_warehouse_de();
    const DeclarationEntry& e = entry(d->r, "DE100000001", "31023090", "EG");  // derivation [D]
    CHECK(e.installation_id == "EG-SKH-FERT-001");
    CHECK(e.sector == "Fertilisers");
    const Valuation& v = e.valuation;
    CHECK_FALSE(v.actual);
    CHECK_THAT(v.basis, Catch::Contains("default value for 31023090 from EG: Egypt table, row 31023090"));
    CHECK_THAT(v.basis, Catch::Contains("definitive_default_values.csv:3435"));
    CHECK(has_note(v, "the data of installation EG-SKH-FERT-001 for CN 31023090 is not verified"));
    CHECK(v.see_total.value() == D("2.4139"));
    CHECK(v.benchmark_column == "B");
    CHECK(v.benchmark.value() == D("0.767"));
    CHECK(v.sefa.value() == D("0.747825"));
    REQUIRE(e.quarters.size() == 1);
    CHECK(e.quarters[0].quarter == 3);
    CHECK(e.quarters[0].price_index == 2);
    CHECK(e.embedded.value() == D("482.78"));
    CHECK(e.fa_adjustment.value() == D("149.565"));
    CHECK(e.carbon_price == nullptr);
    CHECK(e.deduction.value() == D("0"));
    CHECK(e.certificates.value() == D("333.215"));
    CHECK(e.cost.value() == D("25324.34"));
}

TEST_CASE("warehouse-de: Norwegian steel is out of scope and adds nothing to the 50 t, procedure 71 is not reportable", "[e2e][warehouse-de]") {
    auto d = declare_warehouse_de();
    const DeclarationResult& r = d->r;
    REQUIRE(r.lines.size() == 12);  // customs.csv lines 2-13
    const LineStatus& no = line(r, 7);
    CHECK(no.cn_code == "72083900");
    CHECK(no.origin == "NO");
    CHECK(no.quantity == D("60"));
    CHECK(no.status == "out of scope");
    CHECK(no.reason == "origin NO (Norway) is exempt under Annex III of Regulation (EU) 2023/956");
    // DE100000001's mass is 675 t without the 60 t (735 t with them), no 72083900 entry exists.
    CHECK(importer(r, "DE100000001").de_minimis_mass == D("675"));
    for (const auto& e : r.entries) CHECK(e.cn_code != "72083900");

    const LineStatus& wh = line(r, 8);
    CHECK(wh.status == "not reportable");
    CHECK_THAT(wh.reason, Catch::StartsWith("requested procedure 71"));

    std::size_t counted = 0, de_minimis = 0;
    for (const auto& l : r.lines) {
        if (l.status == "counted") ++counted;
        if (l.status == "de minimis") ++de_minimis;
    }
    CHECK(counted == 8);  // lines 2, 3, 4, 5, 6, 9, 12, 13
    CHECK(de_minimis == 2);
}

TEST_CASE("warehouse-de: the totals of the year and the certificates to surrender", "[e2e][warehouse-de]") {
    auto d = declare_warehouse_de();
    const DeclarationResult& r = d->r;
    CHECK(r.year == 2026);
    REQUIRE(r.entries.size() == 7);
    // Sorted by importer, CN code, origin, installation.
    CHECK(r.entries[0].cn_code == "25232900");
    CHECK(r.entries[1].cn_code == "28041000");
    CHECK(r.entries[2].cn_code == "31023090");
    CHECK(r.entries[3].cn_code == "73181590");
    CHECK(r.entries[4].cn_code == "76011000");
    CHECK(r.entries[5].importer == "DE100000002");
    CHECK(r.entries[6].importer == "DE100000003");

    const Decimal deduction = D(576681, 125600) + D(576681, 188200);
    CHECK(r.embedded == D("1486.3811"));
    CHECK(r.fa_adjustment == D("617.9099875"));
    CHECK(r.deduction == deduction);
    CHECK(r.certificates == D("868.4711125") - deduction);
    CHECK(r.certificates.to_fixed(3) == "860.816");
    CHECK(certificates_to_surrender(r) == D("861"));
    CHECK(r.cost == D("65081.762491"));
    CHECK(r.warnings.empty());
}

TEST_CASE("warehouse-de: the quarterly holding check on default values", "[e2e][warehouse-de]") {
    auto d = declare_warehouse_de();
    SECTION("at 2026-06-30: Q1 and Q2, 50 %") {
        HoldingCheck h = d->builder->holding(d->r, "2026-06-30", D("10"));
        CHECK(h.quarter == 2);
        CHECK(h.date == "2026-06-30");
        CHECK(h.certificates_at_defaults == D("587.0440375"));
        CHECK(h.required == D("293.52201875"));
        REQUIRE(h.held);
        CHECK(*h.held == D("10"));
        CHECK(h.notes.empty());
    }
    SECTION("the revaluation of the actual-data goods on defaults, column B") {
        const DeclarationEntry& h2 = entry(d->r, "DE100000001", "28041000", "SA");
        std::string why;
        auto vh = d->builder->value_at_defaults(h2.cn_code, h2.taric_code, h2.origin, why);
        INFO(why);
        REQUIRE(vh);
        CHECK(vh->benchmark_column == "B");
        CHECK(vh->see_total.value() == D("14.795"));
        auto qh = d->builder->revalue(h2, *vh);
        REQUIRE(qh.size() == 1);
        CHECK(qh[0].certificates.value() == D("49.166125"));

        const DeclarationEntry& sc = entry(d->r, "DE100000001", "73181590", "TW");
        auto vs = d->builder->value_at_defaults(sc.cn_code, sc.taric_code, sc.origin, why);
        INFO(why);
        REQUIRE(vs);
        CHECK(vs->route == "C");
        CHECK(vs->see_total.value() == D("2.9777"));
        CHECK(vs->benchmark_column == "B");
        CHECK(vs->benchmark.value() == D("1.364"));
        CHECK(vs->sefa.value() == D("1.3299"));
        auto qs = d->builder->revalue(sc, *vs);
        REQUIRE(qs.size() == 2);
        CHECK(qs[0].certificates.value() == D("49.434"));
        CHECK(qs[1].certificates.value() == D("32.956"));
        CHECK(qs[0].deduction.value() == D("0"));
    }
    SECTION("at 2026-03-31: Q1 only") {
        HoldingCheck h = d->builder->holding(d->r, "2026-03-31", std::nullopt);
        CHECK(h.quarter == 1);
        CHECK(h.certificates_at_defaults == D("423.294"));
        CHECK(h.required == D("211.647"));
        CHECK_FALSE(h.held);
    }
    SECTION("a date that is not a quarter's end of the year is an error") {
        CHECK_THROWS_AS(d->builder->holding(d->r, "2026-06-29", std::nullopt), InputError);
        CHECK_THROWS_AS(d->builder->holding(d->r, "2025-06-30", std::nullopt), InputError);
        try {
            d->builder->holding(d->r, "2026-05-31", std::nullopt);
            FAIL("expected an InputError");
        } catch (const InputError& e) {
            REQUIRE(e.diagnostics().items().size() == 1);
            CHECK(e.diagnostics().items()[0].where.file == "--quarter-end");
            CHECK_THAT(e.diagnostics().items()[0].message, Catch::Contains("found 2026-05-31"));
        }
    }
}

TEST_CASE("warehouse-de: cbam declare writes the XML and the line statuses, and the XML is valid", "[e2e][warehouse-de][cli]") {
    test::ScratchDir dir;
    auto r = test::run_cbam({"declare", test::source_path("fixtures/warehouse-de"), "--year", "2026", "-o", dir.file("d.xml")});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    REQUIRE(test::file_exists(dir.file("d.xml")));
    REQUIRE(test::file_exists(dir.file("d.lines.csv")));
    CHECK_THAT(r.out, Catch::Contains("Certificates to surrender for 2026: 861 (the total rounded to full tonnes), cost EUR 65081.76"));
    CHECK_THAT(r.out, !Catch::Contains("upper bound"));
    CHECK_THAT(r.out, Catch::Contains("Customs lines: 8 counted, 2 under the 50 t de minimis, 2 not counted"));

    std::string xml = test::read_file(dir.file("d.xml"));
    XsdValidator xsd(test::source_path("schemas/annual-declaration-figures-1.xsd"));
    auto checked = xsd.validate(xml);
    std::string first_issue = checked.issues.empty() ? std::string() : checked.issues.front().message;
    INFO(first_issue);
    CHECK(checked.parsed);
    CHECK(checked.issues.empty());
    CHECK_THAT(xml, Catch::Contains(kNoOfficialSchema));
    CHECK_THAT(xml, Catch::Contains("No official XML schema for the annual CBAM declaration is public yet"));
    CHECK_THAT(xml, Catch::Contains("<CertificatesToSurrender>861</CertificatesToSurrender>"));
    CHECK_THAT(xml, Catch::Contains("<Sefa>1.48168</Sefa>"));  // [C] 1.481675, 5 decimals half away from zero
    CHECK_THAT(xml, Catch::Contains("<SefaComplete>true</SefaComplete>"));
    CHECK_THAT(xml, !Catch::Contains("upper bound"));
    CHECK_THAT(xml, Catch::Contains("<EmbeddedEmissions>1486.381</EmbeddedEmissions>"));
    CHECK_THAT(xml, Catch::Contains("<SeeCounted>1.58400</SeeCounted>"));        // [A]
    CHECK_THAT(xml, Catch::Contains("<CarbonPriceDeduction>7.656</CarbonPriceDeduction>"));  // [C]

    std::string lines = test::read_file(dir.file("d.lines.csv"));
    CHECK_THAT(lines, Catch::Contains("26DE00000000000201,1,DE100000002,73181590,CN,12,de minimis,"));
    CHECK_THAT(lines, Catch::Contains("26DE00000000000106,1,DE100000001,72083900,NO,60,out of scope,origin NO (Norway) is exempt"));
    CHECK_THAT(lines, Catch::Contains("26DE00000000000107,1,DE100000001,73181590,TW,10,not reportable,"));
}

TEST_CASE("warehouse-de: cbam certificates with the holding check says SHORT", "[e2e][warehouse-de][cli]") {
    const std::string dir = test::source_path("fixtures/warehouse-de");
    auto r = test::run_cbam({"certificates", dir, "--year", "2026", "--quarter-end", "2026-06-30", "--held", "10"});
    INFO(r.out);
    INFO(r.err);
    CHECK(r.exit_code == 4);  // the holding check failed: its own code, not an input error
    CHECK_THAT(r.out, Catch::Contains("587.044"));  // 587.0440375
    CHECK_THAT(r.out, Catch::Contains("293.522"));  // 293.52201875
    CHECK_THAT(r.out, Catch::Contains("SHORT by 283.522 certificates"));  // 293.52201875 - 10
    auto ok = test::run_cbam({"certificates", dir, "--year", "2026", "--quarter-end", "2026-06-30", "--held", "294"});
    CHECK(ok.exit_code == 0);
    CHECK_THAT(ok.out, Catch::Contains("held: 294: enough"));
    auto bad = test::run_cbam({"certificates", dir, "--year", "2026", "--quarter-end", "2026-06-29"});
    CHECK(bad.exit_code == 2);  // a bad option value is a usage error
    CHECK_THAT(bad.err, Catch::Contains("--quarter-end expects the last day of a quarter of 2026"));
}
