#include "writers/declaration_writer.h"

#include "core/text.h"
#include "io/csv_writer.h"
#include "writers/json_document.h"
#include "writers/rounding.h"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>
#include <iterator>
#include <sstream>

namespace cbam {

namespace {


std::string see(const Decimal& d) { return format_see(d); }
std::string t3(const Decimal& d) { return format_tonnes(d); }
std::string eur(const Decimal& d) { return format_eur(d); }
std::string qty(const Decimal& d) { return format_amount(d); }

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}

std::string unit_of(const DeclarationEntry& e) { return e.electricity ? "MWh" : "t"; }
// A factor with 3 decimals (0.975, 1.000), or all of its digits when it has more (a supplied CSCF).
std::string factor(const Decimal& d) { return *Decimal::parse(d.to_fixed(3)) == d ? d.to_fixed(3) : qty(d); }
std::string source_of(const Traced& t) { return t.step ? t.step->reference : std::string(); }

}  // namespace

Decimal certificates_to_surrender(const DeclarationResult& r) { return *Decimal::parse(r.certificates.to_fixed(0)); }

std::string declaration_to_csv(const DeclarationResult& r) {
    CsvWriter w;
    w.row({"year", "importer", "cn_code", "taric_code", "origin", "installation_id", "sector", "basis", "quantity", "unit", "see_counted",
           "route", "benchmark_column", "benchmark", "sefa", "embedded_tco2e", "fa_adjustment_tco2e", "carbon_price_deduction", "certificates",
           "cost_eur", "notes"});
    for (const auto& e : r.entries) {
        const Valuation& v = e.valuation;
        w.row({std::to_string(r.year), e.importer, e.cn_code, e.taric_code, e.origin, e.installation_id, e.sector, v.actual ? "actual" : "default",
               qty(e.quantity.value()), unit_of(e), see(v.see_total.value()), v.route, v.benchmark_column, see(v.benchmark.value()),
               see(v.sefa.value()), t3(e.embedded.value()), t3(e.fa_adjustment.value()), t3(e.deduction.value()), t3(e.certificates.value()),
               eur(e.cost.value()), join(v.notes, "; ")});
    }
    return w.str();
}

std::string declaration_to_json(const DeclarationResult& r, const ReportSettings& s) {
    using Json = JsonDocument::Json;
    JsonDocument doc;
    auto num = [&doc](std::string text) { return doc.number(std::move(text)); };
    Json importers = Json::array();
    for (const auto& m : r.importers)
        importers.push_back({{"importer", m.importer}, {"de_minimis_mass_t", num(qty(m.de_minimis_mass))}, {"exempt", m.exempt}});
    Json goods = Json::array();
    for (const auto& e : r.entries) {
        const Valuation& v = e.valuation;
        Json g = {{"importer", e.importer},
                  {"cn_code", e.cn_code},
                  {"taric_code", e.taric_code},
                  {"origin", e.origin},
                  {"installation_id", e.installation_id},
                  {"sector", e.sector},
                  {"basis", v.actual ? "actual" : "default"},
                  {"basis_detail", v.basis},
                  {"quantity", num(qty(e.quantity.value()))},
                  {"unit", unit_of(e)},
                  {"see_counted", num(see(v.see_total.value()))},
                  {"route", v.route},
                  {"benchmark_column", v.benchmark_column},
                  {"benchmark", num(see(v.benchmark.value()))},
                  {"sefa", num(see(v.sefa.value()))},
                  {"embedded_tco2e", num(t3(e.embedded.value()))},
                  {"fa_adjustment_tco2e", num(t3(e.fa_adjustment.value()))},
                  {"carbon_price_deduction", num(t3(e.deduction.value()))},
                  {"certificates", num(t3(e.certificates.value()))},
                  {"cost_eur", num(eur(e.cost.value()))}};
        if (!v.sefa_parts.empty()) {
            Json parts = Json::array();
            for (const auto& p : v.sefa_parts) {
                Json part = Json::object();
                if (!p.precursor_cn.empty()) {
                    part["precursor"] = p.precursor_cn;
                    part["precursor_country"] = p.precursor_country;
                    part["specific_mass"] = num(qty(p.specific_mass->value()));
                    part["precursor_sefa"] = num(see(p.precursor_sefa->value()));
                }
                part["basis"] = p.basis;
                part["value"] = num(see(p.value.value()));
                parts.push_back(std::move(part));
            }
            g["sefa_parts"] = std::move(parts);
            g["sefa_complete"] = v.missing.empty();
        }
        if (e.carbon_price) {
            const auto& c = *e.carbon_price;
            g["carbon_price_paid"] = {{"country", c.country},
                                      {"instrument", c.instrument},
                                      {"legal_act", c.legal_act},
                                      {"price_per_tonne", num(c.price_per_tonne.to_string())},
                                      {"currency", c.currency},
                                      {"eur_per_unit", num(c.eur_per_unit.to_string())},
                                      {"rebate_per_tonne", num(c.rebate_per_tonne.to_string())},
                                      {"covered_share", num(c.covered_share.to_string())},
                                      {"evidence", c.evidence},
                                      {"certified_by", c.certified_by}};
        }
        Json quarters = Json::array();
        for (const auto& q : e.quarters)
            quarters.push_back({{"quarter", num(std::to_string(q.quarter))},
                                {"quantity", num(qty(q.quantity.value()))},
                                {"certificates", num(t3(q.certificates.value()))},
                                {"cost_eur", num(eur(q.cost.value()))}});
        g["quarters"] = std::move(quarters);
        g["notes"] = v.notes;
        goods.push_back(std::move(g));
    }
    Json cscf = {{"value", num(factor(r.factors.cscf.value()))}, {"source", source_of(r.factors.cscf)}};
    if (!r.factors.cscf_supplied_by.empty()) cscf["supplied_by"] = r.factors.cscf_supplied_by;
    Json data = {{"default_values", DefinitiveDefaults::kVersion},
                 {"benchmarks", Benchmarks::kVersion},
                 {"cbam_factor", {{"value", num(factor(r.factors.cbam_factor.value()))}, {"source", source_of(r.factors.cbam_factor)}}},
                 {"cross_sectoral_correction_factor", std::move(cscf)}};
    Json j = {{"notice", kNoOfficialSchema},
              {"year", num(std::to_string(r.year))},
              {"declarant", {{"eori", s.declarant.id}, {"name", s.declarant.name}}},
              {"data", data},
              {"importers", std::move(importers)},
              {"goods", std::move(goods)},
              {"totals",
               {{"embedded_tco2e", num(t3(r.embedded))},
                {"fa_adjustment_tco2e", num(t3(r.fa_adjustment))},
                {"carbon_price_deduction", num(t3(r.deduction))},
                {"certificates", num(t3(r.certificates))},
                {"certificates_to_surrender", num(certificates_to_surrender(r).to_string())},
                {"cost_eur", num(eur(r.cost))}}}};
    return doc.dump(j);
}

std::string declaration_to_xml(const DeclarationResult& r, const ReportSettings& s) {
    pugi::xml_document doc;
    auto decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    doc.append_child(pugi::node_comment).set_value((std::string(" ") + kNoOfficialSchema + " ").c_str());
    auto root = doc.append_child("AnnualDeclarationFigures");
    root.append_attribute("xmlns") = kDeclarationNamespace;
    root.append_attribute("year") = r.year;
    auto text = [](pugi::xml_node n, const char* name, const std::string& v) { n.append_child(name).text().set(v.c_str()); };
    text(root, "Notice", kNoOfficialSchema);
    auto d = root.append_child("Declarant");
    text(d, "Eori", s.declarant.id);
    text(d, "Name", s.declarant.name);
    auto data = root.append_child("Data");
    text(data, "DefaultValues", DefinitiveDefaults::kVersion);
    text(data, "Benchmarks", Benchmarks::kVersion);
    auto cf = data.append_child("CbamFactor");
    cf.append_attribute("source") = source_of(r.factors.cbam_factor).c_str();
    cf.text().set(factor(r.factors.cbam_factor.value()).c_str());
    auto cs = data.append_child("CrossSectoralCorrectionFactor");
    cs.append_attribute("source") = source_of(r.factors.cscf).c_str();
    if (!r.factors.cscf_supplied_by.empty()) cs.append_attribute("suppliedBy") = r.factors.cscf_supplied_by.c_str();
    cs.text().set(factor(r.factors.cscf.value()).c_str());
    for (const auto& m : r.importers) {
        auto i = root.append_child("Importer");
        i.append_attribute("eori") = m.importer.c_str();
        i.append_attribute("deMinimisMassTonnes") = qty(m.de_minimis_mass).c_str();
        i.append_attribute("exempt") = m.exempt ? "true" : "false";
    }
    for (const auto& e : r.entries) {
        const Valuation& v = e.valuation;
        auto g = root.append_child("Good");
        g.append_attribute("importer") = e.importer.c_str();
        g.append_attribute("cn") = e.cn_code.c_str();
        if (!e.taric_code.empty()) g.append_attribute("taric") = e.taric_code.c_str();
        g.append_attribute("origin") = e.origin.c_str();
        if (!e.installation_id.empty()) g.append_attribute("installation") = e.installation_id.c_str();
        g.append_attribute("sector") = e.sector.c_str();
        g.append_attribute("basis") = v.actual ? "actual" : "default";
        text(g, "BasisDetail", v.basis);
        auto q = g.append_child("Quantity");
        q.append_attribute("unit") = unit_of(e).c_str();
        q.text().set(qty(e.quantity.value()).c_str());
        text(g, "SeeCounted", see(v.see_total.value()));
        auto b = g.append_child("Benchmark");
        if (!v.benchmark_column.empty()) b.append_attribute("column") = v.benchmark_column.c_str();
        if (!v.route.empty()) b.append_attribute("route") = v.route.c_str();
        b.text().set(see(v.benchmark.value()).c_str());
        text(g, "Sefa", see(v.sefa.value()));
        for (const auto& p : v.sefa_parts) {
            auto sp = g.append_child("SefaPart");
            if (!p.precursor_cn.empty()) {
                sp.append_attribute("precursor") = p.precursor_cn.c_str();
                if (!p.precursor_country.empty()) sp.append_attribute("precursorCountry") = p.precursor_country.c_str();
                sp.append_attribute("specificMass") = qty(p.specific_mass->value()).c_str();
                sp.append_attribute("precursorSefa") = see(p.precursor_sefa->value()).c_str();
            }
            sp.append_attribute("basis") = p.basis.c_str();
            sp.text().set(see(p.value.value()).c_str());
        }
        if (!v.sefa_parts.empty()) text(g, "SefaComplete", v.missing.empty() ? "true" : "false");
        text(g, "EmbeddedEmissions", t3(e.embedded.value()));
        text(g, "FreeAllocationAdjustment", t3(e.fa_adjustment.value()));
        text(g, "CarbonPriceDeduction", t3(e.deduction.value()));
        if (e.carbon_price) {
            const auto& c = *e.carbon_price;
            auto cp = g.append_child("CarbonPricePaid");
            cp.append_attribute("country") = c.country.c_str();
            cp.append_attribute("instrument") = c.instrument.c_str();
            cp.append_attribute("pricePerTonne") = c.price_per_tonne.to_string().c_str();
            cp.append_attribute("currency") = c.currency.c_str();
            cp.append_attribute("eurPerUnit") = c.eur_per_unit.to_string().c_str();
            cp.append_attribute("rebatePerTonne") = c.rebate_per_tonne.to_string().c_str();
            cp.append_attribute("coveredShare") = c.covered_share.to_string().c_str();
            text(cp, "LegalAct", c.legal_act);
            text(cp, "Evidence", c.evidence);
            text(cp, "CertifiedBy", c.certified_by);
        }
        text(g, "Certificates", t3(e.certificates.value()));
        auto cost = g.append_child("Cost");
        cost.append_attribute("currency") = "EUR";
        cost.text().set(eur(e.cost.value()).c_str());
        for (const auto& qf : e.quarters) {
            auto qn = g.append_child("Quarter");
            qn.append_attribute("n") = qf.quarter;
            qn.append_attribute("quantity") = qty(qf.quantity.value()).c_str();
            qn.append_attribute("certificates") = t3(qf.certificates.value()).c_str();
            qn.append_attribute("costEur") = eur(qf.cost.value()).c_str();
        }
        for (const auto& n : v.notes) text(g, "Note", n);
    }
    auto t = root.append_child("Totals");
    text(t, "EmbeddedEmissions", t3(r.embedded));
    text(t, "FreeAllocationAdjustment", t3(r.fa_adjustment));
    text(t, "CarbonPriceDeduction", t3(r.deduction));
    text(t, "Certificates", t3(r.certificates));
    text(t, "CertificatesToSurrender", certificates_to_surrender(r).to_string());
    auto c = t.append_child("Cost");
    c.append_attribute("currency") = "EUR";
    c.text().set(eur(r.cost).c_str());
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
}

std::string year_totals_to_csv(const DeclarationResult& r, const std::vector<YearTotalsRow>& rows) {
    CsvWriter w;
    w.row({"group", "key", "installation_name", "embedded_tco2e", "fa_adjustment_tco2e", "carbon_price_deduction", "certificates", "cost_eur", "goods",
           "de_minimis_mass_t", "de_minimis_exempt", "certificates_to_surrender"});
    for (const auto& row : rows) {
        std::string mass, exempt;
        for (const auto& m : r.importers)
            if (row.group == "importer" && m.importer == row.key) mass = qty(m.de_minimis_mass), exempt = m.exempt ? "yes" : "no";
        w.row({row.group, row.key, row.name, t3(row.embedded), t3(row.fa_adjustment), t3(row.deduction), t3(row.certificates), eur(row.cost),
               std::to_string(row.entries.size()), mass, exempt, row.group == "all" ? certificates_to_surrender(r).to_string() : ""});
    }
    return w.str();
}

std::string comparisons_to_csv(const DeclarationResult& r, const std::vector<ActualDataComparison>& comparisons) {
    CsvWriter w;
    w.row({"installation_id", "installation_name", "importer", "cn_code", "origin", "quantity", "unit", "verified", "certificates_at_defaults",
           "cost_at_defaults_eur", "certificates_at_actual", "cost_at_actual_eur", "saving_eur", "note"});
    auto opt = [](const std::optional<Decimal>& d, std::string (*f)(const Decimal&)) { return d ? f(*d) : std::string(); };
    for (const auto& c : comparisons) {
        const DeclarationEntry& e = r.entries[c.entry];
        std::string note = !c.verified ? "not verified: default values apply in the declaration" : "";
        if (!c.cost_at_defaults) note += (note.empty() ? "" : "; ") + std::string("no default value: ") + c.why_defaults;
        if (!c.cost_at_actual) note += (note.empty() ? "" : "; ") + std::string("actual data not usable: ") + c.why_actual;
        if (auto s = c.saving(); s && s->sign() < 0) note += (note.empty() ? "" : "; ") + std::string("the actual data costs more than default values");
        w.row({c.installation_id, c.installation_name, c.importer, c.cn_code, c.origin, qty(e.quantity.value()), unit_of(e), c.verified ? "yes" : "no",
               opt(c.certificates_at_defaults, t3), opt(c.cost_at_defaults, eur), opt(c.certificates_at_actual, t3), opt(c.cost_at_actual, eur),
               opt(c.saving(), eur), note});
    }
    return w.str();
}

std::string holding_to_csv(const HoldingCheck& h) {
    CsvWriter w;
    w.row({"quarter_end", "quarter", "certificates_at_defaults", "required", "held", "short_by", "notes"});
    std::string short_by;
    if (h.held) short_by = t3(h.required - *h.held > Decimal(0) ? h.required - *h.held : Decimal(0));
    w.row({h.date, std::to_string(h.quarter), t3(h.certificates_at_defaults), t3(h.required), h.held ? h.held->to_string() : "", short_by,
           join(h.notes, "; ")});
    return w.str();
}

std::string declaration_to_table(const DeclarationResult& r) {
    std::vector<std::vector<std::string>> rows;
    rows.push_back({"importer", "CN code", "origin", "installation", "basis", "quantity", "SEE", "embedded t", "FA adj. t", "deduct.", "certificates",
                    "cost EUR"});
    for (const auto& e : r.entries)
        rows.push_back({e.importer, e.taric_code.empty() ? e.cn_code : e.taric_code, e.origin, e.installation_id.empty() ? "-" : e.installation_id,
                        e.valuation.actual ? "actual" : "default", qty(e.quantity.value()) + " " + unit_of(e), see(e.valuation.see_total.value()),
                        t3(e.embedded.value()), t3(e.fa_adjustment.value()), t3(e.deduction.value()), t3(e.certificates.value()), eur(e.cost.value())});
    rows.push_back({"all goods", "", "", "", "", "", "", t3(r.embedded), t3(r.fa_adjustment), t3(r.deduction), t3(r.certificates), eur(r.cost)});
    std::vector<std::size_t> w(rows.front().size(), 0);
    for (const auto& row : rows)
        for (std::size_t c = 0; c < row.size(); ++c) w[c] = std::max(w[c], row[c].size());
    std::string out = fmt::format("CBAM annual declaration figures {} (definitive period)\n", r.year);
    out += fmt::format("CBAM factor {} ({}); cross-sectoral correction factor {} ({})\n", factor(r.factors.cbam_factor.value()),
                       source_of(r.factors.cbam_factor), factor(r.factors.cscf.value()), source_of(r.factors.cscf));
    if (!r.factors.cscf_supplied_by.empty())
        out += fmt::format("NOTE: the cross-sectoral correction factor of {} is not yet published: {} was SUPPLIED by the user ({}); the figures "
                           "depend on it\n", r.year, factor(r.factors.cscf.value()), r.factors.cscf_supplied_by);
    out += "\n";
    for (const auto& row : rows) {  // each cell padded in place (a table of thousands of goods)
        const std::size_t start = out.size();
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (c < 5) fmt::format_to(std::back_inserter(out), "{:<{}}  ", row[c], w[c]);
            else fmt::format_to(std::back_inserter(out), "{:>{}}  ", row[c], w[c]);
        }
        while (out.size() > start && out.back() == ' ') out.pop_back();
        out += '\n';
    }
    out += fmt::format("\nCertificates to surrender for {}: {} (the total rounded to full tonnes), cost EUR {}\n", r.year,
                       certificates_to_surrender(r).to_string(), eur(r.cost));
    for (const auto& e : r.entries)
        for (const auto& n : e.valuation.notes)
            if (n.rfind("complex good on actual data", 0) == 0 || n.find("confidence") != std::string::npos)
                out += fmt::format("note: CN {} from {}{}: {}\n", e.cn_code, e.origin, e.installation_id.empty() ? "" : " (" + e.installation_id + ")", n);
    const LineCounts& n = r.line_counts;
    out += fmt::format("Customs lines: {} counted, {} under the 50 t de minimis, {} not counted (not reportable or out of scope)\n", n.counted,
                       n.de_minimis, n.other);
    for (const auto& m : r.importers)
        out += fmt::format("Importer {}: {} t of cement, iron and steel, aluminium and fertiliser goods: {}\n", m.importer, qty(m.de_minimis_mass),
                           m.exempt ? "not above 50 t, exempt (Art. 2a)" : "above 50 t, all its goods count");
    return out;
}

}  // namespace cbam
