// The labels and sentences of the readable (HTML) pages in one language, and how that language
// writes numbers. They come from i18n/<language>.json in the data directory (data_dir()), so a
// third language is a new file, not a code change; a message missing from a language falls back to
// English (i18n/en.json, which must hold every message). docs/html.md describes the files.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cbam {

class Catalogue {
public:
    // Throws InputError naming the file (and the place in it) when the language has no catalogue
    // or a catalogue is not valid.
    static Catalogue load(const std::string& language, const std::string& dir = default_dir());
    // The folder of the catalogues: data_dir() + "/i18n".
    static std::string default_dir();
    // The languages that have a catalogue in `dir`, sorted ("en", "zh-TW").
    static std::vector<std::string> languages(const std::string& dir = default_dir());

    const std::string& language() const { return language_; }  // BCP 47 tag, for <html lang>
    bool has(std::string_view key) const { return messages_.count(std::string(key)) > 0; }
    // The message `key`. A key that is in no catalogue is a defect: std::out_of_range.
    const std::string& operator()(std::string_view key) const;
    // The message with each {name} replaced by its value.
    std::string format(std::string_view key, std::initializer_list<std::pair<std::string_view, std::string>> args) const;
    // `text` with each {name} replaced by its value.
    static std::string substitute(std::string text, std::initializer_list<std::pair<std::string_view, std::string>> args);
    // A number written as plain decimal text ("-1234.5", the form of the CSV and XML outputs) in
    // this language's way: its decimal mark and digit grouping. The digits are never changed.
    std::string number(const std::string& plain) const;

private:
    std::string language_;
    std::string decimal_mark = ".", group_separator = ",";
    int group_size = 3;
    std::map<std::string, std::string> messages_;
};

}  // namespace cbam
