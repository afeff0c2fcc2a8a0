#include "xlsx_files.h"

#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace cbam::test {

std::string zip_parts(const Parts& parts) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &err);
    if (!buffer) throw std::runtime_error("zip_parts: cannot create a buffer");
    zip_source_keep(buffer);
    zip_t* za = zip_open_from_source(buffer, ZIP_TRUNCATE, &err);
    if (!za) throw std::runtime_error("zip_parts: cannot open the buffer");
    for (const auto& [name, bytes] : parts) {
        // libzip reads the data when the archive is closed: copy it to memory libzip frees.
        void* copy = std::malloc(bytes.size() ? bytes.size() : 1);
        std::memcpy(copy, bytes.data(), bytes.size());
        zip_source_t* s = zip_source_buffer(za, copy, bytes.size(), 1);
        if (!s || zip_file_add(za, name.c_str(), s, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) < 0)
            throw std::runtime_error("zip_parts: cannot add " + name);
    }
    if (zip_close(za) != 0) throw std::runtime_error("zip_parts: cannot write the archive");
    if (zip_source_open(buffer) != 0) throw std::runtime_error("zip_parts: cannot reopen the buffer");
    std::string out;
    char buf[65536];
    zip_int64_t n;
    while ((n = zip_source_read(buffer, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    zip_source_close(buffer);
    zip_source_free(buffer);
    return out;
}

Parts unzip_parts(const std::string& zip_bytes) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(zip_bytes.data(), zip_bytes.size(), 0, &err);
    zip_t* za = src ? zip_open_from_source(src, ZIP_RDONLY, &err) : nullptr;
    if (!za) throw std::runtime_error("unzip_parts: not a zip archive");
    Parts out;
    for (zip_int64_t i = 0; i < zip_get_num_entries(za, 0); ++i) {
        zip_stat_t st;
        zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st);
        zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(i), 0);
        std::string data(static_cast<std::size_t>(st.size), '\0');
        if (!f || zip_fread(f, data.data(), st.size) != static_cast<zip_int64_t>(st.size)) throw std::runtime_error("unzip_parts: cannot read");
        zip_fclose(f);
        out.emplace_back(st.name, std::move(data));
    }
    zip_discard(za);
    return out;
}

std::string minimal_xlsx(const std::vector<std::pair<std::string, std::string>>& sheets, const std::string& shared_strings_xml) {
    const std::string ns = R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main")";
    const std::string rns = R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";
    std::string wb = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook " + ns + " " + rns + "><sheets>";
    std::string rels = R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
    Parts parts;
    parts.emplace_back("[Content_Types].xml",
                       R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
                       R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
                       R"(<Default Extension="xml" ContentType="application/xml"/></Types>)");
    parts.emplace_back("_rels/.rels",
                       R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
                       R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)");
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        std::string n = std::to_string(i + 1);
        wb += "<sheet name=\"" + sheets[i].first + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
        rels += "<Relationship Id=\"rId" + n +
                "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet" + n + ".xml\"/>";
        parts.emplace_back("xl/worksheets/sheet" + n + ".xml",
                           "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet " + ns + "><sheetData>" + sheets[i].second + "</sheetData></worksheet>");
    }
    wb += "</sheets></workbook>";
    rels += "</Relationships>";
    parts.emplace_back("xl/workbook.xml", wb);
    parts.emplace_back("xl/_rels/workbook.xml.rels", rels);
    if (!shared_strings_xml.empty()) parts.emplace_back("xl/sharedStrings.xml", shared_strings_xml);
    return zip_parts(parts);
}

}  // namespace cbam::test
