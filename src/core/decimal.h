// An exact number for every quantity that reaches a result.
//
// Backed by Boost.Multiprecision's cpp_rational: sums, products and quotients are exact,
// so results never depend on the order in which rows were read, and rounding happens once,
// when a number is written out (to_fixed), never in between.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace cbam {

class Decimal {
public:
    using rep = boost::multiprecision::cpp_rational;

    Decimal() = default;
    Decimal(long long v) : v_(v) {}  // NOLINT: implicit from integers is convenient and exact
    explicit Decimal(rep v) : v_(std::move(v)) {}

    // Plain decimal text: optional sign, digits, optional fraction ("-12.5", "0,75" with ',').
    // No exponent, no thousands separator, no spaces: anything else is nullopt.
    static std::optional<Decimal> parse(std::string_view text, char decimal_point = '.');
    // n / d, exactly (d != 0).
    static Decimal ratio(long long n, long long d);

    Decimal operator-() const { return Decimal(rep(-v_)); }
    Decimal& operator+=(const Decimal& o) { v_ += o.v_; return *this; }
    Decimal& operator-=(const Decimal& o) { v_ -= o.v_; return *this; }
    Decimal& operator*=(const Decimal& o) { v_ *= o.v_; return *this; }
    Decimal& operator/=(const Decimal& o);  // throws std::domain_error on zero
    friend Decimal operator+(Decimal a, const Decimal& b) { return a += b; }
    friend Decimal operator-(Decimal a, const Decimal& b) { return a -= b; }
    friend Decimal operator*(Decimal a, const Decimal& b) { return a *= b; }
    friend Decimal operator/(Decimal a, const Decimal& b) { return a /= b; }
    friend bool operator==(const Decimal& a, const Decimal& b) { return a.v_ == b.v_; }
    friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
        return a.v_ < b.v_ ? std::strong_ordering::less
             : a.v_ > b.v_ ? std::strong_ordering::greater : std::strong_ordering::equal;
    }

    int sign() const { return v_.sign(); }
    bool is_zero() const { return v_.is_zero(); }
    // True when the value has a finite decimal expansion (denominator of 2s and 5s only).
    bool is_terminating() const;

    // Rounded to `digits` decimals, half away from zero (as Excel's ROUND, which the
    // Commission's communication template uses). Always prints exactly `digits` decimals.
    std::string to_fixed(int digits) const;
    // Exact text when the expansion terminates ("1.25", "3"), otherwise rounded to 12
    // decimals and prefixed with "≈". For explanations, never for reported figures.
    std::string to_string() const;

    const rep& raw() const { return v_; }

private:
    rep v_{0};
};

}  // namespace cbam
