// A map from 64-bit integers (a CN code, a CN code and origin packed into a number) to small
// values, for the lookups made once per customs line: open addressing with linear probing in a
// power-of-two table (at most half full), the slot chosen by Fibonacci hashing, so that no
// lookup divides and most touch one cache line. Entries are never removed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace cbam {

template <class V>
class IntMap {
public:
    // The value of `key`, or nullptr; valid until the next insert.
    V* find(std::uint64_t key) {
        if (slots_.empty()) return nullptr;
        for (std::size_t i = home(key);; i = (i + 1) & mask()) {
            Slot& s = slots_[i];
            if (!s.used) return nullptr;
            if (s.key == key) return &s.value;
        }
    }
    // Adds `key`, which must not be there yet; returns its value, valid until the next insert.
    V& insert(std::uint64_t key, V value) {
        if (2 * (size_ + 1) > slots_.size()) grow();
        ++size_;
        return place(key, std::move(value));
    }
    std::size_t size() const { return size_; }

private:
    struct Slot {
        std::uint64_t key = 0;
        bool used = false;
        V value{};
    };
    std::size_t mask() const { return slots_.size() - 1; }
    std::size_t home(std::uint64_t key) const { return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_); }
    V& place(std::uint64_t key, V value) {
        std::size_t i = home(key);
        while (slots_[i].used) i = (i + 1) & mask();
        slots_[i] = Slot{key, true, std::move(value)};
        return slots_[i].value;
    }
    void grow() {
        std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(old_size_or(64)));
        shift_ = 64;
        for (std::size_t n = slots_.size(); n > 1; n >>= 1) --shift_;
        for (auto& s : old)
            if (s.used) place(s.key, std::move(s.value));
    }
    std::size_t old_size_or(std::size_t least) const { return slots_.empty() ? least : 2 * slots_.size(); }

    std::vector<Slot> slots_;
    std::size_t size_ = 0;
    int shift_ = 64;
};

}  // namespace cbam
