// The chart library bundled into the HTML pages: Chart.js, fetched with npm by tools/setup.sh into
// web/node_modules (not committed), pinned by web/package-lock.json and checked here against the
// SHA-256 recorded in web/chart.js.sha256 (docs/html.md). Found under the data directory like
// every other data file ($CBAM_DATA_DIR, else the source tree), or at $CBAM_CHART_JS.
#pragma once

#include <string>

namespace cbam {

struct ChartLibrary {
    std::string script;   // the library's JavaScript; empty when not available
    std::string version;  // as recorded in web/chart.js.sha256
    std::string problem;  // why it is not available (for the page and the terminal)

    bool available() const { return !script.empty(); }
    // Never throws: a missing or altered library gives a ChartLibrary with `problem` set.
    static ChartLibrary load();
    // The file it is read from, and the file of its recorded digest.
    static std::string path();
    static std::string digest_path();
};

}  // namespace cbam
