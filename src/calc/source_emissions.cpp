#include "calc/source_emissions.h"

#include "registry/factors.h"

#include <fmt/format.h>

#include <stdexcept>

namespace cbam {

namespace {

// An optional dimensionless input, or its default as a stated constant.
Traced input_or(const std::optional<Input>& in, const std::string& what, long long fallback, const char* why) {
    if (in) return traced_input(*in, what);
    return traced_constant(Quantity(fallback, units::one()), what + fmt::format(" (not given: {} by default)", fallback), why);
}

}  // namespace

Traced source_stream_emissions(const SourceStream& s) {
    Traced ad = traced_input(s.activity_data, "activity data");
    Traced bf = input_or(s.biomass_fraction, "biomass fraction", 0, "IR (EU) 2025/2547 Annex II B.3: BF 0 when unknown (conservative)");
    Traced fossil = traced_result(Quantity(Decimal(1) - bf.value(), units::one()), "fossil fraction", "1 − BF", "", {{"BF", bf}});
    switch (s.method) {
        case StreamMethod::Combustion: {
            Traced ef = traced_input(*s.emission_factor, "emission factor");
            Traced of = input_or(s.oxidation_factor, "oxidation factor", 1, "IR (EU) 2023/1773 Annex III B.3.1: OF 1 by default");
            if (s.ncv) {
                Traced ncv = traced_input(*s.ncv, "net calorific value");
                Quantity em = (ad.q * ncv.q * ef.q * fossil.q * of.q).in(units::tCO2e());
                return traced_result(em, fmt::format("combustion emissions of source stream {}", s.id), "AD × NCV × EF × (1 − BF) × OF",
                                     "IR (EU) 2023/1773 Annex III B.3.1; IR (EU) 2025/2547 Annex II B.3",
                                     {{"AD", ad}, {"NCV", ncv}, {"EF", ef}, {"1 − BF", fossil}, {"OF", of}});
            }
            Quantity em = (ad.q * ef.q * fossil.q * of.q).in(units::tCO2e());
            return traced_result(em, fmt::format("combustion emissions of source stream {}", s.id), "AD (energy) × EF × (1 − BF) × OF",
                                 "IR (EU) 2023/1773 Annex III B.3.1; IR (EU) 2025/2547 Annex II B.3",
                                 {{"AD", ad}, {"EF", ef}, {"1 − BF", fossil}, {"OF", of}});
        }
        case StreamMethod::Process: {
            Traced ef = traced_input(*s.emission_factor, "emission factor");
            Traced cf = input_or(s.conversion_factor, "conversion factor", 1, "IR (EU) 2023/1773 Annex III B.3.1: CF 1 by default");
            Quantity em = (ad.q * ef.q * fossil.q * cf.q).in(units::tCO2e());
            return traced_result(em, fmt::format("process emissions of source stream {}", s.id), "AD × EF × (1 − BF) × CF",
                                 "IR (EU) 2023/1773 Annex III B.3.1; IR (EU) 2025/2547 Annex II B.3",
                                 {{"AD", ad}, {"EF", ef}, {"1 − BF", fossil}, {"CF", cf}});
        }
        case StreamMethod::MassBalance: {
            Traced cc = traced_input(*s.carbon_content, "carbon content");
            Traced f = traced_constant(Quantity(factors::carbon_to_co2(), units::tCO2e() / units::tC()), "ratio of molar masses CO2/C",
                                       factors::carbon_to_co2_source);
            Quantity em = (f.q * ad.q * cc.q * fossil.q).in(units::tCO2e());
            if (s.output) em = -em;
            return traced_result(em, fmt::format("mass-balance emissions of source stream {} ({})", s.id, s.output ? "output" : "input"),
                                 s.output ? "−(f × AD × CC × (1 − BF))  (outputs count negative)" : "f × AD × CC × (1 − BF)",
                                 "IR (EU) 2025/2547 Annex II B.3.2 Eq. 12-15",
                                 {{"f", f}, {"AD", ad}, {"CC", cc}, {"1 − BF", fossil}});
        }
    }
    throw std::logic_error("unknown source stream method");
}

Traced measured_emissions(const MeasuredEmission& m) {
    Traced amount = traced_input(m.amount, "measured emissions over the period");
    if (m.amount.q.unit().same_dimension(units::tCO2e()))
        return traced_result(m.amount.q.in(units::tCO2e()), fmt::format("measured CO2 of emission source {}", m.id), "CEMS total",
                             "IR (EU) 2023/1773 Annex III B.4 (measurement-based methodology)", {{"Em", amount}});
    Traced gwp = traced_constant(Quantity(factors::gwp_n2o(), units::tCO2e() / units::tN2O()), "GWP of N2O", factors::gwp_source);
    return traced_result((amount.q * gwp.q).in(units::tCO2e()), fmt::format("measured N2O of emission source {} in CO2e", m.id),
                         "N2O × GWP_N2O", "IR (EU) 2023/1773 Annex III B.4 and B.6", {{"N2O", amount}, {"GWP_N2O", gwp}});
}

Traced pfc_emissions(const PfcEmission& p) {
    // The tables' units as IR (EU) 2025/2547 Annex II B.7 writes them. The anode-effect minutes per
    // cell-day (AEM) and the overvoltage in mV are plain numbers here, so both factors have the
    // dimension of kg CF4 per tonne of aluminium; only their names carry the rest.
    const Unit kg_cf4_per_t = Unit::parse("kgCF4/t").value();
    const Unit sef_unit("(kgCF4/t Al)/(AE-min/cell-day)", kg_cf4_per_t.exponents(), kg_cf4_per_t.scale());
    const Unit ovc_unit("(kgCF4/t Al)/mV", kg_cf4_per_t.exponents(), kg_cf4_per_t.scale());
    const Unit aem_unit("AE-min/cell-day", units::one().exponents(), Decimal(1));
    const std::string b7 = "IR (EU) 2025/2547 Annex II B.7";
    Traced pr = traced_input(p.primary_aluminium, "primary aluminium produced (Pr_Al)");
    Traced cf4_duct;
    Decimal f_c2f6;
    std::string table;
    if (!p.overvoltage) {
        auto f = factors::slope_factors(p.technology).value();
        f_c2f6 = f.f_c2f6;
        table = b7 + " Table 2";
        Traced freq = traced_input(*p.anode_effect_frequency, "anode effect frequency (per cell-day)");
        Traced dur = traced_input(*p.anode_effect_duration, "anode effect average duration (min)");
        Traced aem = traced_result((freq.q * dur.q).in(aem_unit), "anode effect minutes per cell-day (AEM)", "frequency × duration",
                                   b7 + " Eq. 23", {{"frequency", freq}, {"duration", dur}});
        Traced sef = traced_constant(Quantity(f.sef_cf4, sef_unit), fmt::format("slope emission factor SEF_CF4 for {}", p.technology), table);
        cf4_duct = traced_result((aem.q * sef.q * pr.q).in(units::tCF4()), "CF4 collected (slope method)", "AEM × SEF_CF4 / 1000 × Pr_Al",
                                 b7 + " Eq. 21", {{"AEM", aem}, {"SEF_CF4", sef}, {"Pr_Al", pr}});
    } else {
        auto f = factors::overvoltage_factors(p.technology).value();
        f_c2f6 = f.f_c2f6;
        table = b7 + " Table 3";
        Traced aeo = traced_input(*p.anode_effect_overvoltage, "anode effect overvoltage AEO (mV)");
        Traced ce = traced_input(*p.current_efficiency, "current efficiency CE (%)");
        Traced ovc = traced_constant(Quantity(f.ovc, ovc_unit), fmt::format("overvoltage coefficient OVC for {}", p.technology), table);
        cf4_duct = traced_result((ovc.q * aeo.q * pr.q).in(units::tCF4()) * (Decimal(1) / ce.value()), "CF4 collected (overvoltage method)",
                                 "OVC × AEO / CE × Pr_Al × 0.001", b7 + " Eq. 24", {{"OVC", ovc}, {"AEO", aeo}, {"CE", ce}, {"Pr_Al", pr}});
    }
    Traced ce_coll = input_or(p.collection_efficiency, "collection efficiency", 1, "IR (EU) 2025/2547 Annex II B.7 Eq. 20");
    Traced cf4 = traced_result(cf4_duct.q * (Decimal(1) / ce_coll.value()), "CF4 emitted in total", "CF4_duct / collection efficiency",
                               "IR (EU) 2025/2547 Annex II B.7 Eq. 20", {{"CF4_duct", cf4_duct}, {"collection efficiency", ce_coll}});
    Traced fc = traced_constant(Quantity(f_c2f6, units::tC2F6() / units::tCF4()), fmt::format("F_C2F6 for {}", p.technology), table);
    Traced c2f6 = traced_result((cf4.q * fc.q).in(units::tC2F6()), "C2F6 emitted", "CF4 × F_C2F6", "IR (EU) 2025/2547 Annex II B.7 Eq. 22/25", {{"CF4", cf4}, {"F_C2F6", fc}});
    Traced g1 = traced_constant(Quantity(factors::gwp_cf4(), units::tCO2e() / units::tCF4()), "GWP of CF4", factors::gwp_source);
    Traced g2 = traced_constant(Quantity(factors::gwp_c2f6(), units::tCO2e() / units::tC2F6()), "GWP of C2F6", factors::gwp_source);
    Quantity total = (cf4.q * g1.q).in(units::tCO2e()) + (c2f6.q * g2.q).in(units::tCO2e());
    return traced_result(total, fmt::format("PFC emissions of process {} in CO2e", p.process_id), "CF4 × GWP_CF4 + C2F6 × GWP_C2F6",
                         "IR (EU) 2025/2547 Annex II B.7 Eq. 26", {{"CF4", cf4}, {"GWP_CF4", g1}, {"C2F6", c2f6}, {"GWP_C2F6", g2}});
}

}  // namespace cbam
