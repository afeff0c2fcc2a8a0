// A map from texts to small values, for the lookups made once per customs line (a good by its
// importer, codes, origin and installation): the texts are kept one after another in one string
// and found through their 64-bit hash in an IntMap, so that a lookup is one probe in a compact
// table and one comparison of the text, where a node-based hash map follows several pointers
// that the streamed lines keep pushing out of the cache. Texts of one hash are chained: two texts
// never share a value. Entries are never removed.
#pragma once

#include "core/int_map.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cbam {

template <class V, class Hash = std::hash<std::string_view>>
class TextMap {
public:
    // The value of `text`, made by `make()` and added when the text is new; valid until the next
    // text is added.
    template <class Make>
    V& find_or_add(std::string_view text, Make&& make) {
        const std::uint64_t h = Hash{}(text);
        std::uint32_t* newest = by_hash_.find(h);
        for (std::uint32_t e = newest ? *newest : kNone; e != kNone; e = entries_[e].next) {
            Entry& x = entries_[e];
            if (x.size == text.size() && (text.empty() || std::memcmp(texts_.data() + x.at, text.data(), text.size()) == 0)) return x.value;
        }
        const auto added = static_cast<std::uint32_t>(entries_.size());
        entries_.push_back(Entry{texts_.size(), text.size(), newest ? *newest : kNone, make()});
        texts_.append(text);
        if (newest) *newest = added;
        else by_hash_.insert(h, added);
        return entries_.back().value;
    }
    std::size_t size() const { return entries_.size(); }

private:
    static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
    struct Entry {
        std::size_t at, size;  // the text, in texts_
        std::uint32_t next;    // the entry added before it with the same hash, or kNone
        V value;
    };
    IntMap<std::uint32_t> by_hash_;  // hash -> the newest entry of that hash
    std::vector<Entry> entries_;
    std::string texts_;
};

}  // namespace cbam
