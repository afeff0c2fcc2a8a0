#include "calc/template_check.h"
#include "calc/embedded_emissions.h"
#include "cli/command.h"
#include "cli/commands.h"
#include "cli/html_output.h"
#include "cli/options.h"
#include "core/atomic_file.h"
#include "core/error.h"
#include "importers/template_installation_reader.h"
#include "importers/template_results_reader.h"
#include "io/template_map.h"
#include "io/xlsx.h"
#include "writers/explanation.h"
#include "writers/rounding.h"
#include "writers/template_check_writer.h"

#include <fmt/format.h>

#include <cstdio>

namespace cbam::cli {

namespace {

const char* kDescription = R"(Re-runs the calculation of a filled communication template, the Commission's Excel workbook
(docs/communication-template.md), as an auditor would: it reads the workbook's inputs (A_InstData,
D_Processes, E_PurchPrec, the product rows of Summary_Products), computes every product's SEE
exactly, and compares them with the results the workbook itself holds, figure by figure: SEE
direct, indirect and total of every product row, in Summary_Products and in
Summary_Communication. Each figure is printed with both values, their difference and the cells
it comes from; a figure that differs is printed with cbam's full derivation.

The workbook's results are the values Excel or LibreOffice stored when it last saved the file:
a workbook filled by a program and never opened and saved by a spreadsheet holds none, and
nothing can be compared (exit code 4).

Two figures agree when they differ by at most 0.000005 (half a unit of the 5th decimal): the
template computes in binary floating point and shows 3 decimals, cbam reports 5. The template
counts every indirect emission in the total (its transitional rule), and so does this check.

It also lists the template's own error markers: the flags it raises where an entry is missing or
inconsistent (ErrMiss_..., Incomplete!, Duplicate!, Inconsistent!) and the error values its
formulas give (#N/A, #VALUE! ...). In a file saved by LibreOffice, the error values LibreOffice
shows where Excel does not (sheet-name and navigation cells, A_InstData's message columns) are
only counted. Markers are reported; they do not change the exit code.
)";

struct Options {
    std::string file, output;
    bool explain = false;
    HtmlOptions html;
};

void add_options(CLI::App& cmd, Options& o) {
    cmd.add_option("FILE", o.file, "the filled communication template (.xlsx)")->required();
    add_output_option(cmd, o.output,
                      "also write every figure compared to FILE as CSV (row, figure, cell, workbook, cbam, difference, agrees). "
                      "Written whole or not at all.");
    cmd.add_flag("--explain", o.explain, "print cbam's derivation of every figure, not only of those that differ");
    add_html_options(cmd, o.html);
}

int run(Options& o) {
    xlsx::Workbook wb = xlsx::Workbook::open(o.file);
    TemplateMap map = map_for_workbook(wb, templates_dir());
    Installation inst = read_installation_template(o.file);
    CalcResult result = calculate(inst, scope_for_period_end(inst.period_end));
    TemplateResults held = read_template_results(wb, map);
    TemplateCheck check = check_template(held, result);

    fmt::print("{}: communication template version {}{}\n", o.file, map.version(),
               held.saved_by.empty() ? "" : ", last saved by " + held.saved_by);
    int last_row = -1;
    std::size_t differ = 0;
    for (const auto& f : check.figures) {
        if (f.row != last_row) {
            fmt::print("\nproduct row {}: {}\n", f.row + 1, f.product);
            last_row = f.row;
        }
        std::string ours = cbam_text(f), diff = difference_text(f);
        fmt::print("  {:<13} {:<28} workbook {:>12}  cbam {:>9}  difference {:>9}  {}\n", f.figure, f.workbook.where.place(),
                   workbook_text(f.workbook), ours, diff, f.agrees ? "agrees" : "DIFFERS");
        if (!f.agrees) {
            ++differ;
            if (!f.why.empty()) fmt::print("      {}\n", f.why);
        }
        if (f.cbam && (o.explain || (!f.agrees && f.workbook.value))) {
            std::string tree = explain(*f.cbam, fmt::format("cbam's {} of product row {}", f.figure, f.row + 1));
            for (std::size_t at = 0, nl; at < tree.size(); at = nl + 1) {
                nl = tree.find('\n', at);
                if (nl == std::string::npos) nl = tree.size();
                fmt::print("      {}\n", tree.substr(at, nl - at));
            }
        }
    }
    if (check.figures.empty()) fmt::print("\nthe workbook has no product rows (Summary_Products D10:F109): nothing to compare\n");

    fmt::print("\nthe template's own markers: {}\n", held.markers.empty() ? "none" : std::to_string(held.markers.size()));
    for (const auto& m : held.markers) fmt::print("  {}: {} ({})\n", m.where.to_string(), m.text, m.meaning);
    if (held.libreoffice_artefacts > 0)
        fmt::print("  ({} error values that LibreOffice shows where Excel does not, in sheet-name, navigation and message cells: not the "
                   "template's, not listed)\n",
                   held.libreoffice_artefacts);
    AtomicOutputs out;
    if (!o.output.empty()) out.stage(o.output, template_check_to_csv(check));
    if (!o.html.file.empty()) {
        HtmlOutput h = html_output("check-template", o.html.lang, registry_data_files(), {{"communication template", map.version()}});
        out.stage(o.html.file, template_check_to_html(o.file, map.version(), held, check, h.context()));
    }
    out.commit();
    std::fflush(stdout);
    if (!o.output.empty()) fmt::print(stderr, "cbam check-template: wrote {}\n", o.output);
    if (!o.html.file.empty()) fmt::print(stderr, "cbam check-template: wrote {}\n", o.html.file);
    if (check.all_agree()) {
        fmt::print(stderr, "cbam check-template: all {} figures agree within 0.000005\n", check.figures.size());
        return exit_code::ok;
    }
    fmt::print(stderr, "cbam check-template: {} of {} figures do not agree{}\n", differ, check.figures.size(),
               held.any_result() ? "" : " (the workbook holds no computed results: open and save it in Excel or LibreOffice first)");
    return exit_code::check_failed;
}

}  // namespace

Command check_template_command() {
    return make_command<Options>(
        {.name = "check-template",
         .synopsis = "FILE.xlsx",
         .summary = "Recomputes a filled communication template from its inputs and compares every SEE with the one the workbook "
                    "holds, figure by figure; lists the template's own error markers.",
         .usage = "cbam check-template FILE.xlsx [-o FIGURES.csv] [--html PAGE.html [--lang zh-TW]] [--explain]",
         .description = kDescription,
         .writes = "  FILE (-o)      every figure compared, as CSV\n"
                   "  FILE (--html)  a readable page: the verdict, a chart of each product's total SEE, the workbook's\n"
                   "                 beside cbam's, every figure with its derivation, the template's markers\n"
                   "                 (docs/html.md)\n"
                   "Nothing else; without -o or --html nothing is written. Either is written whole, or neither.",
         .notes = "Numbers are exact decimals; figures are printed to 5 decimals, differences to 6 (docs/rounding.md).",
         .exit_codes = {{exit_code::ok, "every figure agrees within 0.000005"},
                        {exit_code::input_error, "the workbook cannot be read, or its inputs are wrong (every problem listed)"},
                        {exit_code::usage, ""},
                        {exit_code::output_error, ""},
                        {exit_code::check_failed, "a figure differs, or the workbook holds no result to compare (each one listed)"}},
         .examples = {"cbam check-template suppliers/TW-KHH-CLK-01.xlsx", "cbam check-template filled.xlsx -o figures.csv --explain",
                      "cbam check-template filled.xlsx --html check.zh-TW.html --lang zh-TW"}},
        add_options, run);
}

}  // namespace cbam::cli
