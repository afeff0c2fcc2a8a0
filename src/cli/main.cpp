#include "cli/commands.h"
#include "core/error.h"

#include <fmt/format.h>

#include <cstdio>
#include <exception>
#include <string>

namespace {

constexpr const char* kHelp = R"(cbam - embedded emissions of goods under the EU Carbon Border Adjustment Mechanism

Usage: cbam COMMAND [OPTIONS]

Commands:
  classify CN...      Is a CN code a CBAM good? Prints its sector, aggregated goods category,
                      greenhouse gases, simple/complex and relevant precursors, or why it is
                      out of scope.                       e.g. cbam classify 73181590
  calc DIR            Specific embedded emissions (SEE, tCO2e/t) of every good of an
                      installation, from its CSV data directory (docs/installation-data.md).
                                                          e.g. cbam calc fixtures/fastener-tw
  explain DIR GOOD    The full derivation of a good's SEE: every input with file and line,
                      every formula with its legal source. GOOD is an aggregated good
                      ("Cement clinker") or a CN code.   e.g. cbam explain fixtures/cement-vn 25231000

  report [DIR]        The quarterly CBAM report (QReport 23.00 XML) of an importer or customs
                      representative, from customs lines, suppliers' emissions data and default
                      values, checked before it is written, with a summary.
                                                          e.g. cbam report fixtures/importer-nl --period 2024Q2 -o r.xml
  declare [DIR]       The figures of the annual CBAM declaration (definitive period, from 2026):
                      embedded emissions counted, free-allocation adjustment, carbon price
                      deduction, certificates owed and their cost, per good and installation.
                                                          e.g. cbam declare fixtures/warehouse-de --year 2026
  certificates [DIR]  What the year's certificates cost, what actual data would save per supplier,
                      and the quarterly 50 % holding check.
  extract FILE.xml    Lists a quarterly report, ours or another tool's, as CSV: one row per
                      emissions entry.                    e.g. cbam extract report.xml -o rows.csv
  verify FILE.xml DIR Recomputes a filed quarterly report from its inputs and lists every figure
                      that differs, with both values and how cbam obtained its own.
  rerun AUDIT_DIR      Re-runs the calculation recorded in an audit bundle (written by --audit DIR
                      of calc, report or declare) and checks that every output is byte-identical.
  validate FILE.xml   Checks a CBAM quarterly report (QReport 23.00), ours or another tool's,
                      against the official XSD and the registry's business rules.
                                                          e.g. cbam validate report.xml

Run 'cbam COMMAND --help' for a command's options.

Exit codes:
  0   success
  1   the input is wrong: every problem found is listed as file:line:column (field): message
  2   the command line is wrong
  3   an output could not be written; no output file was changed or left half-written
  70  an internal error (a defect in cbam: please report it with the command line)

Numbers are exact decimals inside; reported SEE are rounded once, to 5 decimals, half away
from zero (docs/rounding.md).
)";

}  // namespace

int main(int argc, char** argv) {
    cbam::cli::Args args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::fputs(kHelp, stdout);
        return args.empty() ? cbam::exit_code::usage : cbam::exit_code::ok;
    }
    if (args[0] == "--version") {
        fmt::print("cbam {}\n", CBAM_VERSION);
        return 0;
    }
    try {
        return cbam::cli::dispatch(args);
    } catch (const cbam::InputError& e) {
        std::fputs(e.diagnostics().to_string().c_str(), stderr);
        fmt::print(stderr, "cbam: {}; nothing was written\n", e.what());
        return cbam::exit_code::input_error;
    } catch (const cbam::OutputError& e) {
        fmt::print(stderr, "cbam: error: {}; no output file was changed\n", e.what());
        return cbam::exit_code::output_error;
    } catch (const std::exception& e) {
        fmt::print(stderr, "cbam: internal error: {}\n", e.what());
        return cbam::exit_code::internal;
    }
}
