#include "cli/manual.h"

#include "cli/command.h"

#include <fmt/format.h>

#include <set>
#include <sstream>

namespace cbam::cli {

namespace {

// Text as it is, for roff: backslashes escaped, and a line that starts with a control character
// ('.' or ') protected by a zero-width \&.
std::string roff_literal(const std::string& text) {
    std::string out;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        std::string escaped;
        for (char c : line) escaped += c == '\\' ? std::string("\\e") : std::string(1, c);
        if (!escaped.empty() && (escaped[0] == '.' || escaped[0] == '\'')) escaped = "\\&" + escaped;
        out += escaped + "\n";
    }
    return out;
}

// The long and short names of a command's options, as CLI11 declares them ("--output", "-o").
std::set<std::string> option_names(const Command& c) {
    CLI::App cmd{"", "cbam " + c.help.name};
    cmd.set_help_flag("-h,--help", "this text");
    c.setup(cmd);
    std::set<std::string> names;
    for (const CLI::Option* o : cmd.get_options()) {
        if (!o->nonpositional()) continue;
        for (const auto& l : o->get_lnames()) names.insert("--" + l);
        for (const auto& s : o->get_snames()) names.insert("-" + s);
    }
    return names;
}

}  // namespace

std::string man_page() {
    std::string out = fmt::format(".TH CBAM 1 \"\" \"cbam {}\" \"User Commands\"\n", CBAM_VERSION);
    out += ".SH NAME\ncbam \\- embedded emissions of goods under the EU Carbon Border Adjustment Mechanism\n";
    out += ".SH SYNOPSIS\n.B cbam\n.I COMMAND\n[\n.I ARGUMENTS\n] [\n.I OPTIONS\n]\n.br\n.B cbam help\n.I COMMAND\n.br\n.B cbam \\-\\-version\n";
    out += ".SH DESCRIPTION\n.nf\n" + roff_literal(main_help()) + ".fi\n";
    out += ".SH COMMANDS\n";
    for (const Command& c : all_commands())
        out += fmt::format(".SS cbam {}\n.nf\n{}.fi\n", c.help.name, roff_literal(command_help(c.help.name)));
    out += ".SH ENVIRONMENT\n"
           ".TP\n.B CBAM_DATA_DIR\nthe folder of cbam's data (cn_codes/, schemas/, i18n/, templates/); by default the one installed "
           "beside the program (../share/cbam), else the source tree it was built from.\n"
           ".TP\n.B CBAM_SCHEMA_DIR\nthe folder of the official QReport schema (QReport_ver23.00.xsd and stypes.xsd); see "
           "\\fBcbam help validate\\fR.\n"
           ".TP\n.B CBAM_CUSTOMS_READING\nhow report and declare read customs lines: \\fBparallel\\fR (the default on two cores or more), "
           "\\fBquick\\fR (one thread) or \\fBgeneral\\fR (every line through the checks that write error messages); all three give "
           "byte-identical outputs (docs/performance.md).\n";
    out += ".SH FILES\n"
           ".TP\n.I ~/.cache/cbam/schemas\nthe per-user copy of the official QReport schema (under $XDG_CACHE_HOME when set).\n";
    return out;
}

std::string bash_completion() {
    std::string commands;
    std::string cases;
    for (const Command& c : all_commands()) {
        commands += (commands.empty() ? "" : " ") + c.help.name;
        std::string opts;
        for (const auto& n : option_names(c)) opts += (opts.empty() ? "" : " ") + n;
        cases += fmt::format("    {}) opts=\"{}\" ;;\n", c.help.name, opts);
    }
    return fmt::format(R"(# bash completion for cbam {version}, generated from its option declarations ('cbam help --bash-completion').
_cbam() {{
  local cur=${{COMP_WORDS[COMP_CWORD]}} opts=""
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "{commands} help --help --version" -- "$cur"))
    return
  fi
  case ${{COMP_WORDS[1]}} in
    help) [ "$COMP_CWORD" -eq 2 ] && COMPREPLY=($(compgen -W "{commands}" -- "$cur")); return ;;
{cases}    *) return ;;
  esac
  # Options after the command; otherwise file and folder names (complete -o default).
  [[ $cur == -* ]] && COMPREPLY=($(compgen -W "$opts" -- "$cur"))
}}
complete -o default -F _cbam cbam
)",
                       fmt::arg("version", CBAM_VERSION), fmt::arg("commands", commands), fmt::arg("cases", cases));
}

}  // namespace cbam::cli
