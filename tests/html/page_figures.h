// Reading back what a readable page and the machine-readable outputs say, for the tests that tie
// every figure of a page to the CSV, JSON or XML output of the same run.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace cbam::test {

// One <data value="..." data-row="..." data-col="...">text</data> of a page, with the anchor of
// the link around it ("" when none).
struct PageFigure {
    std::string value, row, col, text, link;
};
std::vector<PageFigure> page_figures(const std::string& html);
// Whether the page has an element with id="`id`".
bool page_has_id(const std::string& html, const std::string& id);

// Every leaf of a JSON text by its path ("goods/0/breakdown/2/see_direct"), as written: numbers
// keep their exact text, strings their value, true/false/null their name.
std::map<std::string, std::string> json_leaves(const std::string& json);

// A CSV text (comma, as cbam writes it) as rows of named fields.
std::vector<std::map<std::string, std::string>> csv_rows(const std::string& csv);

// `text` without the language's group separators and with '.' as the decimal mark.
std::string plain_number(std::string text, const std::string& group, const std::string& decimal);

}  // namespace cbam::test
