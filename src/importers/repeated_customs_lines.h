// An item of a customs declaration given twice, in one file or across the files of a run, would be
// counted twice: RepeatedCustomsLines finds each line whose declaration and item came before.
#pragma once

#include "core/error.h"
#include "model/customs_line.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace cbam {

// Each line's declaration and item are kept as a 128-bit digest with the line's place (32 bytes a
// line, not the text). Memory does not grow with the number of lines: at most `batch` lines are
// held; each full batch is sorted and set aside as a sorted run in an unlinked temporary file in
// $TMPDIR (or /tmp), and report() merges the runs. When every line fits in one batch, nothing
// touches the disk. Lines that come in a strictly increasing order of declaration and item (as
// customs exports, sorted by declaration and item number, usually do) cannot repeat one another:
// report() then has nothing to look for. Throws OutputError when the temporary file cannot be
// written or read back. Aligned to a cache line of its own: lines may be added on a reading
// thread while another thread writes the objects that would otherwise share its line.
class alignas(64) RepeatedCustomsLines {
public:
    static constexpr std::size_t kDefaultBatch = std::size_t{1} << 20;  // 32 MiB of lines

    // With `threads` of 2 or more, each batch is sorted on two threads.
    explicit RepeatedCustomsLines(std::size_t batch = kDefaultBatch, unsigned threads = 1);
    RepeatedCustomsLines(const RepeatedCustomsLines&) = delete;
    RepeatedCustomsLines& operator=(const RepeatedCustomsLines&) = delete;
    ~RepeatedCustomsLines();

    void add(const CustomsLine& line);
    // An error at the declaration cell of every line whose declaration and item came before, in
    // the order the lines were added. Once only, after the last add().
    void report(Diagnostics& diags);

private:
    struct Seen {
        std::uint64_t a, b;       // a 128-bit digest of declaration and item, in two halves
        std::uint32_t file, line, column, order;
    };
    struct Repeat {
        Seen repeat, first;
    };
    void sort_seen();
    template <class Visit>
    void visit_in_memory(Visit&& visit);
    void spill();
    template <class Visit>
    void merge_runs(Visit&& visit);

    std::size_t batch_;
    unsigned threads_;
    // True while each line's declaration and item came after the line before's (declaration,
    // then item by length and then text): then no line repeats another, whatever their digests.
    bool increasing_ = true;
    std::string last_declaration_, last_item_;
    std::uint32_t added_ = 0;
    std::vector<std::string> files_;
    std::vector<Seen> seen_;           // the batch being filled
    std::FILE* runs_file_ = nullptr;   // the sorted runs set aside, one after the other
    std::vector<std::size_t> runs_;    // the number of lines of each
};

}  // namespace cbam
