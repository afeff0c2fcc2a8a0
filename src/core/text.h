// Text helpers for output fields whose schema limits count characters, not bytes.
#pragma once

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>

namespace cbam {

// Number of UTF-8 characters (code points) in `s`.
inline std::size_t utf8_length(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

// `s` cut to at most `max_chars` characters, never inside a character; "..." marks a cut.
inline std::string utf8_truncate(const std::string& s, std::size_t max_chars) {
    if (utf8_length(s) <= max_chars) return s;
    std::size_t keep = max_chars >= 3 ? max_chars - 3 : 0, chars = 0, i = 0;
    for (; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (chars == keep) break;
            ++chars;
        }
    }
    return s.substr(0, i) + std::string("...").substr(0, max_chars - keep);
}

// Equal ignoring ASCII letter case ("Cement" and "cement").
inline bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// Only the digits 0-9, at least one (and exactly `n` when n > 0).
inline bool is_digits(std::string_view s, std::size_t n = 0) {
    return !s.empty() && (n == 0 || s.size() == n) && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A date written YYYY-MM-DD that exists: a month 01-12 and a day of that month (29 February only
// in leap years).
inline bool is_iso_date(std::string_view v) {
    if (v.size() != 10 || v[4] != '-' || v[7] != '-' || !is_digits(v.substr(0, 4)) || !is_digits(v.substr(5, 2)) || !is_digits(v.substr(8, 2)))
        return false;
    int y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
    int m = (v[5] - '0') * 10 + (v[6] - '0'), d = (v[8] - '0') * 10 + (v[9] - '0');
    if (m < 1 || m > 12 || d < 1) return false;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

// The last component of a path: listings name input files this way, so that they do not depend on
// where the inputs live.
inline std::string file_name(const std::string& path) {
    auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace cbam
