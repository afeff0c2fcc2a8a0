#include "core/decimal.h"

#include <stdexcept>

namespace cbam {

namespace mp = boost::multiprecision;

std::optional<Decimal> Decimal::parse(std::string_view s, char decimal_point) {
    if (s.empty()) return std::nullopt;
    bool negative = false;
    std::size_t i = 0;
    if (s[0] == '+' || s[0] == '-') {
        negative = s[0] == '-';
        i = 1;
    }
    mp::cpp_int digits = 0;
    mp::cpp_int scale = 1;
    bool any_digit = false, in_fraction = false;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            digits = digits * 10 + (c - '0');
            if (in_fraction) scale *= 10;
            any_digit = true;
        } else if (c == decimal_point && !in_fraction) {
            in_fraction = true;
        } else {
            return std::nullopt;
        }
    }
    if (!any_digit) return std::nullopt;
    if (negative) digits = -digits;
    return Decimal(rep(digits, scale));
}

Decimal Decimal::ratio(long long n, long long d) {
    if (d == 0) throw std::domain_error("Decimal::ratio: zero denominator");
    return Decimal(rep(mp::cpp_int(n), mp::cpp_int(d)));
}

Decimal& Decimal::operator/=(const Decimal& o) {
    if (o.v_.is_zero()) throw std::domain_error("division by zero");
    v_ /= o.v_;
    return *this;
}

bool Decimal::is_terminating() const {
    mp::cpp_int d = mp::denominator(v_);
    while (d % 2 == 0) d /= 2;
    while (d % 5 == 0) d /= 5;
    return d == 1;
}

std::string Decimal::to_fixed(int digits) const {
    mp::cpp_int num = mp::numerator(v_);
    mp::cpp_int den = mp::denominator(v_);
    bool negative = num < 0;
    if (negative) num = -num;
    mp::cpp_int scale = 1;
    for (int k = 0; k < digits; ++k) scale *= 10;
    mp::cpp_int scaled = num * scale;
    mp::cpp_int q = scaled / den;
    mp::cpp_int r = scaled % den;
    if (2 * r >= den) q += 1;  // half away from zero
    std::string text = q.str();
    if (digits > 0) {
        if (text.size() <= static_cast<std::size_t>(digits))
            text.insert(0, static_cast<std::size_t>(digits) + 1 - text.size(), '0');
        text.insert(text.size() - static_cast<std::size_t>(digits), ".");
    }
    if (negative && q != 0) text.insert(0, "-");
    return text;
}

std::string Decimal::to_string() const {
    if (!is_terminating()) return "≈" + to_fixed(12);
    // Find the shortest exact expansion.
    mp::cpp_int den = mp::denominator(v_);
    int digits = 0;
    mp::cpp_int p = 1;
    while (p % den != 0) {
        p *= 10;
        ++digits;
    }
    return to_fixed(digits);
}

}  // namespace cbam
