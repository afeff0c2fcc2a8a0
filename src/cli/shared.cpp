#include "cli/commands.h"
#include "audit/bundle.h"
#include "core/error.h"
#include "registry/cn_registry.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace cbam::cli {

std::string read_input_file(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        Diagnostics d;
        d.add({path, 0, 0, ""}, "cannot read the file: it does not exist or is not a regular file");
        throw InputError(std::move(d));
    }
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    std::string bytes(static_cast<std::size_t>(std::max<std::streamoff>(in.tellg(), 0)), '\0');
    in.seekg(0);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!in) {
        Diagnostics d;
        d.add({path, 0, 0, ""}, "cannot read the file to its end");
        throw InputError(std::move(d));
    }
    return bytes;
}

void add_directory_inputs(const std::string& dir, std::vector<std::string>& customs, std::vector<std::string>& suppliers) {
    namespace fs = std::filesystem;
    auto files = [](const fs::path& d, const char* prefix, bool workbooks) {
        std::vector<std::string> found;
        if (fs::is_directory(d))
            for (const auto& e : fs::directory_iterator(d)) {
                std::string ext = e.path().extension().string();
                if (e.is_regular_file() && (ext == ".csv" || (workbooks && ext == ".xlsx")) && e.path().filename().string().rfind(prefix, 0) == 0)
                    found.push_back(e.path().string());
            }
        std::sort(found.begin(), found.end());
        return found;
    };
    auto c = files(dir, "customs", false);
    customs.insert(customs.begin(), c.begin(), c.end());
    // Suppliers' data: CSV, or their filled communication templates (.xlsx).
    auto s = files(fs::path(dir) / "suppliers", "", true);
    suppliers.insert(suppliers.begin(), s.begin(), s.end());
}

std::string sibling(const std::string& path, const std::string& suffix) {
    auto dot = path.rfind('.');
    auto slash = path.rfind('/');
    std::string base = dot != std::string::npos && (slash == std::string::npos || dot > slash) ? path.substr(0, dot) : path;
    return base + suffix;
}

std::vector<std::string> dialect_args(const CsvDialect& d) {
    std::vector<std::string> out;
    if (d.delimiter) out.insert(out.end(), {"--delimiter", d.delimiter == ',' ? "comma" : d.delimiter == ';' ? "semicolon" : "tab"});
    if (d.decimal_point) out.insert(out.end(), {"--decimal", d.decimal_point == ',' ? "comma" : "point"});
    return out;
}

std::string bundle_name(const std::string& path, const std::string& prefix, std::vector<std::string>& used) {
    std::string base = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
    std::string name = prefix.empty() || base.rfind(prefix, 0) == 0 ? base : prefix + "-" + base;
    for (int i = 2; std::find(used.begin(), used.end(), name) != used.end(); ++i) name = fmt::format("{}-{}-{}", prefix, i, base);
    used.push_back(name);
    return name;
}

void add_registry_data(AuditBundle& bundle) {
    // Every table of the data folder, each with its act, version, rows and confidence (cn_codes/tables.csv).
    for (const auto& t : data_tables()) bundle.add_data_table(t);
}

}  // namespace cbam::cli
