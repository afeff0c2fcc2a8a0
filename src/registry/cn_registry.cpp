#include "registry/cn_registry.h"
#include "core/text.h"

#include "io/csv_table.h"

#include <fmt/format.h>

#include <filesystem>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <sstream>

namespace cbam {

namespace {

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == sep) {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

std::string data_dir() {
    if (const char* env = std::getenv("CBAM_DATA_DIR"); env && *env) return env;
    // Installed (cmake --install, the .deb): the data beside the program, PREFIX/share/cbam
    // (docs/install.md); a build folder has none there and reads the source tree.
    static const std::string installed = [] {
        std::error_code ec;
        std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
        if (ec) return std::string();
        std::filesystem::path dir = exe.parent_path().parent_path() / "share" / "cbam";
        return std::filesystem::is_regular_file(dir / "cn_codes" / "tables.csv", ec) ? dir.string() : std::string();
    }();
    return installed.empty() ? std::string(CBAM_DATA_DIR_DEFAULT) : installed;
}

CnRegistry CnRegistry::load(const std::string& dir) {
    CnRegistry reg;
    Diagnostics diags;
    CsvDialect dialect = CsvDialect::standard();
    read_table(dir + "/annex_i.csv",
               {{"cn_code", true}, {"sector", true}, {"greenhouse_gases", true}, {"annex_ii_direct_only", true}, {"description", true}},
               dialect, diags, [&](const CsvRow& row) {
                   AnnexILine l;
                   l.cn = row.text("cn_code").value_or("");
                   if (!is_digits(l.cn)) row.error("cn_code", "expected digits");
                   l.sector = row.text("sector").value_or("");
                   l.gases = split(row.cell("greenhouse_gases"), ' ');
                   l.direct_only = row.choice("annex_ii_direct_only", {"yes", "no"}).value_or("no") == "yes";
                   l.description = row.text("description").value_or("");
                   l.where = row.row_location();
                   reg.lines_.push_back(std::move(l));
               });
    read_table(dir + "/annex_i_exclusions.csv", {{"annex_i_line", true}, {"excluded_code", true}, {"description", true}}, dialect,
               diags, [&](const CsvRow& row) {
                   AnnexIExclusion e;
                   e.line_cn = row.text("annex_i_line").value_or("");
                   e.code = row.text("excluded_code").value_or("");
                   e.description = row.text("description").value_or("");
                   e.where = row.row_location();
                   reg.exclusions_.push_back(std::move(e));
               });
    read_table(dir + "/aggregated_goods.csv",
               {{"aggregated_good", true}, {"goods_category", true}, {"simple_or_complex", true}, {"relevant_precursors", true}, {"cn_codes", true}},
               dialect, diags, [&](const CsvRow& row) {
                   AggregatedGood g;
                   g.name = row.text("aggregated_good").value_or("");
                   g.sector = row.text("goods_category").value_or("");
                   g.complex = row.choice("simple_or_complex", {"simple", "complex"}).value_or("simple") == "complex";
                   g.precursors = split(row.cell("relevant_precursors"), ';');
                   g.cn_prefixes = split(row.cell("cn_codes"), ';');
                   g.where = row.row_location();
                   reg.goods_.push_back(std::move(g));
               });
    for (const auto& g : reg.goods_)
        for (const auto& p : g.precursors)
            if (!reg.good(p)) diags.add(g.where, fmt::format("precursor \"{}\" of \"{}\" is not an aggregated good", p, g.name));
    if (!diags.empty()) throw InputError(std::move(diags));
    return reg;
}

const CnRegistry& CnRegistry::builtin() {
    static const CnRegistry reg = load(data_dir() + "/cn_codes");
    return reg;
}

std::optional<Classification> CnRegistry::classify(std::string_view cn, std::string* error) const {
    std::string code;
    for (char c : cn)
        if (c != ' ' && c != '.') code += c;
    if (!is_digits(code) || (code.size() != 4 && code.size() != 6 && code.size() != 8 && code.size() != 10)) {
        if (error) *error = fmt::format("expected a CN code of 8 digits (a heading of 4, a subheading of 6 or a TARIC code of 10 digits), found \"{}\"", cn);
        return std::nullopt;
    }
    Classification c;
    c.cn = code;
    std::string_view key = std::string_view(code).substr(0, std::min<std::size_t>(8, code.size()));
    for (const auto& l : lines_)
        if (starts_with(key, l.cn) && (!c.line || l.cn.size() > c.line->cn.size())) c.line = &l;
    if (!c.line) {
        std::vector<std::string> covered;
        for (const auto& l : lines_)
            if (starts_with(l.cn, key)) covered.push_back(l.cn);
        if (covered.empty()) {
            c.reason = "not listed in Annex I of Regulation (EU) 2023/956: the CBAM does not cover it";
        } else {
            c.partial = true;
            std::string list;
            for (const auto& x : covered) list += (list.empty() ? "" : ", ") + x;
            c.reason = fmt::format("only part of {} is listed in Annex I of Regulation (EU) 2023/956 ({}): classify the 8-digit code", code, list);
        }
        return c;
    }
    std::string excepted;
    for (const auto& e : exclusions_) {
        if (e.line_cn != c.line->cn) continue;
        if (starts_with(key, e.code)) {
            c.exclusion = &e;
            c.reason = fmt::format("excluded from Annex I line {} of Regulation (EU) 2023/956 by its exception {} ({})", c.line->cn,
                                   e.code, e.description);
            return c;
        }
        if (starts_with(e.code, key)) excepted += fmt::format("{}{} ({})", excepted.empty() ? "" : "; ", e.code, e.description);
    }
    c.in_scope = true;
    if (!excepted.empty()) {
        c.partial = true;
        c.reason = fmt::format("covered except: {}", excepted);
    }
    if (c.line->cn == "25070080")
        c.reason = "only calcined kaolinic clay is covered (ex 2507 00 80, as amended by Regulation (EU) 2025/2083)";
    std::size_t best = 0;
    for (const auto& g : goods_)
        for (const auto& p : g.cn_prefixes)
            if (starts_with(key, p) && p.size() > best) {
                c.good = &g;
                best = p.size();
            }
    return c;
}

const AggregatedGood* CnRegistry::good(std::string_view name) const {
    for (const auto& g : goods_)
        if (iequals(g.name, name)) return &g;
    return nullptr;
}

std::vector<std::string> CnRegistry::good_names() const {
    std::vector<std::string> out;
    for (const auto& g : goods_) out.push_back(g.name);
    return out;
}

bool CnRegistry::direct_only(const AggregatedGood& g) const {
    // A category is direct-only when its CN codes fall under an Annex II line.
    if (g.cn_prefixes.empty()) return false;
    std::string probe = g.cn_prefixes.front();
    probe.resize(8, '0');
    auto c = classify(probe);
    return c && c->line && c->line->direct_only;
}

bool CnRegistry::covers(const AggregatedGood& g, std::string_view cn) {
    return std::any_of(g.cn_prefixes.begin(), g.cn_prefixes.end(), [&](const std::string& p) { return starts_with(cn, p); });
}

const std::optional<Classification>& CnClassifications::operator()(const std::string& code) {
    if (code.size() == 8 && std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        std::uint64_t n = 0;
        for (char c : code) n = n * 10 + static_cast<std::uint64_t>(c - '0');
        if (auto* known = by_number_.find(n)) return **known;
        const auto& c = by_text_.emplace(code, registry_.classify(code)).first->second;  // a node: it stays where it is
        by_number_.insert(n, &c);
        return c;
    }
    auto it = by_text_.find(code);
    if (it == by_text_.end()) it = by_text_.emplace(code, registry_.classify(code)).first;
    return it->second;
}

}  // namespace cbam
