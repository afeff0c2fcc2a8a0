#include "writers/html_quarter.h"

#include "writers/html_page.h"
#include "writers/rounding.h"

#include <fmt/format.h>

#include <map>

namespace cbam {

namespace {

constexpr const char* kDirectColour = "#1f5fa8";
constexpr const char* kIndirectColour = "#e0901a";
constexpr const char* kDefaultColour = "#c0432b";

std::string provenance_of(const QuarterResult& r, const std::vector<std::string>& keys) {
    std::string out;
    for (const auto& k : keys) {
        auto it = r.provenance.find(k);
        std::string inst = k.substr(k.rfind('|') + 1);
        std::string cn = k.substr(0, k.find('|'));
        std::string origin = k.substr(k.find('|') + 1, k.rfind('|') - k.find('|') - 1);
        out += fmt::format("CN {} from {}, {}:\n  {}\n", cn, origin, inst.empty() ? "default values (no installation named)" : "installation " + inst,
                           it == r.provenance.end() ? "" : it->second);
    }
    return out;
}

std::string installation_label(const Catalogue& cat, const TotalsRow& row) {
    if (row.key.empty()) return cat("report.defaults_entry");
    return row.name.empty() ? row.key : fmt::format("{} ({})", row.name, row.key);
}

}  // namespace

std::string quarter_to_html(const QuarterResult& r, const QuarterTotals& totals, const HtmlContext& ctx) {
    const Catalogue& cat = ctx.cat;
    const std::string period = fmt::format("{} {}", r.report.year, r.report.reporting_period);
    HtmlPage page(cat, ctx.charts, cat.format("report.title", {{"period", period}, {"name", r.report.declarant.name}}));
    page.raw("<header>\n").heading(1, cat.format("report.title", {{"period", period}, {"name", r.report.declarant.name}}));
    page.paragraph(cat.format("report.declarant", {{"name", r.report.declarant.name}, {"id", r.report.declarant.id}}), "meta");
    page.paragraph(cat.format("report.lines", {{"read", std::to_string(r.lines_read)}, {"reported", std::to_string(r.lines_reported)},
                                               {"goods", std::to_string(r.report.goods.size())}}),
                   "meta");
    page.paragraph(cat("report.scope"), "meta");
    page.raw("</header>\n");

    std::map<std::string, std::string> why_of;  // one derivation per totals row
    auto totals_why = [&](const TotalsRow& row) {
        std::string& id = why_of[row.group + "|" + row.key];
        if (id.empty()) id = page.derivation(cat.format("report.why_total", {{"what", row.group == "all" ? cat("report.all") : row.key.empty() && row.group == "installation" ? cat("report.defaults_entry") : row.key}}),
                               cat("report.why_intro") + "\n\n" + provenance_of(r, row.entries));
        return id;
    };
    auto fig = [&](const Decimal& d, const std::string& row, const char* col, const std::string& why) {
        return page.figure(format_tonnes(d), row, col, why);
    };
    auto totals_cells = [&](const TotalsRow& row, const std::string& why) {
        std::string key = row.group + "|" + row.key;
        return std::vector<std::string>{fig(row.direct, key, "embedded_direct_tco2e", why), fig(row.indirect, key, "embedded_indirect_tco2e", why),
                                        fig(row.total(), key, "embedded_total_tco2e", why),
                                        page.figure(format_percent(row.default_share()), key, "default_values_share_pct", why)};
    };
    const std::vector<std::string> head = {"\x01" + html_escape(cat("report.col.direct")), "\x01" + html_escape(cat("report.col.indirect")),
                                           "\x01" + html_escape(cat("report.col.total")), "\x01" + html_escape(cat("col.default_share"))};
    auto with = [](std::vector<std::string> first, const std::vector<std::string>& rest) {
        first.insert(first.end(), rest.begin(), rest.end());
        return first;
    };

    const TotalsRow* all = nullptr;
    for (const auto& row : totals.rows)
        if (row.group == "all") all = &row;
    if (all) {
        std::string why = totals_why(*all);
        page.raw("<p class=\"lead\">" +
                 page.sentence("report.lead", {{"total", page.figure(format_tonnes(all->total()), "all|", "embedded_total_tco2e", why)},
                                               {"share", page.figure(format_percent(all->default_share()), "all|", "default_values_share_pct", why)}}) +
                 "</p>\n");
    }

    // By installation: who the emissions come from.
    page.heading(2, cat("report.by_installation"), "by-installation");
    nlohmann::json labels = nlohmann::json::array();
    ChartSeries direct{cat("report.col.direct"), kDirectColour, {}}, indirect{cat("report.col.indirect"), kIndirectColour, {}};
    for (const auto& row : totals.rows) {
        if (row.group != "installation") continue;
        labels.push_back(installation_label(cat, row));
        direct.values.push_back(format_tonnes(row.direct));
        indirect.values.push_back(format_tonnes(row.indirect));
    }
    page.chart(stacked_bars(labels, {direct, indirect}, "tCO2e"), cat("report.chart.installations"));
    page.raw("<table>\n" + html_row(with({html_escape(cat("report.col.installation"))}, head), true));
    for (const auto& row : totals.rows)
        if (row.group == "installation") {
            std::string name = html_escape(installation_label(cat, row));
            if (row.key.empty()) name += " <span class=\"tag default\">" + html_escape(cat("calc.basis.default")) + "</span>";
            page.raw(html_row(with({name}, totals_cells(row, totals_why(row)))));
        }
    page.raw("</table>\n");

    for (const auto& [group, title, col] : {std::tuple{"cn_code", "report.by_cn", "report.col.cn"}, std::tuple{"origin", "report.by_origin", "report.col.origin"}}) {
        page.heading(2, cat(title), std::string("by-") + group);
        if (std::string(group) == "cn_code") {
            nlohmann::json l = nlohmann::json::array();
            ChartSeries d{cat("report.col.direct"), kDirectColour, {}}, i{cat("report.col.indirect"), kIndirectColour, {}};
            for (const auto& row : totals.rows)
                if (row.group == group) l.push_back("CN " + row.key), d.values.push_back(format_tonnes(row.direct)), i.values.push_back(format_tonnes(row.indirect));
            page.chart(stacked_bars(l, {d, i}, "tCO2e"), cat("report.chart.cn"));
        }
        page.raw("<table>\n" + html_row(with({html_escape(cat(col))}, head), true));
        for (const auto& row : totals.rows)
            if (row.group == group) page.raw(html_row(with({html_escape(row.key)}, totals_cells(row, totals_why(row)))));
        if (all) page.raw(html_row(with({html_escape(cat("calc.total"))}, totals_cells(*all, totals_why(*all))), false, "total"));
        page.raw("</table>\n");
    }

    // Per good of the report, as the summary CSV lists them.
    page.heading(2, cat("report.per_good"), "per-good");
    page.raw("<table>\n" + html_row(with({html_escape(cat("report.col.cn")), html_escape(cat("report.col.origin")), "\x01" + html_escape(cat("report.col.quantity")),
                                          html_escape(cat("col.unit"))},
                                         with(head, {html_escape(cat("report.col.note"))})),
                                    true));
    for (const auto& s : r.summary) {
        std::string key = s.cn_code + "|" + s.origin;
        std::vector<std::string> keys;
        for (const auto& e : r.entries)
            if (e.cn_code == s.cn_code && e.origin == s.origin) keys.push_back(e.cn_code + "|" + e.origin + "|" + e.installation_id);
        std::string why = page.derivation(cat.format("report.why_good", {{"cn", s.cn_code}, {"origin", s.origin}}), provenance_of(r, keys));
        std::string note = html_escape(cat(s.complex ? "calc.complex" : "calc.simple"));
        if (s.default_limit_exceeded) note += "<br><span class=\"tag default\">" + html_escape(cat("report.over_20")) + "</span>";
        page.raw(html_row({html_escape(s.cn_code), html_escape(s.origin), page.figure(format_amount(s.quantity), key, "quantity", why),
                           s.electricity ? "MWh" : "t", fig(s.direct, key, "embedded_direct_tco2e", why), fig(s.indirect, key, "embedded_indirect_tco2e", why),
                           fig(s.total(), key, "embedded_total_tco2e", why),
                           page.figure(format_percent(s.default_share()), key, "default_values_share_pct", why), note}));
    }
    page.raw("</table>\n");
    page.paragraph(cat("report.rule_20"), "meta");
    if (!r.warnings.empty()) {
        page.raw("<div class=\"notice\"><strong>" + html_escape(cat("report.warnings")) + "</strong><ul>\n");
        for (const auto& w : r.warnings) page.raw("<li>" + html_escape(w) + "</li>\n");
        page.raw("</ul></div>\n");
    }

    // Lines not reported, by reason.
    page.heading(2, cat("report.not_reported"), "not-reported");
    if (totals.skipped_by_reason.empty()) page.paragraph(cat("report.all_reported"));
    else {
        page.raw("<table>\n" + html_row({html_escape(cat("report.col.reason")), "\x01" + html_escape(cat("report.col.lines")), html_escape(cat("report.col.example"))}, true));
        for (const auto& rc : totals.skipped_by_reason) {
            std::string list;
            const SkippedLine* example = nullptr;
            for (const auto& s : r.skipped)
                if (s.reason_code == rc.reason_code) {
                    if (!example) example = &s;
                    list += fmt::format("{}:{} CN {} from {}, {}: {}\n", *s.file, s.line, s.cn_code, s.origin, format_amount(s.quantity), *s.reason);
                }
            std::string why = page.derivation(cat("report.reason." + rc.reason_code), list);
            std::string reason_key = "reason." + rc.reason_code;
            page.raw(html_row({html_escape(cat("report.reason." + rc.reason_code)), page.figure(std::to_string(rc.lines), reason_key, "lines", why),
                               example ? html_escape(*example->reason) : ""}));
        }
        page.raw("</table>\n");
    }

    page.about({"report.about.entries", "report.about.rounding", "calc.about.links"}, ctx.data_versions);
    return page.str();
}

}  // namespace cbam
