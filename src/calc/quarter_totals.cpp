#include "calc/quarter_totals.h"

#include <algorithm>
#include <map>

namespace cbam {

Decimal TotalsRow::default_share() const {
    Decimal t = total();
    return t.is_zero() ? Decimal(0) : from_default_values / t;
}

QuarterTotals quarter_totals(const QuarterResult& r) {
    QuarterTotals out;
    std::map<std::string, TotalsRow> by_cn, by_origin, by_inst;
    TotalsRow all{"all", "", "", 0, 0, 0, {}};
    auto add = [](TotalsRow& row, const EntryFigures& e) {
        row.direct += e.direct;
        row.indirect += e.indirect;
        if (e.default_values) row.from_default_values += e.direct + e.indirect;
        row.entries.push_back(e.cn_code + "|" + e.origin + "|" + e.installation_id);
    };
    for (const auto& e : r.entries) {
        auto& c = by_cn[e.cn_code];
        c.group = "cn_code", c.key = e.cn_code;
        add(c, e);
        auto& o = by_origin[e.origin];
        o.group = "origin", o.key = e.origin;
        add(o, e);
        auto& i = by_inst[e.installation_id];
        i.group = "installation", i.key = e.installation_id, i.name = e.installation_name;
        add(i, e);
        add(all, e);
    }
    for (auto* m : {&by_cn, &by_origin})
        for (auto& [k, row] : *m) out.rows.push_back(std::move(row));
    std::vector<TotalsRow> insts;
    for (auto& [k, row] : by_inst) insts.push_back(std::move(row));
    // Largest first: the installation that weighs most heads the list (ties by id).
    std::stable_sort(insts.begin(), insts.end(), [](const TotalsRow& a, const TotalsRow& b) { return a.total() > b.total(); });
    for (auto& row : insts) out.rows.push_back(std::move(row));
    out.rows.push_back(std::move(all));
    std::map<std::string, std::size_t> reasons;
    for (const auto& s : r.skipped) ++reasons[s.reason_code];
    for (const auto& [code, n] : reasons) out.skipped_by_reason.push_back({code, n});
    return out;
}

}  // namespace cbam
