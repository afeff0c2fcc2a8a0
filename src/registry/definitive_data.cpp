#include "registry/definitive_data.h"

#include "io/csv_table.h"
#include "registry/cn_registry.h"

#include <fmt/format.h>

#include <algorithm>

namespace cbam {

DefinitiveDefaults DefinitiveDefaults::load(const std::string& csv_path) {
    DefinitiveDefaults d;
    Diagnostics diags;
    read_table(csv_path,
               {{"country_code", true}, {"country_name", true}, {"cn_code", true}, {"description", true}, {"route", true},
                {"direct", true}, {"indirect", true}, {"total", true}, {"note", true}},
               CsvDialect::standard(), diags, [&](const CsvRow& row) {
                   DefinitiveDefault r;
                   r.country = std::string(row.cell("country_code"));
                   r.country_name = std::string(row.cell("country_name"));
                   r.cn = std::string(row.cell("cn_code"));
                   r.description = std::string(row.cell("description"));
                   r.route = std::string(row.cell("route"));
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

const Benchmark* Benchmarks::find(const std::string& cn, const std::string& route, std::string& why) const {
    std::string code = cn.substr(0, 8);
    // The rows of the code itself, else of the finest codes below its longest listed prefix.
    std::vector<const Benchmark*> rows;
    for (std::size_t len = code.size(); len >= 4 && rows.empty(); len -= 2)
        for (const auto& r : rows_)
            if (r.cn.compare(0, len, code, 0, len) == 0 && (len == code.size() ? r.cn == code : true)) rows.push_back(&r);
    if (rows.empty()) {
        why = fmt::format("no CBAM benchmark is published for CN {}", code);
        return nullptr;
    }
    std::vector<std::string> wanted;
    if (!route.empty()) {
        std::size_t start = 0;
        while (start <= route.size()) {
            auto slash = route.find('/', start);
            wanted.push_back(route.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
            if (slash == std::string::npos) break;
            start = slash + 1;
        }
    }
    auto route_matches = [&](const Benchmark* r, const std::string& w) { return r->route == w || r->route == w + "(1)"; };
    std::vector<const Benchmark*> chosen;
    std::vector<std::string> routes;
    for (const auto* r : rows)
        if (std::find(routes.begin(), routes.end(), r->route) == routes.end()) routes.push_back(r->route);
    if (routes.size() == 1) {
        chosen = rows;
    } else {
        for (const auto& w : wanted) {
            for (const auto* r : rows)
                if (route_matches(r, w)) chosen.push_back(r);
            if (!chosen.empty()) break;
        }
    }
    if (chosen.empty()) {
        std::string list;
        for (const auto& r : routes) list += (list.empty() ? "" : ", ") + (r.empty() ? std::string("(none)") : r);
        why = route.empty() ? fmt::format("CN {} has benchmarks for several production routes ({}): the production route is needed", code, list)
                            : fmt::format("CN {} has no benchmark for route {} (its routes: {})", code, route, list);
        return nullptr;
    }
    for (const auto* r : chosen)
        if (r->column_a != chosen.front()->column_a || r->column_b != chosen.front()->column_b) {
            why = fmt::format("CN {} is not listed itself and the benchmarks of the codes below it differ: give the full code", code);
            return nullptr;
        }
    return chosen.front();
}

PhaseInTable PhaseInTable::load(const std::string& csv_path) {
    PhaseInTable t;
    Diagnostics diags;
    read_table(csv_path,
               {{"year", true}, {"cbam_factor", true}, {"cross_sectoral_correction_factor", true}, {"markup_cement_steel_aluminium_hydrogen", true},
                {"markup_fertilisers", true}, {"source", true}},
               CsvDialect::standard(), diags, [&](const CsvRow& row) {
                   PhaseIn p;
                   p.year = std::stoi(std::string(row.cell("year")));
                   p.cbam_factor = row.number("cbam_factor", true, NumberRule::Fraction).value_or(0);
                   p.cscf = row.number("cross_sectoral_correction_factor", false, NumberRule::Fraction);
                   p.markup_cement_steel_aluminium_hydrogen = row.number("markup_cement_steel_aluminium_hydrogen", true, NumberRule::NonNegative).value_or(0);
                   p.markup_fertilisers = row.number("markup_fertilisers", true, NumberRule::NonNegative).value_or(0);
                   p.source = std::string(row.cell("source"));
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
