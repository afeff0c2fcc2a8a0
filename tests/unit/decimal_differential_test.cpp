// Decimal keeps most values as a 64-bit integer over a power of ten and falls back to an exact
// fraction when that form cannot hold a result. This test checks that the two forms never give a
// different answer: many thousands of random and edge-case values and operations are done both
// with Decimal and with plain boost cpp_rational (computed here, independently of Decimal), and
// the exact values, comparisons and texts must be identical.
//
// The reference texts are derived differently from Decimal's own code:
// - rounding half away from zero to d decimals is floor(|x| * 10^d + 1/2), taken as the integer
//   quotient of that fraction's numerator by its denominator;
// - a fraction in lowest terms terminates exactly when its denominator is 2^a 5^b, and then its
//   shortest expansion has max(a, b) decimals.
// The random generator has a fixed seed, so a failure reproduces; the failing operation and its
// operands are printed.
#include "core/decimal.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

using cbam::Decimal;
using Rat = boost::multiprecision::cpp_rational;
using Int = boost::multiprecision::cpp_int;

namespace {

// Decimal text into a fraction: sign, digits, one decimal point.
Rat ref_parse(const std::string& text) {
    Int digits = 0, scale = 1;
    bool negative = false, fraction = false;
    for (char c : text) {
        if (c == '-') negative = true;
        else if (c == '.') fraction = true;
        else if (c >= '0' && c <= '9') {
            digits = digits * 10 + (c - '0');
            if (fraction) scale *= 10;
        }
    }
    return Rat(negative ? Int(-digits) : digits, scale);
}

Int pow10(int n) {
    Int p = 1;
    for (int i = 0; i < n; ++i) p *= 10;
    return p;
}

std::string ref_to_fixed(const Rat& x, int digits) {
    int d = digits > 0 ? digits : 0;
    Rat t = boost::multiprecision::abs(x) * Rat(pow10(d)) + Rat(1, 2);
    Int q = boost::multiprecision::numerator(t) / boost::multiprecision::denominator(t);  // floor (t > 0)
    std::string text = q.str();
    if (d > 0) {
        if (text.size() <= static_cast<std::size_t>(d)) text.insert(0, d + 1 - text.size(), '0');
        text.insert(text.size() - d, ".");
    }
    if (x < 0 && q != 0) text.insert(0, "-");
    return text;
}

// -1 when the denominator has a prime factor other than 2 and 5, else max(a, b).
int ref_terminating_digits(const Rat& x) {
    Int den = boost::multiprecision::denominator(x);
    int twos = 0, fives = 0;
    while (den % 2 == 0) { den /= 2; ++twos; }
    while (den % 5 == 0) { den /= 5; ++fives; }
    if (den != 1) return -1;
    return twos > fives ? twos : fives;
}

std::string ref_to_string(const Rat& x) {
    int digits = ref_terminating_digits(x);
    return digits < 0 ? "≈" + ref_to_fixed(x, 12) : ref_to_fixed(x, digits);
}

struct Value {
    Decimal dec;
    Rat rat;
    std::string how;  // how the value was made, for the failure message
};

// Everything observable about a Decimal against its reference fraction.
void check_same(const Value& v, std::mt19937_64& rng) {
    INFO(v.how);
    REQUIRE(v.dec.raw() == v.rat);
    REQUIRE(v.dec == Decimal(v.rat));
    REQUIRE(v.dec.sign() == v.rat.sign());
    REQUIRE(v.dec.is_zero() == v.rat.is_zero());
    REQUIRE(v.dec.is_terminating() == (ref_terminating_digits(v.rat) >= 0));
    REQUIRE(v.dec.to_string() == ref_to_string(v.rat));
    std::string appended = "x";
    v.dec.append_to(appended);
    REQUIRE(appended == "x" + ref_to_string(v.rat));
    for (int d : {0, 2, 5}) REQUIRE(v.dec.to_fixed(d) == ref_to_fixed(v.rat, d));
    int d = static_cast<int>(rng() % 25) - 2;  // -2 .. 22
    INFO("to_fixed(" << d << ")");
    REQUIRE(v.dec.to_fixed(d) == ref_to_fixed(v.rat, d));
}

// Random decimal text: up to 30 digits, a point anywhere (scales 0 to beyond 18), leading and
// trailing zeros, either sign.
std::string random_text(std::mt19937_64& rng) {
    int n = 1 + static_cast<int>(rng() % (rng() % 4 == 0 ? 30 : 19));
    std::string digits;
    for (int i = 0; i < n; ++i) digits += static_cast<char>('0' + rng() % 10);
    if (rng() % 5 == 0) digits.insert(0, std::string(rng() % 4, '0'));
    if (rng() % 5 == 0) digits.append(std::string(rng() % 25, '0'));
    std::string text = digits;
    if (rng() % 3 != 0) {
        std::size_t point = rng() % (text.size() + 1);
        text.insert(point, ".");
        if (text.front() == '.') text.insert(0, "0");
    }
    switch (rng() % 4) {
        case 0: text.insert(0, "-"); break;
        case 1: if (rng() % 4 == 0) text.insert(0, "+"); break;
        default: break;
    }
    return text;
}

const std::vector<std::string> kEdgeTexts = {
    "0", "-0", "-0.000", "+0.0", "1", "-1", "3", "7", "1000", "0.001", "-1000",
    "1000000000000000000",            // 10^18
    "0.000000000000000001",           // 10^-18, the smallest unit of the fast form
    "0.0000000000000000001",          // 10^-19, one decimal too many
    "9223372036854775807",            // INT64_MAX
    "-9223372036854775808",           // INT64_MIN
    "9223372036854775808",            // INT64_MAX + 1
    "-9223372036854775809",           // INT64_MIN - 1
    "922337203685477580.7", "-922337203685477580.8", "0.9223372036854775807", "-0.9223372036854775808",
    "9.223372036854775807", "92233720368547758.08", "4611686018427387904", "-4611686018427387904",
    "3037000499.97604969", "-3037000499.97604969",  // near sqrt(INT64_MAX)
    "123456789012345678901234567890", "-0.123456789012345678901234567890",
    "1.000000000000000000000000000000", "99999999999999999999.999999999999",
    "2.675", "-0.004", "0.5", "-0.5", "2.5", "-2.5", "0.125", "1234.5", "101.5", "100",
};

const std::vector<std::string> kDivisors = {"3", "7", "1000", "1000000000000000000", "0.001", "-3",
                                            "0.7", "1024", "0.0625", "12", "3.2", "9223372036854775807",
                                            "1048576", "576460752303423488", "95367431640625"};  // 2^20, 2^59, 5^20

}  // namespace

TEST_CASE("Decimal gives exactly what an exact fraction gives, for random and edge values",
          "[unit][decimal][differential]") {
    std::mt19937_64 rng(20251128);
    std::vector<Value> pool;
    for (const auto& t : kEdgeTexts) {
        auto d = Decimal::parse(t);
        REQUIRE(d);
        pool.push_back({*d, ref_parse(t), "parse(\"" + t + "\")"});
        check_same(pool.back(), rng);
    }
    // Parsing: 5,000 random texts.
    for (int i = 0; i < 5000; ++i) {
        std::string t = random_text(rng);
        auto d = Decimal::parse(t);
        REQUIRE(d);
        Value v{*d, ref_parse(t), "parse(\"" + t + "\")"};
        check_same(v, rng);
        if (pool.size() < 400) pool.push_back(std::move(v));
        else pool[rng() % pool.size()] = std::move(v);
    }
    // Operations: 20,000 random ones on the pool, whose results join it (so later operations also
    // see values made by earlier ones, in either form). Values whose fractions grow beyond about
    // 200 bits are not kept, to keep the test fast.
    for (int i = 0; i < 20000; ++i) {
        const Value a = pool[rng() % pool.size()];
        Value b = pool[rng() % pool.size()];
        int op = static_cast<int>(rng() % 7);
        if (op == 6) {  // a divisor that matters: 3, 7, 1000, 10^18, ...
            const auto& t = kDivisors[rng() % kDivisors.size()];
            b = Value{*Decimal::parse(t), ref_parse(t), t};
            op = 3;
        }
        Value r;
        switch (op) {
            case 0: r = {a.dec + b.dec, a.rat + b.rat, "(" + a.how + ") + (" + b.how + ")"}; break;
            case 1: r = {a.dec - b.dec, a.rat - b.rat, "(" + a.how + ") - (" + b.how + ")"}; break;
            case 2: r = {a.dec * b.dec, a.rat * b.rat, "(" + a.how + ") * (" + b.how + ")"}; break;
            case 3:
                if (b.rat.is_zero()) {
                    CHECK_THROWS_AS(a.dec / b.dec, std::domain_error);
                    continue;
                }
                r = {a.dec / b.dec, a.rat / b.rat, "(" + a.how + ") / (" + b.how + ")"};
                break;
            case 4: r = {-a.dec, Rat(-a.rat), "-(" + a.how + ")"}; break;
            default: {  // compound assignment, including a value with itself
                Decimal x = a.dec;
                x += x;
                x *= b.dec;
                x -= a.dec;
                r = {x, (a.rat + a.rat) * b.rat - a.rat, "((" + a.how + ") * 2 * (" + b.how + ") - same"};
                break;
            }
        }
        if (r.how.size() > 400) r.how = r.how.substr(0, 400) + "...";
        check_same(r, rng);
        {
            INFO(a.how << " <=> " << b.how);
            REQUIRE((a.dec == b.dec) == (a.rat == b.rat));
            REQUIRE((a.dec < b.dec) == (a.rat < b.rat));
            REQUIRE((a.dec > b.dec) == (a.rat > b.rat));
            REQUIRE((r.dec <= a.dec) == (r.rat <= a.rat));
        }
        if (boost::multiprecision::msb(boost::multiprecision::abs(boost::multiprecision::numerator(r.rat)) + 1) < 200 &&
            boost::multiprecision::msb(boost::multiprecision::denominator(r.rat)) < 200)
            pool[rng() % pool.size()] = std::move(r);
    }
}

TEST_CASE("Decimal::ratio gives exactly n/d, for random and extreme integers", "[unit][decimal][differential]") {
    std::mt19937_64 rng(7);
    const long long extremes[] = {0, 1, -1, 3, 7, 1000, -1000, 1000000000000000000LL, INT64_MAX, INT64_MIN,
                                  INT64_MAX - 1, INT64_MIN + 1, 1LL << 62, 1LL << 60, 1LL << 40, 1LL << 19, 5LL * 5 * 5 * 5 * 5 * 5 * 5 * 5};
    std::vector<long long> values(std::begin(extremes), std::end(extremes));
    for (int i = 0; i < 200; ++i) values.push_back(static_cast<long long>(rng() >> (rng() % 64)) * (rng() % 2 ? 1 : -1));
    for (long long n : values)
        for (long long d : values) {
            if (d == 0) continue;
            if (rng() % 8 != 0 && n != 1) continue;  // a sample: about 7,000 of the 48,000 pairs
            const Rat expected = Rat(Int(n)) / Rat(Int(d));  // Rat(n, d) refuses d < 0 in Boost 1.74
            Decimal got = Decimal::ratio(n, d);
            INFO(n << " / " << d);
            REQUIRE(got.raw() == expected);
            REQUIRE(got.to_string() == ref_to_string(expected));
            std::string appended;
            got.append_to(appended);
            REQUIRE(appended == ref_to_string(expected));
            REQUIRE(got.to_fixed(3) == ref_to_fixed(expected, 3));
        }
}
