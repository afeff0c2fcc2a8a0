#include "writers/explanation.h"

#include "writers/rounding.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace cbam {

namespace {

struct Printer {
    std::string out;
    std::map<const Step*, int> seen;
    int next = 1;

    void node(const std::string& symbol, const Traced& t, int depth) {
        std::string pad(static_cast<std::size_t>(depth) * 2, ' ');
        const Step* s = t.step.get();
        std::string head = symbol.empty() ? std::string() : symbol + " = ";
        std::string value = t.q.to_string();
        if (!s) {
            out += fmt::format("{}{}{}\n", pad, head, value);
            return;
        }
        auto it = seen.find(s);
        if (it != seen.end() && !s->operands.empty()) {
            out += fmt::format("{}{}{}  [{}] {} (derived above)\n", pad, head, value, it->second, s->what);
            return;
        }
        int id = next++;
        seen[s] = id;
        out += fmt::format("{}{}{}  [{}] {}\n", pad, head, value, id, s->what);
        if (s->input) out += fmt::format("{}    read from {}\n", pad, s->input->to_string());
        if (!s->formula.empty()) out += fmt::format("{}    formula: {}\n", pad, s->formula);
        if (!s->reference.empty()) out += fmt::format("{}    source: {}\n", pad, s->reference);
        for (const auto& d : s->details) out += fmt::format("{}    {}\n", pad, d);
        for (const auto& n : s->notes) out += fmt::format("{}    assumption: {}\n", pad, n);
        for (const auto& [sym, op] : s->operands) node(sym, op, depth + 1);
    }
};

}  // namespace

std::string explain(const Traced& value, const std::string& title) {
    Printer p;
    p.out = title + "\n";
    p.node("", value, 1);
    return p.out;
}

std::string explain_good(const GoodResult& g, Scope scope) {
    std::string name = g.cn_code.empty() ? g.aggregated_good : fmt::format("CN {} ({})", g.cn_code, g.aggregated_good);
    std::string out = fmt::format("Derivation of the specific embedded emissions of {}, {} scope.\n", name, to_string(scope));
    out += fmt::format("Values are exact; '≈' marks a value shown rounded to 12 decimals. Reported figures are rounded to {} decimals, "
                       "half away from zero.\n\n",
                       kSeeDecimals);
    out += explain(g.see_direct, fmt::format("SEE direct = {} {}", format_see(g.see_direct.value()), g.see_unit.symbol()));
    out += "\n";
    out += explain(g.see_indirect, fmt::format("SEE indirect = {} {}", format_see(g.see_indirect.value()), g.see_unit.symbol()));
    out += "\n";
    out += explain(g.see_total, fmt::format("SEE total = {} {}", format_see(g.see_total.value()), g.see_unit.symbol()));
    return out;
}

std::vector<std::string> assumptions_in(const Traced& value) {
    std::vector<std::string> out;
    std::vector<const Step*> stack{value.step.get()};
    std::set<const Step*> seen;
    auto add = [&](const std::string& a) {
        if (std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
    };
    while (!stack.empty()) {
        const Step* s = stack.back();
        stack.pop_back();
        if (!s || !seen.insert(s).second) continue;
        for (const auto& n : s->notes) add(n);
        if (s->what.find("(not given:") != std::string::npos) add(s->what + " [" + s->reference + "]");
        for (auto it = s->operands.rbegin(); it != s->operands.rend(); ++it) stack.push_back(it->second.step.get());
    }
    return out;
}

}  // namespace cbam
