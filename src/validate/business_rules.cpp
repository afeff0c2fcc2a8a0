#include "validate/business_rules.h"

#include "core/decimal.h"
#include "importers/qreport_dom.h"
#include "validate/schema_versions.h"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>

namespace cbam {

std::string RuleViolation::to_string() const {
    return fmt::format("line {}: {}[{}] {} Path: {}", line, severity == Severity::Warning ? "warning " : "", rule, message, path);
}

std::size_t count_errors(const std::vector<RuleViolation>& findings) {
    return static_cast<std::size_t>(
        std::count_if(findings.begin(), findings.end(), [](const RuleViolation& v) { return v.severity == Severity::Error; }));
}

namespace {
constexpr Severity E = Severity::Error;
constexpr Severity W = Severity::Warning;
}  // namespace

const std::vector<RuleDescription>& business_rules() {
    static const std::vector<RuleDescription> rules = {
        {"X0", "the file is UTF-8, well-formed XML whose root element is QReport in the QReport namespace", "QReport_ver23.00.xsd", E},
        {"X1", "the file is not a QReport of an earlier schema version (17.00, 18.00, 19.00): elements only those versions have are named",
         "QReport XSDs 17.00, 18.00, 19.00 and 23.00", E},
        {"A1", "every coded element holds a code of its code list (a warning where our list is known to be incomplete)",
         "user manual 4.5.2 (a); code lists in cn_codes/qreport_codes.csv", E},
        {"A2", "DeterminationType and SpecificEmbeddedEmissions are given for every good except electricity", "user manual 4.5.2 (b), 4.4.3.4.3", E},
        {"A7", "Attachment/URI is not used from Q3-2024", "user manual 1.9, 4.4.2.6.4", E},
        {"B2", "Role 01 (importer for all goods): header Importer mandatory, ImportedGood/Importer not used", "registry message (NEA list)", E},
        {"B3", "Role 02 (representative for all goods): header Representative mandatory, ImportedGood/Representative not used",
         "registry message (NEA list); user manual 4.4.1.3", E},
        {"B4", "Role 03: Importer given on every ImportedGood; header Importer and Representative not used", "user manual 4.4.1.1", E},
        {"B5", "Importer and Representative identification numbers differ", "registry message (NEA list)", E},
        {"B6", "report confirmations are given (true)", "user manual 4.4.1.5", E},
        {"B7", "a good reported under 'Other' rules (TOM02) requires ApplicableMethodologyConfirmation/OtherApplicableReportingMethodology = true",
         "user manual 1.9", E},
        {"B8", "ReportingPeriod is Q1 to Q4 and Year has 4 digits, within the transitional period (2023-Q4 to 2025-Q4)",
         "XSD; user manual 1.9; Regulation (EU) 2023/956 Art. 32", E},
        {"C1", "a measure has NetMass or SupplementaryUnits", "registry message (NEA list)", E},
        {"C3", "from Q2-2024 net masses are in tonnes (MeasurementUnit 01)", "user manual 4.4.2.6.3, 4.5.14", E},
        {"C4", "the produced quantities of a good's emissions entries add up to its imported quantity, units converted", "user manual 4.4.3.4.3",
         E},
        {"C5", "Indicator is 0 or 1 (a warning: the same Indicator twice, or 1 without inward processing)", "user manual 1.9, 4.4.2.6.3", E},
        {"C6", "inward processing (PreviousProc 51 or 54) carries InwardProcessingInfo", "user manual 4.4.2.6.3", E},
        {"C7", "the quantities per procedure add up to the imported quantity, units converted (our own check)", "our own check", W},
        {"C8", "ImportArea is EU or EUOTH", "XML guidance document; user manual 1.9", E},
        {"D1", "ProductionCountry is given (mandatory without InstallationOperator and Installation) and equals the installation's "
               "EstablishmentCountry",
         "user manual 4.4.3.4.1; registry message (NEA list)", E},
        {"D3", "every good except electricity has IndirectEmissions; electricity has none", "user manual 4.4.3.4.3, 1.9", E},
        {"D4", "default values (DeterminationType 02) only for Q4-2023 to Q2-2024, except for electricity", "user manual 1.9, 4.4.3.4.3", E},
        {"D7", "indirect emissions on the Commission's IEA factor: ElectricitySource SOE03 and ElectricityConsumed given", "user manual 4.4.3.4.4",
         E},
        {"D8", "indirect emissions from the grid on another factor: EmissionFactor, ElectricityConsumed, OtherSourceIndication and "
               "EmissionFactorSourceValue given",
         "user manual 4.4.3.4.4", E},
        {"D9", "indirect emissions on an actual factor (SOE01, SOE02): EmissionFactor, ElectricityConsumed, OtherSourceIndication and "
               "EmissionFactorSourceValue given",
         "user manual 4.4.3.4.4", E},
        {"D10", "indirect SpecificEmbeddedEmissions = ElectricityConsumed x EmissionFactor", "user manual 1.9", E},
        {"D12", "electricity: DeterminationTypeElectricity and EmissionFactor given, quantity in MWh (03); a warning without "
                "ElectricityImported, TotalEmbeddedElectricityImported, or on actual data without ConditionalityFulfillment",
         "user manual 1.9", E},
        {"D13", "from Q3-2024 at most one CarbonPriceDue per emissions entry, covering the good itself (TPC01, its CN code)",
         "user manual 4.4.3.4.5, 1.9", E},
        {"D14", "IndirectQualifyingParameters only for Q4-2023 to Q2-2024", "user manual 4.4.3.4.2, 1.9", E},
        {"D15", "every supporting document has a Type and a ReferenceNumber", "user manual 4.4.3.4.6", E},
        {"R1", "ItemNumber and SequenceNumbers do not repeat within their parent (our own check)", "our own check", W},
        {"R2", "HsCode is the first six digits of CnCode, and the CN code is a CBAM good",
         "Regulation (EEC) No 2658/87 (CN structure); Regulation (EU) 2023/956 Annex I", E},
        {"R3", "country codes are ISO 3166-1 alpha-2 codes (every address, origin, production, carbon price, document); the country of origin "
               "is not an EU Member State; MemberStateAuth is one (a warning)",
         "user manual 4.5.2 (a); ISO 3166-1; Regulation (EU) 2023/956 Art. 2", E},
        {"R4", "an installation's UN/LOCODE starts with its EstablishmentCountry (our own check)", "our own check; UN/LOCODE", W},
    };
    return rules;
}

namespace {

using xml::at;
using xml::child;
using xml::children;
using xml::text;
const char* local(const char* name) { return xml::local_name(name); }
bool named(pugi::xml_node n, const char* name) { return n && std::strcmp(local(n.name()), name) == 0; }

std::optional<Decimal> number(pugi::xml_node n) {
    if (!n) return std::nullopt;
    return Decimal::parse(text(n));
}

// A quantity as a measure states it, converted: net masses to tonnes; supplementary units kept in
// their unit. nullopt when it has no number or its unit is not a code of the list (A1 says so).
struct Amount {
    const MeasurementUnit* unit = nullptr;  // as written
    Decimal value;                          // in tonnes for a mass, else in `unit`
    std::string written;                    // "2000 kg"
    bool same_kind(const Amount& o) const { return unit->mass ? o.unit->mass : unit == o.unit; }
    const char* base() const { return unit->mass ? "t" : unit->symbol; }
};

std::optional<Amount> amount(pugi::xml_node measure) {
    pugi::xml_node q = child(measure, "NetMass");
    if (!q) q = child(measure, "SupplementaryUnits");
    const MeasurementUnit* u = measurement_unit(text(child(measure, "MeasurementUnit")));
    auto v = number(q);
    if (!q || !u || !v) return std::nullopt;
    if (named(q, "NetMass") != u->mass) return std::nullopt;  // a unit of the wrong kind: A1 or D12 says so
    Amount a;
    a.unit = u;
    a.value = u->mass ? *v / Decimal(u->per_tonne) : *v;
    a.written = fmt::format("{} {}", text(q), u->symbol);
    return a;
}

std::string show(const Decimal& d) { return d.is_terminating() ? d.to_string() : d.to_fixed(6); }

// "548 t + 2000 kg = 550 t": the terms as written, then their sum in the base unit.
std::string sum_text(const std::vector<Amount>& terms, const Decimal& total, const char* base) {
    std::string s;
    std::size_t shown = 0;
    for (const auto& t : terms) {
        if (++shown > 6) {
            s += fmt::format(" + ... ({} quantities)", terms.size());
            break;
        }
        s += (s.empty() ? "" : " + ") + t.written;
    }
    bool converted = terms.size() > 1 || (!terms.empty() && std::strcmp(terms.front().unit->symbol, base) != 0);
    return converted ? fmt::format("{} = {} {}", s, show(total), base) : s;
}

// What the field checks look for in an element's local name, wherever it occurs: a country code,
// a measure (a quantity and its MeasurementUnit), or a coded value (by parent and name; the list
// each takes is in cn_codes/qreport_code_lists.csv).
enum class FieldKind { Country, Measure, Coded, DocumentType };
struct FieldCheck {
    const char* name;
    FieldKind kind;
    const char* parent;  // Coded: the parent's local name
    const char* list;
};
constexpr FieldCheck kFieldChecks[] = {
    {"Country", FieldKind::Country, nullptr, nullptr},
    {"EstablishmentCountry", FieldKind::Country, nullptr, nullptr},
    {"ProductionCountry", FieldKind::Country, nullptr, nullptr},
    {"MemberStateAuth", FieldKind::Country, nullptr, nullptr},
    {"MeasureImported", FieldKind::Measure, nullptr, nullptr},
    {"MeasureProcedureImported", FieldKind::Measure, nullptr, nullptr},
    {"ProducedMeasure", FieldKind::Measure, nullptr, nullptr},
    {"Measure", FieldKind::Measure, nullptr, nullptr},
    {"Type", FieldKind::DocumentType, "SupportingDocuments", nullptr},
    {"Role", FieldKind::Coded, "Declarant", "Declarant/Role"},
    {"RequestedProc", FieldKind::Coded, "Procedure", "Procedure/RequestedProc or PreviousProc"},
    {"PreviousProc", FieldKind::Coded, "Procedure", "Procedure/RequestedProc or PreviousProc"},
    {"DischargeBillWaiver", FieldKind::Coded, "InwardProcessingInfo", "InwardProcessingInfo/DischargeBillWaiver"},
    {"MeasurementUnit", FieldKind::Coded, "DirectEmissions", "DirectEmissions|IndirectEmissions/MeasurementUnit"},
    {"MeasurementUnit", FieldKind::Coded, "IndirectEmissions", "DirectEmissions|IndirectEmissions/MeasurementUnit"},
    {"ApplicableReportingTypeMethodology", FieldKind::Coded, "DirectEmissions", "DirectEmissions/ApplicableReportingTypeMethodology"},
    {"DeterminationType", FieldKind::Coded, "DirectEmissions", "DirectEmissions|IndirectEmissions/DeterminationType"},
    {"DeterminationType", FieldKind::Coded, "IndirectEmissions", "DirectEmissions|IndirectEmissions/DeterminationType"},
    {"DeterminationTypeElectricity", FieldKind::Coded, "DirectEmissions", "DirectEmissions/DeterminationTypeElectricity"},
    {"EmissionFactorSourceElectricity", FieldKind::Coded, "DirectEmissions", "DirectEmissions/EmissionFactorSourceElectricity"},
    {"ElectricitySource", FieldKind::Coded, "IndirectEmissions", "IndirectEmissions/ElectricitySource"},
    {"EmissionFactorSource", FieldKind::Coded, "IndirectEmissions", "IndirectEmissions/EmissionFactorSource"},
    {"InstrumentType", FieldKind::Coded, "CarbonPriceDue", "CarbonPriceDue/InstrumentType"},
    {"Type", FieldKind::Coded, "ProductsCovered", "CarbonPriceDue/ProductsCovered/Type"},
    {"CoordinatesType", FieldKind::Coded, "Address", "Installation/Address/CoordinatesType"},
    {"MethodId", FieldKind::Coded, "ProdMethodQualifyingParams", "ProdMethodQualifyingParams/MethodId"},
    {"ParameterId", FieldKind::Coded, "DirectQualifyingParameters", "ProdMethodQualifyingParams/*QualifyingParameters/ParameterId"},
    {"ParameterId", FieldKind::Coded, "IndirectQualifyingParameters", "ProdMethodQualifyingParams/*QualifyingParameters/ParameterId"},
};

// A report has millions of elements: the checks are found by the name's first letter and
// length before any string comparison.
struct FieldIndex {
    std::vector<const FieldCheck*> by_letter[128];
    FieldIndex() {
        for (const auto& f : kFieldChecks) by_letter[static_cast<unsigned char>(f.name[0]) & 127].push_back(&f);
    }
};
const FieldIndex& field_index() {
    static const FieldIndex index;
    return index;
}

struct Checker {
    const QReportDom& dom;
    const QReportCodes& codes;
    const CnRegistry& cn;
    const Countries& countries;
    std::vector<RuleViolation> out;
    int year = 0, quarter = 0;
    bool period_known = false;  // rules that depend on the period are skipped without one
    pugi::xml_node root_;
    // The element whose path is known (the root, the current good, the current emissions entry),
    // so that a finding's path is built from the nearest one, not by scanning all goods.
    std::vector<std::pair<pugi::xml_node, std::string>> ctx_;
    std::string cn_code_;       // of the good being checked
    bool electricity_ = false;  // the good is electricity (CN 27160000)

    int line_of(pugi::xml_node n) const { return static_cast<int>(dom.line_of(n)); }

    std::string path_of(pugi::xml_node n) const {
        std::string rel;
        for (; n && n.type() == pugi::node_element; n = n.parent()) {
            for (auto it = ctx_.rbegin(); it != ctx_.rend(); ++it)
                if (it->first == n) return it->second + rel;
            std::string seg = local(n.name());
            pugi::xml_node parent = n.parent();
            if (parent && parent.type() == pugi::node_element) {
                int index = 0, count = 0;
                for (pugi::xml_node s = parent.first_child(); s; s = s.next_sibling()) {
                    if (s.type() != pugi::node_element || std::strcmp(local(s.name()), seg.c_str()) != 0) continue;
                    ++count;
                    if (s == n) index = count;
                }
                if (count > 1) seg += "[" + std::to_string(index) + "]";
            }
            rel = "/" + seg + rel;
        }
        return rel;
    }

    void add(Severity sev, const char* rule, pugi::xml_node where, std::string message, const char* missing_child = nullptr) {
        if (!where) where = root_;  // callers pass the parent with missing_child; this is a last resort
        std::string path = path_of(where);
        if (missing_child) path += std::string("/") + missing_child;
        out.push_back({rule, path, line_of(where), std::move(message), sev});
    }
    void fail(const char* rule, pugi::xml_node where, std::string message, const char* missing_child = nullptr) {
        add(E, rule, where, std::move(message), missing_child);
    }
    void warn(const char* rule, pugi::xml_node where, std::string message, const char* missing_child = nullptr) {
        add(W, rule, where, std::move(message), missing_child);
    }

    // (year, quarter) ordering; both false when the report has no valid period
    bool period_before(int y, int q) const { return period_known && (year < y || (year == y && quarter < q)); }
    bool period_at_least(int y, int q) const { return period_known && !(year < y || (year == y && quarter < q)); }

    // A1 for one coded element: an error when our list is complete, a warning when it is known to
    // be partial, nothing when no code of the 23.00 list is known.
    void code(pugi::xml_node n, const char* list) {
        if (!n) return;
        const QReportCodeList* l = codes.list(list);
        if (!l || l->status == CodeListStatus::Unknown) return;
        std::string v = text(n);
        if (codes.has(list, v)) return;
        if (l->status == CodeListStatus::Complete)
            fail("A1", n, fmt::format("Field: {} holds \"{}\", which is not in its code list ({}).", local(n.name()), v, codes.codes(list)));
        else
            warn("A1", n, fmt::format("Field: {} holds \"{}\", which is not among the codes known for it ({}); the list known to us is "
                                      "incomplete ({}), so the registry may accept it.",
                                      local(n.name()), v, codes.codes(list), l->note));
    }

    void mandatory(const char* rule, pugi::xml_node parent, const char* name, const std::string& why) {
        if (!child(parent, name)) fail(rule, parent, fmt::format("Field: {} is mandatory{}.", name, why.empty() ? "" : " " + why), name);
    }

    // R1: numbers that repeat within one parent (the order and a start at 1 are not checked:
    // no source asks for them, and the Commission's own sample numbers a single remark 0).
    void sequence(pugi::xml_node parent, const char* element, const char* number_child) {
        std::map<std::string, pugi::xml_node> seen;
        for (pugi::xml_node e = parent.first_child(); e; e = e.next_sibling()) {
            if (!named(e, element)) continue;
            pugi::xml_node s = child(e, number_child);
            if (!s) continue;
            auto [it, fresh] = seen.emplace(text(s), s);
            if (!fresh)
                warn("R1", s, fmt::format("Field: {} {} repeats (also at line {}): each {} should have its own number.", number_child, text(s),
                                          line_of(it->second), element));
        }
    }

    void country(pugi::xml_node n) {
        if (!n) return;
        const Country* k = countries.find(text(n));
        if (!k) {
            fail("R3", n, fmt::format("Field: {} holds \"{}\", which is not an ISO 3166-1 alpha-2 country code.", local(n.name()), text(n)));
        } else if (named(n, "MemberStateAuth") && k->status != CbamOrigin::Eu) {
            warn("R3", n, fmt::format("Field: MemberStateAuth holds \"{}\" ({}), which is not an EU Member State: the inward-processing "
                                      "authorisation is issued by a Member State.",
                                      text(n), k->name));
        }
    }

    // C1, A1, C3, D12 for any element holding a quantity and its unit.
    void measure(pugi::xml_node m) {
        pugi::xml_node unit = child(m, "MeasurementUnit");
        pugi::xml_node mass = child(m, "NetMass"), su = child(m, "SupplementaryUnits");
        if (!mass && !su) {
            fail("C1", m, "Field: NetMass or SupplementaryUnits is mandatory.", "NetMass");
            return;
        }
        if (!unit) return;  // the XSD reports it (C1)
        std::string u = text(unit);
        if (mass) {
            code(unit, "MeasurementUnit (NetMass)");
            if (electricity_ && !named(m, "Measure"))
                fail("D12", mass, "Electricity is reported in MWh as SupplementaryUnits (MeasurementUnit 03), not as a net mass.");
            if (u == "02" && period_at_least(2024, 2))
                fail("C3", unit, fmt::format("NetMass in kilograms (MeasurementUnit 02): from Q2-2024 net mass must be reported in tonnes "
                                             "(MeasurementUnit 01), not in {}-Q{}.",
                                             year, quarter));
        } else {
            code(unit, "MeasurementUnit (SupplementaryUnits)");
            if (electricity_ && u != "03" && !named(m, "Measure"))
                fail("D12", unit, fmt::format("Electricity is reported in MWh (MeasurementUnit 03), not in \"{}\".", u));
        }
    }

    // Field checks every element gets, wherever it is: country codes, coded values, measures.
    void field(pugi::xml_node n, const char* name, pugi::xml_node parent) {
        const auto& candidates = field_index().by_letter[static_cast<unsigned char>(name[0]) & 127];
        if (candidates.empty()) return;
        const char* pname = nullptr;
        for (const FieldCheck* f : candidates) {
            if (std::strcmp(name, f->name) != 0) continue;
            switch (f->kind) {
                case FieldKind::Country: return country(n);
                case FieldKind::Measure: return measure(n);
                case FieldKind::DocumentType:
                case FieldKind::Coded:
                    if (!pname) pname = local(parent.name());
                    if (std::strcmp(pname, f->parent) != 0) continue;
                    if (f->kind == FieldKind::Coded) return code(n, f->list);
                    return code(n, named(parent.parent(), "GoodsEmissions") ? "GoodsEmissions/SupportingDocuments/Type"
                                                                            : "ImportedGood/SupportingDocuments/Type");
            }
        }
    }

    // Walks every element below `n`; goods and emissions entries also get their own rules.
    void walk(pugi::xml_node n) {
        for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            const char* name = local(c.name());
            if (n == root_ && std::strcmp(name, "ImportedGood") == 0) continue;                // walked by good()
            if (std::strcmp(name, "GoodsEmissions") == 0 && named(n, "ImportedGood")) continue;  // walked by emissions()
            field(c, name, n);
            if (c.first_child() && c.first_child().type() == pugi::node_element) walk(c);
        }
    }

    void run(pugi::xml_node root) {
        root_ = root;
        ctx_.push_back({root, "/" + std::string(local(root.name()))});
        // B8
        pugi::xml_node rp = child(root, "ReportingPeriod"), yr = child(root, "Year");
        std::string q = text(rp), y = text(yr);
        if (q.size() == 2 && q[0] == 'Q' && q[1] >= '1' && q[1] <= '4') quarter = q[1] - '0';
        if (y.size() == 4 && std::all_of(y.begin(), y.end(), ::isdigit)) year = std::stoi(y);
        if (!quarter || !year) {
            fail("B8", rp ? rp : root, fmt::format("ReportingPeriod \"{}\" / Year \"{}\" is not a quarter Q1-Q4 of a 4-digit year; "
                                                   "rules that depend on the period were not checked.", q, y));
        } else if ((period_known = true), period_before(2023, 4) || period_at_least(2026, 1)) {
            fail("B8", rp, fmt::format("{}-Q{} is outside the transitional period (2023-Q4 to 2025-Q4): quarterly CBAM reports exist only for it.", year, quarter));
        }
        walk(root);  // the header: declarant, importer, representative, signatures

        // Header roles
        pugi::xml_node decl = child(root, "Declarant");
        std::string role = text(child(decl, "Role"));
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

        // B6, B7
        pugi::xml_node conf = at(root, "Signatures/ReportConfirmation");
        for (const char* f : {"GlobalDataConfirmation", "UseOfDataConfirmation"}) {
            pugi::xml_node c = child(conf, f);
            if (c && text(c) != "true" && text(c) != "1") fail("B6", c, fmt::format("Field: {} must be confirmed (true).", f));
        }
        bool tom02 = false;
        for (auto g : goods)
            for (pugi::xml_node ge = child(g, "GoodsEmissions"); ge; ge = ge.next_sibling())
                if (named(ge, "GoodsEmissions") && text(at(ge, "DirectEmissions/ApplicableReportingTypeMethodology")) == "TOM02") tom02 = true;
        if (tom02) {
            pugi::xml_node other = at(root, "Signatures/ApplicableMethodologyConfirmation/OtherApplicableReportingMethodology");
            if (!other || (text(other) != "true" && text(other) != "1"))
                fail("B7", child(root, "Signatures"), "A good is reported under other applicable reporting rules (TOM02): OtherApplicableReportingMethodology must be confirmed (true).",
                     "ApplicableMethodologyConfirmation");
        }

        sequence(root, "ImportedGood", "ItemNumber");
        std::size_t index = 0;
        for (auto g : goods) {
            ++index;
            ctx_.push_back({g, goods.size() > 1 ? fmt::format("{}/ImportedGood[{}]", ctx_.front().second, index)
                                                : ctx_.front().second + "/ImportedGood"});
            good(g);
            ctx_.pop_back();
        }
    }

    void good(pugi::xml_node g) {
        cn_code_ = text(at(g, "CommodityCode/CnCode"));
        electricity_ = cn_code_ == "27160000";
        walk(g);
        std::string hs = text(at(g, "CommodityCode/HsCode"));
        if (pugi::xml_node cc = child(g, "CommodityCode")) {
            if (cn_code_.size() >= 6 && hs != cn_code_.substr(0, 6))
                fail("R2", child(cc, "HsCode"), fmt::format("Field: HsCode \"{}\" is not the first six digits of CnCode \"{}\".", hs, cn_code_));
            std::string err;
            auto c = cn.classify(cn_code_, &err);
            if (!c || !c->in_scope)
                fail("R2", child(cc, "CnCode"), fmt::format("Field: CnCode \"{}\" is not a CBAM good: {}.", cn_code_, c ? c->reason : err));
        }
        pugi::xml_node origin = at(g, "OriginCountry/Country");
        if (origin) {
            const Country* k = countries.find(text(origin));
            if (k && k->status == CbamOrigin::Eu)
                fail("R3", origin, fmt::format("Field: OriginCountry \"{}\" is an EU Member State: goods of EU origin are not CBAM imports.", text(origin)));
        }
        pugi::xml_node gi = child(g, "Importer"), gr = child(g, "Representative");
        if (gi && gr && text(child(gi, "IdentificationNumber")) == text(child(gr, "IdentificationNumber"))) {
            if (pugi::xml_node id = child(gr, "IdentificationNumber")) fail("B5", id, "Importer/Representative Identification Number must be different.");
            else fail("B5", gr, "Importer/Representative Identification Number must be different.", "IdentificationNumber");
        }

        // Quantities per procedure (C5, C6, C7, C8)
        pugi::xml_node mi = child(g, "MeasureImported");
        auto imported = amount(mi);
        std::vector<Amount> per_procedure;
        bool procedures_known = true;
        sequence(g, "ImportedQuantity", "SequenceNumber");
        for (pugi::xml_node iq = child(g, "ImportedQuantity"); iq; iq = iq.next_sibling()) {
            if (!named(iq, "ImportedQuantity")) continue;
            pugi::xml_node proc = child(iq, "Procedure");
            std::string prev = text(child(proc, "PreviousProc"));
            bool inward = prev == "51" || prev == "54";
            if (inward && !child(proc, "InwardProcessingInfo"))
                fail("C6", proc, "If PreviousProc = 51 or 54 (inward processing) then 'InwardProcessingInfo' = M.", "InwardProcessingInfo");
            pugi::xml_node area = at(iq, "ImportArea/ImportArea");
            if (area && text(area) != "EU" && text(area) != "EUOTH")
                fail("C8", area, fmt::format("Field: ImportArea holds \"{}\"; expected EU or EUOTH.", text(area)));
            pugi::xml_node seen[2];
            for (pugi::xml_node mp = child(iq, "MeasureProcedureImported"); mp; mp = mp.next_sibling()) {
                if (!named(mp, "MeasureProcedureImported")) continue;
                pugi::xml_node ind = child(mp, "Indicator");
                std::string iv = text(ind);
                if (iv != "0" && iv != "1") {
                    fail("C5", ind, fmt::format("Field: Indicator holds \"{}\"; expected 0 (other) or 1 (inward processing).", iv));
                } else if (seen[iv[0] - '0']) {
                    warn("C5", ind, fmt::format("Indicator {} appears twice in one ImportedQuantity (also at line {}): its quantities are "
                                                "normally one figure (our reading of the user manual).",
                                                iv, line_of(seen[iv[0] - '0'])));
                } else {
                    seen[iv[0] - '0'] = ind;
                    if (iv == "1" && !inward)
                        warn("C5", ind, fmt::format("Indicator 1 (goods in products of inward processing), but PreviousProc is \"{}\", not 51 "
                                                    "or 54 (inward processing).",
                                                    prev));
                }
                if (auto a = amount(mp)) per_procedure.push_back(*a);
                else procedures_known = false;
            }
        }
        compare("C7", W, mi, imported, per_procedure, procedures_known, "The quantities per customs procedure (MeasureProcedureImported)");

        // Emissions entries (C4 and their own rules)
        sequence(g, "GoodsEmissions", "SequenceNumber");
        std::vector<Amount> produced;
        bool produced_known = true;
        std::vector<pugi::xml_node> entries = children(g, "GoodsEmissions");
        std::size_t index = 0;
        for (auto ge : entries) {
            ++index;
            ctx_.push_back({ge, entries.size() > 1 ? fmt::format("{}/GoodsEmissions[{}]", ctx_.back().second, index)
                                                   : ctx_.back().second + "/GoodsEmissions"});
            if (auto a = amount(child(ge, "ProducedMeasure"))) produced.push_back(*a);
            else produced_known = false;
            emissions(ge);
            ctx_.pop_back();
        }
        compare("C4", E, mi, imported, produced, produced_known, "Sum of GoodsEmissions/ProducedMeasure");
        sequence(g, "SupportingDocuments", "SequenceNumber");
        for (auto sd : children(g, "SupportingDocuments")) document(sd);
    }

    // C4 / C7: the quantities add up to the imported quantity, once converted to its unit.
    void compare(const char* rule, Severity sev, pugi::xml_node mi, const std::optional<Amount>& imported, const std::vector<Amount>& parts,
                 bool parts_known, const char* what) {
        if (!imported || !parts_known || parts.empty()) return;  // a quantity without a usable unit: A1 / C1 say so
        Decimal total = 0;
        for (const auto& p : parts) {
            if (!p.same_kind(*imported)) {
                add(sev, rule, mi, fmt::format("{} cannot add up to MeasureImported ({}): {} is not in the same kind of unit.", what,
                                               imported->written, p.written));
                return;
            }
            total += p.value;
        }
        if (total != imported->value)
            add(sev, rule, mi, fmt::format("{} ({}) must equal MeasureImported ({}).", what, sum_text(parts, total, imported->base()),
                                           sum_text({*imported}, imported->value, imported->base())));
    }

    void emissions(pugi::xml_node ge) {
        walk(ge);
        pugi::xml_node pc = child(ge, "ProductionCountry");
        pugi::xml_node inst = child(ge, "Installation"), op = child(ge, "InstallationOperator");
        pugi::xml_node est = at(inst, "Address/EstablishmentCountry");
        if (!pc && !inst && !op) {
            fail("D1", ge, "If 'Installation operator' and 'Installation' are not used then Field: ProductionCountry is mandatory.", "ProductionCountry");
        } else if (!pc) {
            warn("D1", ge, "Field: ProductionCountry is not given. The user manual asks for it; the registry's message makes it mandatory only "
                           "when neither the installation nor its operator is given.",
                 "ProductionCountry");
        } else if (est && text(est) != text(pc)) {
            fail("D1", pc, fmt::format("ProductionCountry \"{}\" must equal Installation/Address/EstablishmentCountry \"{}\".", text(pc), text(est)));
        }
        if (pugi::xml_node lo = at(inst, "Address/UNLOCODE"); lo && est && text(lo).substr(0, 2) != text(est))
            warn("R4", lo, fmt::format("UNLOCODE \"{}\" does not start with the installation's country \"{}\": a UN/LOCODE begins with the "
                                       "ISO 3166-1 code of its country.",
                                       text(lo), text(est)));

        pugi::xml_node dir = child(ge, "DirectEmissions"), ind = child(ge, "IndirectEmissions");
        if (electricity_) {
            if (ind) fail("D3", ind, "IndirectEmissions is not used for electricity (CN 27160000).");
            for (const char* f : {"DeterminationTypeElectricity", "EmissionFactor"})
                if (!child(dir, f)) fail("D12", dir, fmt::format("Field: {} is mandatory for electricity.", f), f);
            for (const char* f : {"ElectricityImported", "TotalEmbeddedElectricityImported"})
                if (!child(dir, f))
                    warn("D12", dir, fmt::format("Field: {} is not given: the user manual lists it among the fields of electricity; whether "
                                                 "the registry refuses a report without it is not stated.",
                                                 f),
                         f);
            if (text(child(dir, "DeterminationTypeElectricity")) == "01" && !child(dir, "ConditionalityFulfillment"))
                warn("D12", dir, "Field: ConditionalityFulfillment is not given: electricity on actual data must meet the conditions of Annex IV "
                                 "point 5 of Regulation (EU) 2023/956, and the user manual asks how they are met.",
                     "ConditionalityFulfillment");
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
        if (ind && text(child(ind, "DeterminationType")) == "01") indirect(ind);

        std::vector<pugi::xml_node> prices = children(ge, "CarbonPriceDue");
        if (period_at_least(2024, 3) && prices.size() > 1)
            fail("D13", prices[1], "From Q3-2024 only one CarbonPriceDue per emissions entry is accepted.");
        sequence(ge, "CarbonPriceDue", "SequenceNumber");
        for (auto cp : prices) {
            sequence(cp, "ProductsCovered", "SequenceNumber");
            for (pugi::xml_node pc2 = child(cp, "ProductsCovered"); pc2; pc2 = pc2.next_sibling()) {
                if (!named(pc2, "ProductsCovered") || !period_at_least(2024, 3)) continue;
                if (text(child(pc2, "Type")) != "TPC01") {
                    if (pugi::xml_node t = child(pc2, "Type")) fail("D13", t, "From Q3-2024 the products covered are the good itself (TPC01).");
                    else fail("D13", pc2, "From Q3-2024 the products covered are the good itself (TPC01).", "Type");
                }
                if (auto c = child(pc2, "CN"); c && text(c) != cn_code_)
                    fail("D13", c, fmt::format("Field: CN \"{}\" must be the good's CN code \"{}\".", text(c), cn_code_));
            }
        }
        if (pugi::xml_node pm = child(ge, "ProdMethodQualifyingParams")) {
            if (child(pm, "IndirectQualifyingParameters") && period_at_least(2024, 3))
                fail("D14", child(pm, "IndirectQualifyingParameters"), "IndirectQualifyingParameters apply only to Q4-2023 to Q2-2024.");
            sequence(pm, "DirectQualifyingParameters", "SequenceNumber");
            sequence(pm, "IndirectQualifyingParameters", "SequenceNumber");
        }
        sequence(ge, "SupportingDocuments", "SequenceNumber");
        for (auto sd : children(ge, "SupportingDocuments")) document(sd);
        sequence(ge, "RemarksEmissions", "SequenceNumber");
    }

    // D7 to D10: actual indirect emissions.
    void indirect(pugi::xml_node ind) {
        std::string src = text(child(ind, "EmissionFactorSource"));
        std::string es = text(child(ind, "ElectricitySource"));
        // Which case of user manual 4.4.3.4.4: the Commission's IEA factor (D7), another grid
        // factor (D8), or an actual factor of a direct link or a power purchase agreement (D9).
        const char* rule = src == "02" ? "D7" : (es == "SOE01" || es == "SOE02") ? "D9" : "D8";
        if (!child(ind, "ElectricityConsumed"))
            fail(rule, ind, "Field: ElectricityConsumed is mandatory with actual indirect emissions.", "ElectricityConsumed");
        if (src == "02" && es != "SOE03") {
            if (pugi::xml_node e = child(ind, "ElectricitySource"))
                fail("D7", e, "With the Commission's IEA-based factor the electricity source is the grid (SOE03).");
            else
                fail("D7", ind, "With the Commission's IEA-based factor the electricity source is the grid (SOE03).", "ElectricitySource");
        }
        if (src != "02") {
            for (const char* f : {"EmissionFactor", "OtherSourceIndication", "EmissionFactorSourceValue"})
                if (!child(ind, f))
                    fail(rule, ind, fmt::format("Field: {} is mandatory when the emission factor is not the Commission's{}.", f,
                                                std::strcmp(rule, "D9") == 0 ? " (electricity by direct link or purchase agreement)" : ""),
                         f);
        }
        auto ec = number(child(ind, "ElectricityConsumed")), ef = number(child(ind, "EmissionFactor")),
             see = number(child(ind, "SpecificEmbeddedEmissions"));
        if (ec && ef && see) {
            Decimal product = *ec * *ef;
            Decimal diff = product - *see;
            if (diff.sign() < 0) diff = -diff;
            if (diff > Decimal::ratio(1, 10000000))
                fail("D10", child(ind, "SpecificEmbeddedEmissions"),
                     fmt::format("SpecificEmbeddedEmissions {} tCO2e/unit must equal ElectricityConsumed x EmissionFactor = {} MWh x {} tCO2/MWh "
                                 "= {}.",
                                 see->to_string(), ec->to_string(), ef->to_string(), product.to_string()));
        }
    }

    void document(pugi::xml_node sd) {
        if (!child(sd, "Type")) fail("D15", sd, "Field: Type is mandatory for a supporting document.", "Type");
        if (!child(sd, "ReferenceNumber")) fail("D15", sd, "Field: ReferenceNumber is mandatory for a supporting document.", "ReferenceNumber");
        if (auto uri = at(sd, "Attachment/URI"); uri && period_at_least(2024, 3))
            fail("A7", uri, "Attachment/URI is not used from Q3-2024: attach the file itself.");
    }
};

}  // namespace

std::vector<RuleViolation> check_business_rules(const QReportDom& dom, const QReportCodes& codes, const CnRegistry& cn,
                                                const Countries& countries) {
    std::vector<RuleViolation> out;
    switch (dom.problem()) {
        case QReportDom::Problem::Doctype:
            out.push_back({"X0", "/", static_cast<int>(dom.problem_line()), "The file has a DOCTYPE declaration; CBAM reports never do, so it is not read."});
            return out;
        case QReportDom::Problem::NotUtf8:
            out.push_back({"X0", "/", static_cast<int>(dom.problem_line()),
                           fmt::format("The file is not valid UTF-8: {}. A QReport is UTF-8, as its XML declaration says.", dom.problem_detail())});
            return out;
        case QReportDom::Problem::Malformed:
            out.push_back({"X0", "/", static_cast<int>(dom.problem_line()), fmt::format("The file is not well-formed XML: {}.", dom.problem_detail())});
            return out;
        case QReportDom::Problem::NotQReport: {
            std::string ns = dom.root_namespace().empty() ? "no namespace" : "namespace " + dom.root_namespace();
            std::string what = dom.root_name() == "QReport"
                                   ? fmt::format("The root element <{}> is in {}, not in {}: the registry's schema does not know it.",
                                                 dom.problem_detail(), ns, kQReportNamespaceUri)
                                   : fmt::format("The root element is <{}> ({}), not <QReport>: this is not a CBAM quarterly report, so no "
                                                 "QReport rule applies to it.",
                                                 dom.problem_detail(), ns);
            out.push_back({"X0", "/" + dom.problem_detail(), static_cast<int>(dom.problem_line()), what});
            return out;
        }
        case QReportDom::Problem::None: break;
    }
    if (auto v = other_schema_version(dom)) out.push_back(*v);
    Checker c{dom, codes, cn, countries, {}, 0, 0, false, {}, {}, {}, false};
    c.run(dom.root());
    for (auto& v : c.out) out.push_back(std::move(v));
    return out;
}

std::vector<RuleViolation> check_business_rules(std::string xml, const QReportCodes& codes, const CnRegistry& cn, const Countries& countries) {
    QReportDom dom(std::move(xml));
    return check_business_rules(dom, codes, cn, countries);
}

}  // namespace cbam
