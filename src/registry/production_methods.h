// The production methods of the QReport (ProdMethodQualifyingParams/MethodId) by aggregated goods
// category, and the qualifying parameters of Annex IV section 2 of Implementing Regulation (EU)
// 2023/1773 that each category's communication carries, with the QReport parameter code each is
// written as. Loaded from cn_codes/production_methods.csv and cn_codes/qualifying_parameters.csv
// (sources in cn_codes/SOURCES.md).
#pragma once

#include "core/error.h"
#include "registry/cn_registry.h"

#include <string>
#include <string_view>
#include <vector>

namespace cbam {

enum class ParameterValue { Percent, Number, Text, Choice };

struct QualifyingParameterSpec {
    std::string parameter;        // the supplier-data column: "clinker_factor_pct"
    std::string aggregated_good;  // "Cement"
    std::string parameter_id;     // QReport ParameterId ("QPD02"); empty: no code known
    ParameterValue value = ParameterValue::Text;
    std::vector<std::string> choices;  // ParameterValue::Choice: the values allowed, as written in the report
    std::string label;            // as the Commission's communication template names it
    SourceLocation where;
};

class ProductionMethods {
public:
    // Reads production_methods.csv and qualifying_parameters.csv from `dir`; aggregated goods
    // are checked against `cn`. Throws InputError.
    static ProductionMethods load(const std::string& dir, const CnRegistry& cn = CnRegistry::builtin());
    static const ProductionMethods& builtin();

    // The parameters of an aggregated goods category, in file order.
    std::vector<const QualifyingParameterSpec*> parameters_of(std::string_view aggregated_good) const;
    const QualifyingParameterSpec* parameter(std::string_view name, std::string_view aggregated_good) const;
    // Every parameter name, once, in file order: the supplier-data columns.
    std::vector<std::string> parameter_names() const;
    // The categories a parameter applies to, joined for messages ("Crude steel, Iron or steel products").
    std::string categories_of(std::string_view name) const;
    // Method codes of a category; its only method when it has exactly one, else "".
    std::vector<std::string> methods_of(std::string_view aggregated_good) const;
    std::string only_method_of(std::string_view aggregated_good) const;
    std::string aggregated_good_of(std::string_view method_id) const;  // "" when unknown

private:
    std::vector<std::pair<std::string, std::string>> methods_;  // (method id, aggregated good)
    std::vector<QualifyingParameterSpec> parameters_;
};

}  // namespace cbam
