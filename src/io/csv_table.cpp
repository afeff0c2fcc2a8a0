#include "io/csv_table.h"
#include "core/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace cbam {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
    return s;
}

std::string quote_text(std::string_view s) {
    if (s.size() > 60) return fmt::format("\"{}...\"", s.substr(0, 57));
    return fmt::format("\"{}\"", s);
}

template <class Range>
std::string join_allowed(const Range& allowed) {
    std::string out;
    for (const auto& a : allowed) {
        if (!out.empty()) out += ", ";
        out += std::string(a);
    }
    return out;
}

template <class Range>
std::optional<std::string> pick(const CsvRow& row, std::string_view column, const Range& allowed, bool required) {
    auto v = row.cell(column);
    if (v.empty()) {
        if (required) row.error(column, fmt::format("expected one of {}, found an empty cell", join_allowed(allowed)));
        return std::nullopt;
    }
    for (const auto& a : allowed)
        if (iequals(v, a)) return std::string(a);
    row.error(column, fmt::format("expected one of {}, found {}", join_allowed(allowed), quote_text(v)));
    return std::nullopt;
}

}  // namespace

std::string describe(NumberRule rule) {
    switch (rule) {
        case NumberRule::NonNegative: return "a number of 0 or more";
        case NumberRule::Positive: return "a number greater than 0";
        case NumberRule::Fraction: return "a fraction from 0 to 1";
        default: return "a number";
    }
}

SourceLocation CsvRow::at(std::string_view column) const {
    auto it = cols_.find(column);
    return {file_, rec_.line, it == cols_.end() ? 0 : it->second + 1, std::string(column)};
}

std::string_view CsvRow::cell(std::string_view column) const { return cell_at(index_of(column)); }

std::string_view CsvRow::trimmed(std::string_view s) { return trim(s); }

std::size_t CsvRow::index_of(std::string_view column) const {
    auto it = cols_.find(column);
    return it == cols_.end() ? std::string_view::npos : it->second;
}

std::string_view CsvRow::raw(std::string_view column) const {
    auto it = cols_.find(column);
    if (it == cols_.end() || it->second >= rec_.fields.size()) return {};
    return rec_.fields[it->second];
}

void CsvRow::error(std::string_view column, std::string message) const { diags_.add(at(column), std::move(message)); }

std::optional<std::string> CsvRow::text(std::string_view column, bool required) const {
    auto v = cell(column);
    if (v.empty()) {
        if (required) error(column, "expected a value, found an empty cell");
        return std::nullopt;
    }
    return std::string(v);
}

std::optional<Decimal> CsvRow::number(std::string_view column, bool required, NumberRule rule) const {
    auto v = cell(column);
    if (v.empty()) {
        if (required) error(column, fmt::format("expected {}, found an empty cell", describe(rule)));
        return std::nullopt;
    }
    if (dialect_.decimal_point == ',' && v.find('.') != std::string_view::npos) {
        error(column, fmt::format("expected {} written with a decimal comma, found {}: a point is ambiguous here (a thousands separator "
                                  "or a decimal point?); write the number without thousands separators",
                                  describe(rule), quote_text(v)));
        return std::nullopt;
    }
    auto d = Decimal::parse(v, dialect_.decimal_point);
    if (!d) {
        error(column, fmt::format("expected {} written with a decimal {} and no thousands separator, found {}", describe(rule),
                                  describe_char(dialect_.decimal_point), quote_text(v)));
        return std::nullopt;
    }
    bool ok = true;
    switch (rule) {
        case NumberRule::NonNegative: ok = d->sign() >= 0; break;
        case NumberRule::Positive: ok = d->sign() > 0; break;
        case NumberRule::Fraction: ok = d->sign() >= 0 && *d <= Decimal(1); break;
        default: break;
    }
    if (!ok) {
        error(column, fmt::format("expected {}, found {}", describe(rule), v));
        return std::nullopt;
    }
    return d;
}

std::optional<Unit> CsvRow::unit(std::string_view column, const Unit& like, bool required) const {
    auto v = cell(column);
    if (v.empty()) {
        if (required) error(column, fmt::format("expected a unit of {} such as {}, found an empty cell", like.dimension_name(), like.symbol()));
        return std::nullopt;
    }
    auto u = Unit::parse(v);
    if (!u) {
        error(column, fmt::format("expected a unit of {} such as {}, found the unknown unit {} (known: {})",
                                  like.dimension_name(), like.symbol(), quote_text(v), Unit::known_symbols()));
        return std::nullopt;
    }
    if (!u->same_dimension(like)) {
        error(column, fmt::format("expected a unit of {} such as {}, found {} which is {}", like.dimension_name(),
                                  like.symbol(), quote_text(v), u->dimension_name()));
        return std::nullopt;
    }
    return u;
}

std::optional<std::string> CsvRow::choice(std::string_view column, std::initializer_list<std::string_view> allowed,
                                          bool required) const {
    return pick(*this, column, allowed, required);
}
std::optional<std::string> CsvRow::choice(std::string_view column, const std::vector<std::string>& allowed,
                                          bool required) const {
    return pick(*this, column, allowed, required);
}

bool read_table(const std::string& path, const std::vector<ColumnSpec>& columns, const CsvDialect& declared,
                Diagnostics& diags, const std::function<void(const CsvRow&)>& on_row, TableRows limits) {
    const std::size_t max_rows = limits.max;
    CsvDialect dialect = declared;
    std::size_t rows = 0;  // completed by read_csv from the header when not declared
    std::map<std::string, std::size_t, std::less<>> cols;
    std::vector<std::size_t> blank_columns;
    std::size_t header_size = 0, header_line = 0;
    bool header_seen = false, header_ok = true;
    bool readable = read_csv_cells(path, declared, diags, [&](const CsvCells& rec) {
        if (!header_seen) {
            header_seen = true;
            header_size = rec.fields.size();
            header_line = rec.line;
            for (std::size_t i = 0; i < rec.fields.size(); ++i) {
                std::string name(trim(rec.fields[i]));
                SourceLocation loc{path, rec.line, i + 1, name};
                if (name.empty()) {
                    blank_columns.push_back(i);  // spreadsheet padding: its cells must stay blank
                    continue;
                }
                bool known = name == "comment" || std::any_of(columns.begin(), columns.end(), [&](const ColumnSpec& c) { return c.name == name; });
                if (!known) {
                    std::string expected;
                    for (const auto& c : columns) expected += (expected.empty() ? "" : ", ") + c.name;
                    diags.add(loc, fmt::format("unknown column {}; the columns of this file are: {}", quote_text(name), expected));
                    header_ok = false;
                } else if (!cols.emplace(name, i).second) {
                    diags.add(loc, fmt::format("column {} appears twice", quote_text(name)));
                    header_ok = false;
                }
            }
            for (const auto& c : columns) {
                if (c.required && !cols.count(c.name)) {
                    diags.add({path, rec.line, 0, c.name}, fmt::format("missing column \"{}\" in the header", c.name));
                    header_ok = false;
                }
            }
            return;
        }
        if (!header_ok) return;
        if (++rows > max_rows) {
            if (rows == max_rows + 1)
                diags.add({path, rec.line, 0, ""}, fmt::format("more than {} rows: this file is held in memory and may not be larger "
                                                               "(the rest of it is not read)", max_rows));
            return;
        }
        // Cells beyond the header, or under a column without a name, must be blank: spreadsheet
        // exports pad rows and headers with empty cells, but a value there belongs to no column.
        const bool all_named = blank_columns.empty() && rec.fields.size() <= header_size;  // the common row: nothing to look at
        for (std::size_t i = 0; !all_named && i < rec.fields.size(); ++i) {
            bool unnamed = i >= header_size || std::find(blank_columns.begin(), blank_columns.end(), i) != blank_columns.end();
            if (unnamed && !trim(rec.fields[i]).empty()) {
                diags.add({path, rec.line, i + 1, ""},
                          i >= header_size ? fmt::format("this row has a value in cell {} but the header has {} columns", i + 1, header_size)
                                           : fmt::format("this row has a value in column {}, which has no name in the header", i + 1));
                return;
            }
        }
        CsvRow row(path, rec, cols, dialect, diags);
        on_row(row);
    }, 1 << 20, &dialect);
    if (readable && !header_seen) {
        diags.add({path, 1, 0, ""}, "the file is empty: expected a header row, then the data");
        return false;
    }
    if (readable && header_ok && rows == 0 && limits.required)
        diags.add({path, header_line + 1, 0, ""}, "the file has a header but no row under it: expected at least one row of data");
    return readable && header_ok;
}

}  // namespace cbam
