#include "html/page_figures.h"

#include <csv.h>
#include <nlohmann/json.hpp>

#include <regex>
#include <stdexcept>

namespace cbam::test {

namespace {

std::string unescape(std::string s) {
    for (auto [from, to] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}})
        for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + 1)) s.replace(at, std::string(from).size(), to);
    return s;
}

// SAX handler keeping every scalar's text by its path.
struct Leaves : nlohmann::json::json_sax_t {
    std::map<std::string, std::string> out;
    std::vector<std::string> path;
    std::vector<long> index;  // -1 in an object
    std::string last_key;

    std::string here() {
        std::string p;
        for (const auto& s : path) p += s + "/";
        return p;
    }
    void put(const std::string& v) {
        if (!index.empty() && index.back() >= 0) out[here() + std::to_string(index.back()++)] = v;
        else out[here() + last_key] = v;
    }
    void open(bool array) {
        if (!index.empty()) path.push_back(index.back() >= 0 ? std::to_string(index.back()++) : last_key);
        index.push_back(array ? 0 : -1);
    }
    bool close() {
        index.pop_back();
        if (!path.empty()) path.pop_back();
        return true;
    }
    bool null() override { put("null"); return true; }
    bool boolean(bool v) override { put(v ? "true" : "false"); return true; }
    bool number_integer(number_integer_t v) override { put(std::to_string(v)); return true; }
    bool number_unsigned(number_unsigned_t v) override { put(std::to_string(v)); return true; }
    bool number_float(number_float_t, const string_t& s) override { put(s); return true; }
    bool string(string_t& v) override { put(v); return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { open(false); return true; }
    bool key(string_t& k) override { last_key = k; return true; }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { open(true); return true; }
    bool end_array() override { return close(); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override { throw std::runtime_error(e.what()); }
};

}  // namespace

std::vector<PageFigure> page_figures(const std::string& html) {
    static const std::regex fig(R"re(<a class="fig" href="#([^"]*)"[^>]*>\s*<data value="([^"]*)" data-row="([^"]*)" data-col="([^"]*)">([^<]*)</data>)re");
    static const std::regex any(R"(<data )");
    std::vector<PageFigure> out;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), fig); it != std::sregex_iterator(); ++it)
        out.push_back({unescape((*it)[2]), unescape((*it)[3]), unescape((*it)[4]), unescape((*it)[5]), (*it)[1]});
    auto all = std::distance(std::sregex_iterator(html.begin(), html.end(), any), std::sregex_iterator());
    if (static_cast<std::size_t>(all) != out.size()) throw std::runtime_error("a <data> element of the page is not a linked figure");
    return out;
}

bool page_has_id(const std::string& html, const std::string& id) { return html.find("id=\"" + id + "\"") != std::string::npos; }

std::map<std::string, std::string> json_leaves(const std::string& json) {
    Leaves l;
    nlohmann::json::sax_parse(json, &l);
    return l.out;
}

std::vector<std::map<std::string, std::string>> csv_rows(const std::string& text) {
    struct State {
        std::vector<std::string> header, row;
        std::vector<std::map<std::string, std::string>> rows;
    } st;
    csv_parser p;
    csv_init(&p, CSV_APPEND_NULL);
    auto field = [](void* s, size_t n, void* data) { static_cast<State*>(data)->row.emplace_back(static_cast<char*>(s), n); };
    auto end = [](int, void* data) {
        auto* st = static_cast<State*>(data);
        if (st->header.empty()) st->header = st->row;
        else {
            std::map<std::string, std::string> m;
            for (std::size_t i = 0; i < st->header.size() && i < st->row.size(); ++i) m[st->header[i]] = st->row[i];
            st->rows.push_back(std::move(m));
        }
        st->row.clear();
    };
    csv_parse(&p, text.data(), text.size(), field, end, &st);
    csv_fini(&p, field, end, &st);
    csv_free(&p);
    return st.rows;
}

std::string plain_number(std::string text, const std::string& group, const std::string& decimal) {
    for (std::size_t at = text.find(group); !group.empty() && at != std::string::npos; at = text.find(group, at)) text.erase(at, group.size());
    if (decimal != ".")
        for (std::size_t at = text.find(decimal); at != std::string::npos; at = text.find(decimal, at + 1)) text.replace(at, decimal.size(), ".");
    return text;
}

}  // namespace cbam::test
