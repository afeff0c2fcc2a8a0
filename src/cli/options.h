// Options shared by several commands, declared once here so that they read and check the same
// everywhere. Each add_* declares the option on a command (CLI11) and returns it for chaining; a bad
// value is a usage error (exit code 2) that says what was expected.
#pragma once

#include "calc/quarter.h"
#include "cli/commands.h"
#include "core/decimal.h"
#include "io/csv_reader.h"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cbam::cli {

// --delimiter comma|semicolon|tab and --decimal point|comma.
void add_dialect_options(CLI::App& cmd, CsvDialect& dialect);
// -o, --output FILE, with what is written described by `description`.
CLI::Option* add_output_option(CLI::App& cmd, std::string& output, const std::string& description);
// --audit DIR: an audit bundle (docs/audit.md).
CLI::Option* add_audit_option(CLI::App& cmd, std::string& audit);
// --schema-dir DIR: the official QReport schema.
CLI::Option* add_schema_dir_option(CLI::App& cmd, std::string& schema_dir);
// --settings, --customs (repeatable), --suppliers (repeatable), --parties: a quarter's inputs
// given one by one (report, verify).
void add_quarter_input_options(CLI::App& cmd, QuarterInputs& in);
// --period YYYYQn: a quarter of the transitional period (2023Q4 to 2025Q4).
CLI::Option* add_period_option(CLI::App& cmd, std::optional<Quarter>& period);
// --year YYYY: a year of the definitive period, checked by check_definitive_year.
CLI::Option* add_year_option(CLI::App& cmd, int& year);

// The one place that decides which years of the definitive period cbam can compute: a year for
// which cn_codes/phase_in.csv gives the CBAM factor and the cross-sectoral correction factor, or
// whose factor is not yet published and was supplied (--cscf). Throws UsageError saying what is
// missing otherwise (year_factors_problem).
void check_definitive_year(int year, bool cscf_supplied = false);

// --html FILE and --lang LANG: the readable page of the results (docs/html.md), in a language
// that has a message catalogue (i18n/).
struct HtmlOptions {
    std::string file, lang = "en";
};
void add_html_options(CLI::App& cmd, HtmlOptions& html);

// A check that the option's value is one of `values`: "--format expects csv, json or table, found 'x'".
CLI::Validator one_of(const std::string& option, std::vector<std::string> values);

// "FILE.xml" -> "xml"; "" when the name has no extension.
std::string extension(const std::string& path);

}  // namespace cbam::cli
