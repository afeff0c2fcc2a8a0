#include "calc/traced.h"

namespace cbam {

Traced traced_input(const Input& in, std::string what) {
    auto s = std::make_shared<Step>();
    s->what = std::move(what);
    s->input = in.where;
    return {in.q, std::move(s)};
}

Traced traced_constant(Quantity q, std::string what, std::string reference) {
    auto s = std::make_shared<Step>();
    s->what = std::move(what);
    s->reference = std::move(reference);
    return {std::move(q), std::move(s)};
}

Traced traced_result(Quantity q, std::string what, std::string formula, std::string reference,
                     std::vector<std::pair<std::string, Traced>> operands, std::vector<std::string> notes) {
    auto s = std::make_shared<Step>();
    s->what = std::move(what);
    s->formula = std::move(formula);
    s->reference = std::move(reference);
    s->operands = std::move(operands);
    s->notes = std::move(notes);
    return {std::move(q), std::move(s)};
}

Traced with_details(const Traced& t, std::vector<std::string> details) {
    auto s = std::make_shared<Step>(*t.step);
    s->details = std::move(details);
    return {t.q, std::move(s)};
}

Traced traced_sum(const std::vector<std::pair<std::string, Traced>>& terms, const Unit& unit, std::string what,
                  std::string reference) {
    Quantity total(0, unit);
    for (const auto& [name, t] : terms) total = total + t.q;
    return traced_result(total, std::move(what), terms.empty() ? "0 (nothing to add)" : "Σ of the terms below",
                         std::move(reference), terms);
}

}  // namespace cbam
