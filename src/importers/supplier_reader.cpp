#include "importers/supplier_reader.h"

#include "core/text.h"
#include "importers/template_supplier_reader.h"
#include "io/csv_table.h"
#include "registry/production_methods.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>

namespace cbam {

namespace {

// Columns of the installation's address, its operator and the electricity conditions
// (docs/supplier-data.md, "Installation, operator and production method").
constexpr const char* kInstallationColumns[] = {
    "economic_activity", "subdivision", "street", "street_additional", "number", "postcode", "po_box", "plot_parcel_number",
    "unlocode", "latitude", "longitude", "coordinates_type", "operator_id", "operator_country", "operator_subdivision", "operator_city",
    "operator_street", "operator_street_additional", "operator_number", "operator_postcode", "operator_po_box", "contact_name",
    "contact_phone", "contact_email", "steel_mill_number", "conditionality_fulfillment"};

// Checks the length the report's element allows (QReport 23.00 an..N types).
std::string text_up_to(const CsvRow& row, const char* column, std::size_t max) {
    std::string v(row.cell(column));
    if (utf8_length(v) > max) row.error(column, fmt::format("expected at most {} characters (the report's limit), found {}", max, utf8_length(v)));
    return v;
}

// Decimal degrees within `limit` (90 for latitude, 180 for longitude), kept as written.
std::string coordinate(const CsvRow& row, const char* column, int limit) {
    if (!row.has(column)) return "";
    auto d = row.number(column, false);
    if (d && (*d > Decimal(limit) || *d < Decimal(-limit)))
        row.error(column, fmt::format("expected decimal degrees between -{} and {}, found {}", limit, limit, row.cell(column)));
    return text_up_to(row, column, 17);
}


// The precursors of complex goods (docs/supplier-data.md, "Precursor files").
void read_precursor_rows(const std::string& path, SupplierData& data, Diagnostics& diags, const CnRegistry& cn, const Countries& countries,
                         const CsvDialect& dialect) {
    const std::vector<ColumnSpec> columns = {
        {"installation_id", true}, {"cn_code", true}, {"precursor_cn_code", true}, {"precursor_country", false},
        {"precursor_installation_id", false}, {"specific_mass", false}, {"mass_consumed", false}, {"activity_level", false},
        {"process_activity_level", false}, {"precursor_sefa", false}, {"precursor_sefa_verified", false}};
    read_table(path, columns, dialect, diags, [&](const CsvRow& row) {
        std::size_t before = diags.count();
        PrecursorSefaInput p;
        p.where = row.row_location();
        std::string inst = row.text("installation_id").value_or("");
        std::string err;
        auto good = cn.classify(row.cell("cn_code"), &err);
        if (!good || good->cn.size() != 8) row.error("cn_code", good ? fmt::format("expected an 8-digit CN code, found \"{}\"", row.cell("cn_code")) : err);
        else if (!good->in_scope) row.error("cn_code", fmt::format("CN code {} is not a CBAM good: {}", good->cn, good->reason));
        auto pre = cn.classify(row.cell("precursor_cn_code"), &err);
        std::string pre_code(row.cell("precursor_cn_code"));
        if (!pre) row.error("precursor_cn_code", err);
        else if (pre_code.size() != 8 && pre_code.size() != 10)
            row.error("precursor_cn_code", fmt::format("expected an 8-digit CN code or a 10-digit TARIC code, found \"{}\"", pre_code));
        else if (!pre->in_scope) row.error("precursor_cn_code", fmt::format("CN code {} is not a CBAM good, so not a relevant precursor: {}", pre_code, pre->reason));
        p.cn_code = pre_code;
        if (good && good->in_scope && good->good && pre && pre->in_scope && pre->good) {
            const auto& rel = good->good->precursors;
            if (!good->good->complex)
                row.error("cn_code", fmt::format("CN {} is a simple good ({}): it has no relevant precursors", good->cn, good->good->name));
            else if (std::find(rel.begin(), rel.end(), pre->good->name) == rel.end()) {
                std::string list;
                for (const auto& r : rel) list += (list.empty() ? "" : ", ") + r;
                row.error("precursor_cn_code", fmt::format("CN {} ({}) is not a relevant precursor of CN {} ({}), whose relevant precursors are: {}",
                                                           pre_code, pre->good->name, good->cn, good->good->name, list));
            }
        }
        std::string country(row.cell("precursor_country"));
        if (country == "unknown") country.clear();
        else if (!country.empty() && !countries.find(country))
            row.error("precursor_country", fmt::format("expected an ISO 3166-1 alpha-2 country code or \"unknown\", found \"{}\"", country));
        p.country = country;
        p.installation_id = std::string(row.cell("precursor_installation_id"));
        p.specific_mass = row.number("specific_mass", false, NumberRule::Positive);
        p.mass_consumed = row.number("mass_consumed", false, NumberRule::Positive);
        p.activity_level = row.number("activity_level", false, NumberRule::Positive);
        p.process_activity_level = row.number("process_activity_level", false, NumberRule::Positive);
        if (p.specific_mass && (p.mass_consumed || p.activity_level || p.process_activity_level))
            row.error("specific_mass", "expected either specific_mass or mass_consumed with activity_level (and process_activity_level), not both");
        if (!p.specific_mass && !row.has("mass_consumed"))
            row.error("specific_mass", "expected the specific mass (t of precursor per t of good), or mass_consumed with activity_level");
        if (p.mass_consumed && !row.has("activity_level") && !row.has("process_activity_level"))
            row.error("activity_level", "expected the activity level that divides mass_consumed (activity_level, or process_activity_level)");
        p.sefa = row.number("precursor_sefa", false, NumberRule::NonNegative);
        p.sefa_verified = row.has("precursor_sefa_verified") && row.choice("precursor_sefa_verified", {"yes", "no"}).value_or("no") == "yes";
        if (p.sefa_verified && !p.sefa) row.error("precursor_sefa", "expected the SEFA that precursor_sefa_verified = yes refers to");
        if (!(p.sefa && p.sefa_verified) && !row.has("precursor_country"))
            row.error("precursor_country", "expected the precursor's country of production (or \"unknown\"): without a verified SEFA from its "
                                           "producer, its SEFA is taken from the benchmarks of its country (IR (EU) 2025/2620 Annex point 3.3(2))");
        if (diags.count() != before) return;
        auto it = data.find({inst, good->cn});
        if (it == data.end()) {
            row.error("cn_code", fmt::format("no emissions data for installation {} and CN {} in the supplier files: a precursor row belongs to "
                                             "a good's row", inst, good->cn));
            return;
        }
        for (const auto& q : it->second.precursors)
            if (q.cn_code == p.cn_code && q.country == p.country && q.installation_id == p.installation_id)
                row.error("precursor_cn_code", fmt::format("precursor {} from {} is already listed for installation {} and CN {} (at {})", p.cn_code,
                                                           p.country.empty() ? "unknown origin" : p.country, inst, good->cn, q.where.to_string()));
        if (diags.count() != before) return;
        it->second.precursors.push_back(std::move(p));
    });
}


}  // namespace

void read_installation_details(const CsvRow& row, SupplierEmissions& s, const Countries& countries) {
    s.economic_activity = text_up_to(row, "economic_activity", 256);
    s.subdivision = text_up_to(row, "subdivision", 35);
    s.street = text_up_to(row, "street", 70);
    s.street_additional = text_up_to(row, "street_additional", 70);
    s.number = text_up_to(row, "number", 35);
    s.postcode = text_up_to(row, "postcode", 17);
    s.po_box = text_up_to(row, "po_box", 70);
    s.plot_parcel_number = text_up_to(row, "plot_parcel_number", 15);
    if (row.has("unlocode")) {
        std::string lo(row.cell("unlocode"));
        bool shaped = lo.size() == 5 && std::all_of(lo.begin(), lo.end(), [](unsigned char ch) { return std::isupper(ch) || std::isdigit(ch); });
        if (!shaped) row.error("unlocode", fmt::format("expected a UN/LOCODE of 5 capital letters or digits (e.g. TWKHH), found \"{}\"", lo));
        else if (lo.substr(0, 2) != s.country)
            row.error("unlocode", fmt::format("expected a UN/LOCODE in the installation's country {}: it starts with the country code, found \"{}\"",
                                              s.country, lo));
        s.unlocode = lo;
    }
    s.latitude = coordinate(row, "latitude", 90);
    s.longitude = coordinate(row, "longitude", 180);
    if (s.latitude.empty() != s.longitude.empty())
        row.error(s.latitude.empty() ? "latitude" : "longitude", "expected both latitude and longitude, or neither");
    if (row.has("coordinates_type")) {
        auto t = row.choice("coordinates_type", {"GPS", "GNSS"});
        if (t) s.coordinates_type = *t == "GPS" ? "01" : "02";  // cn_codes/qreport_codes.csv
    }
    s.operator_id = text_up_to(row, "operator_id", 25);
    s.operator_address.country = std::string(row.cell("operator_country"));
    if (!s.operator_address.country.empty() && !countries.find(s.operator_address.country))
        row.error("operator_country", fmt::format("expected an ISO 3166-1 alpha-2 country code, found \"{}\"", s.operator_address.country));
    s.operator_address.subdivision = text_up_to(row, "operator_subdivision", 35);
    s.operator_address.city = text_up_to(row, "operator_city", 35);
    s.operator_address.street = text_up_to(row, "operator_street", 70);
    s.operator_address.street_additional = text_up_to(row, "operator_street_additional", 70);
    s.operator_address.number = text_up_to(row, "operator_number", 35);
    s.operator_address.postcode = text_up_to(row, "operator_postcode", 17);
    s.operator_address.po_box = text_up_to(row, "operator_po_box", 70);
    ContactPerson c{text_up_to(row, "contact_name", 70), text_up_to(row, "contact_phone", 35), text_up_to(row, "contact_email", 256)};
    if (!c.name.empty() || !c.phone.empty() || !c.email.empty()) {
        // The report's ContactDetails has all three or is not written.
        for (auto [value, column] : {std::pair{&c.name, "contact_name"}, {&c.phone, "contact_phone"}, {&c.email, "contact_email"}})
            if (value->empty()) row.error(column, "expected a value: a contact has a name, a phone number and an e-mail address, all three");
        if (!c.email.empty() && c.email.find('@') == std::string::npos)
            row.error("contact_email", fmt::format("expected an e-mail address, found \"{}\"", c.email));
        s.operator_contacts.push_back(std::move(c));
    }
    s.steel_mill_number = text_up_to(row, "steel_mill_number", 256);
    s.conditionality_fulfillment = text_up_to(row, "conditionality_fulfillment", 5000);
}

void read_qualifying_parameters(const CsvRow& row, SupplierEmissions& s, const AggregatedGood& good, const ProductionMethods& methods) {
    for (const auto& name : methods.parameter_names()) {
        if (!row.has(name)) continue;
        const QualifyingParameterSpec* spec = methods.parameter(name, good.name);
        if (!spec) {
            row.error(name, fmt::format("{} is a qualifying parameter of {}, not of {} (CN {}): leave it empty", name, methods.categories_of(name),
                                        good.name, s.cn_code));
            continue;
        }
        std::string value;
        switch (spec->value) {
            case ParameterValue::Percent:
            case ParameterValue::Number: {
                auto d = row.number(name, true, NumberRule::NonNegative);
                if (!d) continue;
                if (spec->value == ParameterValue::Percent && *d > Decimal(100))
                    row.error(name, fmt::format("expected a percentage from 0 to 100 (18.5 for 18.5 %), found {}", row.cell(name)));
                value = d->to_string();
                break;
            }
            case ParameterValue::Choice: value = row.choice(name, spec->choices).value_or(""); break;
            case ParameterValue::Text: value = text_up_to(row, name.c_str(), 256); break;
        }
        if (!value.empty()) s.qualifying_parameters.push_back({name, value});
    }
}

static bool is_workbook(const std::string& path) { return path.size() > 5 && iequals(std::string_view(path).substr(path.size() - 5), ".xlsx"); }

bool is_precursor_file(const std::string& path) {
    if (is_workbook(path)) return false;
    std::ifstream in(path, std::ios::binary);
    std::string header;
    if (!in || !std::getline(in, header)) return false;
    return header.find("precursor_cn_code") != std::string::npos;
}

void read_supplier_files(const std::vector<std::string>& paths, SupplierData& data, Diagnostics& diags, const CnRegistry& cn,
                         const Countries& countries, const CsvDialect& dialect) {
    std::vector<std::string> precursor_files;
    for (const auto& f : paths) {
        if (is_precursor_file(f)) precursor_files.push_back(f);
        else read_supplier_data(f, data, diags, cn, countries, dialect);
    }
    for (const auto& f : precursor_files) read_supplier_data(f, data, diags, cn, countries, dialect);
}

void read_supplier_data(const std::string& path, SupplierData& data, Diagnostics& diags, const CnRegistry& cn,
                        const Countries& countries, const CsvDialect& dialect) {
    if (is_workbook(path)) {
        read_supplier_template(path, data, diags, cn, countries);
        return;
    }
    if (is_precursor_file(path)) return read_precursor_rows(path, data, diags, cn, countries, dialect);
    const std::vector<ColumnSpec> columns = {
        {"installation_id", true}, {"installation_name", false}, {"country", true}, {"city", false}, {"operator", false},
        {"aggregated_good", false}, {"cn_code", true}, {"see_direct", true}, {"see_indirect", true}, {"see_indirect_counted", false},
        {"see_total", false}, {"unit", false}, {"scope", false}, {"indirect", false}, {"activity_level", false}, {"activity_unit", false},
        {"processes", false}, {"precursor_default_values", false}, {"determination", false}, {"electricity_emission_factor", false},
        {"electricity_consumed", false}, {"electricity_source", false}, {"electricity_factor_source", false}, {"period_start", false},
        {"period_end", false}, {"method_id", false}, {"carbon_price_instrument", false}, {"carbon_price_legal_act", false},
        {"carbon_price_amount", false}, {"carbon_price_currency", false}, {"carbon_price_country", false}, {"route", false},
        {"verified", false}};
    std::vector<ColumnSpec> all = columns;
    for (const char* c : kInstallationColumns) all.push_back({c, false});
    const ProductionMethods& methods = ProductionMethods::builtin();
    for (const auto& p : methods.parameter_names()) all.push_back({p, false});
    read_table(path, all, dialect, diags, [&](const CsvRow& row) {
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
        read_installation_details(row, s, countries);
        if (c && c->good && !s.cn_code.empty()) read_qualifying_parameters(row, s, *c->good, methods);
        if (diags.count() != before) return;
        auto key = std::make_pair(s.installation_id, s.cn_code);
        auto [it, inserted] = data.emplace(key, s);
        if (!inserted)
            row.error("cn_code", fmt::format("installation {} already has emissions data for CN {} (at {})", s.installation_id, s.cn_code,
                                             it->second.where.to_string()));
    });
}

}  // namespace cbam
