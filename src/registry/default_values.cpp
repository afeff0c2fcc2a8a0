#include "registry/default_values.h"

#include "core/text.h"
#include "io/csv_table.h"
#include "registry/cn_registry.h"

#include <fmt/format.h>

namespace cbam {

TransitionalDefaults TransitionalDefaults::load(const std::string& csv_path) {
    TransitionalDefaults t;
    Diagnostics diags;
    read_table(csv_path,
               {{"legal_source", true}, {"cn_code", true}, {"description", true}, {"direct", true}, {"indirect", true}, {"total", true},
                {"value_level", true}, {"confidence", true}, {"sources", true}, {"note", true}},
               CsvDialect::standard(), diags, [&](const CsvRow& row) {
                   DefaultValue v;
                   v.cn_prefix = row.text("cn_code").value_or("");
                   if (!v.cn_prefix.empty() && !is_digits(v.cn_prefix)) row.error("cn_code", fmt::format("expected digits, found \"{}\"", v.cn_prefix));
                   v.description = std::string(row.cell("description"));
                   v.direct = row.number("direct", false, NumberRule::NonNegative);
                   v.indirect = row.number("indirect", false, NumberRule::NonNegative);
                   v.total = row.number("total", false, NumberRule::NonNegative);
                   if (v.direct.has_value() != v.indirect.has_value())
                       row.error(v.direct ? "indirect" : "direct", "expected both direct and indirect, or neither (a row with a total only)");
                   if (!v.direct && !v.total) row.error("total", "expected a total where direct and indirect are not given");
                   v.value_level = std::string(row.cell("value_level"));
                   auto c = parse_confidence(row.cell("confidence"));
                   if (!c) row.error("confidence", fmt::format("expected {}, found \"{}\"", kConfidenceValues, row.cell("confidence")));
                   v.confidence = c.value_or(Confidence::Low);
                   v.legal_source = row.text("legal_source").value_or("");
                   v.sources = std::string(row.cell("sources"));
                   v.note = std::string(row.cell("note"));
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
