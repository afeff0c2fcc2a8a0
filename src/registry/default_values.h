// Default values for goods whose supplier gave no emissions data.
//   Transitional period: the Commission's "Default values for the transitional period of the CBAM"
//   (22 December 2023), per CN code, heading or subheading (cn_codes/transitional_default_values.csv).
//   No complete transcription of that document was found: each row carries the confidence of its
//   transcription (cn_codes/SOURCES.md), and some rows give only a total.
#pragma once

#include "core/decimal.h"
#include "core/error.h"
#include "registry/confidence.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cbam {

struct DefaultValue {
    std::string cn_prefix, description;
    std::optional<Decimal> direct, indirect, total;  // tCO2e/t; total only where a source states it
    std::string value_level;  // code, heading, subheading ...: the level at which the value is given
    Confidence confidence = Confidence::Low;
    std::string legal_source, sources, note;
    SourceLocation where;
    bool has_split() const { return direct && indirect; }
};

class TransitionalDefaults {
public:
    static TransitionalDefaults load(const std::string& csv_path);  // throws InputError
    static const TransitionalDefaults& builtin();
    // The row whose CN prefix is the longest prefix of `cn`; nullptr when none.
    const DefaultValue* find(std::string_view cn) const;
    const std::vector<DefaultValue>& rows() const { return rows_; }
    static constexpr const char* kVersion = "DG TAXUD, Default values for the transitional period of the CBAM (22 December 2023), partial transcription";

private:
    std::vector<DefaultValue> rows_;
};

}  // namespace cbam
