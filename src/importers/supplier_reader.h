// Reads suppliers' emissions data: the CSV that `cbam calc -o` writes, or a supplier's own
// communication file in the same columns (docs/supplier-data.md). Rows of an aggregated goods
// category (no CN code) are skipped; one row per installation and CN code.
//
// A supplier file whose header has a `precursor_cn_code` column is a precursor file instead: one
// row per precursor consumed to make a complex good, attached to that good's row (installation
// and CN code) for its free-allocation adjustment.
#pragma once

#include "io/csv_reader.h"
#include "io/csv_table.h"
#include "model/supplier_data.h"
#include "model/supplier_emissions.h"
#include "registry/cn_registry.h"
#include "registry/countries.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace cbam {

// Adds the rows of `path` to `data`; a pair already present (from this or an earlier file) is an error.
// A precursor file's rows are attached to goods already in `data` (a row for a good not there is an
// error): read the goods' files first, or use read_supplier_files.
// A file ending in .xlsx is a supplier's filled communication template (importers/template_supplier_reader.h).
void read_supplier_data(const std::string& path, SupplierData& data, Diagnostics& diags, const CnRegistry& cn = CnRegistry::builtin(),
                        const Countries& countries = Countries::builtin(), const CsvDialect& dialect = {});

class ProductionMethods;
// The installation's address, its operator and contact, the steel mill number and the electricity
// conditions of one row, checked (also used by other readers of the same columns).
void read_installation_details(const CsvRow& row, SupplierEmissions& s, const Countries& countries);
// The qualifying parameters the row gives for a good of category `good`: each must be one of that
// category's (cn_codes/qualifying_parameters.csv), a percentage from 0 to 100, a number, or one of
// its allowed values.
void read_qualifying_parameters(const CsvRow& row, SupplierEmissions& s, const AggregatedGood& good, const ProductionMethods& methods);

// Reads every file of `paths`: the goods' files first, then the precursor files.
void read_supplier_files(const std::vector<std::string>& paths, SupplierData& data, Diagnostics& diags, const CnRegistry& cn = CnRegistry::builtin(),
                         const Countries& countries = Countries::builtin(), const CsvDialect& dialect = {});

// Whether `path`'s header row names a `precursor_cn_code` column (false when it cannot be read).
bool is_precursor_file(const std::string& path);

}  // namespace cbam
