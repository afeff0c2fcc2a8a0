#include "validate/business_rules.h"

#include "core/decimal.h"
#include "io/csv_table.h"
#include "importers/qreport_dom.h"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>
#include <cstring>
#include <functional>

namespace cbam {

std::string RuleViolation::to_string() const {
    return fmt::format("line {}: [{}] {} Path: {}", line, rule, message, path);
}

CodeLists CodeLists::load(const std::string& csv_path) {
    CodeLists c;
    Diagnostics diags;
    read_table(csv_path, {{"field", true}, {"code", true}, {"meaning", false}, {"source", false}}, CsvDialect::standard(), diags,
               [&](const CsvRow& row) { c.lists_[std::string(row.cell("field"))].insert(std::string(row.cell("code"))); });
    if (!diags.empty()) throw InputError(std::move(diags));
    return c;
}

bool CodeLists::has(const std::string& list, const std::string& code) const {
    auto it = lists_.find(list);
    return it != lists_.end() && it->second.count(code);
}

std::string CodeLists::codes(const std::string& list) const {
    auto it = lists_.find(list);
    if (it == lists_.end()) return "(none)";
    std::string out;
    for (const auto& c : it->second) out += (out.empty() ? "" : ", ") + c;
    return out;
}

const std::vector<RuleDescription>& business_rules() {
    static const std::vector<RuleDescription> rules = {
        {"X0", "the file is well-formed XML whose root element is QReport"},
        {"A1", "every coded element holds a code of its published code list"},
        {"A7", "Attachment/URI is not used from Q3-2024"},
        {"B2", "Role 01 (importer for all goods): header Importer mandatory, ImportedGood/Importer not used"},
        {"B3", "Role 02 (representative for all goods): header Representative mandatory, ImportedGood/Representative not used"},
        {"B4", "Role 03: Importer given on every ImportedGood; header Importer and Representative not used"},
        {"B5", "Importer and Representative identification numbers differ"},
        {"B6", "report confirmations are given (true) and the signature fields are filled"},
        {"B7", "a good reported under 'Other' rules (TOM02) requires ApplicableMethodologyConfirmation/OtherApplicableReportingMethodology = true"},
        {"B8", "ReportingPeriod is Q1 to Q4 and Year has 4 digits, within the transitional period (2023-Q4 to 2025-Q4)"},
        {"C3", "from Q2-2024 net masses are in tonnes (MeasurementUnit 01)"},
        {"C4", "the produced quantities of a good's emissions entries add up to its imported quantity"},
        {"C5", "Indicator is 0 or 1, at most once each per ImportedQuantity"},
        {"C6", "inward processing (PreviousProc 51 or 54) carries InwardProcessingInfo"},
        {"C7", "the quantities per procedure add up to the imported quantity"},
        {"C8", "ImportArea is EU or EUOTH"},
        {"D1", "ProductionCountry is given and equals the installation's EstablishmentCountry"},
        {"D3", "every good except electricity has IndirectEmissions; electricity has none"},
        {"D4", "default values (DeterminationType 02) only for Q4-2023 to Q2-2024, except for electricity"},
        {"D7", "indirect emissions on the Commission's IEA factor: ElectricitySource SOE03 and ElectricityConsumed given"},
        {"D8", "indirect emissions on another factor: EmissionFactor, ElectricityConsumed, OtherSourceIndication and EmissionFactorSourceValue given"},
        {"D10", "indirect SpecificEmbeddedEmissions = ElectricityConsumed x EmissionFactor"},
        {"D12", "electricity: DeterminationTypeElectricity, EmissionFactor, ElectricityImported and TotalEmbeddedElectricityImported given, quantity in MWh (03)"},
        {"D13", "from Q3-2024 at most one CarbonPriceDue per emissions entry, covering the good itself (TPC01, its CN code)"},
        {"D14", "IndirectQualifyingParameters only for Q4-2023 to Q2-2024"},
        {"D15", "every supporting document has a Type and a ReferenceNumber"},
        {"R1", "ItemNumber runs 1, 2, 3 ... and every SequenceNumber runs 1, 2, 3 ... within its parent"},
        {"R2", "HsCode is the first six digits of CnCode, and the CN code is a CBAM good (Annex I of Regulation (EU) 2023/956)"},
        {"R3", "country codes are ISO 3166-1 alpha-2 codes; the country of origin is not an EU Member State"},
    };
    return rules;
}

namespace {

using xml::at;
using xml::child;
using xml::children;
using xml::text;
const char* local(const char* name) { return xml::local_name(name); }

std::optional<Decimal> number(pugi::xml_node n) {
    if (!n) return std::nullopt;
    return Decimal::parse(text(n));
}

struct Checker {
    const QReportDom& dom;
    const CodeLists& codes;
    const CnRegistry& cn;
    const Countries& countries;
    std::vector<RuleViolation> out;
    int year = 0, quarter = 0;
    bool period_known = false;  // rules that depend on the period are skipped without one
    pugi::xml_node root_;

    int line_of(pugi::xml_node n) const { return static_cast<int>(dom.line_of(n)); }

    void fail(const char* rule, pugi::xml_node where, std::string message, const char* missing_child = nullptr) {
        if (!where) where = root_;  // callers pass the parent with missing_child; this is a last resort
        std::string path = xml::path_of(where);
        if (missing_child) path += std::string("/") + missing_child;
        out.push_back({rule, path, line_of(where), std::move(message)});
    }

    // (year, quarter) ordering; both false when the report has no valid period
    bool period_before(int y, int q) const { return period_known && (year < y || (year == y && quarter < q)); }
    bool period_at_least(int y, int q) const { return period_known && !(year < y || (year == y && quarter < q)); }

    void code(pugi::xml_node n, const char* list) {
        if (!n) return;
        std::string v = text(n);
        if (!codes.has(list, v))
            fail("A1", n, fmt::format("Field: {} holds \"{}\", which is not in its code list ({}).", local(n.name()), v, codes.codes(list)));
    }

    void mandatory(const char* rule, pugi::xml_node parent, const char* name, const std::string& why) {
        if (!child(parent, name)) fail(rule, parent, fmt::format("Field: {} is mandatory{}.", name, why.empty() ? "" : " " + why), name);
    }

    void sequence(pugi::xml_node parent, const char* element, const char* number_child) {
        int expected = 1;
        for (pugi::xml_node e : children(parent, element)) {
            pugi::xml_node s = child(e, number_child);
            if (s && text(s) != std::to_string(expected))
                fail("R1", s, fmt::format("Field: {} is {}; expected {} (numbers run 1, 2, 3 ... without gaps or repeats).", number_child, text(s), expected));
            ++expected;
        }
    }

    void country(pugi::xml_node n) {
        if (n && !countries.find(text(n))) fail("R3", n, fmt::format("Field: {} holds \"{}\", which is not an ISO 3166-1 alpha-2 country code.", local(n.name()), text(n)));
    }

    void run(pugi::xml_node root) {
        root_ = root;
        // B8
        pugi::xml_node rp = child(root, "ReportingPeriod"), yr = child(root, "Year");
        code(rp, "ReportingPeriod");
        std::string q = text(rp), y = text(yr);
        if (q.size() == 2 && q[0] == 'Q' && q[1] >= '1' && q[1] <= '4') quarter = q[1] - '0';
        if (y.size() == 4 && std::all_of(y.begin(), y.end(), ::isdigit)) year = std::stoi(y);
        if (!quarter || !year) {
            fail("B8", rp ? rp : root, fmt::format("ReportingPeriod \"{}\" / Year \"{}\" is not a quarter Q1-Q4 of a 4-digit year; "
                                                   "rules that depend on the period were not checked.", q, y));
        } else if ((period_known = true), period_before(2023, 4) || period_at_least(2026, 1)) {
            fail("B8", rp, fmt::format("{}-Q{} is outside the transitional period (2023-Q4 to 2025-Q4): quarterly CBAM reports exist only for it.", year, quarter));
        }

        // Header roles
        pugi::xml_node decl = child(root, "Declarant");
        pugi::xml_node role_n = child(decl, "Role");
        code(role_n, "Declarant/Role");
        std::string role = text(role_n);
        pugi::xml_node h_imp = child(root, "Importer"), h_rep = child(root, "Representative");
        auto goods = children(root, "ImportedGood");
        if (role == "01") {
            if (!h_imp) fail("B2", root, "If Role = \"Importer for all goods\" then 'Header/Importer' = M.", "Importer");
            for (auto g : goods)
                if (auto i = child(g, "Importer")) fail("B2", i, "If Role = \"Importer for all goods\" then 'Goods Imported/Importer' cannot be used.");
        } else if (role == "02") {
            if (!h_rep) fail("B3", root, "If Role = \"Representative for all goods\" then 'Header/Representative' = M.", "Representative");
            for (auto g : goods)
                if (auto r = child(g, "Representative")) fail("B3", r, "If Role = \"Representative for all goods\" then 'Goods Imported/Representative' cannot be used.");
        } else if (role == "03") {
            if (h_imp) fail("B4", h_imp, "If Role = \"Importer for some goods / representative for others\" then 'Header/Importer' cannot be used.");
            if (h_rep) fail("B4", h_rep, "If Role = \"Importer for some goods / representative for others\" then 'Header/Representative' cannot be used.");
            for (auto g : goods)
                if (!child(g, "Importer")) fail("B4", g, "If Role = 03 then 'Goods Imported/Importer' = M.", "Importer");
        }
        auto id_of = [](pugi::xml_node n) { return text(child(n, "IdentificationNumber")); };
        auto same_ids = [&](pugi::xml_node rep) {
            if (pugi::xml_node id = child(rep, "IdentificationNumber")) fail("B5", id, "Importer/Representative Identification Number must be different.");
            else fail("B5", rep, "Importer/Representative Identification Number must be different.", "IdentificationNumber");
        };
        if (h_imp && h_rep && id_of(h_imp) == id_of(h_rep)) same_ids(h_rep);
        for (auto g : goods) {
            pugi::xml_node gi = child(g, "Importer"), gr = child(g, "Representative");
            if (gi && gr && id_of(gi) == id_of(gr)) same_ids(gr);
        }
        if (h_imp) country(at(h_imp, "ImporterAddress/Country"));
        if (h_rep) country(at(h_rep, "RepresentativeAddress/Country"));

        // B6, B7
        pugi::xml_node conf = at(root, "Signatures/ReportConfirmation");
        for (const char* f : {"GlobalDataConfirmation", "UseOfDataConfirmation"}) {
            pugi::xml_node c = child(conf, f);
            if (c && text(c) != "true" && text(c) != "1") fail("B6", c, fmt::format("Field: {} must be confirmed (true).", f));
        }
        bool tom02 = false;
        for (auto g : goods)
            for (auto ge : children(g, "GoodsEmissions"))
                if (text(at(ge, "DirectEmissions/ApplicableReportingTypeMethodology")) == "TOM02") tom02 = true;
        if (tom02) {
            pugi::xml_node other = at(root, "Signatures/ApplicableMethodologyConfirmation/OtherApplicableReportingMethodology");
            if (!other || (text(other) != "true" && text(other) != "1"))
                fail("B7", child(root, "Signatures"), "A good is reported under other applicable reporting rules (TOM02): OtherApplicableReportingMethodology must be confirmed (true).",
                     "ApplicableMethodologyConfirmation");
        }

        sequence(root, "ImportedGood", "ItemNumber");
        for (auto g : goods) good(g);
    }

    void good(pugi::xml_node g) {
        std::string cn_code = text(at(g, "CommodityCode/CnCode"));
        std::string hs = text(at(g, "CommodityCode/HsCode"));
        bool electricity = cn_code == "27160000";
        if (pugi::xml_node cc = child(g, "CommodityCode")) {
            if (cn_code.size() >= 6 && hs != cn_code.substr(0, 6))
                fail("R2", child(cc, "HsCode"), fmt::format("Field: HsCode \"{}\" is not the first six digits of CnCode \"{}\".", hs, cn_code));
            std::string err;
            auto c = cn.classify(cn_code, &err);
            if (!c || !c->in_scope)
                fail("R2", child(cc, "CnCode"), fmt::format("Field: CnCode \"{}\" is not a CBAM good: {}.", cn_code, c ? c->reason : err));
        }
        pugi::xml_node origin = at(g, "OriginCountry/Country");
        country(origin);
        if (origin) {
            const Country* k = countries.find(text(origin));
            if (k && k->status == CbamOrigin::Eu)
                fail("R3", origin, fmt::format("Field: OriginCountry \"{}\" is an EU Member State: goods of EU origin are not CBAM imports.", text(origin)));
        }
        if (auto gi = child(g, "Importer")) country(at(gi, "ImporterAddress/Country"));
        if (auto gr = child(g, "Representative")) country(at(gr, "RepresentativeAddress/Country"));

        // Quantities
        pugi::xml_node mi = child(g, "MeasureImported");
        measure(mi, electricity);
        auto imported = number(child(mi, electricity ? "SupplementaryUnits" : "NetMass"));
        Decimal procedure_total = 0;
        bool procedure_ok = true;
        sequence(g, "ImportedQuantity", "SequenceNumber");
        for (auto iq : children(g, "ImportedQuantity")) {
            pugi::xml_node proc = child(iq, "Procedure");
            code(child(proc, "RequestedProc"), "Procedure/RequestedProc or PreviousProc");
            code(child(proc, "PreviousProc"), "Procedure/RequestedProc or PreviousProc");
            std::string prev = text(child(proc, "PreviousProc"));
            if ((prev == "51" || prev == "54") && !child(proc, "InwardProcessingInfo"))
                fail("C6", proc, "If PreviousProc = 51 or 54 (inward processing) then 'InwardProcessingInfo' = M.", "InwardProcessingInfo");
            for (auto ipi : children(proc, "InwardProcessingInfo")) country(child(ipi, "MemberStateAuth"));
            pugi::xml_node area = at(iq, "ImportArea/ImportArea");
            if (area && text(area) != "EU" && text(area) != "EUOTH")
                fail("C8", area, fmt::format("Field: ImportArea holds \"{}\"; expected EU or EUOTH.", text(area)));
            bool seen[2] = {false, false};
            for (auto mp : children(iq, "MeasureProcedureImported")) {
                pugi::xml_node ind = child(mp, "Indicator");
                std::string iv = text(ind);
                if (iv != "0" && iv != "1") {
                    fail("C5", ind, fmt::format("Field: Indicator holds \"{}\"; expected 0 (other) or 1 (inward processing).", iv));
                } else if (seen[iv[0] - '0']) {
                    fail("C5", ind, fmt::format("Indicator {} appears twice in one ImportedQuantity.", iv));
                } else {
                    seen[iv[0] - '0'] = true;
                }
                measure(mp, electricity);
                auto q = number(child(mp, electricity ? "SupplementaryUnits" : "NetMass"));
                if (q) procedure_total += *q;
                else procedure_ok = false;
            }
        }
        if (imported && procedure_ok && procedure_total != *imported)
            fail("C7", mi, fmt::format("The quantities per customs procedure add up to {}, not to the imported quantity {}.", procedure_total.to_string(),
                                      imported->to_string()));

        // Emissions entries
        sequence(g, "GoodsEmissions", "SequenceNumber");
        Decimal produced_total = 0;
        bool produced_ok = true;
        for (auto ge : children(g, "GoodsEmissions")) {
            pugi::xml_node pm = child(ge, "ProducedMeasure");
            measure(pm, electricity);
            auto q = number(child(pm, electricity ? "SupplementaryUnits" : "NetMass"));
            if (q) produced_total += *q;
            else produced_ok = false;
            emissions(ge, cn_code, electricity);
        }
        if (imported && produced_ok && produced_total != *imported)
            fail("C4", mi, fmt::format("Sum of GoodsEmissions/ProducedMeasure ({}) must equal MeasureImported ({}).", produced_total.to_string(),
                                      imported->to_string()));

        for (auto sd : children(g, "SupportingDocuments")) document(sd, "ImportedGood/SupportingDocuments/Type");
    }

    void measure(pugi::xml_node m, bool electricity) {
        if (!m) return;
        pugi::xml_node unit = child(m, "MeasurementUnit");
        if (!unit) return;  // the XSD reports it (C1)
        std::string u = text(unit);
        if (child(m, "NetMass")) {
            code(unit, "MeasurementUnit (NetMass)");
            if (electricity) fail("D12", child(m, "NetMass"), "Electricity is reported in MWh as SupplementaryUnits (MeasurementUnit 03), not as a net mass.");
            if (u != "01" && period_at_least(2024, 2))
                fail("C3", unit, "From Q2-2024 net mass must be reported in tonnes (MeasurementUnit 01).");
        } else if (child(m, "SupplementaryUnits")) {
            code(unit, "MeasurementUnit (SupplementaryUnits)");
            if (electricity && u != "03") fail("D12", unit, "Electricity is reported in MWh (MeasurementUnit 03).");
        } else {
            fail("C1", m, "Field: NetMass or SupplementaryUnits is mandatory.", "NetMass");
        }
    }

    void emissions(pugi::xml_node ge, const std::string& cn_code, bool electricity) {
        pugi::xml_node pc = child(ge, "ProductionCountry");
        pugi::xml_node est = at(ge, "Installation/Address/EstablishmentCountry");
        if (!pc) fail("D1", ge, "Field: ProductionCountry is mandatory.", "ProductionCountry");
        else if (est && text(est) != text(pc))
            fail("D1", pc, fmt::format("ProductionCountry \"{}\" must equal Installation/Address/EstablishmentCountry \"{}\".", text(pc), text(est)));
        country(pc);
        country(est);
        code(at(ge, "Installation/Address/CoordinatesType"), "Installation/Address/CoordinatesType");

        pugi::xml_node dir = child(ge, "DirectEmissions"), ind = child(ge, "IndirectEmissions");
        code(child(dir, "ApplicableReportingTypeMethodology"), "DirectEmissions/ApplicableReportingTypeMethodology");
        code(child(dir, "MeasurementUnit"), "DirectEmissions|IndirectEmissions/MeasurementUnit");
        code(child(dir, "DeterminationType"), "DirectEmissions|IndirectEmissions/DeterminationType");
        code(child(dir, "DeterminationTypeElectricity"), "DirectEmissions/DeterminationTypeElectricity");
        code(child(dir, "EmissionFactorSourceElectricity"), "DirectEmissions/EmissionFactorSourceElectricity");
        if (electricity) {
            if (ind) fail("D3", ind, "IndirectEmissions is not used for electricity (CN 27160000).");
            for (const char* f : {"DeterminationTypeElectricity", "EmissionFactor", "ElectricityImported", "TotalEmbeddedElectricityImported"})
                if (!child(dir, f)) fail("D12", dir, fmt::format("Field: {} is mandatory for electricity.", f), f);
        } else {
            if (!child(dir, "DeterminationType")) fail("A2", dir, "Field: DeterminationType is mandatory.", "DeterminationType");
            if (!child(dir, "SpecificEmbeddedEmissions")) fail("A2", dir, "Field: SpecificEmbeddedEmissions is mandatory.", "SpecificEmbeddedEmissions");
            if (!ind) fail("D3", ge, "Field: IndirectEmissions is mandatory for every good except electricity.", "IndirectEmissions");
            for (pugi::xml_node de : {dir, ind}) {
                pugi::xml_node dt = child(de, "DeterminationType");
                if (dt && text(dt) == "02" && period_at_least(2024, 3))
                    fail("D4", dt, fmt::format("Default values (DeterminationType 02) are accepted only for Q4-2023, Q1-2024 and Q2-2024, not {}-Q{}: "
                                               "actual data is required.", year, quarter));
            }
        }
        if (ind) {
            code(child(ind, "DeterminationType"), "DirectEmissions|IndirectEmissions/DeterminationType");
            code(child(ind, "EmissionFactorSource"), "IndirectEmissions/EmissionFactorSource");
            code(child(ind, "ElectricitySource"), "IndirectEmissions/ElectricitySource");
            code(child(ind, "MeasurementUnit"), "DirectEmissions|IndirectEmissions/MeasurementUnit");
            if (text(child(ind, "DeterminationType")) == "01") {
                std::string src = text(child(ind, "EmissionFactorSource"));
                if (!child(ind, "ElectricityConsumed"))
                    fail(src == "02" ? "D7" : "D8", ind, "Field: ElectricityConsumed is mandatory with actual indirect emissions.", "ElectricityConsumed");
                if (src == "02" && text(child(ind, "ElectricitySource")) != "SOE03") {
                    if (pugi::xml_node es = child(ind, "ElectricitySource"))
                        fail("D7", es, "With the Commission's IEA-based factor the electricity source is the grid (SOE03).");
                    else
                        fail("D7", ind, "With the Commission's IEA-based factor the electricity source is the grid (SOE03).", "ElectricitySource");
                }
                if (src != "02") {
                    for (const char* f : {"EmissionFactor", "OtherSourceIndication", "EmissionFactorSourceValue"})
                        if (!child(ind, f)) fail("D8", ind, fmt::format("Field: {} is mandatory when the emission factor is not the Commission's.", f), f);
                }
                auto ec = number(child(ind, "ElectricityConsumed")), ef = number(child(ind, "EmissionFactor")),
                     see = number(child(ind, "SpecificEmbeddedEmissions"));
                if (ec && ef && see) {
                    Decimal product = *ec * *ef;
                    Decimal diff = product - *see;
                    if (diff.sign() < 0) diff = -diff;
                    if (diff > Decimal::ratio(1, 10000000))
                        fail("D10", child(ind, "SpecificEmbeddedEmissions"),
                             fmt::format("SpecificEmbeddedEmissions {} must equal ElectricityConsumed x EmissionFactor = {} x {} = {}.", see->to_string(),
                                         ec->to_string(), ef->to_string(), product.to_string()));
                }
            }
        }
        auto prices = children(ge, "CarbonPriceDue");
        if (period_at_least(2024, 3) && prices.size() > 1)
            fail("D13", prices[1], "From Q3-2024 only one CarbonPriceDue per emissions entry is accepted.");
        sequence(ge, "CarbonPriceDue", "SequenceNumber");
        for (auto cp : prices) {
            code(child(cp, "InstrumentType"), "CarbonPriceDue/InstrumentType");
            country(child(cp, "Country"));
            for (auto pc2 : children(cp, "ProductsCovered")) {
                code(child(pc2, "Type"), "CarbonPriceDue/ProductsCovered/Type");
                if (period_at_least(2024, 3)) {
                    if (text(child(pc2, "Type")) != "TPC01") {
                        if (pugi::xml_node t = child(pc2, "Type")) fail("D13", t, "From Q3-2024 the products covered are the good itself (TPC01).");
                        else fail("D13", pc2, "From Q3-2024 the products covered are the good itself (TPC01).", "Type");
                    }
                    if (auto c = child(pc2, "CN"); c && text(c) != cn_code)
                        fail("D13", c, fmt::format("Field: CN \"{}\" must be the good's CN code \"{}\".", text(c), cn_code));
                }
            }
        }
        if (pugi::xml_node pm = child(ge, "ProdMethodQualifyingParams")) {
            code(child(pm, "MethodId"), "ProdMethodQualifyingParams/MethodId");
            if (child(pm, "IndirectQualifyingParameters") && period_at_least(2024, 3))
                fail("D14", child(pm, "IndirectQualifyingParameters"), "IndirectQualifyingParameters apply only to Q4-2023 to Q2-2024.");
        }
        sequence(ge, "SupportingDocuments", "SequenceNumber");
        for (auto sd : children(ge, "SupportingDocuments")) document(sd, "GoodsEmissions/SupportingDocuments/Type");
        sequence(ge, "RemarksEmissions", "SequenceNumber");
    }

    void document(pugi::xml_node sd, const char* list) {
        if (!child(sd, "Type")) fail("D15", sd, "Field: Type is mandatory for a supporting document.", "Type");
        if (!child(sd, "ReferenceNumber")) fail("D15", sd, "Field: ReferenceNumber is mandatory for a supporting document.", "ReferenceNumber");
        code(child(sd, "Type"), list);
        country(child(sd, "Country"));
        if (auto uri = at(sd, "Attachment/URI"); uri && period_at_least(2024, 3))
            fail("A7", uri, "Attachment/URI is not used from Q3-2024: attach the file itself.");
    }
};

}  // namespace

std::vector<RuleViolation> check_business_rules(const std::string& xml, const CodeLists& codes, const CnRegistry& cn,
                                                const Countries& countries) {
    QReportDom dom(xml);
    Checker c{dom, codes, cn, countries, {}, 0, 0, false, {}};
    switch (dom.problem()) {
        case QReportDom::Problem::Doctype:
            c.out.push_back({"X0", "/", 1, "The file has a DOCTYPE declaration; CBAM reports never do, so it is not read."});
            return c.out;
        case QReportDom::Problem::Malformed:
            c.out.push_back({"X0", "/", static_cast<int>(dom.problem_line()), fmt::format("The file is not well-formed XML: {}.", dom.problem_detail())});
            return c.out;
        case QReportDom::Problem::NotQReport:
            c.out.push_back({"X0", dom.problem_detail().empty() ? "/" : "/" + dom.problem_detail(), static_cast<int>(dom.problem_line()),
                             fmt::format("The root element is <{}>, not <QReport>: this is not a CBAM quarterly report.", dom.problem_detail())});
            return c.out;
        case QReportDom::Problem::None: break;
    }
    pugi::xml_node root = dom.root();
    c.run(root);
    return c.out;
}

}  // namespace cbam
