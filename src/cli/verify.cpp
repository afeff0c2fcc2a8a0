#include "audit/verify.h"
#include "cli/commands.h"
#include "core/atomic_file.h"
#include "core/error.h"
#include "importers/qreport_reader.h"
#include "writers/qreport_writer.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace cbam::cli {

namespace {

constexpr const char* kExtractHelp = R"(Usage: cbam extract REPORT.xml [-o ROWS.csv]

Reads a CBAM quarterly report (QReport), ours or another tool's, and lists it as CSV: one row per
emissions entry, with the good (CN code, origin, quantity), the installation, the specific
embedded emissions direct and indirect, the electricity figures, and the embedded emissions
(quantity x SEE). Numbers are given exactly as the report states them. Without -o, the rows go to
standard output.
)";

constexpr const char* kVerifyHelp = R"(Usage: cbam verify REPORT.xml [DIR] [input options of 'cbam report']

Recomputes a filed quarterly report from its inputs (the customs lines, the suppliers' emissions
data, the settings: DIR or the same options as 'cbam report') and compares them figure by figure:
quantities per good and procedure, each emissions entry's produced quantity, determination types,
specific embedded emissions, emission factors and electricity figures. The quarter is the report's
own. Every figure that differs is listed with both values and how cbam obtained its own (the
customs lines summed, the supplier row or default value used).

Exit codes: 0 every figure agrees; 1 a figure differs, or the inputs are wrong; 2 usage.
)";

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::optional<qreport::Report> load_report(const std::string& path) {
    Diagnostics d;
    if (!std::filesystem::is_regular_file(path)) {
        d.add({path, 0, 0, ""}, "cannot read the file: it does not exist or is not a regular file");
        throw InputError(std::move(d));
    }
    auto r = read_qreport(read_all(path), path, d);
    if (!d.empty()) throw InputError(std::move(d));
    return r;
}

}  // namespace

int extract(const Args& args) {
    std::string file, output;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "-h" || args[i] == "--help") {
            fmt::print("{}", kExtractHelp);
            return exit_code::ok;
        } else if (args[i] == "-o" || args[i] == "--output") {
            if (i + 1 >= args.size()) return usage_error("extract", "option -o needs a value");
            output = args[++i];
        } else if (!args[i].empty() && args[i][0] == '-') {
            return usage_error("extract", fmt::format("unknown option '{}'", args[i]));
        } else if (file.empty()) {
            file = args[i];
        } else {
            return usage_error("extract", "expected one report file");
        }
    }
    if (file.empty()) return usage_error("extract", "expected a report file");
    auto report = load_report(file);
    std::string csv = qreport_to_csv(*report);
    if (output.empty()) fmt::print("{}", csv);
    else write_file_atomically(output, csv);
    return exit_code::ok;
}

int verify(const Args& args) {
    std::string file;
    QuarterInputs in;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        std::string derr;
        if (dialect_option(args, i, in.dialect, derr)) {
            if (!derr.empty()) return usage_error("verify", derr);
            continue;
        }
        if (a == "-h" || a == "--help") {
            fmt::print("{}{}", kVerifyHelp, kDialectHelp);
            return exit_code::ok;
        }
        if (a == "--settings" || a == "--customs" || a == "--suppliers" || a == "--parties") {
            if (i + 1 >= args.size()) return usage_error("verify", fmt::format("option {} needs a value", a));
            const std::string& v = args[++i];
            if (a == "--settings") in.settings = v;
            else if (a == "--customs") in.customs.push_back(v);
            else if (a == "--suppliers") in.suppliers.push_back(v);
            else in.parties = v;
        } else if (!a.empty() && a[0] == '-') {
            return usage_error("verify", fmt::format("unknown option '{}'", a));
        } else if (file.empty()) {
            file = a;
        } else if (in.dir.empty()) {
            in.dir = a;
        } else {
            return usage_error("verify", "expected a report file and at most one input directory");
        }
    }
    if (file.empty()) return usage_error("verify", "expected the report file to verify");
    if (std::string problem = discover(in); !problem.empty()) return usage_error("verify", problem);
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
        fmt::print("{}: {}: filed {}, recomputed {}\n", x.where, x.field, x.filed, x.recomputed);
        if (!x.derivation.empty()) fmt::print("    how: {}\n", x.derivation);
    }
    fmt::print(stderr, "cbam verify: {} figure(s) differ\n", diffs.size());
    return exit_code::input_error;
}

}  // namespace cbam::cli
