// Validation of an XML document against an XML Schema, through libxml2.
//
// Documents are parsed without network access, without loading external DTDs or entities and
// without substituting entities, so a hostile file cannot read local files or expand entity
// bombs; libxml2's own limits on depth and size stay in force (XML_PARSE_HUGE is never set).
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace cbam {

struct XsdIssue {
    int line = 0;          // in the validated document
    std::string path;      // element path when libxml2 knows the node, e.g. /QReport/ImportedGood[2]/ItemNumber
    std::string message;   // libxml2's message, trimmed
};

class XsdValidator {
public:
    // Loads `schema_file` (its xs:include files are resolved relative to it). Throws SetupError
    // naming the file when it cannot be read or is not a schema.
    explicit XsdValidator(const std::string& schema_file);
    ~XsdValidator();
    XsdValidator(const XsdValidator&) = delete;
    XsdValidator& operator=(const XsdValidator&) = delete;

    struct Result {
        bool parsed = false;          // false: not well-formed, or refused (entity declarations)
        std::vector<XsdIssue> issues;  // empty when valid
    };
    // Every schema violation of the document in `xml`. A document that is not well-formed XML
    // gives its parse errors and parsed = false. A valid document is validated as a stream (no
    // tree is built); an invalid one is then parsed into a tree so that each issue has its path.
    Result validate(const std::string& xml, const std::string& name = "document") const;

private:
    bool validate_streaming(const std::string& xml) const;  // true: valid
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Where the official QReport schema is, checked to be the published one: find_official_schema()
// of validate/official_schema.h (throws SetupError when it is missing or altered).
std::string official_schema_dir();
inline constexpr const char* kQReportXsd = "QReport_ver23.00.xsd";

}  // namespace cbam
