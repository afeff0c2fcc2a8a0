// The CBAM registry's business rules for QReport uploads that the XSD cannot express
// (../shared/schemas/business-rules.md names each rule and its source). Every rule is a named
// check; a violation gives the rule, the element path, the line and a message in the registry's
// style ("Field: X is mandatory Path: ..."). The checks read any QReport, ours or another tool's.
#pragma once

#include "registry/cn_registry.h"
#include "registry/countries.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace cbam {

struct RuleViolation {
    std::string rule;     // "B2", "C4" ... as in business-rules.md
    std::string path;     // /QReport/ImportedGood[2]/GoodsEmissions[1]/ProductionCountry
    int line = 0;
    std::string message;
    std::string to_string() const;
};

// Code lists keyed as in codelists.csv ("Declarant/Role" -> {"01","02","03"}).
class CodeLists {
public:
    static CodeLists load(const std::string& csv_path);  // throws InputError
    bool has(const std::string& list, const std::string& code) const;
    std::string codes(const std::string& list) const;    // "01, 02, 03" for messages

private:
    std::map<std::string, std::set<std::string>> lists_;
};

struct RuleDescription {
    const char* id;
    const char* summary;
};
// Every rule checked, for --help, documentation and tests.
const std::vector<RuleDescription>& business_rules();

// Checks the QReport XML text. Returns the violations (empty: the registry would accept it as far
// as these rules know). A document that is not XML or whose root is not QReport gives one
// violation with rule "X0".
std::vector<RuleViolation> check_business_rules(const std::string& xml, const CodeLists& codes,
                                                const CnRegistry& cn = CnRegistry::builtin(),
                                                const Countries& countries = Countries::builtin());

}  // namespace cbam
