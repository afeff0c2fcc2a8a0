#include "audit/bundle.h"
#include "calc/quarter.h"
#include "registry/cn_registry.h"
#include "cli/commands.h"
#include "core/atomic_file.h"
#include "core/error.h"
#include "importers/customs_reader.h"
#include "importers/report_settings_reader.h"
#include "importers/supplier_reader.h"
#include "validate/business_rules.h"
#include "validate/xsd.h"
#include "writers/qreport_writer.h"
#include "writers/report_summary.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace cbam::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kHelp = R"(Usage: cbam report [DIR] --period YYYYQn -o REPORT.xml [options]

Writes the CBAM quarterly report (QReport, schema 23.00) of a reporting declarant for one quarter
of the transitional period (2023Q4 to 2025Q4), from:
  settings.csv     the declarant, its role and the signature block (docs/report-settings.md)
  customs*.csv     customs import lines of the quarter (docs/customs-lines.md)
  suppliers/*.csv  installations' emissions data: the CSV of 'cbam calc -o', or a supplier's
                   communication in the same columns (docs/supplier-data.md)
  parties.csv      importers and representatives named on lines, when not the declarant
DIR holds those files; each can also be given, or added to, with an option.

What is reported: lines released for free circulation in the quarter (also after inward
processing). Lines under customs warehousing, placed under inward processing, of non-CBAM goods or
of EU or exempt origins are set aside with the reason. Goods are one per CN code and country of
origin; their emissions come from the named installation's data, or, where no installation is
named, from the Commission's transitional default values (flagged as such).

The report is checked against the official XSD and the registry's business rules before it is
written; a report that fails is not written (see --draft).

Options:
  --period YYYYQn    the quarter, e.g. 2024Q2 (required)
  -o, --output FILE  the report XML (required). Written next to it: FILE's name with
                     .summary.csv (per CN code and origin: quantity, embedded emissions,
                     share from default values) and .skipped.csv (lines not reported, why).
  --settings FILE    instead of DIR/settings.csv
  --customs FILE     customs lines (repeatable; added to DIR's customs*.csv)
  --suppliers FILE   supplier emissions data (repeatable; added to DIR/suppliers/*.csv)
  --parties FILE     instead of DIR/parties.csv
  --audit DIR        also write an audit bundle to the new folder DIR (docs/audit.md)
  --draft            write the report even when it fails a check, marked DRAFT at its top
                     with every problem listed (the exit code is still 1)
  --schema-dir DIR   folder of QReport_ver23.00.xsd, stypes.xsd, codelists.csv
                     (default: $CBAM_SCHEMA_DIR, else the folder set at build time)
  -h, --help         this text

The same inputs always give byte-identical XML, whatever the order of the lines.
Exit codes: 0 written and valid; 1 input errors or a report that fails the checks (nothing
written unless --draft); 2 usage; 3 output not written.

Example:
  cbam report fixtures/importer-nl --period 2024Q2 -o out/report-2024Q2.xml
)";

std::string comment_safe(std::string s) {
    std::size_t at;
    while ((at = s.find("--")) != std::string::npos) s.replace(at, 2, "- -");
    return s;
}

}  // namespace

std::string discover(QuarterInputs& in) {
    if (!in.dir.empty()) {
        if (!fs::is_directory(in.dir)) return fmt::format("'{}' is not a directory", in.dir);
        fs::path d(in.dir);
        if (in.settings.empty()) in.settings = (d / "settings.csv").string();
        if (in.parties.empty() && fs::exists(d / "parties.csv")) in.parties = (d / "parties.csv").string();
        add_directory_inputs(in.dir, in.customs, in.suppliers);
    }
    if (in.settings.empty()) return "no settings: give DIR with settings.csv, or --settings FILE";
    if (in.customs.empty()) return "no customs lines: give DIR with customs*.csv files, or --customs FILE";
    return "";
}

QuarterResult build_quarter(const QuarterInputs& in, const Quarter& quarter) {
    Diagnostics diags;
    if (!fs::exists(in.settings)) diags.add({in.settings, 0, 0, ""}, "missing file: the declarant settings (docs/report-settings.md)");
    ReportSettings s = read_report_settings(in.settings, in.parties, diags, Countries::builtin(), in.dialect);
    SupplierData data;
    for (const auto& f : in.suppliers) read_supplier_data(f, data, diags, CnRegistry::builtin(), Countries::builtin(), in.dialect);
    if (!diags.empty()) throw InputError(std::move(diags));
    QuarterBuilder builder(quarter, s, data);
    for (const auto& f : in.customs)
        read_customs_lines(f, diags, [&](const CustomsLine& l) { builder.add(l, diags); }, Countries::builtin(), in.dialect);
    if (!diags.empty()) throw InputError(std::move(diags));
    QuarterResult result = builder.finish(diags);
    if (!diags.empty()) throw InputError(std::move(diags));
    return result;
}

int report(const Args& args) {
    QuarterInputs in;
    std::string period_text, output, audit, schema_dir = official_schema_dir();
    bool draft = false;
    CsvDialect& dialect = in.dialect;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string derr;
        if (dialect_option(args, i, dialect, derr)) {
            if (!derr.empty()) return usage_error("report", derr);
            continue;
        }
        const std::string& a = args[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= args.size()) return false;
            out = args[++i];
            return true;
        };
        std::string v;
        if (a == "-h" || a == "--help") {
            fmt::print("{}{}", kHelp, kDialectHelp);
            return exit_code::ok;
        } else if (a == "--draft") {
            draft = true;
        } else if (a == "--period" || a == "-o" || a == "--output" || a == "--settings" || a == "--customs" || a == "--suppliers" ||
                   a == "--parties" || a == "--schema-dir" || a == "--audit") {
            if (!value(v)) return usage_error("report", fmt::format("option {} needs a value", a));
            if (a == "--period") period_text = v;
            else if (a == "--audit") audit = v;
            else if (a == "-o" || a == "--output") output = v;
            else if (a == "--settings") in.settings = v;
            else if (a == "--customs") in.customs.push_back(v);
            else if (a == "--suppliers") in.suppliers.push_back(v);
            else if (a == "--parties") in.parties = v;
            else schema_dir = v;
        } else if (!a.empty() && a[0] == '-') {
            return usage_error("report", fmt::format("unknown option '{}'", a));
        } else if (in.dir.empty()) {
            in.dir = a;
        } else {
            return usage_error("report", "expected at most one input directory");
        }
    }
    if (period_text.empty()) return usage_error("report", "--period is required, e.g. --period 2024Q2");
    auto quarter = Quarter::parse(period_text);
    if (!quarter) return usage_error("report", fmt::format("--period expects a quarter such as 2024Q2, found '{}'", period_text));
    if (quarter->year * 10 + quarter->quarter < 20234 || quarter->year * 10 + quarter->quarter > 20254)
        return usage_error("report", fmt::format("{} is outside the transitional period (2023Q4 to 2025Q4): quarterly reports exist only for it; "
                                                 "from 2026 use 'cbam declare'", quarter->label()));
    if (output.empty() && audit.empty()) return usage_error("report", "-o REPORT.xml is required (or --audit DIR, which holds the outputs too)");
    if (std::string problem = discover(in); !problem.empty()) return usage_error("report", problem);
    QuarterResult result = build_quarter(in, *quarter);

    std::string xml = write_qreport(result.report);
    XsdValidator xsd(schema_dir + "/" + kQReportXsd);
    auto checked = xsd.validate(xml, output);
    auto rules = check_business_rules(xml, CodeLists::load(schema_dir + "/codelists.csv"));
    std::vector<std::string> problems;
    for (const auto& i : checked.issues) problems.push_back(fmt::format("line {}: [XSD] {}{}", i.line, i.message, i.path.empty() ? "" : " Path: " + i.path));
    for (const auto& v : rules) problems.push_back(v.to_string());

    fmt::print("{}", summary_to_table(result));
    if (!problems.empty()) {
        for (const auto& p : problems) fmt::print(stderr, "error: {}\n", p);
        if (!draft) {
            fmt::print(stderr, "cbam report: the report fails {} check(s) and was not written (use --draft to write it marked as a draft)\n",
                       problems.size());
            return exit_code::input_error;
        }
        std::string mark = "<!-- DRAFT: NOT VALID FOR UPLOAD. It fails these checks:\n";
        for (const auto& p : problems) mark += "  " + comment_safe(p) + "\n";
        mark += "-->\n";
        auto decl_end = xml.find("?>\n");
        xml.insert(decl_end == std::string::npos ? 0 : decl_end + 3, mark);
    }
    if (!audit.empty()) {
        AuditBundle b;
        std::vector<std::string> used, cmd = {"report", "inputs", "--period", quarter->label()};
        for (const auto& a : dialect_args(in.dialect)) cmd.push_back(a);
        if (draft) cmd.push_back("--draft");
        b.set_command(cmd);
        b.add_input(in.settings, "settings.csv");
        if (!in.parties.empty()) b.add_input(in.parties, "parties.csv");
        for (const auto& f : in.customs) b.add_input(f, bundle_name(f, "customs", used));
        for (const auto& f : in.suppliers) b.add_input(f, "suppliers/" + bundle_name(f, "", used));
        add_registry_data(b);
        b.add_data(data_dir() + "/cn_codes/transitional_default_values.csv", "cn_codes/transitional_default_values.csv");
        for (const char* f : {kQReportXsd, "stypes.xsd", "codelists.csv"}) b.add_data(schema_dir + "/" + f, f);
        b.add_output("report.xml", xml);
        b.add_output("report.summary.csv", summary_to_csv(result));
        b.add_output("report.skipped.csv", skipped_to_csv(result));
        b.add_assumption("indirect SEE is written as ElectricityConsumed x EmissionFactor, each rounded to 5 decimals (registry rule D10)");
        for (const auto& g : result.report.goods) {
            if (!g.remarks.empty()) b.add_assumption(fmt::format("CN {} from {}: {}", g.cn_code, g.origin_country, g.remarks));
            for (const auto& e : g.emissions)
                for (const auto& r : e.remarks) b.add_assumption(fmt::format("CN {} from {}: {}", g.cn_code, g.origin_country, r));
        }
        for (const auto& w : result.warnings) b.add_assumption("warning: " + w);
        for (const auto& [key, how] : result.provenance) b.add_derivation(key + ": " + how + "\n");
        b.add_derivation("\n" + summary_to_table(result));
        b.write(audit);
    }
    std::fflush(stdout);
    if (output.empty()) {
        fmt::print(stderr, "cbam report: wrote the audit bundle {}\n", audit);
        return problems.empty() ? exit_code::ok : exit_code::input_error;
    }
    AtomicOutputs out;
    out.stage(output, xml);
    out.stage(sibling(output, ".summary.csv"), summary_to_csv(result));
    out.stage(sibling(output, ".skipped.csv"), skipped_to_csv(result));
    out.commit();
    fmt::print(stderr, "cbam report: wrote {}{} and {}, {}\n", output, problems.empty() ? " (valid: schema and registry rules)" : " as a DRAFT",
               sibling(output, ".summary.csv"), sibling(output, ".skipped.csv"));
    return problems.empty() ? exit_code::ok : exit_code::input_error;
}

}  // namespace cbam::cli
