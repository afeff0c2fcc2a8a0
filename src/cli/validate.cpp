#include "cli/commands.h"
#include "core/error.h"
#include "validate/business_rules.h"
#include "validate/xsd.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace cbam::cli {

namespace {

constexpr const char* kHelp = R"(Usage: cbam validate REPORT.xml [--schema-dir DIR]

Checks a CBAM quarterly report (QReport, schema version 23.00), written by cbam or any other tool,
the way the CBAM registry does on upload:
  1. against the official XML Schema QReport_ver23.00.xsd (with stypes.xsd), through libxml2;
  2. against the registry's business rules that the schema cannot express (each rule has an id,
     e.g. B2 or C4, listed below and in docs/business-rules.md).
Every problem is printed as: line N: [RULE] message Path: /QReport/...

Options:
  --schema-dir DIR   folder holding QReport_ver23.00.xsd, stypes.xsd and codelists.csv
                     (default: $CBAM_SCHEMA_DIR, else the folder configured at build time)
  -h, --help         this text

Exit codes: 0 the registry would accept the file as far as these checks know; 1 it would not
(every problem listed); 2 usage; 70 internal error.

The official schema is published by the European Commission ("CBAM Registry and Reporting" page,
"CBAM XSD Version 23.00.zip"); cbam does not ship a copy.

Rules checked:
)";

}  // namespace

int validate(const Args& args) {
    std::string file, schema_dir = official_schema_dir();
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "-h" || args[i] == "--help") {
            fmt::print("{}", kHelp);
            for (const auto& r : business_rules()) fmt::print("  {:<4} {}\n", r.id, r.summary);
            return exit_code::ok;
        } else if (args[i] == "--schema-dir") {
            if (i + 1 >= args.size()) return usage_error("validate", "option --schema-dir needs a value");
            schema_dir = args[++i];
        } else if (!args[i].empty() && args[i][0] == '-') {
            return usage_error("validate", fmt::format("unknown option '{}'", args[i]));
        } else if (file.empty()) {
            file = args[i];
        } else {
            return usage_error("validate", "expected exactly one report file");
        }
    }
    if (file.empty()) return usage_error("validate", "expected a report file");
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
    if (checked.parsed) rule_issues = check_business_rules(xml, CodeLists::load(schema_dir + "/codelists.csv"));
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

}  // namespace cbam::cli
