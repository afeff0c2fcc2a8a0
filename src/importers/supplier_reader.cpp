#include "importers/supplier_reader.h"

#include "io/csv_table.h"

#include <fmt/format.h>

namespace cbam {

void read_supplier_data(const std::string& path, SupplierData& data, Diagnostics& diags, const CnRegistry& cn,
                        const Countries& countries, const CsvDialect& dialect) {
    const std::vector<ColumnSpec> columns = {
        {"installation_id", true}, {"installation_name", false}, {"country", true}, {"city", false}, {"operator", false},
        {"aggregated_good", false}, {"cn_code", true}, {"see_direct", true}, {"see_indirect", true}, {"see_indirect_counted", false},
        {"see_total", false}, {"unit", false}, {"scope", false}, {"indirect", false}, {"activity_level", false}, {"activity_unit", false},
        {"processes", false}, {"precursor_default_values", false}, {"determination", false}, {"electricity_emission_factor", false},
        {"electricity_consumed", false}, {"electricity_source", false}, {"electricity_factor_source", false}, {"period_start", false},
        {"period_end", false}, {"method_id", false}, {"carbon_price_instrument", false}, {"carbon_price_legal_act", false},
        {"carbon_price_amount", false}, {"carbon_price_currency", false}, {"carbon_price_country", false}, {"route", false},
        {"verified", false}};
    read_table(path, columns, dialect, diags, [&](const CsvRow& row) {
        if (!row.has("cn_code")) return;  // an aggregated goods category row of `cbam calc`
        std::size_t before = diags.count();
        SupplierEmissions s;
        s.where = row.row_location();
        s.installation_id = row.text("installation_id").value_or("");
        s.installation_name = std::string(row.cell("installation_name"));
        s.country = std::string(row.cell("country"));
        if (!countries.find(s.country)) row.error("country", fmt::format("expected an ISO 3166-1 alpha-2 country code, found \"{}\"", s.country));
        s.city = std::string(row.cell("city"));
        s.operator_name = std::string(row.cell("operator"));
        std::string err;
        auto c = cn.classify(row.cell("cn_code"), &err);
        if (!c || c->cn.size() != 8) row.error("cn_code", c ? fmt::format("expected an 8-digit CN code, found \"{}\"", row.cell("cn_code")) : err);
        else if (!c->in_scope) row.error("cn_code", fmt::format("CN code {} is not a CBAM good: {}", c->cn, c->reason));
        else s.cn_code = c->cn;
        bool electricity = s.cn_code == "27160000";
        if (row.has("unit")) {
            std::string want = electricity ? "tCO2e/MWh" : "tCO2e/t";
            if (row.cell("unit") != want) row.error("unit", fmt::format("expected {} for CN {}, found \"{}\"", want, s.cn_code, row.cell("unit")));
        }
        s.see_direct = row.number("see_direct", true, NumberRule::NonNegative).value_or(0);
        s.see_indirect = row.number("see_indirect", true, NumberRule::NonNegative).value_or(0);
        s.see_indirect_counted = row.number("see_indirect_counted", false, NumberRule::NonNegative);
        if (s.see_indirect_counted && *s.see_indirect_counted > s.see_indirect)
            row.error("see_indirect_counted", fmt::format("expected at most see_indirect ({}): the indirect emissions that count are part of "
                                                          "them, found {}", s.see_indirect.to_string(), s.see_indirect_counted->to_string()));
        s.route = std::string(row.cell("route"));
        s.scope = std::string(row.cell("scope"));
        s.verified = row.has("verified") && row.choice("verified", {"yes", "no"}).value_or("no") == "yes";
        s.default_values = row.has("determination") && row.choice("determination", {"actual", "default"}).value_or("actual") == "default";
        s.electricity_emission_factor = row.number("electricity_emission_factor", false, NumberRule::NonNegative);
        s.electricity_consumed = row.number("electricity_consumed", false, NumberRule::NonNegative);
        if (row.has("electricity_source"))
            s.electricity_source = row.choice("electricity_source", {"grid", "direct_link", "ppa", "own_production", "mixed"}).value_or("");
        s.electricity_factor_source = std::string(row.cell("electricity_factor_source"));
        s.period_start = std::string(row.cell("period_start"));
        s.period_end = std::string(row.cell("period_end"));
        s.method_id = std::string(row.cell("method_id"));
        if (row.has("carbon_price_amount")) {
            s.carbon_price_amount = row.number("carbon_price_amount", true, NumberRule::NonNegative);
            s.carbon_price_instrument = row.text("carbon_price_instrument").value_or("");
            s.carbon_price_legal_act = row.text("carbon_price_legal_act").value_or("");
            s.carbon_price_currency = row.text("carbon_price_currency").value_or("");
            s.carbon_price_country = row.text("carbon_price_country").value_or("");
        }
        if (diags.count() != before) return;
        auto key = std::make_pair(s.installation_id, s.cn_code);
        auto [it, inserted] = data.emplace(key, s);
        if (!inserted)
            row.error("cn_code", fmt::format("installation {} already has emissions data for CN {} (at {})", s.installation_id, s.cn_code,
                                             it->second.where.to_string()));
    });
}

}  // namespace cbam
