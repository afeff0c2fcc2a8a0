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
    for (std::size_t i = 0; i < c.list_.size(); ++i) {
        const std::string& k = c.list_[i].code;
        if (k.size() == 2 && k[0] >= 'A' && k[0] <= 'Z' && k[1] >= 'A' && k[1] <= 'Z')
            c.by_letters_[static_cast<std::size_t>((k[0] - 'A') * 26 + (k[1] - 'A'))] = static_cast<std::uint16_t>(i + 1);
    }
    return c;
}

const Countries& Countries::builtin() {
    static const Countries c = load(data_dir() + "/cn_codes/countries.csv");
    return c;
}

const Country* Countries::find(std::string_view code) const {
    if (code.size() == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z') {
        std::uint16_t i = by_letters_[static_cast<std::size_t>((code[0] - 'A') * 26 + (code[1] - 'A'))];
        return i ? &list_[i - 1] : nullptr;
    }
    auto it = std::lower_bound(list_.begin(), list_.end(), code, [](const Country& a, std::string_view b) { return a.code < b; });
    return it != list_.end() && it->code == code ? &*it : nullptr;
}

}  // namespace cbam
