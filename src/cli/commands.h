// One function per subcommand; each returns the process exit code (core/error.h exit_code).
#pragma once

#include "audit/bundle.h"
#include "calc/quarter.h"
#include "io/csv_reader.h"

#include <string>
#include <vector>

namespace cbam::cli {

using Args = std::vector<std::string>;

// Runs a subcommand (args[0] is its name); exceptions propagate to main.
int dispatch(const Args& args);
int rerun(const Args& args);

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
// The customs*.csv files of `dir` and the *.csv files of `dir`/suppliers, sorted, put before those
// already named (report, verify, declare and certificates read the same layout).
void add_directory_inputs(const std::string& dir, std::vector<std::string>& customs, std::vector<std::string>& suppliers);
// Reads the inputs and assembles the quarter; throws InputError listing every problem.
QuarterResult build_quarter(const QuarterInputs& in, const Quarter& quarter);

// The name of a file written beside `path`: its name without extension, then `suffix`
// ("out/r.xml" + ".summary.csv" -> "out/r.summary.csv").
std::string sibling(const std::string& path, const std::string& suffix);

// The dialect options as given on the command line, to record them in an audit bundle.
std::vector<std::string> dialect_args(const CsvDialect& d);
// Adds the registry's data files (CN list, countries) to an audit bundle.
void add_registry_data(AuditBundle& bundle);
// Bundle names for input files laid out as a report or declaration directory expects them:
// `prefix` + basename, made unique ("customs.csv", "customs-2-lines.csv", "suppliers/x.csv").
std::string bundle_name(const std::string& path, const std::string& prefix, std::vector<std::string>& used);

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
