// Default values for goods whose supplier gave no emissions data.
//   Transitional period: the Commission's default values of 22 December 2023, per CN code
//   (cn_codes/transitional_default_values.csv; only the rows with a known direct/indirect split).
#pragma once

#include "core/decimal.h"
#include "core/error.h"

#include <string>
#include <string_view>
#include <vector>

namespace cbam {

struct DefaultValue {
    std::string cn_prefix, description;
    Decimal direct, indirect, total;  // tCO2e/t
    std::string source;
    SourceLocation where;
};

class TransitionalDefaults {
public:
    static TransitionalDefaults load(const std::string& csv_path);  // throws InputError
    static const TransitionalDefaults& builtin();
    // The row whose CN prefix is the longest prefix of `cn`; nullptr when none.
    const DefaultValue* find(std::string_view cn) const;

private:
    std::vector<DefaultValue> rows_;
};

}  // namespace cbam
