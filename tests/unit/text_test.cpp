// core/text.h: the small text checks every reader shares.
#include "core/text.h"

#include <catch2/catch.hpp>

using namespace cbam;

TEST_CASE("is_iso_date: only dates that exist, written YYYY-MM-DD", "[unit][text]") {
    CHECK(is_iso_date("2026-06-30"));
    CHECK(is_iso_date("2026-12-31"));
    CHECK_FALSE(is_iso_date("2026-06-31"));  // June has 30 days
    CHECK_FALSE(is_iso_date("2026-04-31"));
    CHECK_FALSE(is_iso_date("2026-13-01"));
    CHECK_FALSE(is_iso_date("2026-00-10"));
    CHECK_FALSE(is_iso_date("2026-01-00"));
    // 29 February: years divisible by 4, except centuries not divisible by 400.
    CHECK(is_iso_date("2024-02-29"));
    CHECK(is_iso_date("2000-02-29"));
    CHECK_FALSE(is_iso_date("2026-02-29"));
    CHECK_FALSE(is_iso_date("2100-02-29"));
    CHECK_FALSE(is_iso_date("2026-6-30"));
    CHECK_FALSE(is_iso_date("30.06.2026"));
}
