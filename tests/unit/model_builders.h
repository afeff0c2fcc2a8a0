// Helpers for the unit tests that build model structs in code (no CSV files involved).
#pragma once

#include "core/error.h"
#include "core/quantity.h"
#include "model/installation.h"
#include "support.h"

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cbam::unit_test {

inline Unit U(std::string_view text) {
    auto u = Unit::parse(text);
    if (!u) throw std::invalid_argument("U: unknown unit " + std::string(text));
    return *u;
}

inline SourceLocation loc(std::string file, std::size_t line, std::size_t column, std::string field) {
    return SourceLocation{std::move(file), line, column, std::move(field)};
}

// A value "read" from `file`:`line`:`column` (`field`).
inline Input in(const char* value, std::string_view unit, SourceLocation where = {}) {
    return Input{Quantity(test::D(value), U(unit)), std::move(where)};
}
// A plain number (fraction, factor ...).
inline Input num(const char* value, SourceLocation where = {}) {
    return Input{Quantity(test::D(value), units::one()), std::move(where)};
}

inline bool same_location(const SourceLocation& a, const SourceLocation& b) {
    return a.file == b.file && a.line == b.line && a.column == b.column && a.field == b.field;
}

// Builds an Installation row by row; every row gets its own line number so locations differ.
struct InstallationBuilder {
    Installation inst;
    std::size_t line = 1;

    InstallationBuilder() {
        inst.id = "TEST-001";
        inst.name = "unit test installation";
        inst.country = "TW";
        inst.period_start = "2026-01-01";
        inst.period_end = "2026-12-31";
    }

    ProductionProcess& process(const std::string& id, const std::string& good, const char* activity_t,
                               std::vector<std::string> cn_codes, const char* unit = "t") {
        ProductionProcess p;
        p.id = id;
        p.aggregated_good = good;
        p.activity_level = in(activity_t, unit, loc("processes.csv", ++line, 3, "activity_level"));
        p.cn_codes = std::move(cn_codes);
        p.where = loc("processes.csv", line, 0, "");
        inst.processes.push_back(std::move(p));
        return inst.processes.back();
    }
    // Measured CO2 (CEMS): the simplest way to give a process direct emissions.
    void measured(const std::string& process_id, const char* value, const char* unit = "tCO2") {
        MeasuredEmission m;
        m.id = "CEMS-" + process_id + "-" + std::to_string(line);
        m.process_id = process_id;
        m.amount = in(value, unit, loc("measurements.csv", ++line, 3, "emissions"));
        m.where = loc("measurements.csv", line, 0, "");
        inst.measurements.push_back(std::move(m));
    }
    void electricity(const std::string& process_id, bool produced, const char* mwh, const char* ef_t_per_mwh) {
        ElectricityFlow e;
        e.process_id = process_id;
        e.produced = produced;
        e.quantity = in(mwh, "MWh", loc("electricity.csv", ++line, 3, "quantity"));
        e.emission_factor = in(ef_t_per_mwh, "tCO2/MWh", loc("electricity.csv", line, 5, "emission_factor"));
        e.source = produced ? "own_production" : "grid";
        e.where = loc("electricity.csv", line, 0, "");
        inst.electricity.push_back(std::move(e));
    }
    void from_process(const std::string& process_id, const std::string& precursor, const char* mass_t,
                      const std::string& from, const char* unit = "t") {
        PrecursorInput p;
        p.process_id = process_id;
        p.precursor = precursor;
        p.mass = in(mass_t, unit, loc("precursors.csv", ++line, 3, "mass"));
        p.from_process = from;
        p.where = loc("precursors.csv", line, 0, "");
        inst.precursors.push_back(std::move(p));
    }
    void from_supplier(const std::string& process_id, const std::string& precursor, const char* mass_t,
                       const std::string& supplier_id) {
        PrecursorInput p;
        p.process_id = process_id;
        p.precursor = precursor;
        p.mass = in(mass_t, "t", loc("precursors.csv", ++line, 3, "mass"));
        p.supplier_id = supplier_id;
        p.where = loc("precursors.csv", line, 0, "");
        inst.precursors.push_back(std::move(p));
    }
    void supplier(const std::string& id, const std::string& country, const std::string& precursor, const char* see_direct,
                  const char* see_indirect, bool default_values = false) {
        Supplier s;
        s.id = id;
        s.name = "Supplier " + id;
        s.country = country;
        s.precursor = precursor;
        s.see_direct = in(see_direct, "tCO2e/t", loc("suppliers.csv", ++line, 7, "see_direct"));
        s.see_indirect = in(see_indirect, "tCO2e/t", loc("suppliers.csv", line, 8, "see_indirect"));
        s.default_values = default_values;
        s.where = loc("suppliers.csv", line, 0, "");
        inst.suppliers.push_back(std::move(s));
    }
};

}  // namespace cbam::unit_test
