#include "importers/report_settings_reader.h"

#include "core/text.h"
#include "io/csv_table.h"

#include <fmt/format.h>

#include <map>
#include <set>

namespace cbam {

namespace {

// field name -> (required, maximum length of the XML type, description)
struct Field {
    const char* name;
    bool required;
    std::size_t max;
};

const std::vector<Field>& fields() {
    static const std::vector<Field> f = {
        {"role", true, 20},
        {"declarant_eori", true, 17},
        {"declarant_name", true, 70},
        {"declarant_country", true, 2},
        {"declarant_subdivision", false, 35},
        {"declarant_city", true, 35},
        {"declarant_street", false, 70},
        {"declarant_number", false, 35},
        {"declarant_postcode", false, 17},
        {"signature_place", true, 128},
        {"signature_name", true, 128},
        {"signature_position", true, 128},
        {"remarks", false, 512},
    };
    return f;
}

}  // namespace

ReportSettings read_report_settings(const std::string& path, const std::string& parties_path, Diagnostics& diags,
                                    const Countries& countries, const CsvDialect& dialect) {
    ReportSettings s;
    std::map<std::string, std::pair<std::string, SourceLocation>> values;
    read_table(path, {{"field", true}, {"value", true}}, dialect, diags, [&](const CsvRow& row) {
        std::string field(row.cell("field"));
        bool known = false;
        for (const auto& f : fields()) known = known || field == f.name;
        if (!known) {
            std::string list;
            for (const auto& f : fields()) list += (list.empty() ? "" : ", ") + std::string(f.name);
            row.error("field", fmt::format("unknown setting \"{}\"; the settings are: {}", field, list));
            return;
        }
        if (values.count(field)) {
            row.error("field", fmt::format("setting \"{}\" is given twice (first on line {})", field, values[field].second.line));
            return;
        }
        values[field] = {std::string(row.cell("value")), row.at("value")};
    }, {.required = true});
    s.where = {path, 0, 0, ""};
    for (const auto& f : fields()) {
        auto it = values.find(f.name);
        if (it == values.end()) {
            if (f.required)
                diags.add({path, 0, 0, f.name}, fmt::format("the setting \"{0}\" is required: add a row {0},VALUE (docs/report-settings.md)", f.name));
            continue;
        }
        if (it->second.first.empty()) {
            if (f.required) diags.add(it->second.second, fmt::format("the setting \"{}\" is required, found an empty cell", f.name));
            continue;
        }
        if (utf8_length(it->second.first) > f.max)
            diags.add(it->second.second, fmt::format("\"{}\" is {} characters long; the report allows at most {}", f.name,
                                                     utf8_length(it->second.first), f.max));
    }
    auto get = [&](const char* k) { return values.count(k) ? values[k].first : std::string(); };
    std::string role = get("role");
    if (role == "importer" || role == "01") s.declarant.role = "01";
    else if (role == "representative" || role == "02") s.declarant.role = "02";
    else if (role == "mixed" || role == "03") s.declarant.role = "03";
    else if (!role.empty())
        diags.add(values["role"].second, fmt::format("expected importer (01), representative (02) or mixed (03), found \"{}\"", role));
    s.declarant.id = get("declarant_eori");
    s.declarant.name = get("declarant_name");
    s.declarant_country = get("declarant_country");
    if (!s.declarant_country.empty() && !countries.find(s.declarant_country))
        diags.add(values["declarant_country"].second, fmt::format("expected an ISO 3166-1 alpha-2 country code, found \"{}\"", s.declarant_country));
    s.declarant.address.subdivision = get("declarant_subdivision");
    s.declarant.address.city = get("declarant_city");
    s.declarant.address.street = get("declarant_street");
    s.declarant.address.number = get("declarant_number");
    s.declarant.address.postcode = get("declarant_postcode");
    s.signatures.place = get("signature_place");
    s.signatures.signature = get("signature_name");
    s.signatures.position = get("signature_position");
    s.remarks = get("remarks");

    // The declarant as a party (importer for role 01, representative for role 02).
    qreport::Party self{s.declarant.id, s.declarant.name, s.declarant.address};
    self.address.country = s.declarant_country;
    s.parties[self.id] = self;
    if (!parties_path.empty()) {
        read_table(parties_path,
                   {{"eori", true}, {"name", true}, {"country", true}, {"subdivision", false}, {"city", true}, {"street", false}, {"number", false}, {"postcode", false}},
                   dialect, diags, [&](const CsvRow& row) {
                       qreport::Party p;
                       p.id = row.text("eori").value_or("");
                       p.name = row.text("name").value_or("");
                       p.address.country = std::string(row.cell("country"));
                       if (!countries.find(p.address.country))
                           row.error("country", fmt::format("expected an ISO 3166-1 alpha-2 country code, found \"{}\"", p.address.country));
                       p.address.subdivision = std::string(row.cell("subdivision"));
                       p.address.city = row.text("city").value_or("");
                       p.address.street = std::string(row.cell("street"));
                       p.address.number = std::string(row.cell("number"));
                       p.address.postcode = std::string(row.cell("postcode"));
                       if (p.id.size() > 17) row.error("eori", fmt::format("an EORI number has at most 17 characters, found {}", p.id.size()));
                       if (p.id == s.declarant.id) row.error("eori", "this is the declarant, already given in the settings");
                       else if (!s.parties.emplace(p.id, p).second) row.error("eori", fmt::format("party {} is listed twice", p.id));
                   });
    }
    return s;
}

}  // namespace cbam
