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
#include <optional>
#include <utility>

namespace cbam::cli {

// `diags` holds what reading found. `finish(Diagnostics&)` returns the builder's result; it must
// not touch `repeated`. Throws InputError with the first of those that found a problem.
template <class Finish>
auto finish_reading(RepeatedCustomsLines& repeated, Diagnostics& diags, Finish finish) {
    if (!diags.empty() || default_customs_reading() != CustomsReading::Parallel) {
        repeated.report(diags);
        if (!diags.empty()) throw InputError(std::move(diags));
        auto result = finish(diags);
        if (!diags.empty()) throw InputError(std::move(diags));
        return result;
    }
    // `diags` is empty: the repeats are looked for in a list of their own, with the same room.
    auto repeats = std::async(std::launch::async, [&repeated] {
        Diagnostics found;
        repeated.report(found);
        return found;
    });
    std::optional<decltype(finish(diags))> result;
    std::exception_ptr failed;
    try {
        result.emplace(finish(diags));
    } catch (...) {
        failed = std::current_exception();
    }
    Diagnostics found = repeats.get();  // rethrows what report() threw
    if (!found.empty()) throw InputError(std::move(found));
    if (failed) std::rethrow_exception(failed);
    if (!diags.empty()) throw InputError(std::move(diags));
    return std::move(*result);
}

}  // namespace cbam::cli
