#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cbam {

// Which emissions a good's total counts.
//  - Transitional (1 Oct 2023 - 31 Dec 2025): direct + indirect for every good (IR 2023/1773).
//  - Definitive (from 1 Jan 2026): indirect emissions count only for goods not in Annex II of
//    Regulation (EU) 2023/956, i.e. cement and fertilisers (and sintered ore); IR 2025/2547.
enum class Scope { Transitional, Definitive };

inline const char* to_string(Scope s) { return s == Scope::Transitional ? "transitional" : "definitive"; }
inline std::optional<Scope> parse_scope(std::string_view s) {
    if (s == "transitional") return Scope::Transitional;
    if (s == "definitive") return Scope::Definitive;
    return std::nullopt;
}
// The scope of a reporting period: transitional when it ends before 2026-01-01.
inline Scope scope_for_period_end(const std::string& yyyy_mm_dd) {
    return yyyy_mm_dd < "2026-01-01" ? Scope::Transitional : Scope::Definitive;
}

}  // namespace cbam
