#include "writers/communication_template.h"

#include "calc/source_emissions.h"
#include "core/text.h"
#include "io/template_map.h"
#include "io/xlsx_edit.h"
#include "registry/cn_registry.h"
#include "registry/factors.h"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

namespace cbam {

namespace fs = std::filesystem;

std::string default_template_dir() {
    if (const char* env = std::getenv("CBAM_TEMPLATE_DIR"); env && *env) return env;
    const std::string fallback = CBAM_TEMPLATE_DIR_FALLBACK;
    return !fallback.empty() ? fallback : (fs::path(data_dir()) / ".." / "shared" / "templates").lexically_normal().string();
}

std::string default_blank_template(const std::string& dir) {
    auto versions = TemplateMap::versions(data_dir() + "/templates");
    std::string version = versions.empty() ? "20241213" : versions.back();
    return (fs::path(dir) / ("CBAM Communication template for installations_en_" + version + ".xlsx")).string();
}

namespace {

using xlsx::CellRef;

const Unit& kNm3k() {
    static const Unit u = *Unit::parse("1000Nm3");
    return u;
}

// Everything the filling needs, and the problems and notices it collects.
class Filler {
public:
    Filler(const Installation& inst, const CalcResult& result, const TemplateMap& map, const xlsx::Workbook& blank,
           xlsx::WorkbookEditor& ed)
        : inst_(inst), result_(result), map_(map), blank_(blank), ed_(ed) {}

    std::vector<std::string> run() {
        plan();
        if (!diags_.empty()) throw InputError(std::move(diags_));
        installation();
        categories_and_processes();
        processes();
        purchased();
        products();
        emissions();
        ed_.recalculate_on_open();
        return notices_;
    }

private:
    struct Purchased {
        const Supplier* supplier = nullptr;
        const PrecursorContribution* first = nullptr;  // the figures used (same for every row of one supplier)
        std::vector<const PrecursorContribution*> rows;
    };

    // --- cells -----------------------------------------------------------------------------------

    CellRef at(const TemplateField& f, int block, int item) const { return f.cell(block, item); }
    void number(const char* field, const Decimal& v, int block = 0, int item = 0) {
        const TemplateField& f = map_.field(field);
        ed_.set_number(f.sheet, at(f, block, item), v);
    }
    void text(const char* field, const std::string& v, int block = 0, int item = 0) {
        const TemplateField& f = map_.field(field);
        ed_.set_text(f.sheet, at(f, block, item), v);
    }
    void boolean(const char* field, bool v, int block = 0, int item = 0) {
        const TemplateField& f = map_.field(field);
        ed_.set_bool(f.sheet, at(f, block, item), v);
    }
    void date(const char* field, const std::string& v) {
        const TemplateField& f = map_.field(field);
        ed_.set_date(f.sheet, at(f, 0, 0), v);
    }
    std::string ref(const char* field, int block = 0, int item = 0) const { return map_.field(field).ref(block, item); }

    // The template's value of a code list item, by what it means to cbam.
    const TemplateListItem* by_code(std::string_view list, std::string_view code, std::string_view of = {}) const {
        for (const TemplateListItem* item : map_.list(list, of))
            if (item->code == code) return item;
        for (const TemplateListItem* item : map_.list(list, of)) {
            std::istringstream codes(item->code);  // "FeMn FeCr FeNi": one item for several codes
            for (std::string c; codes >> c;)
                if (c == code) return item;
        }
        return nullptr;
    }
    const std::string& category(const std::string& good) const { return category_.at(good); }

    // --- what goes where, and what cannot be represented ------------------------------------------

    void plan() {
        const auto& cap_proc = map_.field("process.name");
        const auto& cap_pp = map_.field("purchased.name");
        const auto& cap_prod = map_.field("product.process");
        const auto& cap_good = map_.field("good.category");
        const auto& cap_other = map_.field("process.consumed_in");

        auto need_category = [&](const std::string& good, const SourceLocation& where) {
            if (category_.count(good)) return;
            if (const TemplateListItem* item = by_code("category", good)) category_.emplace(good, item->value);
            else diags_.add(where, fmt::format("the template of version {} has no aggregated goods category for \"{}\"", map_.version(), good));
        };
        if (static_cast<int>(inst_.processes.size()) > cap_proc.count)
            diags_.add(inst_.processes[static_cast<std::size_t>(cap_proc.count)].where,
                       fmt::format("the installation has {} production processes; the template holds {} ({}): merge processes or "
                                   "fill the template for part of them by hand",
                                   inst_.processes.size(), cap_proc.count, ref("process.name")));
        for (const auto& p : inst_.processes) need_category(p.aggregated_good, p.where);

        // purchased precursors: one block per supplier, in the order of first use
        for (const auto& r : result_.processes)
            for (const auto& c : r.precursors) {
                if (c.input->supplier_id.empty()) continue;
                auto it = std::find_if(purchased_.begin(), purchased_.end(), [&](const Purchased& p) { return p.supplier->id == c.input->supplier_id; });
                if (it == purchased_.end()) {
                    const Supplier* s = nullptr;
                    for (const auto& x : inst_.suppliers)
                        if (x.id == c.input->supplier_id) s = &x;
                    if (!s) continue;  // the calculation has refused it already
                    purchased_.push_back({s, &c, {}});
                    it = purchased_.end() - 1;
                }
                it->rows.push_back(&c);
            }
        std::sort(purchased_.begin(), purchased_.end(), [&](const Purchased& a, const Purchased& b) {
            return a.first->input->where.line < b.first->input->where.line;
        });
        if (static_cast<int>(purchased_.size()) > cap_pp.count)
            diags_.add(purchased_[static_cast<std::size_t>(cap_pp.count)].supplier->where,
                       fmt::format("the installation buys precursors from {} suppliers; the template holds {} purchased precursors ({})",
                                   purchased_.size(), cap_pp.count, ref("purchased.name")));
        for (const auto& pp : purchased_) {
            need_category(pp.supplier->precursor, pp.supplier->where);
            if (inst_.process(pp.supplier->id))
                diags_.add(pp.supplier->where, fmt::format("supplier \"{}\" has the name of a production process: the template tells processes and "
                                                           "purchased precursors apart by name only; rename one of them",
                                                           pp.supplier->id));
            if (!pp.supplier->country.empty() && !map_.lookup("country_code", pp.supplier->country)) {
                SourceLocation loc = pp.supplier->where;
                loc.field = "country";
                diags_.add(loc, fmt::format("country \"{}\" is not in the template's list of countries ({})", pp.supplier->country,
                                            ref("purchased.country")));
            }
        }

        // goods categories G1-G10: those of the processes, in order
        for (const auto& p : inst_.processes) {
            auto c = category_.find(p.aggregated_good);
            if (c != category_.end() && std::find(goods_.begin(), goods_.end(), c->second) == goods_.end()) goods_.push_back(c->second);
        }
        if (static_cast<int>(goods_.size()) > cap_good.count)
            diags_.add(inst_.where, fmt::format("the installation makes goods of {} aggregated goods categories; the template holds {} ({})",
                                                goods_.size(), cap_good.count, ref("good.category")));
        if (static_cast<int>(inst_.processes.size()) - 1 > cap_other.items)
            diags_.add(inst_.where, "more processes than the template can show as consumers of one another");

        // products: one row per process and CN code
        std::size_t products = 0;
        for (const auto& p : inst_.processes) products += p.cn_codes.size();
        if (static_cast<int>(products) > cap_prod.count)
            diags_.add(inst_.where, fmt::format("the installation's processes make {} products (process and CN code); the template holds {} ({})",
                                                products, cap_prod.count, ref("product.process")));

        // routes, and the goods each process hands to the others
        for (const auto& r : result_.processes) {
            const ProductionProcess& p = *r.process;
            if (!category_.count(p.aggregated_good)) continue;
            route_.emplace(p.id, route_of(p));
            Decimal internal;
            for (const auto& q : result_.processes)
                for (const auto& c : q.precursors)
                    if (c.input->from_process == p.id) internal += c.mass.q.value_in(units::t());
            const Decimal al = r.activity_level.value();
            if (internal > al) {
                SourceLocation loc = p.activity_level.where;
                diags_.add(loc, fmt::format("the other processes consume {} t of the good of process {}, more than the {} {} it makes: the "
                                            "template's production balance ((a) = (b) + (c) + (d), {}) cannot hold that",
                                            internal.to_string(), p.id, al.to_string(), r.good_unit.symbol(), ref("process.control")));
            }
        }
    }

    // The template's route of a process: the one its route text begins with (case aside), or, for a
    // category with routes, "Unknown production routes" when none does.
    const TemplateListItem* route_of(const ProductionProcess& p) {
        auto routes = map_.list("route", category(p.aggregated_good));
        if (routes.size() == 1) return routes.front();  // "All production routes"
        const TemplateListItem* unknown = nullptr;
        for (const TemplateListItem* r : routes) {
            std::string v = r->value;
            if (p.route.size() >= v.size() && iequals(std::string_view(p.route).substr(0, v.size()), v)) return r;
            if (iequals(v, "Unknown production routes")) unknown = r;
        }
        std::string names;
        for (const TemplateListItem* r : routes) names += (names.empty() ? "\"" : ", \"") + r->value + "\"";
        notices_.push_back(fmt::format("process {}: its route \"{}\" names none of the template's routes for {} ({}); it is entered as \"{}\". "
                                       "To choose one, begin the route in processes.csv with its name",
                                       p.id, p.route, category(p.aggregated_good), names, unknown ? unknown->value : routes.back()->value));
        return unknown ? unknown : routes.back();
    }
    int route_index(const TemplateListItem* r) const { return std::stoi(r->code) - 1; }

    // --- A_InstData ------------------------------------------------------------------------------

    void installation() {
        date("installation.period_start", inst_.period_start);
        date("installation.period_end", inst_.period_end);
        text("installation.name", inst_.name);
        for (const auto& [field, value] :
             {std::pair{"installation.name_local", &inst_.name_local}, {"installation.street", &inst_.street},
              {"installation.economic_activity", &inst_.economic_activity}, {"installation.post_code", &inst_.post_code},
              {"installation.po_box", &inst_.po_box}, {"installation.city", &inst_.city}, {"installation.unlocode", &inst_.unlocode},
              {"installation.latitude", &inst_.latitude}, {"installation.longitude", &inst_.longitude},
              {"installation.representative", &inst_.representative}, {"installation.email", &inst_.email},
              {"installation.telephone", &inst_.telephone}})
            if (!value->empty()) text(field, *value);
        if (const TemplateListItem* c = map_.lookup("country_code", inst_.country)) text("installation.country", c->value);
        else notices_.push_back(fmt::format("the installation's country \"{}\" is not in the template's list: choose it in {}", inst_.country,
                                            ref("installation.country")));
    }

    void categories_and_processes() {
        for (std::size_t g = 0; g < goods_.size(); ++g) {
            int b = static_cast<int>(g);
            text("good.category", goods_[g], b);
            // the routes of the category's processes (none to choose where the category has one route only)
            std::vector<const TemplateListItem*> routes;
            for (const auto& p : inst_.processes) {
                const TemplateListItem* r = route_.at(p.id);
                if (category(p.aggregated_good) == goods_[g] && map_.list("route", goods_[g]).size() > 1 &&
                    std::find(routes.begin(), routes.end(), r) == routes.end())
                    routes.push_back(r);
            }
            for (std::size_t i = 0; i < routes.size(); ++i) text("good.route", routes[i]->value, b, static_cast<int>(i));
        }
        const TemplateListItem* only = nullptr;
        for (const TemplateListItem* item : map_.list("boundary"))
            if (item->of.empty()) only = item;  // "Only direct production"
        for (std::size_t i = 0; i < inst_.processes.size(); ++i) {
            const ProductionProcess& p = inst_.processes[i];
            int b = static_cast<int>(i);
            text("process.category", category(p.aggregated_good), b);
            if (only) text("process.boundary", only->value, b, 0);
            text("process.name", p.id, b);
        }
    }

    // --- D_Processes -----------------------------------------------------------------------------

    static Decimal ratio(const Decimal& num, const Decimal& den) { return den.is_zero() ? Decimal(0) : num / den; }

    void processes() {
        for (std::size_t i = 0; i < inst_.processes.size(); ++i) {
            const ProductionProcess& p = inst_.processes[i];
            const ProcessResult& r = *result_.process(p.id);
            const int b = static_cast<int>(i);
            const Decimal al = r.activity_level.value();  // t, or MWh for electricity
            number("process.production", al, b, route_index(route_.at(p.id)));

            // (c) consumed in each other process, the k-th other process in order
            Decimal internal;
            int k = 0;
            for (std::size_t j = 0; j < inst_.processes.size(); ++j) {
                if (j == i) continue;
                Decimal m;
                for (const auto& c : result_.process(inst_.processes[j].id)->precursors)
                    if (c.input->from_process == p.id) m += c.mass.q.value_in(units::t());
                if (!m.is_zero()) number("process.consumed_in", m, b, k);
                internal += m;
                ++k;
            }
            number("process.to_market", al - internal, b);

            bool heat = false, waste_gas = false;
            Decimal q_imp, q_exp, wg_imp, wg_exp, el_cons, el_prod;
            for (const auto& h : inst_.heat)
                if (h.process_id == p.id) {
                    heat = true;
                    (h.exported ? q_exp : q_imp) += h.quantity.q.value_in(units::TJ());
                }
            for (const auto& w : inst_.waste_gases)
                if (w.process_id == p.id) {
                    waste_gas = true;
                    (w.exported ? wg_exp : wg_imp) += (w.ncv ? w.amount.q * w.ncv->q : w.amount.q).value_in(units::TJ());
                }
            for (const auto& e : inst_.electricity)
                if (e.process_id == p.id) (e.produced ? el_prod : el_cons) += e.quantity.q.value_in(units::MWh());
            boolean("process.heat_relevant", heat, b);
            boolean("process.waste_gas_relevant", waste_gas, b);

            const AttributedEmissions& a = r.attributed;
            auto t = [](const Traced& x) { return x.q.value_in(units::tCO2e()); };
            // DirEm*: the sum of the process's sources; each correction by its symbol (0 when absent)
            Decimal dir_em;
            auto correction = [&](std::string_view symbol) {
                for (const AttributedTerm& term : a.direct_terms)
                    if (!term.source && term.label == symbol) return t(term.value);
                return Decimal(0);
            };
            for (const AttributedTerm& term : a.direct_terms)
                if (term.source) dir_em += Decimal(term.sign) * t(term.value);
            number("process.direct_emissions", dir_em, b);
            // Heat: one amount and one factor each way; several rows become their total and the
            // factor that gives the same emissions (Σ Q × EF / Σ Q).
            if (!q_imp.is_zero()) {
                number("process.heat_imported", q_imp, b);
                number("process.heat_imported_ef", ratio(correction("Em_H,imp"), q_imp), b);
            }
            if (!q_exp.is_zero()) {
                number("process.heat_exported", q_exp, b);
                number("process.heat_exported_ef", ratio(correction("Em_H,exp"), q_exp), b);
            }
            if (!wg_imp.is_zero()) number("process.waste_gas_imported", wg_imp, b);
            if (!wg_exp.is_zero()) number("process.waste_gas_exported", wg_exp, b);
            if (!el_cons.is_zero()) {
                number("process.electricity_consumed", el_cons, b);
                number("process.electricity_ef", ratio(t(a.indirect), el_cons), b);
                if (const TemplateListItem* s = ef_source(p)) text("process.electricity_ef_source", s->value, b);
            }
            if (!el_prod.is_zero()) {
                number("process.electricity_exported", el_prod, b);
                number("process.electricity_exported_ef", ratio(correction("Em_el,prod"), el_prod), b);
            }
        }
    }

    // The source of the factor of the electricity a process consumes. Grid electricity without a
    // factor of its own takes the Commission's grid factor (calc/attribution.h): D.4(a), "EF based
    // on IEA data, provided by the European Commission". A grid factor the installation gives is
    // D.4(b), other published data (D.4(a) if it is the Commission's value, which the data do not
    // say: a note). Own production is D.4.1 (D.4.2 is cogeneration, which the data do not say).
    // Several sources, or grid rows of both kinds, are "Mix".
    const TemplateListItem* ef_source(const ProductionProcess& p) {
        std::set<std::string> codes;
        for (const auto& e : inst_.electricity)
            if (e.process_id == p.id && !e.produced) codes.insert(e.source == "grid" ? (e.emission_factor ? "grid:own" : "grid:commission") : e.source);
        if (codes.empty()) return nullptr;
        if (codes.size() > 1) return by_code("ef_source", "mixed");
        const std::string& code = *codes.begin();
        if (code.rfind("grid:", 0) != 0) return by_code("ef_source", code);
        const std::string wanted = code == "grid:commission" ? "D.4(a)" : "D.4(b)";
        for (const TemplateListItem* item : map_.list("ef_source"))
            if (item->code == "grid" && item->value == wanted) {
                if (wanted == "D.4(b)" && !grid_notice_) {
                    notices_.push_back("electricity from the grid: its factor's source is entered as D.4(b) (other publicly available "
                                       "data); choose D.4(a) where the factor is the Commission's IEA-based value");
                    grid_notice_ = true;
                }
                return item;
            }
        return by_code("ef_source", "grid");
    }

    // --- A_InstData purchased precursors and E_PurchPrec -------------------------------------------

    void purchased() {
        bool convention = false;
        for (std::size_t n = 0; n < purchased_.size(); ++n) {
            const Purchased& pp = purchased_[n];
            const Supplier& s = *pp.supplier;
            const int b = static_cast<int>(n);
            const std::string& cat = category(s.precursor);
            text("purchased.category", cat, b);
            if (!s.country.empty()) text("purchased.country", s.country, b);
            else
                notices_.push_back(fmt::format("purchased precursor {}: its country of production is not known; the template asks for it ({})",
                                               s.id, ref("purchased.country", b)));
            // The supplier's route is not in the data: a category with routes gets "Unknown production routes".
            auto routes = map_.list("route", cat);
            const TemplateListItem* route = routes.front();
            if (routes.size() > 1) {
                for (const TemplateListItem* r : routes)
                    if (iequals(r->value, "Unknown production routes")) route = r;
                text("purchased.route", route->value, b, 0);
            }
            text("purchased.name", s.id, b);

            Decimal total;
            std::map<std::size_t, Decimal> by_process;
            for (const PrecursorContribution* c : pp.rows) {
                Decimal m = c->mass.q.value_in(units::t());
                total += m;
                for (std::size_t i = 0; i < inst_.processes.size(); ++i)
                    if (inst_.processes[i].id == c->input->process_id) by_process[i] += m;
            }
            number("purchased.amount", total, b, route_index(route));
            for (const auto& [i, m] : by_process) number("purchased.consumed_in", m, b, static_cast<int>(i));

            // The figures the calculation uses: zero for a precursor produced in the EU or an exempt origin.
            const PrecursorContribution& c = *pp.first;
            const Decimal see_dir = c.see_direct.q.value_in(units::tCO2e_per_t());
            const Decimal see_ind = c.see_indirect.q.value_in(units::tCO2e_per_t());
            const TemplateListItem* source = by_code("data_source", s.default_values ? "default" : "actual");
            number("purchased.see_direct", see_dir, b);
            if (source) text("purchased.see_direct_source", source->value, b);
            // The template has no cell for SEE (indirect), only specific electricity consumption x
            // its emission factor: the supplier's own two figures where it gave them (a template),
            // else the SEE (indirect) as that many MWh/t at 1 tCO2/MWh.
            if (source) text("purchased.specific_electricity_source", source->value, b);
            if (s.specific_electricity && s.electricity_factor && !c.counted_as_zero) {
                number("purchased.specific_electricity", s.specific_electricity->q.value_in(units::MWh() / units::t()), b);
                number("purchased.electricity_ef", s.electricity_factor->q.value_in(units::tCO2e_per_MWh()), b);
                if (const TemplateListItem* f = map_.lookup("ef_source", s.electricity_factor_source))
                    text("purchased.electricity_ef_source", f->value, b);
            } else {
                number("purchased.specific_electricity", see_ind, b);
                number("purchased.electricity_ef", Decimal(1), b);
                if (!see_ind.is_zero()) convention = true;
            }
            if (c.counted_as_zero)
                notices_.push_back(fmt::format("purchased precursor {}: produced in {}, it counts as zero (IR 2025/2547 Annex III B); the "
                                               "template does not apply that rule, so its SEE are entered as 0 ({})",
                                               s.id, s.country, ref("purchased.see_direct", b)));
            if (s.default_values)
                notices_.push_back(fmt::format("purchased precursor {}: default values; choose the justification in {}", s.id,
                                               ref("purchased.default_justification", b)));
        }
        if (convention)
            notices_.push_back(fmt::format("purchased precursors: the template computes their SEE (indirect) as specific electricity consumption "
                                           "x emission factor and has no cell for the figure itself; cbam enters the supplier's SEE (indirect) "
                                           "as the consumption (MWh/t) at a factor of 1 tCO2/MWh ({}, {}). Replace both with the supplier's "
                                           "electricity figures where you have them (the SEE stay the same when their product does), and choose the "
                                           "factor's source ({}), which cbam leaves blank",
                                           ref("purchased.specific_electricity"), ref("purchased.electricity_ef"),
                                           ref("purchased.electricity_ef_source")));
    }

    // --- Summary_Products ------------------------------------------------------------------------

    void products() {
        std::set<std::string> known = template_cn_codes();
        int row = 0;
        for (const auto& p : inst_.processes)
            for (const auto& cn : p.cn_codes) {
                text("product.process", p.id, row);
                text("product.cn_code", cn, row);
                if (!known.empty() && !known.count(cn))
                    notices_.push_back(fmt::format("CN {} (process {}) is not in the template's list of CN codes: the template shows no name "
                                                   "for it ({}); check the code against the current Combined Nomenclature",
                                                   cn, p.id, ref("product.cn_name", row)));
                ++row;
            }
    }

    // The CN codes the template knows: its named range CNCodes_ListKey (Parameters_CNCodes!D4:D572
    // in version 20241213); empty when the workbook has no such name.
    std::set<std::string> template_cn_codes() const {
        std::set<std::string> out;
        pugi::xml_document doc;
        std::string xml = blank_.part("xl/workbook.xml");
        if (!doc.load_buffer(xml.data(), xml.size())) return out;
        std::string range;
        for (pugi::xml_node n : doc.child("workbook").child("definedNames").children("definedName"))
            if (std::string_view(n.attribute("name").value()) == "CNCodes_ListKey" && !n.attribute("localSheetId")) range = n.child_value();
        auto colon = range.find(':');
        auto first = xlsx::SheetRef::parse(range.substr(0, colon));
        auto last = colon == std::string::npos ? std::nullopt : xlsx::CellRef::parse(range.substr(colon + 1));
        if (!first || !last || !blank_.has_sheet(first->sheet)) return out;
        const xlsx::Sheet& s = blank_.sheet(first->sheet);
        for (std::uint32_t row = first->cell.row; row <= last->row; ++row)
            if (const xlsx::Cell* c = s.at(xlsx::CellRef{row, first->cell.col}); c && !c->blank()) out.insert(c->value);
        return out;
    }

    // --- B_EmInst and C_Emissions&Energy: the installation's totals --------------------------------

    void emissions() {
        // Source streams in B_EmInst where the template can state them; otherwise the totals by gas
        // go to C_Emissions&Energy's manual cells. These cells feed the installation totals only,
        // never the SEE (the template takes a process's direct emissions from D_Processes (g)).
        const TemplateField* method = map_.find("stream.method");
        Decimal co2_streams, co2_measured, n2o, pfc, indirect;
        bool streams_written = method != nullptr && static_cast<int>(inst_.source_streams.size()) <= method->count;
        for (const auto& s : inst_.source_streams) {
            co2_streams += source_stream_emissions(s).q.value_in(units::tCO2e());
            streams_written = streams_written && representable(s);
        }
        if (streams_written)
            for (std::size_t i = 0; i < inst_.source_streams.size(); ++i) stream(inst_.source_streams[i], static_cast<int>(i));
        for (const auto& m : inst_.measurements) {
            Decimal e = measured_emissions(m).q.value_in(units::tCO2e());
            (m.amount.q.unit().same_dimension(units::tCO2e()) ? co2_measured : n2o) += e;
        }
        const TemplateField* pfc_method = map_.find("pfc.method");
        bool pfc_written = pfc_method != nullptr && static_cast<int>(inst_.pfc.size()) <= pfc_method->count;
        for (const auto& f : inst_.pfc) pfc += pfc_emissions(f).q.value_in(units::tCO2e());
        if (pfc_written)
            for (std::size_t i = 0; i < inst_.pfc.size(); ++i) pfc_row(inst_.pfc[i], static_cast<int>(i));
        for (const auto& r : result_.processes) indirect += r.attributed.indirect.q.value_in(units::tCO2e());

        if (!map_.find("emissions.indirect")) return;
        std::vector<std::string> manual;
        if ((!streams_written && !inst_.source_streams.empty()) || !inst_.measurements.empty()) {
            if (!co2_streams.is_zero() || !co2_measured.is_zero()) {
                number("emissions.co2_manual", co2_streams + co2_measured);
                manual.push_back("CO2 " + ref("emissions.co2_manual"));
            }
            if (!n2o.is_zero()) {
                number("emissions.n2o_manual", n2o);
                manual.push_back("N2O " + ref("emissions.n2o_manual"));
            }
        }
        if (!pfc_written && !inst_.pfc.empty()) {
            number("emissions.pfc_manual", pfc);
            manual.push_back("PFC " + ref("emissions.pfc_manual"));
        }
        number("emissions.indirect", indirect);
        if (!manual.empty()) {
            std::string list;
            for (const auto& m : manual) list += (list.empty() ? "" : ", ") + m;
            notices_.push_back(fmt::format("installation totals: B_EmInst cannot state {} of this installation (it needs {}), so cbam entered "
                                           "the totals by gas as manual entries: {}",
                                           !inst_.measurements.empty() ? "measured emissions" : "every source stream",
                                           !inst_.measurements.empty() ? "hourly concentrations, operating hours and flue-gas flows"
                                                                       : "activity data in t or 1000 Nm3",
                                           list));
        }
    }

    // A stream B_EmInst can state: activity data in t or 1000 Nm3, an NCV per that unit for combustion.
    static bool representable(const SourceStream& s) {
        const Unit& u = s.activity_data.q.unit();
        if (!u.same_dimension(units::t()) && !u.same_dimension(units::Nm3())) return false;
        if (s.method == StreamMethod::Combustion && !s.ncv) return false;
        return true;
    }

    void stream(const SourceStream& s, int b) {
        const bool volume = s.activity_data.q.unit().same_dimension(units::Nm3());
        const Unit ad_unit = volume ? kNm3k() : units::t();
        const char* code = s.method == StreamMethod::Combustion ? "combustion" : s.method == StreamMethod::Process ? "process" : "mass_balance";
        if (const TemplateListItem* m = by_code("monitoring_approach", code)) text("stream.method", m->value, b);
        text("stream.name", s.id, b);
        Decimal ad = s.activity_data.q.value_in(ad_unit);
        if (s.method == StreamMethod::MassBalance && s.output) ad = -ad;
        number("stream.activity_data", ad, b);
        if (const TemplateListItem* u = by_code("ad_unit", volume ? "1000Nm3" : "t")) text("stream.activity_unit", u->value, b);
        auto percent = [&](const std::optional<Input>& f, const char* field) {
            if (f) number(field, f->q.value_in(units::one()) * Decimal(100), b);
        };
        switch (s.method) {
            case StreamMethod::Combustion:
                number("stream.ncv", s.ncv->q.value_in(units::GJ() / ad_unit), b);
                number("stream.ef", s.emission_factor->q.value_in(units::tCO2e_per_TJ()), b);
                if (const TemplateListItem* u = by_code("ef_unit", "tCO2/TJ")) text("stream.ef_unit", u->value, b);
                percent(s.oxidation_factor, "stream.oxidation");
                break;
            case StreamMethod::Process:
                number("stream.ef", s.emission_factor->q.value_in(units::tCO2e() / ad_unit), b);
                if (const TemplateListItem* u = by_code("ef_unit", volume ? "tCO2/1000Nm3" : "tCO2/t")) text("stream.ef_unit", u->value, b);
                percent(s.conversion_factor, "stream.conversion");
                break;
            case StreamMethod::MassBalance:
                number("stream.carbon_content", s.carbon_content->q.value_in(units::tC() / ad_unit), b);
                break;
        }
        percent(s.biomass_fraction, "stream.biomass");
    }

    void pfc_row(const PfcEmission& f, int b) {
        if (const TemplateListItem* m = by_code("pfc_method", f.overvoltage ? "overvoltage" : "slope")) text("pfc.method", m->value, b);
        text("pfc.technology", f.technology, b);
        number("pfc.activity_data", f.primary_aluminium.q.value_in(units::t()), b);
        if (!f.overvoltage) {
            auto k = factors::slope_factors(f.technology).value();
            number("pfc.frequency", f.anode_effect_frequency->q.value_in(units::one()), b);
            number("pfc.duration", f.anode_effect_duration->q.value_in(units::one()), b);
            number("pfc.sef_cf4", k.sef_cf4, b);
            number("pfc.f_c2f6", k.f_c2f6, b);
        } else {
            auto k = factors::overvoltage_factors(f.technology).value();
            number("pfc.aeo", f.anode_effect_overvoltage->q.value_in(units::one()), b);
            number("pfc.current_efficiency", f.current_efficiency->q.value_in(units::one()), b);
            number("pfc.ovc", k.ovc, b);
            number("pfc.f_c2f6", k.f_c2f6, b);
        }
        if (f.collection_efficiency) number("pfc.collection_efficiency", f.collection_efficiency->q.value_in(units::one()), b);
    }

    const Installation& inst_;
    const CalcResult& result_;
    const TemplateMap& map_;
    const xlsx::Workbook& blank_;
    xlsx::WorkbookEditor& ed_;
    Diagnostics diags_;
    std::vector<std::string> notices_;
    std::map<std::string, std::string> category_;  // registry name -> the template's category
    std::vector<std::string> goods_;               // G1..G10
    std::map<std::string, const TemplateListItem*> route_;  // process id -> its route
    std::vector<Purchased> purchased_;
    bool grid_notice_ = false;
};

// How to get the blank, for the set-up errors below.
std::string how_to_get_blank() {
    const fs::path name = fs::path(default_blank_template()).filename();
    return fmt::format("cbam fills a copy of the Commission's blank \"CBAM Communication template for installations\" (English; the "
                       "Commission publishes it on its CBAM page): give its path with --template FILE, or put it as \"{}\" in a folder "
                       "named by CBAM_TEMPLATE_DIR",
                       name.string());
}

// The blank is official material cbam needs, not the user's input: a blank that is missing or
// unusable is a set-up error (exit code 5, docs/exit-codes.md), never a crash.
std::string read_blank(const std::string& path) {
    std::error_code ec;
    std::ifstream in(path, std::ios::binary);
    if (!in || fs::is_directory(path, ec))
        throw SetupError(fmt::format("the blank communication template is not at {} (or cannot be read). {}", path, how_to_get_blank()));
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TemplateFill fill_communication_template(const Installation& inst, const CalcResult& result, const std::string& blank_path) {
    std::string bytes = read_blank(blank_path);
    std::optional<xlsx::Workbook> opened;
    std::optional<TemplateMap> found;
    try {
        opened.emplace(xlsx::Workbook::from_bytes(bytes, blank_path));
        found.emplace(map_for_workbook(*opened, data_dir() + "/templates"));
    } catch (const InputError& e) {  // not a workbook, not the template, a version or language cbam has no map for
        std::string why = e.diagnostics().to_string();
        while (!why.empty() && why.back() == '\n') why.pop_back();
        throw SetupError(fmt::format("{} cannot be used as the blank communication template:\n{}\n{}", blank_path, why, how_to_get_blank()));
    }
    const xlsx::Workbook& blank = *opened;
    const TemplateMap& map = *found;
    xlsx::WorkbookEditor ed(blank, bytes);
    TemplateFill out;
    out.version = map.version();
    out.notices = Filler(inst, result, map, blank, ed).run();
    out.workbook = ed.save();
    return out;
}

}  // namespace cbam
