// Unit tests of the exact linear solver (src/core/linear_system.h) and of the order in which
// processes are computed (src/calc/precursor_graph.h), the two pieces behind precursor loops.
#include "calc/precursor_graph.h"
#include "core/linear_system.h"
#include "exact.h"
#include "support.h"

#include <catch2/catch.hpp>

using namespace cbam;
using cbam::test::D;

TEST_CASE("solve_exact: a 3 × 3 system that needs a row swap, two right-hand sides", "[unit][linear]") {
    //   0x + 2y +  z = 5  |  1          first column's top entry is 0: a row swap is needed
    //    x +  y +  z = 6  |  0
    //   2x +  y + 0z = 4  |  0
    // By hand, first column: eq. 3 gives y = 4 − 2x; eq. 1: 2(4 − 2x) + z = 5, so z = 4x − 3;
    //   eq. 2: x + 4 − 2x + 4x − 3 = 6, so 3x = 5: x = 5/3, y = 4 − 10/3 = 2/3, z = 20/3 − 3 = 11/3.
    // Second column: y = −2x; z = 1 + 4x; x − 2x + 1 + 4x = 0, so x = −1/3, y = 2/3, z = −1/3.
    DecimalMatrix m{{0, 2, 1}, {1, 1, 1}, {2, 1, 0}};
    DecimalMatrix b{{5, 1}, {6, 0}, {4, 0}};
    auto x = solve_exact(m, b);
    REQUIRE(x);
    REQUIRE(x->size() == 3);
    CHECK_EXACT((*x)[0][0], D(5, 3));
    CHECK_EXACT((*x)[1][0], D(2, 3));
    CHECK_EXACT((*x)[2][0], D(11, 3));
    CHECK_EXACT((*x)[0][1], D(-1, 3));
    CHECK_EXACT((*x)[1][1], D(2, 3));
    CHECK_EXACT((*x)[2][1], D(-1, 3));
}

TEST_CASE("solve_exact: a singular system has no solution, and shapes are checked", "[unit][linear]") {
    // the second row is twice the first
    CHECK_FALSE(solve_exact({{1, 2}, {2, 4}}, {{1}, {2}}));
    CHECK_FALSE(solve_exact({{0, 0}, {0, 1}}, {{0}, {1}}));
    CHECK_THROWS_AS(solve_exact({{1, 2}}, {{1}}), std::invalid_argument);
    CHECK_THROWS_AS(solve_exact({{1, 0}, {0, 1}}, {{1}}), std::invalid_argument);
    // 1 × 1: 4x = 3
    auto x = solve_exact({{4}}, {{3}});
    REQUIRE(x);
    CHECK_EXACT((*x)[0][0], D("0.75"));
}

TEST_CASE("components: every process after the ones it uses, loops grouped", "[unit][linear][graph]") {
    // 0 uses 1; 1 uses 2 and 3; 2 uses 1 (loop {1, 2}); 3 uses nothing; 4 uses 5, 5 uses 6, 6 uses 4 (loop {4, 5, 6})
    std::vector<std::vector<std::size_t>> uses{{1}, {2, 3}, {1}, {}, {5}, {6}, {4}};
    auto comps = components_dependencies_first(uses);
    REQUIRE(comps.size() == 4);
    auto where = [&](std::size_t node) {
        for (std::size_t c = 0; c < comps.size(); ++c)
            for (std::size_t v : comps[c])
                if (v == node) return c;
        FAIL("node not in any component");
        return comps.size();
    };
    CHECK(comps[where(1)] == std::vector<std::size_t>{1, 2});
    CHECK(comps[where(4)] == std::vector<std::size_t>{4, 5, 6});
    CHECK(comps[where(0)] == std::vector<std::size_t>{0});
    CHECK(comps[where(3)] == std::vector<std::size_t>{3});
    CHECK(where(3) < where(1));  // {1, 2} uses 3
    CHECK(where(1) < where(0));  // 0 uses {1, 2}
}

TEST_CASE("components: a chain of 100 000 processes needs no deep recursion", "[unit][linear][graph]") {
    std::vector<std::vector<std::size_t>> uses(100000);
    for (std::size_t i = 0; i + 1 < uses.size(); ++i) uses[i].push_back(i + 1);
    auto comps = components_dependencies_first(uses);
    REQUIRE(comps.size() == uses.size());
    CHECK(comps.front() == std::vector<std::size_t>{uses.size() - 1});  // the end of the chain first
    CHECK(comps.back() == std::vector<std::size_t>{0});
}
