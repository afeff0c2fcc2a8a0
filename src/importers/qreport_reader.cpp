#include "importers/qreport_reader.h"

#include "importers/qreport_dom.h"
#include "registry/qreport_codes.h"
#include "io/csv_writer.h"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>
#include <cstring>

namespace cbam {

namespace {

struct Reader {
    const QReportDom& dom;
    const std::string& name;
    Diagnostics& diags;

    std::size_t line_of(pugi::xml_node n) const { return dom.line_of(n); }
    // Records where the element at `path` below `n` stands (the deepest element of the path that
    // exists, so that a missing figure is placed at its parent).
    void mark(qreport::SourceLines& lines, pugi::xml_node n, const std::string& path) const {
        pugi::xml_node at = n;
        std::string_view rest = path;
        while (!rest.empty()) {
            auto slash = rest.find('/');
            pugi::xml_node c = child(at, std::string(rest.substr(0, slash)).c_str());
            if (!c) break;
            at = c;
            rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
        }
        if (at) lines[path] = line_of(at);
    }
    // The line of the quantity of a measure (its NetMass or SupplementaryUnits), else of the measure.
    void mark_measure(qreport::SourceLines& lines, pugi::xml_node m, const std::string& key) const {
        pugi::xml_node q = child(m, "NetMass");
        if (!q) q = child(m, "SupplementaryUnits");
        if (q ? true : static_cast<bool>(m)) lines[key] = line_of(q ? q : m);
    }
    static std::string path_of(pugi::xml_node n) { return xml::path_of(n); }
    pugi::xml_node child(pugi::xml_node n, const char* c) const { return xml::child(n, c); }
    std::vector<pugi::xml_node> children(pugi::xml_node n, const char* c) const { return xml::children(n, c); }
    std::string text(pugi::xml_node n, const char* c) const { return xml::text(xml::child(n, c)); }
    std::optional<Decimal> number(pugi::xml_node n, const char* c, bool required = true) {
        pugi::xml_node x = child(n, c);
        if (!x) {
            if (required) diags.add({name, line_of(n), 0, path_of(n) + "/" + c}, fmt::format("expected a {} element", c));
            return std::nullopt;
        }
        std::string v = text(n, c);
        auto d = Decimal::parse(v);
        if (!d) diags.add({name, line_of(x), 0, path_of(x)}, fmt::format("expected a decimal number, found \"{}\"", v));
        return d;
    }
    qreport::Address address(pugi::xml_node a, const char* country) {
        qreport::Address out;
        if (country) out.country = text(a, country);
        out.subdivision = text(a, "SubDivision");
        out.city = text(a, "City");
        out.street = text(a, "Street");
        out.street_additional = text(a, "StreetAdditionalLine");
        out.number = text(a, "Number");
        out.postcode = text(a, "Postcode");
        out.po_box = text(a, "POBox");
        return out;
    }
    qreport::Party party(pugi::xml_node p, const char* addr) {
        return {text(p, "IdentificationNumber"), text(p, "Name"), address(child(p, addr), "Country")};
    }
    // Quantity of a measure, by its MeasurementUnit: a net mass in tonnes (kilograms divided by
    // 1000), supplementary units as they are (MWh for electricity, unit 04 for hydrogen).
    Decimal measure(pugi::xml_node m, std::string& unit) {
        if (!m) return 0;  // the XSD reports a missing measure; the rows show 0
        pugi::xml_node q = child(m, "NetMass");
        bool mass = static_cast<bool>(q);
        if (!q) q = child(m, "SupplementaryUnits");
        if (!q) {
            diags.add({name, line_of(m), 0, path_of(m)}, "expected NetMass or SupplementaryUnits");
            return 0;
        }
        auto v = number(m, mass ? "NetMass" : "SupplementaryUnits").value_or(0);
        pugi::xml_node u = child(m, "MeasurementUnit");
        const MeasurementUnit* mu = measurement_unit(text(m, "MeasurementUnit"));
        if (!mu || mu->mass != mass) {
            std::string known = mass ? "01 (t) or 02 (kg)" : "03 (MWh) or 04 (hydrogen's supplementary unit)";
            diags.add({name, line_of(u ? u : m), 0, path_of(m) + "/MeasurementUnit"},
                      fmt::format("expected a MeasurementUnit {} for {}, found \"{}\": the quantity {} cannot be read in a known unit", known,
                                  mass ? "a NetMass" : "SupplementaryUnits", text(m, "MeasurementUnit"), text(m, mass ? "NetMass" : "SupplementaryUnits")));
            return v;
        }
        unit = mu->mass ? "t" : mu->symbol;
        return mu->mass ? v / Decimal(mu->per_tonne) : v;
    }
};

}  // namespace

std::optional<qreport::Report> read_qreport(std::string xml, const std::string& name, Diagnostics& diags) {
    QReportDom dom(std::move(xml));
    switch (dom.problem()) {
        case QReportDom::Problem::Doctype:
            diags.add({name, dom.problem_line(), 0, "/"}, "the file has a DOCTYPE declaration; CBAM reports never do, so it is not read");
            return std::nullopt;
        case QReportDom::Problem::NotUtf8:
            diags.add({name, dom.problem_line(), dom.problem_column(), dom.problem_element().empty() ? "/" : dom.problem_element()},
                      fmt::format("not valid UTF-8: {}; a QReport is UTF-8 (cbam validate refuses it too)", dom.problem_detail()));
            return std::nullopt;
        case QReportDom::Problem::Malformed:
            diags.add({name, dom.problem_line(), 0, "/"}, fmt::format("not well-formed XML: {}", dom.problem_detail()));
            return std::nullopt;
        case QReportDom::Problem::NotQReport:
            diags.add({name, dom.problem_line(), 0, "/" + dom.problem_detail()},
                      fmt::format("the root element is <{}> ({}), not <QReport> of {}: not a CBAM quarterly report", dom.problem_detail(),
                                  dom.root_namespace().empty() ? "no namespace" : "namespace " + dom.root_namespace(), kQReportNamespaceUri));
            return std::nullopt;
        case QReportDom::Problem::None: break;
    }
    Reader r{dom, name, diags};
    pugi::xml_node root = dom.root();
    qreport::Report q;
    q.reporting_period = r.text(root, "ReportingPeriod");
    std::string year = r.text(root, "Year");
    q.year = year.size() == 4 && std::all_of(year.begin(), year.end(), ::isdigit) ? std::stoi(year) : 0;
    if (!q.year) diags.add({name, r.line_of(r.child(root, "Year") ? r.child(root, "Year") : root), 0, "/QReport/Year"}, fmt::format("expected a 4-digit year, found \"{}\"", year));
    pugi::xml_node d = r.child(root, "Declarant");
    q.declarant = {r.text(d, "IdentificationNumber"), r.text(d, "Name"), r.text(d, "Role"), r.address(r.child(d, "ActorAddress"), nullptr)};
    if (auto i = r.child(root, "Importer")) q.importer = r.party(i, "ImporterAddress");
    if (auto p = r.child(root, "Representative")) q.representative = r.party(p, "RepresentativeAddress");
    pugi::xml_node conf = r.child(r.child(root, "Signatures"), "ReportConfirmation");
    q.signatures.global_data_confirmation = r.text(conf, "GlobalDataConfirmation") == "true";
    q.signatures.use_of_data_confirmation = r.text(conf, "UseOfDataConfirmation") == "true";
    q.signatures.place = r.text(conf, "SignaturePlace");
    q.signatures.signature = r.text(conf, "Signature");
    q.signatures.position = r.text(conf, "PositionOfPersonSending");
    q.remarks = r.text(r.child(root, "Remarks"), "AdditionalInformation");
    for (const char* p : {"Year", "ReportingPeriod", "Declarant/IdentificationNumber", "Declarant/Role"}) r.mark(q.lines, root, p);
    for (pugi::xml_node g : r.children(root, "ImportedGood")) {
        qreport::ImportedGood ig;
        ig.lines[""] = r.line_of(g);
        if (auto i = r.child(g, "Importer")) ig.importer = r.party(i, "ImporterAddress");
        if (auto p = r.child(g, "Representative")) ig.representative = r.party(p, "RepresentativeAddress");
        pugi::xml_node cc = r.child(g, "CommodityCode");
        ig.cn_code = r.text(cc, "CnCode");
        ig.description = r.text(r.child(cc, "CommodityDetails"), "Description");
        ig.origin_country = r.text(r.child(g, "OriginCountry"), "Country");
        pugi::xml_node mi = r.child(g, "MeasureImported");
        ig.electricity = ig.cn_code == "27160000";
        ig.total = r.measure(mi, ig.unit);
        r.mark_measure(ig.lines, mi, "MeasureImported");
        ig.remarks = r.text(r.child(g, "Remarks"), "AdditionalInformation");
        for (pugi::xml_node iq : r.children(g, "ImportedQuantity")) {
            qreport::ImportedQuantity quant;
            pugi::xml_node proc = r.child(iq, "Procedure");
            quant.requested_procedure = r.text(proc, "RequestedProc");
            quant.previous_procedure = r.text(proc, "PreviousProc");
            for (pugi::xml_node ip : r.children(proc, "InwardProcessingInfo")) {
                std::string waiver = r.text(ip, "DischargeBillWaiver");
                quant.inward_processing.push_back({r.text(ip, "MemberStateAuth"), waiver == "1" ? 1 : 0, r.text(ip, "Authorisation"),
                                                   r.text(ip, "StartTime"), r.text(ip, "EndTime"), r.text(ip, "Deadline")});
            }
            quant.import_area = r.text(r.child(iq, "ImportArea"), "ImportArea");
            for (pugi::xml_node m : r.children(iq, "MeasureProcedureImported")) {
                qreport::ProcedureMeasure pm;
                pm.indicator = r.text(m, "Indicator") == "1" ? 1 : 0;
                pm.quantity = r.measure(m, pm.unit);
                // As cbam verify names the figure; the first such measure of the good is the one shown.
                std::string key = fmt::format("ImportedQuantity[procedure {}{}, area {}]/MeasureProcedureImported[indicator {}]",
                                              quant.requested_procedure, quant.previous_procedure.empty() ? "" : " after " + quant.previous_procedure,
                                              quant.import_area, pm.indicator);
                if (!ig.lines.count(key)) r.mark_measure(ig.lines, m, key);
                quant.measures.push_back(std::move(pm));
            }
            ig.quantities.push_back(std::move(quant));
        }
        for (pugi::xml_node ge : r.children(g, "GoodsEmissions")) {
            qreport::EmissionsEntry e;
            e.lines[""] = r.line_of(ge);
            for (const char* p : {"ProductionCountry", "ProducedMeasure", "DirectEmissions/DeterminationType", "DirectEmissions/DeterminationTypeElectricity",
                                  "DirectEmissions/SpecificEmbeddedEmissions", "DirectEmissions/EmissionFactor", "DirectEmissions/ElectricityImported",
                                  "DirectEmissions/TotalEmbeddedElectricityImported", "IndirectEmissions", "IndirectEmissions/DeterminationType",
                                  "IndirectEmissions/SpecificEmbeddedEmissions", "IndirectEmissions/EmissionFactor",
                                  "IndirectEmissions/ElectricityConsumed", "IndirectEmissions/ElectricitySource"})
                r.mark(e.lines, ge, p);
            e.production_country = r.text(ge, "ProductionCountry");
            if (auto in = r.child(ge, "Installation")) {
                qreport::Installation inst;
                inst.id = r.text(in, "InstallationId");
                inst.name = r.text(in, "InstallationName");
                inst.economic_activity = r.text(in, "EconomicActivity");
                pugi::xml_node a = r.child(in, "Address");
                inst.address = r.address(a, "EstablishmentCountry");
                inst.plot_parcel_number = r.text(a, "PlotParcelNumber");
                inst.unlocode = r.text(a, "UNLOCODE");
                inst.latitude = r.text(a, "Latitude");
                inst.longitude = r.text(a, "Longitude");
                inst.coordinates_type = r.text(a, "CoordinatesType");
                if (auto op = r.child(ge, "InstallationOperator")) {
                    inst.operator_id = r.text(op, "OperatorId");
                    inst.operator_name = r.text(op, "OperatorName");
                    inst.operator_address = r.address(r.child(op, "OperatorAddress"), "Country");
                    for (pugi::xml_node c : r.children(op, "ContactDetails"))
                        inst.contacts.push_back({r.text(c, "Name"), r.text(c, "Phone"), r.text(c, "Email")});
                }
                e.installation = inst;
            }
            e.produced = r.measure(r.child(ge, "ProducedMeasure"), e.produced_unit);
            r.mark_measure(e.lines, r.child(ge, "ProducedMeasure"), "ProducedMeasure");
            pugi::xml_node de = r.child(ge, "DirectEmissions");
            e.direct.determination_type = r.text(de, "DeterminationType");
            e.direct.determination_type_electricity = r.text(de, "DeterminationTypeElectricity");
            e.direct.methodology_type = r.text(de, "ApplicableReportingTypeMethodology");
            e.direct.methodology_text = r.text(de, "ApplicableReportingMethodology");
            e.direct.see = r.number(de, "SpecificEmbeddedEmissions", !ig.electricity).value_or(0);
            e.direct.ef_source_electricity = r.text(de, "EmissionFactorSourceElectricity");
            e.direct.emission_factor = r.number(de, "EmissionFactor", false);
            e.direct.electricity_imported = r.number(de, "ElectricityImported", false);
            e.direct.total_embedded_electricity = r.number(de, "TotalEmbeddedElectricityImported", false);
            e.direct.other_source_indication = r.text(de, "OtherSourceIndication");
            e.direct.ef_source_value = r.text(de, "EmissionFactorSourceValue");
            e.direct.conditionality_fulfillment = r.text(de, "ConditionalityFulfillment");
            if (pugi::xml_node ie = r.child(ge, "IndirectEmissions")) {
                qreport::IndirectEmissions in;
                in.determination_type = r.text(ie, "DeterminationType");
                in.ef_source = r.text(ie, "EmissionFactorSource");
                in.emission_factor = r.number(ie, "EmissionFactor", false);
                in.see = r.number(ie, "SpecificEmbeddedEmissions").value_or(0);
                in.electricity_consumed = r.number(ie, "ElectricityConsumed", false);
                in.electricity_source = r.text(ie, "ElectricitySource");
                in.other_source_indication = r.text(ie, "OtherSourceIndication");
                in.ef_source_value = r.text(ie, "EmissionFactorSourceValue");
                e.indirect = in;
            }
            pugi::xml_node pm = r.child(ge, "ProdMethodQualifyingParams");
            e.method_id = r.text(pm, "MethodId");
            e.steel_mill_number = r.text(pm, "SteelMillNumber");
            e.method_additional_information = r.text(pm, "AdditionalInformation");
            for (pugi::xml_node q : r.children(pm, "DirectQualifyingParameters"))
                e.direct_parameters.push_back({r.text(q, "ParameterId"), r.text(q, "ParameterValue"), r.text(q, "AdditionalInformation")});
            for (pugi::xml_node rm : r.children(ge, "RemarksEmissions")) e.remarks.push_back(r.text(rm, "AdditionalInformation"));
            ig.emissions.push_back(std::move(e));
        }
        q.goods.push_back(std::move(ig));
    }
    return q;
}

std::string qreport_to_csv(const qreport::Report& r) {
    auto opt = [](const std::optional<Decimal>& d) { return d ? d->to_string() : std::string(); };
    // A quantity read in kilograms is divided by 1000, which always terminates.
    auto show = [](const Decimal& d) { return d.is_terminating() ? d.to_string() : d.to_fixed(7); };
    CsvWriter w;
    w.row({"year", "period", "declarant", "role", "item", "cn_code", "origin", "importer", "imported_quantity", "unit", "entry",
           "production_country", "installation_id", "installation_name", "produced_quantity", "produced_unit", "direct_determination", "direct_see",
           "electricity_emission_factor", "electricity_imported", "total_embedded_electricity", "indirect_determination", "indirect_see",
           "indirect_emission_factor", "electricity_consumed", "electricity_source", "embedded_direct_tco2e", "embedded_indirect_tco2e"});
    int item = 0;
    for (const auto& g : r.goods) {
        ++item;
        int entry = 0;
        for (const auto& e : g.emissions) {
            ++entry;
            Decimal dir = g.electricity ? e.direct.total_embedded_electricity.value_or(0) : e.produced * e.direct.see;
            Decimal ind = e.indirect ? e.produced * e.indirect->see : Decimal(0);
            w.row({std::to_string(r.year), r.reporting_period, r.declarant.id, r.declarant.role, std::to_string(item), g.cn_code, g.origin_country,
                   g.importer ? g.importer->id : (r.importer ? r.importer->id : ""), show(g.total), g.unit,
                   std::to_string(entry), e.production_country, e.installation ? e.installation->id : "", e.installation ? e.installation->name : "",
                   show(e.produced), e.produced_unit, g.electricity ? e.direct.determination_type_electricity : e.direct.determination_type,
                   g.electricity ? "" : e.direct.see.to_string(), opt(e.direct.emission_factor), opt(e.direct.electricity_imported),
                   opt(e.direct.total_embedded_electricity), e.indirect ? e.indirect->determination_type : "",
                   e.indirect ? e.indirect->see.to_string() : "", e.indirect ? opt(e.indirect->emission_factor) : "",
                   e.indirect ? opt(e.indirect->electricity_consumed) : "", e.indirect ? e.indirect->electricity_source : "",
                   dir.is_terminating() ? dir.to_string() : dir.to_fixed(7), ind.is_terminating() ? ind.to_string() : ind.to_fixed(7)});
        }
    }
    return w.str();
}

}  // namespace cbam
