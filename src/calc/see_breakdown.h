// Where a good's specific embedded emissions come from: the same SEE split into one term per
// emission source of its processes (source streams, measurements, PFC; heat, waste-gas and
// electricity-production corrections with their sign), per precursor bought or made, and the
// electricity its processes consumed.
//
// A good made by processes r with activity levels AL_r has (IR 2025/2547 Annex III B Eq. 59-60,
// and the production-weighted average over routes)
//   SEE = Σ_r (AttrEm_r + Σ_i M_i × SEE_i) / Σ_r AL_r
// so each term T (an attributed emission, or a precursor's embedded emissions M_i × SEE_i) adds
// T / Σ_r AL_r, and the terms add up exactly to the direct, indirect and counted indirect SEE.
#pragma once

#include "calc/traced.h"

#include <string>
#include <vector>

namespace cbam {

struct SeeShare {
    enum class Kind { Source, Correction, Electricity, Precursor };
    Kind kind = Kind::Source;
    std::string process_id;
    std::string label;  // source id, correction, or the precursor's origin ("… from supplier S (CN)")
    std::string precursor;                  // precursors: the aggregated good
    std::string supplier_id, from_process;  // precursors: bought from a supplier, or made by a process of the installation
    bool default_values = false;   // a precursor on default values (at any depth)
    bool counted_as_zero = false;  // a precursor of EU or exempt origin
    Traced direct, indirect, indirect_counted;  // per unit of the good (tCO2e/t or tCO2e/MWh)
    Traced total;                                // direct + indirect_counted
};

struct SeeBreakdown {
    // Per process (in the good's order): sources, corrections, electricity, precursors, each kind by label.
    std::vector<SeeShare> shares;
    // The part of the good's total SEE that rests on default values, and its share of the total
    // (0 when the total is 0).
    Traced from_default_values;
    Traced default_share;
};

struct CalcResult;
struct GoodResult;
// Computed by calculate() for every good (GoodResult::breakdown).
SeeBreakdown see_breakdown(const CalcResult& result, const GoodResult& good);

}  // namespace cbam
