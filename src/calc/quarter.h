// One quarter's CBAM report from customs lines, suppliers' emissions data and default values.
//
// Lines are streamed in (add) and folded into goods as they come: one ImportedGood per CN code,
// country of origin and (where the role needs it) importer and representative; one
// ImportedQuantity per customs procedure; one emissions entry per producing installation, plus
// one on default values for the quantity whose installation is unknown. What is not reportable in
// the quarter (not a CBAM good, customs warehousing, inward processing not yet discharged, an
// exempt origin) is set aside with the reason. Goods come out sorted, so the report does not
// depend on the order of the lines.
#pragma once

#include "core/decimal.h"
#include "model/supplier_data.h"
#include "model/customs_line.h"
#include "model/qreport.h"
#include "model/report_settings.h"
#include "registry/cn_registry.h"
#include "registry/countries.h"
#include "registry/default_values.h"

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace cbam {

struct Quarter {
    int year = 0, quarter = 0;
    std::string first_day, last_day;  // YYYY-MM-DD
    static std::optional<Quarter> parse(std::string_view text);  // "2025Q4" or "2025-Q4"
    std::string label() const;                                   // "2025Q4"
};

// Lines set aside come by the hundred thousand for a handful of files and reasons: those texts are
// shared between them, not copied.
struct SkippedLine {
    std::shared_ptr<const std::string> file;  // the customs file
    std::size_t line = 0;
    std::string declaration, item, cn_code, origin;
    Decimal quantity;
    std::shared_ptr<const std::string> reason;
    // Why, as a code for counting and translating: not_cbam_good, procedure, eu_origin, exempt_origin.
    std::string reason_code;
};

// Per good of the report: the figures an importer checks before filing.
struct GoodSummary {
    std::string cn_code, origin;
    bool electricity = false, complex = false;
    Decimal quantity;                    // t (MWh for electricity)
    Decimal direct, indirect;            // tCO2e embedded
    Decimal from_default_values;         // tCO2e of the entries on default values
    std::size_t installations = 0;
    // A complex good whose share of default values is above the 20 % that estimates may make up
    // (IR 2023/1773 Art. 5); a warning says so too.
    bool default_limit_exceeded = false;
    // The transitional default value used for the entry without an installation: its row and the
    // confidence of its transcription (cn_codes/SOURCES.md); empty when none was used.
    std::string default_value_row;
    std::optional<Confidence> default_value_confidence;
    Decimal total() const { return direct + indirect; }
    Decimal default_share() const;       // 0..1
};

// One emissions entry of the report with the embedded emissions it stands for.
struct EntryFigures {
    std::string cn_code, origin;
    std::string installation_id, installation_name, production_country;  // id empty: default values
    bool default_values = false;
    Decimal quantity;         // t (MWh for electricity)
    Decimal direct, indirect; // tCO2e embedded
};

// Something the registry asks for that the inputs do not hold, per emissions entry: the report is
// still valid, but a registry user would see the field empty (or, for the city, a dash).
struct MissingData {
    std::string cn_code, origin, installation_id;
    std::string section;  // as the registry's form names it: "Installation operator", "Installation address" ...
    std::string what;     // what is missing, and what the report holds instead
    SourceLocation where; // the supplier row
};

struct QuarterResult {
    qreport::Report report;
    // How each emissions entry was obtained, keyed "CN|origin|installation" ("" installation: default
    // values): the customs lines summed (up to 20 named, then a count) and the source of its SEE.
    std::map<std::string, std::string> provenance;
    std::vector<GoodSummary> summary;
    std::vector<EntryFigures> entries;  // in the report's order
    std::deque<SkippedLine> skipped;  // a deque: grown line by line without moving the lines
    std::vector<std::string> warnings;
    std::vector<MissingData> missing;
    std::size_t lines_read = 0, lines_reported = 0;
};

class QuarterBuilder {
public:
    QuarterBuilder(Quarter q, ReportSettings settings, const SupplierData& suppliers,
                   const TransitionalDefaults& defaults = TransitionalDefaults::builtin(), const CnRegistry& cn = CnRegistry::builtin(),
                   const Countries& countries = Countries::builtin());
    ~QuarterBuilder();
    // Transitional default values whose transcription has a confidence below medium are used only
    // when allowed (the user's explicit option); each use is then a warning.
    void allow_low_confidence_defaults(bool allow);
    // Adds one line; problems go to `diags` with the line's location.
    void add(const CustomsLine& line, Diagnostics& diags);
    // The report; problems found while assembling (limits, missing data) go to `diags`.
    QuarterResult finish(Diagnostics& diags);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace cbam
