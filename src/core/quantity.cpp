#include "core/quantity.h"

namespace cbam {

namespace {
void require_same(const Unit& a, const Unit& b, const char* what) {
    if (!a.same_dimension(b))
        throw UnitMismatch(std::string(what) + ": " + a.symbol() + " (" + a.dimension_name() + ") and " + b.symbol() +
                           " (" + b.dimension_name() + ") are of different dimensions");
}
}  // namespace

Quantity Quantity::in(const Unit& target) const {
    require_same(unit_, target, "conversion");
    return Quantity(value_ * unit_.scale() / target.scale(), target);
}

Quantity operator+(const Quantity& a, const Quantity& b) {
    require_same(a.unit_, b.unit_, "addition");
    return Quantity(a.value_ + b.in(a.unit_).value_, a.unit_);
}

Quantity operator-(const Quantity& a, const Quantity& b) {
    require_same(a.unit_, b.unit_, "subtraction");
    return Quantity(a.value_ - b.in(a.unit_).value_, a.unit_);
}

Quantity operator/(const Quantity& a, const Quantity& b) {
    return Quantity(a.value_ / b.value_, a.unit_ / b.unit_);
}

std::string Quantity::to_string() const {
    return unit_.symbol().empty() ? value_.to_string() : value_.to_string() + " " + unit_.symbol();
}

}  // namespace cbam
