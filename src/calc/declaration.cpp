#include "calc/declaration.h"

#include "registry/customs_procedures.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

namespace cbam {

namespace {

constexpr const char* kArt2a = "CBAM Reg Art. 2a (Regulation (EU) 2025/2083)";
constexpr const char* kMarkupRef = "IR (EU) 2025/2621 Annex I as replaced by IR (EU) 2026/1740";
constexpr const char* kFaRef = "CBAM Reg Art. 31; IR (EU) 2025/2620";
constexpr const char* kArt9 = "CBAM Reg Art. 9";

bool de_minimis_sector(const std::string& sector) {
    return sector == "Cement" || sector == "Iron and steel" || sector == "Aluminium" || sector == "Fertilisers";
}

int quarter_of(const std::string& date) { return (std::stoi(date.substr(5, 2)) - 1) / 3 + 1; }

Traced constant(const Decimal& v, const Unit& u, std::string what, std::string ref) { return traced_constant(Quantity(v, u), std::move(what), std::move(ref)); }

}  // namespace

struct DeclarationBuilder::Impl {
    int year;
    const SupplierData& suppliers;
    const std::vector<CarbonPricePaid>& carbon_prices;
    const std::vector<CertificatePrice>& prices;
    DeclarationData data;
    const PhaseIn* phase = nullptr;

    struct Key {
        std::string importer, cn, taric, origin, installation;
        auto tie() const { return std::tie(importer, cn, taric, origin, installation); }
        bool operator<(const Key& o) const { return tie() < o.tie(); }
    };
    struct Acc {
        std::map<std::pair<int, std::size_t>, Decimal> by_quarter_price;  // (quarter, price index) -> quantity
        std::string sector;
        SourceLocation first;
    };
    std::map<Key, Acc> goods;
    std::vector<LineStatus> lines;
    std::map<std::string, Decimal> mass_by_importer;
    std::unordered_map<std::string, std::optional<Classification>> cn_cache;

    std::size_t price_index(const std::string& date) const {
        for (std::size_t i = 0; i < prices.size(); ++i)
            if (prices[i].first_day <= date && date <= prices[i].last_day) return i;
        return prices.size();
    }

    void add(const CustomsLine& l, Diagnostics& diags) {
        LineStatus st{l.where, l.declaration, l.item, l.importer, l.cn_code, l.origin,
                      l.cn_code == "27160000" && l.supplementary_units ? *l.supplementary_units : l.net_mass_t, "", ""};
        auto at = [&](const char* field) {
            SourceLocation w = l.where;
            w.field = field;
            return w;
        };
        if (l.acceptance_date.substr(0, 4) != std::to_string(year)) {
            diags.add(at("acceptance_date"), fmt::format("expected a date in {}, found {}: lines of other years belong in their own declaration", year,
                                                         l.acceptance_date));
            return;
        }
        auto it = cn_cache.find(l.cn_code);
        if (it == cn_cache.end()) it = cn_cache.emplace(l.cn_code, data.cn->classify(l.cn_code)).first;
        const auto& c = it->second;
        if (!c) {
            diags.add(at("cn_code"), fmt::format("expected an 8-digit CN code, found \"{}\"", l.cn_code));
            return;
        }
        auto set = [&](const char* status, std::string reason) {
            st.status = status;
            st.reason = std::move(reason);
            lines.push_back(std::move(st));
        };
        if (!c->in_scope) return set("out of scope", "not a CBAM good: " + c->reason);
        const CustomsProcedure* proc = customs_procedure(l.requested_procedure);
        if (!proc) return;
        if (!proc->reportable)
            return set("not reportable", fmt::format("requested procedure {} ({}): {}", proc->code, proc->meaning, proc->not_reported_because));
        const Country* origin = data.countries->find(l.origin);
        if (origin && origin->status == CbamOrigin::Eu) return set("out of scope", fmt::format("origin {} is an EU Member State", l.origin));
        if (origin && origin->status == CbamOrigin::Exempt)
            return set("out of scope", fmt::format("origin {} ({}) is exempt under Annex III of Regulation (EU) 2023/956", l.origin, origin->name));
        std::size_t pi = price_index(l.acceptance_date);
        if (pi == prices.size()) {
            diags.add(at("acceptance_date"), fmt::format("no certificate price covers {}: add the period's price to certificate_prices.csv", l.acceptance_date));
            return;
        }
        const std::string& sector = c->line->sector;
        if (de_minimis_sector(sector)) mass_by_importer[l.importer] += l.net_mass_t;
        else mass_by_importer.emplace(l.importer, Decimal(0));
        Acc& a = goods[{l.importer, l.cn_code, l.taric_code, l.origin, l.installation_id}];
        if (a.by_quarter_price.empty() || std::tie(l.where.file, l.where.line) < std::tie(a.first.file, a.first.line)) a.first = l.where;
        a.sector = sector;
        a.by_quarter_price[{quarter_of(l.acceptance_date), pi}] += st.quantity;
        set("counted", "");
    }

    Decimal markup(const std::string& sector) const {
        if (sector == "Fertilisers") return phase->markup_fertilisers;
        if (sector == "Electricity") return 0;
        return phase->markup_cement_steel_aluminium_hydrogen;
    }

    bool with_benchmark(Valuation& v, const std::string& cn, std::string& why) const {
        Unit per_t = units::tCO2e_per_t();
        if (cn == "27160000") {
            v.benchmark = constant(0, per_t, "no benchmark: electricity receives no free allocation", kFaRef);
            v.notes.push_back("electricity: no free-allocation adjustment");
        } else {
            std::string bwhy;
            const Benchmark* b = data.benchmarks->find(cn, v.route, bwhy);
            if (!b) {
                if (bwhy.rfind("no CBAM benchmark is published", 0) != 0) {
                    why = bwhy;
                    return false;
                }
                v.benchmark = constant(0, per_t, bwhy + ": no free-allocation adjustment", kFaRef);
                v.notes.push_back(bwhy);
            } else {
                v.benchmark_column = v.actual ? "A" : "B";
                v.benchmark = constant(v.actual ? b->column_a : b->column_b, per_t,
                                       fmt::format("CBAM benchmark, column {} ({}), CN {} route {} ({})", v.benchmark_column,
                                                   v.actual ? "actual emissions" : "default values", b->cn, b->route.empty() ? "-" : b->route,
                                                   b->where.to_string()),
                                       Benchmarks::kVersion);
            }
        }
        Traced factor = constant(phase->cbam_factor, units::one(), fmt::format("CBAM factor {}", year), "Directive 2003/87/EC Art. 10a(1a)");
        Traced cscf = constant(*phase->cscf, units::one(), fmt::format("cross-sectoral correction factor {}", year), phase->source);
        v.sefa = traced_result(Quantity(factor.value() * cscf.value() * v.benchmark.value(), per_t), "free-allocation adjustment per tonne (SEFA)",
                               "CBAM factor × CSCF × BM", kFaRef, {{"CBAM factor", factor}, {"CSCF", cscf}, {"BM", v.benchmark}});
        return true;
    }

    std::optional<Valuation> at_defaults(const std::string& cn, const std::string& taric, const std::string& country, std::string& why) const {
        auto c = data.cn->classify(cn);
        std::string sector = c && c->line ? c->line->sector : "";
        if (sector == "Electricity") {
            why = "no default values for electricity are in the project's data (IR (EU) 2025/2621 Annex III not available): give the producer's data";
            return std::nullopt;
        }
        DefaultLookup d = data.defaults->find(country, taric.empty() ? cn : taric);
        if (!d.row) {
            why = d.why;
            return std::nullopt;
        }
        Valuation v;
        v.actual = false;
        v.route = d.row->route;
        v.basis = fmt::format("default value for {} from {}: {}", taric.empty() ? cn : taric, country, d.why);
        Unit per_t = units::tCO2e_per_t();
        Traced total = constant(*d.row->total, per_t, fmt::format("default value, Total column ({} {}, row {})", d.row->country_name, d.row->cn,
                                                                 d.row->where.to_string()),
                                DefinitiveDefaults::kVersion);
        Traced mu = constant(markup(sector), units::one(), fmt::format("mark-up {} for {}", year, sector), kMarkupRef);
        v.see_total = traced_result(Quantity(total.value() * (Decimal(1) + mu.value()), per_t), "SEE counted (default value with mark-up)",
                                    "Total × (1 + mark-up)", kMarkupRef, {{"Total", total}, {"mark-up", mu}});
        v.see_direct = d.row->direct ? constant(*d.row->direct, per_t, "default value, Direct column (without mark-up, for information)", DefinitiveDefaults::kVersion)
                                     : constant(0, per_t, "default value, Direct column not given", DefinitiveDefaults::kVersion);
        v.see_indirect_counted = d.row->indirect ? constant(*d.row->indirect, per_t, "default value, Indirect column (without mark-up, for information)", DefinitiveDefaults::kVersion)
                                                 : constant(0, per_t, "default value, Indirect column N/A", DefinitiveDefaults::kVersion);
        if (!with_benchmark(v, cn, why)) return std::nullopt;
        return v;
    }

    std::optional<Valuation> at_actual(const std::string& cn, const SupplierEmissions& s, std::string& why) const {
        auto c = data.cn->classify(cn);
        Valuation v;
        v.actual = true;
        v.route = s.route;
        v.basis = fmt::format("actual {}data of installation {} for CN {}", s.verified ? "verified " : "unverified ", s.installation_id, cn);
        Unit per = cn == "27160000" ? units::tCO2e_per_MWh() : units::tCO2e_per_t();
        v.see_direct = traced_input(Input{Quantity(s.see_direct, per), s.where}, "direct SEE communicated by the installation");
        bool direct_only = c && c->line && c->line->direct_only;
        if (s.see_indirect_counted && s.scope == "definitive") {
            v.see_indirect_counted = traced_input(Input{Quantity(*s.see_indirect_counted, per), s.where},
                                                  "indirect SEE that counts in the definitive period, as communicated");
        } else if (direct_only) {
            v.see_indirect_counted = constant(0, per, "indirect SEE not counted: the good is in Annex II (direct emissions only)", "CBAM Reg Annex II");
        } else {
            v.see_indirect_counted = traced_input(Input{Quantity(s.see_indirect, per), s.where}, "indirect SEE communicated (cement and fertilisers count it)");
        }
        v.see_total = traced_result(v.see_direct.q + v.see_indirect_counted.q, "SEE counted (actual data)", "SEE_dir + SEE_ind,counted",
                                    "CBAM Reg Art. 7 and Annex IV", {{"SEE_dir", v.see_direct}, {"SEE_ind,counted", v.see_indirect_counted}});
        if (c && c->good && c->good->complex)
            v.notes.push_back("complex good on actual data: the free-allocation adjustment counts only the good's own column-A benchmark; the "
                              "adjustment for its precursors (IR (EU) 2025/2620, equations for complex goods) is not computed, so the "
                              "certificates shown are an upper bound");
        if (!with_benchmark(v, cn, why)) return std::nullopt;
        return v;
    }

    QuarterFigures figures(const Valuation& v, const Decimal& qty, int quarter, std::size_t pi, const Unit& unit, const CarbonPricePaid* cp) const {
        QuarterFigures q;
        q.quarter = quarter;
        q.price_index = pi;
        Unit t = units::tCO2e();
        q.quantity = traced_constant(Quantity(qty, unit), fmt::format("quantity imported in Q{} (price period {} to {})", quarter,
                                                                        prices[pi].first_day, prices[pi].last_day), "customs lines");
        q.embedded = traced_result((q.quantity.q * v.see_total.q).in(t), fmt::format("embedded emissions counted, Q{}", quarter), "quantity × SEE",
                                   "CBAM Reg Art. 7", {{"quantity", q.quantity}, {"SEE", v.see_total}});
        Quantity fa = unit.same_dimension(units::t()) ? (q.quantity.q * v.sefa.q).in(t) : Quantity(0, t);
        q.fa_adjustment = traced_result(fa, fmt::format("free-allocation adjustment, Q{}", quarter), "quantity × SEFA", kFaRef,
                                        {{"quantity", q.quantity}, {"SEFA", v.sefa}});
        Traced price = traced_input(Input{Quantity(prices[pi].eur, units::one()), prices[pi].where},
                                    fmt::format("certificate price, EUR ({})", prices[pi].source));
        if (cp) {
            Traced paid = traced_result(Quantity((cp->price_per_tonne - cp->rebate_per_tonne) * cp->eur_per_unit, units::one()),
                                        fmt::format("carbon price effectively paid, EUR per tCO2e ({} {}, {})", cp->country, cp->instrument, cp->legal_act),
                                        "(price − rebate) × EUR rate", kArt9,
                                        {{"price", traced_input(Input{Quantity(cp->price_per_tonne, units::one()), cp->where}, "price per tCO2e, " + cp->currency)},
                                         {"rebate", traced_input(Input{Quantity(cp->rebate_per_tonne, units::one()), cp->where}, "rebate per tCO2e")},
                                         {"EUR rate", traced_input(Input{Quantity(cp->eur_per_unit, units::one()), cp->where}, "EUR per " + cp->currency)}});
            Traced share = traced_input(Input{Quantity(cp->covered_share, units::one()), cp->where}, "share of the embedded emissions the price covers");
            q.deduction = traced_result(Quantity(paid.value() * share.value() * q.embedded.value() / price.value(), t),
                                        fmt::format("carbon price deduction, Q{} (in certificates)", quarter), "paid × share × embedded / certificate price",
                                        kArt9, {{"paid", paid}, {"share", share}, {"embedded", q.embedded}, {"certificate price", price}});
        } else {
            q.deduction = traced_constant(Quantity(0, t), "no carbon price paid in the country of production is claimed", kArt9);
        }
        Decimal owed = q.embedded.value() - q.fa_adjustment.value() - q.deduction.value();
        if (owed.sign() < 0) owed = 0;
        q.certificates = traced_result(Quantity(owed, t), fmt::format("certificates owed, Q{}", quarter), "max(0, embedded − FA adjustment − deduction)",
                                       "CBAM Reg Art. 22 and 31", {{"embedded", q.embedded}, {"FA adjustment", q.fa_adjustment}, {"deduction", q.deduction}});
        q.cost = traced_result(Quantity(owed * price.value(), units::one()), fmt::format("cost of the certificates, Q{}, EUR", quarter),
                               "certificates × price", "CBAM Reg Art. 21 (price of certificates)", {{"certificates", q.certificates}, {"price", price}});
        return q;
    }

    const CarbonPricePaid* carbon_price_for(const std::string& installation, const std::string& cn) const {
        const CarbonPricePaid* best = nullptr;
        for (const auto& c : carbon_prices)
            if (c.installation_id == installation && (c.cn_code.empty() || c.cn_code == cn) && (!best || !c.cn_code.empty())) best = &c;
        return best;
    }

    DeclarationResult finish(Diagnostics& diags) {
        DeclarationResult out;
        out.year = year;
        std::set<std::string> exempt_importers;
        for (const auto& [imp, mass] : mass_by_importer) {
            out.importers.push_back({imp, mass, mass <= Decimal(kDe_minimis_tonnes)});
            if (out.importers.back().exempt) exempt_importers.insert(imp);
        }
        auto exempt = [&](const std::string& importer) { return exempt_importers.count(importer) > 0; };
        out.lines = std::move(lines);
        for (auto& l : out.lines) {
            if (l.status != "counted") continue;
            const auto& c = cn_cache.at(l.cn_code);  // classified when the line was added
            if (c && c->line && de_minimis_sector(c->line->sector) && exempt(l.importer)) {
                const Decimal& m = mass_by_importer.at(l.importer);
                l.status = "de minimis";
                l.reason = fmt::format("importer {} imported {} t of cement, iron and steel, aluminium and fertiliser goods in {}: not above {} t ({})",
                                       l.importer, m.to_string(), year, kDe_minimis_tonnes, kArt2a);
            }
        }
        for (const auto& [k, a] : goods) {
            if (de_minimis_sector(a.sector) && exempt(k.importer)) continue;
            DeclarationEntry e;
            e.importer = k.importer;
            e.cn_code = k.cn;
            e.taric_code = k.taric;
            e.origin = k.origin;
            e.installation_id = k.installation;
            e.sector = a.sector;
            e.electricity = k.cn == "27160000";
            std::string why;
            std::optional<Valuation> v;
            std::string country = k.origin;
            auto s = k.installation.empty() ? suppliers.end() : suppliers.find({k.installation, k.cn});
            if (s != suppliers.end()) country = s->second.country;
            e.production_country = country;
            if (s != suppliers.end() && s->second.verified) {
                v = at_actual(k.cn, s->second, why);
            } else {
                v = at_defaults(k.cn, k.taric, country, why);
                if (v) {
                    if (k.installation.empty()) v->notes.push_back("no installation named on the customs lines: default values");
                    else if (s == suppliers.end()) v->notes.push_back(fmt::format("no emissions data from installation {}: default values", k.installation));
                    else v->notes.push_back(fmt::format("the data of installation {} for CN {} is not verified: default values", k.installation, k.cn));
                }
            }
            if (!v) {
                diags.add(a.first, fmt::format("CN {} from {} ({}): {}", k.taric.empty() ? k.cn : k.taric, k.origin,
                                               k.installation.empty() ? "no installation named" : "installation " + k.installation, why));
                continue;
            }
            e.valuation = std::move(*v);
            if (e.valuation.actual && !k.installation.empty()) e.carbon_price = carbon_price_for(k.installation, k.cn);
            Unit unit = e.electricity ? units::MWh() : units::t();
            for (const auto& [qp, qty] : a.by_quarter_price)
                e.quarters.push_back(figures(e.valuation, qty, qp.first, qp.second, unit, e.carbon_price));
            auto sum = [&](Traced QuarterFigures::*m, const Unit& u, const char* what) {
                std::vector<std::pair<std::string, Traced>> terms;
                for (const auto& q : e.quarters) terms.emplace_back(fmt::format("Q{}", q.quarter), q.*m);
                return traced_sum(terms, u, what);
            };
            e.quantity = sum(&QuarterFigures::quantity, unit, "quantity imported in the year");
            e.embedded = sum(&QuarterFigures::embedded, units::tCO2e(), "embedded emissions counted in the year");
            e.fa_adjustment = sum(&QuarterFigures::fa_adjustment, units::tCO2e(), "free-allocation adjustment in the year");
            e.deduction = sum(&QuarterFigures::deduction, units::tCO2e(), "carbon price deduction in the year (certificates)");
            e.certificates = sum(&QuarterFigures::certificates, units::tCO2e(), "certificates owed for the year");
            e.cost = sum(&QuarterFigures::cost, units::one(), "cost of the certificates, EUR");
            out.embedded += e.embedded.value();
            out.fa_adjustment += e.fa_adjustment.value();
            out.deduction += e.deduction.value();
            out.certificates += e.certificates.value();
            out.cost += e.cost.value();
            out.entries.push_back(std::move(e));
        }
        return out;
    }
};

DeclarationBuilder::DeclarationBuilder(int year, const SupplierData& suppliers, const std::vector<CarbonPricePaid>& carbon_prices,
                                       const std::vector<CertificatePrice>& prices, DeclarationData data)
    : impl_(std::make_unique<Impl>(Impl{year, suppliers, carbon_prices, prices, data, nullptr, {}, {}, {}, {}})) {
    Diagnostics d;
    if (year < 2026) d.add({"--year", 0, 0, ""}, fmt::format("expected a year from 2026 (the definitive period), found {}: for 2023-2025 use 'cbam report'", year));
    impl_->phase = data.phase_in->year(year);
    if (year >= 2026 && !impl_->phase) d.add({"--year", 0, 0, ""}, fmt::format("no CBAM factor is known for {} (cn_codes/phase_in.csv)", year));
    else if (impl_->phase && !impl_->phase->cscf)
        d.add({"--year", 0, 0, ""}, fmt::format("the cross-sectoral correction factor for {} is not yet set (cn_codes/phase_in.csv)", year));
    if (!d.empty()) throw InputError(std::move(d));
}

DeclarationBuilder::~DeclarationBuilder() = default;
void DeclarationBuilder::add(const CustomsLine& line, Diagnostics& diags) { impl_->add(line, diags); }
DeclarationResult DeclarationBuilder::finish(Diagnostics& diags) { return impl_->finish(diags); }
std::optional<Valuation> DeclarationBuilder::value_at_defaults(const std::string& cn, const std::string& taric, const std::string& country,
                                                               std::string& why) const {
    return impl_->at_defaults(cn, taric, country, why);
}
std::optional<Valuation> DeclarationBuilder::value_at_actual(const std::string& cn, const SupplierEmissions& s, std::string& why) const {
    return impl_->at_actual(cn, s, why);
}
std::vector<QuarterFigures> DeclarationBuilder::revalue(const DeclarationEntry& e, const Valuation& v) const {
    std::vector<QuarterFigures> out;
    Unit unit = e.electricity ? units::MWh() : units::t();
    for (const auto& q : e.quarters) out.push_back(impl_->figures(v, q.quantity.value(), q.quarter, q.price_index, unit, nullptr));
    return out;
}

HoldingCheck DeclarationBuilder::holding(const DeclarationResult& r, const std::string& date, std::optional<Decimal> held) const {
    static const char* ends[] = {"03-31", "06-30", "09-30", "12-31"};
    HoldingCheck h;
    h.date = date;
    h.held = held;
    for (int q = 1; q <= 4; ++q)
        if (date == fmt::format("{}-{}", r.year, ends[q - 1])) h.quarter = q;
    if (!h.quarter) {
        Diagnostics d;
        d.add({"--quarter-end", 0, 0, ""}, fmt::format("expected the last day of a quarter of {} ({}-03-31, -06-30, -09-30 or -12-31), found {}", r.year,
                                                       r.year, date));
        throw InputError(std::move(d));
    }
    for (const auto& e : r.entries) {
        std::string why;
        std::optional<Valuation> v = e.valuation.actual ? value_at_defaults(e.cn_code, e.taric_code, e.production_country, why) : e.valuation;
        if (!v) {
            v = e.valuation;
            h.notes.push_back(fmt::format("CN {} from {}: no default value ({}); its declared values are used", e.cn_code, e.origin, why));
        }
        for (const auto& q : revalue(e, *v))
            if (q.quarter <= h.quarter) h.certificates_at_defaults += q.certificates.value();
    }
    h.required = h.certificates_at_defaults * Decimal::ratio(1, 2);
    return h;
}

}  // namespace cbam
