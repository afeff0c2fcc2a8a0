#include "validate/qreport_check.h"

#include <future>

#include "importers/qreport_dom.h"

namespace cbam {

std::size_t QReportCheck::errors() const { return count_errors(identity) + schema_issues.size() + count_errors(rules); }

std::size_t QReportCheck::warnings() const { return identity.size() + rules.size() - count_errors(identity) - count_errors(rules); }

namespace {

// The findings of both checks put together: the schema's, then the rules' (unless X0 says it all).
QReportCheck combine(XsdValidator::Result schema, std::vector<RuleViolation> rules) {
    QReportCheck out;
    out.schema_valid = schema.parsed && schema.issues.empty();
    out.schema_issues = std::move(schema.issues);
    // A file libxml2 could not parse (not XML, not UTF-8, a DOCTYPE) is not read any further: its
    // parse errors say why.
    if (!schema.parsed) return out;
    for (auto& v : rules) {
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

}  // namespace

QReportCheck check_qreport(std::string xml, const std::string& name, const XsdValidator& xsd, const QReportCodes& codes, const CnRegistry& cn,
                           const Countries& countries) {
    auto schema = xsd.validate(xml, name);
    if (!schema.parsed) return combine(std::move(schema), {});
    QReportDom dom(std::move(xml), /*utf8_checked=*/true);
    return combine(std::move(schema), check_business_rules(dom, codes, cn, countries));
}

QReportCheck check_qreport_side_by_side(const std::string& xml, const std::string& name, const XsdValidator& xsd) {
    // The rules read a copy: libxml2 reads `xml` meanwhile, and the DOM is parsed in place. Their
    // findings count only when libxml2 parses the file, which it does only when its bytes are
    // UTF-8 (as utf8_checked says).
    auto rules = std::async(std::launch::async, [copy = xml]() mutable {
        QReportDom dom(std::move(copy), /*utf8_checked=*/true);
        return check_business_rules(dom, QReportCodes::builtin(), CnRegistry::builtin(), Countries::builtin());
    });
    auto schema = xsd.validate(xml, name);
    std::vector<RuleViolation> found = rules.get();
    if (!schema.parsed) return combine(std::move(schema), {});
    return combine(std::move(schema), std::move(found));
}

}  // namespace cbam
