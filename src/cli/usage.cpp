#include "cli/commands.h"
#include "audit/bundle.h"
#include "core/error.h"
#include "registry/cn_registry.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace cbam::cli {

int usage_error(const std::string& command, const std::string& message) {
    fmt::print(stderr, "cbam{}{}: error: {}\n", command.empty() ? "" : " ", command, message);
    fmt::print(stderr, "Run 'cbam {}--help' for usage.\n", command.empty() ? "" : command + " ");
    return exit_code::usage;
}

bool dialect_option(const Args& args, std::size_t& i, CsvDialect& dialect, std::string& error) {
    const std::string& a = args[i];
    if (a != "--delimiter" && a != "--decimal") return false;
    if (i + 1 >= args.size()) {
        error = fmt::format("option {} needs a value", a);
        return true;
    }
    const std::string& v = args[++i];
    if (a == "--delimiter") {
        if (v == "comma" || v == ",") dialect.delimiter = ',';
        else if (v == "semicolon" || v == ";") dialect.delimiter = ';';
        else if (v == "tab" || v == "\t") dialect.delimiter = '\t';
        else error = fmt::format("--delimiter expects comma, semicolon or tab, found '{}'", v);
    } else {
        if (v == "point" || v == ".") dialect.decimal_point = '.';
        else if (v == "comma" || v == ",") dialect.decimal_point = ',';
        else error = fmt::format("--decimal expects point or comma, found '{}'", v);
    }
    if (dialect.delimiter && dialect.delimiter == dialect.decimal_point)
        error = "the delimiter and the decimal separator cannot both be a comma";
    return true;
}

void add_directory_inputs(const std::string& dir, std::vector<std::string>& customs, std::vector<std::string>& suppliers) {
    namespace fs = std::filesystem;
    auto csv_files = [](const fs::path& d, const char* prefix) {
        std::vector<std::string> found;
        if (fs::is_directory(d))
            for (const auto& e : fs::directory_iterator(d))
                if (e.is_regular_file() && e.path().extension() == ".csv" && e.path().filename().string().rfind(prefix, 0) == 0)
                    found.push_back(e.path().string());
        std::sort(found.begin(), found.end());
        return found;
    };
    auto c = csv_files(dir, "customs");
    customs.insert(customs.begin(), c.begin(), c.end());
    auto s = csv_files(fs::path(dir) / "suppliers", "");
    suppliers.insert(suppliers.begin(), s.begin(), s.end());
}

int dispatch(const Args& args) {
    const std::string& cmd = args.at(0);
    Args rest(args.begin() + 1, args.end());
    if (cmd == "classify") return classify(rest);
    if (cmd == "calc") return calc(rest);
    if (cmd == "explain") return explain(rest);
    if (cmd == "validate") return validate(rest);
    if (cmd == "report") return report(rest);
    if (cmd == "extract") return extract(rest);
    if (cmd == "verify") return verify(rest);
    if (cmd == "declare") return declare(rest);
    if (cmd == "certificates") return certificates(rest);
    if (cmd == "rerun") return rerun(rest);
    return usage_error("", fmt::format("unknown command '{}'", cmd));
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
    for (const char* f : {"annex_i.csv", "annex_i_exclusions.csv", "aggregated_goods.csv", "countries.csv"})
        bundle.add_data(data_dir() + "/cn_codes/" + f, std::string("cn_codes/") + f);
}

}  // namespace cbam::cli
