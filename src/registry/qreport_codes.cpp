#include "registry/qreport_codes.h"

#include "io/csv_table.h"
#include "registry/cn_registry.h"

#include <fmt/format.h>

#include <algorithm>

namespace cbam {

const char* to_string(CodeConfidence c) {
    switch (c) {
        case CodeConfidence::High: return "high";
        case CodeConfidence::Medium: return "medium";
        case CodeConfidence::Low: return "low";
    }
    return "low";
}

const MeasurementUnit* measurement_unit(std::string_view code) {
    static const MeasurementUnit units[] = {
        {"01", true, 1, "t"}, {"02", true, 1000, "kg"}, {"03", false, 0, "MWh"}, {"04", false, 0, "unit 04"}};
    for (const auto& u : units)
        if (code == u.code) return &u;
    return nullptr;
}

QReportCodes QReportCodes::load(const std::string& dir) {
    QReportCodes q;
    Diagnostics diags;
    read_table(dir + "/qreport_code_lists.csv",
               {{"field", true}, {"xsd_type", true}, {"list", true}, {"elements", true}, {"note", false}}, CsvDialect::standard(), diags,
               [&](const CsvRow& row) {
                   QReportCodeList l;
                   l.field = row.text("field").value_or("");
                   l.xsd_type = row.text("xsd_type").value_or("");
                   auto st = row.choice("list", {"complete", "partial", "unknown"}).value_or("complete");
                   l.status = st == "complete" ? CodeListStatus::Complete : st == "partial" ? CodeListStatus::Partial : CodeListStatus::Unknown;
                   l.elements = row.text("elements").value_or("");
                   l.note = std::string(row.cell("note"));
                   if (q.list(l.field)) row.error("field", fmt::format("field \"{}\" is listed twice", l.field));
                   q.lists_.push_back(std::move(l));
               });
    read_table(dir + "/qreport_codes.csv", {{"field", true}, {"code", true}, {"meaning", true}, {"confidence", true}, {"sources", true}},
               CsvDialect::standard(), diags, [&](const CsvRow& row) {
                   std::string field(row.cell("field"));
                   auto it = std::find_if(q.lists_.begin(), q.lists_.end(), [&](const QReportCodeList& l) { return l.field == field; });
                   if (it == q.lists_.end()) {
                       row.error("field", fmt::format("expected a field of qreport_code_lists.csv, found \"{}\"", field));
                       return;
                   }
                   QReportCode c;
                   c.code = row.text("code").value_or("");
                   c.meaning = row.text("meaning").value_or("");
                   auto conf = row.choice("confidence", {"high", "medium", "low"}).value_or("low");
                   c.confidence = conf == "high" ? CodeConfidence::High : conf == "medium" ? CodeConfidence::Medium : CodeConfidence::Low;
                   c.sources = row.text("sources").value_or("");
                   // The schema's facet: an4 takes exactly 4 characters, an2 exactly 2, an..5 at most 5, n1 one digit.
                   const std::string& t = it->xsd_type;
                   bool fits = t == "an4" ? c.code.size() == 4 : t == "an2" ? c.code.size() == 2 : t == "n1" ? c.code.size() == 1
                                                                                 : c.code.size() >= 1 && c.code.size() <= 5;
                   if (!fits) row.error("code", fmt::format("code \"{}\" cannot be valid: the element's schema type is {}", c.code, t));
                   if (q.find(field, c.code)) row.error("code", fmt::format("code \"{}\" of {} is listed twice", c.code, field));
                   it->codes.push_back(std::move(c));
               });
    if (!diags.empty()) throw InputError(std::move(diags));
    return q;
}

const QReportCodes& QReportCodes::builtin() {
    static const QReportCodes q = load(data_dir() + "/cn_codes");
    return q;
}

const QReportCodeList* QReportCodes::list(std::string_view field) const {
    for (const auto& l : lists_)
        if (l.field == field) return &l;
    return nullptr;
}

const QReportCode* QReportCodes::find(std::string_view field, std::string_view code) const {
    const QReportCodeList* l = list(field);
    if (!l) return nullptr;
    for (const auto& c : l->codes)
        if (c.code == code) return &c;
    return nullptr;
}

std::string QReportCodes::codes(std::string_view field) const {
    const QReportCodeList* l = list(field);
    if (!l || l->codes.empty()) return "none known";
    std::string out;
    if (l->codes.size() > 12)  // MethodId, ParameterId: the first and last few
        return fmt::format("{}, {}, {} ... {}: {} codes", l->codes[0].code, l->codes[1].code, l->codes[2].code, l->codes.back().code, l->codes.size());
    for (const auto& c : l->codes) out += (out.empty() ? "" : ", ") + c.code;
    return out;
}

}  // namespace cbam
