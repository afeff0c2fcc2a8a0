#include "writers/see_results.h"

#include "io/csv_writer.h"
#include "writers/json_document.h"
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
    JsonDocument doc;
    auto see = [&doc](const Decimal& v) { return doc.number(format_see(v)); };
    JsonDocument::Json goods = JsonDocument::Json::array();
    for (const auto& g : r.goods) {
        JsonDocument::Json breakdown = JsonDocument::Json::array();
        for (const auto& s : g.breakdown.shares) {
            JsonDocument::Json share = {{"kind", share_kind(s.kind)}, {"process", s.process_id}, {"label", s.label}};
            if (!s.supplier_id.empty()) share["supplier_id"] = s.supplier_id;
            if (s.kind == SeeShare::Kind::Precursor) share["default_values"] = s.default_values;
            share["see_direct"] = see(s.direct.value());
            share["see_indirect"] = see(s.indirect.value());
            share["see_indirect_counted"] = see(s.indirect_counted.value());
            share["see_total"] = see(s.total.value());
            breakdown.push_back(std::move(share));
        }
        goods.push_back({{"aggregated_good", g.aggregated_good},
                         {"cn_code", g.cn_code.empty() ? JsonDocument::Json(nullptr) : JsonDocument::Json(g.cn_code)},
                         {"sector", g.sector},
                         {"see_direct", see(g.see_direct.value())},
                         {"see_indirect", see(g.see_indirect.value())},
                         {"see_indirect_counted", see(g.see_indirect_counted.value())},
                         {"see_total", see(g.see_total.value())},
                         {"unit", g.see_unit.symbol()},
                         {"indirect", indirect_rule(g, r.scope)},
                         {"activity_level", doc.number(format_amount(g.activity_level.value()))},
                         {"activity_unit", g.activity_level.unit().symbol()},
                         {"processes", g.process_ids},
                         {"precursor_default_values", g.uses_default_values},
                         {"default_values_share_pct", doc.number(format_percent(g.breakdown.default_share.value()))},
                         {"breakdown", std::move(breakdown)}});
    }
    JsonDocument::Json j = {{"installation",
                             {{"id", inst.id},
                              {"name", inst.name},
                              {"country", inst.country},
                              {"period_start", inst.period_start},
                              {"period_end", inst.period_end}}},
                            {"scope", to_string(r.scope)},
                            {"rounding", "5 decimals, half away from zero (IR 2025/2547 Annex II A.1(8))"},
                            {"goods", std::move(goods)}};
    return doc.dump(j);
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
