// A QReport checked the way the registry checks an upload: what the file is (X0: not a QReport;
// X1: a QReport of an earlier schema version), the XSD, then the business rules. `cbam validate`
// and `cbam report` both use it.
#pragma once

#include "validate/business_rules.h"
#include "validate/xsd.h"

#include <string>
#include <vector>

namespace cbam {

struct QReportCheck {
    std::vector<RuleViolation> identity;  // X0 or X1 findings: shown before the schema's
    bool schema_valid = false;            // libxml2's verdict against QReport_ver23.00.xsd
    std::vector<XsdIssue> schema_issues;  // not kept when the root is not a QReport (X0 says it all)
    std::vector<RuleViolation> rules;     // the business rules' findings (none run after X0)
    std::size_t errors() const;           // what makes the registry refuse the file
    std::size_t warnings() const;
    bool accepted() const { return errors() == 0; }
};

// Checks `xml` (taken by value: pass an rvalue, it is parsed in place) named `name` in messages.
QReportCheck check_qreport(std::string xml, const std::string& name, const XsdValidator& xsd,
                           const QReportCodes& codes = QReportCodes::builtin(), const CnRegistry& cn = CnRegistry::builtin(),
                           const Countries& countries = Countries::builtin());

// The same verdict, with the business rules run on a copy of the text on a second thread while the
// schema is checked (their findings are dropped when libxml2 cannot parse the file): for a report
// of a few megabytes just written, when two cores are there.
QReportCheck check_qreport_side_by_side(const std::string& xml, const std::string& name, const XsdValidator& xsd);

}  // namespace cbam
