#include "registry/electricity_factors.h"

#include "io/csv_table.h"
#include "registry/cn_registry.h"

#include <fmt/format.h>

#include <filesystem>

namespace cbam {

CountryFactors CountryFactors::load(const std::string& csv_path) {
    CountryFactors t;
    Diagnostics diags;
    const std::string name = std::filesystem::path(csv_path).filename().string();
    read_table(csv_path,
               {{"legal_source", true}, {"country_code", true}, {"country_name", true}, {"ef_tco2_per_mwh", true}, {"confidence", true},
                {"sources", true}, {"cross_checked", true}, {"note", true}},
               CsvDialect::standard(), diags, [&](const CsvRow& row) {
                   CountryFactor f;
                   f.country = row.text("country_code").value_or("");
                   f.country_name = std::string(row.cell("country_name"));
                   f.factor = row.number("ef_tco2_per_mwh", true, NumberRule::NonNegative).value_or(0);
                   auto c = parse_confidence(row.cell("confidence"));
                   if (!c) row.error("confidence", fmt::format("expected {}, found \"{}\"", kConfidenceValues, row.cell("confidence")));
                   f.confidence = c.value_or(Confidence::Low);
                   f.legal_source = std::string(row.cell("legal_source"));
                   f.sources = std::string(row.cell("sources"));
                   f.note = std::string(row.cell("note"));
                   f.where = row.row_location();
                   f.where.file = name;  // cited by name: outputs carry no machine paths
                   for (const auto& other : t.rows_)
                       if (other.country == f.country) row.error("country_code", fmt::format("{} is listed twice (also on line {})", f.country, other.where.line));
                   t.rows_.push_back(std::move(f));
               });
    if (!diags.empty()) throw InputError(std::move(diags));
    return t;
}

const CountryFactors& CountryFactors::grid_builtin() {
    static const CountryFactors t = load(data_dir() + "/cn_codes/electricity_grid_emission_factors.csv");
    return t;
}

const CountryFactors& CountryFactors::electricity_builtin() {
    static const CountryFactors t = load(data_dir() + "/cn_codes/electricity_default_values.csv");
    return t;
}

const CountryFactor* CountryFactors::find(const std::string& country, const std::string& fallback, bool* fell_back) const {
    const CountryFactor* alt = nullptr;
    for (const auto& r : rows_) {
        if (r.country == country) {
            if (fell_back) *fell_back = false;
            return &r;
        }
        if (r.country == fallback) alt = &r;
    }
    if (fell_back) *fell_back = alt != nullptr;
    return alt;
}

}  // namespace cbam
