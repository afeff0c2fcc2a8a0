// How a subcommand is declared: its help in parts, its options (through CLI11), what it runs.
//
// Every command file follows the same small pattern:
//
//   struct Options { std::string output; ... };        // 1. one field per option
//   void add_options(CLI::App& cmd, Options& o) {       // 2. one line per option, declared once
//       cmd.add_option("-o,--output", o.output, "what it is, what is written")->type_name("FILE");
//   }
//   int run(Options& o) { ... }                         // 3. uses the fields; returns the exit code
//   Command calc_command() { return make_command<Options>(help, add_options, run); }
//
// To add an option to a command: a field in its Options, one add_option line in its add_options
// (shared options such as --delimiter/--decimal, --audit, --year are in cli/options.h), and its use
// in run. CLI11 then refuses it on every other command, lists it in that command's help, and
// refuses a bad value with exit code 2 (a check that needs several options can throw UsageError
// from run). Register a new command in all_commands() (cli/app.cpp).
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace cbam::cli {

// A command line that is wrong: exit code 2, with the message and a hint to the command's help.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The help of a command, in the order it is printed: usage, description, arguments and options
// (from the CLI11 declarations), what is written, notes, exit codes, examples.
struct CommandHelp {
    std::string name;         // "calc"
    std::string synopsis;     // arguments for the list of commands in 'cbam --help': "DIR"
    std::string summary;      // one paragraph for that list
    std::string usage;        // "cbam calc DIR [-o FILE] [options]"
    std::string description;  // what it does and how (preformatted text)
    std::string writes;       // exactly which files are written, named from the output's stem
    std::string notes;        // anything after the options (rounding, determinism ...)
    // The exit codes this command returns, with what each means for it ("" = the general meaning).
    std::vector<std::pair<int, std::string>> exit_codes;
    std::vector<std::string> examples;  // at least one
};

using Runner = std::function<int()>;

struct Command {
    CommandHelp help;
    // Declares the command's options on `cmd` and returns what runs it once they are parsed.
    std::function<Runner(CLI::App& cmd)> setup;
};

template <class Options>
Command make_command(CommandHelp help, void (*add_options)(CLI::App&, Options&), int (*run)(Options&)) {
    return {std::move(help), [add_options, run](CLI::App& cmd) -> Runner {
                auto o = std::make_shared<Options>();
                add_options(cmd, *o);
                return [o, run] { return run(*o); };
            }};
}

// The commands, one per file of src/cli/.
Command classify_command();
Command calc_command();
Command explain_command();
Command report_command();
Command validate_command();
Command declare_command();
Command certificates_command();
Command extract_command();
Command verify_command();
Command rerun_command();
Command data_command();
Command check_template_command();
// All of them, in the order 'cbam --help' lists them.
const std::vector<Command>& all_commands();

// Lays out a command's help around what CLI11 knows of its arguments and options (cli/help.cpp).
std::shared_ptr<CLI::FormatterBase> make_help_formatter(const CommandHelp& help);
// The help printed by 'cbam --help' and 'cbam help'.
std::string main_help();
// The help of one command, as 'cbam COMMAND --help' prints it; "" when there is no such command.
std::string command_help(const std::string& name);

}  // namespace cbam::cli
