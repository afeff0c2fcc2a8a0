// `cbam calc` where an installation gives no figure of its own and the definitive period's
// Commission values apply: the grid emission factor of the country for electricity consumed
// (IR (EU) 2025/2621 Annex II, cn_codes/electricity_grid_emission_factors.csv) and the highest
// default value for a precursor of unknown origin (Annex IV, definitive_default_values_annex4.csv).
//
// Each case edits a copy of fixtures/fastener-tw; the fixture's own derivation
// (tests/e2e/fastener_tw_test.cpp): furnace 365.3232 tCO2; 1 850 MWh of grid electricity;
// wire rod WR-TW 800 t (2.10 direct, 0.35 indirect), WR-CN 500 t (2.50, 0.40); 1 200 t produced.
#include "calc/embedded_emissions.h"
#include "importers/installation_reader.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace cbam;
using cbam::test::D;

namespace {

struct Copy {
    test::ScratchDir dir;
    Copy() { dir.copy_from("fixtures/fastener-tw"); }
    void no_electricity_factor() const {
        dir.edit("electricity.csv", "0.474,tCO2/MWh,grid,\"Taiwan grid emission factor 2024 (Energy Administration, MOEA), 0.474 kgCO2/kWh\"", ",,grid,");
    }
};

bool names_source(const GoodResult& g, const std::string& part) {
    return std::any_of(g.electricity_factor_sources.begin(), g.electricity_factor_sources.end(),
                       [&](const std::string& s) { return s.find(part) != std::string::npos; });
}

}  // namespace

TEST_CASE("calc: grid electricity without a factor takes the Commission's grid factor of the country", "[calc][electricity]") {
    SECTION("Taiwan: electricity_grid_emission_factors.csv line 21, 0.561") {
        // indirect attributed = 1 850 x 0.561 = 1 037.85; SEE indirect = (1 037.85 + 280 + 200) / 1 200 = 1.264875
        Copy c;
        c.no_electricity_factor();
        Installation inst = read_installation(c.dir.path());
        CalcResult r = calculate(inst, Scope::Definitive);
        const GoodResult* screws = r.find("73181590");
        REQUIRE(screws);
        CHECK(screws->see_indirect.value() == D("1.264875"));
        CHECK(screws->electricity_emissions.value() == D("1037.85"));
        CHECK(names_source(*screws, "Commission default grid emission factor 0.561 tCO2/MWh for Taiwan: Implementing Regulation (EU) 2025/2621, "
                                    "Annex II (electricity_grid_emission_factors.csv:21, confidence low-medium)"));
    }
    SECTION("a country the table does not list: the row for other countries, 0.465") {
        // indirect attributed = 1 850 x 0.465 = 860.25; SEE indirect = (860.25 + 480) / 1 200 = 1.116875
        Copy c;
        c.no_electricity_factor();
        c.dir.edit("installation.csv", "Formosa Sample Fasteners Plant 1,TW,", "Formosa Sample Fasteners Plant 1,MX,");
        Installation inst = read_installation(c.dir.path());
        CalcResult r = calculate(inst, Scope::Definitive);
        const GoodResult* screws = r.find("73181590");
        REQUIRE(screws);
        CHECK(screws->see_indirect.value() == D("1.116875"));
        CHECK(names_source(*screws, "for other countries and territories (MX is not listed)"));
    }
    SECTION("the transitional period: the factor is required, and the row is named") {
        Copy c;
        c.no_electricity_factor();
        Installation inst = read_installation(c.dir.path());
        try {
            calculate(inst, Scope::Transitional);
            FAIL("expected an InputError");
        } catch (const InputError& e) {
            std::string all = e.diagnostics().to_string();
            CHECK_THAT(all, Catch::Contains("electricity.csv:2"));
            CHECK_THAT(all, Catch::Contains("(emission_factor)"));
            CHECK_THAT(all, Catch::Contains("CBAM Transitional Registry"));
        }
    }
    SECTION("electricity from a power purchase agreement needs its own factor") {
        Copy c;
        c.dir.edit("electricity.csv", "0.474,tCO2/MWh,grid,", ",,ppa,");
        CHECK_THROWS_AS(read_installation(c.dir.path()), InputError);
    }
}

TEST_CASE("calc: a precursor of unknown origin without figures takes the highest default value (Annex IV)", "[calc][precursors]") {
    // WR-CN becomes wire rod 72139110 of unknown origin with no figures:
    //   definitive_default_values_annex4.csv line 101: 7213, route C, total 8.23, counted as direct.
    // SEE direct   = (365.3232 + 800 x 2.10 + 500 x 8.23) / 1 200 = (365.3232 + 1 680 + 4 115) / 1 200 = 6 160.3232 / 1 200
    // SEE indirect = (876.9 + 280 + 0) / 1 200 = 1 156.9 / 1 200
    Copy c;
    c.dir.edit("suppliers.csv", "WR-CN,Eastern Sample Steel Works (fictional),CN,CN-SD-STL-33,Iron or steel products,72139110,2.50,0.40,",
               "WR-CN,Unknown mill,unknown,,Iron or steel products,72139110,,,");
    Installation inst = read_installation(c.dir.path());
    CalcResult r = calculate(inst, Scope::Definitive);
    const GoodResult* screws = r.find("73181590");
    REQUIRE(screws);
    CHECK(screws->see_direct.value() == D(61603232, 12000000));
    CHECK(screws->see_indirect.value() == D(11569, 12000));
    CHECK(screws->uses_default_values);
    CHECK_THROWS_AS(calculate(inst, Scope::Transitional), InputError);
}
