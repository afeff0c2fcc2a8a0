// What every readable page needs besides its results: the language, the chart library, and the
// data the figures were computed with (named on the page).
#pragma once

#include "writers/catalogue.h"
#include "writers/chart_library.h"

#include <string>
#include <utility>
#include <vector>

namespace cbam {

struct HtmlContext {
    const Catalogue& cat;
    const ChartLibrary& charts;
    // (what, which version or digest): the tool and each data table the run used.
    std::vector<std::pair<std::string, std::string>> data_versions;
};

}  // namespace cbam
