#include "calc/attribution.h"

#include "calc/source_emissions.h"
#include "registry/electricity_factors.h"
#include "registry/factors.h"

#include <fmt/format.h>

#include <tuple>

namespace cbam {

namespace {

using Terms = std::vector<std::pair<std::string, Traced>>;

Traced heat_emissions(const HeatFlow& h) {
    Traced q = traced_input(h.quantity, h.exported ? "heat exported" : "heat imported");
    Traced ef;
    std::vector<std::string> notes;
    if (h.emission_factor) {
        ef = traced_input(*h.emission_factor, "emission factor of the heat");
    } else {
        ef = traced_constant(Quantity(factors::ef_heat_default(), units::tCO2e_per_TJ()),
                             "default emission factor of measurable heat (56.1 tCO2/TJ ÷ 0.9)", factors::heat_default_source);
        notes.push_back(fmt::format("{}: no emission factor given for this heat; the default 56.1/0.9 tCO2/TJ was assumed",
                                    h.where.to_string()));
    }
    return traced_result((q.q * ef.q).in(units::tCO2e()), h.exported ? "emissions of heat exported" : "emissions of heat imported",
                         "Q_H × EF_H", "IR (EU) 2023/1773 Annex III C and F", {{"Q_H", q}, {"EF_H", ef}}, notes);
}

Traced waste_gas_correction(const WasteGasFlow& w) {
    Traced efng = traced_constant(Quantity(factors::ef_natural_gas(), units::tCO2e_per_TJ()), "emission factor of natural gas",
                                  factors::waste_gas_source);
    // The energy of the waste gas: V × NCV, or the amount itself when it is given as an energy.
    std::vector<std::pair<std::string, Traced>> ops;
    std::string energy;
    Quantity e;
    if (w.ncv) {
        Traced v = traced_input(w.amount, "waste gas volume");
        Traced ncv = traced_input(*w.ncv, "net calorific value of the waste gas");
        ops = {{"V", v}, {"NCV", ncv}};
        energy = "V × NCV";
        e = v.q * ncv.q;
    } else {
        Traced q = traced_input(w.amount, "energy of the waste gas");
        ops = {{"E_WG", q}};
        energy = "E_WG";
        e = q.q;
    }
    ops.emplace_back("EF_NG", efng);
    if (!w.exported)
        return traced_result((e * efng.q).in(units::tCO2e()), "waste gas import correction", energy + " × EF_NG",
                             "IR (EU) 2023/1773 Annex III F Eq. 53", ops);
    Traced corr = traced_constant(Quantity(factors::waste_gas_export_correction(), units::one()), "efficiency correction of waste gas",
                                  factors::waste_gas_source);
    ops.emplace_back("Corr_η", corr);
    return traced_result((e * efng.q).in(units::tCO2e()) * corr.value(), "waste gas export correction", energy + " × EF_NG × Corr_η",
                         "IR (EU) 2023/1773 Annex III F Eq. 54", ops);
}

Traced electricity_emissions(const ElectricityFlow& e, const std::string& country) {
    Traced q = traced_input(e.quantity, e.produced ? "electricity produced" : "electricity consumed");
    Traced ef = electricity_factor(e, country).ef;
    return traced_result((q.q * ef.q).in(units::tCO2e()),
                         e.produced ? "emissions of electricity produced in the process" : "emissions of electricity consumed",
                         "E_el × EF_el", "IR (EU) 2023/1773 Annex III D and F", {{"E_el", q}, {"EF_el", ef}});
}

struct Term {
    const char* symbol;
    Traced value;
    std::size_t count;
};

// The terms that have data behind them (DirEm* always).
Terms present(const std::vector<Term>& terms) {
    Terms out;
    for (const auto& t : terms)
        if (t.count > 0 || std::string_view(t.symbol) == "DirEm*") out.emplace_back(t.symbol, t.value);
    return out;
}

}  // namespace

ElectricityFactor electricity_factor(const ElectricityFlow& e, const std::string& country) {
    ElectricityFactor out;
    if (e.emission_factor) {
        out.ef = traced_input(*e.emission_factor, fmt::format("emission factor of the electricity ({}{})", e.source,
                                                             e.factor_source.empty() ? "" : ", " + e.factor_source));
        out.source = e.factor_source;
        return out;
    }
    bool other = false;
    const CountryFactor* f = CountryFactors::grid_builtin().find(country, "XX", &other);
    if (!f) {
        Diagnostics d;
        d.add(e.where, "no emission factor is given and the grid emission factors have no row for the installation's country nor for other "
                       "countries (electricity_grid_emission_factors.csv)");
        throw InputError(std::move(d));
    }
    out.source = fmt::format("Commission default grid emission factor {} tCO2/MWh for {}: {} ({}, confidence {})", f->factor.to_string(),
                             other ? "other countries and territories (" + country + " is not listed)" : f->country_name, f->legal_source,
                             f->where.to_string(), to_string(f->confidence));
    std::vector<std::string> notes;
    if (f->confidence < Confidence::High)
        notes.push_back(fmt::format("the grid emission factor of {} has {} confidence in the project's data (cn_codes/SOURCES.md)",
                                    other ? "other countries" : f->country_name, to_string(f->confidence)));
    Traced table = traced_constant(Quantity(f->factor, units::tCO2e_per_MWh()),
                                   fmt::format("grid emission factor, {} ({})", other ? "other countries and territories" : f->country_name,
                                               f->where.to_string()),
                                   f->legal_source);
    out.ef = traced_result(table.q, fmt::format("emission factor of the electricity ({}: none given, the Commission's default)", e.source),
                           "EF_grid of the country", "IR (EU) 2025/2547 Annex II D; IR (EU) 2025/2621 Annex II", {{"EF_grid", table}}, notes);
    return out;
}

AttributedEmissions attribute(const Installation& inst, const ProductionProcess& p) {
    Terms direct_sources;
    if (p.direct_emissions)
        direct_sources.emplace_back("given for the process",
                                    traced_input(*p.direct_emissions, fmt::format("directly attributable emissions of process {}, as given", p.id)));
    for (const auto& s : inst.source_streams)
        if (s.process_id == p.id) direct_sources.emplace_back(s.id, source_stream_emissions(s));
    for (const auto& m : inst.measurements)
        if (m.process_id == p.id) direct_sources.emplace_back(m.id, measured_emissions(m));
    for (const auto& f : inst.pfc)
        if (f.process_id == p.id) direct_sources.emplace_back(fmt::format("PFC, pfc.csv {}", f.where.place()), pfc_emissions(f));
    Traced dir_em = traced_sum(direct_sources, units::tCO2e(), fmt::format("direct emissions of the sources of process {} (DirEm*)", p.id));

    Terms heat_imp, heat_exp, wg_imp, wg_exp, el_prod, el_cons;
    for (const auto& h : inst.heat)
        if (h.process_id == p.id) (h.exported ? heat_exp : heat_imp).emplace_back(fmt::format("heat, {}", h.where.place()), heat_emissions(h));
    for (const auto& w : inst.waste_gases)
        if (w.process_id == p.id) (w.exported ? wg_exp : wg_imp).emplace_back(fmt::format("waste gas, {}", w.where.place()), waste_gas_correction(w));
    for (const auto& e : inst.electricity)
        if (e.process_id == p.id)
            (e.produced ? el_prod : el_cons).emplace_back(fmt::format("electricity, {}", e.where.place()), electricity_emissions(e, inst.country));

    const Unit u = units::tCO2e();
    Traced h_imp = traced_sum(heat_imp, u, "emissions of measurable heat imported (Em_H,imp)");
    Traced h_exp = traced_sum(heat_exp, u, "emissions of measurable heat exported (Em_H,exp)");
    Traced w_imp = traced_sum(wg_imp, u, "waste gas import correction (WG_corr,imp)");
    Traced w_exp = traced_sum(wg_exp, u, "waste gas export correction (WG_corr,exp)");
    Traced e_prod = traced_sum(el_prod, u, "emissions of electricity produced (Em_el,prod)");
    Traced e_cons = traced_sum(el_cons, u, "emissions of electricity consumed (Em_el,cons)");

    Quantity direct = dir_em.q + h_imp.q - h_exp.q + w_imp.q - w_exp.q - e_prod.q;
    AttributedEmissions out;
    // The terms by what they are, not by input line, so that they do not depend on row order: each
    // source stream and measurement by its id, the PFC rows together, each correction summed.
    Terms pfc_terms;
    for (const auto& [id, value] : direct_sources) {
        if (id.rfind("PFC, ", 0) == 0) pfc_terms.emplace_back(id, value);
        else out.direct_terms.push_back({id, true, 1, value});
    }
    if (!pfc_terms.empty())
        out.direct_terms.push_back({"PFC", true, 1, traced_sum(pfc_terms, u, fmt::format("PFC emissions of process {}", p.id))});
    for (const auto& [terms, sum, symbol, sign] : {std::tuple{&heat_imp, &h_imp, "Em_H,imp", 1}, std::tuple{&heat_exp, &h_exp, "Em_H,exp", -1},
                                                   std::tuple{&wg_imp, &w_imp, "WG_corr,imp", 1}, std::tuple{&wg_exp, &w_exp, "WG_corr,exp", -1},
                                                   std::tuple{&el_prod, &e_prod, "Em_el,prod", -1}})
        if (!terms->empty()) out.direct_terms.push_back({symbol, false, sign, *sum});
    out.direct = traced_result(direct, fmt::format("attributed direct emissions of process {}", p.id),
                               "DirEm* + Em_H,imp − Em_H,exp + WG_corr,imp − WG_corr,exp − Em_el,prod",
                               "IR (EU) 2023/1773 Annex III F; IR (EU) 2025/2547 Annex III A.3",
                               present({{"DirEm*", dir_em, direct_sources.size()}, {"Em_H,imp", h_imp, heat_imp.size()},
                                        {"Em_H,exp", h_exp, heat_exp.size()}, {"WG_corr,imp", w_imp, wg_imp.size()},
                                        {"WG_corr,exp", w_exp, wg_exp.size()}, {"Em_el,prod", e_prod, el_prod.size()}}),
                               {"terms with no data in the input files are 0 and not listed"});
    out.indirect = traced_result(e_cons.q, fmt::format("attributed indirect emissions of process {}", p.id), "Em_el,cons",
                                 "IR (EU) 2023/1773 Annex III F; IR (EU) 2025/2547 Annex III A.3", {{"Em_el,cons", e_cons}});
    return out;
}

}  // namespace cbam
