// CHECK_EXACT(actual, expected): an exact comparison of two Decimals that prints both values when
// it fails (Catch cannot print a Decimal by itself). Both arguments are evaluated once.
#pragma once

#include "core/decimal.h"

#include <catch2/catch.hpp>

#define CHECK_EXACT(actual, expected)                                                                \
    do {                                                                                             \
        const ::cbam::Decimal cbam_exact_actual_ = (actual);                                         \
        const ::cbam::Decimal cbam_exact_expected_ = (expected);                                     \
        INFO(#actual " = " << cbam_exact_actual_.to_string() << ", expected "                        \
                           << cbam_exact_expected_.to_string());                                     \
        CHECK(cbam_exact_actual_ == cbam_exact_expected_);                                           \
    } while (false)
