// Reads the declarant and report settings (docs/report-settings.md): a two-column CSV of
// field,value rows, plus an optional parties file for importers and representatives named on
// customs lines.
#pragma once

#include "io/csv_reader.h"
#include "model/report_settings.h"
#include "registry/countries.h"

#include <string>

namespace cbam {

ReportSettings read_report_settings(const std::string& path, const std::string& parties_path, Diagnostics& diags,
                                    const Countries& countries = Countries::builtin(), const CsvDialect& dialect = {});

}  // namespace cbam
