// The help texts: CLI11 knows each command's arguments and options; this formatter lays them out
// between the command's own explanations, so that one declaration serves parsing and help alike.
#include "cli/command.h"
#include "cli/exit_codes.h"

#include <fmt/format.h>

#include <memory>
#include <sstream>

namespace cbam::cli {

namespace {

constexpr std::size_t kWidth = 100;   // text is wrapped to this many columns
constexpr std::size_t kColumn = 24;   // option descriptions start here

// Wraps `text` (paragraphs separated by '\n') to kWidth, every line but the first indented by
// `indent` columns; the first line starts at column `first`.
std::string wrap(const std::string& text, std::size_t indent, std::size_t first) {
    std::string out;
    std::size_t col = first;
    std::istringstream paragraphs(text);
    std::string para;
    bool first_para = true;
    while (std::getline(paragraphs, para)) {
        if (!first_para) {
            out += "\n" + std::string(indent, ' ');
            col = indent;
        }
        first_para = false;
        std::istringstream words(para);
        std::string w;
        bool line_start = true;
        while (words >> w) {
            if (!line_start && col + 1 + w.size() > kWidth) {
                out += "\n" + std::string(indent, ' ');
                col = indent;
                line_start = true;
            }
            if (!line_start) {
                out += ' ';
                ++col;
            }
            out += w;
            col += w.size();
            line_start = false;
        }
    }
    return out;
}

// "  -o, --output FILE    description..." with the description wrapped in its column.
std::string option_line(const CLI::Option* opt) {
    std::string names;
    if (opt->get_positional()) {
        names = opt->get_name(true);
    } else {
        for (const auto& s : opt->get_snames()) names += (names.empty() ? "-" : ", -") + s;
        for (const auto& l : opt->get_lnames()) names += (names.empty() ? "--" : ", --") + l;
        if (opt->get_type_size_max() > 0) names += " " + opt->get_type_name();
    }
    std::string head = "  " + names;
    std::string out = head;
    std::size_t col = head.size();
    if (col + 2 > kColumn) {
        out += "\n" + std::string(kColumn, ' ');
    } else {
        out += std::string(kColumn - col, ' ');
    }
    std::string description = opt->get_description();
    if (opt->get_required() && !opt->get_positional()) description += " (required)";
    return out + wrap(description, kColumn, kColumn) + "\n";
}

std::string section(const char* title, const std::string& body) {
    if (body.empty()) return "";
    std::string b = body;
    if (b.back() != '\n') b += '\n';
    return fmt::format("\n{}:\n{}", title, b);
}

class HelpFormatter : public CLI::FormatterBase {
public:
    explicit HelpFormatter(CommandHelp help) : help_(std::move(help)) {}

    std::string make_help(const CLI::App* app, std::string, CLI::AppFormatMode) const override {
        std::string out = "Usage: " + help_.usage + "\n\n" + help_.description;
        if (out.back() != '\n') out += '\n';
        std::string args, opts;
        const CLI::Option* help_flag = app->get_help_ptr();
        for (const CLI::Option* o : app->get_options()) {
            if (o == help_flag) continue;
            (o->get_positional() ? args : opts) += option_line(o);
        }
        if (help_flag) opts += option_line(help_flag);
        out += section("Arguments", args);
        out += section("Options", opts);
        out += section("Writes", help_.writes);
        if (!help_.notes.empty()) out += "\n" + help_.notes + (help_.notes.back() == '\n' ? "" : "\n");
        std::string codes;
        for (const auto& [code, detail] : help_.exit_codes) {
            std::string meaning = detail.empty() ? exit_code_meaning(code) : detail;
            codes += fmt::format("  {:<3} {}\n", code, wrap(meaning, 6, 6));
        }
        out += section("Exit codes (docs/exit-codes.md)", codes);
        std::string ex;
        for (const auto& e : help_.examples) ex += "  " + e + "\n";
        out += section(help_.examples.size() > 1 ? "Examples" : "Example", ex);
        return out;
    }

private:
    CommandHelp help_;
};

}  // namespace

std::shared_ptr<CLI::FormatterBase> make_help_formatter(const CommandHelp& help) { return std::make_shared<HelpFormatter>(help); }

std::string main_help() {
    std::string out = R"(cbam - embedded emissions of goods under the EU Carbon Border Adjustment Mechanism

Usage: cbam COMMAND [ARGUMENTS] [OPTIONS]

Commands:
)";
    for (const Command& c : all_commands()) {
        std::string head = "  " + c.help.name + (c.help.synopsis.empty() ? "" : " " + c.help.synopsis);
        out += head + (head.size() + 2 > kColumn ? "\n" + std::string(kColumn, ' ') : std::string(kColumn - head.size(), ' '));
        out += wrap(c.help.summary, kColumn, kColumn) + "\n";
        out += std::string(kColumn, ' ') + "e.g. " + c.help.examples.front() + "\n";
    }
    out += R"(
'cbam help COMMAND' or 'cbam COMMAND --help' explains a command: its arguments, every option, what
it writes, its exit codes and examples. 'cbam --version' names the version and its data.

Exit codes (the same for every command; docs/exit-codes.md):
)";
    for (const auto& e : exit_codes()) out += fmt::format("  {:<3} {}\n", e.code, wrap(e.meaning, 6, 6));
    out += R"(
Numbers are exact decimals inside; reported SEE are rounded once, to 5 decimals, half away
from zero (docs/rounding.md).
)";
    return out;
}

}  // namespace cbam::cli
