#include "cli/command.h"
#include "cli/options.h"
#include "core/error.h"
#include "cli/commands.h"
#include "validate/official_schema.h"
#include "validate/qreport_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

namespace cbam::cli {

namespace {

const char* kDescription = R"(Checks a CBAM quarterly report (QReport, schema version 23.00), written by cbam or any other tool,
the way the CBAM registry does on upload:
  1. what the file is: a file that is not a QReport (another root element or namespace) gets one
     finding, X0, and nothing else; a QReport of an earlier schema version (17, 18, 19) is named
     as such (X1), with the elements that show it, before the schema's errors;
  2. against the official XML Schema QReport_ver23.00.xsd (with stypes.xsd), through libxml2;
  3. against the registry's business rules that the schema cannot express (each rule has an id,
     e.g. B2 or C4, listed below and in docs/business-rules.md, with its scope and source).
Quantities are compared in their units (kilograms converted to tonnes; supplementary units only
with the same unit), and the messages state the units.

A rule's finding is an error when its source says the registry refuses such a file; a rule that is
our own reading, or that rests on a code list known to be incomplete (docs/code-lists.md), gives a
warning, which never makes the file fail. Every finding is printed as
  FILE:LINE: [RULE] message Path: /QReport/...        (an error)
  FILE:LINE: warning [RULE] message Path: /QReport/... (a warning)
and the last line gives the verdict: "accepted" or "refused", with the schema's ("schema valid"
or "schema invalid") and the counts.

The official schema is published by the European Commission ("CBAM Registry and Reporting" page,
"CBAM XSD Version 23.00.zip"); cbam does not ship a copy. The code lists are cbam's own
(cn_codes/qreport_codes.csv).
)";

struct Options {
    std::string file, schema_dir;
};

void add_options(CLI::App& cmd, Options& o) {
    cmd.add_option("FILE", o.file, "the QReport XML to check")->required();
    add_schema_dir_option(cmd, o.schema_dir);
}

std::string rules_list() {
    std::string out = "Rules checked (W: gives warnings only):\n";
    for (const auto& r : business_rules())
        out += fmt::format("  {:<4} {}{}\n", r.id, r.severity == Severity::Warning ? "W " : "", r.summary);
    return out;
}

void print(const std::string& file, const RuleViolation& v) {
    fmt::print("{}:{}: {}[{}] {} Path: {}\n", file, v.line, v.severity == Severity::Warning ? "warning " : "", v.rule, v.message, v.path);
}

int run(Options& o) {
    const std::string& file = o.file;
    XsdValidator xsd(find_official_schema(o.schema_dir) + "/" + kQReportXsd);  // a set-up error comes first
    std::string xml = read_input_file(file);
    QReportCheck c = check_qreport(std::move(xml), file, xsd);
    for (const auto& v : c.identity) print(file, v);
    for (const auto& i : c.schema_issues)
        fmt::print("{}:{}: [XSD] {}{}\n", file, i.line, i.message, i.path.empty() ? "" : " Path: " + i.path);
    for (const auto& v : c.rules) print(file, v);
    std::size_t rule_errors = count_errors(c.rules), warnings = c.warnings();
    std::string schema = c.schema_valid ? "schema valid" : fmt::format("schema invalid ({} issue(s))", std::max<std::size_t>(c.schema_issues.size(), 1));
    if (c.accepted()) {
        fmt::print("{}: accepted: {}, no business-rule error ({} rules checked{})\n", file, schema, business_rules().size(),
                   warnings ? fmt::format("; {} warning(s)", warnings) : "");
        return exit_code::ok;
    }
    std::fflush(stdout);
    if (!c.identity.empty() && c.identity.front().rule == "X0") {
        fmt::print(stderr, "cbam validate: {}: refused: not a QReport (schema invalid): the registry would refuse this file\n", file);
    } else {
        fmt::print(stderr, "cbam validate: {}: refused: {}; {} business-rule error(s), {} warning(s){}: the registry would refuse this file\n", file,
                   schema, rule_errors, warnings, c.identity.empty() ? "" : "; a QReport of an earlier schema version (X1)");
    }
    return exit_code::input_error;
}

}  // namespace

Command validate_command() {
    return make_command<Options>({.name = "validate",
                                  .synopsis = "FILE.xml",
                                  .summary = "Checks a CBAM quarterly report (QReport 23.00), ours or another tool's, against the official "
                                             "XSD and the registry's business rules.",
                                  .usage = "cbam validate REPORT.xml [--schema-dir DIR]",
                                  .description = kDescription,
                                  .writes = "  nothing: every problem is printed.",
                                  .notes = rules_list(),
                                  .exit_codes = {{exit_code::ok, "the registry would accept the file as far as these checks know"},
                                                 {exit_code::input_error, "it would not (every problem listed), or the file cannot be read"},
                                                 {exit_code::usage, ""},
                                                 {exit_code::setup, ""}},
                                  .examples = {"cbam validate report.xml"}},
                                 add_options, run);
}

}  // namespace cbam::cli
