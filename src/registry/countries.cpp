#include "registry/countries.h"

#include "io/csv_table.h"
#include "registry/cn_registry.h"

#include <algorithm>

namespace cbam {

Countries Countries::load(const std::string& csv_path) {
    Countries c;
    Diagnostics diags;
    read_table(csv_path, {{"code", true}, {"name", true}, {"cbam_status", true}}, CsvDialect::standard(), diags, [&](const CsvRow& row) {
        Country k;
        k.code = row.text("code").value_or("");
        k.name = row.text("name").value_or("");
        auto st = row.choice("cbam_status", {"eu", "exempt", "third"}).value_or("third");
        k.status = st == "eu" ? CbamOrigin::Eu : st == "exempt" ? CbamOrigin::Exempt : CbamOrigin::Third;
        c.list_.push_back(std::move(k));
    });
    if (!diags.empty()) throw InputError(std::move(diags));
    std::sort(c.list_.begin(), c.list_.end(), [](const Country& a, const Country& b) { return a.code < b.code; });
    return c;
}

const Countries& Countries::builtin() {
    static const Countries c = load(data_dir() + "/cn_codes/countries.csv");
    return c;
}

const Country* Countries::find(std::string_view code) const {
    auto it = std::lower_bound(list_.begin(), list_.end(), code, [](const Country& a, std::string_view b) { return a.code < b; });
    return it != list_.end() && it->code == code ? &*it : nullptr;
}

}  // namespace cbam
