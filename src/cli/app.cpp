// From the command line to a command: finds the command, parses its options with CLI11, runs it.
#include "cli/command.h"
#include "cli/commands.h"
#include "cli/manual.h"
#include "core/error.h"

#include <fmt/format.h>

#include <cstdio>

namespace cbam::cli {

const std::vector<Command>& all_commands() {
    static const std::vector<Command> commands = {classify_command(), calc_command(),    explain_command(),      check_template_command(),
                                                  report_command(),   validate_command(), declare_command(),     certificates_command(),
                                                  extract_command(),  verify_command(),   rerun_command(),       data_command()};
    return commands;
}

namespace {

const Command* find_command(const std::string& name) {
    for (const Command& c : all_commands())
        if (c.help.name == name) return &c;
    return nullptr;
}

int usage_error(const CommandHelp* help, const std::string& message) {
    std::fflush(stdout);
    if (!help) {
        fmt::print(stderr, "cbam: error: {}\nRun 'cbam --help' for the list of commands.\n", message);
        return exit_code::usage;
    }
    fmt::print(stderr, "cbam {}: error: {}\nUsage: {}\nRun 'cbam {} --help' for usage.\n", help->name, message, help->usage, help->name);
    return exit_code::usage;
}

bool looks_like_option(const std::string& a) { return a.size() > 1 && a[0] == '-' && !(a[1] >= '0' && a[1] <= '9') && a[1] != '.'; }

// CLI11's message, or for arguments nobody takes: the unknown options (with the value that
// follows each), then the arguments left over.
std::string parse_error_message(const CLI::ParseError& e, const CLI::App& cmd) {
    if (!dynamic_cast<const CLI::ExtrasError*>(&e)) return e.what();
    std::vector<std::string> options, extra;
    bool after_option = false;
    for (const auto& a : cmd.remaining()) {
        if (looks_like_option(a)) options.push_back(a);
        else if (after_option) options.back() += " " + a;
        else extra.push_back(a);
        after_option = looks_like_option(a) && a.find('=') == std::string::npos;
    }
    auto join = [](const std::vector<std::string>& v) {
        std::string out;
        for (const auto& x : v) out += (out.empty() ? "" : ", ") + x;
        return out;
    };
    std::string msg;
    if (!options.empty()) msg = fmt::format("this command does not take {}", join(options));
    if (!extra.empty()) msg += fmt::format("{}unexpected argument(s): {}", msg.empty() ? "" : "; ", join(extra));
    return msg.empty() ? e.what() : msg;
}

}  // namespace

std::string command_help(const std::string& name) {
    const Command* c = find_command(name);
    if (!c) return "";
    CLI::App cmd{"", "cbam " + name};
    cmd.set_help_flag("-h,--help", "this text");
    cmd.formatter(make_help_formatter(c->help));
    c->setup(cmd);
    return cmd.help();
}

int dispatch(const Args& args) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        std::fputs(main_help().c_str(), stdout);
        return args.empty() ? exit_code::usage : exit_code::ok;
    }
    if (args[0] == "help") {
        if (args.size() == 1) {
            std::fputs(main_help().c_str(), stdout);
            return exit_code::ok;
        }
        if (args.size() > 2) return usage_error(nullptr, "'cbam help' takes one command name");
        // What the build installs beside cbam (docs/install.md), from the same declarations.
        if (args[1] == "--man") return std::fputs(man_page().c_str(), stdout), exit_code::ok;
        if (args[1] == "--bash-completion") return std::fputs(bash_completion().c_str(), stdout), exit_code::ok;
        std::string text = command_help(args[1]);
        if (text.empty()) return usage_error(nullptr, fmt::format("unknown command '{}'", args[1]));
        std::fputs(text.c_str(), stdout);
        return exit_code::ok;
    }
    if (args[0] == "--version") return version(args);
    const Command* c = find_command(args[0]);
    if (!c) return usage_error(nullptr, fmt::format("unknown command '{}'", args[0]));

    CLI::App cmd{"", "cbam " + c->help.name};
    cmd.set_help_flag("-h,--help", "this text");
    cmd.formatter(make_help_formatter(c->help));
    Runner run = c->setup(cmd);
    std::vector<std::string> rest(args.rbegin(), args.rend() - 1);  // CLI11 takes them last first
    try {
        cmd.parse(rest);
        return run();
    } catch (const CLI::CallForHelp&) {
        std::fputs(cmd.help().c_str(), stdout);
        return exit_code::ok;
    } catch (const CLI::ParseError& e) {
        return usage_error(&c->help, parse_error_message(e, cmd));
    } catch (const UsageError& e) {
        return usage_error(&c->help, e.what());
    }
}

}  // namespace cbam::cli
