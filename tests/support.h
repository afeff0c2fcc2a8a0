// Helpers shared by the tests: where the fixtures are, running the cbam binary, scratch folders.
#pragma once

#include "core/decimal.h"

#include <string>
#include <utility>
#include <vector>

namespace cbam::test {

// Absolute path of a file or folder in the source tree ("fixtures/fastener-tw").
std::string source_path(const std::string& relative);

struct RunResult {
    int exit_code = -1;
    std::string out;  // standard output
    std::string err;  // standard error
};
// Runs the built cbam binary with `args` (each passed as one argument, no shell parsing).
RunResult run_cbam(const std::vector<std::string>& args);
// The same with environment variables set for the child only ({"CBAM_DATA_DIR", dir} ...).
RunResult run_cbam(const std::vector<std::string>& args, const std::vector<std::pair<std::string, std::string>>& env);
// Runs another program, found on PATH unless `program` has a slash; exit code 127 when it
// cannot be started.
RunResult run_program(const std::string& program, const std::vector<std::string>& args);

// A fresh empty directory, removed with its contents when the object goes.
class ScratchDir {
public:
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }
    // Writes `content` to `name` inside the directory (creating subfolders).
    void write(const std::string& name, const std::string& content) const;
    // Replaces the first occurrence of `from` with `to` in the file `name` of the directory;
    // throws (failing the test) when `from` is not there, so an edit can never silently miss.
    void edit(const std::string& name, const std::string& from, const std::string& to) const;
    // Copies every file of a source-tree folder (e.g. a fixture) into the directory.
    void copy_from(const std::string& source_relative) const;

private:
    std::string path_;
};

std::string read_file(const std::string& path);

// The Commission's blank communication template (never copied into the project): the file in
// $CBAM_TEMPLATE_DIR, by default ../shared/templates beside the source tree. Empty when absent
// (the tests that need it are then skipped, with a message).
std::string official_template(const std::string& version = "20241213");
bool file_exists(const std::string& path);

// Shorthand for exact expected values: D("2.746") or D(3295, 1200)... see Decimal::parse / ratio.
Decimal D(const char* text);
inline Decimal D(long long n, long long d) { return Decimal::ratio(n, d); }

}  // namespace cbam::test
