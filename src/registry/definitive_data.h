// The definitive period's data (from 2026), loaded from cn_codes/ (see cn_codes/SOURCES.md):
//  - default values per country of production and CN code (IR (EU) 2025/2621 Annex I as replaced
//    by IR (EU) 2026/1740), Total column, with the year's mark-up;
//  - CBAM benchmarks per CN code and production route (IR (EU) 2025/2620), column A for actual
//    emissions, column B for default values;
//  - per year the CBAM factor, the cross-sectoral correction factor and the mark-ups.
#pragma once

#include "core/decimal.h"
#include "core/error.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cbam {

struct DefinitiveDefault {
    std::string country, country_name, cn, description, route;
    std::optional<Decimal> direct, indirect, total;  // tCO2e/t, without mark-up
    SourceLocation where;
};

struct DefaultLookup {
    const DefinitiveDefault* row = nullptr;
    bool other_countries = false;  // taken from "Other countries and territories" (XX)
    std::string why;               // how the row was chosen, or why none was
};

class DefinitiveDefaults {
public:
    static DefinitiveDefaults load(const std::string& csv_path);  // throws InputError
    static const DefinitiveDefaults& builtin();
    // The most specific row of `country` for `code` (8 or 10 digits) that has a Total; where the
    // country gives no value for it, the "other countries and territories" table (XX).
    DefaultLookup find(const std::string& country, const std::string& code) const;
    static constexpr const char* kVersion = "IR (EU) 2025/2621 Annex I as replaced by IR (EU) 2026/1740 (Commission workbook of 2026-08-06)";

private:
    std::map<std::string, std::vector<DefinitiveDefault>> by_country_;
};

struct Benchmark {
    std::string cn, route;
    Decimal column_a, column_b;  // tCO2e/t
    SourceLocation where;
};

class Benchmarks {
public:
    static Benchmarks load(const std::string& csv_path);
    static const Benchmarks& builtin();
    // The benchmark of CN code `cn` for production route `route` (a default value's route such as
    // "C/F" tries each letter). Where the table lists finer codes than `cn`, their rows are used if
    // they agree. nullptr with `why` set when no single benchmark applies.
    const Benchmark* find(const std::string& cn, const std::string& route, std::string& why) const;
    static constexpr const char* kVersion = "IR (EU) 2025/2620 (Commission workbook CBAM Benchmarks_20260206)";

private:
    std::vector<Benchmark> rows_;  // sorted by cn
};

struct PhaseIn {
    int year = 0;
    Decimal cbam_factor;
    std::optional<Decimal> cscf;
    Decimal markup_cement_steel_aluminium_hydrogen, markup_fertilisers;
    std::string source;
};

class PhaseInTable {
public:
    static PhaseInTable load(const std::string& csv_path);
    static const PhaseInTable& builtin();
    const PhaseIn* year(int y) const;

private:
    std::vector<PhaseIn> rows_;
};

}  // namespace cbam
