// The official CBAM quarterly report schema (QReport_ver23.00.xsd with stypes.xsd), which cbam never
// ships: where it is found, and that it is the published one (schemas/qreport-23.00.sha256).
#pragma once

#include <string>
#include <vector>

namespace cbam {

// Where cbam looks for the schema, in the order tools/schema.sh does: $CBAM_SCHEMA_DIR; the folder
// set at build time (CMake CBAM_SCHEMA_DIR_FALLBACK), by default ../shared/schemas beside the data
// directory (for a build from the sources: beside the source tree); the per-user cache
// ${XDG_CACHE_HOME:-$HOME/.cache}/cbam/schemas (where tools/schema.sh puts a download).
std::vector<std::string> official_schema_search_path();
// The per-user cache folder of the schema.
std::string official_schema_cache();

// The folder holding the official schema: `dir` when given (--schema-dir), else the first folder of
// the search path that holds QReport_ver23.00.xsd. Both files must have the recorded SHA-256.
// Throws SetupError otherwise, saying what is wrong and what to download and where to put it.
std::string find_official_schema(const std::string& dir = "");

// The paragraph that says what to download and where to put it (schemas/qreport-23.00-setup.txt).
std::string official_schema_setup_help();

}  // namespace cbam
