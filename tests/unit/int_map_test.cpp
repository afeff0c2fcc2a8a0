// core/int_map.h: every key inserted is found with its value, through the table's growth, and no
// key that was not inserted is found; keys that share their slot's home (probing) included.
#include "core/int_map.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <map>

using namespace cbam;

TEST_CASE("int map: the same answers as std::map through growth and collisions", "[unit][int_map]") {
    IntMap<std::uint64_t> m;
    std::map<std::uint64_t, std::uint64_t> expected;
    CHECK(m.find(0) == nullptr);
    std::uint64_t x = 88172645463325252ULL;
    for (int i = 0; i < 20000; ++i) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;  // xorshift: spread keys
        // A quarter of the keys are multiples of 2^40: their Fibonacci homes crowd together.
        std::uint64_t key = i % 4 == 0 ? (x % 1000) << 40 : x;
        if (expected.count(key)) continue;
        m.insert(key, key ^ 0xABCDEF);
        expected[key] = key ^ 0xABCDEF;
        if (i % 997 == 0)  // all of them still there after each growth
            for (const auto& [k, v] : expected) REQUIRE((m.find(k) && *m.find(k) == v));
    }
    CHECK(m.size() == expected.size());
    for (const auto& [k, v] : expected) {
        REQUIRE(m.find(k) != nullptr);
        CHECK(*m.find(k) == v);
        if (!expected.count(k + 1)) CHECK(m.find(k + 1) == nullptr);
    }
    *m.find(expected.begin()->first) = 7;  // the value can be changed in place
    CHECK(*m.find(expected.begin()->first) == 7);
}
