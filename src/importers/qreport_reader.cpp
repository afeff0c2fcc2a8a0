#include "importers/qreport_reader.h"

#include "importers/qreport_dom.h"
#include "writers/csv_writer.h"

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
    static std::string path_of(pugi::xml_node n) { return xml::path_of(n, false); }
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
        out.number = text(a, "Number");
        out.postcode = text(a, "Postcode");
        return out;
    }
    qreport::Party party(pugi::xml_node p, const char* addr) {
        return {text(p, "IdentificationNumber"), text(p, "Name"), address(child(p, addr), "Country")};
    }
    // Quantity of a measure: NetMass, or SupplementaryUnits for electricity.
    Decimal measure(pugi::xml_node m) {
        if (child(m, "NetMass")) return number(m, "NetMass").value_or(0);
        return number(m, "SupplementaryUnits").value_or(0);
    }
};

}  // namespace

std::optional<qreport::Report> read_qreport(const std::string& xml, const std::string& name, Diagnostics& diags) {
    QReportDom dom(xml);
    switch (dom.problem()) {
        case QReportDom::Problem::Doctype:
            diags.add({name, 1, 0, ""}, "the file has a DOCTYPE declaration; CBAM reports never do, so it is not read");
            return std::nullopt;
        case QReportDom::Problem::Malformed:
            diags.add({name, dom.problem_line(), 0, ""}, fmt::format("not well-formed XML: {}", dom.problem_detail()));
            return std::nullopt;
        case QReportDom::Problem::NotQReport:
            diags.add({name, dom.problem_line(), 0, ""},
                      fmt::format("the root element is <{}>, not <QReport>: not a CBAM quarterly report", dom.problem_detail()));
            return std::nullopt;
        case QReportDom::Problem::None: break;
    }
    Reader r{dom, name, diags};
    pugi::xml_node root = dom.root();
    qreport::Report q;
    q.reporting_period = r.text(root, "ReportingPeriod");
    std::string year = r.text(root, "Year");
    q.year = year.size() == 4 && std::all_of(year.begin(), year.end(), ::isdigit) ? std::stoi(year) : 0;
    if (!q.year) diags.add({name, r.line_of(r.child(root, "Year")), 0, "/QReport/Year"}, fmt::format("expected a 4-digit year, found \"{}\"", year));
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
    for (pugi::xml_node g : r.children(root, "ImportedGood")) {
        qreport::ImportedGood ig;
        if (auto i = r.child(g, "Importer")) ig.importer = r.party(i, "ImporterAddress");
        if (auto p = r.child(g, "Representative")) ig.representative = r.party(p, "RepresentativeAddress");
        pugi::xml_node cc = r.child(g, "CommodityCode");
        ig.cn_code = r.text(cc, "CnCode");
        ig.description = r.text(r.child(cc, "CommodityDetails"), "Description");
        ig.origin_country = r.text(r.child(g, "OriginCountry"), "Country");
        pugi::xml_node mi = r.child(g, "MeasureImported");
        ig.electricity = !r.child(mi, "NetMass") && r.child(mi, "SupplementaryUnits");
        ig.total = r.measure(mi);
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
            for (pugi::xml_node m : r.children(iq, "MeasureProcedureImported"))
                quant.measures.push_back({r.text(m, "Indicator") == "1" ? 1 : 0, r.measure(m)});
            ig.quantities.push_back(std::move(quant));
        }
        for (pugi::xml_node ge : r.children(g, "GoodsEmissions")) {
            qreport::EmissionsEntry e;
            e.production_country = r.text(ge, "ProductionCountry");
            if (auto in = r.child(ge, "Installation")) {
                qreport::Installation inst;
                inst.id = r.text(in, "InstallationId");
                inst.name = r.text(in, "InstallationName");
                inst.economic_activity = r.text(in, "EconomicActivity");
                inst.address = r.address(r.child(in, "Address"), "EstablishmentCountry");
                if (auto op = r.child(ge, "InstallationOperator")) {
                    inst.operator_id = r.text(op, "OperatorId");
                    inst.operator_name = r.text(op, "OperatorName");
                }
                e.installation = inst;
            }
            e.produced = r.measure(r.child(ge, "ProducedMeasure"));
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
            e.method_id = r.text(r.child(ge, "ProdMethodQualifyingParams"), "MethodId");
            for (pugi::xml_node rm : r.children(ge, "RemarksEmissions")) e.remarks.push_back(r.text(rm, "AdditionalInformation"));
            ig.emissions.push_back(std::move(e));
        }
        q.goods.push_back(std::move(ig));
    }
    return q;
}

std::string qreport_to_csv(const qreport::Report& r) {
    auto opt = [](const std::optional<Decimal>& d) { return d ? d->to_string() : std::string(); };
    CsvWriter w;
    w.row({"year", "period", "declarant", "role", "item", "cn_code", "origin", "importer", "imported_quantity", "unit", "entry",
           "production_country", "installation_id", "installation_name", "produced_quantity", "direct_determination", "direct_see",
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
                   g.importer ? g.importer->id : (r.importer ? r.importer->id : ""), g.total.to_string(), g.electricity ? "MWh" : "t",
                   std::to_string(entry), e.production_country, e.installation ? e.installation->id : "", e.installation ? e.installation->name : "",
                   e.produced.to_string(), g.electricity ? e.direct.determination_type_electricity : e.direct.determination_type,
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
