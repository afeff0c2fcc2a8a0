#include "registry/definitive_data.h"

#include "core/text.h"
#include "io/csv_table.h"
#include "registry/cn_registry.h"

#include <fmt/format.h>

#include <algorithm>

namespace cbam {

DefinitiveDefaults DefinitiveDefaults::load(const std::string& csv_path) {
    DefinitiveDefaults d;
    Diagnostics diags;
    const std::string* file = nullptr;
    std::size_t at[5] = {};
    read_table(csv_path,
               {{"country_code", true}, {"country_name", true}, {"cn_code", true}, {"description", true}, {"route", true},
                {"direct", true}, {"indirect", true}, {"total", true}, {"note", true}},
               CsvDialect::standard(), diags, [&](const CsvRow& row) {
                   // The text columns' places, found on the first row (the table has 12,500).
                   enum { kCountry, kName, kCn, kDescription, kRoute };
                   static constexpr const char* kText[] = {"country_code", "country_name", "cn_code", "description", "route"};
                   if (&row.file() != file) {
                       file = &row.file();
                       for (int c = kCountry; c <= kRoute; ++c) at[c] = row.index_of(kText[c]);
                   }
                   DefinitiveDefault r;
                   r.country = std::string(row.cell_at(at[kCountry]));
                   r.country_name = std::string(row.cell_at(at[kName]));
                   r.cn = std::string(row.cell_at(at[kCn]));
                   r.description = std::string(row.cell_at(at[kDescription]));
                   r.route = std::string(row.cell_at(at[kRoute]));
                   r.direct = row.number("direct", false, NumberRule::NonNegative);
                   r.indirect = row.number("indirect", false, NumberRule::NonNegative);
                   r.total = row.number("total", false, NumberRule::NonNegative);
                   r.where = row.row_location();
                   r.where.file = "definitive_default_values.csv";  // cited by name: outputs carry no machine paths
                   d.by_country_[r.country].push_back(std::move(r));
               });
    if (!diags.empty()) throw InputError(std::move(diags));
    return d;
}

const DefinitiveDefaults& DefinitiveDefaults::builtin() {
    static const DefinitiveDefaults d = load(data_dir() + "/cn_codes/definitive_default_values.csv");
    return d;
}

namespace {
const DefinitiveDefault* longest(const std::vector<DefinitiveDefault>& rows, const std::string& code) {
    const DefinitiveDefault* best = nullptr;
    for (const auto& r : rows)
        if (code.compare(0, r.cn.size(), r.cn) == 0 && r.cn.size() <= code.size() && (!best || r.cn.size() > best->cn.size())) best = &r;
    return best;
}
const DefinitiveDefault* longest_with_total(const std::vector<DefinitiveDefault>& rows, const std::string& code) {
    const DefinitiveDefault* best = nullptr;
    for (const auto& r : rows)
        if (r.total && code.compare(0, r.cn.size(), r.cn) == 0 && r.cn.size() <= code.size() && (!best || r.cn.size() > best->cn.size())) best = &r;
    return best;
}
}  // namespace

DefaultLookup DefinitiveDefaults::find(const std::string& country, const std::string& code) const {
    DefaultLookup out;
    auto it = by_country_.find(country);
    if (it != by_country_.end()) {
        const DefinitiveDefault* row = longest(it->second, code);
        if (row && row->total) {
            out.row = row;
            out.why = fmt::format("{} table, row {} ({})", row->country_name, row->cn, row->where.to_string());
            return out;
        }
        out.why = row ? fmt::format("{} gives no value for {} (row {}), so the other countries' table applies", row->country_name, code, row->cn)
                      : fmt::format("{} has no row for {}, so the other countries' table applies", country, code);
    } else {
        out.why = fmt::format("no default-value table for {}, so the other countries' table applies", country);
    }
    auto xx = by_country_.find("XX");
    if (xx != by_country_.end()) {
        if (const DefinitiveDefault* row = longest_with_total(xx->second, code)) {
            out.row = row;
            out.other_countries = true;
            out.why += fmt::format(": row {} ({})", row->cn, row->where.to_string());
            return out;
        }
    }
    bool taric_only = false;
    if (xx != by_country_.end())
        for (const auto& r : xx->second) taric_only = taric_only || (r.cn.size() == 10 && r.cn.compare(0, code.size(), code) == 0 && code.size() == 8);
    out.why = taric_only ? fmt::format("the default values of {} are given per 10-digit TARIC code: give the TARIC code on the customs line", code)
                         : fmt::format("no default value is published for {} in {} or for other countries", code, country);
    return out;
}

Benchmarks Benchmarks::load(const std::string& csv_path) {
    Benchmarks b;
    Diagnostics diags;
    read_table(csv_path, {{"cn_code", true}, {"description", true}, {"route", true}, {"column_a", true}, {"column_b", true}}, CsvDialect::standard(), diags,
               [&](const CsvRow& row) {
                   Benchmark r;
                   r.cn = std::string(row.cell("cn_code"));
                   r.route = std::string(row.cell("route"));
                   r.column_a = row.number("column_a", true, NumberRule::NonNegative).value_or(0);
                   r.column_b = row.number("column_b", true, NumberRule::NonNegative).value_or(0);
                   r.where = row.row_location();
                   r.where.file = "benchmarks.csv";
                   b.rows_.push_back(std::move(r));
               });
    if (!diags.empty()) throw InputError(std::move(diags));
    std::stable_sort(b.rows_.begin(), b.rows_.end(), [](const Benchmark& x, const Benchmark& y) { return x.cn < y.cn; });
    return b;
}

const Benchmarks& Benchmarks::builtin() {
    static const Benchmarks b = load(data_dir() + "/cn_codes/benchmarks.csv");
    return b;
}

namespace {
// "F(1)" -> {"F", "(1)"}; "(2)" -> {"", "(2)"}; "C" -> {"C", ""}.
std::pair<std::string, std::string> split_marker(const std::string& route) {
    auto open = route.find('(');
    if (open == std::string::npos || route.back() != ')') return {route, ""};
    return {route.substr(0, open), route.substr(open)};
}
std::vector<std::string> split_slash(const std::string& route) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (!route.empty() && start <= route.size()) {
        auto slash = route.find('/', start);
        out.push_back(route.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return out;
}
std::string years_of(const RouteIndicator& m) {
    return m.last_year ? fmt::format("{}-{}", m.first_year, m.last_year) : fmt::format("from {}", m.first_year);
}
}  // namespace

BenchmarkChoice Benchmarks::find(const std::string& cn, const std::string& route, int year, bool actual, const RouteIndicators& indicators) const {
    // Only choices made with the built-in markers are kept: other markers may be read from a file
    // and later freed, and another set could then stand at the same address.
    if (&indicators != &RouteIndicators::builtin()) return choose(cn, route, year, actual, indicators);
    return choices_->get(std::make_tuple(cn, route, year, actual), [&] { return choose(cn, route, year, actual, indicators); });
}

BenchmarkChoice Benchmarks::choose(const std::string& cn, const std::string& route, int year, bool actual, const RouteIndicators& indicators) const {
    BenchmarkChoice out;
    std::string code = cn.substr(0, 8);
    // The rows of the code itself, else of the finest codes below its longest listed prefix.
    std::vector<const Benchmark*> rows;
    bool finer = false;
    // rows_ is sorted by cn: the rows of a prefix stand together from the first not below it.
    for (std::size_t len = code.size(); len >= 4 && rows.empty(); len -= 2) {
        std::string_view prefix = std::string_view(code).substr(0, len);
        auto r = std::lower_bound(rows_.begin(), rows_.end(), prefix, [](const Benchmark& x, std::string_view p) { return x.cn < p; });
        for (; r != rows_.end() && r->cn.compare(0, len, prefix) == 0; ++r)
            if (len < code.size() || r->cn == code) rows.push_back(&*r);
        finer = len != code.size();
    }
    if (rows.empty()) {
        out.why = fmt::format("no CBAM benchmark is published for CN {}", code);
        return out;
    }
    // Production-year markers: keep the rows without one and those of the year's marker.
    const RouteIndicator* marker = indicators.year_marker(year);
    std::vector<const Benchmark*> kept;
    bool any_marked = false;
    for (const auto* r : rows) {
        auto [letter, m] = split_marker(r->route);
        any_marked = any_marked || !m.empty();
        if (m.empty() || (marker && m == marker->indicator)) kept.push_back(r);
    }
    if (kept.empty()) {
        out.why = fmt::format("the benchmarks of CN {} are given per production year and none is marked for {} (route_indicators.csv)", code, year);
        return out;
    }
    std::vector<std::string> letters;
    for (const auto* r : kept) {
        std::string l = split_marker(r->route).first;
        if (std::find(letters.begin(), letters.end(), l) == letters.end()) letters.push_back(l);
    }
    std::vector<const Benchmark*> chosen;
    if (letters.size() == 1) {
        chosen = kept;
    } else {
        for (const auto& w : split_slash(route)) {
            for (const auto* r : kept)
                if (split_marker(r->route).first == w) chosen.push_back(r);
            if (!chosen.empty()) break;
        }
    }
    if (chosen.empty()) {
        std::string list;
        for (const auto& l : letters) list += (list.empty() ? "" : ", ") + (l.empty() ? std::string("(none)") : l);
        out.why = route.empty() ? fmt::format("CN {} has benchmarks for several production routes ({}): the production route is needed", code, list)
                                : fmt::format("CN {} has no benchmark for route {} (its routes: {})", code, route, list);
        return out;
    }
    auto value = [&](const Benchmark* r) { return actual ? r->column_a : r->column_b; };
    const Benchmark* best = chosen.front();
    bool differ = false;
    for (const auto* r : chosen) {
        differ = differ || value(r) != value(best);
        if (value(r) > value(best)) best = r;
    }
    if (differ) {
        bool steel = code.compare(0, 2, "72") == 0 || code.compare(0, 2, "73") == 0;
        if (!steel) {
            out.why = fmt::format("CN {} is not listed itself and the benchmarks of the codes below it differ: give the full code", code);
            return out;
        }
        std::string list;
        for (const auto* r : chosen) list += fmt::format("{}{} {} {}", list.empty() ? "" : ", ", r->cn, r->route.empty() ? "-" : r->route, value(r).to_string());
        out.notes.push_back(fmt::format("several benchmarks apply to CN {} (column {}: {}): the highest, {}, is used (IR (EU) 2025/2620 Annex point 5.1)",
                                        code, actual ? "A" : "B", list, value(best).to_string()));
    }
    out.row = best;
    if (finer) out.notes.push_back(fmt::format("CN {} is not listed in the benchmark table itself: the rows of CN {} below it are used", code, best->cn));
    if (!split_marker(best->route).second.empty()) {
        out.year_marker_used = true;
        out.confidence = marker->confidence;
        out.notes.push_back(fmt::format("benchmark row marked {} chosen for {}: the marker {} stands for production years {} (route_indicators.csv, "
                                        "confidence {}); the year of the declaration is taken as the production year",
                                        best->route, year, marker->indicator, years_of(*marker), to_string(marker->confidence)));
    }
    (void)any_marked;
    return out;
}

RouteIndicators RouteIndicators::load(const std::string& csv_path) {
    RouteIndicators t;
    Diagnostics diags;
    read_table(csv_path,
               {{"indicator", true}, {"meaning", true}, {"applies_to", true}, {"first_year", true}, {"last_year", true}, {"legal_source", true},
                {"confidence", true}, {"sources", true}},
               CsvDialect::standard(), diags, [&](const CsvRow& row) {
                   RouteIndicator r;
                   r.indicator = row.text("indicator").value_or("");
                   r.meaning = std::string(row.cell("meaning"));
                   auto year = [&](const char* col) {
                       std::string_view v = row.cell(col);
                       if (v.empty()) return 0;
                       if (!is_digits(v, 4)) {
                           row.error(col, fmt::format("expected a year such as 2028, found \"{}\"", v));
                           return 0;
                       }
                       return std::stoi(std::string(v));
                   };
                   r.first_year = year("first_year");
                   r.last_year = year("last_year");
                   if (r.last_year && r.last_year < r.first_year) row.error("last_year", "expected a year not before first_year");
                   auto c = parse_confidence(row.cell("confidence"));
                   if (!c) row.error("confidence", fmt::format("expected {}, found \"{}\"", kConfidenceValues, row.cell("confidence")));
                   r.confidence = c.value_or(Confidence::Low);
                   r.where = row.row_location();
                   r.where.file = "route_indicators.csv";
                   t.rows_.push_back(std::move(r));
               });
    if (!diags.empty()) throw InputError(std::move(diags));
    return t;
}

const RouteIndicators& RouteIndicators::builtin() {
    static const RouteIndicators t = load(data_dir() + "/cn_codes/route_indicators.csv");
    return t;
}

const RouteIndicator* RouteIndicators::year_marker(int year) const {
    for (const auto& r : rows_)
        if (r.first_year && year >= r.first_year && (!r.last_year || year <= r.last_year)) return &r;
    return nullptr;
}

HighestDefaults HighestDefaults::load(const std::string& csv_path) {
    HighestDefaults t;
    Diagnostics diags;
    read_table(csv_path, {{"legal_source", true}, {"cn_code", true}, {"description", true}, {"route", true}, {"total", true}, {"note", true}},
               CsvDialect::standard(), diags, [&](const CsvRow& row) {
                   HighestDefault h;
                   h.cn = row.text("cn_code").value_or("");
                   if (!is_digits(h.cn)) row.error("cn_code", fmt::format("expected digits, found \"{}\"", h.cn));
                   h.description = std::string(row.cell("description"));
                   h.route = std::string(row.cell("route"));
                   h.total = row.number("total", true, NumberRule::NonNegative).value_or(0);
                   h.where = row.row_location();
                   h.where.file = "definitive_default_values_annex4.csv";
                   t.rows_.push_back(std::move(h));
               });
    if (!diags.empty()) throw InputError(std::move(diags));
    return t;
}

const HighestDefaults& HighestDefaults::builtin() {
    static const HighestDefaults t = load(data_dir() + "/cn_codes/definitive_default_values_annex4.csv");
    return t;
}

const HighestDefault* HighestDefaults::find(const std::string& code) const {
    const HighestDefault* best = nullptr;
    for (const auto& r : rows_)
        if (r.cn.size() <= code.size() && code.compare(0, r.cn.size(), r.cn) == 0 && (!best || r.cn.size() > best->cn.size())) best = &r;
    return best;
}

PhaseInTable PhaseInTable::load(const std::string& csv_path) {
    PhaseInTable t;
    Diagnostics diags;
    read_table(csv_path,
               {{"year", true}, {"cbam_factor", true}, {"cross_sectoral_correction_factor", true}, {"cscf_status", true},
                {"markup_cement_steel_aluminium_hydrogen", true}, {"markup_fertilisers", true}, {"legal_source_cbam_factor", true},
                {"legal_source_cscf", true}, {"legal_source_markups", true}},
               CsvDialect::standard(), diags, [&](const CsvRow& row) {
                   PhaseIn p;
                   std::string_view y = row.cell("year");
                   if (!is_digits(y, 4)) row.error("year", fmt::format("expected a year such as 2026, found \"{}\"", y));
                   else p.year = std::stoi(std::string(y));
                   p.cbam_factor = row.number("cbam_factor", true, NumberRule::Fraction).value_or(0);
                   p.cscf = row.number("cross_sectoral_correction_factor", false, NumberRule::Fraction);
                   p.cscf_status = row.choice("cscf_status", {"adopted", "not published"}).value_or("");
                   if (p.cscf_status == "adopted" && !p.cscf) row.error("cross_sectoral_correction_factor", "expected the adopted factor");
                   if (p.cscf_status == "not published" && p.cscf)
                       row.error("cross_sectoral_correction_factor", "expected no value where cscf_status is \"not published\"");
                   p.markup_cement_steel_aluminium_hydrogen = row.number("markup_cement_steel_aluminium_hydrogen", true, NumberRule::NonNegative).value_or(0);
                   p.markup_fertilisers = row.number("markup_fertilisers", true, NumberRule::NonNegative).value_or(0);
                   p.source_cbam_factor = row.text("legal_source_cbam_factor").value_or("");
                   p.source_cscf = std::string(row.cell("legal_source_cscf"));
                   if (p.cscf && p.source_cscf.empty()) row.error("legal_source_cscf", "expected the act that sets the factor");
                   p.source_markups = row.text("legal_source_markups").value_or("");
                   p.where = row.row_location();
                   p.where.file = "phase_in.csv";
                   for (const auto& other : t.rows_)
                       if (other.year == p.year) row.error("year", fmt::format("{} is listed twice (also on line {})", p.year, other.where.line));
                   t.rows_.push_back(std::move(p));
               });
    if (!diags.empty()) throw InputError(std::move(diags));
    return t;
}

const PhaseInTable& PhaseInTable::builtin() {
    static const PhaseInTable t = load(data_dir() + "/cn_codes/phase_in.csv");
    return t;
}

const PhaseIn* PhaseInTable::year(int y) const {
    for (const auto& r : rows_)
        if (r.year == y) return &r;
    return nullptr;
}

}  // namespace cbam
