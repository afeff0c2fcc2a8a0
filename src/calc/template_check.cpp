#include "calc/template_check.h"

#include <fmt/format.h>

namespace cbam {

Decimal template_tolerance() { return Decimal::ratio(5, 1000000); }

bool TemplateCheck::all_agree() const {
    if (figures.empty()) return false;
    for (const auto& f : figures)
        if (!f.agrees) return false;
    return true;
}

namespace {

void compare(TemplateFigureCheck& c, const Unit& unit) {
    if (!c.workbook.value) {
        c.why = c.workbook.shown == "(no result stored)" || c.workbook.shown == "(empty)"
                    ? "the workbook holds no result here: it was not recalculated and saved by Excel or LibreOffice after it was filled"
                    : fmt::format("the workbook shows {} here instead of a figure", c.workbook.shown);
        return;
    }
    if (!c.cbam) return;
    Decimal ours = c.cbam->q.value_in(unit);
    c.difference = *c.workbook.value - ours;
    Decimal gap = c.difference->sign() < 0 ? -*c.difference : *c.difference;
    c.agrees = gap <= template_tolerance();
    if (!c.agrees) c.why = fmt::format("they differ by {} (more than 0.000005)", c.difference->to_string());
}

}  // namespace

TemplateCheck check_template(const TemplateResults& wb, const CalcResult& result) {
    TemplateCheck out;
    for (const TemplateResultRow& row : wb.rows) {
        const ProcessResult* p = result.process(row.process);
        std::string product = fmt::format("CN {}{}, process \"{}\"", row.cn_code.empty() ? "(none)" : row.cn_code,
                                          row.product_name.empty() ? "" : " \"" + row.product_name + "\"", row.process);
        std::optional<Traced> direct, indirect, total;
        Unit unit = units::tCO2e_per_t();
        if (p) {
            unit = units::tCO2e() / p->good_unit;
            direct = p->see_direct;
            indirect = p->see_indirect;
            total = traced_result((p->see_direct.q + p->see_indirect.q).in(unit),
                                  fmt::format("specific total embedded emissions of process {} as the template counts them", row.process),
                                  "SEE_dir + SEE_ind",
                                  "the template's Summary_Products K = I + J: every indirect emission counts, as in the transitional "
                                  "period (docs/communication-template.md)",
                                  {{"SEE_dir", p->see_direct}, {"SEE_ind", p->see_indirect}});
        }
        struct Pair {
            const char* name;
            const CachedFigure* fig;
            const std::optional<Traced>* ours;
        };
        for (const Pair& x : {Pair{"SEE direct", &row.direct, &direct}, Pair{"SEE indirect", &row.indirect, &indirect},
                              Pair{"SEE total", &row.total, &total}, Pair{"SEE direct", &row.comm_direct, &direct},
                              Pair{"SEE indirect", &row.comm_indirect, &indirect}, Pair{"SEE total", &row.comm_total, &total}}) {
            TemplateFigureCheck c;
            c.row = row.row;
            c.product = product;
            c.figure = x.name;
            c.workbook = *x.fig;
            c.cbam = *x.ours;
            if (!p) c.why = fmt::format("the workbook's inputs define no process \"{}\"", row.process);
            compare(c, unit);
            out.figures.push_back(std::move(c));
        }
    }
    return out;
}

}  // namespace cbam
