// Reads suppliers' emissions data: the CSV that `cbam calc -o` writes, or a supplier's own
// communication file in the same columns (docs/supplier-data.md). Rows of an aggregated goods
// category (no CN code) are skipped; one row per installation and CN code.
#pragma once

#include "io/csv_reader.h"
#include "io/csv_table.h"
#include "model/supplier_emissions.h"
#include "registry/cn_registry.h"
#include "registry/countries.h"

#include <map>
#include <string>
#include <utility>

namespace cbam {

// Key: (installation_id, cn_code).
using SupplierData = std::map<std::pair<std::string, std::string>, SupplierEmissions>;

// Adds the rows of `path` to `data`; a pair already present (from this or an earlier file) is an error.
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

}  // namespace cbam
