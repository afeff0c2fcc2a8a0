// Fixed factors of the methodology, each with its legal source. These are law, not inputs:
// an installation's own factors (NCV, emission factors ...) come from its data files.
#pragma once

#include "core/decimal.h"

#include <optional>
#include <string>
#include <string_view>

namespace cbam::factors {

// Global warming potentials, 100-year (AR5), IR 2023/1773 Annex VIII Table 6 / IR 2025/2547
// Annex II point G Table 6: CO2 1, N2O 265, CF4 6 630, C2F6 11 100.
inline Decimal gwp_n2o() { return 265; }
inline Decimal gwp_cf4() { return 6630; }
inline Decimal gwp_c2f6() { return 11100; }
inline constexpr const char* gwp_source = "IR (EU) 2023/1773 Annex VIII Table 6; IR (EU) 2025/2547 Annex II G Table 6";

// Ratio of the molar masses of CO2 and C used in mass balances: f = 3.664 t CO2 / t C.
inline Decimal carbon_to_co2() { return Decimal::ratio(3664, 1000); }
inline constexpr const char* carbon_to_co2_source = "IR (EU) 2025/2547 Annex II B.3.2 Eq. 12 (f = 3.664 t CO2/t C)";

// Waste gases: natural gas reference emission factor and the efficiency correction of exports.
inline Decimal ef_natural_gas() { return Decimal::ratio(561, 10); }  // t CO2/TJ
inline Decimal waste_gas_export_correction() { return Decimal::ratio(667, 1000); }
inline constexpr const char* waste_gas_source = "IR (EU) 2023/1773 Annex III F, Eq. 53 (import) and Eq. 54 (export, Corr_eta 0.667); EF_NG 56.1 t CO2/TJ";

// Measurable heat whose emission factor is not known: the natural-gas reference factor divided
// by a boiler efficiency of 90 % (56.1 / 0.9 = 62.333... t CO2/TJ).
inline Decimal ef_heat_default() { return ef_natural_gas() / Decimal::ratio(9, 10); }
inline constexpr const char* heat_default_source = "IR (EU) 2023/1773 Annex III C: reference fuel (natural gas, 56.1 t CO2/TJ) with a 90 % boiler efficiency";

// PFC technology factors for primary aluminium (IR 2025/2547 Annex II B.7, Tables 2 and 3;
// same in IR 2023/1773 Annex III B.7).
struct SlopeFactors {
    Decimal sef_cf4;  // (kg CF4 / t Al) / (AE-min / cell-day)
    Decimal f_c2f6;   // t C2F6 / t CF4
};
struct OvervoltageFactors {
    Decimal ovc;     // (kg CF4 / t Al) / mV
    Decimal f_c2f6;  // t C2F6 / t CF4
};
// Technologies: CWPB, SWPB, VSS, HSS, PFPB_L, PFPB_M (PFPB_MW uses the CWPB values unless measured).
std::optional<SlopeFactors> slope_factors(std::string_view technology);
std::optional<OvervoltageFactors> overvoltage_factors(std::string_view technology);

}  // namespace cbam::factors
