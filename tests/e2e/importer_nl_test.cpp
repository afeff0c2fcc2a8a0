// End to end: fixtures/importer-nl, a fictional Dutch importer's second quarter of 2024.
//
// Expected figures derived by hand from customs.csv and suppliers/*.csv:
//
// Lines 2-3, 10: screws 73181590 from TW, installation TW-KHH-FAST-001 (SEE 2.74610 direct;
//   indirect written as ElectricityConsumed x EmissionFactor = 2.38555 x 0.47400 = 1.1307507):
//   12.5 t + 7.5 t + 8 t (line 10: released from customs warehousing, previous procedure 71,
//   which is not in the registry's code list, so only a remark says so) = 28 t, one procedure (40).
//   direct   28 x 2.7461    = 76.8908 tCO2e
//   indirect 28 x 1.1307507 = 31.6610196 tCO2e
// Line 9: 5 t of screws placed in customs warehousing (71): not reported this quarter.
// Lines 4-5: wire 72172030 from CN, two installations, two emissions entries:
//   CN-JS-WIRE-01 30 t: 30 x 2.31 = 69.3 direct, 30 x (1.00000 x 0.52000) = 15.6 indirect
//   CN-HB-WIRE-02 20 t: 20 x 2.05 = 41   direct, 20 x (0.50000 x 0.58000) = 5.8 indirect
//   good: 50 t, 110.3 direct, 21.4 indirect
// Line 6: cement 25232900 from TR, no installation: transitional default values 0.81 / 0.06:
//   250 x 0.81 = 202.5 direct, 250 x 0.06 = 15 indirect; 100 % from default values; cement is a
//   complex good, so a warning that estimates exceed 20 %.
// Lines 7-8: aluminium 76011000 from IN, IN-ODS-ALU-01 (1.97036; indirect 14.50000 x 0.95000 = 13.775):
//   line 7: 40 t under procedure 40; line 8: 15 t released after inward processing (previous 51),
//   contained in processed products (indicator 1). Two ImportedQuantity entries, one emissions entry.
//   55 x 1.97036 = 108.3698 direct, 55 x 13.775 = 757.625 indirect
// Line 11: electricity 27160000 from MA, 1200 MWh x 0.73301 tCO2/MWh = 879.612 tCO2e direct.
//   On actual data, but 0.73301 t/MWh is 733.01 g CO2/kWh, above the 550 g/kWh of Annex IV point
//   5(c) of Regulation (EU) 2023/956: a warning that actual values are not admissible unless part
//   of it is not of fossil origin.
// Line 12: electric motors 85011010: not a CBAM good. Line 13: Norway: exempt origin.
// Totals: direct 76.8908 + 110.3 + 202.5 + 108.3698 + 879.612 = 1377.6726
//         indirect 31.6610196 + 21.4 + 15 + 757.625 + 0 = 825.6860196
#include "calc/quarter.h"
#include "importers/customs_reader.h"
#include "importers/report_settings_reader.h"
#include "importers/supplier_reader.h"
#include "support.h"
#include "validate/business_rules.h"
#include "validate/xsd.h"
#include "writers/qreport_writer.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <random>
#include <sstream>

using namespace cbam;
using cbam::test::D;

namespace {

QuarterResult build(const std::string& dir) {
    Diagnostics diags;
    ReportSettings s = read_report_settings(dir + "/settings.csv", "", diags);
    SupplierData data;
    for (const char* f : {"china-wire.csv", "india-aluminium.csv", "morocco-power.csv", "taiwan-fasteners.csv"})
        read_supplier_data(dir + "/suppliers/" + f, data, diags);
    QuarterBuilder b(*Quarter::parse("2024Q2"), s, data);
    read_customs_lines(dir + "/customs.csv", diags, [&](const CustomsLine& l) { b.add(l, diags); });
    QuarterResult r = b.finish(diags);
    INFO(diags.to_string());
    REQUIRE(diags.empty());
    return r;
}

const GoodSummary& good(const QuarterResult& r, const std::string& cn) {
    auto it = std::find_if(r.summary.begin(), r.summary.end(), [&](const GoodSummary& g) { return g.cn_code == cn; });
    REQUIRE(it != r.summary.end());
    return *it;
}

}  // namespace

TEST_CASE("importer-nl: the quarter's goods and embedded emissions", "[e2e][importer-nl]") {
    QuarterResult r = build(test::source_path("fixtures/importer-nl"));
    CHECK(r.lines_read == 12);
    CHECK(r.lines_reported == 9);
    REQUIRE(r.skipped.size() == 3);
    REQUIRE(r.summary.size() == 5);

    const GoodSummary& screws = good(r, "73181590");
    CHECK(screws.quantity == D("28"));
    CHECK(screws.direct == D("76.8908"));
    CHECK(screws.indirect == D("31.6610196"));
    const GoodSummary& wire = good(r, "72172030");
    CHECK(wire.quantity == D("50"));
    CHECK(wire.installations == 2);
    CHECK(wire.direct == D("110.3"));
    CHECK(wire.indirect == D("21.4"));
    const GoodSummary& cement = good(r, "25232900");
    CHECK(cement.direct == D("202.5"));
    CHECK(cement.indirect == D("15"));
    CHECK(cement.default_share() == D("1"));
    const GoodSummary& alu = good(r, "76011000");
    CHECK(alu.quantity == D("55"));
    CHECK(alu.direct == D("108.3698"));
    CHECK(alu.indirect == D("757.625"));
    const GoodSummary& power = good(r, "27160000");
    CHECK(power.electricity);
    CHECK(power.quantity == D("1200"));
    CHECK(power.direct == D("879.612"));

    Decimal dir = 0, ind = 0;
    for (const auto& g : r.summary) {
        dir += g.direct;
        ind += g.indirect;
    }
    CHECK(dir == D("1377.6726"));
    CHECK(ind == D("825.6860196"));

    REQUIRE(r.warnings.size() == 2);
    CHECK_THAT(r.warnings[0], Catch::Contains("CN 25232900 from TR: 100.0% of the embedded emissions"));
    CHECK_THAT(r.warnings[1], Catch::Contains("installation MA-SFI-PWR-001 communicates 0.73301 tCO2/MWh on actual data"));
    CHECK_THAT(r.warnings[1], Catch::Contains("550 g CO2 of fossil origin per kWh"));

    // The aluminium good: two procedures, the second one inward processing with indicator 1.
    auto alu_good = std::find_if(r.report.goods.begin(), r.report.goods.end(), [](const qreport::ImportedGood& g) { return g.cn_code == "76011000"; });
    REQUIRE(alu_good != r.report.goods.end());
    REQUIRE(alu_good->quantities.size() == 2);
    const auto& ip = alu_good->quantities[1];
    CHECK(ip.previous_procedure == "51");
    REQUIRE(ip.inward_processing.size() == 1);
    CHECK(ip.inward_processing[0].deadline == "20250331");
    REQUIRE(ip.measures.size() == 1);
    CHECK(ip.measures[0].indicator == 1);
    CHECK(ip.measures[0].quantity == D("15"));
}

TEST_CASE("importer-nl: the XML is valid against the official XSD and the registry rules", "[e2e][importer-nl]") {
    QuarterResult r = build(test::source_path("fixtures/importer-nl"));
    std::string xml = write_qreport(r.report);
    XsdValidator xsd(official_schema_dir() + "/" + kQReportXsd);
    auto checked = xsd.validate(xml);
    std::string first_issue = checked.issues.empty() ? std::string() : checked.issues.front().message;
    INFO(first_issue);
    CHECK(checked.parsed);
    CHECK(checked.issues.empty());
    CHECK(check_business_rules(xml, QReportCodes::builtin()).empty());
    // Rounded once to the schema's digits: SEE with 7 decimals, indirect factor and consumption with 5.
    CHECK_THAT(xml, Catch::Contains("<SpecificEmbeddedEmissions>2.7461000</SpecificEmbeddedEmissions>"));
    CHECK_THAT(xml, Catch::Contains("<EmissionFactor>0.47400</EmissionFactor>"));
    CHECK_THAT(xml, Catch::Contains("<SpecificEmbeddedEmissions>1.1307507</SpecificEmbeddedEmissions>"));
    CHECK_THAT(xml, Catch::Contains("<TotalEmbeddedElectricityImported>879.6120000</TotalEmbeddedElectricityImported>"));
    CHECK_THAT(xml, Catch::Contains("<DeterminationType>02</DeterminationType>"));
}

TEST_CASE("importer-nl: the XML carries the operator, address, qualifying parameters and electricity fields the suppliers give", "[e2e][importer-nl]") {
    // Expected values are the supplier files' cells (suppliers/*.csv), in the elements of the
    // QReport 23.00 schema; the parameter codes are those of cn_codes/qualifying_parameters.csv
    // (QPD11 reducing agent of the precursor, QPD13 % Mn, QPD21 t scrap per t aluminium, QPD22 %
    // pre-consumer scrap, QPD23 % non-aluminium elements), GPS is coordinates type 01.
    QuarterResult r = build(test::source_path("fixtures/importer-nl"));
    std::string xml = write_qreport(r.report);
    SECTION("Taiwan: operator with address and contact, installation with UN/LOCODE and coordinates, steel parameters") {
        CHECK_THAT(xml, Catch::Contains("<OperatorId>TW-OP-0001</OperatorId>\n        <OperatorName>Formosa Sample Fasteners Co., Ltd. (fictional)</OperatorName>\n"
                                        "        <OperatorAddress>\n          <Country>TW</Country>\n          <City>Kaohsiung</City>\n"
                                        "          <Street>Sample Industrial Road</Street>\n          <Number>88</Number>\n          <Postcode>820</Postcode>"));
        CHECK_THAT(xml, Catch::Contains("<Name>Mei-Ling Chen (fictional)</Name>\n          <Phone>+886 7 000 0001</Phone>\n          <Email>cbam@fasteners.example</Email>"));
        CHECK_THAT(xml, Catch::Contains("<UNLOCODE>TWKHH</UNLOCODE>\n          <Latitude>22.7601</Latitude>\n          <Longitude>120.3120</Longitude>\n"
                                        "          <CoordinatesType>01</CoordinatesType>"));
        CHECK_THAT(xml, Catch::Contains("<MethodId>P34</MethodId>\n        <SteelMillNumber>TW-MILL-0007</SteelMillNumber>"));
        CHECK_THAT(xml, Catch::Contains("<ParameterId>QPD13</ParameterId>\n          <ParameterValue>0.75</ParameterValue>"));
    }
    SECTION("India: aluminium parameters; method P42 as given") {
        CHECK_THAT(xml, Catch::Contains("<MethodId>P42</MethodId>"));
        CHECK_THAT(xml, Catch::Contains("<ParameterId>QPD21</ParameterId>\n          <ParameterValue>0.02</ParameterValue>"));
        CHECK_THAT(xml, Catch::Contains("<ParameterId>QPD22</ParameterId>\n          <ParameterValue>100</ParameterValue>"));
        CHECK_THAT(xml, Catch::Contains("<ParameterId>QPD23</ParameterId>\n          <ParameterValue>0.3</ParameterValue>"));
    }
    SECTION("Morocco: electricity on actual data with its factor's source and how the conditions are met") {
        CHECK_THAT(xml, Catch::Contains("<EmissionFactorSourceElectricity>01</EmissionFactorSourceElectricity>"));
        CHECK_THAT(xml, Catch::Contains("<EmissionFactorSourceValue>Measured fuel consumption of the station, 2023 annual emissions report (fictional)</EmissionFactorSourceValue>"));
        CHECK_THAT(xml, Catch::Contains("<ConditionalityFulfillment>Power purchase agreement PPA-SFI-2024-01 with the importer;"));
    }
    SECTION("Hebei: what its supplier left out is not written, and the summary says so") {
        // The row has an operator name and city but no operator_id and no contact: no
        // InstallationOperator (the schema needs all of them); Mn and the reducing agent only.
        auto hb = xml.find("<InstallationId>CN-HB-WIRE-02</InstallationId>");
        REQUIRE(hb != std::string::npos);
        auto entry_start = xml.rfind("<GoodsEmissions>", hb);
        CHECK(xml.substr(entry_start, hb - entry_start).find("<InstallationOperator>") == std::string::npos);
        REQUIRE(r.missing.size() == 2);
        CHECK(r.missing[0].installation_id == "CN-HB-WIRE-02");
        CHECK(r.missing[0].section == "Installation operator");
        CHECK_THAT(r.missing[0].what, Catch::Contains("lacks operator_id, contact_name, contact_phone, contact_email"));
        CHECK(r.missing[1].section == "Qualifying parameters");
        CHECK_THAT(r.missing[1].what, Catch::Contains("(columns cr_pct, ni_pct, other_alloys_pct, other_materials_pct, steel_mill_number)"));
        CHECK_THAT(r.missing[1].where.to_string(), Catch::Contains("china-wire.csv:3"));
    }
}

TEST_CASE("our report XML of every report fixture passes xmllint --schema", "[e2e][importer-nl][xmllint]") {
    // libxml2's own command-line checker, independent of cbam's use of the library.
    if (test::run_program("xmllint", {"--version"}).exit_code == 127) {
        WARN("skipped: xmllint (Debian package libxml2-utils) is not installed");
        return;
    }
    for (auto [fixture, period] : {std::pair{"fixtures/importer-nl", "2024Q2"}, {"fixtures/importer-nl-2024Q3", "2024Q3"}}) {
        test::ScratchDir out;
        auto r = test::run_cbam({"report", test::source_path(fixture), "--period", period, "-o", out.file("r.xml")});
        INFO(fixture << ": " << r.err);
        REQUIRE(r.exit_code == 0);
        auto x = test::run_program("xmllint", {"--noout", "--schema", official_schema_dir() + "/" + kQReportXsd, out.file("r.xml")});
        INFO(x.err);
        CHECK(x.exit_code == 0);
        CHECK_THAT(x.err, Catch::Contains("r.xml validates"));
        // Both quarters report the Taiwanese screws, whose supplier row gives the operator and
        // the qualifying parameters (suppliers/taiwan-fasteners.csv: TW-OP-0001, % Mn 0.75).
        std::string xml = test::read_file(out.file("r.xml"));
        CHECK_THAT(xml, Catch::Contains("<OperatorId>TW-OP-0001</OperatorId>"));
        CHECK_THAT(xml, Catch::Contains("<ParameterId>QPD13</ParameterId>\n          <ParameterValue>0.75</ParameterValue>"));
    }
}

TEST_CASE("importer-nl: the same lines in any order give byte-identical outputs", "[e2e][importer-nl]") {
    test::ScratchDir a, b;
    a.copy_from("fixtures/importer-nl");
    b.copy_from("fixtures/importer-nl");
    std::istringstream in(test::read_file(b.file("customs.csv")));
    std::string header, line;
    std::getline(in, header);
    std::vector<std::string> lines;
    while (std::getline(in, line)) lines.push_back(line);
    std::mt19937 rng(20240630);
    std::shuffle(lines.begin(), lines.end(), rng);
    std::string shuffled = header + "\n";
    for (const auto& l : lines) shuffled += l + "\n";
    b.write("customs.csv", shuffled);
    auto ra = test::run_cbam({"report", a.path(), "--period", "2024Q2", "-o", a.file("r.xml")});
    auto rb = test::run_cbam({"report", b.path(), "--period", "2024Q2", "-o", b.file("r.xml")});
    REQUIRE(ra.exit_code == 0);
    REQUIRE(rb.exit_code == 0);
    CHECK(test::read_file(a.file("r.xml")) == test::read_file(b.file("r.xml")));
    CHECK(test::read_file(a.file("r.summary.csv")) == test::read_file(b.file("r.summary.csv")));
}

TEST_CASE("importer-nl: the command writes report, summary and skipped lines, and validate accepts the report", "[e2e][importer-nl][cli]") {
    test::ScratchDir out;
    auto r = test::run_cbam({"report", test::source_path("fixtures/importer-nl"), "--period", "2024Q2", "-o", out.file("report.xml")});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("all goods"));
    CHECK_THAT(r.out, Catch::Contains("1377.673"));  // 1377.6726 to 3 decimals
    CHECK_THAT(r.out, Catch::Contains("825.686"));   // 825.6860196
    std::string summary = test::read_file(out.file("report.summary.csv"));
    CHECK_THAT(summary, Catch::Contains("25232900,TR,250,t,202.500,15.000,217.500,100.0,1,yes"));
    CHECK_THAT(summary, Catch::Contains("76011000,IN,55,t,108.370,757.625,865.995,0.0,1,no"));
    std::string skipped = test::read_file(out.file("report.skipped.csv"));
    CHECK_THAT(skipped, Catch::Contains("24NL00000000000017,1,73181590,TW,5,requested procedure 71 (customs warehousing)"));
    CHECK_THAT(skipped, Catch::Contains("origin NO (Norway) is exempt"));
    auto v = test::run_cbam({"validate", out.file("report.xml")});
    CHECK(v.exit_code == 0);
}

TEST_CASE("the output of cbam calc is accepted as a supplier's emissions data", "[e2e][importer-nl][cli]") {
    // fastener-tw's calc output (SEE 2.74610 / 1.13075, factor 0.47400, consumption 2.38555) feeds a report.
    test::ScratchDir d;
    d.copy_from("fixtures/importer-nl");
    std::filesystem::remove(d.file("suppliers/taiwan-fasteners.csv"));
    auto calc = test::run_cbam({"calc", test::source_path("fixtures/fastener-tw"), "-o", d.file("suppliers/from-calc.csv")});
    REQUIRE(calc.exit_code == 0);
    auto r = test::run_cbam({"report", d.path(), "--period", "2024Q2", "-o", d.file("r.xml")});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("76.891"));  // 28 t x 2.7461
    CHECK_THAT(r.out, Catch::Contains("31.661"));  // 28 t x 1.1307507
}

TEST_CASE("importer-nl: goods warehoused in Q2 are reported in Q3, when released", "[e2e][importer-nl]") {
    // fixtures/importer-nl-2024Q3: one line, 5 t of screws from TW-KHH-FAST-001, requested 40 after 71.
    // direct 5 x 2.7461 = 13.7305 tCO2e; indirect 5 x (2.38555 x 0.47400 = 1.1307507) = 5.6537535 tCO2e.
    test::ScratchDir out;
    auto r = test::run_cbam({"report", test::source_path("fixtures/importer-nl-2024Q3"), "--period", "2024Q3", "-o", out.file("q3.xml")});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(test::read_file(out.file("q3.summary.csv")), Catch::Contains("73181590,TW,5,t,13.731,5.654,19.384,0.0,1,yes"));
    std::string xml = test::read_file(out.file("q3.xml"));
    CHECK_THAT(xml, Catch::Contains("<ReportingPeriod>Q3</ReportingPeriod>"));
    CHECK_THAT(xml, Catch::Contains("released for free circulation from procedure 71"));
}
