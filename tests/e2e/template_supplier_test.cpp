// A supplier's filled template as supplier data (importers/template_supplier_reader.h): the figures
// of Summary_Communication as the workbook holds them. The workbook is the hand-checked example
// (tests/template_files.cpp) with the results Excel would have cached set cell by cell; each expected
// value is read off those cells (or, for the qualifying parameters, converted as stated).
#include "importers/supplier_reader.h"
#include "support.h"
#include "template_files.h"
#include "unit/exact.h"

#include <catch2/catch.hpp>

using namespace cbam;
using cbam::test::D;

namespace {

struct Cached {
    const char* ref;
    const char* value;
    bool text = false;
    bool error = false;
};

std::string communicated(const std::vector<Cached>& extra = {}) {
    std::string b = test::filled_template(test::clinker_and_cement());
    if (b.empty()) return b;
    std::vector<Cached> cells = {
        {"Summary_Communication!G12", "Test Clinker Works", true}, {"Summary_Communication!G15", "Kaohsiung", true},
        {"Summary_Communication!G16", "TW", true}, {"Summary_Communication!G17", "TWKHH", true},
        {"Summary_Communication!G20", "45292"}, {"Summary_Communication!G21", "45657"},  // 2024-01-01, 2024-12-31
        {"Summary_Communication!AM12", "Taiwan Climate Change Response Act, carbon fee", true},
        // row 1: the kiln's clinker
        {"Summary_Communication!D26", "Kiln", true}, {"Summary_Communication!F26", "25231000", true},
        {"Summary_Communication!I26", "0.78000000000000003"}, {"Summary_Communication!J26", "2.5000000000000001E-2"},
        {"Summary_Communication!K26", "0.80500000000000005"}, {"Summary_Communication!L26", "tCO2e/t", true},
        {"Summary_Communication!M26", "0"}, {"Summary_Communication!N26", "D.4(a)", true},
        {"Summary_Communication!O26", "0.05"}, {"Summary_Communication!P26", "0.5"},
        {"Summary_Communication!AM26", "Carbon Fee", true}, {"Summary_Communication!AR26", "12.5"},
        {"Summary_Communication!AQ26", "TWD", true},
        // row 2: the mill's cement, with its clinker factor (0.92: 92 %)
        {"Summary_Communication!D27", "Mill", true}, {"Summary_Communication!F27", "25232900", true},
        {"Summary_Communication!I27", "0.43505"}, {"Summary_Communication!J27", "0.038"}, {"Summary_Communication!K27", "0.47305"},
        {"Summary_Communication!L27", "tCO2e/t", true}, {"Summary_Communication!M27", "0.25"}, {"Summary_Communication!N27", "D.4(a)", true},
        {"Summary_Communication!O27", "0.075"}, {"Summary_Communication!P27", "0.50666666666666671"},
        {"Summary_Communication!AC27", "0.92"},
    };
    cells.insert(cells.end(), extra.begin(), extra.end());
    for (const auto& c : cells) b = test::with_cached(b, c.ref, c.value, c.error, c.text);
    return b;
}

}  // namespace

TEST_CASE("supplier template: each product row of Summary_Communication becomes the supplier data of its CN code", "[e2e][template][supplier]") {
    std::string bytes = communicated();
    if (bytes.empty()) {
        WARN("SKIPPED: the blank communication template is not available");
        return;
    }
    test::ScratchDir dir;
    dir.write("TW-KHH-CLK-01.xlsx", bytes);
    SupplierData data;
    Diagnostics diags;
    read_supplier_data(dir.file("TW-KHH-CLK-01.xlsx"), data, diags);
    INFO(diags.to_string());
    REQUIRE(diags.empty());
    REQUIRE(data.size() == 2);

    // The file's name is the installation's identifier.
    const SupplierEmissions& clinker = data.at({"TW-KHH-CLK-01", "25231000"});
    CHECK(clinker.installation_name == "Test Clinker Works");
    CHECK(clinker.country == "TW");
    CHECK(clinker.city == "Kaohsiung");
    CHECK(clinker.unlocode == "TWKHH");
    CHECK(clinker.period_start == "2024-01-01");
    CHECK(clinker.period_end == "2024-12-31");
    CHECK_EXACT(clinker.see_direct, D("0.78"));
    CHECK_EXACT(clinker.see_indirect, D("0.025"));
    CHECK_FALSE(clinker.default_values);
    CHECK_EXACT(*clinker.electricity_consumed, D("0.05"));
    CHECK_EXACT(*clinker.electricity_emission_factor, D("0.5"));
    CHECK(clinker.electricity_source == "grid");
    CHECK(clinker.electricity_factor_source == "D.4(a)");
    CHECK(clinker.carbon_price_instrument == "03");  // Carbon Fee
    CHECK_EXACT(*clinker.carbon_price_amount, D("12.5"));
    CHECK(clinker.carbon_price_currency == "TWD");
    CHECK(clinker.carbon_price_legal_act == "Taiwan Climate Change Response Act, carbon fee");
    CHECK(clinker.where.to_string() == dir.file("TW-KHH-CLK-01.xlsx") + ":Summary_Communication!F26 (communication.cn_code)");
    // The contact comes from the inputs of A_InstData (none given in the example).
    CHECK(clinker.operator_contacts.empty());

    const SupplierEmissions& cement = data.at({"TW-KHH-CLK-01", "25232900"});
    CHECK_EXACT(cement.see_direct, D("0.43505"));
    CHECK(cement.default_values);  // a quarter of its emissions from default values
    REQUIRE(cement.qualifying_parameters.size() == 1);
    CHECK(cement.qualifying_parameters[0].name == "clinker_factor_pct");
    CHECK(cement.qualifying_parameters[0].value == "92");
    CHECK(cement.carbon_price_instrument.empty());
}

TEST_CASE("supplier template: a workbook never recalculated, and a wrong unit, are refused at their cells", "[e2e][template][supplier]") {
    std::string raw = test::filled_template(test::clinker_and_cement());
    if (raw.empty()) {
        WARN("SKIPPED: the blank communication template is not available");
        return;
    }
    test::ScratchDir dir;
    dir.write("S1.xlsx", raw);
    SupplierData data;
    Diagnostics diags;
    read_supplier_data(dir.file("S1.xlsx"), data, diags);
    CHECK(data.empty());
    CHECK_THAT(diags.to_string(), Catch::Contains("S1.xlsx:Summary_Communication!G12 (communication.installation_name): the template states "
                                                  "no installation here: the workbook holds no computed results"));

    dir.write("S2.xlsx", communicated({{"Summary_Communication!L27", "tCO2e/MWh", true}, {"Summary_Communication!J26", "#VALUE!", false, true}}));
    SupplierData data2;
    Diagnostics diags2;
    read_supplier_data(dir.file("S2.xlsx"), data2, diags2);
    CHECK_THAT(diags2.to_string(), Catch::Contains("S2.xlsx:Summary_Communication!L27 (communication.unit): product row 2: expected tCO2e/t for "
                                                   "CN 25232900, found \"tCO2e/MWh\""));
    CHECK_THAT(diags2.to_string(), Catch::Contains("S2.xlsx:Summary_Communication!J26 (communication.see_indirect): product row 1: expected a "
                                                   "number computed by the template, found the error value #VALUE!"));
}
