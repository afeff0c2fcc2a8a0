// core/text_map.h: each text gets its own value, made once, and finds it again through the
// table's growth; texts whose hashes are equal (all of them, with a hash made to collide) are
// still told apart by their text, as std::map tells them apart.
#include "core/text_map.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

using namespace cbam;

namespace {

// Every text to one of three hashes: long chains.
struct ThreeHashes {
    std::uint64_t operator()(std::string_view s) const { return s.size() % 3; }
};

// Texts that are prefixes of one another, hold NULs (as the goods' keys do) or are empty, then
// pseudo-random ones.
std::vector<std::string> texts() {
    std::vector<std::string> out = {"", std::string(1, '\0'), "DE1", "DE1\0", "DE12", std::string("DE1\0" "72081000", 12),
                                    std::string("DE1\0" "72081000\0", 13), "a", "b", "ab", "ba"};
    std::uint64_t x = 88172645463325252ULL;
    for (int i = 0; i < 5000; ++i) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        std::string s;
        for (std::uint64_t n = x % 40, y = x; n > 0; --n, y /= 7) s += static_cast<char>('0' + y % 7 * (i % 5 == 0 ? 0 : 1));
        out.push_back(s);
    }
    return out;
}

template <class Map>
void same_as_std_map() {
    Map m;
    std::map<std::string, int> expected;
    int made = 0;
    for (const std::string& t : texts()) {
        bool is_new = !expected.count(t);
        int& v = m.find_or_add(t, [&] { return ++made; });
        if (is_new) {
            CHECK(v == made);
            expected[t] = v;
        } else {
            CHECK(v == expected[t]);
        }
    }
    CHECK(m.size() == expected.size());
    CHECK(static_cast<std::size_t>(made) == expected.size());  // make() once per new text
    for (const auto& [t, v] : expected) CHECK(m.find_or_add(t, [] { return -1; }) == v);
    CHECK(m.size() == expected.size());
}

}  // namespace

TEST_CASE("text map: the same answers as std::map, made once per text", "[unit][text_map]") {
    same_as_std_map<TextMap<int>>();
}

TEST_CASE("text map: texts of equal hash are told apart by their text", "[unit][text_map]") {
    same_as_std_map<TextMap<int, ThreeHashes>>();
}
