// Test helpers that make xlsx files: small workbooks written from scratch, archives of any parts
// (for broken and hostile files), and edited copies of an existing workbook. Built on libzip.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace cbam::test {

using Parts = std::vector<std::pair<std::string, std::string>>;  // archive path -> bytes

// A zip archive of `parts`, deflated, in memory.
std::string zip_parts(const Parts& parts);
// Every part of a zip archive in memory (in archive order).
Parts unzip_parts(const std::string& zip_bytes);

// A minimal xlsx workbook: one sheet per entry, each given as the inner XML of its <sheetData>
// (e.g. R"(<row r="1"><c r="A1"><v>1.5</v></c></row>)"), with inline strings where text is needed.
std::string minimal_xlsx(const std::vector<std::pair<std::string, std::string>>& sheets, const std::string& shared_strings_xml = {});

}  // namespace cbam::test
