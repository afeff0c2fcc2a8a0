#include "audit/bundle.h"
#include "cli/command.h"
#include "cli/commands.h"
#include "core/error.h"
#include "registry/cn_registry.h"
#include "registry/data_tables.h"

#include <fmt/format.h>

#include <algorithm>

namespace cbam::cli {

namespace {

struct Options {
    bool csv = false;
};

void add_options(CLI::App& cmd, Options& o) { cmd.add_flag("--csv", o.csv, "print the list as CSV instead of a table"); }

int run(Options& o) {
    std::vector<DataTable> tables = data_tables();
    std::vector<std::vector<std::string>> rows;
    rows.push_back({"file", "rows", "confidence", "legal act", "version", "sha256"});
    for (const auto& t : tables)
        rows.push_back({t.file, std::to_string(t.rows), to_string(t.confidence), t.legal_act, t.version, sha256_of_file(t.path)});
    if (o.csv) {
        auto quote = [](const std::string& v) {
            if (v.find_first_of(",\"\n") == std::string::npos) return v;
            std::string q = "\"";
            for (char c : v) q += c == '"' ? std::string("\"\"") : std::string(1, c);
            return q + "\"";
        };
        rows.front() = {"file", "rows", "confidence", "legal_act", "version", "sha256", "note"};
        for (std::size_t i = 1; i < rows.size(); ++i) rows[i].push_back(tables[i - 1].note);
        for (const auto& r : rows) {
            std::string line;
            for (std::size_t c = 0; c < r.size(); ++c) line += (c ? "," : "") + quote(r[c]);
            fmt::print("{}\n", line);
        }
        return exit_code::ok;
    }
    fmt::print("Data tables in {} (cn_codes/SOURCES.md: each table's sources and what is uncertain)\n\n", data_dir() + "/cn_codes");
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto& r = rows[i];
        fmt::print("{}\n  {} rows, confidence {}, sha256 {}\n  act: {}\n  version: {}\n", r[0], r[1], r[2], r[5], r[3], r[4]);
        if (!tables[i - 1].note.empty()) fmt::print("  note: {}\n", tables[i - 1].note);
    }
    std::vector<std::string> low;
    for (const auto& t : tables)
        if (t.confidence < Confidence::High) low.push_back(fmt::format("{} ({})", t.file, to_string(t.confidence)));
    if (!low.empty()) {
        std::string list;
        for (const auto& l : low) list += (list.empty() ? "" : ", ") + l;
        fmt::print("\nBelow high confidence: {}. Outputs that use such a row say so.\n", list);
    }
    return exit_code::ok;
}

}  // namespace

Command data_command() {
    return make_command<Options>(
        {.name = "data",
         .synopsis = "",
         .summary = "The data tables cbam uses (default values, benchmarks, factors ...): for each, the legal act, its version, "
                    "the number of rows, the SHA-256 and the confidence of its transcription.",
         .usage = "cbam data [--csv]",
         .description = "Lists every table of the data folder (cn_codes/, or $CBAM_DATA_DIR/cn_codes) as cn_codes/tables.csv\n"
                        "describes it. A corrected act is a change of a table and of its line in tables.csv, no code change;\n"
                        "the SHA-256 identifies the exact table a result was computed with (audit bundles record the same).\n",
         .writes = "  nothing: the list is printed.",
         .notes = "",
         .exit_codes = {{exit_code::ok, ""}, {exit_code::input_error, "the data folder is missing a table or its list is wrong"}},
         .examples = {"cbam data", "CBAM_DATA_DIR=/path/to/corrected-data cbam data --csv"}},
        add_options, run);
}

}  // namespace cbam::cli
