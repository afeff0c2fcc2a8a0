#include "importers/template_installation_reader.h"

#include "core/text.h"
#include "importers/template_cells.h"
#include "io/template_map.h"
#include "io/xlsx.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

namespace cbam {

namespace {

// The template groups FeMn, FeCr and FeNi into one category; the registry has them apart (with
// the same rules). A process's alloy is that of its products' CN codes; without any, FeMn stands
// for the group (docs/communication-template.md).
constexpr const char* kAlloysStandIn = "FeMn";

struct ProcessBlock {
    int n = 0;
    std::string name;
    std::string category;  // the template's value ("Calcined clays ")
    std::string good;      // the registry's name ("Calcined clay")
    bool alloys = false;   // the template's "Alloys (FeMn, FeCr, FeNi)"
    std::size_t index = 0;  // in inst.processes
};

struct PurchasedBlock {
    int n = 0;
    std::string name, category, good;
};

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}

class Reader {
public:
    Reader(const xlsx::Workbook& wb, const TemplateMap& map, const CnRegistry& cn, const Countries& countries)
        : wb_(wb), map_(map), cn_(cn), countries_(countries), t_(wb, map, diags_) {}

    Installation read() {
        inst_.directory = wb_.file();
        installation();
        categories();
        processes();
        purchased();
        products();
        for (const auto& p : procs_) production(p);
        for (const auto& pp : purchased_) purchases(pp);
        if (!diags_.empty()) throw InputError(std::move(diags_));
        return std::move(inst_);
    }

private:
    // -------------------------------------------------------------------- A_InstData
    void installation() {
        inst_.period_start = t_.date("installation.period_start", 0, 0, true).value_or("");
        inst_.period_end = t_.date("installation.period_end", 0, 0, true).value_or("");
        if (!inst_.period_start.empty() && !inst_.period_end.empty() && inst_.period_end < inst_.period_start)
            t_.error("installation.period_end", 0, 0,
                     fmt::format("expected a date not before the start of the period ({}), found {}", inst_.period_start, inst_.period_end));
        inst_.name = t_.text("installation.name", 0, 0, true).value_or("");
        // The template has no installation identifier: its English name stands for it.
        inst_.id = inst_.name;
        inst_.where = t_.at("installation.name");
        if (const TemplateListItem* c = t_.code("installation.country", 0, 0, {}, true)) {
            if (!countries_.find(c->code))
                t_.error("installation.country", 0, 0, fmt::format("the country \"{}\" has the code {}, which is not an ISO 3166-1 country code cbam knows",
                                                                   c->value, c->code));
            else
                inst_.country = c->code;
        }
        auto opt = [&](const char* field, std::string& out) { out = t_.text(field).value_or(""); };
        opt("installation.name_local", inst_.name_local);
        opt("installation.street", inst_.street);
        opt("installation.economic_activity", inst_.economic_activity);
        opt("installation.post_code", inst_.post_code);
        opt("installation.po_box", inst_.po_box);
        opt("installation.city", inst_.city);
        opt("installation.unlocode", inst_.unlocode);
        opt("installation.latitude", inst_.latitude);
        opt("installation.longitude", inst_.longitude);
        opt("installation.representative", inst_.representative);
        opt("installation.email", inst_.email);
        opt("installation.telephone", inst_.telephone);
    }

    // The goods categories G1-G10 and their routes: a process's category must be one of them.
    void categories() {
        const TemplateField& f = map_.field("good.category");
        for (int g = 0; g < f.count; ++g) {
            const TemplateListItem* c = t_.code("good.category", g);
            if (!c) continue;
            declared_.insert(c->value);
            for (int r = 0; r < map_.field("good.route").items; ++r) {
                // Routes are those of the category ("All production routes" where it has none).
                if (!t_.blank("good.route", g, r) && map_.list("route", c->value).empty())
                    t_.error("good.route", g, r, fmt::format("\"{}\" has no production routes to choose", c->value));
                else
                    t_.code("good.route", g, r, c->value);
            }
        }
    }

    // Process blocks P1-P10 whose category is given (names checked unique).
    void processes() {
        const TemplateField& f = map_.field("process.category");
        std::map<std::string, int> names;
        for (int n = 0; n < f.count; ++n) {
            if (t_.blank("process.category", n)) {
                if (!t_.blank("process.name", n))
                    t_.error("process.name", n, 0, "a process name without its aggregated goods category (column E): give the category");
                orphan_data("D_Processes", n, fmt::format("P{} has values but no process P{} is defined in {}", n + 1, n + 1,
                                                          t_.at("process.category", n).place()));
                continue;
            }
            const TemplateListItem* c = t_.code("process.category", n, 0, {}, true);
            if (!c) continue;
            if (!declared_.count(c->value))
                t_.error("process.category", n, 0,
                         fmt::format("\"{}\" is not one of the goods categories listed in A_InstData E62:E71: list it there first", c->value));
            for (int k = 0; k < map_.field("process.boundary").items; ++k) {
                const TemplateListItem* b = t_.code("process.boundary", n, k, {});
                if (b && !b->of.empty() && b->of != c->value)
                    t_.error("process.boundary", n, k, fmt::format("\"{}\" is not a category the process of \"{}\" may include", b->value, c->value));
            }
            ProcessBlock p;
            p.n = n;
            p.category = c->value;
            p.alloys = c->code.find('|') != std::string::npos;
            p.good = p.alloys ? kAlloysStandIn : c->code;
            if (!cn_.good(p.good)) {
                t_.error("process.category", n, 0, fmt::format("the category \"{}\" has no aggregated good \"{}\" in cbam's registry", c->value, p.good));
                continue;
            }
            p.name = t_.text("process.name", n).value_or(fmt::format("P{} - {}", n + 1, c->value));
            auto [it, fresh] = names.emplace(p.name, n);
            if (!fresh) {
                t_.error("process.name", n, 0, fmt::format("the process name \"{}\" is already used by P{}: names identify processes, they must differ",
                                                           p.name, it->second + 1));
                continue;
            }
            ProductionProcess pp;
            pp.id = p.name;
            pp.aggregated_good = p.good;
            pp.where = t_.at("process.category", n);
            p.index = inst_.processes.size();
            inst_.processes.push_back(std::move(pp));
            procs_.push_back(p);
        }
    }

    // Purchased precursors PP1-PP20 whose category is given.
    void purchased() {
        const TemplateField& f = map_.field("purchased.category");
        std::set<std::string> names;
        for (int n = 0; n < f.count; ++n) {
            if (t_.blank("purchased.category", n)) {
                orphan_data("E_PurchPrec", n, fmt::format("PP{} has values but no purchased precursor PP{} is defined in {}", n + 1, n + 1,
                                                          t_.at("purchased.category", n).place()));
                continue;
            }
            const TemplateListItem* c = t_.code("purchased.category", n, 0, {}, true);
            if (!c) continue;
            PurchasedBlock b;
            b.n = n;
            b.category = c->value;
            b.good = c->code.find('|') != std::string::npos ? kAlloysStandIn : c->code;
            b.name = t_.text("purchased.name", n).value_or(fmt::format("PP{} - {}", n + 1, c->value));
            if (!names.insert(b.name).second) {
                t_.error("purchased.name", n, 0, fmt::format("the precursor name \"{}\" is used twice: names identify precursors, they must differ", b.name));
                continue;
            }
            for (int r = 0; r < map_.field("purchased.route").items; ++r) t_.code("purchased.route", n, r, c->value);
            purchased_.push_back(b);
        }
    }

    // Values in a block of `sheet` whose process or precursor is not defined.
    void orphan_data(const std::string& sheet, int n, const std::string& message) {
        for (const TemplateField& f : map_.fields()) {
            if (f.sheet != sheet || !f.input || f.count <= n) continue;
            for (int i = 0; i < f.items; ++i)
                if (!t_.blank(f.name, n, i)) {
                    diags_.add(t_.at(f.name, n, i), message);
                    return;
                }
        }
    }

    const ProcessBlock* process_named(const std::string& name) const {
        for (const auto& p : procs_)
            if (p.name == name) return &p;
        return nullptr;
    }
    const ProcessBlock* process_number(int n) const {
        for (const auto& p : procs_)
            if (p.n == n) return &p;
        return nullptr;
    }
    std::string process_names() const {
        std::vector<std::string> v;
        for (const auto& p : procs_) v.push_back("\"" + p.name + "\"");
        return v.empty() ? "none" : join(v, ", ");
    }

    // -------------------------------------------------------------------- Summary_Products
    void products() {
        const TemplateField& f = map_.field("product.process");
        std::map<std::size_t, std::set<std::string>> alloys_of;  // process index -> alloys of its CN codes
        for (int r = 0; r < f.count; ++r) {
            bool any = !t_.blank("product.process", r) || !t_.blank("product.cn_code", r) || !t_.blank("product.name", r);
            if (!any) continue;
            auto name = t_.text("product.process", r, 0, true);
            auto code = t_.text("product.cn_code", r, 0, true);
            t_.text("product.name", r);
            if (!name) continue;
            const ProcessBlock* p = process_named(*name);
            if (!p) {
                t_.error("product.process", r, 0, fmt::format("the process \"{}\" is not defined in A_InstData (its processes: {})", *name, process_names()));
                continue;
            }
            if (!code) continue;
            std::string digits;
            for (char ch : *code)
                if (ch != ' ' && ch != '.') digits += ch;
            if (!is_digits(digits, 8)) {
                t_.error("product.cn_code", r, 0, fmt::format("expected an 8-digit CN code, found \"{}\"", *code));
                continue;
            }
            std::string err;
            auto c = cn_.classify(digits, &err);
            ProductionProcess& pp = inst_.processes[p->index];
            if (!c) {
                t_.error("product.cn_code", r, 0, err);
            } else if (!c->in_scope) {
                t_.error("product.cn_code", r, 0, fmt::format("CN code {} is not a CBAM good: {}", digits, c->reason));
            } else if (p->alloys ? !(c->good && (c->good->name == "FeMn" || c->good->name == "FeCr" || c->good->name == "FeNi"))
                                 : !CnRegistry::covers(*cn_.good(p->good), digits)) {
                t_.error("product.cn_code", r, 0,
                         fmt::format("CN code {} does not belong to \"{}\", the category of process \"{}\"{}", digits, p->category, p->name,
                                     c->good ? fmt::format(" (it belongs to \"{}\")", c->good->name) : ""));
            } else {
                if (p->alloys) alloys_of[p->index].insert(c->good->name);
                if (std::find(pp.cn_codes.begin(), pp.cn_codes.end(), digits) == pp.cn_codes.end()) pp.cn_codes.push_back(digits);
            }
        }
        for (const auto& [index, alloys] : alloys_of) {
            if (alloys.size() == 1) {
                inst_.processes[index].aggregated_good = *alloys.begin();
                for (auto& p : procs_)
                    if (p.index == index) p.good = *alloys.begin();
            } else {
                const ProcessBlock* p = nullptr;
                for (const auto& b : procs_)
                    if (b.index == index) p = &b;
                t_.error("process.category", p->n, 0,
                         fmt::format("process \"{}\" makes {} by its products' CN codes: cbam needs one alloy per process; split the "
                                     "process into one per alloy", p->name, join({alloys.begin(), alloys.end()}, " and ")));
            }
        }
    }

    // -------------------------------------------------------------------- D_Processes
    void production(const ProcessBlock& p) {
        ProductionProcess& pp = inst_.processes[p.index];
        const bool electricity = p.good == "Electricity";
        const Unit gu = electricity ? units::MWh() : units::t();
        const int n = p.n;
        auto routes = map_.list("route", p.category);

        // (a) production per route: the activity level is their total.
        Decimal total;
        std::vector<std::string> used;
        std::vector<SourceLocation> given;
        for (int k = 0; k < map_.field("process.production").items; ++k) {
            auto v = t_.number("process.production", n, k, gu);
            if (!v) continue;
            if (k >= static_cast<int>(routes.size())) {
                t_.error("process.production", n, k, fmt::format("\"{}\" has {} production route{}: this row belongs to none", p.category,
                                                                 routes.size(), routes.size() == 1 ? "" : "s"));
                continue;
            }
            total += v->q.value();
            given.push_back(v->where);
            if (v->q.value().sign() > 0) used.push_back(routes[static_cast<std::size_t>(k)]->value);
        }
        SourceLocation total_at = t_.at("process.production_total", n);
        total_at.field = "total of the production per route";
        if (given.empty()) {
            t_.error("process.production", n, 0, fmt::format("expected the production of \"{}\" in the period (the activity level, by which its "
                                                             "emissions are divided), found an empty cell",
                                                             p.name));
        } else if (total.sign() <= 0) {
            diags_.add(total_at, fmt::format("P{}: the production of \"{}\" totals 0: its specific emissions cannot be computed", n + 1, p.name));
        }
        pp.activity_level = Input{Quantity(total, gu), given.size() == 1 ? given.front() : total_at};
        pp.route = join(used, "; ");

        // (b) to (e): what is produced is used somewhere, and precursors to other processes.
        Decimal uses;
        if (auto b = t_.number("process.to_market", n, 0, gu)) uses += b->q.value();
        if (auto d = t_.number("process.non_cbam", n, 0, gu)) uses += d->q.value();
        for (int k = 0; k < map_.field("process.consumed_in").items; ++k) {
            auto m = t_.number("process.consumed_in", n, k, gu);
            if (!m) continue;
            uses += m->q.value();
            if (m->q.value().is_zero()) continue;
            int consumer_n = k < n ? k : k + 1;  // the rows list the other processes in order, this one left out
            const ProcessBlock* consumer = process_number(consumer_n);
            if (!consumer) {
                t_.error("process.consumed_in", n, k, fmt::format("\"{}\" is consumed in P{}, which A_InstData does not define (its processes: {})",
                                                                  p.name, consumer_n + 1, process_names()));
                continue;
            }
            PrecursorInput in;
            in.process_id = consumer->name;
            in.precursor = p.good;
            in.mass = *m;
            in.from_process = p.name;
            in.where = m->where;
            in.from_where = m->where;
            inst_.precursors.push_back(std::move(in));
        }
        if (!given.empty() && uses != total) {
            SourceLocation control = t_.at("process.control", n);
            diags_.add(control, fmt::format("P{}: the production of \"{}\" ({} {}) does not add up to what it is used for: market, other "
                                            "processes and non-CBAM goods give {} {} (the template's control (e) must be 0)",
                                            n + 1, p.name, total.to_string(), gu.symbol(), uses.to_string(), gu.symbol()));
        }

        // (f) relevance flags: read for their type only (the template computes with the cells below either way).
        t_.boolean("process.heat_relevant", n);
        t_.boolean("process.waste_gas_relevant", n);

        // (g) DirEm*
        pp.direct_emissions = t_.number("process.direct_emissions", n, 0, units::tCO2e(), true);

        // (h) measurable heat
        heat(p, "process.heat_imported", "process.heat_imported_ef", false);
        heat(p, "process.heat_exported", "process.heat_exported_ef", true);

        // (i) waste gases, in TJ (their emission factors do not enter the calculation)
        for (bool exported : {false, true}) {
            auto q = t_.number(exported ? "process.waste_gas_exported" : "process.waste_gas_imported", n, 0, units::TJ());
            t_.number(exported ? "process.waste_gas_exported_ef" : "process.waste_gas_imported_ef", n, 0, units::tCO2e_per_TJ());
            if (!q || q->q.value().is_zero()) continue;
            WasteGasFlow w;
            w.process_id = p.name;
            w.exported = exported;
            w.amount = *q;
            w.where = q->where;
            inst_.waste_gases.push_back(std::move(w));
        }

        // (j) electricity consumed
        auto e = t_.number("process.electricity_consumed", n, 0, units::MWh());
        auto ef = t_.number("process.electricity_ef", n, 0, units::tCO2e_per_MWh());
        const TemplateListItem* src = t_.code("process.electricity_ef_source", n);
        if (e && e->q.value().sign() > 0) {
            if (!ef) t_.error("process.electricity_ef", n, 0, "expected the emission factor of the electricity consumed, found an empty cell");
            if (!src && t_.blank("process.electricity_ef_source", n))
                t_.error("process.electricity_ef_source", n, 0, "expected the source of that emission factor (D.4(a) ... Mix), found an empty cell");
            if (ef && src) {
                ElectricityFlow f;
                f.process_id = p.name;
                f.quantity = *e;
                f.emission_factor = *ef;
                f.source = src->code;
                f.factor_source = src->value;
                f.where = e->where;
                inst_.electricity.push_back(std::move(f));
            }
        }

        // (k) electricity produced in the process and exported
        auto x = t_.number("process.electricity_exported", n, 0, units::MWh());
        auto xef = t_.number("process.electricity_exported_ef", n, 0, units::tCO2e_per_MWh());
        if (x && x->q.value().sign() > 0) {
            if (electricity)
                t_.error("process.electricity_exported", n, 0, fmt::format("\"{}\" makes electricity as its good: what it produces is its "
                                                                           "production (a), not electricity exported (k)",
                                                                           p.name));
            else if (!xef)
                t_.error("process.electricity_exported_ef", n, 0, "expected the emission factor of the electricity exported, found an empty cell");
            else {
                ElectricityFlow f;
                f.process_id = p.name;
                f.produced = true;
                f.quantity = *x;
                f.emission_factor = *xef;
                f.source = "own_production";
                f.where = x->where;
                inst_.electricity.push_back(std::move(f));
            }
        }
    }

    void heat(const ProcessBlock& p, const char* qty_field, const char* ef_field, bool exported) {
        auto q = t_.number(qty_field, p.n, 0, units::TJ());
        auto ef = t_.number(ef_field, p.n, 0, units::tCO2e_per_TJ());
        if (!q || q->q.value().is_zero()) return;
        if (!ef) {
            // The template would count this heat's emissions as 0 (a blank factor), which is not a
            // default cbam may assume.
            t_.error(ef_field, p.n, 0, fmt::format("expected the emission factor of the heat {} ({} TJ), found an empty cell; if it is "
                                                   "unknown, the guidance is the fuel's emission factor divided by 0.9",
                                                   exported ? "exported" : "imported", q->q.value().to_string()));
            return;
        }
        HeatFlow h;
        h.process_id = p.name;
        h.exported = exported;
        h.quantity = *q;
        h.emission_factor = *ef;
        h.where = q->where;
        inst_.heat.push_back(std::move(h));
    }

    // -------------------------------------------------------------------- E_PurchPrec
    void purchases(const PurchasedBlock& b) {
        const int n = b.n;
        const bool electricity = b.good == "Electricity";
        const Unit gu = electricity ? units::MWh() : units::t();
        auto routes = map_.list("route", b.category);
        Decimal total, uses;
        for (int k = 0; k < map_.field("purchased.amount").items; ++k) {
            auto v = t_.number("purchased.amount", n, k, gu);
            if (!v) continue;
            if (k >= static_cast<int>(routes.size()))
                t_.error("purchased.amount", n, k, fmt::format("\"{}\" has {} production route{}: this row belongs to none", b.category,
                                                               routes.size(), routes.size() == 1 ? "" : "s"));
            total += v->q.value();
        }
        Supplier s;
        s.id = b.name;
        s.name = b.name;
        s.precursor = b.good;
        s.where = t_.at("purchased.category", n);
        if (const TemplateListItem* c = t_.code("purchased.country", n, 0, {}, true)) {
            if (!countries_.find(c->code))
                t_.error("purchased.country", n, 0, fmt::format("\"{}\" is not an ISO 3166-1 country code cbam knows", c->code));
            s.country = c->code;
        }
        for (int k = 0; k < map_.field("purchased.consumed_in").items; ++k) {
            auto m = t_.number("purchased.consumed_in", n, k, gu);
            if (!m) continue;
            uses += m->q.value();
            if (m->q.value().is_zero()) continue;
            const ProcessBlock* consumer = process_number(k);
            if (!consumer) {
                t_.error("purchased.consumed_in", n, k, fmt::format("\"{}\" is consumed in P{}, which A_InstData does not define (its processes: {})",
                                                                    b.name, k + 1, process_names()));
                continue;
            }
            PrecursorInput in;
            in.process_id = consumer->name;
            in.precursor = b.good;
            in.mass = *m;
            in.supplier_id = s.id;
            in.where = m->where;
            in.from_where = m->where;
            inst_.precursors.push_back(std::move(in));
        }
        if (auto o = t_.number("purchased.other_use", n, 0, gu)) uses += o->q.value();
        if (uses != total)
            diags_.add(t_.at("purchased.control", n),
                       fmt::format("PP{}: the amount of \"{}\" purchased ({} {}) does not add up to what is consumed and otherwise used ({} {}) "
                                   "(the template's control (d) must be 0)",
                                   n + 1, b.name, total.to_string(), gu.symbol(), uses.to_string(), gu.symbol()));

        const Unit see_unit = units::tCO2e() / gu;
        auto see = t_.number("purchased.see_direct", n, 0, see_unit, true);
        const TemplateListItem* see_src = t_.code("purchased.see_direct_source", n, 0, {}, see.has_value());
        auto spec = t_.number("purchased.specific_electricity", n, 0, units::MWh() / gu);
        const TemplateListItem* spec_src = t_.code("purchased.specific_electricity_source", n, 0, {}, spec.has_value());
        auto ef = t_.number("purchased.electricity_ef", n, 0, units::tCO2e_per_MWh());
        // The factor's source may be blank: it does not enter the SEE, the template computes without
        // it (flagging it, which check-template reports), and cbam's own filled templates leave it
        // blank where suppliers.csv gives the SEE (indirect) itself (docs/communication-template.md).
        const TemplateListItem* ef_src = t_.code("purchased.electricity_ef_source", n, 0, {}, false);
        t_.code("purchased.default_justification", n);
        if (spec && !ef) t_.error("purchased.electricity_ef", n, 0, "expected the emission factor of the precursor's electricity, found an empty cell");
        if (ef && !spec) t_.error("purchased.specific_electricity", n, 0, "expected the precursor's specific electricity consumption, found an empty cell");
        if (see) s.see_direct = *see;
        // Without both, the indirect SEE is 0, as the template counts it.
        s.see_indirect = Input{Quantity(0, see_unit), t_.at("purchased.see_indirect", n)};
        if (spec && ef) {
            s.specific_electricity = *spec;
            s.electricity_factor = *ef;
            if (ef_src) s.electricity_factor_source = ef_src->value;
        }
        s.default_values = (see_src && see_src->code == "default") || (spec_src && spec_src->code == "default");
        if (see) inst_.suppliers.push_back(std::move(s));
    }

    const xlsx::Workbook& wb_;
    const TemplateMap& map_;
    const CnRegistry& cn_;
    const Countries& countries_;
    Diagnostics diags_;
    TemplateCells t_;
    Installation inst_;
    std::set<std::string> declared_;  // goods categories of A_InstData E62:E71
    std::vector<ProcessBlock> procs_;
    std::vector<PurchasedBlock> purchased_;
};

}  // namespace

std::string templates_dir() { return (std::filesystem::path(data_dir()) / "templates").string(); }

Installation read_installation_template(const std::string& path, const CnRegistry& cn, const Countries& countries, const std::string& dir) {
    xlsx::Workbook wb = xlsx::Workbook::open(path);
    TemplateMap map = map_for_workbook(wb, dir.empty() ? templates_dir() : dir);
    return Reader(wb, map, cn, countries).read();
}

}  // namespace cbam
