#include "registry/currencies.h"

#include "io/csv_table.h"
#include "registry/cn_registry.h"

#include <algorithm>

namespace cbam {

Currencies Currencies::load(const std::string& csv_path) {
    Currencies c;
    Diagnostics diags;
    read_table(csv_path, {{"code", true}, {"name", true}}, CsvDialect::standard(), diags,
               [&](const CsvRow& row) { c.codes_.push_back(row.text("code").value_or("")); }, {.required = true});
    if (!diags.empty()) throw InputError(std::move(diags));
    std::sort(c.codes_.begin(), c.codes_.end());
    return c;
}

const Currencies& Currencies::builtin() {
    static const Currencies c = load(data_dir() + "/cn_codes/currencies.csv");
    return c;
}

bool Currencies::known(std::string_view code) const { return std::binary_search(codes_.begin(), codes_.end(), code); }

}  // namespace cbam
