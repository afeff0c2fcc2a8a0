// The definitive period's options and data on the command line: a CSCF not yet published is
// supplied or refused, the reading of equation 5 is chosen, low-confidence transitional defaults are
// allowed, `cbam data` lists every table, and a corrected table changes the results with no code
// change (CBAM_DATA_DIR pointing at a copy of the data).
#include "audit/bundle.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <sstream>

using namespace cbam;

namespace {

constexpr const char* kCustomsHeader =
    "declaration,item,acceptance_date,cn_code,origin,net_mass,mass_unit,requested_procedure,importer,representative,installation_id,description\n";

// A declaration folder: the warehouse-de settings, one price for the year, and `lines`.
void declaration_dir(const test::ScratchDir& dir, int year, const std::string& lines) {
    dir.write("settings.csv", test::read_file(test::source_path("fixtures/warehouse-de/settings.csv")));
    dir.write("certificate_prices.csv", "first_day,last_day,price_eur,source\n" + std::to_string(year) + "-01-01," + std::to_string(year) +
                                            "-12-31,80.00,price for this test\n");
    dir.write("customs.csv", std::string(kCustomsHeader) + lines);
}

}  // namespace

TEST_CASE("cbam declare --year 2031: a usage error saying what to supply, and with it supplied the outputs say by whom", "[cli][declare][year]") {
    test::ScratchDir dir;
    declaration_dir(dir, 2031, "31X1,1,2031-02-01,25232900,TR,100,t,40,DE100000001,DE700000001,,cement\n");
    SECTION("not supplied") {
        auto r = test::run_cbam({"declare", dir.path(), "--year", "2031"});
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Catch::Contains("the cross-sectoral correction factor for 2031 is not yet published"));
        CHECK_THAT(r.err, Catch::Contains("--cscf VALUE"));
        CHECK_THAT(r.err, Catch::Contains("--cscf-source TEXT"));
    }
    SECTION("supplied, with who supplies it") {
        // Cement 25232900 from TR, 100 t: XX row Total 1.440 x 1.30 = 1.872 -> embedded 187.2;
        // SEFA = 0.390 x 0.95 x 0.666 = 0.246753 -> FA 24.675; certificates 162.5247 -> 163.
        auto r = test::run_cbam({"declare", dir.path(), "--year", "2031", "--cscf", "0.95", "--cscf-source", "A. Analyst, draft decision",
                                 "-o", dir.file("d.xml")});
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        CHECK_THAT(r.out, Catch::Contains("cross-sectoral correction factor of 2031 is not yet published: 0.950 was SUPPLIED by the user "
                                          "(A. Analyst, draft decision)"));
        CHECK_THAT(r.out, Catch::Contains("Certificates to surrender for 2031: 163"));
        std::string xml = test::read_file(dir.file("d.xml"));
        CHECK_THAT(xml, Catch::Contains("suppliedBy=\"A. Analyst, draft decision\""));
        CHECK_THAT(xml, Catch::Contains("<CbamFactor source=\"Directive 2003/87/EC Art. 10a(1a), applied by IR (EU) 2025/2620\">0.390</CbamFactor>"));
        CHECK_THAT(xml, Catch::Contains("<Sefa>0.24675</Sefa>"));
    }
    SECTION("--cscf without --cscf-source, or out of range") {
        auto r = test::run_cbam({"declare", dir.path(), "--year", "2031", "--cscf", "0.95"});
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Catch::Contains("--cscf-source"));
        auto bad = test::run_cbam({"declare", dir.path(), "--year", "2031", "--cscf", "1.5", "--cscf-source", "x"});
        CHECK(bad.exit_code == 2);
        CHECK_THAT(bad.err, Catch::Contains("--cscf expects a factor above 0 and at most 1"));
    }
    SECTION("--cscf for a year whose factor is published is refused") {
        test::ScratchDir d26;
        declaration_dir(d26, 2026, "26X1,1,2026-02-01,25232900,TR,100,t,40,DE100000001,DE700000001,,cement\n");
        auto r = test::run_cbam({"declare", d26.path(), "--year", "2026", "--cscf", "0.9", "--cscf-source", "x"});
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Catch::Contains("the cross-sectoral correction factor for 2026 is published (1, Implementing Decision (EU) 2026/1862)"));
    }
}

TEST_CASE("cbam declare --sefa-denominator: good or process, anything else a usage error", "[cli][declare][sefa]") {
    // fixtures/warehouse-de gives both activity levels equal (1200 t): the same figures either way.
    const std::string dir = test::source_path("fixtures/warehouse-de");
    auto good = test::run_cbam({"declare", dir, "--year", "2026"});
    auto process = test::run_cbam({"declare", dir, "--year", "2026", "--sefa-denominator", "process"});
    REQUIRE(good.exit_code == 0);
    REQUIRE(process.exit_code == 0);
    CHECK(good.out == process.out);
    auto bad = test::run_cbam({"declare", dir, "--year", "2026", "--sefa-denominator", "precursor"});
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Catch::Contains("--sefa-denominator expects good or process, found 'precursor'"));
}

TEST_CASE("cbam report --allow-low-confidence-defaults", "[cli][report][defaults]") {
    // Screws 73181590 from CN, 10 t, no installation, 2024Q2: transitional_default_values.csv line
    // 31 (heading 7318, 1.89 / 0.32, low confidence).
    test::ScratchDir dir;
    dir.write("settings.csv", test::read_file(test::source_path("fixtures/importer-nl/settings.csv")));
    dir.write("customs.csv", "declaration,item,acceptance_date,cn_code,origin,net_mass,mass_unit,requested_procedure,importer,description\n"
                             "24X1,1,2024-05-10,73181590,CN,10,t,40,NL800000001,screws\n");
    auto refused = test::run_cbam({"report", dir.path(), "--period", "2024Q2", "-o", dir.file("r.xml")});
    CHECK(refused.exit_code == 1);
    CHECK_THAT(refused.err, Catch::Contains("transitional_default_values.csv:31"));
    CHECK_THAT(refused.err, Catch::Contains("--allow-low-confidence-defaults"));
    CHECK_FALSE(test::file_exists(dir.file("r.xml")));
    auto allowed = test::run_cbam({"report", dir.path(), "--period", "2024Q2", "-o", dir.file("r.xml"), "--allow-low-confidence-defaults"});
    INFO(allowed.err);
    CHECK(allowed.exit_code == 0);
    CHECK_THAT(allowed.out, Catch::Contains("warning: CN 73181590 from CN: reported on a transitional default value of low confidence"));
    CHECK_THAT(test::read_file(dir.file("r.summary.csv")), Catch::Contains(",low\n"));
}

TEST_CASE("cbam data lists every table of the data folder with its act, rows, SHA-256 and confidence", "[cli][data]") {
    auto r = test::run_cbam({"data", "--csv"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    // Every CSV of cn_codes/ but the list itself is listed.
    std::set<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(test::source_path("cn_codes")))
        if (e.path().extension() == ".csv" && e.path().filename() != "tables.csv") files.insert(e.path().filename().string());
    for (const auto& f : files) CHECK_THAT(r.out, Catch::Contains("\n" + f + ","));
    // Row counts of the tables as cn_codes/SOURCES.md gives them, and each table's digest.
    CHECK_THAT(r.out, Catch::Contains("benchmarks.csv,1804,high,IR (EU) 2025/2620 Annex point 5,Commission workbook CBAM Benchmarks_20260206,"));
    CHECK_THAT(r.out, Catch::Contains("definitive_default_values.csv,12540,high,"));
    CHECK_THAT(r.out, Catch::Contains("definitive_default_values_annex4.csv,260,high,"));
    CHECK_THAT(r.out, Catch::Contains("transitional_default_values.csv,45,low,"));
    CHECK_THAT(r.out, Catch::Contains("electricity_default_values.csv,18,low-medium,"));
    CHECK_THAT(r.out, Catch::Contains("electricity_grid_emission_factors.csv,27,low-medium,"));
    CHECK_THAT(r.out, Catch::Contains("phase_in.csv,9,high,"));
    CHECK_THAT(r.out, Catch::Contains("," + sha256_hex(test::read_file(test::source_path("cn_codes/phase_in.csv"))) + ","));

    auto v = test::run_cbam({"--version"});
    CHECK(v.exit_code == 0);
    CHECK_THAT(v.out, Catch::Contains("benchmarks.csv: IR (EU) 2025/2620 Annex point 5 (Commission workbook CBAM Benchmarks_20260206)"));
    CHECK_THAT(v.out, Catch::Contains("below high confidence: "));
    CHECK_THAT(v.out, Catch::Contains("electricity_default_values.csv (low-medium)"));
}

TEST_CASE("A corrected act is a data change: a copy of the data with one benchmark changed changes the declaration", "[cli][data]") {
    // 100 t of aluminous cement 25233000 from TR in 2026 (no supplier data):
    //   SEE = 1.950 x 1.10 = 2.145; embedded 214.5 (definitive_default_values.csv line 10183)
    //   published benchmark (benchmarks.csv line 7, marker (1)): 0.717 -> FA 100 x 0.975 x 0.717 = 69.9075;
    //     certificates 144.5925, cost 144.5925 x 80 = 11567.40
    //   "corrected" benchmark 0.700 -> FA 100 x 0.975 x 0.700 = 68.25; certificates 146.25, cost 11700.00
    test::ScratchDir data;
    data.copy_from("cn_codes");  // copies the files into data/
    std::filesystem::create_directories(data.path() + "/cn_codes");
    for (const auto& e : std::filesystem::directory_iterator(data.path()))
        if (e.is_regular_file()) std::filesystem::rename(e.path(), data.path() + "/cn_codes/" + e.path().filename().string());
    data.edit("cn_codes/benchmarks.csv", "25233000,Aluminous cement,(1),0.717,0.717", "25233000,Aluminous cement,(1),0.700,0.700");
    data.edit("cn_codes/tables.csv", "Commission workbook CBAM Benchmarks_20260206", "Commission workbook CBAM Benchmarks_20260206 as corrected (test)");

    test::ScratchDir dir;
    declaration_dir(dir, 2026, "26A1,1,2026-02-10,25233000,TR,100,t,40,DE100000001,DE700000001,,aluminous cement\n");
    auto published = test::run_cbam({"declare", dir.path(), "--year", "2026"});
    REQUIRE(published.exit_code == 0);
    CHECK_THAT(published.out, Catch::Contains("cost EUR 11567.40"));
    auto corrected = test::run_cbam({"declare", dir.path(), "--year", "2026"}, {{"CBAM_DATA_DIR", data.path()}});
    INFO(corrected.err);
    REQUIRE(corrected.exit_code == 0);
    CHECK_THAT(corrected.out, Catch::Contains("68.250"));
    CHECK_THAT(corrected.out, Catch::Contains("146.250"));
    CHECK_THAT(corrected.out, Catch::Contains("Certificates to surrender for 2026: 146 (the total rounded to full tonnes), cost EUR 11700.00"));

    auto listed = test::run_cbam({"data", "--csv"}, {{"CBAM_DATA_DIR", data.path()}});
    REQUIRE(listed.exit_code == 0);
    CHECK_THAT(listed.out, Catch::Contains("as corrected (test)," + sha256_hex(test::read_file(data.file("cn_codes/benchmarks.csv")))));
}

TEST_CASE("The audit bundle of a declaration records every data table with its act, version, rows and confidence", "[cli][data][audit]") {
    test::ScratchDir dir;
    auto r = test::run_cbam({"declare", test::source_path("fixtures/warehouse-de"), "--year", "2026", "--audit", dir.file("bundle")});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::string manifest = test::read_file(dir.file("bundle/manifest.json"));
    CHECK_THAT(manifest, Catch::Contains("cn_codes/benchmarks.csv"));
    CHECK_THAT(manifest, Catch::Contains("\"legal_act\":\"IR (EU) 2025/2620 Annex point 5\"") ||
                             Catch::Contains("\"legal_act\": \"IR (EU) 2025/2620 Annex point 5\""));
    CHECK_THAT(manifest, Catch::Contains("cn_codes/electricity_default_values.csv"));
    CHECK_THAT(manifest, Catch::Contains("low-medium"));
    auto rerun = test::run_cbam({"rerun", dir.file("bundle")});
    INFO(rerun.err);
    CHECK(rerun.exit_code == 0);
}

namespace {

// The amount after " -" in the savings table's row of `installation`: its negative saving, unsigned.
std::string negative_saving(const std::string& out, const std::string& installation) {
    auto row = out.find("  " + installation + "  ");
    if (row == std::string::npos) return "";
    std::string line = out.substr(row, out.find('\n', row) - row);
    auto minus = line.find(" -");
    if (minus == std::string::npos) return "";
    return line.substr(minus + 2, line.find(' ', minus + 2) - minus - 2);
}

}  // namespace

TEST_CASE("cbam certificates: a supplier whose actual data cost more than default values is explained, not hidden", "[cli][certificates]") {
    const std::string header =
        "installation_id,installation_name,country,city,cn_code,see_direct,see_indirect,see_indirect_counted,unit,scope,determination,"
        "verified,period_start,period_end\n";
    SECTION("a simple good whose verified emissions are above the default value: why, and that it is no reason to switch") {
        // Hydrogen 28041000 from SA, 10 t: verified 20 tCO2e/t direct, above SA's default value with the
        // 2026 mark-up (13.450 t/t in cn_codes/definitive_default_values.csv x 1.10 = 14.795 t/t): 200 t
        // against 147.95 t embedded, and a simple good has no precursor term that could be missing.
        test::ScratchDir dir;
        declaration_dir(dir, 2026, "26X1,1,2026-03-02,28041000,SA,10,t,40,DE100000001,DE700000001,SA-H2-9,hydrogen\n");
        std::filesystem::create_directories(dir.file("suppliers"));
        dir.write("suppliers/h2.csv", header + "SA-H2-9,Sample Hydrogen (fictional),SA,Jubail,28041000,20.00000,0.00000,0.00000,tCO2e/t,definitive,"
                                               "actual,yes,2026-01-01,2026-12-31\n");
        auto r = test::run_cbam({"certificates", dir.path(), "--year", "2026"});
        INFO(r.out << r.err);
        REQUIRE(r.exit_code == 0);
        std::string saving = negative_saving(r.out, "SA-H2-9");
        REQUIRE_FALSE(saving.empty());
        CHECK_THAT(r.out, Catch::Contains("NOTE: SA-H2-9 (CN 28041000 from SA): its actual data cost EUR " + saving + " MORE than default values"));
        CHECK_THAT(r.out, Catch::Contains("no reason to switch"));
        CHECK_THAT(r.out, Catch::Contains("Regulation (EU) 2023/956 Art. 7(2)"));
    }
    SECTION("a complex good whose adjustment lacks its precursors: an upper bound, and what is missing") {
        // Cement 25232900 from TR, 100 t, verified 2.0 t/t, but no precursor file: on its data the
        // adjustment has no clinker term (0), on default values it has column B's.
        test::ScratchDir dir;
        declaration_dir(dir, 2026, "26X1,1,2026-03-02,25232900,TR,100,t,40,DE100000001,DE700000001,TR-IZM-CEM-9,cement\n");
        std::filesystem::create_directories(dir.file("suppliers"));
        dir.write("suppliers/cement-tr.csv", header + "TR-IZM-CEM-9,Izmir Sample Cement (fictional),TR,Izmir,25232900,2.00000,0.05000,0.00000,"
                                                       "tCO2e/t,definitive,actual,yes,2026-01-01,2026-12-31\n");
        auto r = test::run_cbam({"certificates", dir.path(), "--year", "2026"});
        INFO(r.out << r.err);
        REQUIRE(r.exit_code == 0);
        std::string saving = negative_saving(r.out, "TR-IZM-CEM-9");
        REQUIRE_FALSE(saving.empty());
        CHECK_THAT(r.out, Catch::Contains("NOTE: TR-IZM-CEM-9 (CN 25232900 from TR): its actual data cost EUR " + saving + " MORE"));
        CHECK_THAT(r.out, Catch::Contains("that cost is an upper bound; with them it falls. Missing: the precursors consumed to make CN 25232900"));
        CHECK_THAT(r.out, !Catch::Contains("no reason to switch"));
    }
}
