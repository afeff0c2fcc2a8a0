// Recognises a QReport written for an earlier schema version (17.00, 18.00 or 19.00) by the
// elements only those versions have, so that `cbam validate` can say so before the schema errors
// that follow from it. The elements are those of the published XSDs of each version compared
// with QReport_ver23.00.xsd (sources in docs/business-rules.md, rule X1).
#pragma once

#include "validate/business_rules.h"

#include <optional>

namespace cbam {

class QReportDom;

// One X1 finding naming the version(s) and the elements that show it, or nullopt.
std::optional<RuleViolation> other_schema_version(const QReportDom& dom);

}  // namespace cbam
