// An exact amount that knows its unit. Adding amounts of different dimensions, or reading an
// amount in a unit of another dimension, is a programming error and throws UnitMismatch.
#pragma once

#include "core/decimal.h"
#include "core/unit.h"

#include <stdexcept>
#include <string>

namespace cbam {

struct UnitMismatch : std::logic_error {
    using std::logic_error::logic_error;
};

class Quantity {
public:
    Quantity() = default;
    Quantity(Decimal value, Unit unit) : value_(std::move(value)), unit_(std::move(unit)) {}

    const Decimal& value() const { return value_; }
    const Unit& unit() const { return unit_; }

    // The same amount expressed in `target` (same dimension required).
    Quantity in(const Unit& target) const;
    Decimal value_in(const Unit& target) const { return in(target).value(); }

    Quantity operator-() const { return Quantity(-value_, unit_); }
    friend Quantity operator+(const Quantity& a, const Quantity& b);  // in a's unit
    friend Quantity operator-(const Quantity& a, const Quantity& b);  // in a's unit
    friend Quantity operator*(const Quantity& a, const Quantity& b) { return Quantity(a.value_ * b.value_, a.unit_ * b.unit_); }
    friend Quantity operator/(const Quantity& a, const Quantity& b);  // throws on zero divisor
    friend Quantity operator*(const Quantity& a, const Decimal& k) { return Quantity(a.value_ * k, a.unit_); }
    friend Quantity operator*(const Decimal& k, const Quantity& a) { return Quantity(a.value_ * k, a.unit_); }

    // "12.5 t" (exact), for explanations.
    std::string to_string() const;

private:
    Decimal value_;
    Unit unit_;
};

}  // namespace cbam
