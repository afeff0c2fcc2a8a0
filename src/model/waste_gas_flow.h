#pragma once

#include "model/input.h"

#include <optional>
#include <string>

namespace cbam {

// Waste gas imported into or exported from a production process (IR 2023/1773 Annex III F).
// Given as a volume (or mass) with its net calorific value, or directly as an energy (the
// template's D_Processes (i) asks for TJ): the correction needs its energy content V × NCV.
struct WasteGasFlow {
    std::string process_id;
    bool exported = false;
    Input amount;              // volume (Nm3), mass (t), or energy (TJ)
    std::optional<Input> ncv;  // energy per unit of amount; absent when the amount is an energy
    SourceLocation where;
};

}  // namespace cbam
