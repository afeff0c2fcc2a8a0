// cbam validate on QReports nobody here wrote: the public files of ../shared/real-qreports (their
// sources are in that folder's README), or of $CBAM_REAL_QREPORTS_DIR. They are not copied into
// the project; without the folder these tests say so and pass.
//
// 1. On every file, the schema verdict equals libxml2's own checker: xmllint --noout --schema.
// 2. On the two files of derived/ (real files edited only as far as the 23.00 schema needs), the
//    business-rule findings are those derived by hand below from the files' contents: the true
//    findings are present, and the false alarms the checker used to raise are absent.
#include "support.h"
#include "validate/qreport_check.h"
#include "validate/xsd.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace cbam;
namespace fs = std::filesystem;

namespace {

std::string real_dir() {
    if (const char* env = std::getenv("CBAM_REAL_QREPORTS_DIR"); env && *env) return env;
    return test::source_path("../shared/real-qreports");
}

bool have_real_dir() {
    if (fs::is_directory(real_dir())) return true;
    WARN("skipped: no QReports of other tools at " << real_dir() << " (set CBAM_REAL_QREPORTS_DIR)");
    return false;
}

struct Finding {
    std::string rule, path;
    bool warning = false;
};

// The findings cbam validate printed: "FILE:LINE: [RULE] message Path: P" or "... warning [RULE] ...".
std::vector<Finding> findings(const std::string& out) {
    std::vector<Finding> fs;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line)) {
        auto open = line.find(": [");
        auto wopen = line.find(": warning [");
        if (open == std::string::npos && wopen == std::string::npos) continue;
        Finding f;
        f.warning = wopen != std::string::npos && (open == std::string::npos || wopen < open);
        auto b = line.find('[', f.warning ? wopen : open) + 1;
        f.rule = line.substr(b, line.find(']', b) - b);
        auto p = line.rfind(" Path: ");
        if (p != std::string::npos) f.path = line.substr(p + 7);
        fs.push_back(f);
    }
    return fs;
}

std::map<std::string, int> count_by_rule(const std::vector<Finding>& fs, bool warnings) {
    std::map<std::string, int> out;
    for (const auto& f : fs)
        if (f.warning == warnings) ++out[f.rule];
    return out;
}

std::set<std::string> keys(const std::vector<Finding>& fs, bool warnings) {
    std::set<std::string> out;
    for (const auto& f : fs)
        if (f.warning == warnings) out.insert(f.rule + " " + f.path);
    return out;
}

}  // namespace

TEST_CASE("real QReports: the schema verdict of cbam validate is libxml2's (xmllint)", "[robustness][real-qreports]") {
    if (!have_real_dir()) return;
    if (test::run_program("xmllint", {"--version"}).exit_code == 127) {
        WARN("skipped: xmllint (Debian package libxml2-utils) is not installed");
        return;
    }
    std::vector<std::string> files;
    for (const auto& sub : {std::string(), std::string("/derived")})
        for (const auto& e : fs::directory_iterator(real_dir() + sub))
            if (e.path().extension() == ".xml") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 2);
    const std::string xsd = official_schema_dir() + "/" + kQReportXsd;
    for (const auto& f : files) {
        auto ours = test::run_cbam({"validate", f});
        auto lint = test::run_program("xmllint", {"--noout", "--schema", xsd, f});
        INFO(f << "\ncbam: " << ours.out << ours.err << "\nxmllint: " << lint.err);
        bool lint_valid = lint.exit_code == 0;
        // The last line of cbam validate states the schema's verdict in so many words.
        bool ours_valid = (ours.out + ours.err).find("schema valid") != std::string::npos;
        bool ours_invalid = (ours.out + ours.err).find("schema invalid") != std::string::npos;
        CHECK(ours_valid != ours_invalid);
        CHECK(ours_valid == lint_valid);
        CHECK((ours.exit_code == 0 || ours.exit_code == 1));
    }
}

TEST_CASE("real QReports: a file that is not a QReport gets one finding, and a 17.00 file is named as such", "[robustness][real-qreports]") {
    if (!have_real_dir()) return;
    // Roots CBAMReport (GreenLang), CBAMDefinitiveDossier (CBAMValid), CBAMProducerDataPackage
    // (a supplier format): one X0 each, no schema message, no rule.
    for (const char* f : {"greenlang-cbam-report.xml", "cbamvalid-evidence-sample.xml", "rgtmaia-producer-package-minimal.xml"}) {
        auto r = test::run_cbam({"validate", real_dir() + "/" + f});
        INFO(f << "\n" << r.out << r.err);
        CHECK(r.exit_code == 1);
        auto fs = findings(r.out);
        REQUIRE(fs.size() == 1);
        CHECK(fs[0].rule == "X0");
        CHECK_THAT(r.err, Catch::Contains("refused: not a QReport"));
    }
    // DraftReportId and ApplicableMethdologyConfirmation (sic) exist only in the 17.00 schema: the
    // first finding says so, before the schema's errors.
    auto r = test::run_cbam({"validate", real_dir() + "/jndunlap-sample-v17-draftreportid.xml"});
    auto fs = findings(r.out);
    REQUIRE(!fs.empty());
    CHECK(fs[0].rule == "X1");
    CHECK_THAT(r.out, Catch::Contains("[X1] Looks like a QReport of version 17, not 23.00: DraftReportId (line 4)"));
    auto first_xsd = std::find_if(fs.begin(), fs.end(), [](const Finding& f) { return f.rule == "XSD"; });
    CHECK(first_xsd != fs.end());
}

TEST_CASE("real QReports: derived/jndunlap-sample-upgraded-23.xml, findings derived by hand", "[robustness][real-qreports]") {
    if (!have_real_dir()) return;
    // The 17.00-era sample in the Commission's style, period moved to 2023-Q4, role 01, 12 goods.
    // It passes the 23.00 schema. Reading it:
    //
    // False alarms the checker used to raise, which must be absent:
    // - C4 on goods 1 and 7 to 12: MeasureImported 550 t (01); two emissions entries 548 t (01) and
    //   2000 kg (02): 548 + 2000/1000 = 550 t. Good 4: 12 t imported, 12000 kg (02) produced =
    //   12 t. Kilograms are still accepted in 2023-Q4 (C3 applies from Q2-2024).
    // - C7 on goods 4 and 5: the procedure's 12000 kg and 150000 kg are 12 t and 150 t, the
    //   imported quantities.
    // - R1 on every RemarksEmissions numbered 0: no source asks numbers to start at 1.
    // - A1 on SEF02, EQP.., E017, C710, hydrogen's unit 04: all in the code lists.
    // - D13 on carbon prices covering another CN code (goods 7 to 12) or TPC02 (good 2): the rule
    //   applies from Q3-2024.
    //
    // True findings, which must be present:
    // - errors:
    //   R2 good 5: CnCode 25070000; Annex I lists only 2507 00 80 (other kaolinic clays).
    //   D9 good 5: indirect emissions on actual data, ElectricitySource SOE02 (purchase
    //      agreement), EmissionFactorSource SEF02 (not the Commission's 02), and no
    //      EmissionFactorSourceValue: user manual 4.4.3.4.4 asks for it.
    // - warnings:
    //   C5 goods 3 and 6: Indicator 0 twice in one ImportedQuantity (100 + 50 t; 28 + 100 MWh).
    //   D12 good 6 (electricity, 128 MWh): no ElectricityImported, no
    //      TotalEmbeddedElectricityImported (listed by the manual, refusal not stated).
    // Nothing else: B7 is met (TOM02 with the confirmation true), the header Importer is given
    // (B2), every country is ISO (CM for good 3's operator is Cameroon), D10 holds
    // (15 x 5.3 = 79.5; 25 x 32.1 = 802.5; 12 x 1.12 = 13.44).
    const std::string f = real_dir() + "/derived/jndunlap-sample-upgraded-23.xml";
    auto r = test::run_cbam({"validate", f});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("refused: schema valid; 2 business-rule error(s), 4 warning(s)"));
    auto fs = findings(r.out);
    CHECK(keys(fs, false) == std::set<std::string>{"R2 /QReport/ImportedGood[5]/CommodityCode/CnCode",
                                                    "D9 /QReport/ImportedGood[5]/GoodsEmissions/IndirectEmissions/EmissionFactorSourceValue"});
    CHECK(keys(fs, true) == std::set<std::string>{
                                "C5 /QReport/ImportedGood[3]/ImportedQuantity/MeasureProcedureImported[2]/Indicator",
                                "C5 /QReport/ImportedGood[6]/ImportedQuantity/MeasureProcedureImported[2]/Indicator",
                                "D12 /QReport/ImportedGood[6]/GoodsEmissions/DirectEmissions/ElectricityImported",
                                "D12 /QReport/ImportedGood[6]/GoodsEmissions/DirectEmissions/TotalEmbeddedElectricityImported"});
    for (const char* absent : {"C4", "C7", "R1", "A1", "D13", "C3", "XSD"}) {
        INFO(absent);
        CHECK(std::none_of(fs.begin(), fs.end(), [&](const Finding& x) { return x.rule == absent; }));
    }
}

TEST_CASE("real QReports: derived/tecnomod-carboncomply-fixed-23.xml, findings derived by hand", "[robustness][real-qreports]") {
    if (!have_real_dir()) return;
    // CarbonComply's output with placeholders, 5 steel goods from KR, schema-valid after the edits
    // its README lists. Per good: MeasureImported and MeasureProcedureImported in "KGM", the
    // produced quantity in "t" (neither a code of the list: 01 t, 02 kg), ImportArea ES002, an
    // operator address in country XX, ApplicableReportingTypeMethodology, ElectricitySource,
    // IndirectEmissions/DeterminationType and MethodId "todo", no DirectEmissions/
    // DeterminationType, no ProductionCountry beside an installation, Indicator 1 with no
    // PreviousProc. Goods 2 to 5 have a CarbonPriceDue with InstrumentType "todo"; goods 3 and 4
    // also ProductsCovered of Type "todo" with a Measure in "KGM". The header: ReportingPeriod
    // "Qx", Year 1970, Role "IM".
    //
    // Errors (50):
    //   B8 1 (no quarter); R3 5 (XX); C8 5 (ES002); A2 5 (DeterminationType);
    //   A1 34: Role 1 + KGM 2 per good (10) + "t" 5 + methodology 5 + ElectricitySource 5 +
    //          InstrumentType 4 + ProductsCovered/Type 2 + KGM under CarbonPriceDue 2
    //          (the unit of every Measure is checked, those of carbon prices too).
    // Warnings (20):
    //   D1 5: ProductionCountry missing beside an installation: the registry's message makes it
    //         mandatory only without one (it used to be an error here);
    //   C5 5: Indicator 1 (inward processing) without PreviousProc 51 or 54;
    //   A1 10: "todo" as indirect DeterminationType and as MethodId, lists we know to be partial.
    // Absent: C4 and C7 (the quantities' units are not codes: they cannot be converted, A1 says so).
    const std::string f = real_dir() + "/derived/tecnomod-carboncomply-fixed-23.xml";
    auto r = test::run_cbam({"validate", f});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("refused: schema valid; 50 business-rule error(s), 20 warning(s)"));
    auto fs = findings(r.out);
    CHECK(count_by_rule(fs, false) == std::map<std::string, int>{{"A1", 34}, {"A2", 5}, {"B8", 1}, {"C8", 5}, {"R3", 5}});
    CHECK(count_by_rule(fs, true) == std::map<std::string, int>{{"A1", 10}, {"C5", 5}, {"D1", 5}});
    CHECK(keys(fs, false).count("R3 /QReport/ImportedGood[1]/GoodsEmissions/InstallationOperator/OperatorAddress/Country"));
    CHECK(keys(fs, false).count("A1 /QReport/ImportedGood[3]/GoodsEmissions/CarbonPriceDue/ProductsCovered/Measure/MeasurementUnit"));
    for (const char* absent : {"C4", "C7", "XSD"}) {
        INFO(absent);
        CHECK(std::none_of(fs.begin(), fs.end(), [&](const Finding& x) { return x.rule == absent; }));
    }
}

TEST_CASE("real QReports: extract reads kilograms as tonnes and hydrogen's unit by its code", "[robustness][real-qreports][extract]") {
    if (!have_real_dir()) return;
    // Good 1 of the upgraded sample: entries of 548 t and 2000 kg, SEE direct 23.5 and 15,
    // indirect 1 and 79.5: 548 x 23.5 = 12878 and 548 x 1 = 548 tCO2e; 2000 kg = 2 t, so
    // 2 x 15 = 30 and 2 x 79.5 = 159 tCO2e (not 30000 and 159000).
    // Good 2, hydrogen 28041000: 42000 in supplementary unit 04, not MWh.
    auto r = test::run_cbam({"extract", real_dir() + "/derived/jndunlap-sample-upgraded-23.xml"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains(",76090000,TR,TSTIMP01,550,t,1,TR,IN03,Augusta Steel INC,"));
    CHECK_THAT(r.out, Catch::Contains(",76090000,TR,TSTIMP01,550,t,2,TR,"));
    CHECK_THAT(r.out, Catch::Contains(",548,t,01,23.5,"));
    CHECK_THAT(r.out, Catch::Contains(",12878,548\n"));
    CHECK_THAT(r.out, Catch::Contains(",2,t,01,15,"));
    CHECK_THAT(r.out, Catch::Contains(",30,159\n"));
    CHECK_THAT(r.out, Catch::Contains(",28041000,US,TSTIMP01,42000,unit 04,1,US,"));
    auto h = r.out.find(",28041000,");
    REQUIRE(h != std::string::npos);
    CHECK(r.out.substr(h, r.out.find('\n', h) - h).find("MWh") == std::string::npos);
}

TEST_CASE("real QReports: the business rules run beside the schema check give the same verdict", "[robustness][real-qreports]") {
    // cbam report checks the report it has just written with check_qreport_side_by_side (the rules
    // on a second thread). On files nobody here wrote, and on the hostile XML of tests/corpus,
    // every finding must be the one check_qreport gives.
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(test::source_path("tests/corpus/xml")))
        if (e.path().extension() == ".xml") files.push_back(e.path().string());
    if (fs::is_directory(real_dir()))
        for (const auto& e : fs::recursive_directory_iterator(real_dir()))
            if (e.path().extension() == ".xml") files.push_back(e.path().string());
    REQUIRE(files.size() >= 6);
    XsdValidator xsd(official_schema_dir() + "/" + kQReportXsd);
    auto text = [](const QReportCheck& c) {
        std::string out = c.schema_valid ? "schema valid\n" : "schema invalid\n";
        for (const auto& v : c.identity) out += "identity " + v.to_string() + "\n";
        for (const auto& i : c.schema_issues) out += "xsd " + std::to_string(i.line) + " " + i.path + " " + i.message + "\n";
        for (const auto& v : c.rules) out += "rule " + v.to_string() + "\n";
        return out;
    };
    std::size_t with_rules = 0;
    for (const auto& f : files) {
        INFO(f);
        std::string xml = test::read_file(f);
        QReportCheck one = check_qreport(xml, f, xsd);
        QReportCheck two = check_qreport_side_by_side(xml, f, xsd);
        CHECK(text(two) == text(one));
        with_rules += !one.rules.empty();
    }
    if (fs::is_directory(real_dir())) CHECK(with_rules >= 2);  // findings to compare, not only empty lists
}
