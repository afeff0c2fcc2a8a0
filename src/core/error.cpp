#include "core/error.h"

#include <fmt/format.h>

namespace cbam {

std::string SourceLocation::to_string() const {
    std::string s = file.empty() ? std::string("<input>") : file;
    if (!sheet.empty()) s += ":" + sheet + (cell.empty() ? "" : "!" + cell);
    if (line > 0) s += fmt::format(":{}", line);
    if (column > 0) s += fmt::format(":{}", column);
    if (!field.empty()) s += fmt::format(" ({})", field);
    return s;
}

std::string SourceLocation::place() const {
    if (!sheet.empty()) return sheet + (cell.empty() ? "" : "!" + cell);
    return fmt::format("line {}", line);
}

void Diagnostics::add(SourceLocation where, std::string message) {
    ++count_;
    if (items_.size() < limit_) items_.push_back({std::move(where), std::move(message)});
}

std::string Diagnostics::to_string() const {
    std::string out;
    for (const auto& d : items_) out += "error: " + d.to_string() + "\n";
    if (count_ > items_.size()) out += fmt::format("error: ... and {} more not shown\n", count_ - items_.size());
    return out;
}

InputError::InputError(Diagnostics d)
    : std::runtime_error(fmt::format("{} problem(s) in the input", d.count())), diags_(std::move(d)) {}

}  // namespace cbam
