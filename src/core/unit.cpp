#include "core/unit.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace cbam {

namespace {

struct Atom {
    const char* symbol;  // canonical spelling
    Dim dim;
    Decimal scale;
};

const std::vector<Atom>& atoms() {
    static const std::vector<Atom> table = {
        {"t", Dim::Mass, 1},
        {"kg", Dim::Mass, Decimal::ratio(1, 1000)},
        {"TJ", Dim::Energy, 1},
        {"GJ", Dim::Energy, Decimal::ratio(1, 1000)},
        {"MJ", Dim::Energy, Decimal::ratio(1, 1000000)},
        {"GWh", Dim::Energy, Decimal::ratio(36, 10)},
        {"MWh", Dim::Energy, Decimal::ratio(36, 10000)},
        {"kWh", Dim::Energy, Decimal::ratio(36, 10000000)},
        {"Nm3", Dim::Volume, 1},
        {"1000Nm3", Dim::Volume, 1000},
        {"tCO2e", Dim::CO2e, 1},
        {"tCO2", Dim::CO2e, 1},
        {"kgCO2e", Dim::CO2e, Decimal::ratio(1, 1000)},
        {"kgCO2", Dim::CO2e, Decimal::ratio(1, 1000)},
        {"gCO2e", Dim::CO2e, Decimal::ratio(1, 1000000)},
        {"gCO2", Dim::CO2e, Decimal::ratio(1, 1000000)},
        {"tN2O", Dim::N2O, 1},
        {"kgN2O", Dim::N2O, Decimal::ratio(1, 1000)},
        {"tCF4", Dim::CF4, 1},
        {"kgCF4", Dim::CF4, Decimal::ratio(1, 1000)},
        {"tC2F6", Dim::C2F6, 1},
        {"kgC2F6", Dim::C2F6, Decimal::ratio(1, 1000)},
        {"tC", Dim::Carbon, 1},
        {"kgC", Dim::Carbon, Decimal::ratio(1, 1000)},
    };
    return table;
}

std::string lower(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c != ' ') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::optional<Unit> parse_atom(std::string_view text) {
    std::string key = lower(text);
    if (key == "1") return Unit();
    for (const Atom& a : atoms()) {
        if (lower(a.symbol) == key) {
            Unit::Exponents e{};
            e[static_cast<int>(a.dim)] = 1;
            return Unit(a.symbol, e, a.scale);
        }
    }
    return std::nullopt;
}

const char* dim_name(Dim d) {
    switch (d) {
        case Dim::Mass: return "mass";
        case Dim::Energy: return "energy";
        case Dim::Volume: return "volume";
        case Dim::CO2e: return "CO2e";
        case Dim::N2O: return "N2O";
        case Dim::CF4: return "CF4";
        case Dim::C2F6: return "C2F6";
        case Dim::Carbon: return "carbon";
        default: return "?";
    }
}

}  // namespace

std::optional<Unit> Unit::parse(std::string_view text) {
    std::string compact;
    for (char c : text)
        if (c != ' ') compact += c;
    if (compact.empty()) return std::nullopt;
    auto slash = compact.find('/');
    if (slash == std::string::npos) return parse_atom(compact);
    if (compact.find('/', slash + 1) != std::string::npos) return std::nullopt;
    auto num = parse_atom(std::string_view(compact).substr(0, slash));
    auto den = parse_atom(std::string_view(compact).substr(slash + 1));
    if (!num || !den || den->dimensionless()) return std::nullopt;
    Unit u = *num / *den;
    return Unit(num->symbol() + "/" + den->symbol(), u.exponents(), u.scale());
}

std::string Unit::known_symbols() {
    std::string out;
    for (const Atom& a : atoms()) {
        if (!out.empty()) out += ", ";
        out += a.symbol;
    }
    return out + " and ratios of them such as tCO2/TJ, TJ/t, tC/t, tCO2/MWh";
}

std::string Unit::dimension_name() const {
    std::string num, den;
    for (int i = 0; i < static_cast<int>(Dim::Count); ++i) {
        int e = exps_[i];
        std::string& side = e > 0 ? num : den;
        for (int k = 0; k < std::abs(e); ++k) {
            if (!side.empty()) side += "·";
            side += dim_name(static_cast<Dim>(i));
        }
    }
    if (num.empty() && den.empty()) return "a plain number";
    if (den.empty()) return num;
    return (num.empty() ? std::string("1") : num) + " per " + den;
}

Unit operator*(const Unit& a, const Unit& b) {
    Unit::Exponents e{};
    for (std::size_t i = 0; i < e.size(); ++i) e[i] = a.exps_[i] + b.exps_[i];
    std::string sym = a.symbol_.empty() ? b.symbol_ : b.symbol_.empty() ? a.symbol_ : a.symbol_ + "·" + b.symbol_;
    return Unit(sym, e, a.scale_ * b.scale_);
}

Unit operator/(const Unit& a, const Unit& b) {
    Unit::Exponents e{};
    for (std::size_t i = 0; i < e.size(); ++i) e[i] = a.exps_[i] - b.exps_[i];
    std::string sym = (a.symbol_.empty() ? std::string("1") : a.symbol_) + (b.symbol_.empty() ? "" : "/" + b.symbol_);
    return Unit(sym, e, a.scale_ / b.scale_);
}

namespace {
// A symbol as a template argument, so that each unit has its own parsed copy.
template <std::size_t N>
struct Symbol {
    char text[N];
    constexpr Symbol(const char (&s)[N]) { std::copy_n(s, N, text); }  // NOLINT: implicit from a literal
};
// The unit of `S`, parsed the first time it is asked for (the calculations ask for units by the
// thousand); the copies handed out are the same value.
template <Symbol S>
Unit parsed_once() {
    static const Unit u = *Unit::parse(S.text);
    return u;
}
}  // namespace

namespace units {
Unit one() { return Unit(); }
Unit t() { return parsed_once<"t">(); }
Unit kg() { return parsed_once<"kg">(); }
Unit TJ() { return parsed_once<"TJ">(); }
Unit GJ() { return parsed_once<"GJ">(); }
Unit MWh() { return parsed_once<"MWh">(); }
Unit Nm3() { return parsed_once<"Nm3">(); }
Unit tCO2e() { return parsed_once<"tCO2e">(); }
Unit tN2O() { return parsed_once<"tN2O">(); }
Unit tCF4() { return parsed_once<"tCF4">(); }
Unit tC2F6() { return parsed_once<"tC2F6">(); }
Unit tC() { return parsed_once<"tC">(); }
Unit tCO2e_per_t() { return parsed_once<"tCO2e/t">(); }
Unit tCO2e_per_MWh() { return parsed_once<"tCO2e/MWh">(); }
Unit tCO2e_per_TJ() { return parsed_once<"tCO2e/TJ">(); }
}  // namespace units

}  // namespace cbam
