#include "writers/json_document.h"

#include <stdexcept>

namespace cbam {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// -?(0|[1-9][0-9]*)(\.[0-9]+)?, the JSON number grammar without an exponent.
bool json_number(const std::string& s) {
    std::size_t i = s.size() > 0 && s[0] == '-' ? 1 : 0, start = i;
    while (i < s.size() && digit(s[i])) ++i;
    if (i == start || (s[start] == '0' && i - start > 1)) return false;
    if (i < s.size() && s[i] == '.') {
        std::size_t frac = ++i;
        while (i < s.size() && digit(s[i])) ++i;
        if (i == frac) return false;
    }
    return i == s.size();
}

}  // namespace

JsonDocument::Json JsonDocument::number(std::string decimal_text) {
    if (!json_number(decimal_text)) throw std::invalid_argument("not a JSON number: \"" + decimal_text + "\"");
    numbers_.push_back(std::move(decimal_text));
    return numbers_.size() - 1;
}

std::string JsonDocument::dump(const Json& root) const {
    const std::string text = root.dump(2, ' ', false, Json::error_handler_t::strict);
    std::string out;
    out.reserve(text.size() + text.size() / 4);
    // nlohmann writes every string quoted, with '"' and '\' escaped; outside strings, the only
    // digits are the numbers' indices.
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '"') {
            std::size_t j = i + 1;
            while (text[j] != '"') j += text[j] == '\\' ? 2 : 1;
            out.append(text, i, j + 1 - i);
            i = j + 1;
        } else if (digit(text[i])) {
            std::size_t j = i, index = 0;
            for (; j < text.size() && digit(text[j]); ++j) index = index * 10 + static_cast<std::size_t>(text[j] - '0');
            out += numbers_.at(index);
            i = j;
        } else {
            out += text[i++];
        }
    }
    return out + "\n";
}

}  // namespace cbam
