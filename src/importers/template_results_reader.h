// What a filled communication template computed itself: the SEE of every product row as the
// workbook holds them (the values Excel or LibreOffice cached when it last saved the file, in
// Summary_Products and Summary_Communication), and the template's own error markers. Nothing is
// recalculated here; calc/template_check.h compares these figures with cbam's.
#pragma once

#include "core/decimal.h"
#include "core/error.h"
#include "io/template_map.h"
#include "io/xlsx.h"
#include "model/template_results.h"

#include <optional>
#include <string>
#include <vector>

namespace cbam {

TemplateResults read_template_results(const xlsx::Workbook& wb, const TemplateMap& map);

}  // namespace cbam
