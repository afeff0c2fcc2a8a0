// One function per subcommand; each returns the process exit code (core/error.h exit_code).
#pragma once

#include "calc/quarter.h"
#include "importers/csv_reader.h"

#include <string>
#include <vector>

namespace cbam::cli {

using Args = std::vector<std::string>;

int classify(const Args& args);
int calc(const Args& args);
int explain(const Args& args);
int validate(const Args& args);
int report(const Args& args);
int extract(const Args& args);
int verify(const Args& args);
int declare(const Args& args);
int certificates(const Args& args);

// The inputs of a quarter's report, as named on the command line or found in DIR (report, verify).
struct QuarterInputs {
    std::string dir, settings, parties;
    std::vector<std::string> customs, suppliers;
    CsvDialect dialect;
};
// Fills in what DIR holds; returns an error message, or "" when the inputs are complete.
std::string discover(QuarterInputs& in);
// Reads the inputs and assembles the quarter; throws InputError listing every problem.
QuarterResult build_quarter(const QuarterInputs& in, const Quarter& quarter);

// Shared by the subcommands: prints "cbam: error: ..." with a hint, returns exit_code::usage.
int usage_error(const std::string& command, const std::string& message);

// --delimiter comma|semicolon|tab and --decimal point|comma: when args[i] is one of them, reads
// its value into `dialect`, advances i and returns true; on a bad value sets `error`.
bool dialect_option(const Args& args, std::size_t& i, CsvDialect& dialect, std::string& error);
inline constexpr const char* kDialectHelp = R"(  --delimiter D       comma, semicolon or tab (default: read from each file's header row,
                      the most frequent of the three outside quotes)
  --decimal D         point or comma (default: comma when the delimiter is a semicolon, as
                      spreadsheets write CSV in decimal-comma locales, else point). Under a
                      decimal comma, a number holding a point ("1.234") is refused as ambiguous.
)";

}  // namespace cbam::cli
