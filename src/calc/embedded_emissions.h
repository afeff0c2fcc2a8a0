// Specific embedded emissions (SEE) of every good of an installation.
//
//   simple goods:  SEE = AttrEm / AL                                  (CBAM Reg Annex IV point 2)
//   complex goods: SEE = (AttrEm + Σ_i M_i × SEE_i) / AL               (IR 2025/2547 Annex III B Eq. 59-60)
// separately for direct and indirect emissions; precursors made in the installation are resolved
// in dependency order, and processes that feed each other (a precursor loop) are solved together
// as an exact linear system; the same precursor from several suppliers is kept apart, and a
// precursor produced in the EU or an exempt origin counts as zero. Where several processes (routes)
// make the same good, its SEE is the production-weighted average Σ AL_r × SEE_r / Σ AL_r.
#pragma once

#include "calc/attribution.h"
#include "calc/scope.h"
#include "calc/see_breakdown.h"
#include "calc/traced.h"
#include "model/installation.h"
#include "registry/cn_registry.h"
#include "registry/countries.h"

#include <string>
#include <string_view>
#include <vector>

namespace cbam {

struct PrecursorContribution {
    const PrecursorInput* input = nullptr;
    std::string origin;        // "process P" or "supplier S (country)"
    bool counted_as_zero = false;  // produced in the EU or an exempt origin
    bool default_values = false;   // default values behind it: the supplier's figures, or (made in the installation) its own precursors
    Traced mass;                   // t
    Traced see_direct, see_indirect, see_indirect_counted;  // per t of precursor
    Traced embedded_direct, embedded_indirect, embedded_indirect_counted;  // tCO2e
};

struct ProcessResult {
    const ProductionProcess* process = nullptr;
    Unit good_unit;  // t, or MWh for electricity
    Traced activity_level;
    AttributedEmissions attributed;
    std::vector<PrecursorContribution> precursors;
    Traced see_direct, see_indirect;
    // Indirect emissions that count under the definitive-period rules (IR 2025/2547 Annex I 3.1):
    // none of the good's own when it is in Annex II, and a precursor's only when that precursor
    // is not in Annex II.
    Traced see_indirect_counted;
    // The process's own attributed indirect emissions that count (tCO2e): all of them, or none
    // when its good is in Annex II in the definitive period.
    Traced own_indirect_counted;
    // Some precursor figure behind this good, at any depth, is a default value.
    bool uses_default_values = false;
    // Electricity consumed by the process itself, and the emissions of it (for the factor).
    Quantity electricity_consumed{0, units::MWh()};
    Quantity electricity_emissions{0, units::tCO2e()};
    std::string electricity_source;  // grid, direct_link, ppa, own_production, "mixed", or empty
    std::vector<std::string> electricity_factor_sources;  // distinct factor_source texts
};

struct GoodResult {
    std::string aggregated_good;
    std::string cn_code;  // empty on the row of the aggregated goods category
    std::string sector;
    bool direct_only = false;  // Annex II
    Unit see_unit;             // tCO2e/t, or tCO2e/MWh for electricity
    Traced activity_level;
    Traced see_direct, see_indirect, see_indirect_counted;
    Traced see_total;  // direct + indirect (transitional) or direct + counted indirect (definitive)
    bool uses_default_values = false;
    std::vector<std::string> process_ids;
    // Electricity consumed by the processes making the good, for the indirect-emissions fields of
    // a communication: total MWh, their emissions, and the source(s).
    Quantity electricity_consumed{0, units::MWh()};
    Quantity electricity_emissions{0, units::tCO2e()};
    std::string electricity_source;
    std::vector<std::string> electricity_factor_sources;
    // Where the SEE comes from: one share per source, correction, electricity and precursor.
    SeeBreakdown breakdown;
};

struct CalcResult {
    Scope scope = Scope::Definitive;
    std::vector<ProcessResult> processes;
    std::vector<GoodResult> goods;  // registry order of categories; each category row, then its CN codes ascending

    // An aggregated good's name (case-insensitive) or a CN code; nullptr when absent.
    const GoodResult* find(std::string_view good_or_cn) const;
    const ProcessResult* process(std::string_view id) const;
};

// Throws InputError for a process that is its own precursor, a precursor loop whose equations are
// singular or give negative emissions, or attributed direct emissions below zero.
// The result refers to `inst` (its processes and inputs): keep the installation alive with it.
CalcResult calculate(const Installation& inst, Scope scope, const CnRegistry& cn = CnRegistry::builtin(),
                     const Countries& countries = Countries::builtin());
CalcResult calculate(Installation&& inst, Scope scope, const CnRegistry& cn = CnRegistry::builtin(),
                     const Countries& countries = Countries::builtin()) = delete;

}  // namespace cbam
