#pragma once

#include "model/input.h"

#include <string>

namespace cbam {

// A relevant precursor consumed by a production process: made in the installation by another
// process (from_process) or purchased (supplier_id). Mass is the total consumed (IR 2025/2547 Eq. 61).
struct PrecursorInput {
    std::string process_id;
    std::string precursor;     // aggregated good name
    Input mass;                // t
    std::string from_process;  // own production
    std::string supplier_id;   // purchased
    SourceLocation where;
    SourceLocation from_where;  // the from_process cell
};

}  // namespace cbam
