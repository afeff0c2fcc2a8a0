// Text helpers for output fields whose schema limits count characters, not bytes.
#pragma once

#include <cstddef>
#include <string>

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

// The last component of a path: listings name input files this way, so that they do not depend on
// where the inputs live.
inline std::string file_name(const std::string& path) {
    auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace cbam
