// Filling a copy of the Commission's communication template for installations (the Excel workbook
// an installation sends its EU customers) with an installation's data: docs/communication-template.md
// says which cells are written from what, and where the template and cbam differ.
//
// The blank is never changed: its bytes are read, the input cells of the copy are set in the sheet
// XML (io/xlsx_edit.h), and the workbook is marked for full recalculation on open, so that Excel or
// LibreOffice computes the template's own Summary sheets from the values written. Which cell holds
// what comes from the cell map of the blank's version (templates/communication-YYYYMMDD.csv).
#pragma once

#include "calc/embedded_emissions.h"
#include "model/installation.h"

#include <string>
#include <vector>

namespace cbam {

struct TemplateFill {
    std::string workbook;              // the filled copy, a complete xlsx file
    std::string version;               // of the template, e.g. "20241213"
    std::vector<std::string> notices;  // what the user should check or complete in the workbook
};

// The folder where blanks are looked for: $CBAM_TEMPLATE_DIR, else the folder set at build time
// (CMake CBAM_TEMPLATE_DIR_FALLBACK), by default ../shared/templates beside the data directory (for
// a build from the sources: beside the source tree), as for the QReport schema.
std::string default_template_dir();
// The blank of the newest template version cbam has a cell map for, in `dir`:
// "<dir>/CBAM Communication template for installations_en_<version>.xlsx".
std::string default_blank_template(const std::string& dir = default_template_dir());

// Fills a copy of the blank at `blank_path` with `inst` (whose results are `result`). Throws
// SetupError (exit code 5) for a blank that is missing, not a workbook, or not the template of a
// version and language cbam has a cell map for: the blank is official material, not the user's
// input. Throws InputError listing every problem at once, naming the input file and line, for
// whatever of the installation the template cannot hold (more than 10 processes, 20 purchased
// precursors or 100 products, a process whose good is consumed by the others beyond what it
// makes ...). Nothing is written to disk here.
TemplateFill fill_communication_template(const Installation& inst, const CalcResult& result, const std::string& blank_path);

}  // namespace cbam
