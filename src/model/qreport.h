// A CBAM quarterly report (QReport, schema 23.00), as plain data: what the writer writes and the
// reader reads back. Field names follow the XML elements; numbers are exact and rounded only by
// the writer, to the fraction digits the schema allows.
#pragma once

#include "core/decimal.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cbam::qreport {

// For a report read from a file: the line of the element holding each figure, keyed by its path
// below the element that owns the map ("MeasureImported", "DirectEmissions/SpecificEmbeddedEmissions"),
// and under "" the line of that element itself. Empty for a report built by cbam.
using SourceLines = std::map<std::string, std::size_t>;

struct Address {
    std::string country;  // not used for the declarant
    std::string subdivision, city, street, street_additional, number, postcode, po_box;
};

struct Party {  // importer or indirect customs representative
    std::string id;  // EORI
    std::string name;
    Address address;
};

struct Declarant {
    std::string id, name;
    std::string role;  // 01 importer for all goods, 02 representative for all goods, 03 mixed
    Address address;
};

struct Signatures {
    bool global_data_confirmation = true;
    bool use_of_data_confirmation = true;
    std::string place, signature, position;
    std::optional<bool> other_methodology;  // ApplicableMethodologyConfirmation
};

struct InwardProcessingInfo {
    std::string member_state_auth;
    int discharge_bill_waiver = 0;
    std::string authorisation;
    std::string start, end, deadline;  // YYYYMMDD
};

struct ProcedureMeasure {
    int indicator = 0;  // 1: CBAM goods in processed products of inward processing
    Decimal quantity;   // t (or MWh for electricity)
    std::string unit = "t";  // as read: "t" (kilograms converted), "MWh", "unit 04"
};

struct ImportedQuantity {
    std::string requested_procedure, previous_procedure;
    std::vector<InwardProcessingInfo> inward_processing;
    std::string import_area;  // EU or EUOTH
    std::vector<ProcedureMeasure> measures;
};

struct Contact {
    std::string name, phone, email;
};

struct Installation {
    std::string id, name, economic_activity;
    Address address;  // address.country is the EstablishmentCountry
    std::string plot_parcel_number, unlocode, latitude, longitude, coordinates_type;
    // InstallationOperator, written when operator_id is given
    std::string operator_id, operator_name;
    Address operator_address;
    std::vector<Contact> contacts;  // at least one with an operator, at most 9
};

struct DirectEmissions {
    std::string determination_type;  // 01 actual, 02 default values
    std::string methodology_type = "TOM01";
    std::string methodology_text;
    Decimal see;  // tCO2e per unit (EMU1)
    // electricity (CN 27160000) only
    std::string determination_type_electricity, ef_source_electricity;
    std::optional<Decimal> emission_factor, electricity_imported, total_embedded_electricity;
    std::string other_source_indication, ef_source_value;
    std::string conditionality_fulfillment;  // actual data: how Annex IV point 5 of Reg. 2023/956 is met
};

struct IndirectEmissions {
    std::string determination_type;
    std::string ef_source;  // 01 other, 02 Commission (IEA)
    std::optional<Decimal> emission_factor;        // tCO2/MWh
    Decimal see;
    std::optional<Decimal> electricity_consumed;   // MWh per unit of good
    std::string electricity_source = "SOE03";
    std::string other_source_indication, ef_source_value;
};

struct CarbonPriceDue {
    std::string instrument_type, legal_act;
    Decimal amount;
    std::string currency, country;
    Decimal quantity_covered, quantity_covered_free_allocation;
};

struct QualifyingParameter {
    std::string id;     // ParameterId (QPD01 ...)
    std::string value;  // ParameterValue
    std::string additional_information;
};

struct EmissionsEntry {
    std::string production_country;
    std::optional<Installation> installation;
    Decimal produced;  // t (MWh for electricity)
    std::string produced_unit = "t";  // as read: "t" (kilograms converted), "MWh", "unit 04"
    DirectEmissions direct;
    std::optional<IndirectEmissions> indirect;  // absent for electricity
    // ProdMethodQualifyingParams, written when method_id is given
    std::string method_id;
    std::string steel_mill_number, method_additional_information;
    std::vector<QualifyingParameter> direct_parameters;
    std::optional<CarbonPriceDue> carbon_price;
    std::vector<std::string> remarks;
    SourceLines lines;  // "" the <GoodsEmissions>; its figures by path
};

struct ImportedGood {
    std::optional<Party> importer, representative;  // per good only with role 03
    std::string cn_code, description;
    std::string origin_country;
    std::vector<ImportedQuantity> quantities;  // at most 9
    Decimal total;                             // t, or MWh for electricity
    std::string unit = "t";                    // as read: "t" (kilograms converted), "MWh", "unit 04"
    bool electricity = false;                  // quantities are SupplementaryUnits in MWh
    std::string remarks;
    std::vector<EmissionsEntry> emissions;  // at most 999
    SourceLines lines;  // "" the <ImportedGood>; "MeasureImported", "ImportedQuantity[procedure ...]" as verify names them
};

struct Report {
    std::string reporting_period;  // Q1..Q4
    int year = 0;
    Declarant declarant;
    std::optional<Party> importer, representative;
    Signatures signatures;
    std::string remarks;
    std::vector<ImportedGood> goods;  // at most 99 999
    SourceLines lines;  // "Year", "ReportingPeriod", "Declarant/IdentificationNumber", "Declarant/Role"
};

}  // namespace cbam::qreport
