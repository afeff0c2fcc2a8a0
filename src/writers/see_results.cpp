#include "writers/see_results.h"

#include "writers/csv_writer.h"
#include "writers/json_writer.h"
#include "writers/rounding.h"

#include <fmt/format.h>

#include <algorithm>

namespace cbam {

namespace {

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}

std::string indirect_rule(const GoodResult& g, Scope scope) {
    if (scope == Scope::Transitional) return "counted";
    if (!g.direct_only) return "counted";
    return g.see_indirect_counted.value().is_zero() ? "not counted (Annex II)" : "precursors only (Annex II)";
}

}  // namespace

const char* share_kind(SeeShare::Kind k) {
    switch (k) {
        case SeeShare::Kind::Source: return "source";
        case SeeShare::Kind::Correction: return "correction";
        case SeeShare::Kind::Electricity: return "electricity";
        case SeeShare::Kind::Precursor: return "precursor";
    }
    return "";
}

ElectricityFigures electricity_figures(const GoodResult& g) {
    ElectricityFigures out;
    if (g.electricity_consumed.value().is_zero()) {
        if (g.see_indirect.value().is_zero()) out.consumed = format_see(Decimal(0));
        return out;
    }
    Decimal ef = g.electricity_emissions.value() / g.electricity_consumed.value_in(units::MWh());
    out.factor = ef.to_fixed(kElectricityDecimals);
    if (ef.is_zero()) return out;
    // The electricity that, at this factor, gives the indirect SEE (precursors included): the
    // registry recomputes indirect SEE as consumption x factor (its rule D10).
    Decimal rounded_ef = *Decimal::parse(out.factor);
    if (!rounded_ef.is_zero()) out.consumed = (g.see_indirect.value() / rounded_ef).to_fixed(kElectricityDecimals);
    return out;
}

std::string see_to_csv(const Installation& inst, const CalcResult& r) {
    CsvWriter w;
    w.row({"installation_id", "installation_name", "country", "city", "aggregated_good", "cn_code", "see_direct", "see_indirect",
           "see_indirect_counted", "see_total", "unit", "scope", "indirect", "activity_level", "activity_unit", "processes",
           "precursor_default_values", "determination", "electricity_emission_factor", "electricity_consumed", "electricity_source",
           "electricity_factor_source", "period_start", "period_end"});
    for (const auto& g : r.goods) {
        ElectricityFigures e = electricity_figures(g);
        w.row({inst.id, inst.name, inst.country, inst.city, g.aggregated_good, g.cn_code, format_see(g.see_direct.value()),
               format_see(g.see_indirect.value()), format_see(g.see_indirect_counted.value()), format_see(g.see_total.value()),
               g.see_unit.symbol(), to_string(r.scope), indirect_rule(g, r.scope), format_amount(g.activity_level.value()),
               g.activity_level.unit().symbol(), join(g.process_ids, " "), g.uses_default_values ? "yes" : "no", "actual", e.factor,
               e.consumed, g.electricity_source, join(g.electricity_factor_sources, "; "), inst.period_start, inst.period_end});
    }
    return w.str();
}

std::string see_to_json(const Installation& inst, const CalcResult& r) {
    JsonWriter j;
    j.begin_object();
    j.key("installation").begin_object();
    j.key("id").string(inst.id).key("name").string(inst.name).key("country").string(inst.country);
    j.key("period_start").string(inst.period_start).key("period_end").string(inst.period_end);
    j.end_object();
    j.key("scope").string(to_string(r.scope));
    j.key("rounding").string("5 decimals, half away from zero (IR 2025/2547 Annex II A.1(8))");
    j.key("goods").begin_array();
    for (const auto& g : r.goods) {
        j.begin_object();
        j.key("aggregated_good").string(g.aggregated_good);
        if (g.cn_code.empty()) j.key("cn_code").null();
        else j.key("cn_code").string(g.cn_code);
        j.key("sector").string(g.sector);
        j.key("see_direct").number(format_see(g.see_direct.value()));
        j.key("see_indirect").number(format_see(g.see_indirect.value()));
        j.key("see_indirect_counted").number(format_see(g.see_indirect_counted.value()));
        j.key("see_total").number(format_see(g.see_total.value()));
        j.key("unit").string(g.see_unit.symbol());
        j.key("indirect").string(indirect_rule(g, r.scope));
        j.key("activity_level").number(format_amount(g.activity_level.value()));
        j.key("activity_unit").string(g.activity_level.unit().symbol());
        j.key("processes").begin_array();
        for (const auto& p : g.process_ids) j.string(p);
        j.end_array();
        j.key("precursor_default_values").boolean(g.uses_default_values);
        j.key("default_values_share_pct").number(format_percent(g.breakdown.default_share.value()));
        j.key("breakdown").begin_array();
        for (const auto& s : g.breakdown.shares) {
            j.begin_object();
            j.key("kind").string(share_kind(s.kind)).key("process").string(s.process_id).key("label").string(s.label);
            if (!s.supplier_id.empty()) j.key("supplier_id").string(s.supplier_id);
            if (s.kind == SeeShare::Kind::Precursor) j.key("default_values").boolean(s.default_values);
            j.key("see_direct").number(format_see(s.direct.value())).key("see_indirect").number(format_see(s.indirect.value()));
            j.key("see_indirect_counted").number(format_see(s.indirect_counted.value())).key("see_total").number(format_see(s.total.value()));
            j.end_object();
        }
        j.end_array();
        j.end_object();
    }
    j.end_array();
    j.end_object();
    return j.str();
}

std::string see_to_table(const Installation& inst, const CalcResult& r) {
    struct Line {
        std::string good, dir, ind, tot, unit, note;
    };
    std::vector<Line> lines;
    lines.push_back({"good", "direct", "indirect", "total", "unit", ""});
    for (const auto& g : r.goods) {
        std::string name = g.cn_code.empty() ? g.aggregated_good : "  CN " + g.cn_code;
        std::string note;
        if (r.scope == Scope::Definitive && g.direct_only)
            note = g.see_indirect_counted.value().is_zero() ? "total: direct only (Annex II)" : "total: direct + precursors' indirect (Annex II)";
        if (g.uses_default_values) note += std::string(note.empty() ? "" : "; ") + "precursor default values used";
        lines.push_back({name, format_see(g.see_direct.value()), format_see(g.see_indirect.value()), format_see(g.see_total.value()),
                         g.see_unit.symbol(), note});
    }
    std::size_t w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0;
    for (const auto& l : lines) {
        w0 = std::max(w0, l.good.size());
        w1 = std::max(w1, l.dir.size());
        w2 = std::max(w2, l.ind.size());
        w3 = std::max(w3, l.tot.size());
        w4 = std::max(w4, l.unit.size());
    }
    std::string out = fmt::format("Specific embedded emissions of {} ({}, {}), {} to {}, {} scope\n\n", inst.name, inst.id, inst.country,
                                  inst.period_start, inst.period_end, to_string(r.scope));
    for (const auto& l : lines) {
        std::string row = fmt::format("{:<{}}  {:>{}}  {:>{}}  {:>{}}  {:<{}}  {}", l.good, w0, l.dir, w1, l.ind, w2, l.tot, w3, l.unit, w4, l.note);
        while (!row.empty() && row.back() == ' ') row.pop_back();
        out += row + "\n";
    }
    return out;
}

}  // namespace cbam
