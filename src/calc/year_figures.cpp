#include "calc/year_figures.h"

#include <algorithm>
#include <future>
#include <map>

namespace cbam {

std::optional<Decimal> ActualDataComparison::saving() const {
    if (!cost_at_defaults || !cost_at_actual) return std::nullopt;
    return *cost_at_defaults - *cost_at_actual;
}

std::vector<YearTotalsRow> declaration_totals(const DeclarationResult& r, const SupplierData& suppliers) {
    std::map<std::string, YearTotalsRow> by_importer, by_inst;
    YearTotalsRow all{"all", "", "", 0, 0, 0, 0, 0, {}};
    // Every importer of the year, also one whose goods all fall under the de minimis.
    for (const auto& m : r.importers) by_importer[m.importer] = {"importer", m.importer, "", 0, 0, 0, 0, 0, {}};
    auto add = [&](YearTotalsRow& row, const DeclarationEntry& e, std::size_t i) {
        row.embedded += e.embedded.value();
        row.fa_adjustment += e.fa_adjustment.value();
        row.deduction += e.deduction.value();
        row.certificates += e.certificates.value();
        row.cost += e.cost.value();
        row.entries.push_back(i);
    };
    for (std::size_t i = 0; i < r.entries.size(); ++i) {
        const DeclarationEntry& e = r.entries[i];
        auto& imp = by_importer[e.importer];
        imp.group = "importer", imp.key = e.importer;
        add(imp, e, i);
        auto& inst = by_inst[e.installation_id];
        inst.group = "installation", inst.key = e.installation_id;
        if (auto s = suppliers.find({e.installation_id, e.cn_code}); s != suppliers.end()) inst.name = s->second.installation_name;
        add(inst, e, i);
        add(all, e, i);
    }
    std::vector<YearTotalsRow> out;
    for (auto& [k, row] : by_importer) out.push_back(std::move(row));
    std::vector<YearTotalsRow> insts;
    for (auto& [k, row] : by_inst) insts.push_back(std::move(row));
    std::stable_sort(insts.begin(), insts.end(), [](const YearTotalsRow& a, const YearTotalsRow& b) { return a.cost > b.cost; });
    for (auto& row : insts) out.push_back(std::move(row));
    out.push_back(std::move(all));
    return out;
}

std::vector<ActualDataComparison> compare_actual_data(const DeclarationBuilder& b, const DeclarationResult& r, const SupplierData& suppliers,
                                                      unsigned threads) {
    // Each entry is compared on its own (the builder is only read): in two halves side by side
    // when asked, then taken in entry order.
    std::vector<std::optional<ActualDataComparison>> compared(r.entries.size());
    auto compare = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) {
            const DeclarationEntry& e = r.entries[i];
            if (e.installation_id.empty()) continue;
            auto s = suppliers.find({e.installation_id, e.cn_code});
            if (s == suppliers.end()) continue;
            ActualDataComparison c;
            c.entry = i;
            c.installation_id = e.installation_id;
            c.installation_name = s->second.installation_name;
            c.cn_code = e.cn_code;
            c.origin = e.origin;
            c.importer = e.importer;
            c.verified = s->second.verified;
            // The certificates and their cost over the quarters of the good.
            auto total = [](const std::vector<QuarterFigures>& quarters, std::optional<Decimal>& certificates, std::optional<Decimal>& eur) {
                Decimal cert = 0, money = 0;
                for (const auto& q : quarters) cert += q.certificates.value(), money += q.cost.value();
                certificates = cert;
                eur = money;
            };
            if (auto vd = b.value_at_defaults(e.cn_code, e.taric_code, s->second.country, c.why_defaults)) {
                // An entry valued at these default values (its installation's country, no carbon
                // price deducted) has their figures as its own quarters.
                if (e.valuation.actual) total(b.revalue(e, *vd), c.certificates_at_defaults, c.cost_at_defaults);
                else total(e.quarters, c.certificates_at_defaults, c.cost_at_defaults);
                c.basis_defaults = vd->basis;
            }
            if (auto va = b.value_at_actual(e.cn_code, s->second, c.why_actual)) {
                total(b.revalue(e, *va), c.certificates_at_actual, c.cost_at_actual);
                c.basis_actual = va->basis;
            }
            compared[i] = std::move(c);
        }
    };
    const std::size_t n = r.entries.size();
    if (threads > 1 && n > 1) {
        auto upper = std::async(std::launch::async, compare, n / 2, n);
        compare(0, n / 2);
        upper.get();
    } else {
        compare(0, n);
    }
    std::vector<ActualDataComparison> out;
    for (auto& c : compared)
        if (c) out.push_back(std::move(*c));
    return out;
}

}  // namespace cbam
