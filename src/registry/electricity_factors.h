// The Commission's per-country electricity factors of the definitive period, tCO2/MWh, each row
// with its confidence (cn_codes/SOURCES.md):
//   - Annex II of IR (EU) 2025/2621: grid emission factors of electricity consumed, used where an
//     installation gives no factor of its own (IR (EU) 2025/2547 Annex II D: the country's grid
//     factor is the default); "XX" is the row for other countries and territories;
//   - Annex III of IR (EU) 2025/2621: default values of electricity imported as a good (CN 2716);
//     "EU" is the row the table gives for the European Union, used where a country has none.
#pragma once

#include "core/decimal.h"
#include "core/error.h"
#include "registry/confidence.h"

#include <string>
#include <vector>

namespace cbam {

struct CountryFactor {
    std::string country, country_name;
    Decimal factor;  // tCO2/MWh
    Confidence confidence = Confidence::Low;
    std::string legal_source, sources, note;
    SourceLocation where;  // file named without its folder
};

class CountryFactors {
public:
    // Reads a table of columns legal_source,country_code,country_name,ef_tco2_per_mwh,confidence,
    // sources,cross_checked,note. Throws InputError listing every problem.
    static CountryFactors load(const std::string& csv_path);
    static const CountryFactors& grid_builtin();         // Annex II
    static const CountryFactors& electricity_builtin();  // Annex III

    // The country's row, or else the row `fallback` ("XX", "EU"); nullptr when neither exists.
    // `fell_back` says which was used.
    const CountryFactor* find(const std::string& country, const std::string& fallback, bool* fell_back = nullptr) const;
    const std::vector<CountryFactor>& rows() const { return rows_; }

    static constexpr const char* kGridVersion = "IR (EU) 2025/2621 Annex II (grid emission factors)";
    static constexpr const char* kElectricityVersion = "IR (EU) 2025/2621 Annex III (default values of electricity)";

private:
    std::vector<CountryFactor> rows_;
};

}  // namespace cbam
