#pragma once

#include "model/input.h"

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
    SourceLocation where;
};

}  // namespace cbam
