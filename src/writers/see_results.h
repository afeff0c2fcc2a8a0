// The specific embedded emissions of an installation's goods, as CSV, JSON or a terminal table.
// Rounded once, here (docs/rounding.md).
#pragma once

#include "calc/embedded_emissions.h"
#include "model/installation.h"

#include <string>

namespace cbam {

// The columns of see_to_csv are also the supplier communication format that `cbam report` reads
// (docs/supplier-data.md).
std::string see_to_csv(const Installation& inst, const CalcResult& r);
std::string see_to_json(const Installation& inst, const CalcResult& r);
std::string see_to_table(const Installation& inst, const CalcResult& r);

// "source", "correction", "electricity" or "precursor": the kind of a share of the SEE as the JSON
// output names it.
const char* share_kind(SeeShare::Kind k);

// Electricity fields of a communication, as text with kElectricityDecimals decimals (empty when
// not computable): the factor of the electricity the good's processes consumed (tCO2/MWh), and the
// consumption per unit of good that gives the indirect SEE at that factor (MWh/t).
inline constexpr int kElectricityDecimals = 5;
struct ElectricityFigures {
    std::string factor, consumed;
};
ElectricityFigures electricity_figures(const GoodResult& g);

}  // namespace cbam
