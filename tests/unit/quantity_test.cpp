// Unit tests of cbam::Quantity (src/core/quantity.h): exact amounts with units, conversions,
// arithmetic across units, and the dimension checks that throw UnitMismatch.
#include "core/quantity.h"
#include "exact.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <stdexcept>

using namespace cbam;
using cbam::test::D;

namespace {

Quantity q(const char* value, const char* unit) {
    auto u = Unit::parse(unit);
    INFO("unit text: " << unit);
    REQUIRE(u);
    return Quantity(D(value), *u);
}

}  // namespace

TEST_CASE("Quantity: natural gas volume × NCV in TJ", "[unit][quantity]") {
    // 185 000 Nm3 × 35.2 MJ/Nm3 = 6 512 000 MJ = 6.512 TJ (1 MJ = 10^-6 TJ)
    Quantity energy = q("185000", "Nm3") * q("35.2", "MJ/Nm3");
    CHECK(energy.unit().same_dimension(units::TJ()));
    CHECK_EXACT(energy.value_in(units::TJ()), D("6.512"));
    CHECK_EXACT(energy.value_in(units::GJ()), D("6512"));
    // the same with 1000Nm3 and GJ/1000Nm3: 185 × 35.2 = 6 512 GJ = 6.512 TJ
    Quantity energy2 = q("185", "1000Nm3") * q("35.2", "GJ/1000Nm3");
    CHECK_EXACT(energy2.value_in(units::TJ()), D("6.512"));
}

TEST_CASE("Quantity: energy conversions", "[unit][quantity]") {
    // 1 MWh = 3.6 GJ = 0.0036 TJ
    Quantity mwh = q("1", "MWh");
    CHECK_EXACT(mwh.value_in(units::GJ()), D("3.6"));
    CHECK_EXACT(mwh.value_in(units::TJ()), D("0.0036"));
    // 1 TJ = 1 / 0.0036 MWh = 2500/9 MWh = 277.77... MWh
    CHECK_EXACT(q("1", "TJ").value_in(units::MWh()), Decimal::ratio(2500, 9));
    // 1 850 MWh = 1 850 × 3.6 GJ = 6 660 GJ
    CHECK_EXACT(q("1850", "MWh").value_in(units::GJ()), D("6660"));
    // 2 GWh = 2 000 MWh
    CHECK_EXACT(q("2", "GWh").value_in(units::MWh()), D("2000"));
    // 500 kWh = 0.5 MWh
    CHECK_EXACT(q("500", "kWh").value_in(units::MWh()), D("0.5"));
    // in() carries the target unit
    Quantity g = mwh.in(units::GJ());
    CHECK(g.unit().symbol() == "GJ");
    CHECK_EXACT(g.value(), D("3.6"));
}

TEST_CASE("Quantity: mass conversions", "[unit][quantity]") {
    // 2 500 kg = 2.5 t; 1.5 t = 1 500 kg; 1 kg = 0.001 t
    CHECK_EXACT(q("2500", "kg").value_in(units::t()), D("2.5"));
    CHECK_EXACT(q("1.5", "t").value_in(units::kg()), D("1500"));
    CHECK_EXACT(q("1", "kg").value_in(units::t()), D("0.001"));
    // 2 500 kgCO2 = 2.5 tCO2e
    CHECK_EXACT(q("2500", "kgCO2").value_in(units::tCO2e()), D("2.5"));
    // tCO2 is tCO2e
    CHECK_EXACT(q("12.5", "tCO2").value_in(units::tCO2e()), D("12.5"));
}

TEST_CASE("Quantity: sums and differences across units of one dimension", "[unit][quantity]") {
    // 1 t + 500 kg = 1.5 t, in the left operand's unit
    Quantity a = q("1", "t") + q("500", "kg");
    CHECK(a.unit().symbol() == "t");
    CHECK_EXACT(a.value(), D("1.5"));
    // 500 kg + 1 t = 1 500 kg
    Quantity b = q("500", "kg") + q("1", "t");
    CHECK(b.unit().symbol() == "kg");
    CHECK_EXACT(b.value(), D("1500"));
    // 1 TJ − 100 MWh = 1 − 0.36 = 0.64 TJ
    Quantity c = q("1", "TJ") - q("100", "MWh");
    CHECK_EXACT(c.value(), D("0.64"));
    // negation
    CHECK_EXACT((-q("3", "t")).value(), D("-3"));
}

TEST_CASE("Quantity: adding different dimensions throws UnitMismatch", "[unit][quantity]") {
    CHECK_THROWS_AS(q("1", "t") + q("1", "TJ"), UnitMismatch);
    CHECK_THROWS_AS(q("1", "t") - q("1", "Nm3"), UnitMismatch);
    CHECK_THROWS_AS(q("1", "tCO2") + q("1", "tN2O"), UnitMismatch);
    CHECK_THROWS_AS(q("1", "tC") + q("1", "t"), UnitMismatch);
    CHECK_THROWS_AS(q("1", "t").in(units::TJ()), UnitMismatch);
}

TEST_CASE("Quantity: tN2O cannot be converted to tCO2e except through its GWP", "[unit][quantity]") {
    CHECK_THROWS_AS(q("2", "tN2O").in(units::tCO2e()), UnitMismatch);
    CHECK_THROWS_AS(q("2", "tN2O").value_in(units::tCO2e()), UnitMismatch);
    CHECK_THROWS_AS(q("1", "tCF4").in(units::tCO2e()), UnitMismatch);
    // through the GWP: 2 tN2O × 265 tCO2e/tN2O = 530 tCO2e
    Quantity gwp(265, units::tCO2e() / units::tN2O());
    CHECK_EXACT((q("2", "tN2O") * gwp).value_in(units::tCO2e()), D("530"));
    // 1 500 kgN2O = 1.5 tN2O × 265 = 397.5 tCO2e
    CHECK_EXACT((q("1500", "kgN2O") * gwp).value_in(units::tCO2e()), D("397.5"));
}

TEST_CASE("Quantity: products and quotients", "[unit][quantity]") {
    // 1 850 MWh × 0.474 tCO2/MWh = 876.9 tCO2e
    CHECK_EXACT((q("1850", "MWh") * q("0.474", "tCO2/MWh")).value_in(units::tCO2e()), D("876.9"));
    // 6.512 TJ × 56.1 tCO2/TJ = 365.3232 tCO2e
    CHECK_EXACT((q("6.512", "TJ") * q("56.1", "tCO2/TJ")).value_in(units::tCO2e()), D("365.3232"));
    // 3 295.3232 tCO2e / 1 200 t = 2.746102666.. tCO2e/t = 32 953 232 / 12 000 000
    Quantity see = q("3295.3232", "tCO2e") / q("1200", "t");
    CHECK_EXACT(see.value_in(units::tCO2e_per_t()), Decimal::ratio(32953232, 12000000));
    // 1 200 tCO2e / 1 000 000 kg = 1 200 / 1 000 t = 1.2 tCO2e/t
    CHECK_EXACT((q("1200", "tCO2e") / q("1000000", "kg")).value_in(units::tCO2e_per_t()), D("1.2"));
    // scalar multiplication either side: 4 t × 0.25 = 1 t
    CHECK_EXACT((q("4", "t") * D("0.25")).value(), D("1"));
    CHECK_EXACT((D("0.25") * q("4", "t")).value(), D("1"));
    // division by a zero quantity throws
    CHECK_THROWS_AS(q("1", "tCO2e") / q("0", "t"), std::domain_error);
}

TEST_CASE("Quantity::to_string is exact with its unit", "[unit][quantity]") {
    CHECK(q("12.5", "t").to_string() == "12.5 t");
    CHECK(q("0.0036", "TJ").to_string() == "0.0036 TJ");
    CHECK(Quantity(Decimal(3), units::one()).to_string() == "3");
}
