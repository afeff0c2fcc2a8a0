#include "audit/bundle.h"
#include "calc/embedded_emissions.h"
#include "cli/commands.h"
#include "core/atomic_file.h"
#include "core/error.h"
#include "importers/installation_reader.h"
#include "writers/explanation.h"
#include "writers/see_results.h"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <optional>

namespace cbam::cli {

namespace {

constexpr const char* kCalcHelp = R"(Usage: cbam calc DIR [-o FILE] [--format csv|json|table] [--scope transitional|definitive]
                 [--explain GOOD|CN|all]

Computes the specific embedded emissions (SEE) of every good an installation makes, from the
CSV files in DIR (installation.csv, processes.csv, source_streams.csv, ... as described in
docs/installation-data.md), following Implementing Regulation (EU) 2023/1773 Annex III and its
definitive-period successor (EU) 2025/2547:
  1. emissions of every source stream, measurement, PFC and N2O source, in tCO2e;
  2. attributed to production processes (heat, waste gases, electricity produced; indirect
     emissions from electricity consumed);
  3. divided by each process's activity level, adding the embedded emissions of precursors
     (made in the installation, resolved recursively, or bought from suppliers);
  4. averaged over processes by production where one good comes from several routes.
It prints a table of SEE direct, indirect and total per aggregated good and per CN code.

Options:
  -o, --output FILE   also write the results to FILE (CSV or JSON, by the file's extension
                      unless --format says otherwise). Written whole or not at all.
  --format FMT        csv, json or table (the format of FILE; 'table' only for the terminal)
  --scope SCOPE       transitional: the total counts direct + indirect for every good;
                      definitive: indirect emissions count only for goods outside Annex II of
                      Regulation (EU) 2023/956 (cement, fertilisers, sintered ore).
                      Default: from the installation's period_end (before 2026: transitional).
  --explain WHAT      after the table, print the full derivation of a good's SEE: every input
                      with file, line and column, every formula with its legal source, every
                      intermediate value. WHAT is an aggregated good name, a CN code or 'all'.
  --audit DIR         also write an audit bundle to the new folder DIR: the inputs, the outputs,
                      their SHA-256, the data used, every assumption and the derivation of every
                      figure; 'cbam rerun DIR' reproduces it (docs/audit.md)
  -h, --help          this text

Numbers are exact decimals; reported SEE are rounded once, to 5 decimals, half away from zero.
Exit codes: 0 success, 1 input errors (all listed, nothing written), 2 usage, 3 output not written.

Examples:
  cbam calc fixtures/fastener-tw
  cbam calc fixtures/fastener-tw -o see.csv
  cbam calc fixtures/cement-vn --explain "Cement clinker"
)";

struct Options {
    std::string dir, output, format, explain, audit;
    std::optional<Scope> scope;
    CsvDialect dialect;
};

// Returns nullopt after printing a usage error (stored in rc).
std::optional<Options> parse(const Args& args, const char* command, bool explain_positional, int& rc) {
    Options o;
    std::vector<std::string> positional;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](const char* name) -> std::optional<std::string> {
            if (i + 1 >= args.size()) {
                rc = usage_error(command, fmt::format("option {} needs a value", name));
                return std::nullopt;
            }
            return args[++i];
        };
        std::string derr;
        if (dialect_option(args, i, o.dialect, derr)) {
            if (!derr.empty()) {
                rc = usage_error(command, derr);
                return std::nullopt;
            }
            continue;
        }
        if (a == "-h" || a == "--help") {
            fmt::print("{}{}", kCalcHelp, kDialectHelp);
            rc = exit_code::ok;
            return std::nullopt;
        } else if (a == "-o" || a == "--output") {
            auto v = value("--output");
            if (!v) return std::nullopt;
            o.output = *v;
        } else if (a == "--format") {
            auto v = value("--format");
            if (!v) return std::nullopt;
            if (*v != "csv" && *v != "json" && *v != "table") {
                rc = usage_error(command, fmt::format("--format expects csv, json or table, found '{}'", *v));
                return std::nullopt;
            }
            o.format = *v;
        } else if (a == "--scope") {
            auto v = value("--scope");
            if (!v) return std::nullopt;
            o.scope = parse_scope(*v);
            if (!o.scope) {
                rc = usage_error(command, fmt::format("--scope expects transitional or definitive, found '{}'", *v));
                return std::nullopt;
            }
        } else if (a == "--explain") {
            auto v = value("--explain");
            if (!v) return std::nullopt;
            o.explain = *v;
        } else if (a == "--audit") {
            auto v = value("--audit");
            if (!v) return std::nullopt;
            o.audit = *v;
        } else if (a.size() > 1 && a[0] == '-') {
            rc = usage_error(command, fmt::format("unknown option '{}'", a));
            return std::nullopt;
        } else {
            positional.push_back(a);
        }
    }
    std::size_t want = explain_positional ? 2 : 1;
    if (positional.size() != want) {
        rc = usage_error(command, explain_positional ? "expected an installation directory and a good (name or CN code)"
                                                     : "expected exactly one installation directory");
        return std::nullopt;
    }
    o.dir = positional[0];
    if (explain_positional) o.explain = positional[1];
    if (!o.output.empty() && o.format.empty()) {
        auto dot = o.output.rfind('.');
        std::string ext = dot == std::string::npos ? "" : o.output.substr(dot + 1);
        if (ext == "csv" || ext == "json") o.format = ext;
        else {
            rc = usage_error(command, fmt::format("cannot tell the format of '{}' from its extension: add --format csv or --format json", o.output));
            return std::nullopt;
        }
    }
    if (!o.output.empty() && o.format == "table") {
        rc = usage_error(command, "--format table is for the terminal; write a file as csv or json");
        return std::nullopt;
    }
    return o;
}

int run(const Options& o, bool print_table) {
    Installation inst = read_installation(o.dir, CnRegistry::builtin(), Countries::builtin(), o.dialect);
    Scope scope = o.scope.value_or(scope_for_period_end(inst.period_end));
    CalcResult result = calculate(inst, scope);

    std::string explanation;
    if (!o.explain.empty()) {
        if (o.explain == "all") {
            for (const auto& g : result.goods) explanation += "\n" + explain_good(g, scope);
        } else {
            const GoodResult* g = result.find(o.explain);
            if (!g) {
                std::string known;
                for (const auto& x : result.goods) known += (known.empty() ? "" : ", ") + (x.cn_code.empty() ? "\"" + x.aggregated_good + "\"" : x.cn_code);
                Diagnostics d;
                d.add({o.dir, 0, 0, ""}, fmt::format("this installation makes no good \"{}\"; it makes: {}", o.explain, known));
                throw InputError(std::move(d));
            }
            explanation = "\n" + explain_good(*g, scope);
        }
    }
    if (!o.output.empty()) {
        write_file_atomically(o.output, o.format == "json" ? see_to_json(inst, result) : see_to_csv(inst, result));
    }
    if (!o.audit.empty()) {
        AuditBundle b;
        std::vector<std::string> cmd = {"calc", "inputs", "--scope", to_string(scope)};
        for (const auto& a : dialect_args(o.dialect)) cmd.push_back(a);
        b.set_command(cmd);
        for (const auto& f : installation_files())
            if (std::filesystem::exists(std::filesystem::path(o.dir) / f)) b.add_input((std::filesystem::path(o.dir) / f).string(), f);
        add_registry_data(b);
        b.add_output("see.csv", see_to_csv(inst, result));
        b.add_output("see.json", see_to_json(inst, result));
        b.add_assumption(fmt::format("scope {}: {}", to_string(scope), o.scope ? "given with --scope" : "from the installation's period_end"));
        for (const auto& g : result.goods) {
            for (const Traced* t : {&g.see_direct, &g.see_indirect, &g.see_total})
                for (const auto& a : assumptions_in(*t)) b.add_assumption(a);
            b.add_derivation(explain_good(g, scope) + "\n");
        }
        b.write(o.audit);
        std::fflush(stdout);
        fmt::print(stderr, "cbam calc: wrote the audit bundle {}\n", o.audit);
    }
    if (print_table) {
        if (o.format == "csv" && o.output.empty()) fmt::print("{}", see_to_csv(inst, result));
        else if (o.format == "json" && o.output.empty()) fmt::print("{}", see_to_json(inst, result));
        else fmt::print("{}", see_to_table(inst, result));
    }
    if (!explanation.empty()) fmt::print("{}", explanation);
    std::fflush(stdout);
    if (!o.output.empty()) fmt::print(stderr, "cbam calc: wrote {}\n", o.output);
    return exit_code::ok;
}

}  // namespace

int calc(const Args& args) {
    int rc = exit_code::ok;
    auto o = parse(args, "calc", false, rc);
    if (!o) return rc;
    return run(*o, true);
}

int explain(const Args& args) {
    int rc = exit_code::ok;
    auto o = parse(args, "explain", true, rc);
    if (!o) return rc;
    return run(*o, false);
}

}  // namespace cbam::cli
