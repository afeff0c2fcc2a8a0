#include "core/decimal.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstdint>
#include <limits>
#include <stdexcept>

namespace cbam {

namespace mp = boost::multiprecision;

namespace {

__extension__ typedef __int128 i128;  // GCC and Clang; -Wpedantic otherwise warns

constexpr int kMaxScale = 18;
constexpr std::int64_t kPow10[kMaxScale + 1] = {
    1LL,
    10LL,
    100LL,
    1000LL,
    10000LL,
    100000LL,
    1000000LL,
    10000000LL,
    100000000LL,
    1000000000LL,
    10000000000LL,
    100000000000LL,
    1000000000000LL,
    10000000000000LL,
    100000000000000LL,
    1000000000000000LL,
    10000000000000000LL,
    100000000000000000LL,
    1000000000000000000LL,
};

constexpr i128 kInt64Min = std::numeric_limits<std::int64_t>::min();
constexpr i128 kInt64Max = std::numeric_limits<std::int64_t>::max();

// m / 10^s as a fraction (cpp_rational reduces it to lowest terms).
Decimal::rep to_rep(std::int64_t m, int s) {
    return Decimal::rep(mp::cpp_int(m), mp::cpp_int(kPow10[s]));
}

// Brings m / 10^s (s >= 0) into the fast form by dropping trailing zeros where the scale is
// too large or m too wide. False when the value cannot be held there.
bool fit(i128 m, int s, std::int64_t& out_m, int& out_s) {
    while (s > kMaxScale && m % 10 == 0) {
        m /= 10;
        --s;
    }
    if (s > kMaxScale) return false;
    while ((m < kInt64Min || m > kInt64Max) && s > 0 && m % 10 == 0) {
        m /= 10;
        --s;
    }
    if (m < kInt64Min || m > kInt64Max) return false;
    out_m = static_cast<std::int64_t>(m);
    out_s = s;
    return true;
}

// Decimal text, exactly as the fraction-based parser accepts it; the digits are accumulated into
// an unsigned 64-bit integer. Zeros of the fraction are only counted until a non-zero digit
// follows, so trailing zeros ("2.500") cost nothing. Overflow: too many digits for the fast form.
enum class Scan { ok, invalid, overflow };
Scan scan_decimal(std::string_view s, char decimal_point, std::int64_t& out_m, int& out_s) {
    if (s.empty()) return Scan::invalid;
    bool negative = false;
    std::size_t i = 0;
    if (s[0] == '+' || s[0] == '-') {
        negative = s[0] == '-';
        i = 1;
    }
    std::uint64_t m = 0;
    std::size_t scale = 0, pending_zeros = 0;
    bool any_digit = false, in_fraction = false, overflow = false;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            any_digit = true;
            if (overflow) continue;  // still check the syntax of the rest
            if (in_fraction) {
                if (c == '0') {
                    ++pending_zeros;
                    continue;
                }
                for (; pending_zeros > 0; --pending_zeros, ++scale)
                    if (__builtin_mul_overflow(m, 10u, &m)) overflow = true;
                ++scale;
            }
            if (__builtin_mul_overflow(m, 10u, &m) ||
                __builtin_add_overflow(m, static_cast<unsigned>(c - '0'), &m))
                overflow = true;
        } else if (c == decimal_point && !in_fraction) {
            in_fraction = true;
        } else {
            return Scan::invalid;
        }
    }
    if (!any_digit) return Scan::invalid;
    const std::uint64_t limit = static_cast<std::uint64_t>(kInt64Max) + (negative ? 1 : 0);
    if (overflow || m > limit || scale > kMaxScale) return Scan::overflow;
    out_m = negative ? static_cast<std::int64_t>(0 - m) : static_cast<std::int64_t>(m);
    out_s = static_cast<int>(scale);
    return Scan::ok;
}

// The same text read into a fraction, for numbers the fast form cannot hold.
Decimal::rep parse_exact(std::string_view s, char decimal_point) {
    bool negative = false;
    std::size_t i = 0;
    if (s[0] == '+' || s[0] == '-') {
        negative = s[0] == '-';
        i = 1;
    }
    mp::cpp_int digits = 0;
    mp::cpp_int scale = 1;
    bool in_fraction = false;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (c == decimal_point) {
            in_fraction = true;
            continue;
        }
        digits = digits * 10 + (c - '0');
        if (in_fraction) scale *= 10;
    }
    if (negative) digits = -digits;
    return Decimal::rep(digits, scale);
}

bool rep_is_terminating(const Decimal::rep& v) {
    mp::cpp_int d = mp::denominator(v);
    while (d % 2 == 0) d /= 2;
    while (d % 5 == 0) d /= 5;
    return d == 1;
}

// `digits` (> 0) decimals: a point before the last `digits` digits, zeros in front when needed.
void insert_point(std::string& text, int digits) {
    if (digits <= 0) return;
    const auto n = static_cast<std::size_t>(digits);
    if (text.size() <= n) text.insert(0, n + 1 - text.size(), '0');
    text.insert(text.size() - n, ".");
}

std::string rep_to_fixed(const Decimal::rep& v, int digits) {
    mp::cpp_int num = mp::numerator(v);
    mp::cpp_int den = mp::denominator(v);
    bool negative = num < 0;
    if (negative) num = -num;
    mp::cpp_int scale = 1;
    for (int k = 0; k < digits; ++k) scale *= 10;
    mp::cpp_int scaled = num * scale;
    mp::cpp_int q = scaled / den;
    mp::cpp_int r = scaled % den;
    if (2 * r >= den) q += 1;  // half away from zero
    std::string text = q.str();
    insert_point(text, digits);
    if (negative && q != 0) text.insert(0, "-");
    return text;
}

std::string to_text(std::uint64_t v) {
    char buf[24];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, res.ptr);
}

}  // namespace

// The fast form holds v exactly when v's denominator (in lowest terms) is 2^x 5^y with
// max(x, y) <= 18 and the numerator times 10^max(x, y) / denominator fits 64 bits.
void Decimal::set_exact(rep v) {
    const mp::cpp_int& den = mp::denominator(v);
    if (den <= kPow10[kMaxScale]) {
        auto d = den.convert_to<std::uint64_t>();
        int x = std::countr_zero(d);
        std::uint64_t odd = d >> x;
        int y = 0;
        while (odd % 5 == 0) {
            odd /= 5;
            ++y;
        }
        int k = std::max(x, y);
        const mp::cpp_int& num = mp::numerator(v);
        if (odd == 1 && k <= kMaxScale && num >= std::numeric_limits<std::int64_t>::min() &&
            num <= std::numeric_limits<std::int64_t>::max()) {
            auto n = num.convert_to<std::int64_t>();
            std::int64_t m;
            if (!__builtin_mul_overflow(n, kPow10[k] / static_cast<std::int64_t>(d), &m)) {
                m_ = m;
                s_ = k;
                big_.reset();
                return;
            }
        }
    }
    m_ = 0;
    s_ = 0;
    big_ = std::make_shared<const rep>(std::move(v));
}

Decimal::rep Decimal::raw() const { return big_ ? *big_ : to_rep(m_, s_); }

std::optional<Decimal> Decimal::parse(std::string_view s, char decimal_point) {
    Decimal out;
    switch (scan_decimal(s, decimal_point, out.m_, out.s_)) {
        case Scan::ok: return out;
        case Scan::invalid: return std::nullopt;
        case Scan::overflow: break;
    }
    return Decimal(parse_exact(s, decimal_point));
}

Decimal Decimal::ratio(long long n, long long d) {
    if (d == 0) throw std::domain_error("Decimal::ratio: zero denominator");
    return Decimal(n) / Decimal(d);
}

Decimal Decimal::operator-() const {
    if (!big_ && m_ != std::numeric_limits<std::int64_t>::min()) {
        Decimal r;
        r.m_ = -m_;
        r.s_ = s_;
        return r;
    }
    return Decimal(rep(-raw()));
}

Decimal& Decimal::operator+=(const Decimal& o) {
    if (!big_ && !o.big_) {
        std::int64_t sum;
        if (s_ == o.s_ && !__builtin_add_overflow(m_, o.m_, &sum)) {
            m_ = sum;
            return *this;
        }
        // Both scaled to the larger scale: each term below 2^63 * 10^18 < 2^126, no overflow.
        int s = std::max(s_, o.s_);
        i128 a = static_cast<i128>(m_) * kPow10[s - s_];
        i128 b = static_cast<i128>(o.m_) * kPow10[s - o.s_];
        if (fit(a + b, s, m_, s_)) return *this;
    }
    set_exact(raw() + o.raw());
    return *this;
}

Decimal& Decimal::operator-=(const Decimal& o) {
    if (!big_ && !o.big_) {
        std::int64_t diff;
        if (s_ == o.s_ && !__builtin_sub_overflow(m_, o.m_, &diff)) {
            m_ = diff;
            return *this;
        }
        int s = std::max(s_, o.s_);
        i128 a = static_cast<i128>(m_) * kPow10[s - s_];
        i128 b = static_cast<i128>(o.m_) * kPow10[s - o.s_];
        if (fit(a - b, s, m_, s_)) return *this;
    }
    set_exact(raw() - o.raw());
    return *this;
}

Decimal& Decimal::operator*=(const Decimal& o) {
    if (!big_ && !o.big_) {
        // |m| <= 2^63 each: the product fits 127 bits; scales add up to at most 36.
        i128 p = static_cast<i128>(m_) * o.m_;
        if (fit(p, s_ + o.s_, m_, s_)) return *this;
    }
    set_exact(raw() * o.raw());
    return *this;
}

Decimal& Decimal::operator/=(const Decimal& o) {
    if (o.is_zero()) throw std::domain_error("division by zero");
    if (!big_ && !o.big_) {
        // (a / 10^sa) / (b / 10^sb) = a 10^sb / (b 10^sa). Write |b| = 2^x 5^y r with r prime to
        // 10: the quotient terminates only when r divides a 10^sb; then it is
        // (a 10^sb / r) 2^(k-x) 5^(k-y) / 10^(k+sa), k = max(x, y). A power of ten b has r = 1
        // and x = y: nothing to multiply.
        bool negative = (m_ < 0) != (o.m_ < 0);
        std::uint64_t b = o.m_ < 0 ? 0 - static_cast<std::uint64_t>(o.m_) : static_cast<std::uint64_t>(o.m_);
        std::uint64_t a = m_ < 0 ? 0 - static_cast<std::uint64_t>(m_) : static_cast<std::uint64_t>(m_);
        int x = std::countr_zero(b);
        std::uint64_t r = b >> x;
        int y = 0;
        while (r % 5 == 0) {
            r /= 5;
            ++y;
        }
        int k = std::max(x, y);
        // a 10^sb < 2^64 * 10^18 < 2^124.
        i128 n = static_cast<i128>(a) * kPow10[o.s_];
        bool ok = true;
        if (r != 1) {
            if (n % r == 0) n /= r;
            else ok = false;
        }
        for (int i = x; ok && i < k; ++i) ok = !__builtin_mul_overflow(n, 2, &n);
        for (int i = y; ok && i < k; ++i) ok = !__builtin_mul_overflow(n, 5, &n);
        if (ok && fit(negative ? -n : n, k + s_, m_, s_)) return *this;
    }
    set_exact(raw() / o.raw());
    return *this;
}

int Decimal::compare(const Decimal& o) const {
    if (!big_ && !o.big_) {
        if (s_ == o.s_) return (m_ > o.m_) - (m_ < o.m_);
        int s = std::max(s_, o.s_);
        i128 a = static_cast<i128>(m_) * kPow10[s - s_];
        i128 b = static_cast<i128>(o.m_) * kPow10[s - o.s_];
        return (a > b) - (a < b);
    }
    rep a = raw(), b = o.raw();
    return a < b ? -1 : a > b ? 1 : 0;
}

bool Decimal::is_terminating() const { return big_ ? rep_is_terminating(*big_) : true; }

std::string Decimal::to_fixed(int digits) const {
    if (big_) return rep_to_fixed(*big_, digits);
    // m / 10^s to d decimals: |m| followed by d - s zeros, or |m| / 10^(s - d) rounded half away
    // from zero (remainder r of p = 10^(s - d) rounds up when 2r >= p, i.e. r >= p - r).
    const int d = std::max(digits, 0);
    const std::uint64_t u = m_ < 0 ? 0 - static_cast<std::uint64_t>(m_) : static_cast<std::uint64_t>(m_);
    std::string text;
    bool rounded_zero;
    if (d >= s_) {
        text = to_text(u);
        if (u != 0) text.append(static_cast<std::size_t>(d - s_), '0');
        rounded_zero = u == 0;
    } else {
        auto p = static_cast<std::uint64_t>(kPow10[s_ - d]);
        std::uint64_t q = u / p, r = u % p;
        if (r >= p - r) ++q;
        text = to_text(q);
        rounded_zero = q == 0;
    }
    insert_point(text, digits);
    if (m_ < 0 && !rounded_zero) text.insert(0, "-");
    return text;
}

void Decimal::append_to(std::string& out) const {
    if (big_) {
        out += to_string();
        return;
    }
    // As to_string: m / 10^s without the trailing zeros of m, then the point s digits from the end.
    std::int64_t m = m_;
    int s = s_;
    while (s > 0 && m % 10 == 0) {
        m /= 10;
        --s;
    }
    const std::uint64_t u = m < 0 ? 0 - static_cast<std::uint64_t>(m) : static_cast<std::uint64_t>(m);
    char buf[24];
    const auto n = static_cast<std::size_t>(std::to_chars(buf, buf + sizeof buf, u).ptr - buf);
    if (m < 0) out += '-';
    const auto k = static_cast<std::size_t>(s);
    if (k == 0) {
        out.append(buf, n);
    } else if (n <= k) {  // 0.00ddd
        out += "0.";
        out.append(k - n, '0');
        out.append(buf, n);
    } else {
        out.append(buf, n - k);
        out += '.';
        out.append(buf + n - k, k);
    }
}

std::string Decimal::to_string() const {
    if (!big_) {  // the shortest exact expansion, as append_to writes it
        std::string out;
        append_to(out);
        return out;
    }
    if (!rep_is_terminating(*big_)) return "≈" + to_fixed(12);
    // Find the shortest exact expansion.
    mp::cpp_int den = mp::denominator(*big_);
    int digits = 0;
    mp::cpp_int p = 1;
    while (p % den != 0) {
        p *= 10;
        ++digits;
    }
    return to_fixed(digits);
}

}  // namespace cbam
