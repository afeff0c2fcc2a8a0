// How sure the project is of a data row's value: the confidence recorded with it in cn_codes/
// (cn_codes/SOURCES.md says why each row has the confidence it has). Outputs show it wherever it
// is below high; rows below medium are used only where the user allows it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cbam {

enum class Confidence { Low, LowMedium, Medium, MediumHigh, High };

inline std::optional<Confidence> parse_confidence(std::string_view s) {
    if (s == "low") return Confidence::Low;
    if (s == "low-medium") return Confidence::LowMedium;
    if (s == "medium") return Confidence::Medium;
    if (s == "medium-high") return Confidence::MediumHigh;
    if (s == "high") return Confidence::High;
    return std::nullopt;
}

inline const char* to_string(Confidence c) {
    switch (c) {
        case Confidence::Low: return "low";
        case Confidence::LowMedium: return "low-medium";
        case Confidence::Medium: return "medium";
        case Confidence::MediumHigh: return "medium-high";
        case Confidence::High: return "high";
    }
    return "?";
}

inline constexpr const char* kConfidenceValues = "low, low-medium, medium, medium-high or high";

}  // namespace cbam
