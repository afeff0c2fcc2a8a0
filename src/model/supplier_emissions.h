#pragma once

#include "core/decimal.h"
#include "core/error.h"

#include <optional>
#include <string>
#include <vector>

namespace cbam {

// A precursor consumed to make a complex good, as its producer communicated it, for the good's
// free-allocation adjustment (IR (EU) 2025/2620 Annex point 3.3, equations 4 and 5;
// docs/supplier-data.md, precursor files). The specific mass is either given (specific_mass) or
// computed from the mass consumed and an activity level; which activity level divides is a
// reading of equation 5 (docs/free-allocation.md).
struct PrecursorSefaInput {
    std::string cn_code;                // the precursor's CN code (8 digits, or a 10-digit TARIC code)
    std::string country;                // its country of production (ISO 3166-1 alpha-2); empty: unknown origin
    std::string installation_id;        // the installation that produced it, when known
    std::optional<Decimal> specific_mass;           // m_i, t of precursor per t of good, as communicated
    std::optional<Decimal> mass_consumed;           // M_i, t consumed in the period
    std::optional<Decimal> activity_level;          // AL_g, t of the good produced in the same period
    std::optional<Decimal> process_activity_level;  // t of all goods of the process consuming it in the period
    std::optional<Decimal> sefa;        // SEFA_i given by the precursor's producer, tCO2e/t
    bool sefa_verified = false;         // that SEFA is verified (only then is it used, point 3.3(1))
    SourceLocation where;
};

// A postal address as the QReport's AddressType holds it (country ISO 3166-1 alpha-2).
struct PostalAddress {
    std::string country, subdivision, city, street, street_additional, number, postcode, po_box;
};

// A person the registry user can contact at the operator (QReport ContactDetails).
struct ContactPerson {
    std::string name, phone, email;
};

// One production-method qualifying parameter of Annex IV section 2 of Implementing Regulation
// (EU) 2023/1773, named as in cn_codes/qualifying_parameters.csv ("clinker_factor_pct", "mn_pct",
// "main_reducing_agent" ...). Percentages are percent (18.5 for 18.5 %), not fractions.
struct QualifyingParameter {
    std::string name;
    std::string value;  // as communicated: a checked number written exactly, or a text
};

// What an installation communicated for one CN code (docs/supplier-data.md): the output of
// `cbam calc` or a supplier's own communication file.
struct SupplierEmissions {
    std::string installation_id, installation_name, country, city;
    std::string operator_name;
    std::string cn_code;
    Decimal see_direct, see_indirect;  // tCO2e/t (tCO2e/MWh for electricity)
    // Indirect SEE that counts in the definitive period (cbam calc's column; IR 2025/2547 Annex I 3.1)
    std::optional<Decimal> see_indirect_counted;
    std::string route;              // production route letter of the benchmark (C, D, E, K, L, A, B ...)
    bool verified = false;          // an accredited verifier has verified the data (needed from 2026)
    std::string scope;              // cbam calc's scope column: "definitive" when see_indirect_counted follows Annex II
    bool default_values = false;       // determination: default
    std::optional<Decimal> electricity_emission_factor;  // tCO2/MWh
    std::optional<Decimal> electricity_consumed;         // MWh per unit of good
    std::string electricity_source;                      // grid, direct_link, ppa, own_production
    std::string electricity_factor_source;               // where the factor comes from
    std::string period_start, period_end;                // the data's reporting period
    std::string method_id;                               // production method (P01..P48), optional
    // carbon price due in the country of origin, optional
    std::string carbon_price_instrument, carbon_price_legal_act, carbon_price_currency, carbon_price_country;
    std::optional<Decimal> carbon_price_amount;
    // The precursors consumed to make the good (complex goods), for the free-allocation adjustment.
    std::vector<PrecursorSefaInput> precursors;
    // The installation's address beyond country and city (QReport Installation/Address)
    std::string economic_activity;
    std::string subdivision, street, street_additional, number, postcode, po_box, plot_parcel_number;
    std::string unlocode;                                 // UN/LOCODE, e.g. TWKHH
    std::string latitude, longitude;                      // decimal degrees, as communicated
    std::string coordinates_type;                         // code list: 01 GPS, 02 GNSS
    // The operator of the installation (QReport InstallationOperator); operator_name above
    std::string operator_id;
    PostalAddress operator_address;
    std::vector<ContactPerson> operator_contacts;         // at most 9 in the report
    // Production method (Annex IV section 2 of IR 2023/1773)
    std::string steel_mill_number;                        // iron or steel products
    std::vector<QualifyingParameter> qualifying_parameters;
    // Electricity (CN 27160000) on actual data: how the conditions of Annex IV point 5 of
    // Regulation (EU) 2023/956 are met (QReport DirectEmissions/ConditionalityFulfillment)
    std::string conditionality_fulfillment;
    SourceLocation where;
};

}  // namespace cbam
