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
inline std::string format_amount(const Decimal& d) { return d.is_terminating() ? d.to_string() : d.to_fixed(6); }

}  // namespace cbam
