// The results of a function of its key alone, each worked out once and kept, for callers on
// several threads that ask for the same ones again and again (a declaration's goods of one code
// and country, its benchmark choices). Two threads that ask for a new key at once may both work
// it out; the result is the same, and the first kept is the one every later caller gets.
// Results are never dropped: for tables of at most a few thousand kinds.
#pragma once

#include <map>
#include <mutex>
#include <utility>

namespace cbam {

template <class Key, class Value>
class KeptResults {
public:
    // The result for `key`: kept, or `work()`'s, then kept. A copy: the caller may change it.
    template <class Work>
    Value get(const Key& key, Work&& work) {
        {
            std::lock_guard lock(mutex_);
            if (auto kept = by_key_.find(key); kept != by_key_.end()) return kept->second;
        }
        Value worked = work();  // outside the lock: the other thread goes on meanwhile
        std::lock_guard lock(mutex_);
        return by_key_.try_emplace(key, std::move(worked)).first->second;
    }

private:
    std::mutex mutex_;
    std::map<Key, Value> by_key_;
};

}  // namespace cbam
