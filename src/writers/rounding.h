// The one place reported numbers are rounded (docs/rounding.md).
#pragma once

#include "core/decimal.h"

#include <string>

namespace cbam {

// Specific embedded emissions: 5 decimals, IR (EU) 2025/2547 Annex II A.1(8) ("a maximum of 5 digits
// after the comma"), rounded half away from zero.
inline constexpr int kSeeDecimals = 5;
inline std::string format_see(const Decimal& d) { return d.to_fixed(kSeeDecimals); }
// Activity levels and masses in result files: exact when they terminate, else 6 decimals.
inline void append_amount(std::string& out, const Decimal& d) {
    if (d.is_terminating()) d.append_to(out);
    else out += d.to_fixed(6);
}
// The same text as a string of its own.
inline std::string format_amount(const Decimal& d) {
    std::string out;
    append_amount(out, d);
    return out;
}
// Embedded emissions, free-allocation adjustments and certificates in summaries and declarations
// (tCO2e): 3 decimals, half away from zero.
inline constexpr int kTonnesDecimals = 3;
inline std::string format_tonnes(const Decimal& d) { return d.to_fixed(kTonnesDecimals); }
// Amounts of money (EUR): 2 decimals, half away from zero.
inline std::string format_eur(const Decimal& d) { return d.to_fixed(2); }
// A share (0..1) written as a percentage with 1 decimal ("37.9").
inline std::string format_percent(const Decimal& share) { return (share * Decimal(100)).to_fixed(1); }

}  // namespace cbam
