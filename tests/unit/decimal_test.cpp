// Unit tests of cbam::Decimal (src/core/decimal.h): parsing, exact arithmetic, rounding on output.
// Every expected value is written as an exact fraction derived by hand in the comment next to it.
#include "core/decimal.h"
#include "exact.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <stdexcept>

using namespace cbam;
using cbam::test::D;

TEST_CASE("Decimal::parse reads sign, integer and fraction", "[unit][decimal]") {
    // "12.5" = 125/10 = 25/2
    auto a = Decimal::parse("12.5");
    REQUIRE(a);
    CHECK_EXACT(*a, Decimal::ratio(25, 2));
    // "-12.5" = -25/2
    auto b = Decimal::parse("-12.5");
    REQUIRE(b);
    CHECK_EXACT(*b, Decimal::ratio(-25, 2));
    CHECK(b->sign() < 0);
    // "+3" = 3
    auto c = Decimal::parse("+3");
    REQUIRE(c);
    CHECK_EXACT(*c, Decimal(3));
    // "0.000004" = 4/1 000 000 = 1/250 000
    auto d = Decimal::parse("0.000004");
    REQUIRE(d);
    CHECK_EXACT(*d, Decimal::ratio(1, 250000));
    // leading zeros are just digits: "007" = 7
    auto e = Decimal::parse("007");
    REQUIRE(e);
    CHECK_EXACT(*e, Decimal(7));
    // "0" and "-0" are both zero
    REQUIRE(Decimal::parse("-0"));
    CHECK(Decimal::parse("-0")->is_zero());
    CHECK(Decimal::parse("0")->is_zero());
    // a long fraction stays exact: 3.14159265358979323846 = 314159265358979323846 / 10^20
    auto pi = Decimal::parse("3.14159265358979323846");
    REQUIRE(pi);
    CHECK(*pi * Decimal(100000) == *Decimal::parse("314159.265358979323846"));
}

TEST_CASE("Decimal::parse with a decimal comma", "[unit][decimal]") {
    // "0,75" with ',' as decimal point = 3/4
    auto a = Decimal::parse("0,75", ',');
    REQUIRE(a);
    CHECK_EXACT(*a, Decimal::ratio(3, 4));
    // "-1250,5" = -2501/2
    auto b = Decimal::parse("-1250,5", ',');
    REQUIRE(b);
    CHECK_EXACT(*b, Decimal::ratio(-2501, 2));
    // With ',' as decimal point the dot is not accepted any more (it would be a thousands separator).
    CHECK_FALSE(Decimal::parse("0.75", ','));
    // And with the default '.', a comma is not accepted.
    CHECK_FALSE(Decimal::parse("0,75"));
}

TEST_CASE("Decimal::parse rejects anything but plain decimal text", "[unit][decimal]") {
    CHECK_FALSE(Decimal::parse("1e3"));      // exponent
    CHECK_FALSE(Decimal::parse("1E3"));      // exponent
    CHECK_FALSE(Decimal::parse("1,234.5"));  // thousands separator
    CHECK_FALSE(Decimal::parse(""));         // nothing
    CHECK_FALSE(Decimal::parse("-"));        // a sign alone
    CHECK_FALSE(Decimal::parse("+"));        // a sign alone
    CHECK_FALSE(Decimal::parse("."));        // a point alone
    CHECK_FALSE(Decimal::parse("1.2.3"));    // two decimal points
    CHECK_FALSE(Decimal::parse(" 1"));       // leading space
    CHECK_FALSE(Decimal::parse("1 "));       // trailing space
    CHECK_FALSE(Decimal::parse("1 000"));    // space as thousands separator
    CHECK_FALSE(Decimal::parse("- 1"));      // space after the sign
    CHECK_FALSE(Decimal::parse("--1"));      // two signs
    CHECK_FALSE(Decimal::parse("12a"));      // letters
    CHECK_FALSE(Decimal::parse("0x10"));     // hexadecimal
    CHECK_FALSE(Decimal::parse("1,2,3", ','));  // two decimal commas
}

TEST_CASE("Decimal arithmetic is exact", "[unit][decimal]") {
    // 1/3 × 3 = 1 exactly (no 0.999...)
    CHECK_EXACT(Decimal::ratio(1, 3) * Decimal(3), Decimal(1));
    CHECK_EXACT(Decimal(1) / Decimal(3) * Decimal(3), Decimal(1));
    // 0.1 + 0.2 = 0.3 exactly (unlike binary floating point)
    CHECK_EXACT(D("0.1") + D("0.2"), D("0.3"));
    // 1/3 + 1/6 = 2/6 + 1/6 = 1/2
    CHECK_EXACT(Decimal::ratio(1, 3) + Decimal::ratio(1, 6), D("0.5"));
    // 1 − 0.9 = 0.1
    CHECK_EXACT(Decimal(1) - D("0.9"), D("0.1"));
    // 56.1 / 0.9 = 561/9 = 187/3
    CHECK_EXACT(D("56.1") / D("0.9"), Decimal::ratio(187, 3));
    // 6.512 × 56.1 = 365.3232 (6512 × 561 = 3 653 232, 3 + 1 decimals)
    CHECK_EXACT(D("6.512") * D("56.1"), D("365.3232"));
    // negation
    CHECK_EXACT(-D("2.5"), D("-2.5"));
    // compound assignment: 10 → +5 = 15 → −2.5 = 12.5 → ×4 = 50 → /8 = 6.25
    Decimal x(10);
    x += Decimal(5);
    x -= D("2.5");
    x *= Decimal(4);
    x /= Decimal(8);
    CHECK_EXACT(x, D("6.25"));
    // the order of a sum does not change it: (1/3 + 1/7) + 1/11 == 1/11 + (1/7 + 1/3)
    CHECK((Decimal::ratio(1, 3) + Decimal::ratio(1, 7)) + Decimal::ratio(1, 11) ==
          Decimal::ratio(1, 11) + (Decimal::ratio(1, 7) + Decimal::ratio(1, 3)));
}

TEST_CASE("Decimal comparison, sign and zero", "[unit][decimal]") {
    // 1/3 = 0.3333... lies between 0.3333 and 0.3334
    CHECK(Decimal::ratio(1, 3) > D("0.3333"));
    CHECK(Decimal::ratio(1, 3) < D("0.3334"));
    CHECK(D("-0.001") < Decimal(0));
    CHECK_EXACT(D("2.50"), D("2.5"));
    CHECK(D("2.50") <= D("2.5"));
    CHECK(D("-3").sign() == -1);
    CHECK(Decimal(0).sign() == 0);
    CHECK(D("0.0001").sign() == 1);
    CHECK(Decimal().is_zero());
    CHECK_FALSE(D("0.0001").is_zero());
}

TEST_CASE("Decimal division by zero throws std::domain_error", "[unit][decimal]") {
    CHECK_THROWS_AS(Decimal(1) / Decimal(0), std::domain_error);
    CHECK_THROWS_AS(D("0.5") / D("0.000"), std::domain_error);
    Decimal x(7);
    CHECK_THROWS_AS(x /= Decimal(0), std::domain_error);
    CHECK_THROWS_AS(Decimal::ratio(1, 0), std::domain_error);
}

TEST_CASE("Decimal::is_terminating", "[unit][decimal]") {
    CHECK(D("1.25").is_terminating());               // 5/4
    CHECK(Decimal::ratio(7, 20).is_terminating());   // 20 = 2² × 5
    CHECK(Decimal(3).is_terminating());
    CHECK_FALSE(Decimal::ratio(1, 3).is_terminating());
    CHECK_FALSE(Decimal::ratio(561, 9).is_terminating());  // 187/3
    CHECK_FALSE(Decimal::ratio(1, 14).is_terminating());   // 14 = 2 × 7
}

TEST_CASE("Decimal::to_fixed rounds half away from zero", "[unit][decimal][rounding]") {
    // 2.745 → third decimal is exactly 5: away from zero → 2.75
    CHECK(D("2.745").to_fixed(2) == "2.75");
    CHECK(D("-2.745").to_fixed(2) == "-2.75");
    // just below the half: 2.744999 → 2.74
    CHECK(D("2.744999").to_fixed(2) == "2.74");
    CHECK(D("-2.744999").to_fixed(2) == "-2.74");
    // 0.000004 at 5 decimals: 0.4 units of the last place → 0.00000
    CHECK(D("0.000004").to_fixed(5) == "0.00000");
    // rounding a negative number to zero gives no minus sign
    CHECK(D("-0.000004").to_fixed(5) == "0.00000");
    // 0.000005 at 5 decimals: exactly half a unit → away from zero → 0.00001
    CHECK(D("0.000005").to_fixed(5) == "0.00001");
    CHECK(D("-0.000005").to_fixed(5) == "-0.00001");
    // 1.999995 at 5: 199999.5 units → 200000 → carries into the integer part: 2.00000
    CHECK(D("1.999995").to_fixed(5) == "2.00000");
    // always exactly `digits` decimals
    CHECK(Decimal(5).to_fixed(2) == "5.00");
    CHECK(D("0.00005").to_fixed(5) == "0.00005");
    CHECK(D("123.4").to_fixed(5) == "123.40000");
    // 0 decimals: 2.5 → 3, -2.5 → -3, 12 → 12
    CHECK(D("2.5").to_fixed(0) == "3");
    CHECK(D("-2.5").to_fixed(0) == "-3");
    CHECK(Decimal(12).to_fixed(0) == "12");
    // non-terminating values: 1/3 = 0.333333.. → 0.33333; 2/3 = 0.666666.. → 0.66667
    CHECK(Decimal::ratio(1, 3).to_fixed(5) == "0.33333");
    CHECK(Decimal::ratio(2, 3).to_fixed(5) == "0.66667");
    CHECK(Decimal::ratio(-2, 3).to_fixed(5) == "-0.66667");
    // 3295.3232 / 1200 = 2.746102666... → 2.74610 (the fastener example)
    CHECK((D("3295.3232") / Decimal(1200)).to_fixed(5) == "2.74610");
}

TEST_CASE("Decimal::to_string is exact when it can be, approximate (≈) otherwise", "[unit][decimal]") {
    CHECK(D("1.25").to_string() == "1.25");
    CHECK(Decimal(3).to_string() == "3");
    CHECK(D("-0.5").to_string() == "-0.5");
    CHECK(D("2.500").to_string() == "2.5");        // the shortest exact expansion
    CHECK(Decimal::ratio(1, 8).to_string() == "0.125");
    CHECK(D("365.3232").to_string() == "365.3232");
    CHECK(Decimal(0).to_string() == "0");
    // 1/3 does not terminate: 12 decimals, prefixed with ≈
    CHECK(Decimal::ratio(1, 3).to_string() == "≈0.333333333333");
    // 2/3 = 0.6666666666666.. → 12th decimal rounds up
    CHECK(Decimal::ratio(2, 3).to_string() == "≈0.666666666667");
    // 561/9 = 62.3333...
    CHECK(Decimal::ratio(561, 9).to_string() == "≈62.333333333333");
}

TEST_CASE("Decimal: worked examples on both sides of the 64-bit fast form", "[unit][decimal]") {
    // 1234.5 kg / 1000 = 1.2345 t: 12345/10 / 1000 = 12345/10000 = 2469/2000
    Decimal t = D("1234.5") / Decimal(1000);
    CHECK(t.raw() == Decimal::rep(2469, 2000));
    CHECK(t.to_string() == "1.2345");
    // 0.1 added ten times is 1 exactly; 0.1 × 0.1 = 1/100
    Decimal sum;
    for (int i = 0; i < 10; ++i) sum += D("0.1");
    CHECK_EXACT(sum, Decimal(1));
    CHECK_EXACT(D("0.1") * D("0.1"), D("0.01"));
    // 2.675 to 2 decimals: 267.5 hundredths, exactly half → away from zero → 268 → "2.68"
    CHECK(D("2.675").to_fixed(2) == "2.68");
    CHECK(D("-2.675").to_fixed(2) == "-2.68");
    // -0.004 to 2 decimals: -0.4 hundredths → 0, printed without a minus sign
    CHECK(D("-0.004").to_fixed(2) == "0.00");
    // "-0.000" is zero and prints as zero
    CHECK(D("-0.000").is_zero());
    CHECK(D("-0.000").to_string() == "0");
    // 7 / 0.007 = 7000/7 = 1000
    CHECK_EXACT(D("7") / D("0.007"), Decimal(1000));
    // 1 / 1024 = 1/2^10 = 5^10 / 10^10 = 9765625 / 10^10
    CHECK(Decimal::ratio(1, 1024).to_string() == "0.0009765625");
    // 1 / 2^60 = 5^60 / 10^60: sixty decimals, 18 zeros then the 42 digits of 5^60
    // (5^60 = 867361737988403547205962240695953369140625)
    CHECK(Decimal::ratio(1, 1LL << 60).to_string() ==
          "0." + std::string(18, '0') + "867361737988403547205962240695953369140625");
    // INT64_MAX + 1 = 2^63 = 9223372036854775808, one more than 64 signed bits hold; minus 1 is
    // INT64_MAX again
    Decimal max = D("9223372036854775807");
    Decimal over = max + Decimal(1);
    CHECK(over.to_string() == "9223372036854775808");
    CHECK(over > max);
    CHECK_EXACT(over - Decimal(1), max);
    // -(INT64_MIN) = 2^63 as well
    CHECK_EXACT(-D("-9223372036854775808"), over);
    // 10^-18 / 10 = 10^-19: one decimal more than the fast form's 18; × 10 gives 10^-18 back
    Decimal tiny = D("0.000000000000000001") / Decimal(10);
    CHECK(tiny.to_string() == "0.0000000000000000001");
    CHECK_EXACT(tiny * Decimal(10), D("0.000000000000000001"));
    CHECK(tiny < D("0.000000000000000001"));
    CHECK(tiny > Decimal(0));
    // 10^18 × 10^18 = 10^36: "1" and 36 zeros
    Decimal e18 = D("1000000000000000000");
    CHECK((e18 * e18).to_string() == "1" + std::string(36, '0'));
    CHECK_EXACT(e18 * e18 / e18, e18);
    // a 32-digit number: 99999999999999999999.999999999999 + 10^-12 = 10^20
    CHECK((D("99999999999999999999.999999999999") + D("0.000000000001")).to_string() ==
          "1" + std::string(20, '0'));
    // 1/3 stays exact through the fallback: 1/3 × 3 = 1, and its text is approximate
    CHECK(Decimal::ratio(1, 3).to_string() == "≈0.333333333333");
    CHECK_EXACT(Decimal::ratio(1, 3) * Decimal(3), Decimal(1));
}

TEST_CASE("Decimal: a moved-from value keeps its value, in either form", "[unit][decimal]") {
    // 1/3 needs the exact fraction, 2.5 = 25/10 the fast form; moving copies both
    Decimal third = Decimal::ratio(1, 3), half = D("2.5");
    Decimal a = std::move(third), b = std::move(half);
    CHECK_EXACT(third, Decimal::ratio(1, 3));  // NOLINT(bugprone-use-after-move): that is the point
    CHECK_EXACT(half, D("2.5"));               // NOLINT(bugprone-use-after-move)
    CHECK_EXACT(a, Decimal::ratio(1, 3));
    CHECK_EXACT(b, D("2.5"));
}

#include "core/text.h"

TEST_CASE("utf8_truncate counts characters and never splits one", "[unit][text]") {
    // "Ürün çelik" is 10 characters in 13 bytes
    const std::string s = "\xC3\x9Cr\xC3\xBCn \xC3\xA7" "elik";
    CHECK(cbam::utf8_length(s) == 10);
    CHECK(cbam::utf8_truncate(s, 10) == s);
    CHECK(cbam::utf8_truncate(s, 7) == "\xC3\x9Cr\xC3\xBCn...");  // 4 characters kept + "..."
    CHECK(cbam::utf8_length(cbam::utf8_truncate(s, 7)) == 7);
}
