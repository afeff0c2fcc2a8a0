#include "cli/command.h"
#include "cli/options.h"
#include "core/error.h"
#include "validate/business_rules.h"
#include "validate/xsd.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace cbam::cli {

namespace {

const char* kDescription = R"(Checks a CBAM quarterly report (QReport, schema version 23.00), written by cbam or any other tool,
the way the CBAM registry does on upload:
  1. against the official XML Schema QReport_ver23.00.xsd (with stypes.xsd), through libxml2;
  2. against the registry's business rules that the schema cannot express (each rule has an id,
     e.g. B2 or C4, listed below and in docs/business-rules.md).
Every problem is printed as: FILE:LINE: [RULE] message Path: /QReport/...

The official schema is published by the European Commission ("CBAM Registry and Reporting" page,
"CBAM XSD Version 23.00.zip"); cbam does not ship a copy.
)";

struct Options {
    std::string file, schema_dir = official_schema_dir();
};

void add_options(CLI::App& cmd, Options& o) {
    cmd.add_option("FILE", o.file, "the QReport XML to check")->required();
    add_schema_dir_option(cmd, o.schema_dir);
}

std::string rules_list() {
    std::string out = "Rules checked:\n";
    for (const auto& r : business_rules()) out += fmt::format("  {:<4} {}\n", r.id, r.summary);
    return out;
}

int run(Options& o) {
    const std::string& file = o.file;
    const std::string& schema_dir = o.schema_dir;
    if (!std::filesystem::is_regular_file(file)) {
        Diagnostics d;
        d.add({file, 0, 0, ""}, "cannot read the file: it does not exist or is not a regular file");
        throw InputError(std::move(d));
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    std::string xml = buf.str();

    XsdValidator xsd(schema_dir + "/" + kQReportXsd);
    auto checked = xsd.validate(xml, file);
    const auto& schema_issues = checked.issues;
    // A file refused before validation (not XML, or declaring entities) is not read any further.
    std::vector<RuleViolation> rule_issues;
    if (checked.parsed) rule_issues = check_business_rules(xml);
    for (const auto& i : schema_issues)
        fmt::print("{}:{}: [XSD] {}{}\n", file, i.line, i.message, i.path.empty() ? "" : " Path: " + i.path);
    for (const auto& v : rule_issues) fmt::print("{}:{}: [{}] {} Path: {}\n", file, v.line, v.rule, v.message, v.path);
    std::size_t n = schema_issues.size() + rule_issues.size();
    if (n == 0) {
        fmt::print("{}: valid: QReport 23.00 schema and {} registry business rules passed\n", file, business_rules().size());
        return exit_code::ok;
    }
    fmt::print(stderr, "cbam validate: {} problem(s): {} against the schema, {} against the business rules; the registry would refuse this file\n",
               n, schema_issues.size(), rule_issues.size());
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
