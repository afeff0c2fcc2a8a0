// What a command needs to write its readable page (--html FILE, --lang LANG; docs/html.md): the
// language's message catalogue, the chart library, and the names and digests of the data the run
// used, shown on the page.
#pragma once

#include "writers/catalogue.h"
#include "writers/chart_library.h"
#include "writers/html_context.h"

#include <string>
#include <utility>
#include <vector>

namespace cbam::cli {

struct HtmlOutput {
    Catalogue cat;
    ChartLibrary charts;
    std::vector<std::pair<std::string, std::string>> data_versions;
    HtmlContext context() const { return {cat, charts, data_versions}; }
};

// Loads the catalogue of `lang` and the chart library; when the library is missing or altered,
// says on standard error that the page will have no charts, and why. `data_files` are paths
// relative to the data directory ("cn_codes/annex_i.csv"), named on the page with their SHA-256;
// `versions` are further (what, version) pairs.
HtmlOutput html_output(const std::string& command, const std::string& lang, const std::vector<std::string>& data_files,
                       std::vector<std::pair<std::string, std::string>> versions = {});

// The data files every command reads (the CN list, the aggregated goods, the countries).
std::vector<std::string> registry_data_files();

}  // namespace cbam::cli
