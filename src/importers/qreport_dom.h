// A QReport document as a DOM (pugixml), loaded safely, with the helpers both of its readers need:
// the registry's business rules (validate/) and the reader back into the model (importers/).
//
// Loading refuses a DOCTYPE before any parser sees it (no entity, internal or external, is ever
// processed), refuses XML that is not well formed, and a root element other than QReport.
// Element names are compared by local name, so a prefixed namespace ("cbam:QReport") reads too.
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cbam {

// True when the prolog (before the root element) holds a DOCTYPE declaration.
bool xml_has_doctype(std::string_view xml);

class QReportDom {
public:
    enum class Problem { None, Doctype, Malformed, NotQReport };

    // Parses `xml`; on failure problem() says why, problem_line() where, problem_detail() what
    // (the parser's description, or the root element's name).
    explicit QReportDom(const std::string& xml);

    Problem problem() const { return problem_; }
    std::size_t problem_line() const { return problem_line_; }
    const std::string& problem_detail() const { return problem_detail_; }
    pugi::xml_node root() const { return root_; }
    std::size_t line_of(pugi::xml_node n) const;  // 1-based; 0 for a null node

private:
    pugi::xml_document doc_;
    pugi::xml_node root_;
    std::vector<std::size_t> line_starts_{0};
    Problem problem_ = Problem::None;
    std::size_t problem_line_ = 0;
    std::string problem_detail_;
};

namespace xml {
const char* local_name(const char* name);
pugi::xml_node child(pugi::xml_node n, const char* name);
std::vector<pugi::xml_node> children(pugi::xml_node n, const char* name);
pugi::xml_node at(pugi::xml_node n, std::string_view path);  // child by a path "A/B/C"
std::string text(pugi::xml_node n);                          // trimmed text, "" for a null node
// "/QReport/ImportedGood[2]/ItemNumber"; with indexed = false, without the [i] of repeated names.
std::string path_of(pugi::xml_node n, bool indexed = true);
}  // namespace xml

}  // namespace cbam
