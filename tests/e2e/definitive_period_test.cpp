// The definitive period's figures that the fixtures do not reach: the free-allocation adjustment of
// complex goods with their precursors (IR (EU) 2025/2620 Annex point 3.3), a later year's factors,
// a CSCF supplied by the user, electricity on default values.
//
// Every expected figure is derived by hand below from the project's data rows, quoted with their
// line numbers, and the inputs written in each test. The year's factors (cn_codes/phase_in.csv):
//   line 2  2026: CBAM factor 0.975, CSCF 1.000, mark-up 10 % (1 % fertilisers)
//   line 5  2029: CBAM factor 0.775, CSCF 1.000, mark-up 30 % (1 % fertilisers)
//   line 7  2031: CBAM factor 0.390, CSCF not published
// Certificates cost 80.00 EUR each in every test (one price period covering the year).
#include "calc/declaration.h"
#include "importers/customs_reader.h"
#include "importers/declaration_data_reader.h"
#include "importers/supplier_reader.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <sstream>

using namespace cbam;
using cbam::test::D;

namespace {

constexpr const char* kCustomsHeader =
    "declaration,item,acceptance_date,cn_code,origin,net_mass,mass_unit,supplementary_units,supplementary_unit,requested_procedure,"
    "previous_procedure,importer,representative,installation_id,description\n";
constexpr const char* kSupplierHeader =
    "installation_id,installation_name,country,city,cn_code,see_direct,see_indirect,see_indirect_counted,unit,scope,determination,route,verified\n";
constexpr const char* kPrecursorHeader =
    "installation_id,cn_code,precursor_cn_code,precursor_country,specific_mass,mass_consumed,activity_level,process_activity_level,"
    "precursor_sefa,precursor_sefa_verified\n";

// A declaration of `year` from customs lines and supplier files written in a scratch folder.
struct Declared {
    test::ScratchDir dir;
    SupplierData suppliers;
    std::vector<CarbonPricePaid> carbon_prices;
    std::vector<CertificatePrice> prices;
    std::unique_ptr<DeclarationBuilder> builder;
    DeclarationResult r;
    Diagnostics diags;
};

std::unique_ptr<Declared> declare(int year, const std::string& customs, const std::string& goods, const std::string& precursors,
                                  DeclarationOptions options = {}) {
    auto d = std::make_unique<Declared>();
    d->dir.write("customs.csv", std::string(kCustomsHeader) + customs);
    d->dir.write("certificate_prices.csv",
                 fmt::format("first_day,last_day,price_eur,source\n{0}-01-01,{0}-12-31,80.00,price for this test\n", year));
    std::vector<std::string> files;
    if (!goods.empty()) {
        d->dir.write("suppliers/goods.csv", std::string(kSupplierHeader) + goods);
        files.push_back(d->dir.file("suppliers/goods.csv"));
    }
    if (!precursors.empty()) {
        d->dir.write("suppliers/precursors.csv", std::string(kPrecursorHeader) + precursors);
        files.push_back(d->dir.file("suppliers/precursors.csv"));
    }
    read_supplier_files(files, d->suppliers, d->diags);
    d->prices = read_certificate_prices(d->dir.file("certificate_prices.csv"), d->diags);
    INFO(d->diags.to_string());
    REQUIRE(d->diags.empty());
    d->builder = std::make_unique<DeclarationBuilder>(year, d->suppliers, d->carbon_prices, d->prices, DeclarationData{}, options);
    read_customs_lines(d->dir.file("customs.csv"), d->diags, [&](const CustomsLine& l) { d->builder->add(l, d->diags); });
    d->r = d->builder->finish(d->diags);
    INFO(d->diags.to_string());
    REQUIRE(d->diags.empty());
    return d;
}

const DeclarationEntry& entry(const DeclarationResult& r, const std::string& cn, const std::string& origin) {
    auto it = std::find_if(r.entries.begin(), r.entries.end(), [&](const DeclarationEntry& e) { return e.cn_code == cn && e.origin == origin; });
    REQUIRE(it != r.entries.end());
    return *it;
}

bool has_note(const Valuation& v, const std::string& part) {
    return std::any_of(v.notes.begin(), v.notes.end(), [&](const std::string& n) { return n.find(part) != std::string::npos; });
}

// 100 t of screws 73181590 from TW, installation TW-SCREW-1 (route C, direct SEE 2.5, verified).
constexpr const char* kScrewLine = "26X1,1,2026-03-10,73181590,TW,100,t,,,40,,DE100000001,,TW-SCREW-1,screws\n";
constexpr const char* kScrewData = "TW-SCREW-1,Screw plant,TW,Tainan,73181590,2.5,0.4,0,tCO2e/t,definitive,actual,C,yes\n";

}  // namespace

// SFAProc of the screws, every test below: 73181590 is not listed in benchmarks.csv; the rows under
// 731815 for route C (lines 1588, 1593, ..., 1617) all give column A 0.038, so
// SFAProc = 0.975 x 1.000 x 0.038 = 0.03705 (2026).
TEST_CASE("SEFA of screws from purchased wire rod with a verified precursor SEFA", "[declare][sefa]") {
    // Wire rod 72139110 from CN, 1.05 t per t of screws, SEFA 1.30 given and verified by its producer
    // (point 3.3(1)): its share = 1.05 x 1.30 = 1.365.
    // SEFA = 0.03705 + 1.365 = 1.40205; FA = 100 x 1.40205 = 140.205
    // embedded = 100 x 2.5 = 250 (iron and steel: direct only); certificates = 250 - 140.205 = 109.795
    // cost = 109.795 x 80 = 8783.6
    auto d = declare(2026, kScrewLine, kScrewData, "TW-SCREW-1,73181590,72139110,CN,1.05,,,,1.30,yes\n");
    const DeclarationEntry& e = entry(d->r, "73181590", "TW");
    const Valuation& v = e.valuation;
    REQUIRE(v.sefa_parts.size() == 2);
    CHECK(v.sefa_parts[0].value.value() == D("0.03705"));
    CHECK(v.sefa_parts[1].specific_mass->value() == D("1.05"));
    CHECK(v.sefa_parts[1].precursor_sefa->value() == D("1.30"));
    CHECK(v.sefa_parts[1].value.value() == D("1.365"));
    CHECK(v.sefa.value() == D("1.40205"));
    CHECK(v.missing.empty());
    CHECK_FALSE(has_note(v, "upper bound"));
    CHECK(e.embedded.value() == D("250"));
    CHECK(e.fa_adjustment.value() == D("140.205"));
    CHECK(e.certificates.value() == D("109.795"));
    CHECK(e.cost.value() == D("8783.6"));
}

TEST_CASE("SEFA of screws whose wire rod has no SEFA from its producer: column B of its country and route", "[declare][sefa]") {
    // Wire rod 72139110 from TW, 1.05 t per t, no SEFA (point 3.3(2)):
    //   definitive_default_values.csv line 9491: TW,Taiwan,7213,...,C,2.298,,2.298 -> default route C
    //   benchmarks.csv line 370: 72139110,,C,0.038,1.364 -> column B 1.364
    //   SEFA_i = 0.975 x 1.000 x 1.364 = 1.3299; share = 1.05 x 1.3299 = 1.396395
    // SEFA = 0.03705 + 1.396395 = 1.433445; FA = 143.3445; certificates = 250 - 143.3445 = 106.6555
    SECTION("no SEFA given") {
        auto d = declare(2026, kScrewLine, kScrewData, "TW-SCREW-1,73181590,72139110,TW,1.05,,,,,\n");
        const Valuation& v = entry(d->r, "73181590", "TW").valuation;
        REQUIRE(v.sefa_parts.size() == 2);
        CHECK(v.sefa_parts[1].precursor_sefa->value() == D("1.3299"));
        CHECK_THAT(v.sefa_parts[1].basis, Catch::Contains("column B of 72139110 route C (country TW)"));
        CHECK(v.sefa_parts[1].value.value() == D("1.396395"));
        CHECK(v.sefa.value() == D("1.433445"));
        CHECK(entry(d->r, "73181590", "TW").certificates.value() == D("106.6555"));
        CHECK_FALSE(has_note(v, "upper bound"));
    }
    SECTION("a SEFA given but not verified is not used: the same figures, and a note") {
        auto d = declare(2026, kScrewLine, kScrewData, "TW-SCREW-1,73181590,72139110,TW,1.05,,,,0.10,no\n");
        const Valuation& v = entry(d->r, "73181590", "TW").valuation;
        CHECK(v.sefa.value() == D("1.433445"));
        CHECK(has_note(v, "the SEFA given (0.1) is not verified"));
    }
    SECTION("origin unknown: the route of its highest default value (Annex IV)") {
        // definitive_default_values_annex4.csv line 101: 7213, route C -> the same column B 1.364.
        auto d = declare(2026, kScrewLine, kScrewData, "TW-SCREW-1,73181590,72139110,unknown,1.05,,,,,\n");
        const Valuation& v = entry(d->r, "73181590", "TW").valuation;
        CHECK(v.sefa.value() == D("1.433445"));
        CHECK_THAT(v.sefa_parts[1].basis, Catch::Contains("origin unknown, route of Annex IV"));
    }
    SECTION("produced in the EU: its embedded emissions count as zero, and so does its SEFA") {
        // SEFA = 0.03705 + 1.05 x 0 = 0.03705; FA = 3.705; certificates = 246.295
        auto d = declare(2026, kScrewLine, kScrewData, "TW-SCREW-1,73181590,72139110,DE,1.05,,,,,\n");
        const DeclarationEntry& e = entry(d->r, "73181590", "TW");
        CHECK(e.valuation.sefa.value() == D("0.03705"));
        CHECK(e.certificates.value() == D("246.295"));
    }
}

TEST_CASE("SEFA of an aluminium product made from unwrought aluminium", "[declare][sefa]") {
    // 200 t of bars 76041010 from CN, installation CN-AL-1, route K, direct SEE 5.2, verified.
    //   benchmarks.csv line 1704: 76041010,Bars and rods,K,0.056,1.485 -> column A 0.056
    //   SFAProc = 0.975 x 0.056 = 0.0546
    // Unwrought aluminium 76011000 from CN: 1080 t consumed for 1000 t of bars: m = 1.08; no SEFA:
    //   definitive_default_values.csv line 2666: CN,China,7601,...,K,3.000 -> route K
    //   76011000 is not in benchmarks.csv; under 760110, route K: lines 1690 and 1692 give 1.423
    //   SEFA_i = 0.975 x 1.423 = 1.387425; share = 1.08 x 1.387425 = 1.498419
    // SEFA = 0.0546 + 1.498419 = 1.553019; FA = 200 x 1.553019 = 310.6038
    // embedded = 200 x 5.2 = 1040; certificates = 1040 - 310.6038 = 729.3962
    auto d = declare(2026, "26X1,1,2026-05-02,76041010,CN,200,t,,,40,,DE100000001,,CN-AL-1,bars\n",
                     "CN-AL-1,Bar mill,CN,Foshan,76041010,5.2,0,0,tCO2e/t,definitive,actual,K,yes\n",
                     "CN-AL-1,76041010,76011000,CN,,1080,1000,,,\n");
    const DeclarationEntry& e = entry(d->r, "76041010", "CN");
    const Valuation& v = e.valuation;
    CHECK(v.benchmark.value() == D("0.056"));
    REQUIRE(v.sefa_parts.size() == 2);
    CHECK(v.sefa_parts[0].value.value() == D("0.0546"));
    CHECK(v.sefa_parts[1].specific_mass->value() == D("1.08"));
    CHECK(v.sefa_parts[1].precursor_sefa->value() == D("1.387425"));
    CHECK(v.sefa.value() == D("1.553019"));
    CHECK(e.fa_adjustment.value() == D("310.6038"));
    CHECK(e.certificates.value() == D("729.3962"));
}

TEST_CASE("SEFA of a fertiliser made from ammonia and nitric acid", "[declare][sefa]") {
    // 500 t of ammonium nitrate 31023090 from TW, installation TW-AN-1, direct 1.0, indirect 0.1
    // (fertilisers count indirect emissions), verified.
    //   benchmarks.csv line 23: 31023090,...,,0.019,0.767 -> column A 0.019; SFAProc = 0.975 x 0.019 = 0.018525
    // Ammonia 28141000 from TW, 0.22 t per t, no SEFA:
    //   definitive_default_values.csv line 9396: TW,Taiwan,28141000,Anhydrous ammonia,,2.050,0.150,2.200 (no route)
    //   benchmarks.csv line 13: 28141000,Anhydrous ammonia,,1.522,1.522 -> column B 1.522
    //   SEFA_i = 0.975 x 1.522 = 1.48395; share = 0.22 x 1.48395 = 0.326469
    // Nitric acid 28080000 made in the same plant, 0.80 t per t, verified SEFA 0.50: share 0.40
    // SEFA = 0.018525 + 0.326469 + 0.40 = 0.744994; FA = 500 x 0.744994 = 372.497
    // embedded = 500 x (1.0 + 0.1) = 550; certificates = 550 - 372.497 = 177.503
    auto d = declare(2026, "26X1,1,2026-07-15,31023090,TW,500,t,,,40,,DE100000001,,TW-AN-1,ammonium nitrate\n",
                     "TW-AN-1,AN plant,TW,Kaohsiung,31023090,1.0,0.1,0.1,tCO2e/t,definitive,actual,,yes\n",
                     "TW-AN-1,31023090,28141000,TW,0.22,,,,,\nTW-AN-1,31023090,28080000,TW,0.80,,,,0.50,yes\n");
    const DeclarationEntry& e = entry(d->r, "31023090", "TW");
    const Valuation& v = e.valuation;
    REQUIRE(v.sefa_parts.size() == 3);
    CHECK(v.sefa_parts[0].value.value() == D("0.018525"));
    CHECK(v.sefa_parts[1].precursor_sefa->value() == D("1.48395"));
    CHECK(v.sefa_parts[1].value.value() == D("0.326469"));
    CHECK(v.sefa_parts[2].value.value() == D("0.40"));
    CHECK(v.sefa.value() == D("0.744994"));
    CHECK(e.embedded.value() == D("550"));
    CHECK(e.fa_adjustment.value() == D("372.497"));
    CHECK(e.certificates.value() == D("177.503"));
}

TEST_CASE("Equation 5: the specific mass divides by the good's activity level, or by the process's when chosen", "[declare][sefa]") {
    // The screw plant's process makes 600 t of goods, 500 t of them these screws, and consumed 600 t
    // of wire rod (verified SEFA 1.30).
    //   reading AL_g (default):     m = 600 / 500 = 1.2; SEFA = 0.03705 + 1.2 x 1.30 = 1.59705
    //   reading AL_i,y (process):   m = 600 / 600 = 1;   SEFA = 0.03705 + 1 x 1.30   = 1.33705
    const char* row = "TW-SCREW-1,73181590,72139110,CN,,600,500,600,1.30,yes\n";
    SECTION("the good's activity level") {
        auto d = declare(2026, kScrewLine, kScrewData, row);
        const Valuation& v = entry(d->r, "73181590", "TW").valuation;
        CHECK(v.sefa_parts[1].specific_mass->value() == D("1.2"));
        CHECK(v.sefa.value() == D("1.59705"));
    }
    SECTION("the process's activity level") {
        DeclarationOptions o;
        o.denominator = SpecificMassDenominator::Process;
        auto d = declare(2026, kScrewLine, kScrewData, row, o);
        const Valuation& v = entry(d->r, "73181590", "TW").valuation;
        CHECK(v.sefa_parts[1].specific_mass->value() == D("1"));
        CHECK(v.sefa.value() == D("1.33705"));
    }
    SECTION("the process's reading chosen without the process's activity level: that input is named as missing") {
        DeclarationOptions o;
        o.denominator = SpecificMassDenominator::Process;
        auto d = declare(2026, kScrewLine, kScrewData, "TW-SCREW-1,73181590,72139110,CN,,600,500,,1.30,yes\n", o);
        const Valuation& v = entry(d->r, "73181590", "TW").valuation;
        CHECK(v.sefa.value() == D("0.03705"));  // the precursor's term is left out
        REQUIRE(v.missing.size() == 1);
        CHECK_THAT(v.missing[0], Catch::Contains("precursor 72139110"));
        CHECK_THAT(v.missing[0], Catch::Contains("process_activity_level"));
        CHECK(has_note(v, "upper bound"));
    }
}

TEST_CASE("A complex good on actual data without precursor data: an upper bound that says what is missing", "[declare][sefa]") {
    auto d = declare(2026, kScrewLine, kScrewData, "");
    const Valuation& v = entry(d->r, "73181590", "TW").valuation;
    CHECK(v.sefa.value() == D("0.03705"));
    REQUIRE(v.missing.size() == 1);
    CHECK_THAT(v.missing[0], Catch::Contains("no precursor file lists any for installation TW-SCREW-1"));
    CHECK(has_note(v, "the certificates shown are an upper bound"));
}

TEST_CASE("A 2029 declaration: CBAM factor 0.775, mark-up 30 %, benchmark marker (2), and the holding check with the same factors",
          "[declare][year]") {
    // Cement 25232900 from TR, 100 t, Q1, no installation:
    //   TR gives no value (line 10180); definitive_default_values.csv line 12263 (XX): Total 1.440
    //   SEE = 1.440 x 1.30 = 1.872; embedded 187.2
    //   benchmarks.csv line 6: column B 0.666; SEFA = 0.775 x 1.000 x 0.666 = 0.51615; FA 51.615
    //   certificates 187.2 - 51.615 = 135.585
    // Aluminous cement 25233000 from TR, 100 t, Q1: line 10183 Total 1.950; SEE 1.950 x 1.30 = 2.535;
    //   embedded 253.5; benchmarks.csv line 8: (2) = from 2028, column B 0.686;
    //   SEFA = 0.775 x 0.686 = 0.53165; FA 53.165; certificates 200.335
    // Screws 73181590 from TW, 100 t, Q1, with wire rod 1.05 t per t, verified SEFA 1.30:
    //   SFAProc = 0.775 x 0.038 = 0.02945; SEFA = 0.02945 + 1.365 = 1.39445; FA 139.445;
    //   embedded 250; certificates 110.555
    const std::string customs = std::string("29X1,1,2029-02-01,25232900,TR,100,t,,,40,,DE100000001,,,cement\n") +
                                "29X2,1,2029-02-02,25233000,TR,100,t,,,40,,DE100000001,,,aluminous cement\n" +
                                "29X3,1,2029-03-10,73181590,TW,100,t,,,40,,DE100000001,,TW-SCREW-1,screws\n";
    auto d = declare(2029, customs, kScrewData, "TW-SCREW-1,73181590,72139110,CN,1.05,,,,1.30,yes\n");
    CHECK(d->r.factors.cbam_factor.value() == D("0.775"));
    CHECK(d->r.factors.cscf.value() == D("1"));
    CHECK(d->r.factors.cscf_supplied_by.empty());
    const DeclarationEntry& c = entry(d->r, "25232900", "TR");
    CHECK(c.valuation.see_total.value() == D("1.872"));
    CHECK(c.valuation.sefa.value() == D("0.51615"));
    CHECK(c.certificates.value() == D("135.585"));
    const DeclarationEntry& a = entry(d->r, "25233000", "TR");
    CHECK(a.valuation.see_total.value() == D("2.535"));
    CHECK(a.valuation.benchmark.value() == D("0.686"));
    CHECK(has_note(a.valuation, "benchmark row marked (2) chosen for 2029"));
    CHECK(a.valuation.sefa.value() == D("0.53165"));
    CHECK(a.certificates.value() == D("200.335"));
    const DeclarationEntry& s = entry(d->r, "73181590", "TW");
    CHECK(s.valuation.sefa.value() == D("1.39445"));
    CHECK(s.certificates.value() == D("110.555"));

    // Holding check at 2029-03-31 (all three in Q1), on default values with the 2029 factors:
    //   cement 135.585 and aluminous cement 200.335, as declared;
    //   screws on TW's default value: line 9650 TW,Taiwan,731815,...,C,2.707: SEE 2.707 x 1.30 = 3.5191;
    //   route C, column B 1.364: SEFA 0.775 x 1.364 = 1.0571; 100 x (3.5191 - 1.0571) = 246.2
    //   sum 582.12; to hold 50 %: 291.06
    HoldingCheck h = d->builder->holding(d->r, "2029-03-31", std::nullopt);
    CHECK(h.certificates_at_defaults == D("582.12"));
    CHECK(h.required == D("291.06"));
}

TEST_CASE("A year whose CSCF is not published: refused, unless supplied, and then the result says by whom", "[declare][year]") {
    std::vector<CertificatePrice> prices;
    SupplierData none;
    std::vector<CarbonPricePaid> cp;
    SECTION("2031 without a CSCF") {
        CHECK_FALSE(year_factors_problem(2031, false).empty());
        CHECK_THAT(year_factors_problem(2031, false), Catch::Contains("--cscf"));
        CHECK_THROWS_AS(DeclarationBuilder(2031, none, cp, prices), InputError);
    }
    SECTION("2026 with a CSCF supplied: refused, the factor is published") {
        CHECK_THAT(year_factors_problem(2026, true), Catch::Contains("Implementing Decision (EU) 2026/1862"));
        DeclarationOptions o;
        o.cscf = SuppliedCscf{D("0.9"), "test"};
        CHECK_THROWS_AS(DeclarationBuilder(2026, none, cp, prices, DeclarationData{}, o), InputError);
    }
    SECTION("2031 with a CSCF of 0.95 supplied") {
        // Cement 25232900 from TR, 100 t: SEE 1.440 x 1.30 = 1.872, embedded 187.2
        //   SEFA = 0.390 x 0.95 x 0.666 = 0.246753; FA 24.6753; certificates 162.5247
        DeclarationOptions o;
        o.cscf = SuppliedCscf{D("0.95"), "A. Analyst, draft decision of the Commission"};
        CHECK(year_factors_problem(2031, true).empty());
        auto d = declare(2031, "31X1,1,2031-02-01,25232900,TR,100,t,,,40,,DE100000001,,,cement\n", "", "", o);
        CHECK(d->r.factors.cbam_factor.value() == D("0.39"));
        CHECK(d->r.factors.cscf.value() == D("0.95"));
        CHECK(d->r.factors.cscf_supplied_by == "A. Analyst, draft decision of the Commission");
        CHECK_THAT(d->r.factors.cscf.step->what, Catch::Contains("SUPPLIED by the user: A. Analyst"));
        const DeclarationEntry& c = entry(d->r, "25232900", "TR");
        CHECK(c.valuation.sefa.value() == D("0.246753"));
        CHECK(c.fa_adjustment.value() == D("24.6753"));
        CHECK(c.certificates.value() == D("162.5247"));
    }
}

TEST_CASE("Electricity imported on default values: the country's own, or the EU value", "[declare][electricity]") {
    // electricity_default_values.csv line 17: TR,Türkiye,0.718; line 6: EU,European Union,0.612.
    // No mark-up (electricity is not among the sectors it applies to) and no free allocation.
    //   TR, 1000 MWh: embedded 718, certificates 718, cost 718 x 80 = 57440
    //   DZ (no row of its own), 500 MWh: EU value 0.612: embedded 306, cost 24480
    auto d = declare(2026,
                     "26E1,1,2026-01-20,27160000,TR,,,1000,MWh,40,,DE100000001,,,electricity\n"
                     "26E2,1,2026-01-21,27160000,DZ,,,500,MWh,40,,DE100000001,,,electricity\n",
                     "", "");
    const DeclarationEntry& tr = entry(d->r, "27160000", "TR");
    CHECK(tr.electricity);
    CHECK(tr.valuation.see_total.value() == D("0.718"));
    CHECK_THAT(tr.valuation.basis, Catch::Contains("Türkiye"));
    CHECK(has_note(tr.valuation, "low-medium confidence"));
    CHECK(tr.embedded.value() == D("718"));
    CHECK(tr.fa_adjustment.value() == D("0"));
    CHECK(tr.certificates.value() == D("718"));
    CHECK(tr.cost.value() == D("57440"));
    const DeclarationEntry& dz = entry(d->r, "27160000", "DZ");
    CHECK(dz.valuation.see_total.value() == D("0.612"));
    CHECK_THAT(dz.valuation.basis, Catch::Contains("DZ has none in IR (EU) 2025/2621 Annex III, so the EU value"));
    CHECK(dz.embedded.value() == D("306"));
    CHECK(dz.cost.value() == D("24480"));
}

TEST_CASE("cbam declare: 100 t of aluminous cement from TR without supplier data is declared (marker (1) in 2026)", "[declare][cli]") {
    // definitive_default_values.csv line 10183: TR,Türkiye,25233000,Aluminous cement,,1.820,0.140,1.950
    //   SEE = 1.950 x 1.10 = 2.145; embedded 214.5
    // benchmarks.csv line 7: 25233000,Aluminous cement,(1),0.717,0.717 ((1) = 2026-2027)
    //   SEFA = 0.975 x 0.717 = 0.699075; FA 69.9075; certificates 214.5 - 69.9075 = 144.5925 -> 145
    //   cost 144.5925 x 80 = 11567.40
    test::ScratchDir dir;
    dir.write("settings.csv", test::read_file(test::source_path("fixtures/warehouse-de/settings.csv")));
    dir.write("customs.csv", std::string(kCustomsHeader) + "26A1,1,2026-02-10,25233000,TR,100,t,,,40,,DE100000001,,,aluminous cement\n");
    dir.write("certificate_prices.csv", "first_day,last_day,price_eur,source\n2026-01-01,2026-12-31,80.00,test\n");
    auto r = test::run_cbam({"declare", dir.path(), "--year", "2026", "-o", dir.file("d.csv")});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("2.14500"));
    CHECK_THAT(r.out, Catch::Contains("144.593"));
    CHECK_THAT(r.out, Catch::Contains("Certificates to surrender for 2026: 145 (the total rounded to full tonnes), cost EUR 11567.40"));
    CHECK_THAT(r.out, Catch::Contains("benchmark row marked (1) chosen for 2026"));
    std::string csv = test::read_file(dir.file("d.csv"));
    CHECK_THAT(csv, Catch::Contains(",B,0.71700,0.69908,214.500,69.908,0.000,144.593,11567.40,"));
}

TEST_CASE("cn_codes/phase_in.csv agrees with the reference table of CBAM factors and CSCFs", "[declare][data]") {
    // The reference compilation beside the project (../shared/defaults/cbam_factor_cscf.csv) cites
    // Directive 2003/87/EC Art. 10a(1a) for the CBAM factor and Implementing Decision (EU) 2026/1862
    // for the CSCF of 2026-2030. Skipped where that folder is not present.
    const std::string ref = test::source_path("../shared/defaults/cbam_factor_cscf.csv");
    if (!test::file_exists(ref)) {
        WARN("../shared/defaults/cbam_factor_cscf.csv is not present: comparison skipped");
        return;
    }
    const PhaseInTable& ours = PhaseInTable::builtin();
    std::istringstream in(test::read_file(ref));
    std::string line;
    std::getline(in, line);  // header: year,cbam_factor,cscf,cscf_status,legal_source_cbam_factor,legal_source_cscf,...
    int rows = 0;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        // The first four fields hold no commas or quotes.
        std::vector<std::string> f;
        std::size_t start = 0;
        for (int i = 0; i < 4; ++i) {
            auto comma = line.find(',', start);
            f.push_back(line.substr(start, comma - start));
            start = comma + 1;
        }
        INFO(line);
        const PhaseIn* p = ours.year(std::stoi(f[0]));
        REQUIRE(p);
        CHECK(p->cbam_factor == D(f[1].c_str()));
        if (f[2].empty()) {
            CHECK_FALSE(p->cscf);
            CHECK(p->cscf_status == "not published");
        } else {
            REQUIRE(p->cscf);
            CHECK(*p->cscf == D(f[2].c_str()));
            CHECK(p->cscf_status == "adopted");
            CHECK_THAT(line, Catch::Contains(p->source_cscf));
        }
        ++rows;
    }
    CHECK(rows == 9);  // 2026-2034
}

// Goods of one CN code and country are valued at default values once and the result kept: each
// good must still get its own country's value, its own quantity and its own notes, and a TARIC
// code must not take another's value.
//   definitive_default_values.csv line 2722: CN 7208 route C, Total 3.187 -> SEE 3.187 x 1.10 = 3.5057
//                                 line 3921: IN 7208 route C, Total 4.280 -> SEE 4.708
//                                 line 9480: TW 7208 route C, Total 2.310 -> SEE 2.541
//   benchmarks.csv line 142: 72081000 route C, column B 1.370 -> SEFA 0.975 x 1.000 x 1.370 = 1.33575
TEST_CASE("Goods of one code and country on default values: each with its own quantity, country and notes", "[declare][defaults]") {
    auto d = declare(2026,
                     "26K1,1,2026-02-10,72081000,CN,100,t,,,40,,DE100000001,,INST-A,coils\n"
                     "26K1,2,2026-02-10,72081000,CN,50,t,,,40,,DE100000001,,INST-B,coils\n"
                     "26K1,3,2026-02-10,72081000,IN,10,t,,,40,,DE100000001,,INST-C,coils\n"
                     "26K1,4,2026-02-10,72081000,TW,20,t,,,40,,DE100000001,,,coils\n"
                     "26K1,5,2026-05-10,72081000,CN,30,t,,,40,,DE100000001,,INST-A,coils\n",
                     "", "");
    REQUIRE(d->r.entries.size() == 4);
    auto good = [&](const std::string& origin, const std::string& installation) -> const DeclarationEntry& {
        auto it = std::find_if(d->r.entries.begin(), d->r.entries.end(),
                               [&](const DeclarationEntry& e) { return e.origin == origin && e.installation_id == installation; });
        REQUIRE(it != d->r.entries.end());
        return *it;
    };
    // INST-A: 130 t; embedded 130 x 3.5057 = 455.741; FA 130 x 1.33575 = 173.6475;
    // certificates 282.0935; cost x 80 = 22567.48
    const DeclarationEntry& a = good("CN", "INST-A");
    CHECK(a.valuation.see_total.value() == D("3.5057"));
    CHECK(a.embedded.value() == D("455.741"));
    CHECK(a.certificates.value() == D("282.0935"));
    CHECK(a.cost.value() == D("22567.48"));
    CHECK(has_note(a.valuation, "no emissions data from installation INST-A"));
    CHECK_FALSE(has_note(a.valuation, "INST-B"));
    // INST-B: 50 t; embedded 175.285; FA 66.7875; certificates 108.4975; cost 8679.8
    const DeclarationEntry& b = good("CN", "INST-B");
    CHECK(b.valuation.see_total.value() == D("3.5057"));
    CHECK(b.certificates.value() == D("108.4975"));
    CHECK(b.cost.value() == D("8679.8"));
    CHECK(has_note(b.valuation, "no emissions data from installation INST-B"));
    CHECK_FALSE(has_note(b.valuation, "INST-A"));
    // IN: 10 t; embedded 47.08; FA 13.3575; certificates 33.7225; cost 2697.8
    const DeclarationEntry& in = good("IN", "INST-C");
    CHECK(in.valuation.see_total.value() == D("4.708"));
    CHECK(in.certificates.value() == D("33.7225"));
    CHECK(in.cost.value() == D("2697.8"));
    // TW, no installation: 20 t; embedded 50.82; FA 26.715; certificates 24.105; cost 1928.4
    const DeclarationEntry& tw = good("TW", "");
    CHECK(tw.valuation.see_total.value() == D("2.541"));
    CHECK(tw.certificates.value() == D("24.105"));
    CHECK(tw.cost.value() == D("1928.4"));
    CHECK(has_note(tw.valuation, "no installation named on the customs lines"));

    // Clinker 25231000 from DZ: the table gives values per TARIC code only (lines 42 and 43), so
    // without one there is no value, asked twice; with one, each code its own row:
    //   2523100090 Total 1.280 -> SEE 1.408; 2523100010 Total 1.340 -> SEE 1.474.
    for (int ask = 0; ask < 2; ++ask) {
        std::string why;
        CHECK_FALSE(d->builder->value_at_defaults("25231000", "", "DZ", why));
        CHECK(why.find("10-digit TARIC code") != std::string::npos);
    }
    for (auto [taric, see] : {std::pair{"2523100090", "1.408"}, {"2523100010", "1.474"}, {"2523100090", "1.408"}}) {
        std::string why;
        auto v = d->builder->value_at_defaults("25231000", taric, "DZ", why);
        REQUIRE(v);
        CHECK(v->see_total.value() == D(see));
        CHECK(why.empty());
    }
}

// A streamed line's status is provisional (may_be_de_minimis) only while its importer's mass of
// de minimis sectors, this line included, is not above 50 t: masses only grow, so past 50 t the
// importer cannot be exempt and nothing needs setting aside. Exactly 50 t is still exempt.
//   DE200000001: coil 20 + 20 + 10 t = 50 t: not above 50 t, exempt; every line provisional
//   DE200000002: coil 30 t (30: provisional), 30 t (60: final), 1 t (61: final): not exempt
//   hydrogen (28041000) is no de minimis sector: never provisional, always counted
TEST_CASE("Streamed statuses: provisional until the importer's mass is above 50 t", "[declare][de_minimis]") {
    test::ScratchDir dir;
    dir.write("customs.csv", std::string(kCustomsHeader) +
                                 "26M1,1,2026-02-10,72081000,CN,20,t,,,40,,DE200000001,,,coil\n"
                                 "26M1,2,2026-02-10,72081000,CN,30,t,,,40,,DE200000002,,,coil\n"
                                 "26M1,3,2026-02-11,72081000,CN,20,t,,,40,,DE200000001,,,coil\n"
                                 "26M1,4,2026-02-11,72081000,CN,30,t,,,40,,DE200000002,,,coil\n"
                                 "26M1,5,2026-02-12,72081000,CN,10,t,,,40,,DE200000001,,,coil\n"
                                 "26M1,6,2026-02-12,72081000,CN,1,t,,,40,,DE200000002,,,coil\n"
                                 "26M1,7,2026-02-12,28041000,SA,1,t,,,40,,DE200000001,,,hydrogen\n");
    dir.write("certificate_prices.csv", "first_day,last_day,price_eur,source\n2026-01-01,2026-12-31,80.00,price for this test\n");
    Diagnostics diags;
    SupplierData suppliers;
    std::vector<CarbonPricePaid> carbon_prices;
    std::vector<CertificatePrice> prices = read_certificate_prices(dir.file("certificate_prices.csv"), diags);
    REQUIRE(diags.empty());
    for (bool streamed : {true, false}) {
        INFO((streamed ? "streamed" : "held"));
        DeclarationBuilder b(2026, suppliers, carbon_prices, prices);
        std::vector<std::pair<std::string, bool>> flags;  // importer, may_be_de_minimis
        if (streamed) b.stream_lines([&](const LineStatusView& l) { flags.emplace_back(std::string(l.importer), l.may_be_de_minimis); });
        read_customs_lines(dir.file("customs.csv"), diags, [&](const CustomsLine& l) { b.add(l, diags); });
        DeclarationResult r = b.finish(diags);
        INFO(diags.to_string());
        REQUIRE(diags.empty());
        REQUIRE(r.importers.size() == 2);
        CHECK(r.importers[0].importer == "DE200000001");
        CHECK(r.importers[0].de_minimis_mass == D("50"));
        CHECK(r.importers[0].exempt);
        CHECK(r.importers[1].de_minimis_mass == D("61"));
        CHECK_FALSE(r.importers[1].exempt);
        CHECK(r.line_counts.counted == 4);  // DE200000002's three, and the hydrogen
        CHECK(r.line_counts.de_minimis == 3);
        if (streamed) {
            const std::vector<std::pair<std::string, bool>> expected = {{"DE200000001", true},  {"DE200000002", true},  {"DE200000001", true},
                                                                        {"DE200000002", false}, {"DE200000001", true},  {"DE200000002", false},
                                                                        {"DE200000001", false}};
            CHECK(flags == expected);
        } else {
            REQUIRE(r.lines.size() == 7);
            for (std::size_t i = 0; i < 7; ++i) {
                INFO("line " << i + 2);
                CHECK(r.lines[i].status == (i % 2 == 0 && i < 6 ? "de minimis" : "counted"));
            }
        }
    }
}
