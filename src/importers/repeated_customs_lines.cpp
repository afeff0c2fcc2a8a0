#include "importers/repeated_customs_lines.h"

#include "core/temp_file.h"
#include "core/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>
#include <future>
#include <queue>
#include <tuple>
#include <unistd.h>

namespace cbam {

namespace {

// Two independent 64-bit hashes of a line's declaration and item (a 128-bit digest), from one
// pass over each eight bytes at a time, read where they are: two multiply-rotate lanes with their
// own constants, each finished by MurmurHash3's fmix64 so that every input bit reaches every
// output bit. Both lengths are hashed too, so that no two (declaration, item) pairs give the same
// stream of words.
std::pair<std::uint64_t, std::uint64_t> digest(std::string_view declaration, std::string_view item) {
    auto rotl = [](std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); };
    auto fmix = [](std::uint64_t k) {
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccdULL;
        k ^= k >> 33;
        k *= 0xc4ceb9fe1a85ec53ULL;
        return k ^ (k >> 33);
    };
    const std::uint64_t sizes = declaration.size() | (static_cast<std::uint64_t>(item.size()) << 32);
    std::uint64_t h1 = 0x9E3779B97F4A7C15ULL ^ sizes, h2 = 0xC2B2AE3D27D4EB4FULL ^ (sizes * 0x165667B19E3779F9ULL);
    auto take = [&](std::uint64_t w) {
        h1 = rotl(h1 ^ (w * 0x87c37b91114253d5ULL), 31) * 0x4cf5ad432745937fULL;
        h2 = rotl(h2 ^ (w * 0x52dce729da3ed8b5ULL), 27) * 0x38495ab5a3c7e6f1ULL + h1;
    };
    auto take_text = [&](std::string_view s) {
        const char* p = s.data();
        const std::size_t n = s.size();
        std::size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            std::uint64_t w;
            std::memcpy(&w, p + i, 8);
            take(w);
        }
        if (i == n) return;
        std::uint64_t w = 0;
        if (n >= 8) {  // the last 8 bytes, shifted so that only the ones not yet taken remain
            std::memcpy(&w, p + n - 8, 8);
            w >>= 8 * (8 - (n - i));
        } else {
            for (std::size_t k = 0; k < n; ++k) w |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[k])) << (8 * k);
        }
        take(w);
    };
    take_text(declaration);
    take_text(item);
    return {fmix(h1), fmix(h2 ^ h1)};
}

// The order of a sorted run: by digest, and lines of equal digests in the order they were added.
constexpr auto by_digest = [](const auto& x, const auto& y) { return std::tie(x.a, x.b, x.order) < std::tie(y.a, y.b, y.order); };

OutputError set_aside_error(int e) {
    return OutputError(fmt::format("cannot set the customs lines aside in a temporary file in {} while looking for a declaration and item "
                                   "given twice: {} (set TMPDIR to a writable folder with room for 32 MB per million lines)",
                                   temp_dir(), e ? std::strerror(e) : "write failed"));
}

void read_back(int fd, void* to, std::size_t bytes, std::size_t at) {
    auto* p = static_cast<char*>(to);
    while (bytes > 0) {
        ssize_t n = ::pread(fd, p, bytes, static_cast<off_t>(at));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0)
            throw OutputError(fmt::format("the customs lines set aside in a temporary file in {} could not be read back: {}", temp_dir(),
                                          n < 0 ? std::strerror(errno) : "the file is shorter than written"));
        p += n;
        at += static_cast<std::size_t>(n);
        bytes -= static_cast<std::size_t>(n);
    }
}

}  // namespace

RepeatedCustomsLines::RepeatedCustomsLines(std::size_t batch, unsigned threads) : batch_(std::max<std::size_t>(batch, 1)), threads_(threads) {}

RepeatedCustomsLines::~RepeatedCustomsLines() {
    if (runs_file_) std::fclose(runs_file_);
}

void RepeatedCustomsLines::add(const CustomsLine& line) {
    if (seen_.size() == batch_) spill();
    if (seen_.capacity() < batch_) seen_.reserve(batch_);  // once: never a copy as it grows
    if (files_.empty() || files_.back() != line.where.file) files_.push_back(line.where.file);
    if (increasing_) {
        // (declaration, then item by length and then text): a strict order of the texts, in which
        // customs exports, sorted by declaration and item number, usually come.
        int c = line.declaration.compare(last_declaration_);
        increasing_ = added_ == 0 || c > 0 ||
                      (c == 0 && (line.item.size() > last_item_.size() || (line.item.size() == last_item_.size() && line.item > last_item_)));
        last_declaration_ = line.declaration;
        last_item_ = line.item;
    }
    auto [a, b] = digest(line.declaration, line.item);
    seen_.push_back({a, b, static_cast<std::uint32_t>(files_.size() - 1),
                     static_cast<std::uint32_t>(line.where.line), static_cast<std::uint32_t>(line.declaration_at.column), added_++});
}

// Sorts the batch by_digest. With two threads, the lines are first parted by the top bit of their
// digest (which splits them about in half, as the digest is uniform), and the halves are sorted
// side by side: the same order.
void RepeatedCustomsLines::sort_seen() {
    if (threads_ < 2 || seen_.size() < 65536) {
        std::sort(seen_.begin(), seen_.end(), by_digest);
        return;
    }
    auto middle = std::partition(seen_.begin(), seen_.end(), [](const Seen& s) { return (s.a >> 63) == 0; });
    auto upper = std::async(std::launch::async, [&] { std::sort(middle, seen_.end(), by_digest); });
    std::sort(seen_.begin(), middle, by_digest);
    upper.get();
}

// Hands the lines of the batch, none set aside, to `visit` in by_digest order, except lines whose
// digest no other line has (nearly all of them): a line can only repeat one of the same digest.
// Instead of sorting the 32-byte lines, 16-byte keys (first half of the digest, place in the
// batch) are dealt into 65,536 buckets by their top 16 bits, which the uniform digest fills
// evenly, and each bucket is sorted; only lines whose first half equals another's are looked up.
template <class Visit>
void RepeatedCustomsLines::visit_in_memory(Visit&& visit) {
    const std::size_t n = seen_.size();
    if (n < 65536) {
        std::sort(seen_.begin(), seen_.end(), by_digest);
        for (const Seen& s : seen_) visit(s);
        return;
    }
    struct Key {
        std::uint64_t a;
        std::uint32_t index;  // in seen_, which is the line's order: nothing was set aside
    };
    constexpr int kBits = 16;
    constexpr std::size_t kBuckets = std::size_t{1} << kBits;
    std::vector<std::uint32_t> start(kBuckets + 1, 0);
    for (const Seen& s : seen_) ++start[(s.a >> (64 - kBits)) + 1];
    for (std::size_t b = 0; b < kBuckets; ++b) start[b + 1] += start[b];
    std::vector<Key> keys(n);
    {
        std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
        for (std::uint32_t i = 0; i < n; ++i) keys[next[seen_[i].a >> (64 - kBits)]++] = {seen_[i].a, i};
    }
    auto sort_buckets = [&](std::size_t from, std::size_t to) {
        for (std::size_t b = from; b < to; ++b)
            std::sort(keys.begin() + start[b], keys.begin() + start[b + 1], [](const Key& x, const Key& y) { return x.a != y.a ? x.a < y.a : x.index < y.index; });
    };
    if (threads_ >= 2) {
        auto upper = std::async(std::launch::async, sort_buckets, kBuckets / 2, kBuckets);
        sort_buckets(0, kBuckets / 2);
        upper.get();
    } else {
        sort_buckets(0, kBuckets);
    }
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i + 1;
        while (j < n && keys[j].a == keys[i].a) ++j;
        if (j - i > 1) {
            // The same first half: in by_digest order by the second half, then the order.
            std::sort(keys.begin() + static_cast<std::ptrdiff_t>(i), keys.begin() + static_cast<std::ptrdiff_t>(j), [&](const Key& x, const Key& y) {
                return by_digest(seen_[x.index], seen_[y.index]);
            });
            for (std::size_t k = i; k < j; ++k) visit(seen_[keys[k].index]);
        }
        i = j;
    }
}

// The batch, sorted in place, goes to the end of the temporary file as one more sorted run.
void RepeatedCustomsLines::spill() {
    if (!runs_file_ && !(runs_file_ = unlinked_temp_file(temp_dir(), "cbam-customs-lines-"))) throw set_aside_error(errno);
    sort_seen();
    errno = 0;
    if (std::fwrite(seen_.data(), sizeof(Seen), seen_.size(), runs_file_) != seen_.size()) throw set_aside_error(errno);
    runs_.push_back(seen_.size());
    seen_.clear();
}

// Hands every line set aside to `visit` in the order of one sorted run, by a k-way merge of the
// runs. The batch's memory is shared out as one read buffer per run.
template <class Visit>
void RepeatedCustomsLines::merge_runs(Visit&& visit) {
    errno = 0;
    if (std::fflush(runs_file_) != 0) throw set_aside_error(errno);
    const int fd = ::fileno(runs_file_);
    const std::size_t k = runs_.size();
    const std::size_t per = std::max<std::size_t>(1, batch_ / k);
    seen_.resize(k * per);
    struct Run {
        std::size_t at, left;  // where the lines not yet read start in the file (bytes), and how many
        Seen* buf;
        std::size_t pos, end;
    };
    std::vector<Run> runs(k);
    auto refill = [&](Run& r) {
        std::size_t n = std::min(per, r.left);
        read_back(fd, r.buf, n * sizeof(Seen), r.at);
        r.at += n * sizeof(Seen);
        r.left -= n;
        r.pos = 0;
        r.end = n;
    };
    std::size_t at = 0;
    for (std::size_t i = 0; i < k; ++i) {
        runs[i] = {at, runs_[i], seen_.data() + i * per, 0, 0};
        at += runs_[i] * sizeof(Seen);
        refill(runs[i]);
    }
    // A heap of the runs, the one whose next line comes first on top.
    auto after = [&](std::size_t x, std::size_t y) { return by_digest(runs[y].buf[runs[y].pos], runs[x].buf[runs[x].pos]); };
    std::vector<std::size_t> heap;
    for (std::size_t i = 0; i < k; ++i)
        if (runs[i].end > 0) heap.push_back(i);
    std::make_heap(heap.begin(), heap.end(), after);
    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), after);
        Run& r = runs[heap.back()];
        visit(r.buf[r.pos]);
        if (++r.pos == r.end && r.left > 0) refill(r);
        if (r.pos < r.end) std::push_heap(heap.begin(), heap.end(), after);
        else heap.pop_back();
    }
}

void RepeatedCustomsLines::report(Diagnostics& diags) {
    // The repeats that can still be shown are the first ones in line order: only those are held
    // (the latest on top, to be dropped for an earlier one); the others are counted.
    const std::size_t room = diags.room();
    auto earlier = [](const Repeat& x, const Repeat& y) { return x.repeat.order < y.repeat.order; };
    std::priority_queue<Repeat, std::vector<Repeat>, decltype(earlier)> held(earlier);
    std::size_t not_held = 0;
    Seen first{};
    bool any = false;
    auto visit = [&](const Seen& s) {
        if (!any || s.a != first.a || s.b != first.b) {
            first = s;
            any = true;
        } else if (held.size() < room) {
            held.push({s, first});
        } else {
            ++not_held;
            if (!held.empty() && s.order < held.top().repeat.order) {
                held.pop();
                held.push({s, first});
            }
        }
    };
    if (increasing_) {
        // Every line came after the one before in a strict order of declaration and item: no two
        // are the same, and there is nothing to look for.
        if (runs_file_) std::fclose(runs_file_);
        runs_file_ = nullptr;
        runs_.clear();
    } else if (runs_.empty()) {
        visit_in_memory(visit);
    } else {
        if (!seen_.empty()) spill();
        merge_runs(visit);
        std::fclose(runs_file_);  // gives the disk space back
        runs_file_ = nullptr;
        runs_.clear();
    }
    std::vector<Seen>().swap(seen_);
    std::vector<Repeat> repeats;
    repeats.reserve(held.size());
    for (; !held.empty(); held.pop()) repeats.push_back(held.top());
    std::reverse(repeats.begin(), repeats.end());
    for (const auto& [r, f] : repeats)
        diags.add({files_[r.file], r.line, r.column, "declaration"},
                  fmt::format("this declaration and item are given already on {}: a customs line may be given once only, or its goods "
                              "would be counted twice",
                              f.file == r.file ? fmt::format("line {}", f.line) : fmt::format("{} line {}", file_name(files_[f.file]), f.line)));
    diags.add_not_shown(not_held);
}

}  // namespace cbam
