// The end of reading customs lines: the search for repeated declaration items and the builder's
// finish, side by side on two threads where the lines were read on two. The outcome is that of
// running them one after the other: the repeats, when there are any, are the error; otherwise
// what finish found.
#pragma once

#include "core/error.h"
#include "importers/customs_reader.h"
#include "importers/repeated_customs_lines.h"

#include <exception>
#include <future>
#include <memory>
#include <optional>
#include <utility>

namespace cbam::cli {

// The search for repeated lines, possibly still running after finish_reading has returned.
// confirm() waits for it and throws InputError when it found any: call it before anything is
// printed or written, and when anything else fails before that (the repeats come first).
class RepeatsCheck {
public:
    RepeatsCheck() = default;
    explicit RepeatsCheck(std::future<Diagnostics> pending) : pending_(std::move(pending)) {}
    void confirm() {
        if (!pending_.valid()) return;
        Diagnostics found = pending_.get();  // rethrows what the search threw
        if (!found.empty()) throw InputError(std::move(found));
    }

private:
    std::future<Diagnostics> pending_;
};

// `diags` holds what reading found. `finish(Diagnostics&)` returns the builder's result. Throws
// InputError with the first of those that found a problem. With `later`, a search still running
// when finish is done is left to `later`->confirm().
template <class Finish>
auto finish_reading(std::unique_ptr<RepeatedCustomsLines> repeated, Diagnostics& diags, Finish finish, RepeatsCheck* later = nullptr) {
    if (!diags.empty() || default_customs_reading() != CustomsReading::Parallel) {
        repeated->report(diags);
        if (!diags.empty()) throw InputError(std::move(diags));
        auto result = finish(diags);
        if (!diags.empty()) throw InputError(std::move(diags));
        return result;
    }
    // `diags` is empty: the repeats are looked for in a list of their own, with the same room.
    RepeatsCheck check(std::async(std::launch::async, [r = std::move(repeated)] {
        Diagnostics found;
        r->report(found);
        return found;
    }));
    std::optional<decltype(finish(diags))> result;
    try {
        result.emplace(finish(diags));
    } catch (...) {
        check.confirm();
        throw;
    }
    if (!diags.empty()) {
        check.confirm();
        throw InputError(std::move(diags));
    }
    if (later) *later = std::move(check);
    else check.confirm();
    return std::move(*result);
}

}  // namespace cbam::cli
