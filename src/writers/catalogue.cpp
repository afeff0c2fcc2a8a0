#include "writers/catalogue.h"

#include "core/error.h"
#include "registry/cn_registry.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace cbam {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& file, const std::string& message) {
    Diagnostics d;
    d.add({file, 0, 0, ""}, message);
    throw InputError(std::move(d));
}

nlohmann::json read_json(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) fail(file, "cannot read this message catalogue");
    std::stringstream text;
    text << in.rdbuf();
    try {
        return nlohmann::json::parse(text.str());
    } catch (const nlohmann::json::parse_error& e) {
        fail(file, fmt::format("not valid JSON at byte {}: {}", e.byte, e.what()));
    }
}

}  // namespace

std::string Catalogue::default_dir() { return data_dir() + "/i18n"; }

std::vector<std::string> Catalogue::languages(const std::string& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.path().extension() == ".json") out.push_back(e.path().stem().string());
    std::sort(out.begin(), out.end());
    return out;
}

Catalogue Catalogue::load(const std::string& language, const std::string& dir) {
    std::string path = dir + "/" + language + ".json";
    bool safe = !language.empty() && std::all_of(language.begin(), language.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    });
    if (!safe || !fs::exists(path)) {
        std::string known;
        for (const auto& l : languages(dir)) known += (known.empty() ? "" : ", ") + l;
        fail(path, fmt::format("no message catalogue for the language '{}'; there are: {}", language, known.empty() ? "none" : known));
    }
    Catalogue c;
    c.language_ = language;
    for (const std::string& file : {dir + "/en.json", path}) {
        nlohmann::json j = read_json(file);
        if (!j.is_object() || !j.contains("messages") || !j["messages"].is_object())
            fail(file, "expected an object with \"language\", \"number\" and \"messages\"");
        for (const auto& [key, value] : j["messages"].items()) {
            if (!value.is_string()) fail(file, fmt::format("message \"{}\": expected a string", key));
            c.messages_[key] = value.get<std::string>();
        }
        if (j.contains("number")) {
            const auto& n = j["number"];
            if (!n.is_object() || !n.value("decimal", nlohmann::json()).is_string() || !n.value("group", nlohmann::json()).is_string() ||
                !n.value("group_size", nlohmann::json()).is_number_unsigned())
                fail(file, "\"number\" expects {\"decimal\": \".\", \"group\": \",\", \"group_size\": 3}");
            c.decimal_mark = n["decimal"].get<std::string>();
            c.group_separator = n["group"].get<std::string>();
            c.group_size = n["group_size"].get<int>();
            if (c.group_size <= 0) fail(file, "\"group_size\" must be at least 1");
        }
        if (file == path) break;
    }
    return c;
}

const std::string& Catalogue::operator()(std::string_view key) const {
    auto it = messages_.find(std::string(key));
    if (it == messages_.end()) throw std::out_of_range(fmt::format("no message \"{}\" in the catalogues", key));
    return it->second;
}

std::string Catalogue::format(std::string_view key, std::initializer_list<std::pair<std::string_view, std::string>> args) const {
    return substitute((*this)(key), args);
}

std::string Catalogue::substitute(std::string out, std::initializer_list<std::pair<std::string_view, std::string>> args) {
    for (const auto& [name, value] : args) {
        std::string mark = "{" + std::string(name) + "}";
        for (std::size_t at = out.find(mark); at != std::string::npos; at = out.find(mark, at + value.size())) out.replace(at, mark.size(), value);
    }
    return out;
}

std::string Catalogue::number(const std::string& plain) const {
    std::size_t start = !plain.empty() && (plain[0] == '-' || plain[0] == '+') ? 1 : 0;
    std::size_t dot = plain.find('.');
    std::size_t int_end = dot == std::string::npos ? plain.size() : dot;
    std::string out = plain.substr(0, start);
    std::size_t digits = int_end - start;
    for (std::size_t i = start; i < int_end; ++i) {
        out += plain[i];
        std::size_t left = int_end - i - 1;
        if (left > 0 && left % static_cast<std::size_t>(group_size) == 0 && digits > static_cast<std::size_t>(group_size)) out += group_separator;
    }
    if (dot != std::string::npos) out += decimal_mark + plain.substr(dot + 1);
    return out;
}

}  // namespace cbam
