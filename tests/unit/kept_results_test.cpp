// core/kept_results.h: each key's result is worked out once and handed to every later caller, a
// copy each time; keys never share a result; two threads asking for the same keys get the same.
#include "core/kept_results.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

using namespace cbam;

TEST_CASE("kept results: worked out once per key, the same for every caller", "[unit][kept_results]") {
    KeptResults<std::string, std::string> kept;
    int worked = 0;
    auto twice = [&](const std::string& k) { return kept.get(k, [&] { return ++worked, k + k; }); };
    CHECK(twice("ab") == "abab");
    CHECK(twice("c") == "cc");
    CHECK(twice("ab") == "abab");
    CHECK(worked == 2);
    std::string copy = twice("c");
    copy += "changed";
    CHECK(twice("c") == "cc");  // what a caller does with its copy stays with it
    CHECK(worked == 2);
}

TEST_CASE("kept results: two threads asking for the same keys get the same results", "[unit][kept_results]") {
    KeptResults<int, long> kept;
    std::atomic<int> worked{0};
    std::vector<long> seen[2];
    auto ask = [&](int t) {
        for (int round = 0; round < 3; ++round)
            for (int k = 0; k < 500; ++k) seen[t].push_back(kept.get(k, [&] { return ++worked, 7L * k * k + 1; }));
    };
    std::thread other(ask, 1);
    ask(0);
    other.join();
    CHECK(seen[0] == seen[1]);
    for (int k = 0; k < 500; ++k) CHECK(seen[0][static_cast<std::size_t>(k)] == 7L * k * k + 1);
    // Each key at least once, and at most once per thread.
    CHECK(worked >= 500);
    CHECK(worked <= 1000);
}
