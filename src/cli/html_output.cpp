#include "cli/html_output.h"

#include "audit/bundle.h"
#include "registry/cn_registry.h"

#include <fmt/format.h>

#include <cstdio>

namespace cbam::cli {

std::vector<std::string> registry_data_files() {
    return {"cn_codes/annex_i.csv", "cn_codes/annex_i_exclusions.csv", "cn_codes/aggregated_goods.csv", "cn_codes/countries.csv"};
}

HtmlOutput html_output(const std::string& command, const std::string& lang, const std::vector<std::string>& data_files,
                       std::vector<std::pair<std::string, std::string>> versions) {
    HtmlOutput out{Catalogue::load(lang), ChartLibrary::load(), {}};
    out.data_versions.emplace_back("cbam", CBAM_VERSION);
    for (const auto& f : data_files) {
        std::string digest;
        try {
            digest = "SHA-256 " + sha256_of_file(data_dir() + "/" + f).substr(0, 16) + "…";
        } catch (const std::exception&) {
            digest = "not readable";
        }
        out.data_versions.emplace_back(f, digest);
    }
    for (auto& v : versions) out.data_versions.push_back(std::move(v));
    if (out.charts.available()) out.data_versions.emplace_back("Chart.js", out.charts.version + " (MIT licence), bundled in the page");
    else {
        std::fflush(stdout);
        fmt::print(stderr, "cbam {}: the page will have no charts: {}\n", command, out.charts.problem);
    }
    return out;
}

}  // namespace cbam::cli
