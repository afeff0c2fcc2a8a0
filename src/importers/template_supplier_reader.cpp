#include "importers/template_supplier_reader.h"

#include "core/text.h"
#include "importers/template_cells.h"
#include "importers/template_installation_reader.h"
#include "io/template_map.h"
#include "io/xlsx.h"

#include <fmt/format.h>

#include <filesystem>

namespace cbam {

namespace {

std::string stem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

// A cached text of a result cell ("" when blank or an error, which is then reported).
std::string result_text(const TemplateCells& t, const char* field, int row = 0) { return t.cached_text(field, row).value_or(""); }

std::optional<std::string> result_date(const TemplateCells& t, const char* field) {
    const xlsx::Cell* c = t.cell(field);
    if (!c || c->blank()) return std::nullopt;
    auto d = xlsx::iso_date(*c, t.workbook().date1904());
    if (!d) t.error(field, 0, 0, fmt::format("expected a date computed by the template, found \"{}\"", c->value));
    return d;
}

void read(const xlsx::Workbook& wb, const TemplateMap& map, SupplierData& data, Diagnostics& diags, const CnRegistry& cn,
          const Countries& countries) {
    TemplateCells t(wb, map, diags);
    const std::size_t before = diags.count();

    // The installation, as Summary_Communication states it.
    SupplierEmissions base;
    base.installation_id = stem(wb.file());
    base.installation_name = result_text(t, "communication.installation_name");
    base.street = result_text(t, "communication.installation_street");
    base.economic_activity = result_text(t, "communication.installation_economic_activity");
    base.city = result_text(t, "communication.installation_city");
    base.country = result_text(t, "communication.installation_country");
    base.unlocode = result_text(t, "communication.installation_unlocode");
    base.latitude = result_text(t, "communication.installation_latitude");
    base.longitude = result_text(t, "communication.installation_longitude");
    base.period_start = result_date(t, "communication.installation_period_start").value_or("");
    base.period_end = result_date(t, "communication.installation_period_end").value_or("");
    base.carbon_price_legal_act = result_text(t, "communication.carbon_price_instrument");
    // The contact: inputs of A_InstData (not repeated in the summary).
    ContactPerson contact{t.text("installation.representative").value_or(""), t.text("installation.telephone").value_or(""),
                          t.text("installation.email").value_or("")};
    if (!contact.name.empty() || !contact.phone.empty() || !contact.email.empty()) base.operator_contacts.push_back(contact);
    base.where = t.at("communication.installation_name");
    if (base.installation_name.empty())
        diags.add(t.at("communication.installation_name"),
                  "the template states no installation here: the workbook holds no computed results (it must be opened and saved in "
                  "Excel or LibreOffice after it was filled), or its installation data (A_InstData) is empty");
    else if (!countries.find(base.country))
        diags.add(t.at("communication.installation_country"),
                  fmt::format("expected the installation's ISO 3166-1 country code, found \"{}\"", base.country));

    const TemplateField& rows = map.field("communication.cn_code");
    int goods = 0;
    for (int r = 0; r < rows.count; ++r) {
        std::string process = result_text(t, "communication.process", r);
        std::string code = result_text(t, "communication.cn_code", r);
        if (process.empty() && code.empty()) continue;
        ++goods;
        const std::size_t row_before = diags.count();
        SupplierEmissions s = base;
        s.where = t.at("communication.cn_code", r);
        std::string err;
        auto c = cn.classify(code, &err);
        if (!c || c->cn.size() != 8) t.error("communication.cn_code", r, 0, c ? fmt::format("expected an 8-digit CN code, found \"{}\"", code) : err);
        else if (!c->in_scope) t.error("communication.cn_code", r, 0, fmt::format("CN code {} is not a CBAM good: {}", c->cn, c->reason));
        else s.cn_code = c->cn;
        const bool electricity = s.cn_code == "27160000";
        std::string unit = result_text(t, "communication.unit", r);
        std::string want = electricity ? "tCO2e/MWh" : "tCO2e/t";
        if (!unit.empty() && unit != want) t.error("communication.unit", r, 0, fmt::format("expected {} for CN {}, found \"{}\"", want, s.cn_code, unit));

        auto figure = [&](const char* field) -> std::optional<Decimal> {
            auto v = t.cached_number(field, r);
            if (!v && t.blank(field, r))
                t.error(field, r, 0, "expected the SEE the template computed, found nothing: the workbook was not recalculated and saved "
                                     "by Excel or LibreOffice after it was filled");
            if (v && v->sign() < 0) {
                t.error(field, r, 0, fmt::format("expected an SEE of 0 or more, found {}", v->to_string()));
                return std::nullopt;
            }
            return v;
        };
        auto d = figure("communication.see_direct");
        auto i = figure("communication.see_indirect");
        if (d) s.see_direct = *d;
        if (i) s.see_indirect = *i;

        // Determination: any part of the emissions from default values makes the figures default values.
        if (auto share = t.cached_number("communication.default_share", r)) s.default_values = share->sign() > 0;
        s.electricity_consumed = t.cached_number("communication.embedded_electricity", r);
        s.electricity_emission_factor = t.cached_number("communication.electricity_ef", r);
        std::string ef_source = result_text(t, "communication.ef_source", r);
        if (!ef_source.empty()) {
            s.electricity_factor_source = ef_source;
            if (const TemplateListItem* e = map.lookup("ef_source", ef_source)) s.electricity_source = e->code;
            else t.error("communication.ef_source", r, 0, fmt::format("\"{}\" is not one of the template's sources of emission factors", ef_source));
        }

        // Qualifying parameters (IR 2023/1773 Annex IV section 2).
        s.steel_mill_number = result_text(t, "communication.steel_mill_id", r);
        for (const TemplateListItem* q : map.list("qualifying_parameter")) {
            const TemplateField* f = map.find(q->value);
            if (!f) continue;
            std::string value;
            if (q->of == "percent" || q->of == "number") {
                auto v = t.cached_number(q->value, r);
                if (!v) continue;
                value = (q->of == "percent" ? *v * Decimal(100) : *v).to_string();
            } else if (q->of == "calcined") {
                std::string b = result_text(t, q->value.c_str(), r);
                if (b.empty()) continue;
                value = b == "TRUE" || b == "1" ? "Calcinated" : "Not Calcinated";
            } else {
                value = result_text(t, q->value.c_str(), r);
                if (value.empty()) continue;
            }
            s.qualifying_parameters.push_back({q->code, value});
        }

        // Carbon price due in the country of origin.
        std::string type = result_text(t, "communication.carbon_price_type", r);
        if (!type.empty() && type != "None") {
            const TemplateListItem* ct = map.lookup("carbon_price_type", type);
            if (!ct) t.error("communication.carbon_price_type", r, 0, fmt::format("\"{}\" is not one of the template's types of carbon price", type));
            else s.carbon_price_instrument = ct->code;
            s.carbon_price_amount = t.cached_number("communication.carbon_price_due", r);
            s.carbon_price_currency = result_text(t, "communication.carbon_price_currency", r);
            s.carbon_price_country = s.country;
        }

        if (diags.count() != row_before || diags.count() != before) continue;
        auto key = std::make_pair(s.installation_id, s.cn_code);
        auto [it, inserted] = data.emplace(key, s);
        if (!inserted && (it->second.see_direct != s.see_direct || it->second.see_indirect != s.see_indirect)) {
            // Two product rows of one CN code (two processes or routes): the template gives no weighting
            // between them, so neither can stand for the CN code.
            t.error("communication.cn_code", r, 0,
                    fmt::format("installation {} already has emissions data for CN {} (at {}): a communication must give one figure per CN "
                                "code; ask the supplier which applies",
                                s.installation_id, s.cn_code, it->second.where.to_string()));
        }
    }
    if (goods == 0 && diags.count() == before)
        diags.add(t.at("communication.cn_code"), "the template communicates no goods (no product rows in Summary_Communication)");
}

}  // namespace

void read_supplier_template(const std::string& path, SupplierData& data, Diagnostics& diags, const CnRegistry& cn, const Countries& countries,
                            const std::string& dir) {
    try {
        xlsx::Workbook wb = xlsx::Workbook::open(path);
        TemplateMap map = map_for_workbook(wb, dir.empty() ? templates_dir() : dir);
        read(wb, map, data, diags, cn, countries);
    } catch (const InputError& e) {
        for (const auto& d : e.diagnostics().items()) diags.add(d.where, d.message);
    }
}

}  // namespace cbam
