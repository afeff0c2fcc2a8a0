#include "registry/default_values.h"

#include "io/csv_table.h"
#include "registry/cn_registry.h"

namespace cbam {

TransitionalDefaults TransitionalDefaults::load(const std::string& csv_path) {
    TransitionalDefaults t;
    Diagnostics diags;
    read_table(csv_path, {{"cn_code", true}, {"description", true}, {"direct", true}, {"indirect", true}, {"total", true}, {"source", true}},
               CsvDialect::standard(), diags, [&](const CsvRow& row) {
                   DefaultValue v;
                   v.cn_prefix = row.text("cn_code").value_or("");
                   v.description = std::string(row.cell("description"));
                   v.direct = row.number("direct", true, NumberRule::NonNegative).value_or(0);
                   v.indirect = row.number("indirect", true, NumberRule::NonNegative).value_or(0);
                   v.total = row.number("total", true, NumberRule::NonNegative).value_or(0);
                   v.source = row.text("source").value_or("");
                   v.where = row.row_location();
                   v.where.file = "transitional_default_values.csv";
                   t.rows_.push_back(std::move(v));
               });
    if (!diags.empty()) throw InputError(std::move(diags));
    return t;
}

const TransitionalDefaults& TransitionalDefaults::builtin() {
    static const TransitionalDefaults t = load(data_dir() + "/cn_codes/transitional_default_values.csv");
    return t;
}

const DefaultValue* TransitionalDefaults::find(std::string_view cn) const {
    const DefaultValue* best = nullptr;
    for (const auto& r : rows_)
        if (cn.substr(0, r.cn_prefix.size()) == r.cn_prefix && (!best || r.cn_prefix.size() > best->cn_prefix.size())) best = &r;
    return best;
}

}  // namespace cbam
