// Units of measure: a product of base dimensions with integer exponents and an exact scale
// relative to the base units (t of material, TJ, Nm3, t CO2e, t N2O, t CF4, t C2F6, t C).
//
// Gases are distinct dimensions on purpose: t N2O cannot be added to t CO2e without passing
// through its global warming potential. Tonnes of CO2 are tonnes of CO2e (GWP 1).
#pragma once

#include "core/decimal.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace cbam {

enum class Dim : int { Mass = 0, Energy, Volume, CO2e, N2O, CF4, C2F6, Carbon, Count };

class Unit {
public:
    using Exponents = std::array<int, static_cast<int>(Dim::Count)>;

    Unit() = default;  // dimensionless, scale 1
    Unit(std::string symbol, Exponents exps, Decimal scale)
        : symbol_(std::move(symbol)), exps_(exps), scale_(std::move(scale)) {}

    // "t", "kg", "TJ", "GJ", "MWh", "Nm3", "tCO2e", "tCO2/TJ", "TJ/t", "tC/t", "kg N2O" ...
    // Spaces are ignored and letters compared case-insensitively. nullopt when unknown.
    static std::optional<Unit> parse(std::string_view text);
    // The units parse() knows, for error messages and documentation.
    static std::string known_symbols();

    const std::string& symbol() const { return symbol_; }
    const Exponents& exponents() const { return exps_; }
    // How many base units one of this unit is (kg -> 1/1000, MWh -> 0.0036 TJ).
    const Decimal& scale() const { return scale_; }
    bool same_dimension(const Unit& o) const { return exps_ == o.exps_; }
    bool dimensionless() const { return exps_ == Exponents{}; }
    // Human name of the dimension ("mass", "energy", "emissions (CO2e) per mass" ...).
    std::string dimension_name() const;

    friend Unit operator*(const Unit& a, const Unit& b);
    friend Unit operator/(const Unit& a, const Unit& b);

private:
    std::string symbol_;
    Exponents exps_{};
    Decimal scale_{1};
};

// The named units the calculator uses.
namespace units {
Unit one();
Unit t();
Unit kg();
Unit TJ();
Unit GJ();
Unit MWh();
Unit Nm3();
Unit tCO2e();
Unit tN2O();
Unit tCF4();
Unit tC2F6();
Unit tC();
Unit tCO2e_per_t();
Unit tCO2e_per_MWh();
Unit tCO2e_per_TJ();
}  // namespace units

}  // namespace cbam
