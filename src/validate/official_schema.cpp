#include "validate/official_schema.h"

#include "core/error.h"
#include "core/sha256.h"
#include "registry/cn_registry.h"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace cbam {

namespace {

namespace fs = std::filesystem;

constexpr const char* kRecord = "/schemas/qreport-23.00.sha256";
constexpr const char* kSetupText = "/schemas/qreport-23.00-setup.txt";

struct Record {
    std::string url;
    std::map<std::string, std::string> sha256;  // file name -> digest
};

Record read_record() {
    Record r;
    std::ifstream in(data_dir() + kRecord);
    if (!in) throw SetupError(fmt::format("cbam's record of the official schema, {}{}, is missing: cbam's data is not installed", data_dir(), kRecord));
    for (std::string line; std::getline(in, line);) {
        std::istringstream words(line);
        std::string key, a, b;
        words >> key >> a >> b;
        if (key == "url") r.url = a;
        if (key == "sha256") r.sha256[a] = b;
    }
    return r;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

}  // namespace

std::string official_schema_cache() {
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return std::string(x) + "/cbam/schemas";
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/.cache/cbam/schemas";
}

std::vector<std::string> official_schema_search_path() {
    std::vector<std::string> path;
    if (const char* env = std::getenv("CBAM_SCHEMA_DIR"); env && *env) path.push_back(env);
    std::string fallback = CBAM_SCHEMA_DIR_FALLBACK;
    path.push_back(!fallback.empty() ? fallback : (fs::path(data_dir()) / ".." / "shared" / "schemas").lexically_normal().string());
    path.push_back(official_schema_cache());
    return path;
}

std::string official_schema_setup_help() {
    std::ifstream in(data_dir() + kSetupText);
    std::stringstream s;
    s << in.rdbuf();
    std::string text = s.str();
    if (text.empty()) text = "See schemas/README.md: download the Commission's \"CBAM XSD Version 23.00.zip\" into {cache} ({url}).\n";
    replace_all(text, "{url}", read_record().url);
    replace_all(text, "{cache}", official_schema_cache());
    return text;
}

std::string find_official_schema(const std::string& dir) {
    Record record = read_record();
    std::string found = dir;
    if (found.empty())
        for (const auto& d : official_schema_search_path())
            if (fs::is_regular_file(fs::path(d) / "QReport_ver23.00.xsd")) {
                found = d;
                break;
            }
    if (found.empty()) {
        std::string looked;
        for (const auto& d : official_schema_search_path()) looked += (looked.empty() ? "" : ", ") + d;
        throw SetupError(fmt::format("the official QReport schema was not found (looked in {})\n{}", looked, official_schema_setup_help()));
    }
    for (const auto& [name, expected] : record.sha256) {
        fs::path file = fs::path(found) / name;
        if (!fs::is_regular_file(file))
            throw SetupError(fmt::format("{} is missing beside QReport_ver23.00.xsd\n{}", file.string(), official_schema_setup_help()));
        std::string actual = sha256_of_file(file.string());
        if (actual != expected)
            throw SetupError(fmt::format("{} is not the published file of QReport 23.00: its SHA-256 is {}, the published file's is {} "
                                         "(schemas/qreport-23.00.sha256). Replace it with the file of the Commission's zip.\n{}",
                                         file.string(), actual, expected, official_schema_setup_help()));
    }
    return found;
}

}  // namespace cbam
