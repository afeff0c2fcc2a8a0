// Reads an installation's data directory (docs/installation-data.md) into the model.
// Every problem of every file, and every broken reference between files, is collected;
// read_installation throws one InputError listing them all.
#pragma once

#include "io/csv_reader.h"
#include "model/installation.h"
#include "registry/cn_registry.h"
#include "registry/countries.h"

#include <string>

namespace cbam {

// The files an installation directory may hold (the first two are required).
const std::vector<std::string>& installation_files();

Installation read_installation(const std::string& dir, const CnRegistry& cn = CnRegistry::builtin(),
                               const Countries& countries = Countries::builtin(), const CsvDialect& dialect = {});

}  // namespace cbam
