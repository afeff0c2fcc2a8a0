// The annual declaration's figures as CSV, JSON and XML, and the status of every customs line.
// Rounded here, once: SEE 5 decimals, tonnes and certificates 3 decimals per good, the total of
// certificates to full tonnes (IR (EU) 2025/2547 Annex II A.1(6)), euros 2 decimals; half away
// from zero.
//
// The XML uses the project's own namespace (kDeclarationNamespace), described by
// schemas/annual-declaration-figures-1.xsd: no official schema for the annual CBAM declaration is
// public yet, and the file says so.
#pragma once

#include "calc/declaration.h"
#include "calc/year_figures.h"
#include "model/report_settings.h"
#include "writers/line_status_writer.h"

#include <string>

namespace cbam {

inline constexpr const char* kDeclarationNamespace = "urn:x-cbam-tool:annual-declaration-figures:1";
inline constexpr const char* kNoOfficialSchema =
    "No official XML schema for the annual CBAM declaration is public yet. This file carries the declaration's figures in the "
    "cbam project's own namespace (schemas/annual-declaration-figures-1.xsd); it is not a filing.";

std::string declaration_to_csv(const DeclarationResult& r);
std::string declaration_to_json(const DeclarationResult& r, const ReportSettings& s);
std::string declaration_to_xml(const DeclarationResult& r, const ReportSettings& s);
std::string declaration_to_table(const DeclarationResult& r);
// The totals by importer and installation (FILE.totals.csv), what each installation's actual data
// saves against default values (FILE.savings.csv), and a quarterly holding check.
std::string year_totals_to_csv(const DeclarationResult& r, const std::vector<YearTotalsRow>& rows);
std::string comparisons_to_csv(const DeclarationResult& r, const std::vector<ActualDataComparison>& comparisons);
std::string holding_to_csv(const HoldingCheck& h);
// Certificates to surrender for the year: the total rounded to full tonnes.
Decimal certificates_to_surrender(const DeclarationResult& r);

}  // namespace cbam
