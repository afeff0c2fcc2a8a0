// The audit bundle of a run (--audit DIR): everything an auditor needs to re-run a calculation
// and see every step behind every number.
//
//   DIR/manifest.json   tool version, command, SHA-256 of every input, output and data file used
//                       (CN list, default values, benchmarks, the XSD), and the assumptions made
//   DIR/inputs/...      the input files, byte for byte
//   DIR/outputs/...     the outputs, byte for byte
//   DIR/derivations.txt the derivation of every reported number (formula, inputs, values, source
//                       file and line)
//   DIR/rerun.args      the command, one argument per line, relative to DIR
//   DIR/SHA256SUMS      the outputs' digests, in sha256sum's format (`sha256sum -c SHA256SUMS`)
//
// `cbam rerun DIR` runs rerun.args again on DIR/inputs and checks that every output is identical.
// The bundle is written to a temporary folder and renamed into place when complete.
#pragma once

#include "core/sha256.h"
#include "registry/data_tables.h"

#include <string>
#include <utility>
#include <vector>

namespace cbam {

class AuditBundle {
public:
    // `command` is the subcommand's arguments as they will be re-run, with input paths relative to
    // the bundle (e.g. {"calc", "inputs", "--scope", "definitive"}); outputs are added by the bundle.
    void set_command(std::vector<std::string> command) { command_ = std::move(command); }
    // An input file, stored as inputs/<name>.
    void add_input(const std::string& path, const std::string& name);
    // A data file the run depended on (registry data, schema), recorded by digest only.
    void add_data(const std::string& path, const std::string& label);
    // A data table of cn_codes/, recorded by digest with its legal act, version, rows and confidence.
    void add_data_table(const DataTable& table);
    void add_output(const std::string& name, const std::string& content);
    void add_assumption(std::string text) { assumptions_.push_back(std::move(text)); }
    void add_derivation(const std::string& text) { derivations_ += text; }
    // Writes the bundle to `dir` (which must not exist yet); throws OutputError.
    void write(const std::string& dir) const;

private:
    struct File {
        std::string source, name, sha256;
        std::size_t bytes = 0;
        DataTable about;  // a data table (about.file set): its act, version, rows and confidence are recorded too
    };
    std::vector<std::string> command_;
    std::vector<File> inputs_, data_;
    std::vector<std::pair<std::string, std::string>> outputs_;  // name, content
    std::vector<std::string> assumptions_;
    std::string derivations_;
};

}  // namespace cbam
