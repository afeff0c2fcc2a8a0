#include "audit/bundle.h"
#include "cli/command.h"
#include "cli/commands.h"
#include "core/error.h"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unistd.h>

namespace cbam::cli {

namespace {

namespace fs = std::filesystem;

const char* kDescription = R"(Re-runs the calculation recorded in an audit bundle (the folder written by --audit DIR of
cbam calc, report or declare) on the bundle's own copies of the inputs, and compares every output
with the recorded one, byte for byte (SHA-256). It also checks that the inputs are still those the
manifest names.
)";

struct Options {
    std::string bundle;
};

void add_options(CLI::App& cmd, Options& o) {
    cmd.add_option("AUDIT_DIR", o.bundle, "the audit bundle, as written by --audit")->required();
}

std::map<std::string, std::string> read_sums(const fs::path& file) {
    std::map<std::string, std::string> sums;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line))
        if (line.size() > 66) sums[line.substr(66)] = line.substr(0, 64);
    return sums;
}

int run(Options& o) {
    fs::path bundle(o.bundle);
    Diagnostics d;
    for (const char* f : {"rerun.args", "SHA256SUMS", "manifest.json"})
        if (!fs::exists(bundle / f)) d.add({(bundle / f).string(), 0, 0, ""}, "missing: this is not a complete audit bundle of cbam");
    if (!d.empty()) throw InputError(std::move(d));
    Args command;
    {
        std::ifstream in(bundle / "rerun.args");
        std::string a;
        while (std::getline(in, a)) command.push_back(a == "inputs" || a.rfind("inputs/", 0) == 0 ? (bundle / a).string() : a);
    }
    char templ[] = "/tmp/cbam-rerun-XXXXXX";
    if (!::mkdtemp(templ)) throw OutputError("cannot create a temporary folder for the re-run");
    fs::path scratch = fs::path(templ) / "bundle";
    command.push_back("--audit");
    command.push_back(scratch.string());
    int rc = dispatch(command);
    std::fflush(stdout);
    std::error_code ec;
    if (rc != exit_code::ok) {
        fs::remove_all(templ, ec);
        fmt::print(stderr, "cbam rerun: the recorded command failed (exit {})\n", rc);
        return exit_code::input_error;
    }
    auto recorded = read_sums(bundle / "SHA256SUMS");
    auto now = read_sums(scratch / "SHA256SUMS");
    bool same = recorded == now;
    for (const auto& [file, sum] : recorded) {
        auto it = now.find(file);
        fmt::print("{}: {}\n", file, it == now.end() ? "not produced again" : it->second == sum ? "identical" : "DIFFERENT");
    }
    for (const auto& [file, sum] : now)
        if (!recorded.count(file)) fmt::print("{}: produced now but not recorded\n", file);
    // The inputs copied in the bundle must be those the manifest names (nothing edited since).
    std::ifstream m1(bundle / "manifest.json"), m2(scratch / "manifest.json");
    std::stringstream a, b;
    a << m1.rdbuf();
    b << m2.rdbuf();
    auto inputs_part = [](const std::string& s) {
        auto from = s.find("\"inputs\":"), to = s.find("\"data\":");
        return from == std::string::npos || to == std::string::npos ? s : s.substr(from, to - from);
    };
    bool inputs_same = inputs_part(a.str()) == inputs_part(b.str());
    if (!inputs_same) fmt::print("inputs: the bundle's input files differ from the digests in its manifest\n");
    fs::remove_all(templ, ec);
    if (same && inputs_same) {
        fmt::print(stderr, "cbam rerun: every output is byte-identical to the recorded one\n");
        return exit_code::ok;
    }
    fmt::print(stderr, "cbam rerun: the re-run does not reproduce the bundle\n");
    return exit_code::check_failed;
}

}  // namespace

Command rerun_command() {
    return make_command<Options>({.name = "rerun",
                                  .synopsis = "AUDIT_DIR",
                                  .summary = "Re-runs the calculation recorded in an audit bundle (written by --audit DIR of calc, report "
                                             "or declare) and checks that every output is byte-identical.",
                                  .usage = "cbam rerun AUDIT_DIR",
                                  .description = kDescription,
                                  .writes = "  nothing: the re-run writes into a temporary folder, removed afterwards.",
                                  .notes = "",
                                  .exit_codes = {{exit_code::ok, "every output is byte-identical and the inputs are those recorded"},
                                                 {exit_code::input_error, "the bundle is incomplete, or its recorded command fails"},
                                                 {exit_code::usage, ""},
                                                 {exit_code::check_failed, "an output or an input differs from the recorded one"}},
                                  .examples = {"cbam rerun out/fastener-audit"}},
                                 add_options, run);
}

}  // namespace cbam::cli
