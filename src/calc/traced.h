// A computed number that knows where it came from: its value with its unit, and the step that
// produced it (formula, legal reference, operands, or the file, line and column it was read
// from). `cbam calc --explain` prints this tree; the audit bundle and `verify` read the same tree.
#pragma once

#include "core/error.h"
#include "core/quantity.h"
#include "model/input.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cbam {

struct Step;

struct Traced {
    Quantity q;
    std::shared_ptr<const Step> step;

    const Decimal& value() const { return q.value(); }
    const Unit& unit() const { return q.unit(); }
};

struct Step {
    std::string what;       // "combustion emissions of source stream NG-1"
    std::string formula;    // "AD × NCV × EF × (1 − BF) × OF"
    std::string reference;  // legal source of the formula or constant
    std::vector<std::pair<std::string, Traced>> operands;  // symbol -> value
    std::optional<SourceLocation> input;                   // set when read from a file
    std::vector<std::string> notes;                        // assumptions and caveats
    std::vector<std::string> details;  // working shown as it is (a system's equations and solution)
};

// A value read from a file.
Traced traced_input(const Input& in, std::string what);
// A constant of the methodology.
Traced traced_constant(Quantity q, std::string what, std::string reference);
// A value computed from operands.
Traced traced_result(Quantity q, std::string what, std::string formula, std::string reference,
                     std::vector<std::pair<std::string, Traced>> operands, std::vector<std::string> notes = {});
// `t` with lines of working added to its step (equations, a solution), shown under its formula.
Traced with_details(const Traced& t, std::vector<std::string> details);
// The sum of `terms` (all of one dimension), in `unit`; zero when empty.
Traced traced_sum(const std::vector<std::pair<std::string, Traced>>& terms, const Unit& unit, std::string what,
                  std::string reference = {});

}  // namespace cbam
