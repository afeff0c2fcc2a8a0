// Reads a filled communication template (the Commission's xlsx workbook) into the same Installation
// model the CSV reader fills: the input sheets A_InstData, D_Processes, E_PurchPrec and the product
// rows of Summary_Products, through the cell map of the workbook's version (templates/). Every value
// keeps its location (FILE.xlsx:D_Processes!L54). docs/communication-template.md says which cells
// are read and how each maps to the model.
//
// Every problem of the workbook is collected and thrown as one InputError: a version without a
// cell map, a value of the wrong type or a formula in an input cell, a value outside the template's
// code lists, a product or flow that refers to a process or precursor the workbook does not define,
// a production that does not add up, and the hostile files io/xlsx.h refuses.
#pragma once

#include "model/installation.h"
#include "registry/cn_registry.h"
#include "registry/countries.h"

#include <string>

namespace cbam {

// `templates_dir` holds the cell maps (default: the project's templates/ folder).
Installation read_installation_template(const std::string& path, const CnRegistry& cn = CnRegistry::builtin(),
                                        const Countries& countries = Countries::builtin(), const std::string& templates_dir = {});

// The project's folder of cell maps: $CBAM_DATA_DIR/templates, or the build's default.
std::string templates_dir();

}  // namespace cbam
