#pragma once

#include "model/input.h"

#include <optional>
#include <string>

namespace cbam {

// Perfluorocarbon emissions of primary aluminium electrolysis (IR 2025/2547 Annex II B.7).
struct PfcEmission {
    std::string process_id;
    bool overvoltage = false;  // method B; method A (slope) otherwise
    std::string technology;    // CWPB, SWPB, VSS, HSS, PFPB_L, PFPB_M, PFPB_MW
    Input primary_aluminium;   // Pr_Al, t
    std::optional<Input> anode_effect_frequency;  // slope: anode effects per cell-day
    std::optional<Input> anode_effect_duration;   // slope: minutes per anode effect
    std::optional<Input> anode_effect_overvoltage;  // overvoltage: AEO, mV per cell
    std::optional<Input> current_efficiency;        // overvoltage: CE, %
    std::optional<Input> collection_efficiency;  // 0..1, 1 when not given: the computed emissions are those collected in the duct
    SourceLocation where;
};

}  // namespace cbam
