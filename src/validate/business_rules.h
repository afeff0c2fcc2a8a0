// The CBAM registry's business rules for QReport uploads that the XSD cannot express
// (docs/business-rules.md names each rule, its scope and its source). Every rule is a named
// check; a finding gives the rule, the element path, the line and a message in the registry's
// style ("Field: X is mandatory Path: ..."). The checks read any QReport, ours or another tool's.
//
// A finding is an error when the rule's source says the registry refuses such a file, and a
// warning when the rule is our own reading (no source states it), or rests on a code list we know
// to be incomplete: a warning never makes a file fail.
#pragma once

#include "registry/cn_registry.h"
#include "registry/countries.h"
#include "registry/qreport_codes.h"

#include <string>
#include <vector>

namespace cbam {

enum class Severity { Error, Warning };

struct RuleViolation {
    std::string rule;     // "B2", "C4" ... as in docs/business-rules.md
    std::string path;     // /QReport/ImportedGood[2]/GoodsEmissions[1]/ProductionCountry
    int line = 0;
    std::string message;
    Severity severity = Severity::Error;
    // "line 12: [C4] message Path: ..." ("line 12: warning [R1] ..." for a warning)
    std::string to_string() const;
};

struct RuleDescription {
    const char* id;
    const char* summary;
    const char* source;  // where the rule comes from; "our own check" when from no source
    Severity severity;   // of its findings (A1, C5, D1 and D12 also give warnings, as documented)
};
// Every rule checked, for --help, documentation and tests.
const std::vector<RuleDescription>& business_rules();

// Checks the QReport XML text (taken by value: pass an rvalue to parse it in place). Returns the
// findings, errors and warnings (no error: the registry would accept it as far as these rules
// know). A document that is not XML, not UTF-8, or whose root is not a QReport gives one finding
// with rule "X0" and nothing else.
std::vector<RuleViolation> check_business_rules(std::string xml, const QReportCodes& codes = QReportCodes::builtin(),
                                                const CnRegistry& cn = CnRegistry::builtin(),
                                                const Countries& countries = Countries::builtin());

class QReportDom;
// The same on a document already loaded.
std::vector<RuleViolation> check_business_rules(const QReportDom& dom, const QReportCodes& codes = QReportCodes::builtin(),
                                                const CnRegistry& cn = CnRegistry::builtin(),
                                                const Countries& countries = Countries::builtin());

std::size_t count_errors(const std::vector<RuleViolation>& findings);

}  // namespace cbam
