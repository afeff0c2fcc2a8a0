// An exact number for every quantity that reaches a result.
//
// Every value is exact: sums, products and quotients are never rounded, so results never depend
// on the order in which rows were read, and rounding happens once, when a number is written out
// (to_fixed), never in between.
//
// Two forms hold the value, invisibly to callers:
// - the fast form m / 10^s, a 64-bit integer m and a scale s from 0 to 18, which is what decimal
//   text ("101.5", "0.000004") and most sums, products and divisions by powers of ten give;
// - Boost.Multiprecision's cpp_rational, whenever the fast form cannot hold the value (a result
//   that overflows 64 bits, needs more than 18 decimals, or does not terminate, like 1/3).
// Each operation stays in the fast form only when its exact result fits it; otherwise it is done
// with cpp_rational. Results, comparisons and texts are the same whichever form holds a value.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>

#include <compare>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace cbam {

class Decimal {
public:
    using rep = boost::multiprecision::cpp_rational;

    Decimal() = default;
    Decimal(long long v) : m_(v) {}  // NOLINT: implicit from integers is convenient and exact
    explicit Decimal(rep v) { set_exact(std::move(v)); }
    // Copies share the exact fraction, which is never modified; there are no separate moves, so
    // a moved-from Decimal keeps its value, as a cpp_rational's small values used to.
    Decimal(const Decimal&) = default;
    Decimal& operator=(const Decimal&) = default;
    ~Decimal() = default;

    // Plain decimal text: optional sign, digits, optional fraction ("-12.5", "0,75" with ',').
    // No exponent, no thousands separator, no spaces: anything else is nullopt.
    static std::optional<Decimal> parse(std::string_view text, char decimal_point = '.');
    // n / d, exactly (d != 0).
    static Decimal ratio(long long n, long long d);

    Decimal operator-() const;
    Decimal& operator+=(const Decimal& o);
    Decimal& operator-=(const Decimal& o);
    Decimal& operator*=(const Decimal& o);
    Decimal& operator/=(const Decimal& o);  // throws std::domain_error on zero
    friend Decimal operator+(Decimal a, const Decimal& b) { return a += b; }
    friend Decimal operator-(Decimal a, const Decimal& b) { return a -= b; }
    friend Decimal operator*(Decimal a, const Decimal& b) { return a *= b; }
    friend Decimal operator/(Decimal a, const Decimal& b) { return a /= b; }
    friend bool operator==(const Decimal& a, const Decimal& b) { return a.compare(b) == 0; }
    friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
        int c = a.compare(b);
        return c < 0 ? std::strong_ordering::less
             : c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal;
    }

    int sign() const { return big_ ? big_->sign() : (m_ > 0) - (m_ < 0); }
    bool is_zero() const { return big_ ? big_->is_zero() : m_ == 0; }
    // True when the value has a finite decimal expansion (denominator of 2s and 5s only).
    bool is_terminating() const;

    // Rounded to `digits` decimals, half away from zero (as Excel's ROUND, which the
    // Commission's communication template uses). Always prints exactly `digits` decimals.
    std::string to_fixed(int digits) const;
    // Exact text when the expansion terminates ("1.25", "3"), otherwise rounded to 12
    // decimals and prefixed with "≈". For explanations, never for reported figures.
    std::string to_string() const;
    // Appends to_string()'s text to `out`, without a string of its own (rows written by the million).
    void append_to(std::string& out) const;

    // The exact value as a fraction in lowest terms (built on demand from the fast form).
    rep raw() const;

private:
    int compare(const Decimal& o) const;  // -1, 0 or 1
    void set_exact(rep v);                // the fast form when it can hold v, else v itself

    // The value is *big_ when big_ is set, else m_ / 10^s_ (0 <= s_ <= 18).
    std::int64_t m_ = 0;
    int s_ = 0;
    std::shared_ptr<const rep> big_;
};

}  // namespace cbam
