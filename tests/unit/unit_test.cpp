// Unit tests of cbam::Unit (src/core/unit.h): the known units and their scales relative to the
// base units (t, TJ, Nm3, tCO2e, tN2O, tCF4, tC2F6, tC), ratios, case and spaces, unknown units.
#include "core/unit.h"
#include "exact.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <string>

using namespace cbam;
using cbam::test::D;

namespace {

Unit must(const char* text) {
    auto u = Unit::parse(text);
    INFO("unit text: " << text);
    REQUIRE(u);
    return *u;
}

}  // namespace

TEST_CASE("Unit::parse knows the mass, energy and volume units with their scales", "[unit][units]") {
    // mass: base t; kg = 1/1000 t
    CHECK_EXACT(must("t").scale(), Decimal(1));
    CHECK_EXACT(must("kg").scale(), Decimal::ratio(1, 1000));
    CHECK(must("kg").same_dimension(units::t()));
    // energy: base TJ; GJ = 10^-3 TJ, MJ = 10^-6 TJ
    CHECK_EXACT(must("TJ").scale(), Decimal(1));
    CHECK_EXACT(must("GJ").scale(), Decimal::ratio(1, 1000));
    CHECK_EXACT(must("MJ").scale(), Decimal::ratio(1, 1000000));
    // 1 Wh = 3600 J: 1 GWh = 3.6e12 J = 3.6 TJ; 1 MWh = 3.6e9 J = 0.0036 TJ; 1 kWh = 3.6e6 J = 0.0000036 TJ
    CHECK_EXACT(must("GWh").scale(), D("3.6"));
    CHECK_EXACT(must("MWh").scale(), D("0.0036"));
    CHECK_EXACT(must("kWh").scale(), D("0.0000036"));
    CHECK(must("MWh").same_dimension(units::TJ()));
    // volume: base Nm3; 1000Nm3 = 1000 Nm3
    CHECK_EXACT(must("Nm3").scale(), Decimal(1));
    CHECK_EXACT(must("1000Nm3").scale(), Decimal(1000));
    CHECK(must("1000Nm3").same_dimension(units::Nm3()));
}

TEST_CASE("Unit::parse knows the gas and carbon units", "[unit][units]") {
    // tCO2 is tCO2e (GWP 1); kgCO2 = 1/1000 tCO2e
    CHECK(must("tCO2").same_dimension(units::tCO2e()));
    CHECK_EXACT(must("tCO2").scale(), Decimal(1));
    CHECK_EXACT(must("tCO2e").scale(), Decimal(1));
    CHECK_EXACT(must("kgCO2").scale(), Decimal::ratio(1, 1000));
    CHECK(must("kgCO2").same_dimension(units::tCO2e()));
    // each gas is its own dimension
    CHECK(must("kgN2O").same_dimension(units::tN2O()));
    CHECK_EXACT(must("kgN2O").scale(), Decimal::ratio(1, 1000));
    CHECK(must("tCF4").same_dimension(units::tCF4()));
    CHECK(must("tC2F6").same_dimension(units::tC2F6()));
    CHECK(must("kgC").same_dimension(units::tC()));
    CHECK_EXACT(must("kgC").scale(), Decimal::ratio(1, 1000));
    CHECK_FALSE(units::tN2O().same_dimension(units::tCO2e()));
    CHECK_FALSE(units::tCF4().same_dimension(units::tC2F6()));
    CHECK_FALSE(units::tC().same_dimension(units::tCO2e()));
    CHECK_FALSE(units::tC().same_dimension(units::t()));  // tonnes of carbon are not tonnes of material
    CHECK_FALSE(units::t().same_dimension(units::TJ()));
    CHECK_FALSE(units::Nm3().same_dimension(units::t()));
}

TEST_CASE("Unit::parse reads ratios", "[unit][units]") {
    // tCO2/TJ: CO2e per energy, scale 1/1
    Unit ef = must("tCO2/TJ");
    CHECK(ef.same_dimension(units::tCO2e_per_TJ()));
    CHECK_EXACT(ef.scale(), Decimal(1));
    // GJ/t = (1/1000 TJ) / t
    Unit ncv = must("GJ/t");
    CHECK(ncv.same_dimension(must("TJ/t")));
    CHECK_EXACT(ncv.scale(), Decimal::ratio(1, 1000));
    // GJ/1000Nm3 = (1/1000 TJ) / (1000 Nm3) = 10^-6 TJ/Nm3
    Unit ncv_gas = must("GJ/1000Nm3");
    CHECK(ncv_gas.same_dimension(must("TJ/Nm3")));
    CHECK_EXACT(ncv_gas.scale(), Decimal::ratio(1, 1000000));
    // MJ/Nm3 = 10^-6 TJ/Nm3 as well
    CHECK_EXACT(must("MJ/Nm3").scale(), Decimal::ratio(1, 1000000));
    // tC/t: carbon per mass
    CHECK(must("tC/t").same_dimension(units::tC() / units::t()));
    CHECK_FALSE(must("tC/t").same_dimension(units::tCO2e_per_t()));
    // tCO2/MWh = 1 / 0.0036 tCO2/TJ = 2500/9 tCO2/TJ
    Unit el = must("tCO2/MWh");
    CHECK(el.same_dimension(units::tCO2e_per_MWh()));
    CHECK(el.same_dimension(units::tCO2e_per_TJ()));
    CHECK_EXACT(el.scale(), Decimal::ratio(2500, 9));
    // kgCO2/MWh = (1/1000) / 0.0036 = 1/3.6 = 5/18
    CHECK_EXACT(must("kgCO2/MWh").scale(), Decimal::ratio(5, 18));
    // tCO2e/t: emissions per mass, the SEE unit
    CHECK(must("tCO2e/t").same_dimension(units::tCO2e_per_t()));
    // a plain number
    CHECK(must("1").dimensionless());
    CHECK(units::one().dimensionless());
    CHECK_FALSE(units::t().dimensionless());
}

TEST_CASE("Unit::parse ignores letter case and spaces", "[unit][units]") {
    Unit a = must("mwh");
    CHECK(a.same_dimension(units::MWh()));
    CHECK_EXACT(a.scale(), D("0.0036"));
    Unit b = must(" T J ");
    CHECK(b.same_dimension(units::TJ()));
    CHECK_EXACT(b.scale(), Decimal(1));
    Unit c = must("TCO2 / tj");
    CHECK(c.same_dimension(units::tCO2e_per_TJ()));
    CHECK_EXACT(c.scale(), Decimal(1));
    Unit d = must("kg n2o");
    CHECK(d.same_dimension(units::tN2O()));
    CHECK_EXACT(d.scale(), Decimal::ratio(1, 1000));
    Unit e = must("gj / 1000 nm3");
    CHECK_EXACT(e.scale(), Decimal::ratio(1, 1000000));
    CHECK_EXACT(must("KG").scale(), Decimal::ratio(1, 1000));
    // canonical spelling of the symbol whatever the input case
    CHECK(must("mwh").symbol() == "MWh");
    CHECK(must("tco2/tj").symbol() == "tCO2/TJ");
}

TEST_CASE("Unit::parse returns nullopt for unknown units", "[unit][units]") {
    CHECK_FALSE(Unit::parse(""));
    CHECK_FALSE(Unit::parse("   "));
    CHECK_FALSE(Unit::parse("m3"));
    CHECK_FALSE(Unit::parse("tons"));
    CHECK_FALSE(Unit::parse("MWhh"));
    CHECK_FALSE(Unit::parse("lb"));
    CHECK_FALSE(Unit::parse("t/"));
    CHECK_FALSE(Unit::parse("/t"));
    CHECK_FALSE(Unit::parse("t/TJ/t"));   // only one ratio
    CHECK_FALSE(Unit::parse("tCO2/m3"));  // unknown denominator
    CHECK_FALSE(Unit::parse("t/1"));      // per plain number is not a unit
}

TEST_CASE("Unit products and quotients combine exponents and scales", "[unit][units]") {
    // tCO2e/t × t = tCO2e
    Unit u = units::tCO2e_per_t() * units::t();
    CHECK(u.same_dimension(units::tCO2e()));
    CHECK_EXACT(u.scale(), Decimal(1));
    // MJ/Nm3 × Nm3 = MJ: energy with scale 10^-6
    Unit v = must("MJ/Nm3") * units::Nm3();
    CHECK(v.same_dimension(units::TJ()));
    CHECK_EXACT(v.scale(), Decimal::ratio(1, 1000000));
    // tCO2e / MWh: scale 1 / 0.0036 = 2500/9
    Unit w = units::tCO2e() / units::MWh();
    CHECK(w.same_dimension(units::tCO2e_per_TJ()));
    CHECK_EXACT(w.scale(), Decimal::ratio(2500, 9));
    // t / t is a plain number
    CHECK((units::t() / units::t()).dimensionless());
    // kg / t = 1/1000, dimensionless
    CHECK_EXACT((units::kg() / units::t()).scale(), Decimal::ratio(1, 1000));
}

TEST_CASE("Unit::dimension_name for messages", "[unit][units]") {
    CHECK(units::t().dimension_name() == "mass");
    CHECK(units::TJ().dimension_name() == "energy");
    CHECK(units::one().dimension_name() == "a plain number");
    CHECK(units::tCO2e_per_TJ().dimension_name() == "CO2e per energy");
}
