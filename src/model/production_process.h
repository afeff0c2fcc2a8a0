#pragma once

#include "model/input.h"

#include <optional>
#include <string>
#include <vector>

namespace cbam {

// A production process: one aggregated goods category made by one route (IR 2023/1773 Annex II).
struct ProductionProcess {
    std::string id;
    std::string aggregated_good;  // registry name, e.g. "Iron or steel products"
    std::string route;            // free text, e.g. "electric arc furnace"
    Input activity_level;         // t of goods (MWh for electricity) leaving the process in the period
    std::vector<std::string> cn_codes;  // 8-digit CN codes made by this process
    // Directly attributable emissions given for the process as a whole (tCO2e), as the Commission's
    // template asks for them (D_Processes (g), "DirEm*"), instead of per source stream. They are
    // added to the emissions of the source streams, measurements and PFC attributed to the process.
    std::optional<Input> direct_emissions;
    SourceLocation where;
};

}  // namespace cbam
