#include "audit/verify.h"
#include "cli/command.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "core/atomic_file.h"
#include "core/error.h"
#include "importers/qreport_reader.h"
#include "writers/qreport_writer.h"

#include <fmt/format.h>


namespace cbam::cli {

namespace {

const char* kExtractDescription = R"(Reads a CBAM quarterly report (QReport), ours or another tool's, and lists it as CSV: one row per
emissions entry, with the good (CN code, origin, quantity), the installation, the specific
embedded emissions direct and indirect, the electricity figures, and the embedded emissions
(quantity x SEE). Numbers are given exactly as the report states them, except that quantities are
read by their MeasurementUnit: a net mass in kilograms (02) is listed in tonnes (divided by 1000),
supplementary units as they are, in their unit (MWh for electricity, "unit 04" for hydrogen's);
the unit columns say which. A report that is not UTF-8, not XML or not a QReport, or whose
quantity has a unit that is not a code of the list, is refused, every problem with its line and
element path. Without -o, the rows go to standard output.
)";

const char* kVerifyDescription = R"(Recomputes a filed quarterly report from its inputs (the customs lines, the suppliers' emissions
data, the settings: DIR or the same options as 'cbam report') and compares them figure by figure:
quantities per good and procedure, each emissions entry's produced quantity, determination types,
specific embedded emissions, emission factors and electricity figures. The quarter is the report's
own. Every figure that differs is listed at the line of the filed report where it stands (of its
parent element when the figure is missing), with both values and how cbam obtained its own (the
customs lines summed, the supplier row or default value used).
)";

struct ExtractOptions {
    std::string file, output;
};

void add_extract_options(CLI::App& cmd, ExtractOptions& o) {
    cmd.add_option("FILE", o.file, "the QReport XML to list")->required();
    add_output_option(cmd, o.output, "write the rows to FILE instead of standard output (written whole or not at all)");
}

struct VerifyOptions {
    std::string file;
    QuarterInputs in;
};

void add_verify_options(CLI::App& cmd, VerifyOptions& o) {
    cmd.add_option("FILE", o.file, "the filed QReport XML")->required();
    cmd.add_option("DIR", o.in.dir, "the folder of its inputs, laid out as for 'cbam report'");
    add_quarter_input_options(cmd, o.in);
    add_dialect_options(cmd, o.in.dialect);
}

std::optional<qreport::Report> load_report(const std::string& path) {
    Diagnostics d;
    auto r = read_qreport(read_input_file(path), path, d);
    if (!d.empty()) throw InputError(std::move(d));
    return r;
}

int run_extract(ExtractOptions& o) {
    auto report = load_report(o.file);
    std::string csv = qreport_to_csv(*report);
    if (o.output.empty()) fmt::print("{}", csv);
    else write_file_atomically(o.output, csv);
    return exit_code::ok;
}

int run_verify(VerifyOptions& o) {
    const std::string& file = o.file;
    QuarterInputs& in = o.in;
    if (std::string problem = discover(in); !problem.empty()) throw UsageError(problem);
    auto filed = load_report(file);
    auto quarter = Quarter::parse(fmt::format("{}{}", filed->year, filed->reporting_period));
    if (!quarter) {
        Diagnostics d;
        d.add({file, 0, 0, "/QReport/ReportingPeriod"}, fmt::format("the report's period \"{} {}\" is not a quarter", filed->year, filed->reporting_period));
        throw InputError(std::move(d));
    }
    QuarterResult ours = build_quarter(in, *quarter);
    // Compare numbers as they stand in XML: our report is written and read back the same way.
    Diagnostics d;
    auto recomputed = read_qreport(write_qreport(ours.report), "recomputed", d);
    auto diffs = compare_reports(*filed, *recomputed, ours.provenance);
    if (diffs.empty()) {
        fmt::print("{}: every figure agrees with the recomputation from the inputs ({} goods, {} customs lines)\n", file, ours.report.goods.size(),
                   ours.lines_reported);
        return exit_code::ok;
    }
    for (const auto& x : diffs) {
        // file:line first, as every located message of cbam: the line of the filed figure's element.
        fmt::print("{}:{}: {}: {}: filed {}, recomputed {}\n", file, x.line, x.where, x.field, x.filed, x.recomputed);
        if (!x.derivation.empty()) fmt::print("    how: {}\n", x.derivation);
    }
    fmt::print(stderr, "cbam verify: {} figure(s) differ\n", diffs.size());
    return exit_code::check_failed;
}

}  // namespace

Command extract_command() {
    return make_command<ExtractOptions>(
        {.name = "extract",
         .synopsis = "FILE.xml",
         .summary = "Lists a quarterly report, ours or another tool's, as CSV: one row per emissions entry.",
         .usage = "cbam extract REPORT.xml [-o ROWS.csv]",
         .description = kExtractDescription,
         .writes = "  FILE (-o): the rows as CSV; nothing else. Without -o the rows go to standard output.",
         .notes = "",
         .exit_codes = {{exit_code::ok, ""}, {exit_code::input_error, "the report cannot be read (every problem listed)"},
                        {exit_code::usage, ""}, {exit_code::output_error, ""}},
         .examples = {"cbam extract report.xml -o rows.csv"}},
        add_extract_options, run_extract);
}

Command verify_command() {
    return make_command<VerifyOptions>(
        {.name = "verify",
         .synopsis = "FILE.xml DIR",
         .summary = "Recomputes a filed quarterly report from its inputs and lists every figure that differs, with both values "
                    "and how cbam obtained its own.",
         .usage = "cbam verify REPORT.xml [DIR] [--settings FILE] [--customs FILE]... [--suppliers FILE]... [options]",
         .description = kVerifyDescription,
         .writes = "  nothing: the differences are printed.",
         .notes = "",
         .exit_codes = {{exit_code::ok, "every figure agrees"},
                        {exit_code::input_error, "the report or the inputs are wrong (every problem listed)"},
                        {exit_code::usage, ""},
                        {exit_code::check_failed, "a figure differs (each one listed)"}},
         .examples = {"cbam verify out/importer-nl-2024Q2.xml fixtures/importer-nl"}},
        add_verify_options, run_verify);
}

}  // namespace cbam::cli
