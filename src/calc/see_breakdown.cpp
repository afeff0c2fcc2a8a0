#include "calc/see_breakdown.h"

#include "calc/embedded_emissions.h"

#include <fmt/format.h>

#include <algorithm>

namespace cbam {

namespace {

constexpr const char* kRef = "IR (EU) 2025/2547 Annex III B Eq. 59-60; production-weighted over routes";

}  // namespace

SeeBreakdown see_breakdown(const CalcResult& result, const GoodResult& g) {
    SeeBreakdown out;
    const Traced& al = g.activity_level;
    const Unit& u = g.see_unit;
    const std::string good = g.cn_code.empty() ? g.aggregated_good : "CN " + g.cn_code;
    const Traced zero_t = traced_constant(Quantity(0, units::tCO2e()), "nothing", "");
    auto per_unit = [&](const Traced& term, int sign, const std::string& what) {
        Quantity q = (term.q / al.q).in(u);
        if (sign < 0) q = -q;
        return traced_result(q, fmt::format("{} in the SEE of {}", what, good), sign < 0 ? "−T / Σ AL" : "T / Σ AL", kRef,
                             {{"T", term}, {"Σ AL", al}});
    };
    auto total_of = [&](const SeeShare& s) {
        return traced_result((s.direct.q + s.indirect_counted.q).in(u), fmt::format("share of {} in the total SEE of {}", s.label, good),
                             "direct + counted indirect", kRef, {{"direct", s.direct}, {"counted indirect", s.indirect_counted}});
    };
    std::vector<std::pair<std::string, Traced>> defaults;
    for (const auto& id : g.process_ids) {
        const ProcessResult* p = result.process(id);
        if (!p) continue;
        std::size_t first = out.shares.size();
        for (const auto& t : p->attributed.direct_terms) {
            SeeShare s;
            s.kind = t.source ? SeeShare::Kind::Source : SeeShare::Kind::Correction;
            s.process_id = id;
            s.label = t.label;
            s.direct = per_unit(t.value, t.sign, fmt::format("direct emissions of {} (process {})", t.label, id));
            s.indirect = per_unit(zero_t, 1, fmt::format("indirect emissions of {} (process {})", t.label, id));
            s.indirect_counted = s.indirect;
            s.total = total_of(s);
            out.shares.push_back(std::move(s));
        }
        if (!p->attributed.indirect.value().is_zero()) {
            SeeShare s;
            s.kind = SeeShare::Kind::Electricity;
            s.process_id = id;
            s.label = "electricity consumed";
            s.direct = per_unit(zero_t, 1, fmt::format("direct emissions of the electricity consumed by process {}", id));
            s.indirect = per_unit(p->attributed.indirect, 1, fmt::format("emissions of the electricity consumed by process {}", id));
            s.indirect_counted = per_unit(p->own_indirect_counted, 1, fmt::format("counted emissions of the electricity consumed by process {}", id));
            s.total = total_of(s);
            out.shares.push_back(std::move(s));
        }
        for (const auto& c : p->precursors) {
            SeeShare s;
            s.kind = SeeShare::Kind::Precursor;
            s.process_id = id;
            s.label = c.origin;
            if (c.input) s.precursor = c.input->precursor, s.supplier_id = c.input->supplier_id, s.from_process = c.input->from_process;
            s.default_values = c.default_values;
            s.counted_as_zero = c.counted_as_zero;
            s.direct = per_unit(c.embedded_direct, 1, "direct embedded emissions of " + c.origin);
            s.indirect = per_unit(c.embedded_indirect, 1, "indirect embedded emissions of " + c.origin);
            s.indirect_counted = per_unit(c.embedded_indirect_counted, 1, "counted indirect embedded emissions of " + c.origin);
            s.total = total_of(s);
            out.shares.push_back(std::move(s));
        }
        // In a fixed order, so that outputs do not depend on the order of the input rows.
        std::stable_sort(out.shares.begin() + static_cast<std::ptrdiff_t>(first), out.shares.end(), [](const SeeShare& a, const SeeShare& b) {
            return a.kind != b.kind ? a.kind < b.kind : a.label < b.label;
        });
    }
    for (const auto& s : out.shares)
        if (s.default_values) defaults.emplace_back(s.label, s.total);
    out.from_default_values = traced_sum(defaults, u, fmt::format("part of the total SEE of {} resting on default values", good), kRef);
    Quantity share(0, units::one());
    if (!g.see_total.value().is_zero()) share = (out.from_default_values.q / g.see_total.q).in(units::one());
    out.default_share = traced_result(share, fmt::format("share of the total SEE of {} resting on default values", good),
                                      "SEE on default values / SEE total", kRef,
                                      {{"SEE on default values", out.from_default_values}, {"SEE total", g.see_total}});
    return out;
}

}  // namespace cbam
