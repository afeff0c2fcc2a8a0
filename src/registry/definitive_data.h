// The definitive period's data (from 2026), loaded from cn_codes/ (see cn_codes/SOURCES.md):
//  - default values per country of production and CN code (IR (EU) 2025/2621 Annex I as replaced
//    by IR (EU) 2026/1740), Total column, with the year's mark-up;
//  - CBAM benchmarks per CN code and production route (IR (EU) 2025/2620), column A for actual
//    emissions, column B for default values;
//  - per year the CBAM factor, the cross-sectoral correction factor and the mark-ups;
//  - the route indicators of the benchmark table: letters for production routes, (1) and (2) for
//    production years;
//  - the highest default values per CN code (IR (EU) 2025/2621 Annex IV), for precursors whose
//    country of production is unknown.
#pragma once

#include "core/decimal.h"
#include "core/error.h"
#include "core/kept_results.h"
#include "registry/confidence.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
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

// The highest default value of a CN code over all countries (IR (EU) 2025/2621 Annex IV), for a
// precursor whose country of production is unknown.
struct HighestDefault {
    std::string cn, description, route;
    Decimal total;  // tCO2e/t, without mark-up
    SourceLocation where;
};

class HighestDefaults {
public:
    static HighestDefaults load(const std::string& csv_path);  // throws InputError
    static const HighestDefaults& builtin();
    // The most specific row whose code is a prefix of `code` (8 or 10 digits); nullptr when none.
    const HighestDefault* find(const std::string& code) const;
    static constexpr const char* kVersion = "IR (EU) 2025/2621 Annex IV as corrected by IR (EU) 2026/1740 (Commission workbook of 2026-08-06)";

private:
    std::vector<HighestDefault> rows_;
};

// A route indicator of the benchmark table (route_indicators.csv): a production-route letter, or a
// production-year marker "(1)" / "(2)" with the years it covers (last_year 0: open-ended).
struct RouteIndicator {
    std::string indicator, meaning;
    int first_year = 0, last_year = 0;
    Confidence confidence = Confidence::Low;
    SourceLocation where;
};

class RouteIndicators {
public:
    static RouteIndicators load(const std::string& csv_path);  // throws InputError
    static const RouteIndicators& builtin();
    // The production-year marker covering `year`; nullptr when none does.
    const RouteIndicator* year_marker(int year) const;

private:
    std::vector<RouteIndicator> rows_;
};

struct Benchmark {
    std::string cn, route;
    Decimal column_a, column_b;  // tCO2e/t
    SourceLocation where;
};

// Which benchmark applies, and how it was chosen.
struct BenchmarkChoice {
    const Benchmark* row = nullptr;  // nullptr: none applies (`why` says why)
    std::string why;
    std::vector<std::string> notes;  // the year marker used, the highest of several grades taken ...
    bool year_marker_used = false;   // the row was chosen by its (1)/(2) production-year marker
    Confidence confidence = Confidence::High;  // of the choice: medium where a year marker decided
};

class Benchmarks {
public:
    static Benchmarks load(const std::string& csv_path);
    static const Benchmarks& builtin();
    // The benchmark of CN code `cn` (8 or 10 digits) for production route `route` in production
    // year `year`, column A (`actual`) or B:
    //  - rows marked with a production-year marker ("(1)", "F(2)" ...) apply in the marker's
    //    years only (route_indicators.csv);
    //  - a route such as "C/F" (a default value's) tries each letter in turn;
    //  - where the table lists finer codes than `cn`, their rows are used;
    //  - where several rows remain with different values for steel (chapters 72 and 73: alloy
    //    grades, or finer codes), the highest value of the column is taken (IR (EU) 2025/2620 Annex
    //    point 5.1); elsewhere that is an error asking for the full code or the route.
    BenchmarkChoice find(const std::string& cn, const std::string& route, int year, bool actual,
                         const RouteIndicators& indicators = RouteIndicators::builtin()) const;
    const std::vector<Benchmark>& rows() const { return rows_; }
    static constexpr const char* kVersion = "IR (EU) 2025/2620 (Commission workbook CBAM Benchmarks_20260206)";

private:
    BenchmarkChoice choose(const std::string& cn, const std::string& route, int year, bool actual, const RouteIndicators& indicators) const;

    std::vector<Benchmark> rows_;  // sorted by cn
    // Each choice made with the built-in markers, made once: a declaration asks for the same code,
    // route and year for many goods (and again when it compares actual data with default values),
    // from two threads.
    using Choices = KeptResults<std::tuple<std::string, std::string, int, bool>, BenchmarkChoice>;
    std::shared_ptr<Choices> choices_ = std::make_shared<Choices>();
};

struct PhaseIn {
    int year = 0;
    Decimal cbam_factor;
    std::optional<Decimal> cscf;  // empty: not yet published
    std::string cscf_status;      // "adopted" or "not published"
    Decimal markup_cement_steel_aluminium_hydrogen, markup_fertilisers;
    std::string source_cbam_factor, source_cscf, source_markups;  // the legal acts
    SourceLocation where;
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
