#include "writers/html_page.h"

#include <fmt/format.h>

namespace cbam {

namespace {

// Screen and print styles. Print: no links' colours, figures and rows kept whole, derivations
// printed only as their titles, charts scaled to the page width.
constexpr const char* kStyle = R"(
:root { --ink: #1d2433; --muted: #5b6475; --line: #d8dce3; --band: #f4f6f9; --accent: #1f5fa8; --warn: #9a5b00; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei", "Segoe UI", Arial, sans-serif;
       color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 24px; line-height: 1.45; font-size: 15px; }
h1 { font-size: 1.6em; margin: 0 0 0.2em; }
h2 { font-size: 1.25em; margin: 1.6em 0 0.5em; border-bottom: 2px solid var(--line); padding-bottom: 0.2em; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.4em; }
.meta { color: var(--muted); margin: 0.2em 0; }
.lead { font-size: 1.1em; background: var(--band); border-left: 4px solid var(--accent); padding: 10px 14px; margin: 14px 0; }
.notice { background: #fff4e0; border-left: 4px solid var(--warn); padding: 10px 14px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 14px; font-size: 0.93em; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: var(--band); font-weight: 600; }
td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 700; border-top: 2px solid var(--ink); }
a.fig { color: inherit; text-decoration: none; border-bottom: 1px dotted var(--accent); }
a.fig:hover { background: #e8f0fb; }
.tag { display: inline-block; font-size: 0.8em; padding: 0 6px; border-radius: 8px; background: var(--band); color: var(--muted); }
.tag.default { background: #fde6e2; color: #8a2b17; }
.tag.actual { background: #e2f3e6; color: #1e6b32; }
figure.chart { margin: 10px 0 18px; break-inside: avoid; }
.chart-box { position: relative; width: 100%; }
figcaption { color: var(--muted); font-size: 0.9em; margin-top: 4px; }
details { border: 1px solid var(--line); border-radius: 4px; margin: 6px 0; padding: 4px 10px; }
details summary { cursor: pointer; font-weight: 600; }
details pre { white-space: pre-wrap; font-size: 0.82em; overflow-x: auto; }
footer { margin-top: 2em; color: var(--muted); font-size: 0.85em; border-top: 1px solid var(--line); padding-top: 8px; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  a.fig { border-bottom: none; }
  h2 { break-after: avoid; }
  tr, figure, .lead { break-inside: avoid; }
  details { border: none; padding: 0; }
  details:not([open]) { display: none; }
  #derivations { break-before: page; }
  canvas { max-width: 100% !important; height: auto !important; }
}
)";

// Draws every chart from its JSON block (values travel as decimal strings), opens a derivation
// when a figure's link is followed, and redraws the charts at the paper's size before printing.
constexpr const char* kInit = R"(
(function () {
  function openTarget(hash) {
    var d = hash && document.getElementById(hash.slice(1));
    if (d && d.tagName === 'DETAILS') d.open = true;
  }
  document.addEventListener('click', function (e) {
    var a = e.target.closest ? e.target.closest('a.fig') : null;
    if (a) openTarget(a.getAttribute('href'));
  });
  openTarget(location.hash);
  if (typeof Chart === 'undefined') return;
  Chart.defaults.animation = false;
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  document.querySelectorAll('script.chart-data').forEach(function (s) {
    var cfg = JSON.parse(s.textContent);
    cfg.data.datasets.forEach(function (d) { d.data = d.data.map(Number); });
    var canvas = document.getElementById(s.getAttribute('data-for'));
    new Chart(canvas, cfg);
  });
  window.addEventListener('beforeprint', function () {
    Object.values(Chart.instances).forEach(function (c) { c.resize(); });
  });
})();
)";

// JSON inside <script>: "</" could close the element.
std::string script_safe(std::string json) {
    for (std::size_t at = json.find("</"); at != std::string::npos; at = json.find("</", at + 3)) json.replace(at, 2, "<\\/");
    return json;
}

}  // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

nlohmann::json stacked_bars(const nlohmann::json& labels, const std::vector<ChartSeries>& series, const std::string& axis_title) {
    nlohmann::json datasets = nlohmann::json::array();
    for (const auto& s : series) datasets.push_back({{"label", s.name}, {"data", s.values}, {"backgroundColor", s.colour}});
    return {{"type", "bar"},
            {"data", {{"labels", labels}, {"datasets", datasets}}},
            {"options",
             {{"indexAxis", "y"},
              {"scales",
               {{"x", {{"stacked", true}, {"title", {{"display", true}, {"text", axis_title}}}}}, {"y", {{"stacked", true}, {"ticks", {{"autoSkip", false}}}}}}},
              {"plugins", {{"legend", {{"position", "bottom"}}}}}}}};
}

std::string html_row(const std::vector<std::string>& cells, bool header, std::string_view css_class) {
    std::string out = css_class.empty() ? "<tr>" : fmt::format("<tr class=\"{}\">", css_class);
    for (const auto& c : cells) {
        // Figures, and header cells marked with a leading \x01, are right-aligned.
        bool marked = !c.empty() && c[0] == '\x01';
        bool numeric = marked || c.rfind("<a class=\"fig\"", 0) == 0;
        std::string body = marked ? c.substr(1) : c;
        out += fmt::format("<{0}{1}>{2}</{0}>", header ? "th" : "td", numeric ? " class=\"n\"" : "", body);
    }
    return out + "</tr>\n";
}

HtmlPage::HtmlPage(const Catalogue& cat, const ChartLibrary& charts, std::string title)
    : cat_(cat), charts_(charts), title_(std::move(title)) {}

HtmlPage& HtmlPage::raw(std::string_view html) {
    body_ += html;
    return *this;
}

HtmlPage& HtmlPage::heading(int level, std::string_view text, std::string_view id) {
    body_ += id.empty() ? fmt::format("<h{0}>{1}</h{0}>\n", level, html_escape(text))
                        : fmt::format("<h{0} id=\"{2}\">{1}</h{0}>\n", level, html_escape(text), html_escape(id));
    return *this;
}

HtmlPage& HtmlPage::paragraph(std::string_view text, std::string_view css_class) {
    body_ += css_class.empty() ? fmt::format("<p>{}</p>\n", html_escape(text))
                               : fmt::format("<p class=\"{}\">{}</p>\n", css_class, html_escape(text));
    return *this;
}

std::string HtmlPage::derivation(std::string_view title, std::string_view text) {
    std::string id = fmt::format("why-{}", derivations_.size() + 1);
    derivations_.push_back(fmt::format("<details id=\"{}\"><summary>{}</summary><pre>{}</pre></details>\n", id, html_escape(title), html_escape(text)));
    return id;
}

std::string HtmlPage::figure(const std::string& plain, std::string_view row, std::string_view col, std::string_view why) const {
    return fmt::format("<a class=\"fig\" href=\"#{}\" title=\"{}\"><data value=\"{}\" data-row=\"{}\" data-col=\"{}\">{}</data></a>", why,
                       html_escape(cat_("page.figure_link")), html_escape(plain), html_escape(row), html_escape(col),
                       html_escape(cat_.number(plain)));
}

std::string HtmlPage::sentence(std::string_view key, std::initializer_list<std::pair<std::string_view, std::string>> html_args) const {
    return Catalogue::substitute(html_escape(cat_(key)), html_args);
}

HtmlPage& HtmlPage::about(std::initializer_list<std::string_view> notes, const std::vector<std::pair<std::string, std::string>>& data_versions) {
    heading(2, cat_("page.about"), "about");
    raw("<ul>\n");
    for (auto k : notes) raw("<li>" + html_escape(cat_(k)) + "</li>\n");
    raw("</ul>\n");
    heading(3, cat_("page.data_used"));
    raw("<ul>\n");
    for (const auto& [what, version] : data_versions) raw("<li>" + html_escape(what) + ": " + html_escape(version) + "</li>\n");
    return raw("</ul>\n");
}

HtmlPage& HtmlPage::chart(nlohmann::json config, std::string_view caption) {
    if (!charts_.available()) {
        if (charts_written_++ == 0)
            body_ += fmt::format("<p class=\"notice\" id=\"no-charts\">{} <small>({})</small></p>\n", html_escape(cat_("page.no_charts")),
                                 html_escape(charts_.problem));
        return *this;
    }
    std::string id = fmt::format("chart-{}", ++charts_written_);
    config["options"]["locale"] = cat_.language();
    config["options"]["responsive"] = true;
    config["options"]["maintainAspectRatio"] = false;
    std::size_t bars = config["data"]["labels"].size();
    int height = config["options"].value("indexAxis", "x") == "y" ? static_cast<int>(90 + 34 * bars) : 320;
    body_ += fmt::format("<figure class=\"chart\"><div class=\"chart-box\" style=\"height:{}px\"><canvas id=\"{}\" role=\"img\" aria-label=\"{}\"></canvas></div>"
                         "<figcaption>{}</figcaption></figure>\n<script type=\"application/json\" class=\"chart-data\" data-for=\"{}\">{}</script>\n",
                         height, id, html_escape(caption), html_escape(caption), id, script_safe(config.dump()));
    return *this;
}

std::string HtmlPage::str() const {
    std::string out = "<!DOCTYPE html>\n";
    out += fmt::format("<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", html_escape(cat_.language()));
    // Nothing may be fetched: no network request when the page is opened.
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += fmt::format("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n", html_escape(title_), kStyle);
    out += body_;
    if (!derivations_.empty()) {
        out += fmt::format("<section id=\"derivations\">\n<h2>{}</h2>\n<p>{}</p>\n", html_escape(cat_("page.derivations")),
                           html_escape(cat_("page.derivations_intro")));
        for (const auto& d : derivations_) out += d;
        out += "</section>\n";
    }
    if (charts_.available() && charts_written_ > 0) out += "<script>" + charts_.script + "</script>\n";
    out += fmt::format("<script>{}</script>\n</body>\n</html>\n", kInit);
    return out;
}

}  // namespace cbam
