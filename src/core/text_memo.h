// Texts made once per key. A builder that sets aside a million lines for a handful of reasons
// formats each reason once, not once per line.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace cbam {

class TextMemo {
public:
    // The text for (kind, code): made by `make()` the first time, then the same text.
    template <class Make>
    const std::string& get(std::string_view kind, std::string_view code, Make make) {
        key_.assign(kind).append(1, '\0').append(code);
        auto it = texts_.find(key_);
        if (it == texts_.end()) it = texts_.emplace(key_, make()).first;
        return it->second;
    }

private:
    std::unordered_map<std::string, std::string> texts_;
    std::string key_;  // reused from call to call
};

}  // namespace cbam
