// Attribution of an installation's emissions to one production process
// (IR 2023/1773 Annex III F; IR 2025/2547 Annex III A.3):
//   AttrEm_dir = DirEm* + Em_H,imp − Em_H,exp + WG_corr,imp − WG_corr,exp − Em_el,prod
//   AttrEm_ind = Em_el,cons = Σ E_el,cons × EF_el
#pragma once

#include "calc/traced.h"
#include "model/installation.h"

namespace cbam {

struct AttributedEmissions {
    Traced direct;    // tCO2e
    Traced indirect;  // tCO2e
};

AttributedEmissions attribute(const Installation& inst, const ProductionProcess& process);

}  // namespace cbam
