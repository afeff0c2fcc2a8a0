#include "cli/commands.h"
#include "core/error.h"

#include <fmt/format.h>

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

}  // namespace cbam::cli
