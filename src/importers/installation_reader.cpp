#include "importers/installation_reader.h"
#include "core/text.h"

#include "io/csv_table.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

namespace cbam {

namespace {

namespace fs = std::filesystem;

struct Reader {
    const std::string& dir;
    const CnRegistry& cn;
    const Countries& countries;
    const CsvDialect& dialect;
    Diagnostics diags;
    bool processes_complete = true;  // false when processes.csv could not be read whole
    bool suppliers_complete = true;  // likewise suppliers.csv

    std::string path(const char* name) const { return (fs::path(dir) / name).string(); }

    // A required file that is missing is an error; an optional one is simply absent.
    bool open(const char* name, bool required) {
        if (fs::exists(path(name))) return true;
        if (required) diags.add({path(name), 0, 0, ""}, "missing file: every installation needs it (see docs/installation-data.md)");
        return false;
    }

    std::optional<Input> quantity(const CsvRow& row, std::string_view value_col, std::string_view unit_col, const Unit& like,
                                  bool required, NumberRule rule) {
        auto v = row.number(value_col, required, rule);
        auto u = row.unit(unit_col, like, required || row.has(value_col));
        if (!v || !u) return std::nullopt;
        return Input{Quantity(*v, *u), row.at(value_col)};
    }

    // An optional fraction 0..1; absent when the cell is blank (the calculator applies the default).
    std::optional<Input> fraction(const CsvRow& row, std::string_view col) {
        auto v = row.number(col, false, NumberRule::Fraction);
        if (!v) return std::nullopt;
        return Input{Quantity(*v, units::one()), row.at(col)};
    }

    // A unique identifier; duplicates are errors naming the first occurrence.
    std::optional<std::string> id(const CsvRow& row, std::string_view col, std::map<std::string, std::size_t>& seen) {
        auto v = row.text(col);
        if (!v) return std::nullopt;
        auto [it, inserted] = seen.emplace(*v, row.line());
        if (!inserted) row.error(col, fmt::format("duplicate identifier \"{}\" (first used on line {})", *v, it->second));
        return v;
    }

    // A reference to a process of processes.csv (read before every file that refers to it).
    std::string process_ref(const CsvRow& row, std::string_view col, const std::map<std::string, std::size_t>& processes) {
        auto v = row.text(col);
        if (!v) return {};
        if (processes_complete && !processes.count(*v)) {
            std::string known;
            for (const auto& [id, line] : processes) known += (known.empty() ? "" : ", ") + id;
            row.error(col, fmt::format("process \"{}\" does not exist in processes.csv (its processes: {})", *v, known.empty() ? "none" : known));
        }
        return *v;
    }

    bool country(const CsvRow& row, std::string_view col, std::string& out) {
        auto v = row.text(col);
        if (!v) return false;
        if (!countries.find(*v)) {
            row.error(col, fmt::format("expected an ISO 3166-1 alpha-2 country code such as TW or CN, found \"{}\"", *v));
            return false;
        }
        out = *v;
        return true;
    }

    bool date(const CsvRow& row, std::string_view col, std::string& out) {
        auto v = row.text(col);
        if (!v) return false;
        if (!is_iso_date(*v)) {
            row.error(col, fmt::format("expected a date as YYYY-MM-DD, found \"{}\"", *v));
            return false;
        }
        out = *v;
        return true;
    }
};

std::vector<std::string> split_ws(std::string_view s) {
    std::vector<std::string> out;
    std::istringstream in{std::string(s)};
    std::string w;
    while (in >> w) out.push_back(w);
    return out;
}

}  // namespace

const std::vector<std::string>& installation_files() {
    static const std::vector<std::string> files = {"installation.csv", "processes.csv", "source_streams.csv", "measurements.csv", "pfc.csv",
                                                   "heat.csv", "waste_gases.csv", "electricity.csv", "precursors.csv", "suppliers.csv"};
    return files;
}

Installation read_installation(const std::string& dir, const CnRegistry& cn, const Countries& countries, const CsvDialect& dialect) {
    Installation inst;
    inst.directory = dir;
    Reader r{dir, cn, countries, dialect, Diagnostics{}};
    if (!fs::is_directory(dir)) {
        r.diags.add({dir, 0, 0, ""}, "expected a directory of installation CSV files (see docs/installation-data.md)");
        throw InputError(std::move(r.diags));
    }

    // installation.csv
    if (r.open("installation.csv", true)) {
        int rows = 0;
        read_table(r.path("installation.csv"),
                   {{"installation_id", true}, {"name", true}, {"country", true}, {"operator", false}, {"city", false},
                    {"period_start", true}, {"period_end", true}},
                   dialect, r.diags, [&](const CsvRow& row) {
                       if (++rows > 1) {
                           r.diags.add(row.row_location(), "expected exactly one installation row; a second one was found");
                           return;
                       }
                       inst.id = row.text("installation_id").value_or("");
                       inst.name = row.text("name").value_or("");
                       r.country(row, "country", inst.country);
                       inst.operator_name = row.text("operator", false).value_or("");
                       inst.city = row.text("city", false).value_or("");
                       bool a = r.date(row, "period_start", inst.period_start);
                       bool b = r.date(row, "period_end", inst.period_end);
                       if (a && b && inst.period_end < inst.period_start)
                           row.error("period_end", fmt::format("expected a date not before period_start ({}), found {}",
                                                               inst.period_start, inst.period_end));
                       inst.where = row.row_location();
                   }, {.required = true});
    }

    // processes.csv
    std::map<std::string, std::size_t> process_ids;
    if (!r.open("processes.csv", true)) r.processes_complete = false;
    else {
        r.processes_complete = read_table(r.path("processes.csv"),
                   {{"process_id", true}, {"aggregated_good", true}, {"route", false}, {"activity_level", true},
                    {"activity_unit", true}, {"cn_codes", true}},
                   dialect, r.diags, [&](const CsvRow& row) {
                       ProductionProcess p;
                       p.where = row.row_location();
                       p.id = r.id(row, "process_id", process_ids).value_or("");
                       auto good = row.choice("aggregated_good", cn.good_names());
                       p.aggregated_good = good.value_or("");
                       p.route = row.text("route", false).value_or("");
                       const AggregatedGood* g = good ? cn.good(*good) : nullptr;
                       Unit like = (g && g->name == "Electricity") ? units::MWh() : units::t();
                       if (auto al = r.quantity(row, "activity_level", "activity_unit", like, true, NumberRule::Positive)) p.activity_level = *al;
                       auto codes = split_ws(row.cell("cn_codes"));
                       if (codes.empty()) row.error("cn_codes", "expected at least one 8-digit CN code, found an empty cell");
                       for (const auto& code : codes) {
                           std::string err;
                           if (code.size() != 8) {
                               row.error("cn_codes", fmt::format("expected 8-digit CN codes separated by spaces, found \"{}\"", code));
                               continue;
                           }
                           auto c = cn.classify(code, &err);
                           if (!c) {
                               row.error("cn_codes", err);
                           } else if (!c->in_scope) {
                               row.error("cn_codes", fmt::format("CN code {} is not a CBAM good: {}", code, c->reason));
                           } else if (g && !CnRegistry::covers(*g, code)) {
                               row.error("cn_codes", fmt::format("CN code {} does not belong to the aggregated good \"{}\"{}", code,
                                                                 g->name, c->good ? fmt::format(" (it belongs to \"{}\")", c->good->name) : ""));
                           } else {
                               p.cn_codes.push_back(code.substr(0, 8));
                           }
                       }
                       inst.processes.push_back(std::move(p));
                   });
    }

    // source_streams.csv
    if (r.open("source_streams.csv", false)) {
        std::map<std::string, std::size_t> ids;
        read_table(r.path("source_streams.csv"),
                   {{"stream_id", true}, {"process_id", true}, {"method", true}, {"activity_data", true}, {"activity_unit", true},
                    {"ncv", false}, {"ncv_unit", false}, {"emission_factor", false}, {"ef_unit", false}, {"carbon_content", false},
                    {"cc_unit", false}, {"direction", false}, {"oxidation_factor", false}, {"conversion_factor", false},
                    {"biomass_fraction", false}},
                   dialect, r.diags, [&](const CsvRow& row) {
                       SourceStream s;
                       s.where = row.row_location();
                       s.id = r.id(row, "stream_id", ids).value_or("");
                       s.process_id = r.process_ref(row, "process_id", process_ids);
                       auto method = row.choice("method", {"combustion", "process", "mass_balance"});
                       if (!method) return;
                       s.method = *method == "combustion" ? StreamMethod::Combustion
                                : *method == "process"    ? StreamMethod::Process : StreamMethod::MassBalance;
                       auto ad_v = row.number("activity_data", true, NumberRule::NonNegative);
                       auto ad_u = row.cell("activity_unit").empty() ? std::nullopt : Unit::parse(row.cell("activity_unit"));
                       if (!row.cell("activity_unit").empty() && !ad_u) {
                           row.unit("activity_unit", units::t());  // reports the unknown unit
                       } else if (row.cell("activity_unit").empty()) {
                           row.error("activity_unit", "expected a unit such as t, Nm3 or TJ, found an empty cell");
                       } else if (!ad_u->same_dimension(units::t()) && !ad_u->same_dimension(units::Nm3()) &&
                                  !ad_u->same_dimension(units::TJ())) {
                           row.error("activity_unit", fmt::format("expected a mass (t), a volume (Nm3) or an energy (TJ), found \"{}\" which is {}",
                                                                  row.cell("activity_unit"), ad_u->dimension_name()));
                           ad_u.reset();
                       }
                       if (!ad_v || !ad_u) return;
                       s.activity_data = Input{Quantity(*ad_v, *ad_u), row.at("activity_data")};
                       const Unit& adu = *ad_u;
                       bool ad_is_energy = adu.same_dimension(units::TJ());
                       s.oxidation_factor = r.fraction(row, "oxidation_factor");
                       s.conversion_factor = r.fraction(row, "conversion_factor");
                       s.biomass_fraction = r.fraction(row, "biomass_fraction");
                       switch (s.method) {
                           case StreamMethod::Combustion:
                               if (!ad_is_energy)
                                   s.ncv = r.quantity(row, "ncv", "ncv_unit", units::TJ() / adu, true, NumberRule::Positive);
                               else if (row.has("ncv"))
                                   row.error("ncv", "expected an empty cell: the activity data is already an energy");
                               s.emission_factor = r.quantity(row, "emission_factor", "ef_unit", units::tCO2e_per_TJ(), true, NumberRule::NonNegative);
                               break;
                           case StreamMethod::Process:
                               s.emission_factor = r.quantity(row, "emission_factor", "ef_unit", units::tCO2e() / adu, true, NumberRule::NonNegative);
                               break;
                           case StreamMethod::MassBalance: {
                               s.carbon_content = r.quantity(row, "carbon_content", "cc_unit", units::tC() / adu, true, NumberRule::NonNegative);
                               auto dir = row.choice("direction", {"input", "output"});
                               s.output = dir && *dir == "output";
                               break;
                           }
                       }
                       inst.source_streams.push_back(std::move(s));
                   });
    }

    // measurements.csv
    if (r.open("measurements.csv", false)) {
        std::map<std::string, std::size_t> ids;
        read_table(r.path("measurements.csv"), {{"source_id", true}, {"process_id", true}, {"emissions", true}, {"unit", true}}, dialect,
                   r.diags, [&](const CsvRow& row) {
                       MeasuredEmission m;
                       m.where = row.row_location();
                       m.id = r.id(row, "source_id", ids).value_or("");
                       m.process_id = r.process_ref(row, "process_id", process_ids);
                       auto v = row.number("emissions", true, NumberRule::NonNegative);
                       auto u = row.cell("unit").empty() ? std::nullopt : Unit::parse(row.cell("unit"));
                       if (!u || !(u->same_dimension(units::tCO2e()) || u->same_dimension(units::tN2O()))) {
                           row.error("unit", fmt::format("expected tCO2 or tN2O (or kg of either), found \"{}\"", row.cell("unit")));
                           return;
                       }
                       if (!v) return;
                       m.amount = Input{Quantity(*v, *u), row.at("emissions")};
                       inst.measurements.push_back(std::move(m));
                   });
    }

    // pfc.csv
    if (r.open("pfc.csv", false)) {
        read_table(r.path("pfc.csv"),
                   {{"process_id", true}, {"method", true}, {"technology", true}, {"primary_aluminium_t", true},
                    {"anode_effect_frequency", false}, {"anode_effect_duration", false}, {"anode_effect_overvoltage_mv", false},
                    {"current_efficiency_pct", false}, {"collection_efficiency", false}},
                   dialect, r.diags, [&](const CsvRow& row) {
                       PfcEmission p;
                       p.where = row.row_location();
                       p.process_id = r.process_ref(row, "process_id", process_ids);
                       auto method = row.choice("method", {"slope", "overvoltage"});
                       if (!method) return;
                       p.overvoltage = *method == "overvoltage";
                       auto tech = p.overvoltage ? row.choice("technology", {"CWPB", "SWPB"})
                                                 : row.choice("technology", {"CWPB", "SWPB", "VSS", "HSS", "PFPB_L", "PFPB_M", "PFPB_MW"});
                       p.technology = tech.value_or("");
                       auto pr = row.number("primary_aluminium_t", true, NumberRule::Positive);
                       if (pr) p.primary_aluminium = Input{Quantity(*pr, units::t()), row.at("primary_aluminium_t")};
                       auto dimless = [&](const char* col, NumberRule rule) -> std::optional<Input> {
                           auto v = row.number(col, true, rule);
                           if (!v) return std::nullopt;
                           return Input{Quantity(*v, units::one()), row.at(col)};
                       };
                       if (p.overvoltage) {
                           p.anode_effect_overvoltage = dimless("anode_effect_overvoltage_mv", NumberRule::NonNegative);
                           p.current_efficiency = dimless("current_efficiency_pct", NumberRule::Positive);
                       } else {
                           p.anode_effect_frequency = dimless("anode_effect_frequency", NumberRule::NonNegative);
                           p.anode_effect_duration = dimless("anode_effect_duration", NumberRule::NonNegative);
                       }
                       p.collection_efficiency = r.fraction(row, "collection_efficiency");
                       if (p.collection_efficiency && p.collection_efficiency->q.value().is_zero())
                           row.error("collection_efficiency", "expected a fraction greater than 0, found 0");
                       if (!tech || !pr) return;
                       inst.pfc.push_back(std::move(p));
                   });
    }

    // heat.csv
    if (r.open("heat.csv", false)) {
        read_table(r.path("heat.csv"),
                   {{"process_id", true}, {"direction", true}, {"quantity", true}, {"unit", true}, {"emission_factor", false}, {"ef_unit", false}},
                   dialect, r.diags, [&](const CsvRow& row) {
                       HeatFlow h;
                       h.where = row.row_location();
                       h.process_id = r.process_ref(row, "process_id", process_ids);
                       auto dir = row.choice("direction", {"import", "export"});
                       h.exported = dir && *dir == "export";
                       auto q = r.quantity(row, "quantity", "unit", units::TJ(), true, NumberRule::NonNegative);
                       if (row.has("emission_factor"))
                           h.emission_factor = r.quantity(row, "emission_factor", "ef_unit", units::tCO2e_per_TJ(), true, NumberRule::NonNegative);
                       if (!dir || !q) return;
                       h.quantity = *q;
                       inst.heat.push_back(std::move(h));
                   });
    }

    // waste_gases.csv
    if (r.open("waste_gases.csv", false)) {
        read_table(r.path("waste_gases.csv"),
                   {{"process_id", true}, {"direction", true}, {"volume", true}, {"volume_unit", true}, {"ncv", true}, {"ncv_unit", true}},
                   dialect, r.diags, [&](const CsvRow& row) {
                       WasteGasFlow w;
                       w.where = row.row_location();
                       w.process_id = r.process_ref(row, "process_id", process_ids);
                       auto dir = row.choice("direction", {"import", "export"});
                       w.exported = dir && *dir == "export";
                       auto u = row.cell("volume_unit").empty() ? std::nullopt : Unit::parse(row.cell("volume_unit"));
                       if (!u || !(u->same_dimension(units::Nm3()) || u->same_dimension(units::t()))) {
                           row.error("volume_unit", fmt::format("expected Nm3 or t, found \"{}\"", row.cell("volume_unit")));
                           return;
                       }
                       auto v = row.number("volume", true, NumberRule::NonNegative);
                       auto ncv = r.quantity(row, "ncv", "ncv_unit", units::TJ() / *u, true, NumberRule::NonNegative);
                       if (!dir || !v || !ncv) return;
                       w.amount = Input{Quantity(*v, *u), row.at("volume")};
                       w.ncv = *ncv;
                       inst.waste_gases.push_back(std::move(w));
                   });
    }

    // electricity.csv
    if (r.open("electricity.csv", false)) {
        read_table(r.path("electricity.csv"),
                   {{"process_id", true}, {"direction", true}, {"quantity", true}, {"unit", true}, {"emission_factor", true},
                    {"ef_unit", false}, {"source", true}, {"factor_source", false}},
                   dialect, r.diags, [&](const CsvRow& row) {
                       ElectricityFlow e;
                       e.where = row.row_location();
                       e.process_id = r.process_ref(row, "process_id", process_ids);
                       auto dir = row.choice("direction", {"consumed", "produced"});
                       e.produced = dir && *dir == "produced";
                       auto q = r.quantity(row, "quantity", "unit", units::MWh(), true, NumberRule::NonNegative);
                       // An empty factor: the Commission's grid factor of the installation's country (calc).
                       std::optional<Input> ef;
                       if (row.has("emission_factor") || row.has("ef_unit"))
                           ef = r.quantity(row, "emission_factor", "ef_unit", units::tCO2e_per_MWh(), true, NumberRule::NonNegative);
                       auto src = row.choice("source", {"grid", "direct_link", "ppa", "own_production"});
                       if (src && *src != "grid" && !row.has("emission_factor") && !row.has("ef_unit"))
                           row.error("emission_factor", fmt::format("expected the emission factor of the electricity from source {}: only grid "
                                                                    "electricity may leave it empty (the country's grid factor then applies)", *src));
                       if (e.produced && !row.has("emission_factor") && !row.has("ef_unit"))
                           row.error("emission_factor", "expected the emission factor of the electricity produced");
                       e.factor_source = row.text("factor_source", false).value_or("");
                       const ProductionProcess* maker = inst.process(e.process_id);
                       if (maker && e.produced && maker->aggregated_good == "Electricity")
                           row.error("direction", fmt::format("process \"{}\" makes electricity as its good: give what it produces as its "
                                                              "activity level in processes.csv, not as a 'produced' row", maker->id));
                       if (!dir || !q || !src || ((row.has("emission_factor") || row.has("ef_unit")) && !ef)) return;
                       e.quantity = *q;
                       e.emission_factor = ef;
                       e.source = *src;
                       inst.electricity.push_back(std::move(e));
                   });
    }

    // suppliers.csv (before precursors, which refer to it)
    std::map<std::string, std::size_t> supplier_ids;
    if (r.open("suppliers.csv", false)) {
        r.suppliers_complete = read_table(r.path("suppliers.csv"),
                   {{"supplier_id", true}, {"name", true}, {"country", true}, {"installation", false}, {"precursor", true}, {"cn_code", false},
                    {"see_direct", true}, {"see_indirect", true}, {"see_unit", true}, {"determination", true}},
                   dialect, r.diags, [&](const CsvRow& row) {
                       Supplier s;
                       s.where = row.row_location();
                       s.id = r.id(row, "supplier_id", supplier_ids).value_or("");
                       s.name = row.text("name").value_or("");
                       bool unknown_origin = row.cell("country") == "unknown";
                       bool country_ok = unknown_origin || r.country(row, "country", s.country);
                       s.installation = row.text("installation", false).value_or("");
                       auto good = row.choice("precursor", cn.good_names());
                       s.precursor = good.value_or("");
                       if (row.has("cn_code")) {
                           std::string err;
                           auto c = cn.classify(row.cell("cn_code"), &err);
                           if (!c) row.error("cn_code", err);
                           else if (good && !CnRegistry::covers(*cn.good(*good), c->cn))
                               row.error("cn_code", fmt::format("CN code {} does not belong to the aggregated good \"{}\"", c->cn, *good));
                           else s.cn_code = c->cn;
                       }
                       auto det = row.choice("determination", {"actual", "default"});
                       s.default_values = det && *det == "default";
                       // Origin unknown, default values, no figures: the highest default value (Annex IV).
                       s.highest_default = unknown_origin && s.default_values && !row.has("see_direct") && !row.has("see_indirect");
                       if (s.highest_default) {
                           if (s.cn_code.empty() && !row.has("cn_code"))
                               row.error("cn_code", "expected the precursor's CN code: the highest default value of a precursor of unknown "
                                                    "origin is given per CN code (IR (EU) 2025/2621 Annex IV)");
                           if (!det || !good) return;
                           inst.suppliers.push_back(std::move(s));
                           return;
                       }
                       auto d = r.quantity(row, "see_direct", "see_unit", units::tCO2e_per_t(), true, NumberRule::NonNegative);
                       auto i = r.quantity(row, "see_indirect", "see_unit", units::tCO2e_per_t(), true, NumberRule::NonNegative);
                       if (!d || !i || !det || !good || !country_ok) return;
                       s.see_direct = *d;
                       s.see_indirect = *i;
                       inst.suppliers.push_back(std::move(s));
                   });
    }

    // precursors.csv
    std::map<std::string, std::size_t> supplier_index;
    for (std::size_t i = 0; i < inst.suppliers.size(); ++i) supplier_index.emplace(inst.suppliers[i].id, i);
    if (r.open("precursors.csv", false)) {
        read_table(r.path("precursors.csv"),
                   {{"process_id", true}, {"precursor", true}, {"mass", true}, {"unit", true}, {"from_process", false}, {"supplier_id", false}},
                   dialect, r.diags, [&](const CsvRow& row) {
                       PrecursorInput p;
                       p.where = row.row_location();
                       p.process_id = r.process_ref(row, "process_id", process_ids);
                       auto good = row.choice("precursor", cn.good_names());
                       p.precursor = good.value_or("");
                       auto m = r.quantity(row, "mass", "unit", units::t(), true, NumberRule::Positive);
                       p.from_process = std::string(row.cell("from_process"));
                       p.supplier_id = std::string(row.cell("supplier_id"));
                       p.from_where = row.at("from_process");
                       if (!p.from_process.empty()) r.process_ref(row, "from_process", process_ids);
                       if (r.suppliers_complete && !p.supplier_id.empty() && !supplier_ids.count(p.supplier_id)) {
                           std::string known;
                           for (const auto& [id, line] : supplier_ids) known += (known.empty() ? "" : ", ") + id;
                           row.error("supplier_id", fmt::format("supplier \"{}\" does not exist in suppliers.csv (its suppliers: {})", p.supplier_id,
                                                                known.empty() ? "none" : known));
                       }
                       if (p.from_process.empty() == p.supplier_id.empty()) {
                           row.error(p.from_process.empty() ? "from_process" : "supplier_id",
                                     "expected exactly one of from_process (made in this installation) and supplier_id (purchased)");
                           return;
                       }
                       const ProductionProcess* consumer = inst.process(p.process_id);
                       const AggregatedGood* g = consumer ? cn.good(consumer->aggregated_good) : nullptr;
                       if (g && good && std::find(g->precursors.begin(), g->precursors.end(), *good) == g->precursors.end()) {
                           std::string list;
                           for (const auto& n : g->precursors) list += (list.empty() ? "" : ", ") + n;
                           row.error("precursor", fmt::format("\"{}\" is not a relevant precursor of \"{}\" (IR 2023/1773 Annex II); its relevant "
                                                              "precursors are: {}", *good, g->name, list.empty() ? "none (a simple good)" : list));
                       }
                       if (const ProductionProcess* maker = p.from_process.empty() ? nullptr : inst.process(p.from_process); maker && good) {
                           if (maker->id == p.process_id)
                               row.error("from_process", fmt::format("process \"{}\" cannot be its own precursor: what a process makes and "
                                                                     "uses again within itself is not counted", maker->id));
                           else if (maker->aggregated_good != *good)
                               row.error("from_process", fmt::format("process \"{}\" makes \"{}\", not the precursor \"{}\"", maker->id,
                                                                     maker->aggregated_good, *good));
                       }
                       auto sup = supplier_index.find(p.supplier_id);
                       if (const Supplier* s = sup == supplier_index.end() ? nullptr : &inst.suppliers[sup->second]; s && good && s->precursor != *good)
                           row.error("supplier_id", fmt::format("supplier \"{}\" supplies \"{}\", not \"{}\"", s->id, s->precursor, *good));
                       if (!good || !m) return;
                       p.mass = *m;
                       inst.precursors.push_back(std::move(p));
                   });
    }

    if (!r.diags.empty()) throw InputError(std::move(r.diags));
    return inst;
}

}  // namespace cbam
