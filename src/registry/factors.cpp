#include "registry/factors.h"

namespace cbam::factors {

namespace {
Decimal d(long long n, long long den) { return Decimal::ratio(n, den); }
}  // namespace

std::optional<SlopeFactors> slope_factors(std::string_view t) {
    if (t == "CWPB" || t == "PFPB_MW") return SlopeFactors{d(143, 1000), d(121, 1000)};
    if (t == "PFPB_L") return SlopeFactors{d(122, 1000), d(97, 1000)};
    if (t == "PFPB_M") return SlopeFactors{d(104, 1000), d(57, 1000)};
    if (t == "SWPB") return SlopeFactors{d(233, 1000), d(280, 1000)};
    if (t == "VSS") return SlopeFactors{d(58, 1000), d(86, 1000)};
    if (t == "HSS") return SlopeFactors{d(165, 1000), d(77, 1000)};
    return std::nullopt;
}

std::optional<OvervoltageFactors> overvoltage_factors(std::string_view t) {
    if (t == "CWPB") return OvervoltageFactors{d(116, 100), d(121, 1000)};
    if (t == "SWPB") return OvervoltageFactors{d(365, 100), d(252, 1000)};
    return std::nullopt;
}

}  // namespace cbam::factors
