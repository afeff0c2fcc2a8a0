#include "audit/bundle.h"
#include "calc/embedded_emissions.h"
#include "cli/command.h"
#include "cli/commands.h"
#include "cli/html_output.h"
#include "cli/options.h"
#include "core/atomic_file.h"
#include "core/error.h"
#include "core/text.h"
#include "importers/installation_reader.h"
#include "importers/template_installation_reader.h"
#include "io/template_map.h"
#include "writers/communication_template.h"
#include "writers/explanation.h"
#include "writers/html_installation.h"
#include "writers/see_results.h"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <optional>

namespace cbam::cli {

namespace {

const char* kCalcDescription = R"(Computes the specific embedded emissions (SEE) of every good an installation makes, from the
CSV files in DIR (installation.csv, processes.csv, source_streams.csv, ... as described in
docs/installation-data.md), or from a filled copy of the Commission's communication template,
FILE.xlsx (its input sheets; docs/communication-template.md), following Implementing Regulation
(EU) 2023/1773 Annex III and its definitive-period successor (EU) 2025/2547:
  1. emissions of every source stream, measurement, PFC and N2O source, in tCO2e;
  2. attributed to production processes (heat, waste gases, electricity produced; indirect
     emissions from electricity consumed);
  3. divided by each process's activity level, adding the embedded emissions of precursors
     (made in the installation, computed first, or solved together as a linear system where
     processes feed each other; or bought from suppliers);
  4. averaged over processes by production where one good comes from several routes.
It prints a table of SEE direct, indirect and total per aggregated good and per CN code.

With --template-out it also fills a copy of the Commission's communication template for
installations (the Excel workbook EU importers ask their suppliers to return) with the
installation's data; Excel or LibreOffice then computes the template's own summary sheets from
it (docs/communication-template.md lists the cells written and where the template's method
differs from cbam's). The blank is never changed.
)";

const char* kExplainDescription = R"(Prints the full derivation of the specific embedded emissions (SEE) of one good of an
installation: every input with its file, line and column, every formula with its legal source,
every intermediate value, so that an auditor can follow it by hand (for a template, every input
with its sheet and cell: FILE.xlsx:D_Processes!L54). The same as
'cbam calc DIR --explain GOOD', without the table of all goods.
)";

const char* kNumbers = "Numbers are exact decimals; reported SEE are rounded once, to 5 decimals, half away from zero\n(docs/rounding.md).";

struct Options {
    std::string dir, output, format, explain, audit, template_out, blank;
    std::optional<Scope> scope;
    CsvDialect dialect;
    HtmlOptions html;
};

void add_dir_argument(CLI::App& cmd, Options& o) {
    cmd.add_option("DIR", o.dir,
                   "the installation's data directory (docs/installation-data.md), or its filled communication template, FILE.xlsx "
                   "(docs/communication-template.md)")
        ->required();
}

void add_scope_option(CLI::App& cmd, Options& o) {
    cmd.add_option_function<std::string>(
           "--scope",
           [&o](const std::string& v) {
               o.scope = parse_scope(v);
               if (!o.scope) throw UsageError(fmt::format("--scope expects transitional or definitive, found '{}'", v));
           },
           "transitional: the total counts direct + indirect for every good; definitive: indirect emissions count only "
           "for goods outside Annex II of Regulation (EU) 2023/956 (cement, fertilisers, sintered ore). Default: from "
           "the installation's period_end (before 2026: transitional).")
        ->type_name("SCOPE");
}

void add_calc_options(CLI::App& cmd, Options& o) {
    add_dir_argument(cmd, o);
    add_output_option(cmd, o.output,
                      "also write the results to FILE (CSV or JSON, by the file's extension unless --format says otherwise). "
                      "Written whole or not at all.");
    cmd.add_option("--format", o.format, "csv, json or table (the format of FILE, or of what is printed; 'table' only for the terminal)")
        ->type_name("FMT")
        ->check(one_of("--format", {"csv", "json", "table"}));
    add_scope_option(cmd, o);
    cmd.add_option("--explain", o.explain,
                   "after the table, print the full derivation of a good's SEE: every input with file, line and column, every "
                   "formula with its legal source, every intermediate value. WHAT is an aggregated good name, a CN code or 'all'.")
        ->type_name("WHAT");
    add_audit_option(cmd, o.audit);
    add_html_options(cmd, o.html);
    cmd.add_option("--template-out", o.template_out,
                   "also fill a copy of the Commission's blank communication template with the installation and write it to "
                   "FILE (.xlsx). Written whole or not at all, with -o.")
        ->type_name("FILE");
    cmd.add_option("--template", o.blank,
                   "the blank communication template to copy (default: \"CBAM Communication template for installations_en_"
                   "<version>.xlsx\" in $CBAM_TEMPLATE_DIR, else in ../shared/templates beside the project)")
        ->type_name("BLANK");
    add_dialect_options(cmd, o.dialect);
}

void add_explain_options(CLI::App& cmd, Options& o) {
    add_dir_argument(cmd, o);
    cmd.add_option("GOOD", o.explain, "an aggregated good (\"Cement clinker\"), a CN code the installation makes, or 'all'")->required();
    add_scope_option(cmd, o);
    add_dialect_options(cmd, o.dialect);
}

int run(const Options& o, bool print_table) {
    if (!o.output.empty() && o.format == "table") throw UsageError("--format table is for the terminal; write a file as csv or json");
    // A file is a communication template (the reader names what else it may be: .xls, CSV ...).
    const bool workbook = std::filesystem::is_regular_file(o.dir);
    Installation inst = workbook ? read_installation_template(o.dir) : read_installation(o.dir, CnRegistry::builtin(), Countries::builtin(), o.dialect);
    Scope scope = o.scope.value_or(scope_for_period_end(inst.period_end));
    CalcResult result = calculate(inst, scope);

    std::string explanation;
    if (!o.explain.empty()) {
        if (o.explain == "all") {
            for (const auto& g : result.goods) explanation += "\n" + explain_good(g, scope);
        } else {
            const GoodResult* g = result.find(o.explain);
            if (!g) {
                std::string known;
                for (const auto& x : result.goods) known += (known.empty() ? "" : ", ") + (x.cn_code.empty() ? "\"" + x.aggregated_good + "\"" : x.cn_code);
                Diagnostics d;
                d.add({o.dir, 0, 0, ""}, fmt::format("this installation makes no good \"{}\"; it makes: {}", o.explain, known));
                throw InputError(std::move(d));
            }
            explanation = "\n" + explain_good(*g, scope);
        }
    }
    std::optional<TemplateFill> filled;
    if (!o.template_out.empty()) filled = fill_communication_template(inst, result, o.blank);
    AtomicOutputs out;  // every file of the run, or none
    if (!o.output.empty()) out.stage(o.output, o.format == "json" ? see_to_json(inst, result) : see_to_csv(inst, result));
    if (!o.html.file.empty()) {
        HtmlOutput h = html_output("calc", o.html.lang, registry_data_files());
        out.stage(o.html.file, see_to_html(inst, result, h.context()));
    }
    if (filled) out.stage(o.template_out, filled->workbook);
    out.commit();
    if (!o.audit.empty()) {
        AuditBundle b;
        std::vector<std::string> cmd = {"calc", workbook ? "inputs/" + file_name(o.dir) : "inputs", "--scope", to_string(scope)};
        if (!workbook)
            for (const auto& a : dialect_args(o.dialect)) cmd.push_back(a);
        b.set_command(cmd);
        if (workbook) {
            b.add_input(o.dir, file_name(o.dir));
            for (const char* suffix : {".csv", "-lists.csv"}) {
                std::string map = "communication-" + detect_version(xlsx::Workbook::open(o.dir)).version + suffix;
                b.add_data(templates_dir() + "/" + map, "templates/" + map);
            }
        } else {
            for (const auto& f : installation_files())
                if (std::filesystem::exists(std::filesystem::path(o.dir) / f)) b.add_input((std::filesystem::path(o.dir) / f).string(), f);
        }
        add_registry_data(b);
        b.add_output("see.csv", see_to_csv(inst, result));
        b.add_output("see.json", see_to_json(inst, result));
        b.add_assumption(fmt::format("scope {}: {}", to_string(scope), o.scope ? "given with --scope" : "from the installation's period_end"));
        for (const auto& g : result.goods) {
            for (const Traced* t : {&g.see_direct, &g.see_indirect, &g.see_total})
                for (const auto& a : assumptions_in(*t)) b.add_assumption(a);
            b.add_derivation(explain_good(g, scope) + "\n");
        }
        b.write(o.audit);
        std::fflush(stdout);
        fmt::print(stderr, "cbam calc: wrote the audit bundle {}\n", o.audit);
    }
    if (print_table) {
        if (o.format == "csv" && o.output.empty()) fmt::print("{}", see_to_csv(inst, result));
        else if (o.format == "json" && o.output.empty()) fmt::print("{}", see_to_json(inst, result));
        else fmt::print("{}", see_to_table(inst, result));
    }
    if (!explanation.empty()) fmt::print("{}", explanation);
    std::fflush(stdout);
    if (!o.output.empty()) fmt::print(stderr, "cbam calc: wrote {}\n", o.output);
    if (!o.html.file.empty()) fmt::print(stderr, "cbam calc: wrote {}\n", o.html.file);
    if (filled) {
        fmt::print(stderr, "cbam calc: wrote {} (the communication template, version {}, to be recalculated on opening)\n", o.template_out,
                   filled->version);
        for (const auto& n : filled->notices) fmt::print(stderr, "  note: {}\n", n);
    }
    return exit_code::ok;
}

int run_calc(Options& o) {
    if (!o.template_out.empty() && extension(o.template_out) != "xlsx")
        throw UsageError(fmt::format("--template-out writes an xlsx workbook: give a file name ending in .xlsx, not '{}'", o.template_out));
    if (!o.blank.empty() && o.template_out.empty()) throw UsageError("--template names the blank to copy for --template-out: add --template-out FILE");
    if (!o.template_out.empty()) {
        namespace fs = std::filesystem;
        if (o.blank.empty()) o.blank = default_blank_template();
        std::error_code ec1, ec2;
        if (fs::weakly_canonical(o.template_out, ec1) == fs::weakly_canonical(o.blank, ec2) && !ec1 && !ec2)
            throw UsageError(fmt::format("--template-out {} is the blank itself: the blank is never changed, write the copy elsewhere", o.template_out));
        std::error_code ec3;
        if (fs::weakly_canonical(o.template_out, ec1) == fs::weakly_canonical(o.dir, ec3) && !ec1 && !ec3)
            throw UsageError(fmt::format("--template-out {} is the filled template being read: write the copy elsewhere", o.template_out));
    }
    if (!o.output.empty() && o.format.empty()) {
        std::string ext = extension(o.output);
        if (ext != "csv" && ext != "json")
            throw UsageError(fmt::format("cannot tell the format of '{}' from its extension: add --format csv or --format json", o.output));
        o.format = ext;
    }
    return run(o, true);
}

int run_explain(Options& o) { return run(o, false); }

}  // namespace

Command calc_command() {
    return make_command<Options>(
        {.name = "calc",
         .synopsis = "DIR|FILE.xlsx",
         .summary = "Specific embedded emissions (SEE, tCO2e/t) of every good of an installation, from its CSV data directory "
                    "(docs/installation-data.md) or its filled communication template (FILE.xlsx).",
         .usage = "cbam calc DIR|FILE.xlsx [-o FILE] [--format FMT] [--scope SCOPE] [--explain WHAT] [options]",
         .description = kCalcDescription,
         .writes = "  FILE (-o)             the SEE of every good, CSV or JSON (by --format or FILE's extension)\n"
                   "  FILE (--html)         a readable page: per good, where its SEE comes from, with charts\n"
                   "                        (docs/html.md)\n"
                   "  FILE (--template-out) a filled copy of the communication template (xlsx)\n"
                   "  DIR (--audit)         a new folder, the audit bundle (docs/audit.md)\n"
                   "Nothing else; without -o, --html, --template-out or --audit nothing is written.",
         .notes = kNumbers,
         .exit_codes = {{exit_code::ok, ""}, {exit_code::input_error, ""}, {exit_code::usage, ""}, {exit_code::output_error, ""},
                        {exit_code::setup, "--template-out: the blank communication template is missing or is not the one cbam knows"}},
         .examples = {"cbam calc fixtures/fastener-tw", "cbam calc fixtures/fastener-tw -o out/see.csv --audit out/fastener-audit",
                      "cbam calc fixtures/fastener-tw --html out/fastener-tw.zh-TW.html --lang zh-TW",
                      "cbam calc fixtures/fastener-tw --template-out out/fastener-tw-template.xlsx",
                      "cbam calc fixtures/cement-vn --explain \"Cement clinker\"", "cbam calc filled-template.xlsx --explain 25231000"}},
        add_calc_options, run_calc);
}

Command explain_command() {
    return make_command<Options>(
        {.name = "explain",
         .synopsis = "DIR|FILE.xlsx GOOD",
         .summary = "The full derivation of a good's SEE: every input with file and line, every formula with its legal source. "
                    "GOOD is an aggregated good (\"Cement clinker\") or a CN code.",
         .usage = "cbam explain DIR|FILE.xlsx GOOD [--scope transitional|definitive] [options]",
         .description = kExplainDescription,
         .writes = "  nothing: the derivation is printed.",
         .notes = kNumbers,
         .exit_codes = {{exit_code::ok, ""}, {exit_code::input_error, "the inputs are wrong, or the installation makes no such good"},
                        {exit_code::usage, ""}},
         .examples = {"cbam explain fixtures/cement-vn 25231000", "cbam explain fixtures/cement-vn \"Cement clinker\""}},
        add_explain_options, run_explain);
}

}  // namespace cbam::cli
