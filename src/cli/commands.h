// What the commands share: running one, the inputs of a quarter, names of files written beside an
// output, audit bundles.
#pragma once

#include "audit/bundle.h"
#include "calc/quarter.h"
#include "io/csv_reader.h"

#include <string>
#include <vector>

namespace cbam::cli {

using Args = std::vector<std::string>;

// Runs the command line `args` (args[0] is the command's name; no program name), parsing it with
// the command's CLI11 declarations (cli/command.h); returns the exit code. Input, output and set-up
// errors propagate as exceptions to main.
int dispatch(const Args& args);
// 'cbam --version': the program's version and the versions of its data.
int version(const Args& args);

// The inputs of a quarter's report, as named on the command line or found in DIR (report, verify).
struct QuarterInputs {
    std::string dir, settings, parties;
    std::vector<std::string> customs, suppliers;
    CsvDialect dialect;
    bool allow_low_confidence_defaults = false;  // --allow-low-confidence-defaults
};
// Fills in what DIR holds; returns an error message, or "" when the inputs are complete.
std::string discover(QuarterInputs& in);
// The customs*.csv files of `dir` and the *.csv and *.xlsx files of `dir`/suppliers, sorted, put before those
// already named (report, verify, declare and certificates read the same layout).
void add_directory_inputs(const std::string& dir, std::vector<std::string>& customs, std::vector<std::string>& suppliers);
// Reads the inputs and assembles the quarter; throws InputError listing every problem.
QuarterResult build_quarter(const QuarterInputs& in, const Quarter& quarter);

// The bytes of a report or other input file, read in one piece; throws InputError naming the file
// when it does not exist or is not a regular file.
std::string read_input_file(const std::string& path);

// The name of a file written beside `path`: its name without extension, then `suffix`
// ("out/r.xml" + ".summary.csv" -> "out/r.summary.csv").
std::string sibling(const std::string& path, const std::string& suffix);

// The dialect options as given on the command line, to record them in an audit bundle.
std::vector<std::string> dialect_args(const CsvDialect& d);
// Adds every data table of cn_codes/ to an audit bundle, with its act, version, rows and confidence.
void add_registry_data(AuditBundle& bundle);
// Bundle names for input files laid out as a report or declaration directory expects them:
// `prefix` + basename, made unique ("customs.csv", "customs-2-lines.csv", "suppliers/x.csv").
std::string bundle_name(const std::string& path, const std::string& prefix, std::vector<std::string>& used);

}  // namespace cbam::cli
