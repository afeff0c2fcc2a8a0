#include "registry/production_methods.h"

#include "io/csv_table.h"

#include <fmt/format.h>

#include <algorithm>

namespace cbam {

ProductionMethods ProductionMethods::load(const std::string& dir, const CnRegistry& cn) {
    ProductionMethods p;
    Diagnostics diags;
    auto known_good = [&](const CsvRow& row) {
        std::string g(row.cell("aggregated_good"));
        if (!cn.good(g)) row.error("aggregated_good", fmt::format("expected an aggregated goods category of aggregated_goods.csv, found \"{}\"", g));
        return g;
    };
    read_table(dir + "/production_methods.csv", {{"method_id", true}, {"aggregated_good", true}}, CsvDialect::standard(), diags,
               [&](const CsvRow& row) { p.methods_.emplace_back(row.text("method_id").value_or(""), known_good(row)); });
    read_table(dir + "/qualifying_parameters.csv",
               {{"parameter", true}, {"aggregated_good", true}, {"parameter_id", true}, {"value", true}, {"label", true}},
               CsvDialect::standard(), diags, [&](const CsvRow& row) {
                   QualifyingParameterSpec s;
                   s.where = row.row_location();
                   s.parameter = row.text("parameter").value_or("");
                   s.aggregated_good = known_good(row);
                   s.parameter_id = std::string(row.cell("parameter_id"));
                   std::string v = row.text("value").value_or("text");
                   if (v == "percent") s.value = ParameterValue::Percent;
                   else if (v == "number") s.value = ParameterValue::Number;
                   else if (v == "text") s.value = ParameterValue::Text;
                   else {
                       s.value = ParameterValue::Choice;
                       for (std::size_t b = 0, e; b <= v.size(); b = e + 1) {
                           e = v.find('|', b);
                           if (e == std::string::npos) e = v.size();
                           s.choices.push_back(v.substr(b, e - b));
                       }
                   }
                   s.label = row.text("label").value_or("");
                   if (p.parameter(s.parameter, s.aggregated_good))
                       row.error("parameter", fmt::format("{} is listed twice for {}", s.parameter, s.aggregated_good));
                   p.parameters_.push_back(std::move(s));
               });
    if (!diags.empty()) throw InputError(std::move(diags));
    return p;
}

const ProductionMethods& ProductionMethods::builtin() {
    static const ProductionMethods p = load(data_dir() + "/cn_codes");
    return p;
}

std::vector<const QualifyingParameterSpec*> ProductionMethods::parameters_of(std::string_view aggregated_good) const {
    std::vector<const QualifyingParameterSpec*> out;
    for (const auto& s : parameters_)
        if (s.aggregated_good == aggregated_good) out.push_back(&s);
    return out;
}

const QualifyingParameterSpec* ProductionMethods::parameter(std::string_view name, std::string_view aggregated_good) const {
    for (const auto& s : parameters_)
        if (s.parameter == name && s.aggregated_good == aggregated_good) return &s;
    return nullptr;
}

std::vector<std::string> ProductionMethods::parameter_names() const {
    std::vector<std::string> out;
    for (const auto& s : parameters_)
        if (std::find(out.begin(), out.end(), s.parameter) == out.end()) out.push_back(s.parameter);
    return out;
}

std::string ProductionMethods::categories_of(std::string_view name) const {
    std::string out;
    for (const auto& s : parameters_)
        if (s.parameter == name) out += (out.empty() ? "" : ", ") + s.aggregated_good;
    return out;
}

std::vector<std::string> ProductionMethods::methods_of(std::string_view aggregated_good) const {
    std::vector<std::string> out;
    for (const auto& [id, g] : methods_)
        if (g == aggregated_good) out.push_back(id);
    return out;
}

std::string ProductionMethods::only_method_of(std::string_view aggregated_good) const {
    auto m = methods_of(aggregated_good);
    return m.size() == 1 ? m.front() : std::string();
}

std::string ProductionMethods::aggregated_good_of(std::string_view method_id) const {
    for (const auto& [id, g] : methods_)
        if (id == method_id) return g;
    return "";
}

}  // namespace cbam
