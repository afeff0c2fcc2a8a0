#pragma once

#include "model/input.h"

#include <string>

namespace cbam {

// Waste gas imported into or exported from a production process (IR 2023/1773 Annex III F).
struct WasteGasFlow {
    std::string process_id;
    bool exported = false;
    Input volume;  // Nm3 (or t)
    Input ncv;     // energy per unit of volume
    SourceLocation where;
};

}  // namespace cbam
