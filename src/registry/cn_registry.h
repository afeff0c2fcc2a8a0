// The goods the CBAM covers, as data: Annex I of Regulation (EU) 2023/956 with its exceptions,
// Annex II (goods for which only direct emissions count in the definitive period), and the
// aggregated goods categories of Implementing Regulation (EU) 2023/1773 Annex II with their
// relevant precursors. Loaded from the project's cn_codes/ folder (see cn_codes/SOURCES.md).
#pragma once

#include "core/error.h"

#include "core/int_map.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cbam {

struct AnnexILine {
    std::string cn;           // as listed: 2, 4, 6 or 8 digits
    std::string sector;       // Cement, Electricity, Fertilisers, Iron and steel, Aluminium, Hydrogen
    std::vector<std::string> gases;  // CO2, N2O, PFC
    bool direct_only = false;  // listed in Annex II
    std::string description;
    SourceLocation where;
};

struct AnnexIExclusion {
    std::string line_cn;   // the Annex I line it is an exception to
    std::string code;      // excluded code prefix
    std::string description;
    SourceLocation where;
};

struct AggregatedGood {
    std::string name;     // "Iron or steel products"
    std::string sector;
    bool complex = false;
    std::vector<std::string> precursors;   // names of aggregated goods
    std::vector<std::string> cn_prefixes;  // 4, 6 or 8 digits
    SourceLocation where;
};

struct Classification {
    std::string cn;                       // the code asked about
    bool in_scope = false;
    bool partial = false;                 // a heading only part of which is covered (or excluded)
    std::string reason;                   // why out of scope, or a caveat when in scope
    const AnnexILine* line = nullptr;     // the matching Annex I line (also when excluded)
    const AnnexIExclusion* exclusion = nullptr;
    const AggregatedGood* good = nullptr;  // the aggregated goods category
};

class CnRegistry {
public:
    // Reads annex_i.csv, annex_i_exclusions.csv and aggregated_goods.csv from `dir`.
    // Throws InputError listing every problem.
    static CnRegistry load(const std::string& dir);
    // The registry shipped with the program: $CBAM_DATA_DIR/cn_codes, or the build's default.
    static const CnRegistry& builtin();

    // `cn` is a CN code of 8 digits, a heading (4) or subheading (6), or a 10-digit TARIC code read
    // by its first 8; spaces and dots are ignored. Returns nullopt with `error` set when malformed.
    std::optional<Classification> classify(std::string_view cn, std::string* error = nullptr) const;

    const AggregatedGood* good(std::string_view name) const;  // exact name, case-insensitive
    const std::vector<AggregatedGood>& goods() const { return goods_; }
    std::vector<std::string> good_names() const;
    // Annex II: only direct emissions count in the definitive period.
    bool direct_only(const AggregatedGood& g) const;
    // Does aggregated good `g` contain CN code `cn` (8 digits)?
    static bool covers(const AggregatedGood& g, std::string_view cn);

private:
    std::vector<AnnexILine> lines_;
    std::vector<AnnexIExclusion> exclusions_;
    std::vector<AggregatedGood> goods_;
};

// Classifications looked up once per code, for builders that classify the code of every customs
// line: an 8-digit code is found by its number (no hashing of text), any other by its text.
// The references returned stay valid as long as the memo.
class CnClassifications {
public:
    explicit CnClassifications(const CnRegistry& registry) : registry_(registry) {}
    const std::optional<Classification>& operator()(const std::string& code);

private:
    const CnRegistry& registry_;
    IntMap<const std::optional<Classification>*> by_number_;  // into by_text_
    std::unordered_map<std::string, std::optional<Classification>> by_text_;
};

// Where the project's data lives: $CBAM_DATA_DIR if set, else the source tree it was built from.
std::string data_dir();

}  // namespace cbam
