#include "io/xlsx.h"

#include "core/text.h"

#include <fmt/format.h>
#include <pugixml.hpp>
#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>

namespace cbam::xlsx {

namespace {

constexpr std::uint32_t kMaxRow = 1048576, kMaxCol = 16384;

std::string_view local_name(const char* name) {
    std::string_view s(name);
    auto colon = s.find(':');
    return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node n, std::string_view name) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && local_name(c.name()) == name) return c;
    return {};
}

// An attribute by local name ("r:id" and "id" alike when `name` is "id" and the prefix is given).
pugi::xml_attribute attribute(pugi::xml_node n, std::string_view name) {
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute())
        if (local_name(a.name()) == name) return a;
    return {};
}

// The text of <t> children, and of the <t> in each <r> run (phonetic runs left out).
std::string string_item(pugi::xml_node si) {
    std::string out;
    for (pugi::xml_node c = si.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        auto n = local_name(c.name());
        if (n == "t") out += c.child_value();
        else if (n == "r") out += child(c, "t").child_value();
    }
    return out;
}

// "xl/" + "worksheets/sheet1.xml", or an absolute target "/xl/worksheets/sheet1.xml"; ".." resolved.
std::string resolve_target(const std::string& base_dir, std::string_view target) {
    std::string path = !target.empty() && target[0] == '/' ? std::string(target.substr(1)) : base_dir + std::string(target);
    std::vector<std::string> parts;
    std::size_t i = 0;
    while (i <= path.size()) {
        auto j = path.find('/', i);
        if (j == std::string::npos) j = path.size();
        std::string seg = path.substr(i, j - i);
        if (seg == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!seg.empty() && seg != ".") {
            parts.push_back(seg);
        }
        i = j + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

std::string dir_of(const std::string& part) {
    auto slash = part.rfind('/');
    return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

std::string rels_of(const std::string& part) {
    auto slash = part.rfind('/');
    std::string dir = slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
    std::string name = slash == std::string::npos ? part : part.substr(slash + 1);
    return dir + "_rels/" + name + ".rels";
}

bool contains_utf16(std::string_view bytes, std::string_view ascii) {
    std::string pattern;
    for (char c : ascii) {
        pattern += c;
        pattern += '\0';
    }
    return bytes.find(pattern) != std::string_view::npos;
}

// A hint on what the bytes are when they are not a zip archive.
std::string what_it_looks_like(std::string_view b) {
    auto starts = [&](std::string_view p) { return b.substr(0, p.size()) == p; };
    if (b.empty()) return "the file is empty";
    if (starts("%PDF")) return "it is a PDF document";
    if (starts("<?xml") || starts("<")) return "it is an XML or HTML file (perhaps an \"XML Spreadsheet 2003\" or a web page saved as .xlsx)";
    if (starts("ID;")) return "it is a SYLK file";
    if (b.size() >= 3 && std::all_of(b.begin(), b.begin() + std::min<std::size_t>(b.size(), 512), [](char c) {
            auto u = static_cast<unsigned char>(c);
            return u >= 0x20 || c == '\n' || c == '\r' || c == '\t';
        }))
        return "it is a text file (a CSV file? `cbam calc` reads a directory of CSV files, see docs/installation-data.md)";
    return "it does not start like a zip archive";
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// References

std::optional<std::uint32_t> column_number(std::string_view letters) {
    if (letters.empty() || letters.size() > 3) return std::nullopt;
    std::uint32_t n = 0;
    for (char c : letters) {
        char u = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (u < 'A' || u > 'Z') return std::nullopt;
        n = n * 26 + static_cast<std::uint32_t>(u - 'A' + 1);
    }
    if (n > kMaxCol) return std::nullopt;
    return n;
}

std::string column_name(std::uint32_t col) {
    std::string s;
    while (col > 0) {
        --col;
        s.insert(s.begin(), static_cast<char>('A' + col % 26));
        col /= 26;
    }
    return s;
}

std::optional<CellRef> CellRef::parse(std::string_view a1) {
    std::size_t i = 0;
    if (i < a1.size() && a1[i] == '$') ++i;
    std::size_t letters_start = i;
    while (i < a1.size() && std::isalpha(static_cast<unsigned char>(a1[i]))) ++i;
    auto col = column_number(a1.substr(letters_start, i - letters_start));
    if (!col) return std::nullopt;
    if (i < a1.size() && a1[i] == '$') ++i;
    auto digits = a1.substr(i);
    if (!is_digits(digits) || digits.size() > 7 || digits[0] == '0') return std::nullopt;
    std::uint32_t row = 0;
    for (char c : digits) row = row * 10 + static_cast<std::uint32_t>(c - '0');
    if (row > kMaxRow) return std::nullopt;
    return CellRef{row, *col};
}

std::string CellRef::to_string() const { return column_name(col) + std::to_string(row); }

std::optional<SheetRef> SheetRef::parse(std::string_view text) {
    auto bang = text.rfind('!');
    if (bang == std::string_view::npos || bang == 0) return std::nullopt;
    std::string sheet(text.substr(0, bang));
    if (sheet.size() >= 2 && sheet.front() == '\'' && sheet.back() == '\'') {
        std::string unq;
        for (std::size_t i = 1; i + 1 < sheet.size(); ++i) {
            unq += sheet[i];
            if (sheet[i] == '\'' && i + 2 < sheet.size() && sheet[i + 1] == '\'') ++i;  // '' is a quote
        }
        sheet = unq;
    }
    auto cell = CellRef::parse(text.substr(bang + 1));
    if (!cell || sheet.empty()) return std::nullopt;
    return SheetRef{sheet, *cell};
}

std::string SheetRef::to_string() const { return sheet + "!" + cell.to_string(); }

const char* describe(CellType t) {
    switch (t) {
        case CellType::Empty: return "an empty cell";
        case CellType::Number: return "a number";
        case CellType::Text: return "text";
        case CellType::Boolean: return "TRUE/FALSE";
        case CellType::Error: return "an error value";
    }
    return "?";
}

// ---------------------------------------------------------------------------------------------
// Values

std::optional<Decimal> Cell::number() const {
    if (type != CellType::Number) return std::nullopt;
    // allow-double: xlsx stores numbers as IEEE doubles written in decimal; reading the double back
    // is how the shortest decimal that denotes the same stored value is found. Nothing computes in it.
    double d = 0;  // allow-double (see above)
    const char* first = value.data();
    const char* last = value.data() + value.size();
    if (first != last && *first == '+') ++first;
    auto [end, ec] = std::from_chars(first, last, d);
    if (ec != std::errc() || end != last || !std::isfinite(d)) return std::nullopt;
    char buf[1100];
    auto [p, ec2] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
    if (ec2 != std::errc()) return std::nullopt;
    return Decimal::parse(std::string_view(buf, static_cast<std::size_t>(p - buf)));
}

std::optional<std::string> iso_date(const Cell& c, bool date1904) {
    if (c.type == CellType::Text && is_iso_date(c.value)) return c.value;
    auto n = c.number();
    if (!n || n->sign() <= 0) return std::nullopt;
    // Whole days only (a time of day is dropped).
    auto whole = boost::multiprecision::numerator(n->raw()) / boost::multiprecision::denominator(n->raw());
    if (whole > 2958465) return std::nullopt;  // 9999-12-31
    long long serial = whole.convert_to<long long>();
    // Days since 1970-01-01. 1900 system: serial 25569 is 1970-01-01, and serials below 61 come
    // before Excel's fictitious 29 February 1900. 1904 system: serial 0 is 1904-01-01.
    long long days = date1904 ? serial - 24107 : (serial < 61 ? serial - 25568 : serial - 25569);
    if (!date1904 && serial == 60) return std::nullopt;  // 1900-02-29 does not exist
    // civil_from_days (H. Hinnant's algorithm)
    long long z = days + 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long y = yoe + era * 400;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    long long d = doy - (153 * mp + 2) / 5 + 1;
    long long m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) ++y;
    return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

// ---------------------------------------------------------------------------------------------
// Sheets

const Cell* Sheet::at(CellRef ref) const {
    auto it = std::lower_bound(cells_.begin(), cells_.end(), ref, [](const auto& e, const CellRef& r) { return e.first < r; });
    return it != cells_.end() && it->first == ref ? &it->second : nullptr;
}

const Cell* Sheet::at(std::string_view a1) const {
    auto ref = CellRef::parse(a1);
    return ref ? at(*ref) : nullptr;
}

// ---------------------------------------------------------------------------------------------
// The workbook

struct Workbook::Zip {
    std::string bytes;  // libzip reads from here: it must outlive `archive`
    zip_t* archive = nullptr;
    ~Zip() {
        if (archive) zip_discard(archive);
    }
};

Workbook::Workbook(Workbook&&) noexcept = default;
Workbook& Workbook::operator=(Workbook&&) noexcept = default;
Workbook::~Workbook() = default;

void Workbook::fail(std::string message, std::string sheet) const {
    Diagnostics d;
    SourceLocation where;
    where.file = file_;
    where.sheet = std::move(sheet);
    d.add(where, std::move(message));
    throw InputError(std::move(d));
}

Workbook Workbook::open(const std::string& path, const Limits& limits) {
    Workbook probe;
    probe.file_ = path;
    std::ifstream in(path, std::ios::binary);
    if (!in) probe.fail("cannot open the file (does it exist, and may it be read?)");
    in.seekg(0, std::ios::end);
    auto size = static_cast<std::uint64_t>(std::max<std::streamoff>(in.tellg(), 0));
    if (size > limits.max_file_bytes)
        probe.fail(fmt::format("the file is {} bytes, more than the {} a workbook may have here", size, limits.max_file_bytes));
    in.seekg(0);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (!in) probe.fail("cannot read the file");
    return from_bytes(std::move(bytes), path, limits);
}

Workbook Workbook::from_bytes(std::string bytes, std::string name, const Limits& limits) {
    Workbook wb;
    wb.file_ = std::move(name);
    wb.limits_ = limits;
    if (bytes.size() > limits.max_file_bytes)
        wb.fail(fmt::format("the file is {} bytes, more than the {} a workbook may have here", bytes.size(), limits.max_file_bytes));
    static const char ole2[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    if (bytes.compare(0, 8, ole2, 8) == 0) {
        if (contains_utf16(bytes, "EncryptedPackage") || contains_utf16(bytes, "EncryptionInfo"))
            wb.fail("the workbook is encrypted (protected by a password to open): cbam cannot read it. Open it in Excel or "
                    "LibreOffice, remove the password (File > Info > Protect Workbook > Encrypt with Password, or save "
                    "without \"Save with password\") and save it as .xlsx");
        wb.fail("this is an Excel 97-2003 workbook (.xls, the binary BIFF format in an OLE2 container), not an xlsx "
                "workbook: open it in Excel or LibreOffice and save it as \"Excel Workbook (.xlsx)\"");
    }
    if (bytes.compare(0, 4, "PK\x03\x04", 4) != 0 && bytes.compare(0, 4, "PK\x05\x06", 4) != 0)
        wb.fail("not an xlsx workbook (an xlsx file is a zip archive): " + what_it_looks_like(bytes));

    wb.zip_ = std::make_unique<Zip>();
    wb.zip_->bytes = std::move(bytes);
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(wb.zip_->bytes.data(), wb.zip_->bytes.size(), 0, &err);
    if (!src) {
        std::string m = zip_error_strerror(&err);
        zip_error_fini(&err);
        wb.fail("cannot read the zip archive: " + m);
    }
    wb.zip_->archive = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (!wb.zip_->archive) {
        zip_source_free(src);
        std::string m = zip_error_strerror(&err);
        zip_error_fini(&err);
        wb.fail("the file is a damaged zip archive, so not a readable xlsx workbook (" + m +
                "); was it cut short while copying or downloading? Save it again from Excel or LibreOffice");
    }
    zip_error_fini(&err);
    auto entries = zip_get_num_entries(wb.zip_->archive, 0);
    if (entries < 0 || static_cast<std::uint64_t>(entries) > limits.max_entries)
        wb.fail(fmt::format("the zip archive has {} parts, more than the {} a workbook may have here", entries, limits.max_entries));
    wb.load();
    return wb;
}

bool Workbook::has_part(const std::string& path) const {
    return zip_name_locate(zip_->archive, path.c_str(), ZIP_FL_NOCASE) >= 0;
}

std::vector<std::string> Workbook::part_names() const {
    std::vector<std::string> out;
    auto n = zip_get_num_entries(zip_->archive, 0);
    for (zip_int64_t i = 0; i < n; ++i)
        if (const char* name = zip_get_name(zip_->archive, static_cast<zip_uint64_t>(i), 0)) out.emplace_back(name);
    return out;
}

std::string Workbook::part(const std::string& path) const { return read_part(path, {}); }

std::string Workbook::read_part(const std::string& path, const std::string& sheet) const {
    auto fail = [&](std::string message) { this->fail(std::move(message), sheet); };
    zip_int64_t index = zip_name_locate(zip_->archive, path.c_str(), ZIP_FL_NOCASE);
    if (index < 0) fail(fmt::format("the workbook has no part \"{}\": it is damaged or not a spreadsheet", path));
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_->archive, static_cast<zip_uint64_t>(index), 0, &st) != 0)
        fail(fmt::format("cannot read part \"{}\" of the zip archive: {}", path, zip_strerror(zip_->archive)));
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        fail(fmt::format("part \"{}\" of the zip archive is encrypted: cbam reads only workbooks without a password", path));
    zip_file_t* f = zip_fopen_index(zip_->archive, static_cast<zip_uint64_t>(index), 0);
    if (!f) fail(fmt::format("cannot read part \"{}\" of the zip archive: {}", path, zip_strerror(zip_->archive)));
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> guard(f, zip_fclose);
    const std::uint64_t compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    std::string out;
    char buf[1 << 16];
    for (;;) {
        zip_int64_t n = zip_fread(f, buf, sizeof buf);
        if (n < 0) fail(fmt::format("part \"{}\" of the zip archive is damaged ({}): save the workbook again", path, zip_file_strerror(f)));
        if (n == 0) break;
        out.append(buf, static_cast<std::size_t>(n));
        bytes_read_ += static_cast<std::uint64_t>(n);
        if (out.size() > limits_.max_part_bytes)
            fail(fmt::format("part \"{}\" decompresses to more than {} bytes: refused as a possible zip bomb", path, limits_.max_part_bytes));
        if (out.size() > (1u << 20) && out.size() > limits_.max_ratio * std::max<std::uint64_t>(compressed, 1))
            fail(fmt::format("part \"{}\" decompresses to more than {} times its compressed size ({} bytes): refused as a possible zip bomb",
                             path, limits_.max_ratio, compressed));
        if (bytes_read_ > limits_.max_total_bytes)
            fail(fmt::format("the workbook's parts decompress to more than {} bytes together: refused as a possible zip bomb",
                             limits_.max_total_bytes));
    }
    return out;
}

namespace {

pugi::xml_document parse_xml(const std::string& bytes, const std::string& part, const std::function<void(std::string)>& fail) {
    pugi::xml_document doc;
    auto r = doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata_single, pugi::encoding_utf8);
    if (!r) fail(fmt::format("part \"{}\" is not well-formed XML ({} at byte {}): the workbook is damaged", part, r.description(), r.offset));
    return doc;
}

}  // namespace

void Workbook::load() {
    auto failer = [this](std::string m) { fail(std::move(m)); };
    // The main part, from the package relationships (xl/workbook.xml in practice).
    std::string main_part;
    if (has_part("_rels/.rels")) {
        auto rels = parse_xml(part("_rels/.rels"), "_rels/.rels", failer);
        for (pugi::xml_node r : child(rels, "Relationships").children()) {
            std::string_view type = attribute(r, "Type").value();
            if (type.size() >= 15 && type.substr(type.size() - 15) == "/officeDocument") {
                main_part = resolve_target("", attribute(r, "Target").value());
                break;
            }
        }
    }
    if (main_part.empty() && has_part("xl/workbook.xml")) main_part = "xl/workbook.xml";
    if (main_part.empty() || !has_part(main_part)) {
        if (has_part("xl/workbook.bin"))
            fail("this is an Excel binary workbook (.xlsb), not an xlsx workbook: save it as \"Excel Workbook (.xlsx)\"");
        if (has_part("mimetype") && has_part("content.xml"))
            fail("this is an OpenDocument spreadsheet (.ods), not an xlsx workbook: save it as \"Excel 2007-365 (.xlsx)\"");
        if (has_part("word/document.xml")) fail("this is a Word document (.docx), not an xlsx workbook");
        fail("a zip archive but not an xlsx workbook: it has no workbook part (xl/workbook.xml)");
    }
    if (main_part.size() >= 4 && main_part.substr(main_part.size() - 4) == ".bin")
        fail("this is an Excel binary workbook (.xlsb), not an xlsx workbook: save it as \"Excel Workbook (.xlsx)\"");

    auto wbdoc = parse_xml(part(main_part), main_part, failer);
    pugi::xml_node wb = child(wbdoc, "workbook");
    if (!wb) fail(fmt::format("part \"{}\" is not a spreadsheet workbook", main_part));
    std::string_view d1904 = attribute(child(wb, "workbookPr"), "date1904").value();
    date1904_ = d1904 == "1" || d1904 == "true";

    std::map<std::string, std::string> targets;  // relationship id -> part
    std::string rels = rels_of(main_part);
    if (has_part(rels)) {
        auto rdoc = parse_xml(part(rels), rels, failer);
        for (pugi::xml_node r : child(rdoc, "Relationships").children())
            if (r.type() == pugi::node_element) targets[attribute(r, "Id").value()] = resolve_target(dir_of(main_part), attribute(r, "Target").value());
    }
    for (pugi::xml_node s : child(wb, "sheets").children()) {
        if (s.type() != pugi::node_element || local_name(s.name()) != "sheet") continue;
        std::string name = attribute(s, "name").value();
        auto t = targets.find(attribute(s, "id").value());
        if (name.empty() || t == targets.end()) continue;  // a sheet without its part cannot be read
        if (sheet_parts_.emplace(name, t->second).second) sheet_names_.push_back(name);
    }
    if (sheet_names_.empty()) fail("the workbook lists no sheets that can be read");
}

const std::string& Workbook::shared_string(std::size_t i) const {
    if (!shared_strings_) {
        shared_strings_.emplace();
        if (has_part("xl/sharedStrings.xml")) {
            auto doc = parse_xml(part("xl/sharedStrings.xml"), "xl/sharedStrings.xml", [this](std::string m) { fail(std::move(m)); });
            for (pugi::xml_node si : child(doc, "sst").children())
                if (si.type() == pugi::node_element && local_name(si.name()) == "si") shared_strings_->push_back(string_item(si));
        }
    }
    if (i >= shared_strings_->size())
        fail(fmt::format("a cell refers to shared string {} of {}: the workbook is damaged", i, shared_strings_->size()));
    return (*shared_strings_)[i];
}

bool Workbook::has_sheet(std::string_view name) const { return sheet_parts_.find(name) != sheet_parts_.end(); }

std::string Workbook::sheet_part(std::string_view name) const {
    auto it = sheet_parts_.find(name);
    if (it == sheet_parts_.end()) {
        std::string list;
        for (const auto& n : sheet_names_) list += (list.empty() ? "" : ", ") + n;
        fail(fmt::format("the workbook has no sheet \"{}\" (its sheets: {})", name, list));
    }
    return it->second;
}

const Sheet& Workbook::sheet(std::string_view name) const {
    if (auto it = sheets_.find(name); it != sheets_.end()) return *it->second;
    std::string path = sheet_part(name);
    auto sheet = std::make_unique<Sheet>();
    sheet->name_ = std::string(name);
    auto sfail = [this, &name](std::string m) { fail(std::move(m), std::string(name)); };
    auto doc = parse_xml(read_part(path, sheet->name_), path, sfail);
    pugi::xml_node data = child(child(doc, "worksheet"), "sheetData");
    std::uint32_t row = 0;
    for (pugi::xml_node r = data.first_child(); r; r = r.next_sibling()) {
        if (r.type() != pugi::node_element || local_name(r.name()) != "row") continue;
        std::uint32_t rn = attribute(r, "r").as_uint(row + 1);
        if (rn == 0 || rn > kMaxRow || rn <= row) sfail(fmt::format("part \"{}\" has rows out of order or beyond the last row (row {})", path, rn));
        row = rn;
        std::uint32_t col = 0;
        for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element || local_name(c.name()) != "c") continue;
            CellRef ref{row, col + 1};
            if (auto a = attribute(c, "r")) {
                auto parsed = CellRef::parse(a.value());
                if (!parsed || parsed->row != row || parsed->col <= col)
                    sfail(fmt::format("part \"{}\" has a cell reference \"{}\" that is malformed or out of order in row {}", path, a.value(), row));
                ref = *parsed;
            }
            if (ref.col > kMaxCol) sfail(fmt::format("part \"{}\" has a cell beyond the last column in row {}", path, row));
            col = ref.col;
            Cell cell;
            std::string_view t = attribute(c, "t").value();
            pugi::xml_node v = child(c, "v");
            if (pugi::xml_node f = child(c, "f")) {
                cell.formula = true;
                cell.formula_text = f.child_value();
            }
            if (t == "inlineStr") {
                cell.type = CellType::Text;
                cell.value = string_item(child(c, "is"));
            } else if (v) {
                std::string text = v.child_value();
                if (t == "s") {
                    std::size_t idx = 0;
                    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), idx);
                    if (ec != std::errc() || p != text.data() + text.size())
                        sfail(fmt::format("cell {} of part \"{}\" has a malformed shared-string index \"{}\"", ref.to_string(), path, text));
                    cell.type = CellType::Text;
                    cell.value = shared_string(idx);
                } else if (t == "str" || t == "d") {
                    cell.type = CellType::Text;
                    cell.value = std::move(text);
                } else if (t == "b") {
                    cell.type = CellType::Boolean;
                    cell.value = (text == "1" || text == "true") ? "1" : "0";
                } else if (t == "e") {
                    cell.type = CellType::Error;
                    cell.value = std::move(text);
                } else {
                    cell.type = CellType::Number;
                    cell.value = std::move(text);
                }
            }
            cell.style = attribute(c, "s").as_uint(0);
            if (cell.type == CellType::Empty && !cell.formula && cell.style == 0) continue;
            sheet->cells_.emplace_back(ref, std::move(cell));
        }
    }
    auto [it, inserted] = sheets_.emplace(std::string(name), std::move(sheet));
    return *it->second;
}

const Cell* Workbook::cell(std::string_view sheet_and_ref) const {
    auto ref = SheetRef::parse(sheet_and_ref);
    if (!ref) fail(fmt::format("\"{}\" is not a cell reference such as D_Processes!L23", sheet_and_ref));
    return sheet(ref->sheet).at(ref->cell);
}

}  // namespace cbam::xlsx
