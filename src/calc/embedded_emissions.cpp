#include "calc/embedded_emissions.h"
#include "core/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace cbam {

namespace {

constexpr const char* kSimpleRef = "CBAM Reg Annex IV point 2; IR (EU) 2025/2547 Annex III B";
constexpr const char* kComplexRef = "CBAM Reg Annex IV point 3; IR (EU) 2025/2547 Annex III B Eq. 59-60";
constexpr const char* kWeightedRef = "IR (EU) 2023/1773 Annex II / Guidance §6.3: production-weighted average over routes";
constexpr const char* kAnnexIIRef = "CBAM Reg Annex II; IR (EU) 2025/2547 Annex I 3.1";

// The value itself when already in `u`, else an explicit conversion step.
Traced in_unit(const Traced& t, const Unit& u) {
    if (t.unit().symbol() == u.symbol()) return t;
    return traced_result(t.q.in(u), t.step->what + " in " + u.symbol(), "unit conversion", "", {{"given", t}});
}

Traced zero(const Unit& u, std::string what, std::string ref = {}) { return traced_constant(Quantity(0, u), std::move(what), std::move(ref)); }

class Calculator {
public:
    Calculator(const Installation& inst, Scope scope, const CnRegistry& cn, const Countries& countries)
        : inst_(inst), scope_(scope), cn_(cn), countries_(countries) {
        for (std::size_t i = 0; i < inst.processes.size(); ++i) process_index_.emplace(inst.processes[i].id, i);
        for (const auto& s : inst.suppliers) suppliers_.emplace(s.id, &s);
    }

    CalcResult run() {
        CalcResult out;
        out.scope = scope_;
        out.processes.resize(inst_.processes.size());
        results_ = &out.processes;
        state_.assign(inst_.processes.size(), State::Todo);
        for (std::size_t i = 0; i < inst_.processes.size(); ++i) resolve(i, nullptr);
        if (!diags_.empty()) throw InputError(std::move(diags_));
        aggregate(out);
        return out;
    }

private:
    enum class State { Todo, Busy, Done, Failed };

    std::size_t index_of(const std::string& id) const {
        auto it = process_index_.find(id);
        return it == process_index_.end() ? inst_.processes.size() : it->second;
    }

    // Annex II matters only in the definitive period; in the transitional period every indirect
    // emission counts, except for electricity, whose embedded emissions are direct in both periods
    // (CBAM Reg Annex IV 4.2; IR 2023/1773 Annex III D).
    bool direct_only(const std::string& good) const {
        if (good == "Electricity") return true;
        if (scope_ == Scope::Transitional) return false;
        const AggregatedGood* g = cn_.good(good);
        return g && cn_.direct_only(*g);
    }

    // Resolves process i; `via` is the precursor row that led here (for cycle messages).
    bool resolve(std::size_t i, const PrecursorInput* via) {
        if (state_[i] == State::Done) return true;
        if (state_[i] == State::Failed) return false;
        if (state_[i] == State::Busy) {
            std::string chain;
            for (const auto& id : stack_) chain += id + " → ";
            chain += inst_.processes[i].id;
            SourceLocation loc = via ? via->from_where : inst_.processes[i].where;
            diags_.add(loc, fmt::format("precursor cycle: {} (each process uses the next one's good as a precursor)", chain));
            return false;
        }
        state_[i] = State::Busy;
        stack_.push_back(inst_.processes[i].id);
        bool ok = compute(i);
        stack_.pop_back();
        state_[i] = ok ? State::Done : State::Failed;
        return ok;
    }

    std::vector<const PrecursorInput*> precursors_of(const std::string& id) {
        if (precursors_by_process_.empty())
            for (const auto& in : inst_.precursors) precursors_by_process_[in.process_id].push_back(&in);
        auto it = precursors_by_process_.find(id);
        return it == precursors_by_process_.end() ? std::vector<const PrecursorInput*>{} : it->second;
    }

    bool compute(std::size_t i) {
        const ProductionProcess& p = inst_.processes[i];
        ProcessResult r;
        r.process = &p;
        r.good_unit = p.aggregated_good == "Electricity" ? units::MWh() : units::t();
        Unit see_unit = units::tCO2e() / r.good_unit;
        r.activity_level = in_unit(traced_input(p.activity_level, fmt::format("activity level of process {}", p.id)), r.good_unit);
        r.attributed = attribute(inst_, p);
        if (r.attributed.direct.value().sign() < 0) {
            SourceLocation loc = p.where;
            loc.field = "process_id";
            diags_.add(loc, fmt::format("attributed direct emissions of process {} are negative ({} tCO2e): check its heat and waste gas "
                                        "exports and the electricity it produces against its source streams",
                                        p.id, r.attributed.direct.value().to_fixed(3)));
            return false;
        }
        bool ok = true;
        for (const PrecursorInput* inp : precursors_of(p.id)) {
            const PrecursorInput& in = *inp;
            auto c = contribution(in);
            if (!c) {
                ok = false;
                continue;
            }
            r.precursors.push_back(std::move(*c));
        }
        if (!ok) return false;

        for (const auto& c : r.precursors) r.uses_default_values = r.uses_default_values || c.default_values;
        for (const auto& e : inst_.electricity) {
            if (e.process_id != p.id || e.produced) continue;
            r.electricity_consumed = r.electricity_consumed + e.quantity.q;
            r.electricity_emissions = r.electricity_emissions + (e.quantity.q * e.emission_factor.q).in(units::tCO2e());
            r.electricity_source = r.electricity_source.empty() || r.electricity_source == e.source ? e.source : "mixed";
            auto& fs = r.electricity_factor_sources;
            if (!e.factor_source.empty() && std::find(fs.begin(), fs.end(), e.factor_source) == fs.end()) fs.push_back(e.factor_source);
        }
        const bool own_direct_only = direct_only(p.aggregated_good);
        std::vector<std::pair<std::string, Traced>> dir_terms, ind_terms, cnt_terms;
        for (const auto& c : r.precursors) {
            dir_terms.emplace_back(c.origin, c.embedded_direct);
            ind_terms.emplace_back(c.origin, c.embedded_indirect);
            cnt_terms.emplace_back(c.origin, c.embedded_indirect_counted);
        }
        const bool complex = !r.precursors.empty();
        const char* ref = complex ? kComplexRef : kSimpleRef;
        auto see = [&](const Traced& attributed, const std::vector<std::pair<std::string, Traced>>& terms, const char* kind) {
            if (!complex)
                return traced_result((attributed.q / r.activity_level.q).in(see_unit),
                                     fmt::format("specific {} embedded emissions of process {} ({})", kind, p.id, p.aggregated_good),
                                     "AttrEm / AL", ref, {{"AttrEm", attributed}, {"AL", r.activity_level}});
            Traced ee = traced_sum(terms, units::tCO2e(), fmt::format("{} embedded emissions of the precursors (EEInpMat)", kind),
                                   "IR (EU) 2025/2547 Annex III B Eq. 60");
            return traced_result(((attributed.q + ee.q) / r.activity_level.q).in(see_unit),
                                 fmt::format("specific {} embedded emissions of process {} ({})", kind, p.id, p.aggregated_good),
                                 "(AttrEm + EEInpMat) / AL", ref, {{"AttrEm", attributed}, {"EEInpMat", ee}, {"AL", r.activity_level}});
        };
        r.see_direct = see(r.attributed.direct, dir_terms, "direct");
        r.see_indirect = see(r.attributed.indirect, ind_terms, "indirect");
        Traced own_ind_counted =
            own_direct_only
                ? traced_result(Quantity(0, units::tCO2e()), fmt::format("indirect emissions of process {} that count", p.id),
                                "0: the good is in Annex II (direct emissions only)", kAnnexIIRef, {})
                : r.attributed.indirect;
        r.see_indirect_counted = see(own_ind_counted, cnt_terms, "counted indirect");
        (*results_)[i] = std::move(r);
        return true;
    }

    std::optional<PrecursorContribution> contribution(const PrecursorInput& in) {
        PrecursorContribution c;
        c.input = &in;
        c.mass = in_unit(traced_input(in.mass, fmt::format("mass of {} consumed (IR (EU) 2025/2547 Eq. 61)", in.precursor)), units::t());
        const Unit see_unit = units::tCO2e_per_t();
        const bool prec_direct_only = direct_only(in.precursor);
        if (!in.from_process.empty()) {
            std::size_t j = index_of(in.from_process);
            if (j >= inst_.processes.size()) {
                diags_.add(in.from_where, fmt::format("process \"{}\" does not exist", in.from_process));
                return std::nullopt;
            }
            if (!resolve(j, &in)) return std::nullopt;
            const ProcessResult& pr = (*results_)[j];
            c.origin = fmt::format("{} from process {}", in.precursor, in.from_process);
            c.see_direct = pr.see_direct;
            c.see_indirect = pr.see_indirect;
            c.see_indirect_counted = pr.see_indirect_counted;
            c.default_values = pr.uses_default_values;
        } else {
            auto found = suppliers_.find(in.supplier_id);
            const Supplier* s = found == suppliers_.end() ? nullptr : found->second;
            if (!s) {
                SourceLocation loc = in.where;
                loc.field = "supplier_id";
                diags_.add(loc, fmt::format("supplier \"{}\" does not exist", in.supplier_id));
                return std::nullopt;
            }
            const Country* k = countries_.find(s->country);
            c.origin = fmt::format("{} from supplier {} ({})", in.precursor, s->id, s->country);
            if (k && k->status != CbamOrigin::Third) {
                c.counted_as_zero = true;
                std::string why = fmt::format("{} is {}: its precursors count as zero", k->name,
                                              k->status == CbamOrigin::Eu ? "an EU Member State" : "an origin exempt under Annex III");
                const char* ref = "IR (EU) 2025/2547 Annex III B; CBAM Reg Annex III";
                c.see_direct = zero(see_unit, "direct SEE of a precursor from " + s->country + " — " + why, ref);
                c.see_indirect = zero(see_unit, "indirect SEE of a precursor from " + s->country + " — " + why, ref);
                c.see_indirect_counted = c.see_indirect;
            } else {
                c.default_values = s->default_values;  // only figures that are used count as used
                std::string kind = s->default_values ? "default values" : "actual data";
                c.see_direct = traced_input(s->see_direct, fmt::format("direct SEE communicated by supplier {} ({})", s->id, kind));
                c.see_indirect = traced_input(s->see_indirect, fmt::format("indirect SEE communicated by supplier {} ({})", s->id, kind));
                c.see_indirect_counted =
                    prec_direct_only ? traced_result(Quantity(0, see_unit), "indirect SEE of the precursor that counts",
                                                     fmt::format("0: {} is in Annex II (direct emissions only)", in.precursor), kAnnexIIRef, {})
                                     : c.see_indirect;
            }
        }
        auto embed = [&](const Traced& see, const char* kind) {
            return traced_result((c.mass.q * see.q).in(units::tCO2e()), fmt::format("{} embedded emissions of {}", kind, c.origin), "M × SEE",
                                 "IR (EU) 2025/2547 Annex III B Eq. 60", {{"M", c.mass}, {"SEE", see}});
        };
        c.embedded_direct = embed(c.see_direct, "direct");
        c.embedded_indirect = embed(c.see_indirect, "indirect");
        c.embedded_indirect_counted = embed(c.see_indirect_counted, "counted indirect");
        return c;
    }

    // Category rows and CN rows, production-weighted over the processes that make them.
    void aggregate(CalcResult& out) {
        for (const AggregatedGood& g : cn_.goods()) {
            std::vector<const ProcessResult*> makers;
            for (const auto& r : out.processes)
                if (r.process->aggregated_good == g.name) makers.push_back(&r);
            if (makers.empty()) continue;
            out.goods.push_back(weighted(g, "", makers));
            std::set<std::string> codes;
            for (const auto* r : makers) codes.insert(r->process->cn_codes.begin(), r->process->cn_codes.end());
            for (const auto& code : codes) {
                std::vector<const ProcessResult*> of_code;
                for (const auto* r : makers)
                    if (std::find(r->process->cn_codes.begin(), r->process->cn_codes.end(), code) != r->process->cn_codes.end())
                        of_code.push_back(r);
                out.goods.push_back(weighted(g, code, of_code));
            }
        }
    }

    GoodResult weighted(const AggregatedGood& g, const std::string& code, const std::vector<const ProcessResult*>& makers) {
        GoodResult gr;
        gr.aggregated_good = g.name;
        gr.cn_code = code;
        gr.sector = g.sector;
        gr.direct_only = g.name == "Electricity" || cn_.direct_only(g);
        gr.see_unit = units::tCO2e() / makers.front()->good_unit;
        for (const auto* r : makers) {
            gr.process_ids.push_back(r->process->id);
            gr.uses_default_values = gr.uses_default_values || r->uses_default_values;
            gr.electricity_consumed = gr.electricity_consumed + r->electricity_consumed;
            gr.electricity_emissions = gr.electricity_emissions + r->electricity_emissions;
            if (!r->electricity_source.empty())
                gr.electricity_source = gr.electricity_source.empty() || gr.electricity_source == r->electricity_source ? r->electricity_source : "mixed";
            for (const auto& f : r->electricity_factor_sources)
                if (std::find(gr.electricity_factor_sources.begin(), gr.electricity_factor_sources.end(), f) == gr.electricity_factor_sources.end())
                    gr.electricity_factor_sources.push_back(f);
        }
        // Lists in a fixed order, so that outputs do not depend on the order of the input rows.
        std::sort(gr.process_ids.begin(), gr.process_ids.end());
        std::sort(gr.electricity_factor_sources.begin(), gr.electricity_factor_sources.end());
        std::string label = code.empty() ? g.name : fmt::format("{} (CN {})", g.name, code);
        if (makers.size() == 1) {
            const ProcessResult& r = *makers.front();
            gr.activity_level = r.activity_level;
            gr.see_direct = r.see_direct;
            gr.see_indirect = r.see_indirect;
            gr.see_indirect_counted = r.see_indirect_counted;
        } else {
            std::vector<std::pair<std::string, Traced>> al_terms;
            for (const auto* r : makers) al_terms.emplace_back(r->process->id, r->activity_level);
            gr.activity_level = traced_sum(al_terms, makers.front()->good_unit, "activity level of all routes (Σ AL_r)");
            auto avg = [&](Traced ProcessResult::*member, const char* kind) {
                std::vector<std::pair<std::string, Traced>> ops;
                Quantity weighted_sum(0, units::tCO2e());
                for (const auto* r : makers) {
                    const Traced& see = r->*member;
                    weighted_sum = weighted_sum + (r->activity_level.q * see.q).in(units::tCO2e());
                    ops.emplace_back("AL_" + r->process->id, r->activity_level);
                    ops.emplace_back("SEE_" + r->process->id, see);
                }
                ops.emplace_back("Σ AL_r", gr.activity_level);
                return traced_result((weighted_sum / gr.activity_level.q).in(gr.see_unit),
                                     fmt::format("specific {} embedded emissions of {}", kind, label), "Σ_r (AL_r × SEE_r) / Σ_r AL_r",
                                     kWeightedRef, ops);
            };
            gr.see_direct = avg(&ProcessResult::see_direct, "direct");
            gr.see_indirect = avg(&ProcessResult::see_indirect, "indirect");
            gr.see_indirect_counted = avg(&ProcessResult::see_indirect_counted, "counted indirect");
        }
        // Transitional: every indirect emission counts (electricity aside); definitive: Annex II decides.
        const bool transitional = scope_ == Scope::Transitional;
        gr.see_total = traced_result((gr.see_direct.q + gr.see_indirect_counted.q).in(gr.see_unit),
                                     fmt::format("specific total embedded emissions of {} ({} scope)", label, to_string(scope_)),
                                     "SEE_dir + SEE_ind,counted",
                                     transitional ? "IR (EU) 2023/1773 Annex III; electricity direct only (CBAM Reg Annex IV 4.2)" : kAnnexIIRef,
                                     {{"SEE_dir", gr.see_direct}, {"SEE_ind,counted", gr.see_indirect_counted}});
        return gr;
    }

    const Installation& inst_;
    Scope scope_;
    const CnRegistry& cn_;
    const Countries& countries_;
    Diagnostics diags_;
    std::vector<ProcessResult>* results_ = nullptr;
    std::vector<State> state_;
    std::vector<std::string> stack_;
    std::map<std::string, std::size_t, std::less<>> process_index_;
    std::map<std::string, const Supplier*, std::less<>> suppliers_;
    std::map<std::string, std::vector<const PrecursorInput*>> precursors_by_process_;
};

}  // namespace

const GoodResult* CalcResult::find(std::string_view key) const {
    for (const auto& g : goods) {
        if (g.cn_code.empty() ? iequals(g.aggregated_good, key) : g.cn_code == key) return &g;
    }
    return nullptr;
}

const ProcessResult* CalcResult::process(std::string_view id) const {
    for (const auto& p : processes)
        if (p.process->id == id) return &p;
    return nullptr;
}

CalcResult calculate(const Installation& inst, Scope scope, const CnRegistry& cn, const Countries& countries) {
    return Calculator(inst, scope, cn, countries).run();
}

}  // namespace cbam
