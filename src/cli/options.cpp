#include "cli/options.h"

#include "calc/declaration.h"

#include "cli/command.h"
#include "core/text.h"
#include "registry/definitive_data.h"
#include "validate/xsd.h"
#include "writers/catalogue.h"

#include <fmt/format.h>

#include <algorithm>

namespace cbam::cli {

void add_dialect_options(CLI::App& cmd, CsvDialect& dialect) {
    auto conflict = [&dialect] {
        if (dialect.delimiter && dialect.delimiter == dialect.decimal_point)
            throw UsageError("the delimiter and the decimal separator cannot both be a comma");
    };
    cmd.add_option_function<std::string>(
           "--delimiter",
           [&dialect, conflict](const std::string& v) {
               if (v == "comma" || v == ",") dialect.delimiter = ',';
               else if (v == "semicolon" || v == ";") dialect.delimiter = ';';
               else if (v == "tab" || v == "\t") dialect.delimiter = '\t';
               else throw UsageError(fmt::format("--delimiter expects comma, semicolon or tab, found '{}'", v));
               conflict();
           },
           "comma, semicolon or tab (default: read from each file's header row, the most frequent of the three "
           "outside quotes)")
        ->type_name("D");
    cmd.add_option_function<std::string>(
           "--decimal",
           [&dialect, conflict](const std::string& v) {
               if (v == "point" || v == ".") dialect.decimal_point = '.';
               else if (v == "comma" || v == ",") dialect.decimal_point = ',';
               else throw UsageError(fmt::format("--decimal expects point or comma, found '{}'", v));
               conflict();
           },
           "point or comma (default: comma when the delimiter is a semicolon, as spreadsheets write CSV in "
           "decimal-comma locales, else point). Under a decimal comma, a number holding a point (\"1.234\") is "
           "refused as ambiguous.")
        ->type_name("D");
}

void add_html_options(CLI::App& cmd, HtmlOptions& html) {
    cmd.add_option("--html", html.file,
                   "also write a readable page of the results to FILE: one self-contained HTML file with tables and charts, "
                   "every figure linked to its derivation, that loads nothing from the network and prints to PDF (docs/html.md)")
        ->type_name("FILE");
    cmd.add_option_function<std::string>(
           "--lang",
           [&html](const std::string& v) {
               auto known = Catalogue::languages();
               if (std::find(known.begin(), known.end(), v) == known.end()) {
                   std::string list;
                   for (const auto& l : known) list += (list.empty() ? "" : ", ") + l;
                   throw UsageError(fmt::format("--lang expects one of {}, found '{}'", list, v));
               }
               html.lang = v;
           },
           "the language of the --html page: en (default) or zh-TW (Traditional Chinese); a new i18n/LANG.json adds one")
        ->type_name("LANG");
}

CLI::Option* add_output_option(CLI::App& cmd, std::string& output, const std::string& description) {
    return cmd.add_option("-o,--output", output, description)->type_name("FILE");
}

CLI::Option* add_audit_option(CLI::App& cmd, std::string& audit) {
    return cmd
        .add_option("--audit", audit,
                    "also write an audit bundle to the new folder DIR: the inputs, the outputs, their SHA-256, the "
                    "data used, every assumption and the derivation of every figure; 'cbam rerun DIR' reproduces it "
                    "(docs/audit.md)")
        ->type_name("DIR");
}

CLI::Option* add_schema_dir_option(CLI::App& cmd, std::string& schema_dir) {
    return cmd
        .add_option("--schema-dir", schema_dir,
                    "folder holding the official QReport_ver23.00.xsd and stypes.xsd (default: the "
                    "first of $CBAM_SCHEMA_DIR, ../shared/schemas beside cbam's data and the per-user cache "
                    "~/.cache/cbam/schemas that holds them). Both files must be the published ones: their SHA-256 are checked.")
        ->type_name("DIR");
}

void add_quarter_input_options(CLI::App& cmd, QuarterInputs& in) {
    cmd.add_option("--settings", in.settings, "the declarant settings, instead of DIR/settings.csv")->type_name("FILE");
    cmd.add_option("--customs", in.customs, "customs lines (repeatable; added to DIR's customs*.csv)")
        ->type_name("FILE")
        ->allow_extra_args(false);
    cmd.add_option("--suppliers", in.suppliers, "supplier emissions data, CSV or a filled communication template .xlsx (repeatable; added to DIR/suppliers/)")
        ->type_name("FILE")
        ->allow_extra_args(false);
    cmd.add_option("--parties", in.parties, "importers and representatives named on lines, instead of DIR/parties.csv")
        ->type_name("FILE");
    cmd.add_flag("--allow-low-confidence-defaults", in.allow_low_confidence_defaults,
                 "use transitional default values whose transcription has a confidence below medium (cn_codes/SOURCES.md); "
                 "each use is then a warning. Without it such a good needs its producer's data");
}

CLI::Option* add_period_option(CLI::App& cmd, std::optional<Quarter>& period) {
    return cmd
        .add_option_function<std::string>(
            "--period",
            [&period](const std::string& v) {
                auto q = Quarter::parse(v);
                if (!q) throw UsageError(fmt::format("--period expects a quarter such as 2024Q2, found '{}'", v));
                if (q->year * 10 + q->quarter < 20234 || q->year * 10 + q->quarter > 20254)
                    throw UsageError(fmt::format("{} is outside the transitional period (2023Q4 to 2025Q4): quarterly reports exist only "
                                                 "for it; from 2026 use 'cbam declare'",
                                                 q->label()));
                period = q;
            },
            "the quarter, from 2023Q4 to 2025Q4, e.g. 2024Q2")
        ->type_name("YYYYQn");
}

CLI::Option* add_year_option(CLI::App& cmd, int& year) {
    return cmd
        .add_option_function<std::string>(
            "--year",
            [&year](const std::string& v) {
                if (!is_digits(v, 4)) throw UsageError(fmt::format("--year expects a year such as 2026, found '{}'", v));
                year = std::stoi(v);
            },
            "the calendar year of the imports: 2026 or later; from 2031 the cross-sectoral correction factor is not yet "
            "published and must be supplied (--cscf)")
        ->type_name("YYYY");
}

void check_definitive_year(int year, bool cscf_supplied) {
    std::string problem = year_factors_problem(year, cscf_supplied);
    if (!problem.empty()) throw UsageError(problem);
}

CLI::Validator one_of(const std::string& option, std::vector<std::string> values) {
    return CLI::Validator(
        [option, values](const std::string& v) -> std::string {
            if (std::find(values.begin(), values.end(), v) != values.end()) return "";
            std::string list;
            for (std::size_t i = 0; i < values.size(); ++i) list += (i == 0 ? "" : i + 1 == values.size() ? " or " : ", ") + values[i];
            throw UsageError(fmt::format("{} expects {}, found '{}'", option, list, v));
        },
        "");
}

std::string extension(const std::string& path) {
    auto dot = path.rfind('.');
    auto slash = path.rfind('/');
    return dot == std::string::npos || (slash != std::string::npos && dot < slash) ? "" : path.substr(dot + 1);
}

}  // namespace cbam::cli
