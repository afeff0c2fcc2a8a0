#include "writers/html_installation.h"

#include "writers/explanation.h"
#include "writers/html_page.h"
#include "writers/rounding.h"

#include <nlohmann/json.hpp>

#include <fmt/format.h>

namespace cbam {

namespace {

// Chart colours: own sources, electricity, precursors on actual data, on default values, not counted.
constexpr const char* kDirectColour = "#1f5fa8";
constexpr const char* kIndirectColour = "#e0901a";
constexpr const char* kNotCountedColour = "#b9bfc9";

std::string good_name(const Catalogue& cat, const std::string& aggregated) {
    std::string key = "good." + aggregated;
    return cat.has(key) ? cat(key) : aggregated;
}

std::string good_label(const Catalogue& cat, const GoodResult& g) {
    return g.cn_code.empty() ? good_name(cat, g.aggregated_good) : cat.format("calc.cn_good", {{"cn", g.cn_code}, {"good", good_name(cat, g.aggregated_good)}});
}

std::string row_key(const GoodResult& g) { return g.aggregated_good + "|" + g.cn_code; }

const Supplier* supplier(const Installation& inst, const std::string& id) {
    for (const auto& s : inst.suppliers)
        if (s.id == id) return &s;
    return nullptr;
}

std::string method_key(const Installation& inst, const std::string& id) {
    for (const auto& s : inst.source_streams)
        if (s.id == id)
            return s.method == StreamMethod::Combustion ? "calc.method.combustion" : s.method == StreamMethod::Process ? "calc.method.process" : "calc.method.mass_balance";
    for (const auto& m : inst.measurements)
        if (m.id == id) return "calc.method.measured";
    return "calc.method.pfc";
}

// What a share is, in words, and its basis.
std::string share_label(const Catalogue& cat, const Installation& inst, const SeeShare& s) {
    switch (s.kind) {
        case SeeShare::Kind::Source:
            return cat.format("calc.share.source", {{"id", s.label}, {"method", cat(method_key(inst, s.label))}, {"process", s.process_id}});
        case SeeShare::Kind::Correction: return cat.format("calc.share.correction", {{"term", s.label}, {"process", s.process_id}});
        case SeeShare::Kind::Electricity: return cat.format("calc.share.electricity", {{"process", s.process_id}});
        case SeeShare::Kind::Precursor:
            if (!s.from_process.empty())
                return cat.format("calc.share.precursor_own", {{"good", good_name(cat, s.precursor)}, {"process", s.from_process}});
            if (const Supplier* sup = supplier(inst, s.supplier_id))
                return cat.format("calc.share.precursor_supplier",
                                  {{"good", good_name(cat, s.precursor)}, {"id", sup->id}, {"name", sup->name}, {"country", sup->country}});
            return s.label;
    }
    return s.label;
}

// Two short lines under a bar: what, and on which basis.
nlohmann::json chart_label(const Catalogue& cat, const SeeShare& s) {
    switch (s.kind) {
        case SeeShare::Kind::Source: return {s.label, cat("calc.basis.own")};
        case SeeShare::Kind::Correction: return {s.label, cat("calc.basis.own")};
        case SeeShare::Kind::Electricity: return {cat.format("calc.chart.electricity", {{"process", s.process_id}}), cat("calc.basis.own")};
        case SeeShare::Kind::Precursor: break;
    }
    std::string what = s.from_process.empty() ? cat.format("calc.chart.precursor_supplier", {{"good", good_name(cat, s.precursor)}, {"id", s.supplier_id}})
                                              : cat.format("calc.chart.precursor_own", {{"good", good_name(cat, s.precursor)}, {"process", s.from_process}});
    return {what, cat(s.counted_as_zero ? "calc.basis.zero" : s.default_values ? "calc.basis.default" : s.from_process.empty() ? "calc.basis.actual" : "calc.basis.own")};
}

std::string basis(const Catalogue& cat, const SeeShare& s) {
    if (s.kind != SeeShare::Kind::Precursor) return "<span class=\"tag\">" + html_escape(cat("calc.basis.own")) + "</span>";
    if (s.counted_as_zero) return "<span class=\"tag\">" + html_escape(cat("calc.basis.zero")) + "</span>";
    if (s.default_values) return "<span class=\"tag default\">" + html_escape(cat("calc.basis.default")) + "</span>";
    return "<span class=\"tag actual\">" + html_escape(cat("calc.basis.actual")) + "</span>";
}

bool complex(const GoodResult& g) {
    for (const auto& s : g.breakdown.shares)
        if (s.kind == SeeShare::Kind::Precursor) return true;
    return false;
}

}  // namespace

std::string see_to_html(const Installation& inst, const CalcResult& r, const HtmlContext& ctx) {
    const Catalogue& cat = ctx.cat;
    HtmlPage page(cat, ctx.charts, cat.format("calc.title", {{"name", inst.name}}));
    page.raw("<header>\n").heading(1, cat.format("calc.title", {{"name", inst.name}}));
    page.paragraph(cat.format("calc.installation", {{"id", inst.id}, {"operator", inst.operator_name}, {"city", inst.city}, {"country", inst.country}}), "meta");
    page.paragraph(cat.format("calc.period", {{"start", inst.period_start}, {"end", inst.period_end}}), "meta");
    page.paragraph(cat(r.scope == Scope::Transitional ? "calc.scope.transitional" : "calc.scope.definitive"), "meta");
    page.raw("</header>\n");

    // Derivations first, so that every figure can link to its own.
    std::vector<std::string> good_why, share_why;
    std::vector<std::vector<std::string>> shares_why(r.goods.size());
    for (std::size_t i = 0; i < r.goods.size(); ++i) {
        const GoodResult& g = r.goods[i];
        good_why.push_back(page.derivation(cat.format("calc.why_good", {{"good", good_label(cat, g)}}), explain_good(g, r.scope)));
        for (const auto& s : g.breakdown.shares)
            shares_why[i].push_back(page.derivation(cat.format("calc.why_share", {{"share", share_label(cat, inst, s)}, {"good", good_label(cat, g)}}),
                                                    explain(s.total, "SEE total = " + format_see(s.total.value())) + "\n" +
                                                        explain(s.indirect, "SEE indirect = " + format_see(s.indirect.value()))));
        share_why.push_back(page.derivation(cat.format("calc.why_default_share", {{"good", good_label(cat, g)}}),
                                            explain(g.breakdown.default_share, "share = " + format_percent(g.breakdown.default_share.value()) + " %")));
    }

    // The lead: the first good sold (a CN code), in one sentence.
    for (std::size_t i = 0; i < r.goods.size(); ++i) {
        const GoodResult& g = r.goods[i];
        if (g.cn_code.empty()) continue;
        std::string key = row_key(g);
        page.raw("<p class=\"lead\">" +
                 page.sentence("calc.lead", {{"good", html_escape(good_label(cat, g))},
                                          {"total", page.figure(format_see(g.see_total.value()), key, "see_total", good_why[i])},
                                          {"unit", html_escape(g.see_unit.symbol())},
                                          {"share", page.figure(format_percent(g.breakdown.default_share.value()), key, "default_values_share_pct", share_why[i])}}) +
                 "</p>\n");
        break;
    }

    page.heading(2, cat("calc.summary"), "summary");
    page.raw("<table>\n" + html_row({html_escape(cat("calc.col.good")), html_escape(cat("calc.col.kind")), "\x01" + html_escape(cat("col.see_direct")),
                                     "\x01" + html_escape(cat("col.see_indirect")), "\x01" + html_escape(cat("col.see_total")),
                                     html_escape(cat("col.unit")), "\x01" + html_escape(cat("col.default_share"))},
                                    true));
    for (std::size_t i = 0; i < r.goods.size(); ++i) {
        const GoodResult& g = r.goods[i];
        std::string key = row_key(g);
        std::string name = g.cn_code.empty() ? "<strong>" + html_escape(good_label(cat, g)) + "</strong>" : html_escape(good_label(cat, g));
        std::string kind = html_escape(cat(complex(g) ? "calc.complex" : "calc.simple"));
        if (r.scope == Scope::Definitive && g.direct_only) kind += "<br><span class=\"tag\">" + html_escape(cat("calc.annex_ii")) + "</span>";
        page.raw(html_row({name, kind, page.figure(format_see(g.see_direct.value()), key, "see_direct", good_why[i]),
                           page.figure(format_see(g.see_indirect.value()), key, "see_indirect", good_why[i]),
                           page.figure(format_see(g.see_total.value()), key, "see_total", good_why[i]), html_escape(g.see_unit.symbol()),
                           page.figure(format_percent(g.breakdown.default_share.value()), key, "default_values_share_pct", share_why[i])}));
    }
    page.raw("</table>\n");
    page.paragraph(cat("calc.summary_note"), "meta");

    // Where each good's figure comes from: the CN codes (the goods sold), or a category without
    // any; CN codes made by the same processes have the same figures and share one section.
    std::vector<bool> shown(r.goods.size(), false);
    for (std::size_t i = 0; i < r.goods.size(); ++i) {
        const GoodResult& g = r.goods[i];
        bool has_codes = false;
        for (const auto& o : r.goods) has_codes = has_codes || (o.aggregated_good == g.aggregated_good && !o.cn_code.empty());
        if ((g.cn_code.empty() && has_codes) || shown[i]) continue;
        std::string names = good_label(cat, g);
        for (std::size_t j = i + 1; j < r.goods.size(); ++j) {
            const GoodResult& o = r.goods[j];
            if (o.aggregated_good != g.aggregated_good || o.cn_code.empty() || o.process_ids != g.process_ids) continue;
            shown[j] = true;
            names = cat.format("calc.and", {{"a", names}, {"b", "CN " + o.cn_code}});
        }
        std::string key = row_key(g);
        page.heading(2, cat.format("calc.where_from", {{"good", names}}), "good-" + (g.cn_code.empty() ? std::to_string(i) : g.cn_code));

        nlohmann::json labels = nlohmann::json::array();
        ChartSeries direct{cat("col.see_direct"), kDirectColour, {}}, counted{cat("calc.chart.indirect_counted"), kIndirectColour, {}},
            not_counted{cat("calc.chart.indirect_not_counted"), kNotCountedColour, {}};
        for (const auto& s : g.breakdown.shares) {
            labels.push_back(chart_label(cat, s));
            direct.values.push_back(format_see(s.direct.value()));
            // A share's indirect emissions count entirely or not at all.
            bool is_counted = s.indirect_counted.value() == s.indirect.value();
            counted.values.push_back(format_see(is_counted ? s.indirect_counted.value() : Decimal(0)));
            not_counted.values.push_back(format_see(is_counted ? Decimal(0) : s.indirect.value()));
        }
        nlohmann::json config = stacked_bars(labels, {direct, counted, not_counted}, g.see_unit.symbol());
        page.chart(config, cat.format("calc.chart.caption", {{"good", names}, {"unit", g.see_unit.symbol()}}));

        page.raw("<table>\n" + html_row({html_escape(cat("calc.col.where")), html_escape(cat("calc.col.basis")), "\x01" + html_escape(cat("col.see_direct")),
                                         "\x01" + html_escape(cat("col.see_indirect")), "\x01" + html_escape(cat("calc.col.counted_total"))},
                                        true));
        for (std::size_t k = 0; k < g.breakdown.shares.size(); ++k) {
            const SeeShare& s = g.breakdown.shares[k];
            std::string skey = fmt::format("{}|{}", key, k);
            std::string indirect = page.figure(format_see(s.indirect.value()), skey, "see_indirect", shares_why[i][k]);
            if (!s.indirect.value().is_zero() && s.indirect_counted.value().is_zero())
                indirect += "<br><span class=\"tag\">" + html_escape(cat("calc.not_counted")) + "</span>";
            page.raw(html_row({html_escape(share_label(cat, inst, s)), basis(cat, s), page.figure(format_see(s.direct.value()), skey, "see_direct", shares_why[i][k]),
                               indirect, page.figure(format_see(s.total.value()), skey, "see_total", shares_why[i][k])}));
        }
        page.raw(html_row({html_escape(cat("calc.total")), "", page.figure(format_see(g.see_direct.value()), key, "see_direct", good_why[i]),
                           page.figure(format_see(g.see_indirect.value()), key, "see_indirect", good_why[i]),
                           page.figure(format_see(g.see_total.value()), key, "see_total", good_why[i])},
                          false, "total"));
        page.raw("</table>\n");
        std::string share = page.figure(format_percent(g.breakdown.default_share.value()), key, "default_values_share_pct", share_why[i]);
        page.raw("<p>" + page.sentence(g.breakdown.default_share.value().is_zero() ? "calc.no_defaults" : "calc.defaults", {{"share", share}}) + "</p>\n");
    }

    page.about({"calc.about.see", "calc.about.simple_complex", "calc.about.rounding", "calc.about.links"}, ctx.data_versions);
    return page.str();
}

}  // namespace cbam
