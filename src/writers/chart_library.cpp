#include "writers/chart_library.h"

#include "core/sha256.h"
#include "registry/cn_registry.h"

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace cbam {

namespace {

bool read(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::stringstream s;
    s << in.rdbuf();
    out = s.str();
    return true;
}

}  // namespace

std::string ChartLibrary::path() {
    if (const char* env = std::getenv("CBAM_CHART_JS"); env && *env) return env;
    return data_dir() + "/web/node_modules/chart.js/dist/chart.umd.js";
}

std::string ChartLibrary::digest_path() { return data_dir() + "/web/chart.js.sha256"; }

ChartLibrary ChartLibrary::load() {
    ChartLibrary lib;
    std::string record, expected;
    if (!read(digest_path(), record)) {
        lib.problem = fmt::format("the record of the chart library's version and digest ({}) is missing", digest_path());
        return lib;
    }
    std::istringstream lines(record);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("version ", 0) == 0) lib.version = line.substr(8);
        if (line.rfind("sha256 ", 0) == 0) expected = line.substr(7);
    }
    std::string script;
    if (!read(path(), script)) {
        lib.problem = fmt::format("the chart library (Chart.js {}) is not installed at {}: run 'bash tools/setup.sh build', which fetches it "
                                  "with npm, or set CBAM_CHART_JS to its chart.umd.js",
                                  lib.version, path());
        return lib;
    }
    std::string actual = sha256_hex(script);
    if (actual != expected) {
        lib.problem = fmt::format("the chart library at {} is not the recorded Chart.js {} (SHA-256 {}, expected {} as {} records)", path(),
                                  lib.version, actual, expected, digest_path());
        return lib;
    }
    // Inside <script>, only "</script" could end the element early; the pinned file has none,
    // but a recorded digest is all that vouches for that.
    if (script.find("</script") != std::string::npos || script.find("</SCRIPT") != std::string::npos) {
        lib.problem = "the chart library contains '</script' and cannot be embedded in a page";
        return lib;
    }
    lib.script = std::move(script);
    return lib;
}

}  // namespace cbam
