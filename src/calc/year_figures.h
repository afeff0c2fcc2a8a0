// What a year's declaration means for the people who pay for it: its certificates and their cost
// added up per importer and per producing installation, and, for every installation whose
// emissions data is given, the same imports valued on that data and on default values (what the
// actual data saves, or costs), as `cbam certificates` prints and the year page shows.
#pragma once

#include "calc/declaration.h"

#include <optional>
#include <string>
#include <vector>

namespace cbam {

struct YearTotalsRow {
    std::string group;  // importer, installation or all
    std::string key;    // the importer's EORI, the installation id ("" for goods without one, and for all)
    std::string name;   // the installation's name, when its data is given
    Decimal embedded, fa_adjustment, deduction, certificates, cost;
    std::vector<std::size_t> entries;  // indices into DeclarationResult::entries
};

// Totals by importer (EORI order, every importer of the year's lines), by installation (largest cost first), then all; installations
// named from `suppliers` where their data is given.
std::vector<YearTotalsRow> declaration_totals(const DeclarationResult& r, const SupplierData& suppliers = {});

struct ActualDataComparison {
    std::size_t entry = 0;  // into DeclarationResult::entries
    std::string installation_id, installation_name, cn_code, origin, importer;
    bool verified = false;  // the data is verified (only then is it used in the declaration)
    std::optional<Decimal> certificates_at_defaults, cost_at_defaults;  // absent: no default value (why_defaults)
    std::optional<Decimal> certificates_at_actual, cost_at_actual;      // absent: the data cannot be used (why_actual)
    std::string why_defaults, why_actual;
    std::string basis_defaults, basis_actual;  // how each valuation was made (Valuation::basis)
    std::optional<Decimal> saving() const;  // cost at defaults - cost at actual (negative: the data costs more)
};

// One comparison per declaration entry whose installation's data is in `suppliers`, in entry order.
// With `threads` of 2, the entries are compared in two halves side by side: the same result.
std::vector<ActualDataComparison> compare_actual_data(const DeclarationBuilder& b, const DeclarationResult& r, const SupplierData& suppliers,
                                                      unsigned threads = 1);

}  // namespace cbam
