// What the suppliers of an importer communicated, by installation and CN code: the one input the
// quarterly report and the annual declaration read, whichever reader filled it (CSV, template).
#pragma once

#include "model/supplier_emissions.h"

#include <map>
#include <string>
#include <utility>

namespace cbam {

// Key: (installation_id, cn_code).
using SupplierData = std::map<std::pair<std::string, std::string>, SupplierEmissions>;

}  // namespace cbam
