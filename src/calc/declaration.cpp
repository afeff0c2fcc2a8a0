#include "calc/declaration.h"

#include "core/int_map.h"
#include "core/kept_results.h"
#include "core/text.h"
#include "core/text_map.h"
#include "core/text_memo.h"
#include "registry/customs_procedures.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <future>
#include <map>
#include <set>
#include <tuple>

namespace cbam {

namespace {

constexpr const char* kArt2a = "CBAM Reg Art. 2a (Regulation (EU) 2025/2083)";
constexpr const char* kMarkupRef = "IR (EU) 2025/2621 Annex I as replaced by IR (EU) 2026/1740";
constexpr const char* kFaRef = "CBAM Reg Art. 31; IR (EU) 2025/2620";
constexpr const char* kEq2 = "IR (EU) 2025/2620 Annex point 3.1, equations 2 and 3 (column A)";
constexpr const char* kEq4 = "IR (EU) 2025/2620 Annex point 3.3, equation 4";
constexpr const char* kEq5 = "IR (EU) 2025/2620 Annex point 3.3, equation 5 (docs/free-allocation.md)";
constexpr const char* kEq6 = "IR (EU) 2025/2620 Annex point 4, equation 6 (column B)";
constexpr const char* kPoint332 = "IR (EU) 2025/2620 Annex point 3.3(2) (column B of the precursor)";
constexpr const char* kArt9 = "CBAM Reg Art. 9";

bool de_minimis_sector(const std::string& sector) {
    return sector == "Cement" || sector == "Iron and steel" || sector == "Aluminium" || sector == "Fertilisers";
}

// Of a date YYYY-MM-DD (the reader has checked it).
int quarter_of(const std::string& date) { return ((date[5] - '0') * 10 + (date[6] - '0') - 1) / 3 + 1; }

Traced constant(const Decimal& v, const Unit& u, std::string what, std::string ref) { return traced_constant(Quantity(v, u), std::move(what), std::move(ref)); }

}  // namespace

struct DeclarationBuilder::Impl {
    int year;
    const SupplierData& suppliers;
    const std::vector<CarbonPricePaid>& carbon_prices;
    const std::vector<CertificatePrice>& prices;
    DeclarationData data;
    DeclarationOptions options;
    const PhaseIn* phase = nullptr;
    YearFactors factors;

    struct Key {
        std::string importer, cn, taric, origin, installation;
        auto tie() const { return std::tie(importer, cn, taric, origin, installation); }
        bool operator<(const Key& o) const { return tie() < o.tie(); }
    };
    struct Acc {
        std::map<std::pair<int, std::size_t>, Decimal> by_quarter_price;  // (quarter, price index) -> quantity
        std::string sector;
        const std::string* sector_of = nullptr;  // the registry's text `sector` was copied from
        bool de_minimis = false;                 // de_minimis_sector(sector)
        SourceLocation first;
    };
    std::map<Key, Acc> goods;
    std::vector<LineStatus> lines;
    std::function<void(const LineStatusView&)> sink;  // set: lines are streamed, not kept
    LineCounts counts;                             // as added: counted before the de minimis is known
    std::map<std::string, std::size_t> de_minimis_candidates;  // importer -> counted lines of de minimis sectors
    std::map<std::string, Decimal> mass_by_importer;
    // The goods again, by importer, CN, TARIC, origin and installation joined by NULs (no CSV cell
    // holds one): a line finds its good by one lookup; key_text is reused from line to line.
    TextMap<Acc*> goods_by_text{};
    std::string key_text{};
    IntMap<std::size_t> price_of_day{};  // YYYYMMDD -> its price period (price_index)
    // The reason texts of lines set aside, by kind and code, each written once.
    TextMemo reasons{};
    std::string year_text{};
    const std::string empty_reason{};
    CnClassifications classify{*data.cn};  // each code classified once
    // The importer of the line before, with its entries in mass_by_importer and
    // de_minimis_candidates (map entries stay put).
    std::string mass_importer{}, candidate_importer{};
    bool have_mass_entry = false, have_candidate_entry = false;
    bool mass_above = false;  // mass_entry's importer is above the de minimis: none of its lines may change
    const Decimal de_minimis_limit{kDe_minimis_tonnes};
    std::map<std::string, Decimal>::iterator mass_entry{};
    std::map<std::string, std::size_t>::iterator candidate_entry{};



    std::size_t price_index(const std::string& date) const {
        for (std::size_t i = 0; i < prices.size(); ++i)
            if (prices[i].first_day <= date && date <= prices[i].last_day) return i;
        return prices.size();
    }

    void add(const CustomsLine& l, Diagnostics& diags) {
        const Decimal& quantity = std::string_view(l.cn_code) == std::string_view("27160000") && l.supplementary_units ? *l.supplementary_units : l.net_mass_t;
        auto at = [&](const char* field) {
            SourceLocation w = l.where;
            w.field = field;
            return w;
        };
        if (year_text.empty()) year_text = std::to_string(year);
        if (std::string_view(l.acceptance_date).substr(0, 4) != year_text) {
            diags.add(at("acceptance_date"), fmt::format("expected a date in {}, found {}: lines of other years belong in their own declaration", year,
                                                         l.acceptance_date));
            return;
        }
        const auto& c = classify(l.cn_code);
        if (!c) {
            diags.add(at("cn_code"), fmt::format("expected an 8-digit CN code, found \"{}\"", l.cn_code));
            return;
        }
        // The line's status: handed to the sink as views of the line, or kept.
        auto set = [&](std::string_view status, const std::string& why, bool may_be_de_minimis = false) {
            (status == "counted" ? counts.counted : counts.other)++;
            if (may_be_de_minimis) {
                if (!have_candidate_entry || candidate_importer != l.importer) {
                    candidate_entry = de_minimis_candidates.try_emplace(l.importer, 0).first;
                    candidate_importer = l.importer;
                    have_candidate_entry = true;
                }
                ++candidate_entry->second;
            }
            if (sink) sink(LineStatusView{l.where, l.declaration, l.item, l.importer, l.cn_code, l.origin, quantity, status, why, may_be_de_minimis});
            else lines.push_back(LineStatus{l.where, l.declaration, l.item, l.importer, l.cn_code, l.origin, quantity, std::string(status), why, may_be_de_minimis});
        };
        if (!c->in_scope) return set("out of scope", reasons.get("cn", l.cn_code, [&] { return "not a CBAM good: " + c->reason; }));
        const CustomsProcedure* proc = customs_procedure(l.requested_procedure);
        if (!proc) return;
        if (!proc->reportable)
            return set("not reportable", reasons.get("procedure", l.requested_procedure, [&] {
                return fmt::format("requested procedure {} ({}): {}", proc->code, proc->meaning, proc->not_reported_because);
            }));
        const Country* origin = data.countries->find(l.origin);
        if (origin && origin->status == CbamOrigin::Eu)
            return set("out of scope", reasons.get("eu", l.origin, [&] { return fmt::format("origin {} is an EU Member State", l.origin); }));
        if (origin && origin->status == CbamOrigin::Exempt)
            return set("out of scope", reasons.get("exempt", l.origin, [&] {
                return fmt::format("origin {} ({}) is exempt under Annex III of Regulation (EU) 2023/956", l.origin, origin->name);
            }));
        // The price period of the date, looked up once per date (a year has at most 366): a date
        // YYYY-MM-DD (as the reader checked it) is packed into the number YYYYMMDD, its eight
        // digits read at their places (no loop that stops early: the compiler unrolls it).
        std::uint64_t day = 0;
        const std::string& date = l.acceptance_date;
        bool packed = date.size() == 10 && date[4] == '-' && date[7] == '-';
        if (packed) {
            for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
                const auto digit = static_cast<unsigned>(static_cast<unsigned char>(date[i])) - '0';
                packed = packed && digit <= 9;
                day = day * 10 + digit;
            }
        }
        std::size_t pi;
        if (!packed) pi = price_index(l.acceptance_date);
        else if (const std::size_t* known = price_of_day.find(day)) pi = *known;
        else pi = price_of_day.insert(day, price_index(l.acceptance_date));
        if (pi == prices.size()) {
            diags.add(at("acceptance_date"), fmt::format("no certificate price covers {}: add the period's price to certificate_prices.csv", l.acceptance_date));
            return;
        }
        const std::string& sector = c->line->sector;
        key_text.assign(l.importer);
        for (const std::string* part : {&l.cn_code, &l.taric_code, &l.origin, &l.installation_id}) {
            key_text.push_back('\0');  // inline, where append(1, c) is a call
            key_text.append(*part);
        }
        Acc& a = *goods_by_text.find_or_add(key_text, [&] { return &goods[{l.importer, l.cn_code, l.taric_code, l.origin, l.installation_id}]; });
        if (a.sector_of != &sector) {  // the registry's text: the same object for each line of the good
            a.sector = sector;
            a.sector_of = &sector;
            a.de_minimis = de_minimis_sector(sector);
        }
        if (!have_mass_entry || mass_importer != l.importer) {
            mass_entry = mass_by_importer.try_emplace(l.importer, Decimal(0)).first;
            mass_importer = l.importer;
            have_mass_entry = true;
            mass_above = mass_entry->second > de_minimis_limit;
        }
        if (a.de_minimis) {
            mass_entry->second += l.net_mass_t;
            if (!mass_above) mass_above = mass_entry->second > de_minimis_limit;
        }
        if (a.by_quarter_price.empty() || std::tie(l.where.file, l.where.line) < std::tie(a.first.file, a.first.line)) a.first = l.where;
        a.by_quarter_price[{quarter_of(l.acceptance_date), pi}] += quantity;
        // Counted, and of a de minimis sector: the status stays provisional (the importer may yet
        // prove exempt) while the importer's mass is not above 50 t. Masses only grow: once it is
        // above, the importer cannot be exempt and the status is final, with nothing to set aside.
        set("counted", empty_reason, a.de_minimis && !mass_above);
    }

    Decimal markup(const std::string& sector) const {
        if (sector == "Fertilisers") return phase->markup_fertilisers;
        if (sector == "Electricity") return 0;
        return phase->markup_cement_steel_aluminium_hydrogen;
    }

    // CBAM factor x CSCF x a benchmark, per tonne.
    Traced year_sefa(const Traced& bm, const std::string& what, const char* ref) const {
        return traced_result(Quantity(factors.cbam_factor.value() * factors.cscf.value() * bm.value(), units::tCO2e_per_t()), what,
                             "CBAM factor × CSCF × BM", ref, {{"CBAM factor", factors.cbam_factor}, {"CSCF", factors.cscf}, {"BM", bm}});
    }

    // The good's own benchmark (column A with actual data, B with default values) and SEFA.
    bool with_benchmark(Valuation& v, const std::string& cn, std::string& why) const {
        Unit per_t = units::tCO2e_per_t();
        if (cn == "27160000") {
            v.benchmark = constant(0, per_t, "no benchmark: electricity receives no free allocation", kFaRef);
            v.notes.push_back("electricity: no free-allocation adjustment");
        } else {
            BenchmarkChoice b = data.benchmarks->find(cn, v.route, year, v.actual, *data.indicators);
            if (!b.row) {
                if (b.why.rfind("no CBAM benchmark is published", 0) != 0) {
                    why = b.why;
                    return false;
                }
                v.benchmark = constant(0, per_t, b.why + ": no free-allocation adjustment", kFaRef);
                v.notes.push_back(b.why);
            } else {
                v.benchmark_column = v.actual ? "A" : "B";
                v.benchmark = constant(v.actual ? b.row->column_a : b.row->column_b, per_t,
                                       fmt::format("CBAM benchmark, column {} ({}), CN {} route {} ({})", v.benchmark_column,
                                                   v.actual ? "actual emissions" : "default values", b.row->cn, b.row->route.empty() ? "-" : b.row->route,
                                                   b.row->where.to_string()),
                                       Benchmarks::kVersion);
                for (auto& n : b.notes) v.notes.push_back(std::move(n));
            }
        }
        v.sefa = year_sefa(v.benchmark, v.actual ? "SEFA of the production process (SFAProc)" : "free-allocation adjustment per tonne (SEFA)",
                           v.actual ? kEq2 : kEq6);
        return true;
    }

    // The SEFA of a precursor that its producer did not give (verified): CBAM factor x CSCF x its
    // column-B benchmark for its country and default production route (point 3.3(2)).
    std::optional<Traced> precursor_sefa_from_benchmark(const PrecursorSefaInput& p, std::string& basis, std::vector<std::string>& notes,
                                                        std::string& missing) const {
        Unit per_t = units::tCO2e_per_t();
        std::string route, route_from;
        if (p.country.empty()) {
            const HighestDefault* h = data.highest->find(p.cn_code);
            if (!h) {
                missing = fmt::format("precursor {} ({}): its country of production is unknown and IR (EU) 2025/2621 Annex IV gives no value for "
                                      "it to take the production route from: give its country or a verified SEFA from its producer",
                                      p.cn_code, p.where.to_string());
                return std::nullopt;
            }
            route = h->route;
            route_from = fmt::format("origin unknown: the route of its highest default value, IR (EU) 2025/2621 Annex IV ({})", h->where.to_string());
        } else {
            const Country* c = data.countries->find(p.country);
            if (c && c->status != CbamOrigin::Third) {
                basis = fmt::format("produced in {} ({}): its embedded emissions count as zero, and so does its SEFA", p.country,
                                    c->status == CbamOrigin::Eu ? "an EU Member State" : "an origin exempt under Annex III of Regulation (EU) 2023/956");
                return constant(0, per_t, fmt::format("SEFA of precursor {}: {}", p.cn_code, basis), "IR (EU) 2025/2547 Annex III B");
            }
            DefaultLookup d = data.defaults->find(p.country, p.cn_code);
            if (d.row) {
                route = d.row->route;
                route_from = fmt::format("default production route of {} for it: {}", p.country, d.why);
            } else {
                route_from = fmt::format("no default value of {} for it ({}), so no default route", p.country, d.why);
            }
        }
        BenchmarkChoice b = data.benchmarks->find(p.cn_code, route, year, false, *data.indicators);
        if (!b.row) {
            missing = fmt::format("precursor {} ({}): no column-B benchmark applies ({}; {}): give a verified SEFA from its producer", p.cn_code,
                                  p.where.to_string(), b.why, route_from);
            return std::nullopt;
        }
        for (auto& n : b.notes) notes.push_back(fmt::format("precursor {}: {}", p.cn_code, n));
        Traced bm = constant(b.row->column_b, per_t,
                             fmt::format("CBAM benchmark of precursor {}, column B, CN {} route {} ({}); {}", p.cn_code, b.row->cn,
                                         b.row->route.empty() ? "-" : b.row->route, b.row->where.to_string(), route_from),
                             Benchmarks::kVersion);
        basis = fmt::format("column B of {} route {} ({})", b.row->cn, b.row->route.empty() ? "-" : b.row->route,
                            p.country.empty() ? "origin unknown, route of Annex IV" : "country " + p.country);
        return year_sefa(bm, fmt::format("SEFA of precursor {} (not given by its producer)", p.cn_code), kPoint332);
    }

    // m_i x SEFA_i for one precursor of a complex good on actual data, or nullopt with `missing` set.
    std::optional<SefaPart> precursor_term(const PrecursorSefaInput& p, const SupplierEmissions& s, std::vector<std::string>& notes,
                                           std::string& missing) const {
        SefaPart part;
        part.precursor_cn = p.cn_code;
        part.precursor_country = p.country;
        Unit one = units::one();
        if (p.specific_mass) {
            part.specific_mass = traced_input(Input{Quantity(*p.specific_mass, one), p.where},
                                              fmt::format("specific mass of precursor {} (t per t of CN {}), as communicated", p.cn_code, s.cn_code));
        } else {
            bool by_good = options.denominator == SpecificMassDenominator::Good;
            const std::optional<Decimal>& al = by_good ? p.activity_level : p.process_activity_level;
            if (!p.mass_consumed || !al) {
                missing = fmt::format("precursor {} ({}): its specific mass: give specific_mass, or mass_consumed with {}", p.cn_code,
                                      p.where.to_string(),
                                      by_good ? "activity_level (t of the good produced)"
                                              : "process_activity_level (t of all goods of the process consuming it; the reading of equation 5 "
                                                "chosen)");
                return std::nullopt;
            }
            Traced m = traced_input(Input{Quantity(*p.mass_consumed, units::t()), p.where}, fmt::format("mass of precursor {} consumed (M_i)", p.cn_code));
            Traced a = traced_input(Input{Quantity(*al, units::t()), p.where},
                                    by_good ? fmt::format("activity level of CN {} in the same period (AL_g)", s.cn_code)
                                            : "activity level of the production process consuming the precursor (AL_i,y)");
            part.specific_mass = traced_result(Quantity(m.value() / a.value(), one), fmt::format("specific mass of precursor {} (m_i)", p.cn_code),
                                               by_good ? "M_i / AL_g" : "M_i / AL_i,y", kEq5, {{"M_i", m}, {by_good ? "AL_g" : "AL_i,y", a}});
        }
        if (p.sefa && p.sefa_verified) {
            part.basis = fmt::format("verified SEFA given by its producer{}", p.installation_id.empty() ? "" : " (installation " + p.installation_id + ")");
            part.precursor_sefa = traced_input(Input{Quantity(*p.sefa, units::tCO2e_per_t()), p.where},
                                               fmt::format("SEFA of precursor {}, given and verified by its producer", p.cn_code));
        } else {
            if (p.sefa)
                notes.push_back(fmt::format("precursor {} ({}): the SEFA given ({}) is not verified, so its benchmark is used instead", p.cn_code,
                                            p.where.to_string(), p.sefa->to_string()));
            std::string basis;
            auto sefa = precursor_sefa_from_benchmark(p, basis, notes, missing);
            if (!sefa) return std::nullopt;
            part.basis = basis;
            part.precursor_sefa = std::move(*sefa);
        }
        part.value = traced_result(Quantity(part.specific_mass->value() * part.precursor_sefa->value(), units::tCO2e_per_t()),
                                   fmt::format("precursor {}'s share of the SEFA (per t of good)", p.cn_code), "m_i × SEFA_i", kEq4,
                                   {{"m_i", *part.specific_mass}, {"SEFA_i", *part.precursor_sefa}});
        return part;
    }

    // Equation 4: SEFA_g = SFAProc_g + Σ m_i × SEFA_i, for a complex good on actual data.
    void add_precursors(Valuation& v, const SupplierEmissions& s) const {
        SefaPart process;
        process.basis = fmt::format("the good's own process: column A{}", v.route.empty() ? "" : ", route " + v.route);
        process.value = v.sefa;
        v.sefa_parts.push_back(process);
        std::vector<std::pair<std::string, Traced>> terms = {{"SFAProc_g", v.sefa}};
        if (s.precursors.empty())
            v.missing.push_back(fmt::format("the precursors consumed to make CN {} (each one's specific mass, and its verified SEFA or country of "
                                            "production): no precursor file lists any for installation {} (docs/supplier-data.md)",
                                            s.cn_code, s.installation_id));
        for (const auto& p : s.precursors) {
            std::string missing;
            auto part = precursor_term(p, s, v.notes, missing);
            if (!part) {
                v.missing.push_back(missing);
                continue;
            }
            terms.emplace_back(fmt::format("m × SEFA of {}{}", p.cn_code, p.country.empty() ? "" : " from " + p.country), part->value);
            v.sefa_parts.push_back(std::move(*part));
        }
        std::vector<std::string> tn;
        if (!v.missing.empty()) tn.push_back("terms whose inputs are missing are left out: see the notes");
        v.sefa = traced_result(Quantity(traced_sum(terms, units::tCO2e_per_t(), "").value(), units::tCO2e_per_t()), "SEFA of the complex good",
                               "SFAProc_g + Σ m_i × SEFA_i", kEq4, terms, tn);
        if (!v.missing.empty()) {
            std::string list;
            for (const auto& m : v.missing) list += (list.empty() ? "" : "; ") + m;
            v.notes.push_back(fmt::format("complex good on actual data: the free-allocation adjustment lacks the terms of inputs that are missing, so "
                                          "the certificates shown are an upper bound. Missing: {}", list));
        }
    }

    // A good valued at default values: a function of its CN and TARIC codes and its country alone
    // (the tables and the year are fixed with the builder). Each result is kept, so that the goods
    // of one code and country (of several installations or importers), and the comparisons with
    // actual data, take it instead of working it out again: a few hundred kinds for thousands of
    // goods. Two threads that value one kind at once work out the same result; the first is kept.
    struct AtDefaults {
        std::optional<Valuation> valuation;
        std::string why;  // when there is none
    };
    std::unique_ptr<KeptResults<std::tuple<std::string, std::string, std::string>, AtDefaults>> at_defaults_kept =
        std::make_unique<KeptResults<std::tuple<std::string, std::string, std::string>, AtDefaults>>();

    std::optional<Valuation> at_defaults(const std::string& cn, const std::string& taric, const std::string& country, std::string& why) const {
        AtDefaults kept = at_defaults_kept->get(std::make_tuple(cn, taric, country), [&] {
            AtDefaults worked;
            worked.valuation = work_out_at_defaults(cn, taric, country, worked.why);
            return worked;
        });
        if (!kept.valuation) why = std::move(kept.why);
        return std::move(kept.valuation);
    }

    std::optional<Valuation> work_out_at_defaults(const std::string& cn, const std::string& taric, const std::string& country, std::string& why) const {
        auto c = data.cn->classify(cn);
        std::string sector = c && c->line ? c->line->sector : "";
        if (sector == "Electricity") return electricity_at_defaults(cn, country, why);
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
        Traced mu = constant(markup(sector), units::one(), fmt::format("mark-up {} for {}", year, sector), phase->source_markups);
        v.see_total = traced_result(Quantity(total.value() * (Decimal(1) + mu.value()), per_t), "SEE counted (default value with mark-up)",
                                    "Total × (1 + mark-up)", kMarkupRef, {{"Total", total}, {"mark-up", mu}});
        v.see_direct = d.row->direct ? constant(*d.row->direct, per_t, "default value, Direct column (without mark-up, for information)", DefinitiveDefaults::kVersion)
                                     : constant(0, per_t, "default value, Direct column not given", DefinitiveDefaults::kVersion);
        v.see_indirect_counted = d.row->indirect ? constant(*d.row->indirect, per_t, "default value, Indirect column (without mark-up, for information)", DefinitiveDefaults::kVersion)
                                                 : constant(0, per_t, "default value, Indirect column N/A", DefinitiveDefaults::kVersion);
        if (!with_benchmark(v, cn, why)) return std::nullopt;
        return v;
    }

    // Electricity imported (CN 2716): IR (EU) 2025/2621 Annex III, the EU value where the country
    // has none; no mark-up (it applies to the other sectors only) and no free allocation.
    std::optional<Valuation> electricity_at_defaults(const std::string& cn, const std::string& country, std::string& why) const {
        bool eu_value = false;
        const CountryFactor* f = data.electricity->find(country, "EU", &eu_value);
        if (!f) {
            why = fmt::format("no default value of electricity is known for {} and the table has no EU value (electricity_default_values.csv)", country);
            return std::nullopt;
        }
        Valuation v;
        v.actual = false;
        Unit per = units::tCO2e_per_MWh();
        v.basis = eu_value ? fmt::format("default value of electricity: {} has none in IR (EU) 2025/2621 Annex III, so the EU value ({})", country,
                                         f->where.to_string())
                           : fmt::format("default value of electricity for {} ({})", f->country_name, f->where.to_string());
        v.see_direct = constant(f->factor, per,
                                fmt::format("default value of electricity, {} ({}; confidence {})", eu_value ? "EU value for " + country : f->country_name,
                                            f->where.to_string(), to_string(f->confidence)),
                                f->legal_source);
        v.see_indirect_counted = constant(0, per, "electricity: its embedded emissions are direct", "CBAM Reg Annex IV 4.2");
        v.see_total = v.see_direct;
        if (f->confidence < Confidence::High)
            v.notes.push_back(fmt::format("the default value of electricity used ({} tCO2e/MWh, {}) has {} confidence in the project's data: {}", f->factor.to_string(),
                                          f->where.to_string(), to_string(f->confidence), "one secondary source, not yet checked against the Official Journal"));
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
        if (!with_benchmark(v, cn, why)) return std::nullopt;
        if (c && c->good && c->good->complex) add_precursors(v, s);
        return v;
    }

    // What figures() writes alike for every good, made once: the texts of each quarter, and for
    // each price period the texts of its quarters' quantities and its price, traced (a traced
    // value is shared by those that use it, not copied).
    struct QuarterTexts {
        std::string quantity, embedded, fa_adjustment, certificates, cost;
    };
    std::vector<std::array<QuarterTexts, 4>> quarter_texts{};  // by price index, then quarter - 1
    std::vector<Traced> price_traced{};                         // by price index
    Traced no_deduction{};

    void prepare_figures() {
        for (const CertificatePrice& p : prices) {
            auto& texts = quarter_texts.emplace_back();
            for (int quarter = 1; quarter <= 4; ++quarter)
                texts[static_cast<std::size_t>(quarter - 1)] = QuarterTexts{
                    fmt::format("quantity imported in Q{} (price period {} to {})", quarter, p.first_day, p.last_day),
                    fmt::format("embedded emissions counted, Q{}", quarter), fmt::format("free-allocation adjustment, Q{}", quarter),
                    fmt::format("certificates owed, Q{}", quarter), fmt::format("cost of the certificates, Q{}, EUR", quarter)};
            price_traced.push_back(traced_input(Input{Quantity(p.eur, units::one()), p.where}, fmt::format("certificate price, EUR ({})", p.source)));
        }
        no_deduction = traced_constant(Quantity(0, units::tCO2e()), "no carbon price paid in the country of production is claimed", kArt9);
    }

    QuarterFigures figures(const Valuation& v, const Decimal& qty, int quarter, std::size_t pi, const Unit& unit, const CarbonPricePaid* cp) const {
        QuarterFigures q;
        q.quarter = quarter;
        q.price_index = pi;
        Unit t = units::tCO2e();
        const QuarterTexts& texts = quarter_texts[pi][static_cast<std::size_t>(quarter - 1)];  // a quarter of a checked date: 1 to 4
        q.quantity = traced_constant(Quantity(qty, unit), texts.quantity, "customs lines");
        q.embedded = traced_result((q.quantity.q * v.see_total.q).in(t), texts.embedded, "quantity × SEE", "CBAM Reg Art. 7",
                                   {{"quantity", q.quantity}, {"SEE", v.see_total}});
        Quantity fa = unit.same_dimension(units::t()) ? (q.quantity.q * v.sefa.q).in(t) : Quantity(0, t);
        q.fa_adjustment = traced_result(fa, texts.fa_adjustment, "quantity × SEFA", kFaRef, {{"quantity", q.quantity}, {"SEFA", v.sefa}});
        const Traced& price = price_traced[pi];
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
            q.deduction = no_deduction;
        }
        Decimal owed = q.embedded.value() - q.fa_adjustment.value() - q.deduction.value();
        if (owed.sign() < 0) owed = 0;
        q.certificates = traced_result(Quantity(owed, t), texts.certificates, "max(0, embedded − FA adjustment − deduction)", "CBAM Reg Art. 22 and 31",
                                       {{"embedded", q.embedded}, {"FA adjustment", q.fa_adjustment}, {"deduction", q.deduction}});
        q.cost = traced_result(Quantity(owed * price.value(), units::one()), texts.cost, "certificates × price", "CBAM Reg Art. 21 (price of certificates)",
                               {{"certificates", q.certificates}, {"price", price}});
        return q;
    }

    const CarbonPricePaid* carbon_price_for(const std::string& installation, const std::string& cn) const {
        const CarbonPricePaid* best = nullptr;
        for (const auto& c : carbon_prices)
            if (c.installation_id == installation && (c.cn_code.empty() || c.cn_code == cn) && (!best || !c.cn_code.empty())) best = &c;
        return best;
    }

    // The entry of one good of the year, or (no entry) why it cannot be valued. Reads the
    // builder only: goods can be valued on several threads at once.
    struct Valued {
        std::optional<DeclarationEntry> entry;
        std::string problem;
    };
    Valued value_good(const Key& k, const Acc& a) const {
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
            return {std::nullopt, fmt::format("CN {} from {} ({}): {}", k.taric.empty() ? k.cn : k.taric, k.origin,
                                              k.installation.empty() ? "no installation named" : "installation " + k.installation, why)};
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
        return {std::move(e), {}};
    }

    DeclarationResult finish(Diagnostics& diags) {
        DeclarationResult out;
        out.year = year;
        out.factors = factors;
        std::set<std::string> exempt_importers;
        for (const auto& [imp, mass] : mass_by_importer) {
            out.importers.push_back({imp, mass, mass <= Decimal(kDe_minimis_tonnes)});
            if (out.importers.back().exempt) exempt_importers.insert(imp);
        }
        auto exempt = [&](const std::string& importer) { return exempt_importers.count(importer) > 0; };
        out.line_counts = counts;
        for (const auto& [imp, n] : de_minimis_candidates)
            if (exempt(imp)) {
                out.line_counts.counted -= n;
                out.line_counts.de_minimis += n;
            }
        out.lines = std::move(lines);
        for (auto& l : out.lines) {
            if (l.status != "counted" || !l.may_be_de_minimis) continue;
            if (auto why = de_minimis_reason(out, l.importer)) {
                l.status = "de minimis";
                l.reason = std::move(*why);
            }
        }
        // Each good is valued on its own, so the goods can be valued in two halves side by side;
        // the entries, totals and findings are then taken in the goods' order, as on one thread.
        std::vector<std::pair<const Key*, const Acc*>> todo;
        for (const auto& [k, a] : goods)
            if (!(de_minimis_sector(a.sector) && exempt(k.importer))) todo.emplace_back(&k, &a);
        std::vector<Valued> valued(todo.size());
        auto value_goods = [&](std::size_t from, std::size_t to) {
            for (std::size_t i = from; i < to; ++i) valued[i] = value_good(*todo[i].first, *todo[i].second);
        };
        if (options.threads > 1 && todo.size() > 1) {
            auto upper = std::async(std::launch::async, value_goods, todo.size() / 2, todo.size());
            value_goods(0, todo.size() / 2);
            upper.get();
        } else {
            value_goods(0, todo.size());
        }
        for (std::size_t i = 0; i < todo.size(); ++i) {
            if (!valued[i].entry) {
                diags.add(todo[i].second->first, std::move(valued[i].problem));
                continue;
            }
            DeclarationEntry& e = *valued[i].entry;
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

std::optional<std::string> de_minimis_reason(const DeclarationResult& r, const std::string& importer) {
    auto m = std::lower_bound(r.importers.begin(), r.importers.end(), importer, [](const ImporterMass& m, const std::string& i) { return m.importer < i; });
    if (m == r.importers.end() || m->importer != importer || !m->exempt) return std::nullopt;
    return fmt::format("importer {} imported {} t of cement, iron and steel, aluminium and fertiliser goods in {}: not above {} t ({})", importer,
                       m->de_minimis_mass.to_string(), r.year, kDe_minimis_tonnes, kArt2a);
}

std::string year_factors_problem(int year, bool cscf_supplied, const PhaseInTable& table) {
    if (year < 2026) return fmt::format("expected a year from 2026 (the definitive period), found {}: for 2023-2025 use 'cbam report'", year);
    const PhaseIn* p = table.year(year);
    if (!p) return fmt::format("no CBAM factor is known for {} (cn_codes/phase_in.csv covers the phase-in years)", year);
    if (!p->cscf && !cscf_supplied)
        return fmt::format("the cross-sectoral correction factor for {} is not yet published (cn_codes/phase_in.csv): to declare {} now, supply it "
                           "with --cscf VALUE and say who supplies it and on what basis with --cscf-source TEXT; the outputs then say so",
                           year, year);
    if (p->cscf && cscf_supplied)
        return fmt::format("the cross-sectoral correction factor for {} is published ({}, {}): --cscf is only for years whose factor is not yet "
                           "published; a corrected act is a change of cn_codes/phase_in.csv", year, p->cscf->to_string(), p->source_cscf);
    return "";
}

DeclarationBuilder::DeclarationBuilder(int year, const SupplierData& suppliers, const std::vector<CarbonPricePaid>& carbon_prices,
                                       const std::vector<CertificatePrice>& prices, DeclarationData data, DeclarationOptions options)
    : impl_(std::make_unique<Impl>(Impl{year, suppliers, carbon_prices, prices, data, options, nullptr, {}, {}, {}, {}, {}, {}, {}})) {
    Diagnostics d;
    std::string problem = year_factors_problem(year, options.cscf.has_value(), *data.phase_in);
    if (!problem.empty()) d.add({"--year", 0, 0, ""}, problem);
    if (options.cscf && options.cscf->supplied_by.empty()) d.add({"--cscf-source", 0, 0, ""}, "expected who supplies the factor, and on what basis");
    if (options.cscf && (options.cscf->value.sign() <= 0 || options.cscf->value > Decimal(1)))
        d.add({"--cscf", 0, 0, ""}, fmt::format("expected a factor above 0 and at most 1, found {}", options.cscf->value.to_string()));
    if (!d.empty()) throw InputError(std::move(d));
    impl_->prepare_figures();
    const PhaseIn* p = impl_->phase = data.phase_in->year(year);
    YearFactors& f = impl_->factors;
    f.cbam_factor = constant(p->cbam_factor, units::one(), fmt::format("CBAM factor {} ({})", year, p->where.to_string()), p->source_cbam_factor);
    if (p->cscf) {
        f.cscf = constant(*p->cscf, units::one(), fmt::format("cross-sectoral correction factor {} ({})", year, p->where.to_string()), p->source_cscf);
    } else {
        f.cscf_supplied_by = options.cscf->supplied_by;
        f.cscf = constant(options.cscf->value, units::one(),
                          fmt::format("cross-sectoral correction factor {}: not yet published; SUPPLIED by the user: {}", year, options.cscf->supplied_by),
                          "supplied with --cscf (not a published act)");
    }
}

DeclarationBuilder::~DeclarationBuilder() = default;
void DeclarationBuilder::stream_lines(std::function<void(const LineStatusView&)> sink) { impl_->sink = std::move(sink); }
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
