// What a filled communication template computed itself: the SEE of every product row as the
// workbook holds them (cached values of Summary_Products and Summary_Communication), and the
// template's own error markers. Read by importers/template_results_reader.h; compared with cbam's
// recomputation by calc/template_check.h.
#pragma once

#include "core/decimal.h"
#include "core/error.h"

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace cbam {

// One figure as the workbook holds it.
struct CachedFigure {
    SourceLocation where;
    std::optional<Decimal> value;  // the cached number
    std::string shown;             // what the cell holds when not a number: "#N/A", "(no result stored)", "(empty)"
};

struct TemplateResultRow {
    int row = 0;  // 0-based product row (Summary_Products row 10 + row)
    std::string process, cn_code, product_name;
    CachedFigure direct, indirect, total;             // Summary_Products I, J, K
    CachedFigure comm_direct, comm_indirect, comm_total;  // Summary_Communication I, J, K
};

// The template's own error markers: the flags it raises in its error columns ("ErrMiss_", A_InstData's
// "Incomplete!", "Duplicate!" ...), and error values (#N/A, #VALUE! ...) its formulas produced.
struct TemplateMarker {
    SourceLocation where;
    std::string text;    // what the cell shows
    std::string meaning;  // what the template means by it
};

struct TemplateResults {
    std::string saved_by;  // the application that last saved the workbook (docProps/app.xml), "" when unknown
    bool libreoffice = false;
    std::vector<TemplateResultRow> rows;   // product rows with a process or CN code
    std::vector<TemplateMarker> markers;   // raised by the template itself
    std::size_t libreoffice_artefacts = 0;  // error values LibreOffice shows where Excel does not (SOURCES of the template)
    bool any_result() const {  // some SEE figure is stored at all
        for (const auto& r : rows)
            for (const CachedFigure* f : {&r.direct, &r.indirect, &r.total, &r.comm_direct, &r.comm_indirect, &r.comm_total})
                if (f->value) return true;
        return false;
    }
};

}  // namespace cbam
