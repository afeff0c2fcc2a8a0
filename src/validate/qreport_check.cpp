#include "validate/qreport_check.h"

#include "importers/qreport_dom.h"

namespace cbam {

std::size_t QReportCheck::errors() const { return count_errors(identity) + schema_issues.size() + count_errors(rules); }

std::size_t QReportCheck::warnings() const { return identity.size() + rules.size() - count_errors(identity) - count_errors(rules); }

QReportCheck check_qreport(std::string xml, const std::string& name, const XsdValidator& xsd, const QReportCodes& codes, const CnRegistry& cn,
                           const Countries& countries) {
    QReportCheck out;
    auto schema = xsd.validate(xml, name);
    out.schema_valid = schema.parsed && schema.issues.empty();
    out.schema_issues = std::move(schema.issues);
    // A file libxml2 could not parse (not XML, not UTF-8, a DOCTYPE) is not read any further: its
    // parse errors say why.
    if (!schema.parsed) return out;
    QReportDom dom(std::move(xml), /*utf8_checked=*/true);
    for (auto& v : check_business_rules(dom, codes, cn, countries)) {
        if (v.rule == "X0") {
            out.schema_issues.clear();  // "no matching global declaration": the X0 finding says it plainly
            out.identity.push_back(std::move(v));
            out.rules.clear();
            return out;
        }
        (v.rule == "X1" ? out.identity : out.rules).push_back(std::move(v));
    }
    return out;
}

}  // namespace cbam
