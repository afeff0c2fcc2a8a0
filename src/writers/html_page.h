// One self-contained HTML page: styles (screen and print), tables, figures tied to their
// derivation, and charts drawn by the bundled chart library (writers/chart_library.h). Nothing
// is loaded from elsewhere when the page is opened: its Content-Security-Policy forbids any
// request, so it works from a USB stick and prints to PDF from a browser.
//
// Every figure is written as <data value="PLAIN" data-row="ROW" data-col="COL">LOCALISED</data>
// inside a link to its derivation: PLAIN is the text of the CSV/JSON/XML output (the same
// rounding), ROW and COL name where it stands there, LOCALISED is PLAIN as the language writes
// numbers (docs/html.md).
#pragma once

#include "writers/catalogue.h"
#include "writers/chart_library.h"

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cbam {

// Text made safe for HTML content and attribute values.
std::string html_escape(std::string_view text);

class HtmlPage {
public:
    HtmlPage(const Catalogue& cat, const ChartLibrary& charts, std::string title);

    const Catalogue& cat() const { return cat_; }
    // Appends raw HTML (already escaped) to the body.
    HtmlPage& raw(std::string_view html);
    HtmlPage& heading(int level, std::string_view text, std::string_view id = {});
    HtmlPage& paragraph(std::string_view text, std::string_view css_class = {});

    // A derivation (the `explain` text of a figure) added to the page's last section; returns the
    // anchor figures link to ("why-3").
    std::string derivation(std::string_view title, std::string_view text);
    // A figure: `plain` as written in the machine-readable output, where it stands there, and the
    // anchor of its derivation.
    std::string figure(const std::string& plain, std::string_view row, std::string_view col, std::string_view why) const;
    // The message `key`, escaped, with each {name} replaced by the given HTML (figures, markup).
    std::string sentence(std::string_view key, std::initializer_list<std::pair<std::string_view, std::string>> html_args) const;
    // A chart: a Chart.js configuration whose data values are decimal strings (turned into numbers
    // by the page's script), with a caption. Returns nothing; without the library, the page says so
    // once, where the first chart would be.
    HtmlPage& chart(nlohmann::json config, std::string_view caption);

    // The closing section every page has: "About these figures" with the messages `notes`, and the
    // tool and data the run used.
    HtmlPage& about(std::initializer_list<std::string_view> notes, const std::vector<std::pair<std::string, std::string>>& data_versions);

    // The whole document.
    std::string str() const;

private:
    const Catalogue& cat_;
    const ChartLibrary& charts_;
    std::string title_, body_;
    std::vector<std::string> derivations_;
    int charts_written_ = 0;
};

// A Chart.js configuration of horizontal stacked bars: one bar per label, one dataset per series
// (its name, colour, and one decimal string per label).
struct ChartSeries {
    std::string name, colour;
    std::vector<std::string> values;
};
nlohmann::json stacked_bars(const nlohmann::json& labels, const std::vector<ChartSeries>& series, const std::string& axis_title);

// A table row of cells (each already HTML); `header` rows use <th>. Figures, and cells starting
// with \x01 (the mark is dropped), are numbers: right-aligned.
std::string html_row(const std::vector<std::string>& cells, bool header = false, std::string_view css_class = {});

}  // namespace cbam
