#include "validate/schema_versions.h"

#include "importers/qreport_dom.h"

#include <fmt/format.h>

#include <cstring>

namespace cbam {

namespace {

constexpr unsigned V17 = 1, V18 = 2, V19 = 4;

// Elements of earlier QReport schemas that 23.00 does not have, by parent. From QReport_v17.00.xsd
// (JNDUNLAP/cbam-api files/xml/validation), QReport_18.00.xsd and QReport_v19.00.xsd
// (tecnomod-um/CBAM), compared with QReport_ver23.00.xsd.
struct Marker {
    const char* parent;
    const char* name;
    unsigned versions;
};
constexpr Marker kMarkers[] = {
    {"QReport", "DraftReportId", V17},
    {"Signatures", "ApplicableMethdologyConfirmation", V17},  // misspelt in 17.00
    {"CarbonPriceDue", "ExchangeRate", V17},
    {"CarbonPriceDue", "EURO", V17},
    {"QReport", "TotalImported", V17 | V18},
    {"QReport", "TotalEmissions", V17 | V18},
    {"QReport", "NationalCompetentAuth", V17 | V18},
    {"ReportConfirmation", "SignatureDate", V17 | V18},
    {"ImportedGood", "TotalEmissions", V17 | V18},
    {"GoodsEmissions", "InstallationEmissions", V17 | V18},
    {"DirectEmissions", "Justification", V17 | V18},
    {"DirectQualifyingParameters", "DeterminationType", V17 | V18},
    {"IndirectQualifyingParameters", "DeterminationType", V17 | V18},
    {"ActorAddress", "Country", V17 | V18 | V19},
    {"ProdMethodQualifyingParams", "MethodName", V17 | V18 | V19},
    {"DirectQualifyingParameters", "ParameterName", V17 | V18 | V19},
    {"IndirectQualifyingParameters", "ParameterName", V17 | V18 | V19},
    {"DirectQualifyingParameters", "ParameterValueType", V17 | V18 | V19},
    {"IndirectQualifyingParameters", "ParameterValueType", V17 | V18 | V19},
    {"DirectQualifyingParameters", "Description", V17 | V18 | V19},
    {"IndirectQualifyingParameters", "Description", V17 | V18 | V19},
};

struct Found {
    const Marker* marker;
    pugi::xml_node node;
};

// Records `n` if it is a marker not yet seen, then looks at its descendants.
void visit(pugi::xml_node n, std::vector<Found>& found) {
    const char* name = xml::local_name(n.name());
    const char* parent = xml::local_name(n.parent().name());
    for (const auto& m : kMarkers) {
        if (std::strcmp(m.name, name) != 0 || std::strcmp(m.parent, parent) != 0) continue;
        bool seen = false;
        for (const auto& f : found) seen = seen || (std::strcmp(f.marker->name, m.name) == 0 && std::strcmp(f.marker->parent, m.parent) == 0);
        if (!seen) found.push_back({&m, n});
    }
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element) visit(c, found);
}

std::string versions_text(unsigned v) {
    std::vector<std::string> names;
    if (v & V17) names.push_back("17");
    if (v & V18) names.push_back("18");
    if (v & V19) names.push_back("19");
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) out += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
    return out;
}

}  // namespace

std::optional<RuleViolation> other_schema_version(const QReportDom& dom) {
    pugi::xml_node root = dom.root();
    if (!root) return std::nullopt;
    // The header and the first good show the version; the other goods repeat the same elements.
    std::vector<Found> found;
    for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        visit(c, found);
        if (std::strcmp(xml::local_name(c.name()), "ImportedGood") == 0) break;
    }
    if (found.empty()) return std::nullopt;
    unsigned common = V17 | V18 | V19;
    for (const auto& f : found) common &= f.marker->versions;
    std::string names;
    std::size_t shown = 0;
    for (const auto& f : found) {
        if (++shown > 6) {
            names += fmt::format(" and {} more", found.size() - 6);
            break;
        }
        std::string what = std::strcmp(f.marker->parent, "QReport") == 0 ? f.marker->name : fmt::format("{}/{}", f.marker->parent, f.marker->name);
        names += fmt::format("{}{} (line {})", shown == 1 ? "" : ", ", what, dom.line_of(f.node));
    }
    std::string message =
        common ? fmt::format("Looks like a QReport of version {}, not 23.00: {} belong to that schema, not to 23.00. The registry takes "
                             "version 23.00 only; the schema errors that follow come from this.",
                             versions_text(common), names)
               : fmt::format("Holds elements of earlier QReport versions, not of 23.00: {}. The registry takes version 23.00 only; the schema "
                             "errors that follow come from this.",
                             names);
    return RuleViolation{"X1", xml::path_of(found.front().node), static_cast<int>(dom.line_of(found.front().node)), message, Severity::Error};
}

}  // namespace cbam
