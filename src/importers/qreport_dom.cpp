#include "importers/qreport_dom.h"

#include "io/csv_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace cbam {

std::size_t xml_doctype_line(std::string_view xml) {
    std::size_t i = 0;
    if (xml.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < xml.size()) {
        while (i < xml.size() && (xml[i] == ' ' || xml[i] == '\t' || xml[i] == '\r' || xml[i] == '\n')) ++i;
        if (xml.substr(i, 2) == "<?") {
            auto e = xml.find("?>", i);
            if (e == std::string_view::npos) return 0;
            i = e + 2;
        } else if (xml.substr(i, 4) == "<!--") {
            auto e = xml.find("-->", i);
            if (e == std::string_view::npos) return 0;
            i = e + 3;
        } else {
            if (xml.substr(i, 9) != "<!DOCTYPE") return 0;
            return static_cast<std::size_t>(std::count(xml.begin(), xml.begin() + static_cast<std::ptrdiff_t>(i), '\n')) + 1;
        }
    }
    return 0;
}

namespace {

// The encoding the XML declaration names, lower-cased; "" when there is none (UTF-8 then, or a
// byte-order mark says otherwise).
std::string declared_encoding(std::string_view xml) {
    if (xml.substr(0, 3) == "\xEF\xBB\xBF") xml.remove_prefix(3);
    if (xml.substr(0, 5) != "<?xml") return "";
    auto end = xml.find("?>");
    std::string_view decl = xml.substr(0, end);
    auto at = decl.find("encoding");
    if (at == std::string_view::npos) return "";
    auto q = decl.find_first_of("\"'", at);
    if (q == std::string_view::npos) return "";
    auto e = decl.find(decl[q], q + 1);
    std::string enc(decl.substr(q + 1, e == std::string_view::npos ? 0 : e - q - 1));
    std::transform(enc.begin(), enc.end(), enc.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return enc;
}

bool utf16_or_32(std::string_view xml) {
    return xml.substr(0, 2) == "\xFF\xFE" || xml.substr(0, 2) == "\xFE\xFF" || (xml.size() > 1 && (xml[0] == '\0' || xml[1] == '\0'));
}

}  // namespace

QReportDom::QReportDom(std::string text, bool utf8_checked) : text_(std::move(text)) {
    // Lines are indexed before parsing: pugixml's in-place parse writes into the buffer.
    line_starts_.reserve(text_.size() / 32 + 1);
    line_starts_.push_back(0);
    for (const char* p = text_.data(); (p = static_cast<const char*>(std::memchr(p, '\n', text_.data() + text_.size() - p))); ++p)
        line_starts_.push_back(static_cast<std::size_t>(p - text_.data()) + 1);
    if (std::size_t line = xml_doctype_line(text_)) {
        problem_ = Problem::Doctype;
        problem_line_ = line;
        return;
    }
    // libxml2 refuses bytes that are not UTF-8 in a UTF-8 document; pugixml would not notice.
    std::string enc = declared_encoding(text_);
    if (!utf8_checked && (enc.empty() || enc == "utf-8" || enc == "utf8") && !utf16_or_32(text_)) {
        if (auto bad = invalid_utf8_at(text_); bad != std::string::npos) {
            problem_ = Problem::NotUtf8;
            problem_line_ = line_at(bad);
            std::size_t col = bad - line_starts_[problem_line_ - 1] + 1;
            problem_column_ = col;
            problem_detail_ = fmt::format("byte {} of the line (0x{:02X}) is not UTF-8", col, static_cast<unsigned char>(text_[bad]));
            // The element it stands in: the last start tag before it.
            for (std::size_t lt = text_.rfind('<', bad); lt != std::string::npos; lt = lt ? text_.rfind('<', lt - 1) : std::string::npos) {
                char next = lt + 1 < text_.size() ? text_[lt + 1] : '/';
                if (next == '/' || next == '!' || next == '?') continue;
                std::size_t end = text_.find_first_of(" \t\r\n/>", lt + 1);
                problem_element_ = xml::local_name(text_.substr(lt + 1, (end == std::string::npos ? bad : std::min(end, bad)) - lt - 1).c_str());
                break;
            }
            return;
        }
    }
    // No end-of-line normalisation: values are trimmed, and a CR never matters to a rule.
    unsigned options = (pugi::parse_default | pugi::parse_embed_pcdata) & ~(pugi::parse_doctype | pugi::parse_eol);
    pugi::xml_parse_result res = doc_.load_buffer_inplace(text_.data(), text_.size(), options);
    if (!res) {
        problem_ = Problem::Malformed;
        problem_line_ = line_at(static_cast<std::size_t>(res.offset));
        problem_detail_ = res.description();
        return;
    }
    pugi::xml_node root = doc_.document_element();
    root_name_ = root ? xml::local_name(root.name()) : "";
    root_namespace_ = root ? xml::namespace_of(root) : "";
    if (!root || root_name_ != "QReport" || root_namespace_ != kQReportNamespaceUri) {
        problem_ = Problem::NotQReport;
        problem_line_ = line_of(root);
        problem_detail_ = root ? root.name() : "";
        return;
    }
    root_ = root;
}

std::size_t QReportDom::line_at(std::size_t offset) const {
    return static_cast<std::size_t>(std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - line_starts_.begin());
}

std::size_t QReportDom::line_of(pugi::xml_node n) const {
    if (!n) return 0;
    return line_at(static_cast<std::size_t>(n.offset_debug()));
}

namespace xml {

const char* local_name(const char* name) {
    const char* colon = std::strchr(name, ':');
    return colon ? colon + 1 : name;
}

pugi::xml_node child(pugi::xml_node n, const char* name) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && std::strcmp(local_name(c.name()), name) == 0) return c;
    return {};
}

std::vector<pugi::xml_node> children(pugi::xml_node n, const char* name) {
    std::vector<pugi::xml_node> out;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
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
    std::string_view s = n.text().get();
    auto b = s.find_first_not_of(" \t\r\n");
    auto e = s.find_last_not_of(" \t\r\n");
    return b == std::string_view::npos ? std::string() : std::string(s.substr(b, e - b + 1));
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

std::string namespace_of(pugi::xml_node n) {
    const char* name = n.name();
    const char* colon = std::strchr(name, ':');
    std::string attr = colon ? "xmlns:" + std::string(name, colon) : std::string("xmlns");
    for (pugi::xml_node a = n; a && a.type() == pugi::node_element; a = a.parent())
        if (pugi::xml_attribute x = a.attribute(attr.c_str())) return x.value();
    return "";
}

}  // namespace xml

}  // namespace cbam
