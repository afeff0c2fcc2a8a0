#include "calc/embedded_emissions.h"
#include "calc/precursor_graph.h"
#include "core/linear_system.h"
#include "core/text.h"
#include "registry/definitive_data.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>

namespace cbam {

namespace {

constexpr const char* kSimpleRef = "CBAM Reg Annex IV point 2; IR (EU) 2025/2547 Annex III B";
constexpr const char* kComplexRef = "CBAM Reg Annex IV point 3; IR (EU) 2025/2547 Annex III B Eq. 59-60";
constexpr const char* kWeightedRef = "IR (EU) 2023/1773 Annex II / Guidance §6.3: production-weighted average over routes";
constexpr const char* kAnnexIIRef = "CBAM Reg Annex II; IR (EU) 2025/2547 Annex I 3.1";
constexpr const char* kLoopRef =
    "CBAM Reg Annex IV point 3; IR (EU) 2025/2547 Annex III B Eq. 59-60, for every process of the loop at once (as the communication "
    "template's InputOutput sheet: SEE = (I − A)⁻¹ · ae)";

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
        done_.assign(inst_.processes.size(), false);
        std::vector<std::vector<std::size_t>> uses = own_precursor_graph();
        for (const auto& comp : components_dependencies_first(uses)) {
            // A component is computed once everything it uses is; a failure upstream is reported there.
            bool ready = true;
            for (std::size_t i : comp) {
                ready = ready && !bad_rows_[i];
                for (std::size_t j : uses[i])
                    ready = ready && (done_[j] || std::binary_search(comp.begin(), comp.end(), j));
            }
            if (!ready) continue;
            if (comp.size() == 1) done_[comp.front()] = compute(comp.front());
            else if (compute_loop(comp))
                for (std::size_t i : comp) done_[i] = true;
        }
        if (!diags_.empty()) throw InputError(std::move(diags_));
        aggregate(out);
        for (auto& g : out.goods) g.breakdown = see_breakdown(out, g);
        return out;
    }

private:
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

    // Which processes' goods each process consumes. A reference to an unknown process, or a
    // process consuming its own good, is an error; such a row's process is not computed.
    std::vector<std::vector<std::size_t>> own_precursor_graph() {
        const std::size_t n = inst_.processes.size();
        std::vector<std::vector<std::size_t>> uses(n);
        bad_rows_.assign(n, false);
        for (const auto& in : inst_.precursors) {
            std::size_t i = index_of(in.process_id);
            if (i >= n) continue;  // precursors of a process that does not exist are never used
            precursors_by_process_[i].push_back(&in);
            if (in.from_process.empty()) continue;
            std::size_t j = index_of(in.from_process);
            if (j >= n) {
                diags_.add(in.from_where, fmt::format("process \"{}\" does not exist", in.from_process));
                bad_rows_[i] = true;
            } else if (j == i) {
                diags_.add(in.from_where, fmt::format("process \"{}\" cannot be its own precursor (a cycle of one process): what a "
                                                      "process makes and uses again within itself is not counted",
                                                      in.from_process));
                bad_rows_[i] = true;
            } else if (std::find(uses[i].begin(), uses[i].end(), j) == uses[i].end()) {
                uses[i].push_back(j);
            }
        }
        return uses;
    }

    const std::vector<const PrecursorInput*>& precursors_of(std::size_t i) {
        static const std::vector<const PrecursorInput*> none;
        auto it = precursors_by_process_.find(i);
        return it == precursors_by_process_.end() ? none : it->second;
    }

    // What does not depend on the precursors: activity level, attributed emissions, electricity.
    bool begin(std::size_t i, ProcessResult& r) {
        const ProductionProcess& p = inst_.processes[i];
        // Electricity without a factor of its own: the Commission's grid factors are those of the
        // definitive period; the transitional period's were given only in the CBAM Transitional Registry.
        bool factors_ok = true;
        for (const auto& e : inst_.electricity) {
            if (e.process_id != p.id || e.emission_factor || scope_ != Scope::Transitional) continue;
            SourceLocation loc = e.where;
            loc.field = "emission_factor";
            diags_.add(loc, "expected the emission factor of this electricity: for the transitional period the Commission's default grid "
                            "factors were given only in the CBAM Transitional Registry (IR (EU) 2023/1773 Annex III D); the definitive "
                            "period's (IR (EU) 2025/2621 Annex II) apply from 2026");
            factors_ok = false;
        }
        if (!factors_ok) return false;
        r.process = &p;
        r.good_unit = p.aggregated_good == "Electricity" ? units::MWh() : units::t();
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
        for (const auto& e : inst_.electricity) {
            if (e.process_id != p.id || e.produced) continue;
            ElectricityFactor f = electricity_factor(e, inst_.country);
            r.electricity_consumed = r.electricity_consumed + e.quantity.q;
            r.electricity_emissions = r.electricity_emissions + (e.quantity.q * f.ef.q).in(units::tCO2e());
            r.electricity_source = r.electricity_source.empty() || r.electricity_source == e.source ? e.source : "mixed";
            auto& fs = r.electricity_factor_sources;
            if (!f.source.empty() && std::find(fs.begin(), fs.end(), f.source) == fs.end()) fs.push_back(f.source);
        }
        return true;
    }

    // The good's own indirect emissions that count (none for an Annex II good in the definitive scope).
    Traced own_indirect_counted(const ProcessResult& r) const {
        if (!direct_only(r.process->aggregated_good)) return r.attributed.indirect;
        return traced_result(Quantity(0, units::tCO2e()), fmt::format("indirect emissions of process {} that count", r.process->id),
                             "0: the good is in Annex II (direct emissions only)", kAnnexIIRef, {});
    }

    bool compute(std::size_t i) {
        ProcessResult r;
        if (!begin(i, r)) return false;
        const ProductionProcess& p = *r.process;
        Unit see_unit = units::tCO2e() / r.good_unit;
        bool ok = true;
        for (const PrecursorInput* inp : precursors_of(i)) {
            auto c = contribution(*inp);
            if (!c) {
                ok = false;
                continue;
            }
            r.precursors.push_back(std::move(*c));
        }
        if (!ok) return false;

        for (const auto& c : r.precursors) r.uses_default_values = r.uses_default_values || c.default_values;
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
        r.own_indirect_counted = own_indirect_counted(r);
        r.see_indirect_counted = see(r.own_indirect_counted, cnt_terms, "counted indirect");
        (*results_)[i] = std::move(r);
        return true;
    }

    // Processes that feed each other (a precursor loop): Eq. 59-60 for each of them at once,
    //   AL_i × SEE_i − Σ_j M_ij × SEE_j = AttrEm_i + EEInpMat_i (precursors from outside the loop),
    // one unknown SEE per process, solved exactly; the same system for direct, indirect and
    // counted indirect emissions, with their own right-hand sides. This is the template's
    // SEE = (I − A)⁻¹ · ae with A_ij = M_ij / AL_i, each equation multiplied by AL_i.
    bool compute_loop(const std::vector<std::size_t>& comp) {
        const std::size_t n = comp.size();
        auto pos = [&](std::size_t process_index) {
            return static_cast<std::size_t>(std::lower_bound(comp.begin(), comp.end(), process_index) - comp.begin());
        };
        std::vector<ProcessResult> rs(n);
        struct Flow {
            std::size_t consumer, producer;  // positions in comp
            const PrecursorInput* in;
            Traced mass;
            std::string symbol;
        };
        std::vector<Flow> flows;
        // Per member, its precursor rows in input order: an outside contribution or a flow index.
        std::vector<std::vector<std::pair<std::optional<PrecursorContribution>, std::size_t>>> rows(n);
        bool ok = true;
        for (std::size_t k = 0; k < n; ++k) {
            if (!begin(comp[k], rs[k])) {
                ok = false;
                continue;
            }
            for (const PrecursorInput* inp : precursors_of(comp[k])) {
                std::size_t j = inp->from_process.empty() ? inst_.processes.size() : index_of(inp->from_process);
                if (j < inst_.processes.size() && std::binary_search(comp.begin(), comp.end(), j)) {
                    Flow f{k, pos(j), inp,
                           in_unit(traced_input(inp->mass, fmt::format("mass of {} consumed (IR (EU) 2025/2547 Eq. 61)", inp->precursor)), units::t()),
                           fmt::format("M_{}←{}", inst_.processes[comp[k]].id, inp->from_process)};
                    std::size_t same = 0;
                    for (const auto& g : flows) same += g.consumer == f.consumer && g.producer == f.producer;
                    if (same > 0) f.symbol += fmt::format(" #{}", same + 1);
                    rows[k].emplace_back(std::nullopt, flows.size());
                    flows.push_back(std::move(f));
                    continue;
                }
                auto c = contribution(*inp);
                if (!c) {
                    ok = false;
                    continue;
                }
                rows[k].emplace_back(std::move(*c), 0);
            }
        }
        if (!ok) return false;

        std::string members;
        for (std::size_t k = 0; k < n; ++k) members += (k ? ", " : "") + inst_.processes[comp[k]].id;
        bool defaults = false;
        for (const auto& rk : rows)
            for (const auto& [c, f] : rk) defaults = defaults || (c && c->default_values);

        // Right-hand sides: attributed emissions plus what the precursors from outside the loop bring.
        struct Kind {
            const char* name;
            Traced PrecursorContribution::*embedded;
            Traced ProcessResult::*see;
        };
        const Kind kinds[] = {{"direct", &PrecursorContribution::embedded_direct, &ProcessResult::see_direct},
                              {"indirect", &PrecursorContribution::embedded_indirect, &ProcessResult::see_indirect},
                              {"counted indirect", &PrecursorContribution::embedded_indirect_counted, &ProcessResult::see_indirect_counted}};
        std::vector<std::array<Traced, 3>> own(n), outside(n);
        std::vector<bool> has_outside(n, false);
        DecimalMatrix m(n, std::vector<Decimal>(n)), rhs(n, std::vector<Decimal>(3));
        for (std::size_t k = 0; k < n; ++k) {
            const std::string& id = rs[k].process->id;
            own[k] = {rs[k].attributed.direct, rs[k].attributed.indirect, own_indirect_counted(rs[k])};
            rs[k].own_indirect_counted = own[k][2];
            m[k][k] = rs[k].activity_level.q.value_in(rs[k].good_unit);
            for (std::size_t t = 0; t < 3; ++t) {
                std::vector<std::pair<std::string, Traced>> terms;
                for (const auto& [c, f] : rows[k])
                    if (c) terms.emplace_back(c->origin, (*c).*(kinds[t].embedded));
                has_outside[k] = !terms.empty();
                outside[k][t] = traced_sum(terms, units::tCO2e(),
                                           fmt::format("{} embedded emissions of the precursors of process {} from outside the loop", kinds[t].name, id),
                                           "IR (EU) 2025/2547 Annex III B Eq. 60");
                rhs[k][t] = own[k][t].q.value_in(units::tCO2e()) + outside[k][t].q.value_in(units::tCO2e());
            }
        }
        for (const auto& f : flows) m[f.consumer][f.producer] -= f.mass.q.value_in(units::t());
        std::optional<DecimalMatrix> x = solve_exact(m, rhs);
        if (!x) {
            diags_.add(rs.front().process->where,
                       fmt::format("the precursor loop between processes {} cannot be solved: its equations are singular (the processes consume "
                                   "all they make of each other's goods, so nothing leaves the loop); check the masses in precursors.csv "
                                   "against the activity levels",
                                   members));
            return false;
        }
        for (std::size_t k = 0; k < n; ++k)
            for (std::size_t t = 0; t < 3; ++t)
                if ((*x)[k][t].sign() < 0) {
                    diags_.add(rs[k].process->where,
                               fmt::format("the precursor loop between processes {} gives negative {} embedded emissions for process {}: the "
                                           "processes consume more of each other's goods than they make; check the masses in precursors.csv "
                                           "against the activity levels",
                                           members, kinds[t].name, rs[k].process->id));
                    return false;
                }

        // One derivation per kind, shared by every process of the loop: the equations with their
        // coefficients (each an input with its location) and the exact solution.
        for (std::size_t t = 0; t < 3; ++t) {
            std::vector<std::pair<std::string, Traced>> operands;
            std::vector<std::string> details{fmt::format("unknowns: the {} specific embedded emissions SEE_i of the processes of the loop ({})",
                                                         kinds[t].name, members)};
            for (std::size_t k = 0; k < n; ++k) {
                const std::string& id = rs[k].process->id;
                std::string lhs = fmt::format("AL_{0} × SEE_{0}", id), lhs_values = fmt::format("{} × SEE_{}", m[k][k].to_string(), id);
                operands.emplace_back("AL_" + id, rs[k].activity_level);
                operands.emplace_back("AttrEm_" + id, own[k][t]);
                for (const auto& f : flows) {
                    if (f.consumer != k) continue;
                    const std::string& pid = rs[f.producer].process->id;
                    lhs += fmt::format(" − {} × SEE_{}", f.symbol, pid);
                    lhs_values += fmt::format(" − {} × SEE_{}", f.mass.q.value_in(units::t()).to_string(), pid);
                    operands.emplace_back(f.symbol, f.mass);
                }
                std::string rhs_text = "AttrEm_" + id, rhs_values = own[k][t].q.value_in(units::tCO2e()).to_string();
                if (has_outside[k]) {
                    operands.emplace_back("EEInpMat_" + id, outside[k][t]);
                    rhs_text += " + EEInpMat_" + id;
                    rhs_values += " + " + outside[k][t].q.value_in(units::tCO2e()).to_string();
                }
                details.push_back(fmt::format("equation of {}: {} = {}", id, lhs, rhs_text));
                details.push_back(fmt::format("    that is: {} = {}", lhs_values, rhs_values));
            }
            std::string solution;
            for (std::size_t k = 0; k < n; ++k)
                solution += fmt::format("{}SEE_{} = {}", k ? "; " : "", rs[k].process->id, (*x)[k][t].to_string());
            details.push_back("solution (exact, by elimination): " + solution);
            for (std::size_t k = 0; k < n; ++k) {
                const ProductionProcess& p = *rs[k].process;
                Traced v = traced_result(Quantity((*x)[k][t], units::tCO2e() / rs[k].good_unit),
                                         fmt::format("specific {} embedded emissions of process {} ({}), solved with its precursor loop ({})",
                                                     kinds[t].name, p.id, p.aggregated_good, members),
                                         fmt::format("SEE_{} of the solution of the loop's equations", p.id), kLoopRef, operands);
                rs[k].*(kinds[t].see) = with_details(v, details);
            }
        }

        // Every process's precursors in input order; a flow within the loop carries the solved SEE.
        for (std::size_t k = 0; k < n; ++k) {
            for (auto& [c, fi] : rows[k]) {
                if (c) {
                    rs[k].precursors.push_back(std::move(*c));
                    continue;
                }
                const Flow& f = flows[fi];
                const ProcessResult& producer = rs[f.producer];
                PrecursorContribution pc;
                pc.input = f.in;
                pc.origin = fmt::format("{} from process {} (same precursor loop)", f.in->precursor, f.in->from_process);
                pc.mass = f.mass;
                pc.see_direct = producer.see_direct;
                pc.see_indirect = producer.see_indirect;
                pc.see_indirect_counted = producer.see_indirect_counted;
                pc.default_values = defaults;
                auto embed = [&](const Traced& see, const char* kind) {
                    return traced_result((pc.mass.q * see.q).in(units::tCO2e()), fmt::format("{} embedded emissions of {}", kind, pc.origin),
                                         "M × SEE", "IR (EU) 2025/2547 Annex III B Eq. 60", {{"M", pc.mass}, {"SEE", see}});
                };
                pc.embedded_direct = embed(pc.see_direct, "direct");
                pc.embedded_indirect = embed(pc.see_indirect, "indirect");
                pc.embedded_indirect_counted = embed(pc.see_indirect_counted, "counted indirect");
                rs[k].precursors.push_back(std::move(pc));
            }
            rs[k].uses_default_values = defaults;
        }
        // Only now, once every flow has read its producer's solved SEE: a process moved out
        // earlier would leave a later consumer reading an emptied result.
        for (std::size_t k = 0; k < n; ++k) (*results_)[comp[k]] = std::move(rs[k]);
        return true;
    }

    std::optional<PrecursorContribution> contribution(const PrecursorInput& in) {
        PrecursorContribution c;
        c.input = &in;
        c.mass = in_unit(traced_input(in.mass, fmt::format("mass of {} consumed (IR (EU) 2025/2547 Eq. 61)", in.precursor)), units::t());
        const Unit see_unit = units::tCO2e_per_t();
        const bool prec_direct_only = direct_only(in.precursor);
        if (!in.from_process.empty()) {
            const ProcessResult& pr = (*results_)[index_of(in.from_process)];  // computed before: it comes first in dependency order
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
            c.origin = fmt::format("{} from supplier {} ({})", in.precursor, s->id, s->country.empty() ? "origin unknown" : s->country);
            if (s->highest_default) {
                if (!highest_default(c, *s, see_unit)) return std::nullopt;
            } else if (k && k->status != CbamOrigin::Third) {
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
                if (s->specific_electricity && s->electricity_factor) {
                    Traced e = traced_input(*s->specific_electricity,
                                            fmt::format("specific electricity consumption communicated by supplier {} ({})", s->id, kind));
                    Traced ef = traced_input(*s->electricity_factor,
                                             fmt::format("emission factor of that electricity ({}{})", s->id,
                                                         s->electricity_factor_source.empty() ? "" : ", " + s->electricity_factor_source));
                    c.see_indirect = traced_result((e.q * ef.q).in(see_unit), fmt::format("indirect SEE of the precursor from supplier {}", s->id),
                                                   "E_el × EF_el", "IR (EU) 2023/1773 Annex III D and F", {{"E_el", e}, {"EF_el", ef}});
                } else {
                    c.see_indirect = traced_input(s->see_indirect, fmt::format("indirect SEE communicated by supplier {} ({})", s->id, kind));
                }
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

    // A precursor of unknown origin without figures: the highest default value of its CN code over
    // all countries (IR (EU) 2025/2621 Annex IV), definitive period only. The Annex gives a total
    // only: it is counted as direct emissions (for iron, steel, aluminium and hydrogen the total is
    // the direct value; for cement and fertiliser precursors it includes their indirect emissions).
    bool highest_default(PrecursorContribution& c, const Supplier& s, const Unit& see_unit) {
        SourceLocation loc = s.where;
        loc.field = "see_direct";
        if (scope_ == Scope::Transitional) {
            diags_.add(loc, fmt::format("supplier {}: a precursor of unknown origin needs its figures for the transitional period; the highest "
                                        "default values (IR (EU) 2025/2621 Annex IV) apply from 2026", s.id));
            return false;
        }
        const HighestDefault* h = HighestDefaults::builtin().find(s.cn_code);
        if (!h) {
            diags_.add(loc, fmt::format("supplier {}: no highest default value (IR (EU) 2025/2621 Annex IV) is published for CN {}: give its "
                                        "figures", s.id, s.cn_code));
            return false;
        }
        c.default_values = true;
        const char* ref = "IR (EU) 2025/2621 Annex IV (precursors of unknown origin)";
        Traced total = traced_constant(Quantity(h->total, see_unit),
                                       fmt::format("highest default value of CN {} ({}, {}), origin of the precursor unknown", h->cn,
                                                   h->description, h->where.to_string()),
                                       ref);
        c.see_direct = traced_result(total.q, fmt::format("direct SEE of {} (Annex IV total, counted as direct)", c.origin), "Total (Annex IV)", ref,
                                     {{"Total", total}},
                                     {"Annex IV gives a total only: all of it is counted as direct emissions; whether the mark-up applies to a "
                                      "precursor's default value is not settled and it is not applied"});
        c.see_indirect = zero(see_unit, "indirect SEE of a precursor on its Annex IV total (included in the direct figure)", ref);
        c.see_indirect_counted = c.see_indirect;
        return true;
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
    std::vector<bool> done_;       // computed
    std::vector<bool> bad_rows_;   // has a precursor row naming no process, or itself
    std::map<std::string, std::size_t, std::less<>> process_index_;
    std::map<std::string, const Supplier*, std::less<>> suppliers_;
    std::map<std::size_t, std::vector<const PrecursorInput*>> precursors_by_process_;
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
