#include "writers/html_year.h"

#include "writers/declaration_writer.h"
#include "writers/explanation.h"
#include "writers/html_page.h"
#include "writers/rounding.h"

#include <fmt/format.h>

#include <map>

namespace cbam {

namespace {

constexpr const char* kCostColour = "#1f5fa8";
constexpr const char* kDefaultColour = "#c0432b";
constexpr const char* kActualColour = "#2e8b57";

std::string unit_of(const DeclarationEntry& e) { return e.electricity ? "MWh" : "t"; }

}  // namespace

std::string year_to_html(const YearPage& in, const HtmlContext& ctx) {
    const Catalogue& cat = ctx.cat;
    const DeclarationResult& r = in.result;
    const std::string year = std::to_string(r.year);
    HtmlPage page(cat, ctx.charts, cat.format("year.title", {{"year", year}, {"name", in.declarant_name}}));
    page.raw("<header>\n").heading(1, cat.format("year.title", {{"year", year}, {"name", in.declarant_name}}));
    page.paragraph(cat.format("year.declarant", {{"name", in.declarant_name}, {"id", in.declarant_id}}), "meta");
    page.paragraph(cat("year.scope"), "meta");
    page.raw("</header>\n");

    // Derivations of the goods first: every total links to the goods it adds up.
    std::vector<std::string> entry_why;
    for (const auto& e : r.entries) {
        std::string good = fmt::format("CN {} from {}{} (importer {})", e.taric_code.empty() ? e.cn_code : e.taric_code, e.origin,
                                       e.installation_id.empty() ? "" : ", installation " + e.installation_id, e.importer);
        entry_why.push_back(page.derivation(good, e.valuation.basis + "\n\n" + explain(e.certificates, "Certificates owed for " + good) + "\n" +
                                                      explain(e.cost, "Their cost for " + good)));
    }
    std::map<std::string, std::string> total_why;
    auto why_of = [&](const YearTotalsRow& row) {
        std::string& id = total_why[row.group + "|" + row.key];
        if (!id.empty()) return id;
        std::string text = cat("year.why_sum") + "\n";
        for (std::size_t i : row.entries) {
            const DeclarationEntry& e = r.entries[i];
            text += fmt::format("  importer {}, CN {} from {}{}: {} certificates, EUR {}\n", e.importer, e.cn_code, e.origin,
                                e.installation_id.empty() ? "" : ", installation " + e.installation_id, format_tonnes(e.certificates.value()),
                                format_eur(e.cost.value()));
        }
        id = page.derivation(cat.format("year.why_total", {{"what", row.group == "all" ? cat("year.all") : row.key.empty() ? cat("year.no_installation") : row.key}}), text);
        return id;
    };
    auto total_cells = [&](const YearTotalsRow& row) {
        std::string key = row.group + "|" + row.key, why = why_of(row);
        return std::vector<std::string>{page.figure(format_tonnes(row.embedded), key, "embedded_tco2e", why),
                                        page.figure(format_tonnes(row.fa_adjustment), key, "fa_adjustment_tco2e", why),
                                        page.figure(format_tonnes(row.deduction), key, "carbon_price_deduction", why),
                                        page.figure(format_tonnes(row.certificates), key, "certificates", why),
                                        page.figure(format_eur(row.cost), key, "cost_eur", why)};
    };
    const std::vector<std::string> head = {"\x01" + html_escape(cat("year.col.embedded")), "\x01" + html_escape(cat("year.col.fa")),
                                           "\x01" + html_escape(cat("year.col.deduction")), "\x01" + html_escape(cat("year.col.certificates")),
                                           "\x01" + html_escape(cat("year.col.cost"))};
    auto with = [](std::vector<std::string> first, const std::vector<std::string>& rest) {
        first.insert(first.end(), rest.begin(), rest.end());
        return first;
    };
    const YearTotalsRow* all = nullptr;
    for (const auto& row : in.totals)
        if (row.group == "all") all = &row;

    if (all) {
        std::string why = why_of(*all);
        page.raw("<p class=\"lead\">" +
                 page.sentence("year.lead", {{"year", year},
                                             {"surrender", page.figure(certificates_to_surrender(r).to_string(), "all|", "certificates_to_surrender", why)},
                                             {"cost", page.figure(format_eur(all->cost), "all|", "cost_eur", why)},
                                             {"embedded", page.figure(format_tonnes(all->embedded), "all|", "embedded_tco2e", why)}}) +
                 "</p>\n");
    }

    // Which supplier costs most.
    page.heading(2, cat("year.by_installation"), "by-installation");
    nlohmann::json labels = nlohmann::json::array();
    ChartSeries cost{cat("year.col.cost"), kCostColour, {}};
    for (const auto& row : in.totals) {
        if (row.group != "installation") continue;
        labels.push_back(row.key.empty() ? cat("year.no_installation") : row.name.empty() ? row.key : row.name + " (" + row.key + ")");
        cost.values.push_back(format_eur(row.cost));
    }
    page.chart(stacked_bars(labels, {cost}, "EUR"), cat("year.chart.installations"));
    page.raw("<table>\n" + html_row(with({html_escape(cat("year.col.installation"))}, head), true));
    for (const auto& row : in.totals)
        if (row.group == "installation")
            page.raw(html_row(with({html_escape(row.key.empty() ? cat("year.no_installation") : row.name.empty() ? row.key : row.name + " (" + row.key + ")")},
                                   total_cells(row))));
    if (all) page.raw(html_row(with({html_escape(cat("calc.total"))}, total_cells(*all)), false, "total"));
    page.raw("</table>\n");

    // What actual data saves.
    page.heading(2, cat("year.savings"), "savings");
    if (in.comparisons.empty()) page.paragraph(cat("year.no_comparisons"));
    else {
        nlohmann::json l = nlohmann::json::array();
        ChartSeries at_defaults{cat("year.col.cost_defaults"), kDefaultColour, {}}, at_actual{cat("year.col.cost_actual"), kActualColour, {}};
        for (const auto& c : in.comparisons) {
            l.push_back(nlohmann::json::array({c.installation_name.empty() ? c.installation_id : c.installation_name, "CN " + c.cn_code + " · " + c.importer}));
            at_defaults.values.push_back(c.cost_at_defaults ? format_eur(*c.cost_at_defaults) : "0");
            at_actual.values.push_back(c.cost_at_actual ? format_eur(*c.cost_at_actual) : "0");
        }
        nlohmann::json config = stacked_bars(l, {at_defaults, at_actual}, "EUR");
        config["options"]["scales"]["x"]["stacked"] = false;
        config["options"]["scales"]["y"]["stacked"] = false;
        page.chart(config, cat("year.chart.savings"));
        page.raw("<table>\n" + html_row({html_escape(cat("year.col.installation")), html_escape(cat("report.col.cn")), html_escape(cat("year.col.importer")),
                                         "\x01" + html_escape(cat("year.col.cost_defaults")), "\x01" + html_escape(cat("year.col.cost_actual")),
                                         "\x01" + html_escape(cat("year.col.saving")), html_escape(cat("year.col.note"))},
                                        true));
        for (std::size_t k = 0; k < in.comparisons.size(); ++k) {
            const ActualDataComparison& c = in.comparisons[k];
            std::string key = fmt::format("saving|{}", k);
            std::string why = page.derivation(cat.format("year.why_saving", {{"id", c.installation_id}, {"cn", c.cn_code}}),
                                              "default values: " + (c.cost_at_defaults ? c.basis_defaults : c.why_defaults) +
                                                  "\nactual data: " + (c.cost_at_actual ? c.basis_actual : c.why_actual) +
                                                  "\n\nThe same quantities at the same certificate prices, valued each way (no carbon price deduction).");
            auto cell = [&](const std::optional<Decimal>& d, const char* col) {
                return d ? page.figure(format_eur(*d), key, col, why) : "<span class=\"tag\">" + html_escape(cat("year.na")) + "</span>";
            };
            std::string note;
            if (!c.verified) note += "<span class=\"tag default\">" + html_escape(cat("year.not_verified")) + "</span> ";
            if (auto s = c.saving(); s && s->sign() < 0) note += html_escape(cat("year.costs_more"));
            else if (s && s->sign() > 0) note += html_escape(cat("year.saves"));
            page.raw(html_row({html_escape((c.installation_name.empty() ? "" : c.installation_name + " ") + "(" + c.installation_id + ")"), html_escape(c.cn_code),
                               html_escape(c.importer), cell(c.cost_at_defaults, "cost_at_defaults_eur"), cell(c.cost_at_actual, "cost_at_actual_eur"),
                               cell(c.saving(), "saving_eur"), note}));
        }
        page.raw("</table>\n");
        page.paragraph(cat("year.savings_note"), "meta");
    }

    // Per importer, with the de minimis check.
    page.heading(2, cat("year.by_importer"), "by-importer");
    page.raw("<table>\n" + html_row(with({html_escape(cat("year.col.importer")), "\x01" + html_escape(cat("year.col.mass")), html_escape(cat("year.col.de_minimis"))}, head), true));
    for (const auto& row : in.totals) {
        if (row.group != "importer") continue;
        std::string mass, status;
        for (std::size_t i = 0; i < r.importers.size(); ++i) {
            const ImporterMass& m = r.importers[i];
            if (m.importer != row.key) continue;
            mass = page.figure(format_amount(m.de_minimis_mass), "importer|" + m.importer, "de_minimis_mass_t", why_of(row));
            status = html_escape(cat(m.exempt ? "year.exempt" : "year.above"));
        }
        page.raw(html_row(with({html_escape(row.key), mass, status}, total_cells(row))));
    }
    page.raw("</table>\n");
    page.paragraph(cat("year.de_minimis_rule"), "meta");

    if (in.holding) {
        const HoldingCheck& h = *in.holding;
        page.heading(2, cat("year.holding"), "holding");
        std::string why = page.derivation(cat("year.holding"), cat("year.holding_rule") + (h.notes.empty() ? "" : "\n\n") + [&] {
            std::string n;
            for (const auto& x : h.notes) n += x + "\n";
            return n;
        }());
        std::string held = h.held ? page.figure(h.held->to_string(), "holding|", "held", why) : html_escape(cat("year.na"));
        page.raw("<p>" + page.sentence("year.holding_text", {{"date", html_escape(h.date)},
                                                              {"at_defaults", page.figure(format_tonnes(h.certificates_at_defaults), "holding|", "certificates_at_defaults", why)},
                                                              {"required", page.figure(format_tonnes(h.required), "holding|", "required", why)},
                                                              {"held", held}}) +
                 "</p>\n");
        if (h.held) {
            Decimal gap = h.required - *h.held;
            page.raw(gap.sign() > 0 ? "<p class=\"notice\">" + page.sentence("year.short", {{"short", page.figure(format_tonnes(gap), "holding|", "short_by", why)}}) + "</p>\n"
                                    : "<p>" + html_escape(cat("year.enough")) + "</p>\n");
        }
    }

    // Every good.
    page.heading(2, cat("year.per_good"), "per-good");
    page.raw("<table>\n" + html_row(with({html_escape(cat("year.col.importer")), html_escape(cat("year.col.cn_origin")),
                                          html_escape(cat("year.col.installation")), html_escape(cat("calc.col.basis")), "\x01" + html_escape(cat("report.col.quantity")),
                                          "\x01" + html_escape(cat("year.col.see"))},
                                         head),
                                    true));
    for (std::size_t i = 0; i < r.entries.size(); ++i) {
        const DeclarationEntry& e = r.entries[i];
        std::string key = fmt::format("entry|{}", i), why = entry_why[i];
        std::string basis = e.valuation.actual ? "<span class=\"tag actual\">" + html_escape(cat("calc.basis.actual")) + "</span>"
                                               : "<span class=\"tag default\">" + html_escape(cat("calc.basis.default")) + "</span>";
        page.raw(html_row({html_escape(e.importer), html_escape(e.taric_code.empty() ? e.cn_code : e.taric_code) + "<br>" + html_escape(e.origin),
                           html_escape(e.installation_id.empty() ? "-" : e.installation_id), basis,
                           page.figure(format_amount(e.quantity.value()), key, "quantity", why) + " " + unit_of(e),
                           page.figure(format_see(e.valuation.see_total.value()), key, "see_counted", why),
                           page.figure(format_tonnes(e.embedded.value()), key, "embedded_tco2e", why),
                           page.figure(format_tonnes(e.fa_adjustment.value()), key, "fa_adjustment_tco2e", why),
                           page.figure(format_tonnes(e.deduction.value()), key, "carbon_price_deduction", why),
                           page.figure(format_tonnes(e.certificates.value()), key, "certificates", why),
                           page.figure(format_eur(e.cost.value()), key, "cost_eur", why)}));
    }
    page.raw("</table>\n");

    // The customs lines, by status.
    page.heading(2, cat("year.lines"), "lines");
    std::map<std::string, std::vector<const LineStatus*>> by_status;
    for (const auto& l : r.lines) by_status[l.status].push_back(&l);
    page.raw("<table>\n" + html_row({html_escape(cat("year.col.status")), "\x01" + html_escape(cat("report.col.lines"))}, true));
    for (const auto& [status, lines] : by_status) {
        std::string text;
        for (const LineStatus* l : lines) text += fmt::format("{}:{} CN {} from {}, importer {}: {}\n", l->where.file, l->where.line, l->cn_code, l->origin, l->importer, l->reason);
        std::string label = cat.has("year.status." + status) ? cat("year.status." + status) : status;
        std::string why = page.derivation(label, text);
        page.raw(html_row({html_escape(label), page.figure(std::to_string(lines.size()), "status|" + status, "lines", why)}));
    }
    page.raw("</table>\n");

    page.about({"year.about.formula", "year.about.rounding", "calc.about.links"}, ctx.data_versions);
    return page.str();
}

}  // namespace cbam
