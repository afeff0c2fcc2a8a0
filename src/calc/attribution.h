// Attribution of an installation's emissions to one production process
// (IR 2023/1773 Annex III F; IR 2025/2547 Annex III A.3):
//   AttrEm_dir = DirEm* + Em_H,imp − Em_H,exp + WG_corr,imp − WG_corr,exp − Em_el,prod
//   AttrEm_ind = Em_el,cons = Σ E_el,cons × EF_el
#pragma once

#include "calc/traced.h"
#include "model/installation.h"

#include <string>
#include <vector>

namespace cbam {

// One term of the attributed direct emissions: an emission source (source stream, measurement,
// PFC) or a correction (heat, waste gas, electricity produced), with the sign it enters with.
struct AttributedTerm {
    std::string label;  // the source's id, "PFC" (all PFC rows), or the correction's symbol (Em_H,exp, ...)
    bool source = false;
    int sign = 1;       // +1 or -1
    Traced value;       // tCO2e, positive as computed
};

struct AttributedEmissions {
    Traced direct;    // tCO2e
    Traced indirect;  // tCO2e
    // The terms of `direct`, in the order of the formula (sources first): Σ sign × value = direct.
    std::vector<AttributedTerm> direct_terms;
};

AttributedEmissions attribute(const Installation& inst, const ProductionProcess& process);

// The emission factor of an electricity flow: the installation's own, or, for grid electricity
// without one, the Commission's grid emission factor of the installation's country (IR (EU)
// 2025/2621 Annex II; the "other countries" row where the country is not listed). `source` names
// where it comes from, for the outputs.
struct ElectricityFactor {
    Traced ef;  // tCO2/MWh
    std::string source;
};
ElectricityFactor electricity_factor(const ElectricityFlow& e, const std::string& country);

}  // namespace cbam
