#include "importers/declaration_data_reader.h"
#include "core/text.h"

#include "io/csv_table.h"
#include "registry/currencies.h"

#include <fmt/format.h>

#include <algorithm>

namespace cbam {

std::vector<CarbonPricePaid> read_carbon_prices_paid(const std::string& path, Diagnostics& diags, const Countries& countries,
                                                     const CsvDialect& dialect) {
    std::vector<CarbonPricePaid> out;
    read_table(path,
               {{"installation_id", true}, {"cn_code", false}, {"country", true}, {"instrument", true}, {"legal_act", true},
                {"price_per_tonne", true}, {"currency", true}, {"eur_per_unit", true}, {"rebate_per_tonne", false}, {"covered_share", false},
                {"evidence", true}, {"certified_by", true}},
               dialect, diags, [&](const CsvRow& row) {
                   CarbonPricePaid c;
                   c.where = row.row_location();
                   c.installation_id = row.text("installation_id").value_or("");
                   c.cn_code = std::string(row.cell("cn_code"));
                   if (!c.cn_code.empty() && !is_digits(c.cn_code, 8))
                       row.error("cn_code", fmt::format("expected an 8-digit CN code, or an empty cell for every good of the installation, found \"{}\"", c.cn_code));
                   c.country = std::string(row.cell("country"));
                   if (!countries.find(c.country))
                       row.error("country", fmt::format("expected an ISO 3166-1 alpha-2 country code, found \"{}\"", c.country));
                   c.instrument = row.choice("instrument", {"01", "02", "03", "04", "05", "06"}).value_or("");
                   c.legal_act = row.text("legal_act").value_or("");
                   c.price_per_tonne = row.number("price_per_tonne", true, NumberRule::NonNegative).value_or(0);
                   c.currency = std::string(row.cell("currency"));
                   if (!Currencies::builtin().known(c.currency))
                       row.error("currency", fmt::format("expected an ISO 4217 currency code such as EUR or CNY, found \"{}\"", c.currency));
                   c.eur_per_unit = row.number("eur_per_unit", true, NumberRule::Positive).value_or(0);
                   c.rebate_per_tonne = row.number("rebate_per_tonne", false, NumberRule::NonNegative).value_or(0);
                   c.covered_share = row.number("covered_share", false, NumberRule::Fraction).value_or(1);
                   if (c.rebate_per_tonne > c.price_per_tonne)
                       row.error("rebate_per_tonne", fmt::format("expected a rebate not above the price paid ({}), found {}",
                                                                 c.price_per_tonne.to_string(), c.rebate_per_tonne.to_string()));
                   c.evidence = row.text("evidence").value_or("");
                   c.certified_by = row.text("certified_by").value_or("");
                   // One price per installation and good: a second row for the same would make the deduction ambiguous.
                   for (const auto& earlier : out)
                       if (earlier.installation_id == c.installation_id && earlier.cn_code == c.cn_code && !c.installation_id.empty()) {
                           row.error(c.cn_code.empty() ? "installation_id" : "cn_code",
                                     fmt::format("installation {}{} has a carbon price already on line {}", c.installation_id,
                                                 c.cn_code.empty() ? "" : " and CN " + c.cn_code, earlier.where.line));
                           return;
                       }
                   out.push_back(std::move(c));
               });
    return out;
}

std::vector<CertificatePrice> read_certificate_prices(const std::string& path, Diagnostics& diags, const CsvDialect& dialect) {
    std::vector<CertificatePrice> out;
    read_table(path, {{"first_day", true}, {"last_day", true}, {"price_eur", true}, {"source", true}}, dialect, diags, [&](const CsvRow& row) {
        CertificatePrice p;
        p.where = row.row_location();
        p.first_day = std::string(row.cell("first_day"));
        p.last_day = std::string(row.cell("last_day"));
        bool ok = true;
        for (auto [col, v] : {std::pair{"first_day", &p.first_day}, {"last_day", &p.last_day}})
            if (!is_iso_date(*v)) {
                row.error(col, fmt::format("expected a date as YYYY-MM-DD, found \"{}\"", *v));
                ok = false;
            }
        if (ok && p.last_day < p.first_day)
            row.error("last_day", fmt::format("expected a date not before first_day ({}), found {}", p.first_day, p.last_day));
        p.eur = row.number("price_eur", true, NumberRule::Positive).value_or(0);
        p.source = row.text("source").value_or("");
        out.push_back(std::move(p));
    }, {.required = true});
    std::sort(out.begin(), out.end(), [](const CertificatePrice& a, const CertificatePrice& b) { return a.first_day < b.first_day; });
    for (std::size_t i = 1; i < out.size(); ++i)
        if (out[i].first_day <= out[i - 1].last_day) {
            SourceLocation w = out[i].where;
            w.field = "first_day";
            diags.add(w, fmt::format("the period {} to {} overlaps the one from {} to {} ({})", out[i].first_day, out[i].last_day,
                                     out[i - 1].first_day, out[i - 1].last_day, out[i - 1].where.to_string()));
        }
    return out;
}

}  // namespace cbam
