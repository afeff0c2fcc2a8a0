#include "audit/bundle.h"
#include "calc/quarter.h"
#include "registry/cn_registry.h"
#include "cli/command.h"
#include "cli/commands.h"
#include "cli/finish_reading.h"
#include "cli/process_end.h"
#include "cli/html_output.h"
#include "calc/quarter_totals.h"
#include "cli/options.h"
#include "core/atomic_file.h"
#include "core/error.h"
#include "importers/customs_reader.h"
#include "importers/repeated_customs_lines.h"
#include "importers/report_settings_reader.h"
#include "importers/supplier_reader.h"
#include "validate/official_schema.h"
#include "validate/qreport_check.h"
#include "writers/qreport_writer.h"
#include "writers/html_quarter.h"
#include "writers/report_summary.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <future>
#include <cstdio>
#include <filesystem>

namespace cbam::cli {

namespace {

namespace fs = std::filesystem;

const char* kDescription = R"(Writes the CBAM quarterly report (QReport, schema 23.00) of a reporting declarant for one quarter
of the transitional period (2023Q4 to 2025Q4), from:
  settings.csv     the declarant, its role and the signature block (docs/report-settings.md)
  customs*.csv     customs import lines of the quarter (docs/customs-lines.md)
  suppliers/*.csv  installations' emissions data: the CSV of 'cbam calc -o', or a supplier's
                   communication in the same columns (docs/supplier-data.md)
  suppliers/*.xlsx suppliers' filled communication templates (docs/communication-template.md);
                   the file's name is the installation_id customs lines use
  parties.csv      importers and representatives named on lines, when not the declarant
DIR holds those files; each can also be given, or added to, with an option.

What is reported: lines released for free circulation in the quarter (also after inward
processing). Lines under customs warehousing, placed under inward processing, of non-CBAM goods or
of EU or exempt origins are set aside with the reason. Goods are one per CN code and country of
origin; their emissions come from the named installation's data, or, where no installation is
named, from the Commission's transitional default values (flagged as such).

The report is checked against the official XSD and the registry's business rules before it is
written; a report that fails is not written (see --draft).
)";

struct Options {
    QuarterInputs in;
    std::optional<Quarter> period;
    std::string output, audit, schema_dir;
    bool draft = false;
    HtmlOptions html;
};

void add_options(CLI::App& cmd, Options& o) {
    cmd.add_option("DIR", o.in.dir, "the folder holding settings.csv, customs*.csv, suppliers/*.csv or *.xlsx and parties.csv");
    add_period_option(cmd, o.period)->required();
    add_output_option(cmd, o.output, "the report XML (required unless --audit is given), and beside it FILE's stem with .summary.csv, .skipped.csv and .totals.csv (see Writes)");
    add_quarter_input_options(cmd, o.in);
    add_audit_option(cmd, o.audit);
    cmd.add_flag("--draft", o.draft,
                 "write the report even when it fails a check, marked DRAFT at its top with every problem listed (the exit code "
                 "is still 1)");
    add_schema_dir_option(cmd, o.schema_dir);
    add_html_options(cmd, o.html);
    add_dialect_options(cmd, o.in.dialect);
}

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

namespace {

// The quarter, with the search for repeated lines left to `repeats` when it is still running.
QuarterResult build_quarter(const QuarterInputs& in, const Quarter& quarter, RepeatsCheck& repeats) {
    Diagnostics diags;
    if (!fs::exists(in.settings)) diags.add({in.settings, 0, 0, ""}, "missing file: the declarant settings (docs/report-settings.md)");
    ReportSettings s = read_report_settings(in.settings, in.parties, diags, Countries::builtin(), in.dialect);
    SupplierData data;
    read_supplier_files(in.suppliers, data, diags, CnRegistry::builtin(), Countries::builtin(), in.dialect);
    if (!diags.empty()) throw InputError(std::move(diags));
    QuarterBuilder builder(quarter, s, data);
    builder.allow_low_confidence_defaults(in.allow_low_confidence_defaults);
    auto repeated = std::make_unique<RepeatedCustomsLines>(RepeatedCustomsLines::kDefaultBatch,
                                                           default_customs_reading() == CustomsReading::Parallel ? 2 : 1);
    for (const auto& f : in.customs)
        read_customs_lines(f, diags, [&](const CustomsLine& l) {
            repeated->add(l);
            builder.add(l, diags);
        }, Countries::builtin(), in.dialect, default_customs_reading());
    return finish_reading(std::move(repeated), diags, [&](Diagnostics& d) { return builder.finish(d); }, &repeats);
}

}  // namespace

QuarterResult build_quarter(const QuarterInputs& in, const Quarter& quarter) {
    RepeatsCheck repeats;
    QuarterResult result = build_quarter(in, quarter, repeats);
    repeats.confirm();
    return result;
}

namespace {

int run(Options& o) {
    QuarterInputs& in = o.in;
    const std::string& output = o.output;
    const std::string& audit = o.audit;
    const std::string schema_dir = find_official_schema(o.schema_dir);  // before reading anything: a set-up error comes first
    const bool draft = o.draft;
    const Quarter* quarter = &*o.period;
    if (output.empty() && audit.empty() && o.html.file.empty())
        throw UsageError("-o REPORT.xml is required (or --audit DIR, which holds the outputs too, or --html FILE)");
    if (std::string problem = discover(in); !problem.empty()) throw UsageError(problem);
    // The report is written and checked while the search for repeated lines may still run: its
    // verdict comes before anything is printed or written, and before any other failure.
    RepeatsCheck repeats;
    const QuarterResult& result = keep_until_exit(build_quarter(in, *quarter, repeats));  // a million lines' objects: not freed one by one
    auto before_repeats = [&repeats](auto&& step) {
        try {
            return step();
        } catch (...) {
            repeats.confirm();
            throw;
        }
    };
    QuarterTotals totals = before_repeats([&] { return quarter_totals(result); });
    // The CSVs beside the report (summary, skipped lines, totals) are made while the report is
    // written and checked, on a second thread where the lines were read on two. The skipped lines
    // (a hundred thousand lines or more) go straight to their file, staged on `side`, and are
    // held as text only for the audit bundle.
    const auto policy = default_customs_reading() == CustomsReading::Parallel ? std::launch::async : std::launch::deferred;
    AtomicOutputs side;
    std::shared_future<std::array<std::string, 3>> csvs = before_repeats([&] {
        return std::async(policy, [&] {
                   if (!output.empty())
                       side.stage_parts(sibling(output, ".skipped.csv"), [&](const AtomicOutputs::Append& append) { skipped_to_csv(result, append); });
                   return std::array<std::string, 3>{summary_to_csv(result), audit.empty() ? std::string() : skipped_to_csv(result), totals_to_csv(totals)};
               }).share();
    });
    std::string xml = before_repeats([&] { return write_qreport(result.report); });
    QReportCheck checked = before_repeats([&] {
        XsdValidator xsd(schema_dir + "/" + kQReportXsd);
        return policy == std::launch::async ? check_qreport_side_by_side(xml, output.empty() ? "report.xml" : output, xsd)
                                            : check_qreport(xml, output.empty() ? "report.xml" : output, xsd);
    });
    repeats.confirm();
    std::vector<std::string> problems;
    for (const auto& v : checked.identity) problems.push_back(v.to_string());
    for (const auto& i : checked.schema_issues)
        problems.push_back(fmt::format("line {}: [XSD] {}{}", i.line, i.message, i.path.empty() ? "" : " Path: " + i.path));
    for (const auto& v : checked.rules)
        if (v.severity == Severity::Error) problems.push_back(v.to_string());

    fmt::print("{}", summary_to_table(result));
    std::fflush(stdout);
    for (const auto& v : checked.rules)
        if (v.severity == Severity::Warning) fmt::print(stderr, "{}\n", v.to_string());
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
        if (in.allow_low_confidence_defaults) cmd.push_back("--allow-low-confidence-defaults");
        b.set_command(cmd);
        b.add_input(in.settings, "settings.csv");
        if (!in.parties.empty()) b.add_input(in.parties, "parties.csv");
        for (const auto& f : in.customs) b.add_input(f, bundle_name(f, "customs", used));
        for (const auto& f : in.suppliers) b.add_input(f, "suppliers/" + bundle_name(f, "", used));
        add_registry_data(b);
        for (const char* f : {kQReportXsd, "stypes.xsd"}) b.add_data(schema_dir + "/" + f, f);
        b.add_output("report.xml", xml);
        b.add_output("report.summary.csv", csvs.get()[0]);
        b.add_output("report.skipped.csv", csvs.get()[1]);
        b.add_output("report.totals.csv", csvs.get()[2]);
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
    if (output.empty() && o.html.file.empty()) {
        fmt::print(stderr, "cbam report: wrote the audit bundle {}\n", audit);
        return problems.empty() ? exit_code::ok : exit_code::input_error;
    }
    AtomicOutputs out;
    if (!output.empty()) {
        out.stage(output, xml);
        out.stage(sibling(output, ".summary.csv"), csvs.get()[0]);
        out.stage(sibling(output, ".totals.csv"), csvs.get()[2]);
    }
    if (!o.html.file.empty()) {
        std::vector<std::string> data = registry_data_files();
        data.push_back("cn_codes/transitional_default_values.csv");
        HtmlOutput h = html_output("report", o.html.lang, data);
        out.stage(o.html.file, quarter_to_html(result, totals, h.context()));
    }
    csvs.wait();
    out.commit();
    side.commit();
    if (!output.empty())
        fmt::print(stderr, "cbam report: wrote {}{} and {}, {}, {}\n", output, problems.empty() ? " (valid: schema and registry rules)" : " as a DRAFT",
                   sibling(output, ".summary.csv"), sibling(output, ".skipped.csv"), sibling(output, ".totals.csv"));
    if (!o.html.file.empty()) fmt::print(stderr, "cbam report: wrote {}\n", o.html.file);
    return problems.empty() ? exit_code::ok : exit_code::input_error;
}

}  // namespace

Command report_command() {
    return make_command<Options>(
        {.name = "report",
         .synopsis = "[DIR]",
         .summary = "The quarterly CBAM report (QReport 23.00 XML) of an importer or customs representative, from customs lines, "
                    "suppliers' emissions data and default values, checked before it is written, with a summary.",
         .usage = "cbam report [DIR] --period YYYYQn -o REPORT.xml [options]",
         .description = kDescription,
         .writes = "  FILE (-o)             the report XML, only when it passes the schema and business rules\n"
                   "                        (or with --draft)\n"
                   "  STEM.summary.csv      beside FILE, FILE's name without its extension + .summary.csv: per CN\n"
                   "                        code and origin, quantity, embedded emissions, share from default values\n"
                   "  STEM.skipped.csv      likewise + .skipped.csv: the lines not reported, and why\n"
                   "  STEM.totals.csv       likewise + .totals.csv: embedded emissions by CN code, origin and installation\n"
                   "  FILE (--html)         a readable page of the report, with charts (docs/html.md)\n"
                   "  DIR (--audit)         a new folder, the audit bundle (docs/audit.md)\n"
                   "All are written together or none; e.g. -o out/r.xml writes out/r.xml, out/r.summary.csv and\n"
                   "out/r.skipped.csv and out/r.totals.csv. The summary is also printed.",
         .notes = "The same inputs always give byte-identical XML, whatever the order of the lines.",
         .exit_codes = {{exit_code::ok, "written and valid"},
                        {exit_code::input_error, "input errors, or a report that fails the checks (nothing written unless --draft)"},
                        {exit_code::usage, ""},
                        {exit_code::output_error, ""},
                        {exit_code::setup, ""}},
         .examples = {"cbam report fixtures/importer-nl --period 2024Q2 -o out/report-2024Q2.xml"}},
        add_options, run);
}

}  // namespace cbam::cli
