#include "importers/qreport_dom.h"

#include <algorithm>
#include <cstring>

namespace cbam {

bool xml_has_doctype(std::string_view xml) {
    std::size_t i = 0;
    if (xml.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < xml.size()) {
        while (i < xml.size() && (xml[i] == ' ' || xml[i] == '\t' || xml[i] == '\r' || xml[i] == '\n')) ++i;
        if (xml.substr(i, 2) == "<?") {
            auto e = xml.find("?>", i);
            if (e == std::string_view::npos) return false;
            i = e + 2;
        } else if (xml.substr(i, 4) == "<!--") {
            auto e = xml.find("-->", i);
            if (e == std::string_view::npos) return false;
            i = e + 3;
        } else {
            return xml.substr(i, 9) == "<!DOCTYPE";
        }
    }
    return false;
}

QReportDom::QReportDom(const std::string& text) {
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') line_starts_.push_back(i + 1);
    if (xml_has_doctype(text)) {
        problem_ = Problem::Doctype;
        problem_line_ = 1;
        return;
    }
    pugi::xml_parse_result res = doc_.load_buffer(text.data(), text.size(), pugi::parse_default & ~pugi::parse_doctype);
    if (!res) {
        problem_ = Problem::Malformed;
        problem_line_ = static_cast<std::size_t>(std::upper_bound(line_starts_.begin(), line_starts_.end(), static_cast<std::size_t>(res.offset)) -
                                                 line_starts_.begin());
        problem_detail_ = res.description();
        return;
    }
    pugi::xml_node root = doc_.document_element();
    if (!root || std::strcmp(xml::local_name(root.name()), "QReport") != 0) {
        problem_ = Problem::NotQReport;
        problem_line_ = line_of(root);
        problem_detail_ = root ? root.name() : "";
        return;
    }
    root_ = root;
}

std::size_t QReportDom::line_of(pugi::xml_node n) const {
    if (!n) return 0;
    return static_cast<std::size_t>(std::upper_bound(line_starts_.begin(), line_starts_.end(), static_cast<std::size_t>(n.offset_debug())) -
                                    line_starts_.begin());
}

namespace xml {

const char* local_name(const char* name) {
    const char* colon = std::strchr(name, ':');
    return colon ? colon + 1 : name;
}

pugi::xml_node child(pugi::xml_node n, const char* name) {
    for (pugi::xml_node c : n.children())
        if (c.type() == pugi::node_element && std::strcmp(local_name(c.name()), name) == 0) return c;
    return {};
}

std::vector<pugi::xml_node> children(pugi::xml_node n, const char* name) {
    std::vector<pugi::xml_node> out;
    for (pugi::xml_node c : n.children())
        if (c.type() == pugi::node_element && std::strcmp(local_name(c.name()), name) == 0) out.push_back(c);
    return out;
}

pugi::xml_node at(pugi::xml_node n, std::string_view path) {
    while (n && !path.empty()) {
        auto slash = path.find('/');
        n = child(n, std::string(path.substr(0, slash)).c_str());
        path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
    }
    return n;
}

std::string text(pugi::xml_node n) {
    std::string s = n.text().get();
    auto b = s.find_first_not_of(" \t\r\n");
    auto e = s.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::string path_of(pugi::xml_node n, bool indexed) {
    std::string p;
    for (; n && n.type() == pugi::node_element; n = n.parent()) {
        std::string seg = local_name(n.name());
        pugi::xml_node parent = n.parent();
        if (indexed && parent && parent.type() == pugi::node_element) {
            auto sibs = children(parent, local_name(n.name()));
            if (sibs.size() > 1) seg += "[" + std::to_string(std::find(sibs.begin(), sibs.end(), n) - sibs.begin() + 1) + "]";
        }
        p = "/" + seg + p;
    }
    return p;
}

}  // namespace xml

}  // namespace cbam
