// A supplier's filled communication template as supplier data (docs/supplier-data.md): per
// product row of Summary_Communication, the CN code, SEE direct and indirect, embedded electricity
// and its emission factor and source, the determination (the share from default values), the
// qualifying parameters and the carbon price due, with the installation's identity from the same
// sheet and its contact from A_InstData. These are the figures the template computed: the workbook
// must have been recalculated and saved by Excel or LibreOffice (`cbam check-template` compares them
// with cbam's own recomputation).
//
// The template has no installation identifier: the file's name without ".xlsx" is the
// installation_id that customs lines name (suppliers/TW-KHH-001.xlsx is installation TW-KHH-001).
#pragma once

#include "importers/supplier_reader.h"

#include <string>

namespace cbam {

// Adds the template's goods to `data` (one entry per installation and CN code); problems go to
// `diags`, located as FILE.xlsx:Summary_Communication!I26. A broken or hostile file, or a version
// without a cell map, is one diagnostic naming the file.
void read_supplier_template(const std::string& path, SupplierData& data, Diagnostics& diags, const CnRegistry& cn = CnRegistry::builtin(),
                            const Countries& countries = Countries::builtin(), const std::string& templates_dir = {});

}  // namespace cbam
