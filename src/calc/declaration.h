// The definitive period (from 2026): the annual CBAM declaration's figures and the certificates
// owed, from a year's customs lines, suppliers' verified emissions data and the default values.
//
// Per customs line: is it counted (released for free circulation, a CBAM good, not of an EU or
// exempt origin, and its importer above the 50-tonne de minimis of Art. 2a)? Per good (importer,
// CN code, origin, installation) and quarter of import:
//   SEE counted    = actual verified data (direct, plus indirect for goods outside Annex II), or
//                    the default value's Total column x (1 + the year's mark-up); electricity on
//                    default values: IR (EU) 2025/2621 Annex III, the EU value where a country has none
//   embedded       = quantity x SEE counted
//   SEFA           = CBAM factor x CSCF x benchmark (column A with actual data, B with defaults;
//                    IR (EU) 2025/2620 equations 2, 3 and 6); for a complex good on actual data
//                    plus, per precursor, specific mass x the precursor's SEFA (equations 4 and 5;
//                    docs/free-allocation.md)
//   FA adjustment  = SEFA x quantity
//   deduction      = carbon price paid (EUR/t, net of rebates) x emissions it covers / certificate price
//   certificates   = max(0, embedded - FA adjustment - deduction), cost = certificates x price
#pragma once

#include "calc/traced.h"
#include "model/supplier_data.h"
#include "model/customs_line.h"
#include "model/declaration_inputs.h"
#include "registry/cn_registry.h"
#include "registry/countries.h"
#include "registry/definitive_data.h"
#include "registry/electricity_factors.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cbam {

// What happened to one customs line.
struct LineStatus {
    SourceLocation where;
    std::string declaration, item, importer, cn_code, origin;
    Decimal quantity;  // t, or MWh for electricity
    std::string status;  // counted, de minimis, not reportable, out of scope
    std::string reason;
    // Counted, of a sector under the 50 t de minimis, while its importer's mass so far is not above
    // 50 t: becomes "de minimis" if the importer turns out exempt, which is known only once every
    // line is read (de_minimis_reason). Lines counted once the importer is above 50 t are final.
    bool may_be_de_minimis = false;
};

// A line's status as it is streamed (DeclarationBuilder::stream_lines): the same fields, as views
// of the line being added, valid only during the call.
struct LineStatusView {
    const SourceLocation& where;
    std::string_view declaration, item, importer, cn_code, origin;
    const Decimal& quantity;
    std::string_view status, reason;
    bool may_be_de_minimis;
};
inline LineStatusView view_of(const LineStatus& l) {
    return {l.where, l.declaration, l.item, l.importer, l.cn_code, l.origin, l.quantity, l.status, l.reason, l.may_be_de_minimis};
}

// How many lines ended in each status.
struct LineCounts {
    std::size_t counted = 0, de_minimis = 0, other = 0;  // other: not reportable or out of scope
};

struct ImporterMass {
    std::string importer;
    Decimal de_minimis_mass;  // t of cement, iron and steel, aluminium and fertiliser goods in the year
    bool exempt = false;      // at or below 50 t
};

// One term of a good's SEFA: its own production process, or one precursor.
struct SefaPart {
    std::string precursor_cn;  // empty: the good's own process term (SFAProc)
    std::string precursor_country;
    std::string basis;         // how the precursor's SEFA was obtained
    std::optional<Traced> specific_mass;  // t/t, precursors only
    std::optional<Traced> precursor_sefa;  // tCO2e/t of precursor, precursors only
    Traced value;              // tCO2e per t of good
};

// How one good is counted, for one basis (actual data or default values).
struct Valuation {
    bool actual = false;
    std::string basis;  // "actual verified data of installation X" / "default value: ..."
    std::string route;  // production route used for the benchmark
    Traced see_direct, see_indirect_counted, see_total;  // tCO2e per unit
    std::string benchmark_column;                        // A or B, empty without a benchmark
    Traced benchmark;                                     // tCO2e/t (0 without a benchmark)
    Traced sefa;  // CBAM factor x CSCF x benchmark, plus the precursors' terms for a complex good
    std::vector<SefaPart> sefa_parts;  // complex goods on actual data: the process term, then each precursor
    // Inputs missing for a complete SEFA (complex goods on actual data): the adjustment then lacks
    // their terms and the certificates are an upper bound.
    std::vector<std::string> missing;
    std::vector<std::string> notes;
};

// One quarter's imports of a good at one certificate price period.
struct QuarterFigures {
    int quarter = 0;
    Traced quantity, embedded, fa_adjustment, deduction, certificates, cost;
    std::size_t price_index = 0;  // into the certificate prices
};

struct DeclarationEntry {
    std::string importer, cn_code, taric_code, origin, installation_id;  // installation empty: none named
    std::string production_country;  // the installation's country when its data is given, else the origin
    std::string sector;
    bool electricity = false;
    Valuation valuation;
    std::vector<QuarterFigures> quarters;  // quarters with imports, in order
    Traced quantity, embedded, fa_adjustment, deduction, certificates, cost;  // year totals
    const CarbonPricePaid* carbon_price = nullptr;
};

// The year's factors used for every good, with their sources.
struct YearFactors {
    Traced cbam_factor, cscf;
    std::string cscf_supplied_by;  // non-empty: the CSCF is not published and was supplied by the user
};

struct DeclarationResult {
    int year = 0;
    YearFactors factors;
    std::vector<DeclarationEntry> entries;  // sorted by importer, CN code, origin, installation
    std::vector<LineStatus> lines;          // every line read, in file order (empty when streamed)
    LineCounts line_counts;
    std::vector<ImporterMass> importers;
    Decimal embedded, fa_adjustment, deduction, certificates, cost;  // totals over entries
    std::vector<std::string> warnings;
};

struct DeclarationData {
    const DefinitiveDefaults* defaults = &DefinitiveDefaults::builtin();
    const Benchmarks* benchmarks = &Benchmarks::builtin();
    const PhaseInTable* phase_in = &PhaseInTable::builtin();
    const CnRegistry* cn = &CnRegistry::builtin();
    const Countries* countries = &Countries::builtin();
    const HighestDefaults* highest = &HighestDefaults::builtin();                // Annex IV
    const CountryFactors* electricity = &CountryFactors::electricity_builtin();  // Annex III
    const RouteIndicators* indicators = &RouteIndicators::builtin();
};

// Equation 5 of IR (EU) 2025/2620 (specific mass of a precursor, m_i = M_i / AL) is written with
// two denominators in the sources: the activity level of the good g (the default, as the
// regulation's definition of m_i reads "per tonne of good g"), or that of the production process
// consuming the precursor in the year (docs/free-allocation.md).
enum class SpecificMassDenominator { Good, Process };

// A cross-sectoral correction factor not yet published, supplied by the user for a year.
struct SuppliedCscf {
    Decimal value;
    std::string supplied_by;  // who supplies it, and on what basis
};

struct DeclarationOptions {
    SpecificMassDenominator denominator = SpecificMassDenominator::Good;
    std::optional<SuppliedCscf> cscf;
    unsigned threads = 1;  // finish() values the goods on this many threads (1 or 2): the same result
};

// Why `year` cannot be declared with the data (and a CSCF supplied or not), or "" when it can:
// before 2026, no CBAM factor, a CSCF not yet published and not supplied, or one supplied for a
// year whose factor is published.
std::string year_factors_problem(int year, bool cscf_supplied, const PhaseInTable& table = PhaseInTable::builtin());

inline constexpr int kDe_minimis_tonnes = 50;  // CBAM Reg Art. 2a (Regulation (EU) 2025/2083)

// Why a line of `importer` added as counted, in a sector under the de minimis, is "de minimis"
// instead; nullopt when the importer is not exempt.
std::optional<std::string> de_minimis_reason(const DeclarationResult& r, const std::string& importer);

// Certificates to hold at the end of a quarter (CBAM Reg Art. 22(2) as amended by Regulation (EU)
// 2025/2083): 50 % of the certificates for the goods imported from 1 January to that quarter's end,
// valued on default values with the year's factors (a good without a default value on its declared
// values), net of the free-allocation adjustment and without carbon price deductions.
struct HoldingCheck {
    std::string date;      // the quarter's last day
    int quarter = 0;
    Decimal certificates_at_defaults;  // for the imports of Q1..quarter
    Decimal required;                  // 50 % of it
    std::optional<Decimal> held;
    std::vector<std::string> notes;
};

class DeclarationBuilder {
public:
    // Throws InputError when `year` cannot be declared (year_factors_problem).
    DeclarationBuilder(int year, const SupplierData& suppliers, const std::vector<CarbonPricePaid>& carbon_prices,
                       const std::vector<CertificatePrice>& prices, DeclarationData data = {}, DeclarationOptions options = {});
    ~DeclarationBuilder();
    // Hands each line's status to `sink` as the line is added, instead of keeping it in
    // DeclarationResult::lines, so that memory does not grow with the number of lines. A status
    // is then provisional: a counted line with may_be_de_minimis set is settled by
    // de_minimis_reason once finish() has returned. Call before the first add().
    void stream_lines(std::function<void(const LineStatusView&)> sink);
    void add(const CustomsLine& line, Diagnostics& diags);
    DeclarationResult finish(Diagnostics& diags);

    // The valuation of a good on default values, and on an installation's data (verified or not):
    // for comparing what actual data would save.
    std::optional<Valuation> value_at_defaults(const std::string& cn, const std::string& taric, const std::string& country, std::string& why) const;
    std::optional<Valuation> value_at_actual(const std::string& cn, const SupplierEmissions& s, std::string& why) const;
    // The entry's quarters valued at `v` instead (no carbon price deduction): same quantities and prices.
    std::vector<QuarterFigures> revalue(const DeclarationEntry& e, const Valuation& v) const;
    // Throws InputError when `date` is not the last day of a quarter of the declaration's year.
    HoldingCheck holding(const DeclarationResult& r, const std::string& date, std::optional<Decimal> held) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace cbam
