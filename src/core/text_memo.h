// Texts made once per key. A builder that sets aside a million lines for a handful of reasons
// formats each reason once, not once per line.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace cbam {

class TextMemo {
public:
    // The text for (kind, code): made by `make()` the first time, then the same text, which lines
    // set aside may share (a pointer copied, not the text).
    template <class Make>
    const std::shared_ptr<const std::string>& shared(std::string_view kind, std::string_view code, Make make) {
        key_.assign(kind).append(1, '\0').append(code);
        auto it = texts_.find(key_);
        if (it == texts_.end()) it = texts_.emplace(key_, std::make_shared<const std::string>(make())).first;
        return it->second;
    }
    template <class Make>
    const std::string& get(std::string_view kind, std::string_view code, Make make) {
        return *shared(kind, code, make);
    }

private:
    std::unordered_map<std::string, std::shared_ptr<const std::string>> texts_;
    std::string key_;  // reused from call to call
};

}  // namespace cbam
