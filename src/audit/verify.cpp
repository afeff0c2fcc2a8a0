#include "audit/verify.h"

#include <fmt/format.h>

#include <optional>
#include <set>
#include <tuple>

namespace cbam {

namespace {

std::string show(const std::optional<Decimal>& d) { return d ? d->to_string() : "(absent)"; }

// Where the filed figure `field` stands, from the lines the reader recorded: the figure's element,
// else its parent's, else the owning element's.
std::size_t line_in(const qreport::SourceLines& lines, std::string field) {
    for (;;) {
        if (auto it = lines.find(field); it != lines.end()) return it->second;
        if (field.empty()) return 0;
        auto slash = field.rfind('/');
        field = slash == std::string::npos ? "" : field.substr(0, slash);
    }
}

struct Comparer {
    const std::map<std::string, std::string>& provenance;
    std::vector<FigureDifference> out;
    const qreport::SourceLines* lines = nullptr;  // of the filed element being compared

    void diff(const std::string& where, const std::string& field, const std::string& filed, const std::string& ours, const std::string& derivation) {
        out.push_back({where, field, filed, ours, derivation, lines ? line_in(*lines, field) : 0});
    }
    void number(const std::string& where, const std::string& field, const std::optional<Decimal>& a, const std::optional<Decimal>& b,
                const std::string& derivation) {
        if (a.has_value() != b.has_value() || (a && *a != *b)) diff(where, field, show(a), show(b), derivation);
    }
    void text(const std::string& where, const std::string& field, const std::string& a, const std::string& b, const std::string& derivation) {
        if (a != b) diff(where, field, a.empty() ? "(absent)" : a, b.empty() ? "(absent)" : b, derivation);
    }
};

std::string party_id(const std::optional<qreport::Party>& p) { return p ? p->id : ""; }

std::string entry_key(const qreport::EmissionsEntry& e) { return e.installation ? e.installation->id : "country " + e.production_country; }

}  // namespace

std::vector<FigureDifference> compare_reports(const qreport::Report& filed, const qreport::Report& ours,
                                              const std::map<std::string, std::string>& provenance) {
    Comparer c{provenance, {}, &filed.lines};
    c.text("report", "Year", std::to_string(filed.year), std::to_string(ours.year), "--period");
    c.text("report", "ReportingPeriod", filed.reporting_period, ours.reporting_period, "--period");
    c.text("report", "Declarant/IdentificationNumber", filed.declarant.id, ours.declarant.id, "settings.csv declarant_eori");
    c.text("report", "Declarant/Role", filed.declarant.role, ours.declarant.role, "settings.csv role");

    using GoodKey = std::tuple<std::string, std::string, std::string>;
    auto key = [](const qreport::ImportedGood& g) { return GoodKey{g.cn_code, g.origin_country, party_id(g.importer)}; };
    std::map<GoodKey, const qreport::ImportedGood*> filed_goods, our_goods;
    for (const auto& g : filed.goods) filed_goods[key(g)] = &g;
    for (const auto& g : ours.goods) our_goods[key(g)] = &g;
    std::set<GoodKey> all;
    for (const auto& [k, g] : filed_goods) all.insert(k);
    for (const auto& [k, g] : our_goods) all.insert(k);
    for (const auto& k : all) {
        std::string where = fmt::format("CN {} from {}{}", std::get<0>(k), std::get<1>(k), std::get<2>(k).empty() ? "" : ", importer " + std::get<2>(k));
        auto f = filed_goods.find(k);
        auto o = our_goods.find(k);
        c.lines = f == filed_goods.end() ? nullptr : &f->second->lines;
        if (f == filed_goods.end()) {
            c.diff(where, "ImportedGood", "(absent)", "present", "the customs lines of the quarter hold this good");
            continue;
        }
        if (o == our_goods.end()) {
            c.diff(where, "ImportedGood", "present", "(absent)", "no reportable customs line of the quarter holds this good");
            continue;
        }
        const qreport::ImportedGood& fg = *f->second;
        const qreport::ImportedGood& og = *o->second;
        c.number(where, "MeasureImported", fg.total, og.total, "sum of the good's reportable customs lines");
        // Quantities per procedure
        using ProcKey = std::tuple<std::string, std::string, std::string, int>;
        auto procs = [](const qreport::ImportedGood& g) {
            std::map<ProcKey, Decimal> m;
            for (const auto& q : g.quantities)
                for (const auto& mp : q.measures) m[{q.requested_procedure, q.previous_procedure, q.import_area, mp.indicator}] += mp.quantity;
            return m;
        };
        auto fp = procs(fg), op = procs(og);
        std::set<ProcKey> pk;
        for (const auto& [k2, v] : fp) pk.insert(k2);
        for (const auto& [k2, v] : op) pk.insert(k2);
        for (const auto& p : pk) {
            auto fv = fp.count(p) ? std::optional<Decimal>(fp[p]) : std::nullopt;
            auto ov = op.count(p) ? std::optional<Decimal>(op[p]) : std::nullopt;
            c.number(where, fmt::format("ImportedQuantity[procedure {}{}, area {}]/MeasureProcedureImported[indicator {}]", std::get<0>(p),
                                        std::get<1>(p).empty() ? "" : " after " + std::get<1>(p), std::get<2>(p), std::get<3>(p)),
                     fv, ov, "sum of the good's customs lines under that procedure");
        }
        // Emissions entries
        std::map<std::string, const qreport::EmissionsEntry*> fe, oe;
        for (const auto& e : fg.emissions) fe[entry_key(e)] = &e;
        for (const auto& e : og.emissions) oe[entry_key(e)] = &e;
        std::set<std::string> ek;
        for (const auto& [k2, e] : fe) ek.insert(k2);
        for (const auto& [k2, e] : oe) ek.insert(k2);
        for (const auto& e : ek) {
            std::string ewhere = where + ", " + (e.rfind("country ", 0) == 0 ? "no installation (" + e + ")" : "installation " + e);
            std::string inst = e.rfind("country ", 0) == 0 ? "" : e;
            auto pv = provenance.find(std::get<0>(k) + "|" + std::get<1>(k) + "|" + inst);
            std::string how = pv == provenance.end() ? "" : pv->second;
            auto fi = fe.find(e);
            auto oi = oe.find(e);
            c.lines = fi == fe.end() ? &fg.lines : &fi->second->lines;
            if (fi == fe.end()) {
                c.diff(ewhere, "GoodsEmissions", "(absent)", "present", how);
                continue;
            }
            if (oi == oe.end()) {
                c.diff(ewhere, "GoodsEmissions", "present", "(absent)", "no customs line names this installation");
                continue;
            }
            const auto& a = *fi->second;
            const auto& b = *oi->second;
            c.text(ewhere, "ProductionCountry", a.production_country, b.production_country, how);
            c.number(ewhere, "ProducedMeasure", a.produced, b.produced, how);
            c.text(ewhere, "DirectEmissions/DeterminationType", a.direct.determination_type, b.direct.determination_type, how);
            c.text(ewhere, "DirectEmissions/DeterminationTypeElectricity", a.direct.determination_type_electricity,
                   b.direct.determination_type_electricity, how);
            if (!og.electricity) c.number(ewhere, "DirectEmissions/SpecificEmbeddedEmissions", a.direct.see, b.direct.see, how);
            c.number(ewhere, "DirectEmissions/EmissionFactor", a.direct.emission_factor, b.direct.emission_factor, how);
            c.number(ewhere, "DirectEmissions/ElectricityImported", a.direct.electricity_imported, b.direct.electricity_imported, how);
            c.number(ewhere, "DirectEmissions/TotalEmbeddedElectricityImported", a.direct.total_embedded_electricity, b.direct.total_embedded_electricity, how);
            if (a.indirect.has_value() != b.indirect.has_value()) {
                c.diff(ewhere, "IndirectEmissions", a.indirect ? "present" : "(absent)", b.indirect ? "present" : "(absent)", how);
            } else if (a.indirect) {
                const auto& ai = *a.indirect;
                const auto& bi = *b.indirect;
                c.text(ewhere, "IndirectEmissions/DeterminationType", ai.determination_type, bi.determination_type, how);
                c.number(ewhere, "IndirectEmissions/SpecificEmbeddedEmissions", ai.see, bi.see, how + " (ElectricityConsumed x EmissionFactor)");
                c.number(ewhere, "IndirectEmissions/EmissionFactor", ai.emission_factor, bi.emission_factor, how);
                c.number(ewhere, "IndirectEmissions/ElectricityConsumed", ai.electricity_consumed, bi.electricity_consumed, how);
                c.text(ewhere, "IndirectEmissions/ElectricitySource", ai.electricity_source, bi.electricity_source, how);
            }
        }
    }
    return c.out;
}

}  // namespace cbam
