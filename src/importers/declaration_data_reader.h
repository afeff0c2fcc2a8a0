// Reads the definitive period's own inputs (docs/declaration-data.md): carbon prices paid in the
// country of production, and certificate prices with their dates.
#pragma once

#include "io/csv_reader.h"
#include "model/declaration_inputs.h"
#include "registry/countries.h"

#include <string>
#include <vector>

namespace cbam {

std::vector<CarbonPricePaid> read_carbon_prices_paid(const std::string& path, Diagnostics& diags,
                                                     const Countries& countries = Countries::builtin(), const CsvDialect& dialect = {});
// Periods must not overlap; each is checked to be a valid date range.
std::vector<CertificatePrice> read_certificate_prices(const std::string& path, Diagnostics& diags, const CsvDialect& dialect = {});

}  // namespace cbam
