#include "audit/bundle.h"
#include "cli/command.h"
#include "cli/commands.h"
#include "core/error.h"
#include "core/sha256.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

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

// The input files the manifest records, with their SHA-256: "inputs/customs.csv" -> digest.
std::map<std::string, std::string> recorded_inputs(const fs::path& manifest) {
    std::ifstream in(manifest);
    auto json = nlohmann::json::parse(in, nullptr, false);
    std::map<std::string, std::string> out;
    if (json.is_object() && json.contains("inputs") && json["inputs"].is_array())
        for (const auto& f : json["inputs"])
            if (f.is_object() && f.contains("path") && f.contains("sha256") && f["path"].is_string() && f["sha256"].is_string())
                out[f["path"].get<std::string>()] = f["sha256"].get<std::string>();
    if (out.empty()) {
        Diagnostics d;
        d.add({manifest.string(), 0, 0, "inputs"}, "expected the list of the bundle's input files with their SHA-256; this is not a manifest of cbam");
        throw InputError(std::move(d));
    }
    return out;
}

// A folder for the re-run, removed with its contents at the end.
struct ScratchFolder {
    fs::path path;
    ScratchFolder() {
        std::string templ = (fs::temp_directory_path() / "cbam-rerun-XXXXXX").string();
        if (!::mkdtemp(templ.data())) throw OutputError("cannot create a temporary folder for the re-run");
        path = templ;
    }
    ~ScratchFolder() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

// While it lives, what the re-run command prints (its table, its notices naming the temporary
// folder) goes to a log instead of the terminal.
class Quiet {
public:
    explicit Quiet(const fs::path& log) {
        std::fflush(stdout);
        std::fflush(stderr);
        out_ = ::dup(1);
        err_ = ::dup(2);
        int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd >= 0) {
            ::dup2(fd, 1);
            ::dup2(fd, 2);
            ::close(fd);
        }
    }
    ~Quiet() {
        std::fflush(stdout);
        std::fflush(stderr);
        ::dup2(out_, 1);
        ::dup2(err_, 2);
        ::close(out_);
        ::close(err_);
    }

private:
    int out_, err_;
};

int run(Options& o) {
    fs::path bundle(o.bundle);
    Diagnostics d;
    for (const char* f : {"rerun.args", "SHA256SUMS", "manifest.json"})
        if (!fs::exists(bundle / f)) d.add({(bundle / f).string(), 0, 0, ""}, "missing: this is not a complete audit bundle of cbam");
    if (!d.empty()) throw InputError(std::move(d));

    // The inputs must be those the manifest records, byte for byte.
    bool inputs_same = true;
    for (const auto& [name, digest] : recorded_inputs(bundle / "manifest.json")) {
        fs::path file = bundle / name;
        if (!fs::is_regular_file(file)) {
            fmt::print("{}: MISSING from the bundle\n", name);
            inputs_same = false;
        } else if (std::string now = sha256_of_file(file.string()); now != digest) {
            fmt::print("{}: CHANGED since the bundle was written: its SHA-256 is {}, the manifest records {}\n", name, now, digest);
            inputs_same = false;
        }
    }

    Args command;
    {
        std::ifstream in(bundle / "rerun.args");
        std::string a;
        while (std::getline(in, a)) command.push_back(a == "inputs" || a.rfind("inputs/", 0) == 0 ? (bundle / a).string() : a);
    }
    ScratchFolder scratch;
    command.push_back("--audit");
    command.push_back((scratch.path / "bundle").string());
    int rc;
    {
        Quiet quiet(scratch.path / "log");
        rc = dispatch(command);
    }
    std::fflush(stdout);
    if (rc != exit_code::ok) {
        // What it said, without the temporary folder's name.
        std::ifstream in(scratch.path / "log");
        std::stringstream log;
        log << in.rdbuf();
        std::string text = log.str();
        const std::string temp = (scratch.path / "bundle").string();
        for (auto at = text.find(temp); at != std::string::npos; at = text.find(temp, at)) text.replace(at, temp.size(), "(the re-run's bundle)");
        std::fputs(text.c_str(), stderr);
        fmt::print(stderr, "cbam rerun: the recorded command '{}' failed (exit {})\n", fmt::join(command.begin(), command.end() - 2, " "), rc);
        return exit_code::input_error;
    }
    auto recorded = read_sums(bundle / "SHA256SUMS");
    auto now = read_sums(scratch.path / "bundle" / "SHA256SUMS");
    bool same = recorded == now;
    for (const auto& [file, sum] : recorded) {
        auto it = now.find(file);
        fmt::print("{}: {}\n", file, it == now.end() ? "not produced again" : it->second == sum ? "identical" : "DIFFERENT");
    }
    for (const auto& [file, sum] : now)
        if (!recorded.count(file)) fmt::print("{}: produced now but not recorded\n", file);
    if (same && inputs_same) {
        fmt::print(stderr, "cbam rerun: every output is byte-identical to the recorded one\n");
        return exit_code::ok;
    }
    fmt::print(stderr, "cbam rerun: the re-run does not reproduce the bundle{}\n", inputs_same ? "" : ": its inputs were changed (listed above)");
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
