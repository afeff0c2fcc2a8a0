// The end of the process. A command's results can be a million small objects (the skipped lines
// of a quarter, the goods and their installations); freeing them one by one after the outputs are
// written only delays the exit (about 20 ms of a 0.33 s report on a million customs lines), and
// the system releases the process's memory at its end anyway. So a command hands them to
// keep_until_exit, and main() ends the process with end_process once everything is written and
// flushed. Built with the address sanitizer, the process ends normally and frees everything, so
// that a leak is still found.
#pragma once

#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

namespace cbam::cli {

// What is kept until the process ends.
std::vector<std::shared_ptr<void>>& kept_until_exit();

// Takes `object` over and returns it, to be used in its place.
template <class T>
std::decay_t<T>& keep_until_exit(T&& object) {
    auto kept = std::make_shared<std::decay_t<T>>(std::forward<T>(object));
    kept_until_exit().push_back(kept);
    return *kept;
}

// Flushes stdout and stderr and ends the process with `code`, without running destructors (or,
// under the address sanitizer, returns `code` for main to return).
int end_process(int code);

}  // namespace cbam::cli
