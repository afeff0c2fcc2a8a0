// A QReport document as a DOM (pugixml), loaded safely, with the helpers both of its readers need:
// the registry's business rules (validate/) and the reader back into the model (importers/).
//
// Loading refuses a DOCTYPE before any parser sees it (no entity, internal or external, is ever
// processed), text that is not UTF-8 when the document is UTF-8 (as libxml2 does), XML that is
// not well formed, and a root element other than QReport in the QReport namespace.
// Element names are compared by local name, so a prefixed namespace ("cbam:QReport") reads too.
// The text is parsed in place (no copy).
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cbam {

inline constexpr const char* kQReportNamespaceUri = "http://xmlns.ec.eu/BusinessObjects/CBAM/Types/V1";

// The line (from 1) where a DOCTYPE declaration stands in the prolog (before the root element);
// 0 when there is none.
std::size_t xml_doctype_line(std::string_view xml);
inline bool xml_has_doctype(std::string_view xml) { return xml_doctype_line(xml) != 0; }

class QReportDom {
public:
    enum class Problem { None, Doctype, NotUtf8, Malformed, NotQReport };

    // Parses `xml`; on failure problem() says why, problem_line() where, problem_detail() what
    // (the parser's description, the bad byte, or the root element's name and namespace).
    // `utf8_checked`: libxml2 has already parsed these bytes (and so refused any that are not UTF-8).
    explicit QReportDom(std::string xml, bool utf8_checked = false);
    QReportDom(const QReportDom&) = delete;
    QReportDom& operator=(const QReportDom&) = delete;

    Problem problem() const { return problem_; }
    std::size_t problem_line() const { return problem_line_; }
    std::size_t problem_column() const { return problem_column_; }  // byte of the line, from 1; 0 unknown
    // NotUtf8: the element whose start tag last precedes the bad byte ("" when none).
    const std::string& problem_element() const { return problem_element_; }
    const std::string& problem_detail() const { return problem_detail_; }
    pugi::xml_node root() const { return root_; }
    // For a root that is not a QReport: its name and namespace URI ("" when none).
    const std::string& root_name() const { return root_name_; }
    const std::string& root_namespace() const { return root_namespace_; }
    std::size_t line_of(pugi::xml_node n) const;  // 1-based; 0 for a null node

private:
    std::size_t line_at(std::size_t offset) const;

    std::string text_;  // the parsed buffer (pugixml parses in place)
    pugi::xml_document doc_;
    pugi::xml_node root_;
    std::string root_name_, root_namespace_;
    std::vector<std::size_t> line_starts_;  // offset of each line's first byte
    Problem problem_ = Problem::None;
    std::size_t problem_line_ = 0, problem_column_ = 0;
    std::string problem_element_, problem_detail_;
};

namespace xml {
const char* local_name(const char* name);
pugi::xml_node child(pugi::xml_node n, const char* name);
std::vector<pugi::xml_node> children(pugi::xml_node n, const char* name);
pugi::xml_node at(pugi::xml_node n, std::string_view path);  // child by a path "A/B/C"
std::string text(pugi::xml_node n);                          // trimmed text, "" for a null node
// "/QReport/ImportedGood[2]/ItemNumber"; with indexed = false, without the [i] of repeated names.
std::string path_of(pugi::xml_node n, bool indexed = true);
// The namespace URI of an element's name (its prefix, or the default namespace, resolved through
// its ancestors' xmlns attributes); "" when none.
std::string namespace_of(pugi::xml_node n);
}  // namespace xml

}  // namespace cbam
