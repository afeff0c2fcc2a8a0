// The QReport code lists and production methods as project data (cn_codes/qreport_*.csv,
// production_methods.csv, qualifying_parameters.csv): what they must hold, checked against the
// 23.00 schema's facets and the review of the lists they were compiled from.
#include "registry/production_methods.h"
#include "registry/qreport_codes.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace cbam;

TEST_CASE("the code lists load, and every code fits its element's type in the 23.00 schema", "[unit][codes]") {
    const QReportCodes& c = QReportCodes::builtin();  // loading checks the facets: an4, an2, n1, an..5
    CHECK(c.lists().size() == 22);
    std::size_t n = 0;
    for (const auto& l : c.lists()) n += l.codes.size();
    // The compilation's 138 codes, less the 8 that cannot be valid in 23.00, plus DischargeBillWaiver 0 and 1.
    CHECK(n == 138 - 8 + 2);
}

TEST_CASE("the eight supporting-document codes that cannot be valid in 23.00 are gone", "[unit][codes]") {
    // SupportingDocuments/Type is an4 in stypes.xsd: exactly 4 characters. TED01-TED05 have 5, 1-3 have 1.
    const QReportCodes& c = QReportCodes::builtin();
    for (const char* ted : {"TED01", "TED02", "TED03", "TED04", "TED05"}) CHECK_FALSE(c.has("GoodsEmissions/SupportingDocuments/Type", ted));
    for (const char* d : {"1", "2", "3"}) CHECK_FALSE(c.has("ImportedGood/SupportingDocuments/Type", d));
    REQUIRE(c.list("GoodsEmissions/SupportingDocuments/Type"));
    CHECK(c.list("GoodsEmissions/SupportingDocuments/Type")->status == CodeListStatus::Unknown);
    CHECK(c.has("ImportedGood/SupportingDocuments/Type", "E017"));
    CHECK(c.has("ImportedGood/SupportingDocuments/Type", "C710"));
}

TEST_CASE("a code's confidence follows its sources, and docs/code-lists.md shows each one", "[unit][codes]") {
    const QReportCodes& c = QReportCodes::builtin();
    // Role 01: the generator, the 17.00 sample and the version-18 vocabulary agree: high.
    REQUIRE(c.find("Declarant/Role", "01"));
    CHECK(c.find("Declarant/Role", "01")->confidence == CodeConfidence::High);
    // TOM03 rests on the generator alone: low. Net mass in tonnes (01): three sources, meaning inferred: medium.
    CHECK(c.find("DirectEmissions/ApplicableReportingTypeMethodology", "TOM03")->confidence == CodeConfidence::Low);
    CHECK(c.find("MeasurementUnit (NetMass)", "01")->confidence == CodeConfidence::Medium);
    std::string doc = test::read_file(test::source_path("docs/code-lists.md"));
    for (const auto& l : c.lists()) {
        INFO(l.field);
        CHECK(doc.find("## " + l.field + "\n") != std::string::npos);
        for (const auto& code : l.codes) CHECK(doc.find("| " + code.code + " | ") != std::string::npos);
    }
    for (const auto& l : c.lists())
        for (const auto& code : l.codes) {
            auto at = doc.find("## " + l.field + "\n");
            auto row = doc.find("| " + code.code + " | ", at);
            auto end = doc.find('\n', row);
            INFO(l.field << " " << code.code);
            CHECK(doc.substr(row, end - row).find(std::string("| ") + to_string(code.confidence) + " |") != std::string::npos);
        }
}

TEST_CASE("measurement units: tonnes, kilograms, MWh and hydrogen's unit 04", "[unit][codes]") {
    REQUIRE(measurement_unit("02"));
    CHECK(measurement_unit("02")->mass);
    CHECK(measurement_unit("02")->per_tonne == 1000);
    CHECK(measurement_unit("01")->per_tonne == 1);
    CHECK_FALSE(measurement_unit("03")->mass);
    CHECK(std::string(measurement_unit("03")->symbol) == "MWh");
    // Hydrogen's supplementary unit is not MWh.
    CHECK(std::string(measurement_unit("04")->symbol) == "unit 04");
    CHECK(measurement_unit("KGM") == nullptr);
}

TEST_CASE("qualifying parameters by aggregated goods category, as the communication template requires them", "[unit][codes]") {
    const ProductionMethods& p = ProductionMethods::builtin();
    auto names = [&](const char* good) {
        std::vector<std::string> out;
        for (const auto* s : p.parameters_of(good)) out.push_back(s->parameter);
        return out;
    };
    // Parameters_Constants rows 115 (crude steel) and 114 (iron or steel products) of the template.
    CHECK(names("Crude steel") == std::vector<std::string>{"main_reducing_agent", "mn_pct", "cr_pct", "ni_pct", "other_alloys_pct", "scrap_t_per_t",
                                                          "pre_consumer_scrap_pct"});
    CHECK(names("Iron or steel products") ==
          std::vector<std::string>{"main_reducing_agent", "mn_pct", "cr_pct", "ni_pct", "other_alloys_pct", "other_materials_pct"});
    CHECK(names("Cement") == std::vector<std::string>{"clinker_factor_pct"});
    CHECK(names("Hydrogen").empty());
    CHECK(names("Electricity").empty());
    // The reducing agent is QPD10 for pig iron and DRI, QPD11 (of the precursor) for steel.
    CHECK(p.parameter("main_reducing_agent", "Pig iron")->parameter_id == "QPD10");
    CHECK(p.parameter("main_reducing_agent", "Crude steel")->parameter_id == "QPD11");
    CHECK(p.parameter("scrap_t_per_t", "Unwrought aluminium")->parameter_id == "QPD21");
    CHECK(p.parameter("n_contained_pct", "Urea")->parameter_id.empty());  // no code known: AdditionalInformation
    // One method for cement and for iron or steel products; several for crude steel.
    CHECK(p.only_method_of("Cement") == "P03");
    CHECK(p.only_method_of("Iron or steel products") == "P34");
    CHECK(p.only_method_of("Crude steel").empty());
    CHECK(p.methods_of("Crude steel").size() == 7);
}
