#include "writers/qreport_writer.h"

#include <pugixml.hpp>

#include <sstream>

namespace cbam {

namespace {

// Fraction digits of the stypes.xsd decimal types.
constexpr int kDec16_6 = 6;  // quantities
constexpr int kDec16_7 = 7;  // specific embedded emissions, electricity factors
constexpr int kDec16_5 = 5;  // indirect emission factor, quantities covered
constexpr int kDec5_5 = 5;   // electricity consumed per unit

// Strip trailing zeros of a fixed-point text ("12.500000" -> "12.5", "3.000" -> "3").
std::string trimmed(std::string s) {
    if (s.find('.') == std::string::npos) return s;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

class Builder {
public:
    explicit Builder(pugi::xml_node n) : n_(n) {}
    Builder add(const char* name) { return Builder(n_.append_child(name)); }
    void text(const char* name, const std::string& value) { n_.append_child(name).text().set(value.c_str()); }
    void text_if(const char* name, const std::string& value) {
        if (!value.empty()) text(name, value);
    }
    void number(const char* name, const Decimal& v, int digits) { text(name, trimmed(v.to_fixed(digits))); }
    void fixed(const char* name, const Decimal& v, int digits) { text(name, v.to_fixed(digits)); }
    pugi::xml_node node() const { return n_; }

private:
    pugi::xml_node n_;
};

void address(Builder b, const qreport::Address& a, bool with_country, const char* country_element = "Country") {
    if (with_country) b.text(country_element, a.country);
    b.text_if("SubDivision", a.subdivision);
    b.text("City", a.city);
    b.text_if("Street", a.street);
    b.text_if("StreetAdditionalLine", a.street_additional);
    b.text_if("Number", a.number);
    b.text_if("Postcode", a.postcode);
    b.text_if("POBox", a.po_box);
}

void party(Builder parent, const char* element, const char* address_element, const qreport::Party& p) {
    Builder b = parent.add(element);
    b.text("IdentificationNumber", p.id);
    b.text("Name", p.name);
    address(b.add(address_element), p.address, true);
}

void measure(Builder b, const Decimal& q, bool electricity) {
    if (electricity) {
        b.number("SupplementaryUnits", q, kDec16_6);
        b.text("MeasurementUnit", "03");
    } else {
        b.number("NetMass", q, kDec16_6);
        b.text("MeasurementUnit", "01");
    }
}

void emissions(Builder ge, const qreport::EmissionsEntry& e, bool electricity, const std::string& cn) {
    ge.text_if("ProductionCountry", e.production_country);
    if (e.installation) {
        const auto& i = *e.installation;
        if (!i.operator_id.empty()) {
            Builder op = ge.add("InstallationOperator");
            op.text("OperatorId", i.operator_id);
            op.text("OperatorName", i.operator_name);
            address(op.add("OperatorAddress"), i.operator_address, true);
            for (const auto& contact : i.contacts) {
                Builder c = op.add("ContactDetails");
                c.text("Name", contact.name);
                c.text("Phone", contact.phone);
                c.text("Email", contact.email);
            }
        }
        Builder in = ge.add("Installation");
        in.text("InstallationId", i.id);
        in.text("InstallationName", i.name);
        in.text_if("EconomicActivity", i.economic_activity);
        Builder a = in.add("Address");
        address(a, i.address, true, "EstablishmentCountry");
        a.text_if("PlotParcelNumber", i.plot_parcel_number);
        a.text_if("UNLOCODE", i.unlocode);
        a.text_if("Latitude", i.latitude);
        a.text_if("Longitude", i.longitude);
        a.text_if("CoordinatesType", i.coordinates_type);
    }
    measure(ge.add("ProducedMeasure"), e.produced, electricity);
    Builder d = ge.add("DirectEmissions");
    const auto& de = e.direct;
    if (electricity) {
        d.text("DeterminationTypeElectricity", de.determination_type_electricity);
        d.text("ApplicableReportingTypeMethodology", de.methodology_type);
        d.text_if("ApplicableReportingMethodology", de.methodology_text);
        d.text_if("OtherSourceIndication", de.other_source_indication);
        d.text_if("EmissionFactorSourceElectricity", de.ef_source_electricity);
        if (de.emission_factor) d.fixed("EmissionFactor", *de.emission_factor, kDec16_7);
        if (de.electricity_imported) d.number("ElectricityImported", *de.electricity_imported, kDec16_6);
        if (de.total_embedded_electricity) d.fixed("TotalEmbeddedElectricityImported", *de.total_embedded_electricity, kDec16_7);
        d.text("MeasurementUnit", "EMU1");
        d.text_if("EmissionFactorSourceValue", de.ef_source_value);
        d.text_if("ConditionalityFulfillment", de.conditionality_fulfillment);
    } else {
        d.text("DeterminationType", de.determination_type);
        d.text("ApplicableReportingTypeMethodology", de.methodology_type);
        d.text_if("ApplicableReportingMethodology", de.methodology_text);
        d.fixed("SpecificEmbeddedEmissions", de.see, kDec16_7);
        d.text("MeasurementUnit", "EMU1");
    }
    if (e.indirect) {
        const auto& ie = *e.indirect;
        Builder i = ge.add("IndirectEmissions");
        i.text("DeterminationType", ie.determination_type);
        i.text_if("EmissionFactorSource", ie.ef_source);
        if (ie.emission_factor) i.fixed("EmissionFactor", *ie.emission_factor, kDec16_5);
        i.fixed("SpecificEmbeddedEmissions", ie.see, kDec16_7);
        i.text("MeasurementUnit", "EMU1");
        if (ie.electricity_consumed) i.fixed("ElectricityConsumed", *ie.electricity_consumed, kDec5_5);
        i.text("ElectricitySource", ie.electricity_source);
        i.text_if("OtherSourceIndication", ie.other_source_indication);
        i.text_if("EmissionFactorSourceValue", ie.ef_source_value);
    }
    if (!e.method_id.empty()) {
        Builder p = ge.add("ProdMethodQualifyingParams");
        p.text("SequenceNumber", "1");
        p.text("MethodId", e.method_id);
        p.text_if("SteelMillNumber", e.steel_mill_number);
        p.text_if("AdditionalInformation", e.method_additional_information);
        int pseq = 1;
        for (const auto& q : e.direct_parameters) {
            Builder qb = p.add("DirectQualifyingParameters");
            qb.text("SequenceNumber", std::to_string(pseq++));
            qb.text("ParameterId", q.id);
            qb.text("ParameterValue", q.value);
            qb.text_if("AdditionalInformation", q.additional_information);
        }
    }
    if (e.carbon_price) {
        const auto& cp = *e.carbon_price;
        Builder c = ge.add("CarbonPriceDue");
        c.text("SequenceNumber", "1");
        c.text("InstrumentType", cp.instrument_type);
        c.text("LegalActDescription", cp.legal_act);
        c.number("Amount", cp.amount, 2);
        c.text("Currency", cp.currency);
        c.text("Country", cp.country);
        Builder pc = c.add("ProductsCovered");
        pc.text("SequenceNumber", "1");
        pc.text("Type", "TPC01");
        pc.text("CN", cn);
        pc.fixed("QuantityCovered", cp.quantity_covered, kDec16_5);
        pc.fixed("QuantityCoveredFreeAloc", cp.quantity_covered_free_allocation, kDec16_5);
        measure(pc.add("Measure"), e.produced, electricity);
    }
    int seq = 1;
    for (const auto& r : e.remarks) {
        Builder rb = ge.add("RemarksEmissions");
        rb.text("SequenceNumber", std::to_string(seq++));
        rb.text("AdditionalInformation", r);
    }
}

}  // namespace

std::string write_qreport(const qreport::Report& r) {
    pugi::xml_document doc;
    pugi::xml_node decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    pugi::xml_node root = doc.append_child("QReport");
    root.append_attribute("xmlns") = kQReportNamespace;
    Builder q(root);
    q.text("ReportingPeriod", r.reporting_period);
    q.text("Year", std::to_string(r.year));
    Builder d = q.add("Declarant");
    d.text("IdentificationNumber", r.declarant.id);
    d.text("Name", r.declarant.name);
    d.text("Role", r.declarant.role);
    address(d.add("ActorAddress"), r.declarant.address, false);
    if (r.representative) party(q, "Representative", "RepresentativeAddress", *r.representative);
    if (r.importer) party(q, "Importer", "ImporterAddress", *r.importer);
    Builder s = q.add("Signatures");
    Builder rc = s.add("ReportConfirmation");
    rc.text("GlobalDataConfirmation", r.signatures.global_data_confirmation ? "true" : "false");
    rc.text("UseOfDataConfirmation", r.signatures.use_of_data_confirmation ? "true" : "false");
    rc.text("SignaturePlace", r.signatures.place);
    rc.text("Signature", r.signatures.signature);
    rc.text("PositionOfPersonSending", r.signatures.position);
    if (r.signatures.other_methodology)
        s.add("ApplicableMethodologyConfirmation").text("OtherApplicableReportingMethodology", *r.signatures.other_methodology ? "true" : "false");
    if (!r.remarks.empty()) q.add("Remarks").text("AdditionalInformation", r.remarks);

    int item = 1;
    for (const auto& g : r.goods) {
        Builder gb = q.add("ImportedGood");
        gb.text("ItemNumber", std::to_string(item++));
        if (g.representative) party(gb, "Representative", "RepresentativeAddress", *g.representative);
        if (g.importer) party(gb, "Importer", "ImporterAddress", *g.importer);
        Builder cc = gb.add("CommodityCode");
        cc.text("HsCode", g.cn_code.substr(0, 6));
        cc.text("CnCode", g.cn_code);
        Builder det = cc.add("CommodityDetails");
        det.text_if("Description", g.description);
        gb.add("OriginCountry").text("Country", g.origin_country);
        int seq = 1;
        for (const auto& iq : g.quantities) {
            Builder qb = gb.add("ImportedQuantity");
            qb.text("SequenceNumber", std::to_string(seq++));
            Builder p = qb.add("Procedure");
            p.text("RequestedProc", iq.requested_procedure);
            p.text_if("PreviousProc", iq.previous_procedure);
            for (const auto& ip : iq.inward_processing) {
                Builder ib = p.add("InwardProcessingInfo");
                ib.text("MemberStateAuth", ip.member_state_auth);
                ib.text("DischargeBillWaiver", std::to_string(ip.discharge_bill_waiver));
                ib.text("Authorisation", ip.authorisation);
                ib.text("StartTime", ip.start);
                ib.text("EndTime", ip.end);
                ib.text("Deadline", ip.deadline);
            }
            qb.add("ImportArea").text("ImportArea", iq.import_area);
            for (const auto& m : iq.measures) {
                Builder mb = qb.add("MeasureProcedureImported");
                mb.text("Indicator", std::to_string(m.indicator));
                measure(mb, m.quantity, g.electricity);
            }
        }
        measure(gb.add("MeasureImported"), g.total, g.electricity);
        if (!g.remarks.empty()) gb.add("Remarks").text("AdditionalInformation", g.remarks);
        int eseq = 1;
        for (const auto& e : g.emissions) {
            Builder ge = gb.add("GoodsEmissions");
            ge.text("SequenceNumber", std::to_string(eseq++));
            emissions(ge, e, g.electricity, g.cn_code);
        }
    }
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
}

}  // namespace cbam
