#include "validate/xsd.h"

#include "core/error.h"
#include "importers/qreport_dom.h"
#include "validate/official_schema.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlschemas.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <string_view>

namespace cbam {

namespace {

// /QReport/ImportedGood[2]/ItemNumber: local names, an index where a name repeats among siblings.
// (xmlGetNodePath writes "*" for elements in a default namespace.)
std::string element_path(xmlNode* node) {
    std::string path;
    for (; node && node->type == XML_ELEMENT_NODE; node = node->parent) {
        std::string seg = reinterpret_cast<const char*>(node->name);
        int index = 0, count = 0;
        if (node->parent)
            for (xmlNode* sib = node->parent->children; sib; sib = sib->next) {
                if (sib->type != XML_ELEMENT_NODE || !xmlStrEqual(sib->name, node->name)) continue;
                ++count;
                if (sib == node) index = count;
            }
        if (count > 1) seg += "[" + std::to_string(index) + "]";
        path = "/" + seg + path;
    }
    return path;
}

void collect(void* ctx, const xmlError* err) {
    auto* out = static_cast<std::vector<XsdIssue>*>(ctx);
    if (!err) return;
    XsdIssue i;
    i.line = err->line;
    i.message = err->message ? err->message : "unknown error";
    while (!i.message.empty() && (i.message.back() == '\n' || i.message.back() == ' ')) i.message.pop_back();
    if (err->node) {
        auto* node = static_cast<xmlNode*>(err->node);
        i.path = element_path(node);
        if (i.line == 0) i.line = static_cast<int>(xmlGetLineNo(node));
    }
    out->push_back(std::move(i));
}

// libxml2 2.9's structured error callback takes a non-const xmlError*.
void collect_mutable(void* ctx, xmlError* err) { collect(ctx, err); }

void ignore_generic(void*, const char*, ...) {}

// libxml2's input callback over a document in memory.
struct MemoryReader {
    const char* at;
    std::size_t left;
    static int read(void* context, char* buffer, int len) {
        auto* self = static_cast<MemoryReader*>(context);
        std::size_t n = std::min(self->left, static_cast<std::size_t>(len));
        std::memcpy(buffer, self->at, n);
        self->at += n;
        self->left -= n;
        return static_cast<int>(n);
    }
};

// No XML_PARSE_NOENT, DTDLOAD or HUGE; BIG_LINES only lifts the 65535 cap on reported line numbers.
constexpr int kSafeParse = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES;

// True when `xml` may go to the streamed pass. libxml2's streamed validation
// (xmlSchemaValidateStream) builds a document for entity declarations ("SAX compatibility mode")
// and, in libxml2 2.9.14, never frees it when parsing stops on an error, which a byte scan for a
// DOCTYPE cannot always foresee (a broken XML declaration before it, say). So nothing that can
// declare anything is streamed:
// - the text must be UTF-8 (or its ASCII subset), where markup is plain bytes: after an optional
//   byte order mark it opens with '<' and a byte that is not NUL (UTF-16 and UTF-32 put NULs there;
//   EBCDIC has no '<' there), and an XML declaration names no encoding or UTF-8;
// - no "<!" may be followed by a capital letter (<!DOCTYPE, <!ENTITY, <!ELEMENT, <!ATTLIST): only
//   comments (<!--) and CDATA sections (<![CDATA[) pass.
// Anything else takes the tree pass below, which frees what it parses and refuses a DOCTYPE.
bool streamable(std::string_view xml) {
    std::string_view text = xml;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (text.size() < 2 || text[0] != '<' || text[1] == '\0') return false;
    if (text.substr(0, 5) == "<?xml") {
        std::string_view decl = text.substr(0, text.find("?>"));
        auto at = decl.find("encoding");
        if (at != std::string_view::npos) {
            auto quote = decl.find_first_of("\"'", at);
            if (quote == std::string_view::npos) return false;
            auto end = decl.find(decl[quote], quote + 1);
            if (end == std::string_view::npos) return false;
            std::string name(decl.substr(quote + 1, end - quote - 1));
            std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
            if (name != "UTF-8" && name != "UTF8") return false;
        }
    }
    for (auto at = xml.find("<!"); at != std::string_view::npos; at = xml.find("<!", at + 2))
        if (at + 2 < xml.size() && xml[at + 2] >= 'A' && xml[at + 2] <= 'Z') return false;
    return true;
}

}  // namespace

struct XsdValidator::Impl {
    xmlSchemaPtr schema = nullptr;
};

std::string official_schema_dir() { return find_official_schema(); }

XsdValidator::XsdValidator(const std::string& schema_file) : impl_(std::make_unique<Impl>()) {
    std::vector<XsdIssue> issues;
    xmlSchemaParserCtxtPtr pctx = xmlSchemaNewParserCtxt(schema_file.c_str());
    if (!pctx) throw SetupError("cannot read the schema " + schema_file);
    xmlSchemaSetParserStructuredErrors(pctx, collect_mutable, &issues);
    impl_->schema = xmlSchemaParse(pctx);
    xmlSchemaFreeParserCtxt(pctx);
    if (!impl_->schema) {
        std::string why = issues.empty() ? "not a readable XML Schema" : issues.front().message;
        throw SetupError("cannot load the schema " + schema_file + ": " + why +
                                 " (set CBAM_SCHEMA_DIR or --schema-dir to the folder holding QReport_ver23.00.xsd and stypes.xsd)");
    }
}

XsdValidator::~XsdValidator() {
    if (impl_ && impl_->schema) xmlSchemaFree(impl_->schema);
}

XsdValidator::Result XsdValidator::validate(const std::string& xml, const std::string& name) const {
    Result result;
    std::vector<XsdIssue>& issues = result.issues;
    if (xml.size() > 512u * 1024 * 1024) {
        issues.push_back({0, "", "the file is larger than 512 MiB: no CBAM report is that large"});
        return result;
    }
    if (std::size_t line = xml_doctype_line(xml)) {
        // Refused before libxml2 sees it: no entity, internal or external, is ever processed.
        issues.push_back({static_cast<int>(line), "", "the document has a DOCTYPE declaration; CBAM reports never do, so it is refused"});
        return result;
    }
    // First pass: streamed (SAX) validation, which builds no tree; a valid report, the usual
    // case, is done here in about the time libxml2 takes to parse it, with flat memory.
    if (streamable(xml) && validate_streaming(xml)) {
        result.parsed = true;
        return result;
    }
    // Not valid: parse into a tree and validate that, so that every issue names its element path.
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) throw std::runtime_error("libxml2: cannot create a parser");
    xmlSetStructuredErrorFunc(&issues, collect_mutable);
    xmlSetGenericErrorFunc(nullptr, ignore_generic);
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, xml.data(), static_cast<int>(xml.size()), name.c_str(), nullptr, kSafeParse);
    xmlFreeParserCtxt(ctxt);
    xmlSetStructuredErrorFunc(nullptr, nullptr);
    if (!doc) {
        if (issues.empty()) issues.push_back({0, "", "not well-formed XML"});
        return result;
    }
    if (doc->intSubset) {
        // Second line of defence: a DOCTYPE the byte scan above cannot see (a UTF-16 document, say),
        // found after parsing without entity substitution. A DOCTYPE (with entity or parameter-entity declarations, or an external DTD) has no place
        // in a QReport: refuse the file rather than resolve anything in it.
        issues.push_back({1, "", "the document has a DOCTYPE declaration; CBAM reports never do, so it is refused"});
        xmlFreeDoc(doc);
        return result;
    }
    result.parsed = true;
    xmlSchemaValidCtxtPtr vctx = xmlSchemaNewValidCtxt(impl_->schema);
    xmlSchemaSetValidStructuredErrors(vctx, collect_mutable, &issues);
    int rc = xmlSchemaValidateDoc(vctx, doc);
    xmlSchemaFreeValidCtxt(vctx);
    xmlFreeDoc(doc);
    if (rc != 0 && issues.empty()) issues.push_back({0, "", "the document does not validate against the schema"});
    return result;
}

bool XsdValidator::validate_streaming(const std::string& xml) const {
    // Errors are only counted here; the tree pass reports them.
    std::vector<XsdIssue> ignored;
    // Fed in chunks from `xml` through a read callback: no second copy of the document. (libxml2
    // 2.9's "static" memory buffers misread large documents when the parser shrinks its input.)
    MemoryReader source{xml.data(), xml.size()};
    xmlParserInputBufferPtr input = xmlParserInputBufferCreateIO(MemoryReader::read, nullptr, &source, XML_CHAR_ENCODING_NONE);
    if (!input) return false;
    xmlSchemaValidCtxtPtr vctx = xmlSchemaNewValidCtxt(impl_->schema);
    if (!vctx) {
        xmlFreeParserInputBuffer(input);
        return false;
    }
    xmlSetStructuredErrorFunc(&ignored, collect_mutable);
    xmlSetGenericErrorFunc(nullptr, ignore_generic);
    xmlSchemaSetValidStructuredErrors(vctx, collect_mutable, &ignored);
    // The parser it creates substitutes no entities and loads no DTD (libxml2's defaults; a
    // DOCTYPE was refused before). It takes over `input` and frees it.
    int rc = xmlSchemaValidateStream(vctx, input, XML_CHAR_ENCODING_NONE, nullptr, nullptr);
    xmlSchemaFreeValidCtxt(vctx);
    xmlSetStructuredErrorFunc(nullptr, nullptr);
    return rc == 0 && ignored.empty();
}

}  // namespace cbam
