#include "cli/command.h"
#include "core/error.h"
#include "registry/cn_registry.h"

#include <fmt/format.h>

namespace cbam::cli {

namespace {

const char* kDescription = R"(Tells whether each CN code (8 digits; spaces and dots allowed, a 10-digit TARIC code is read by
its first 8) is covered by the CBAM (Annex I of Regulation (EU) 2023/956), and if so its sector,
aggregated goods category (Implementing Regulation (EU) 2023/1773 Annex II), greenhouse gases,
whether it is a simple or complex good, its relevant precursors, and whether only its direct
emissions count in the definitive period (Annex II of the Regulation).
)";

struct Options {
    std::vector<std::string> codes;
};

void add_options(CLI::App& cmd, Options& o) {
    cmd.add_option("CN", o.codes, "one or more CN codes (a heading of 4 digits, a subheading of 6, a CN code of 8, a TARIC code of 10)")
        ->required();
}

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}

int run(Options& o) {
    const CnRegistry& reg = CnRegistry::builtin();
    int rc = exit_code::ok;
    bool first = true;
    for (const auto& a : o.codes) {
        std::string err;
        auto c = reg.classify(a, &err);
        if (!c) {
            fmt::print(stderr, "cbam classify: error: {}\n", err);
            rc = exit_code::input_error;
            continue;
        }
        if (!first) fmt::print("\n");
        first = false;
        fmt::print("{}\n", c->cn);
        if (!c->in_scope) {
            fmt::print("  in CBAM scope:       {}\n  reason:              {}\n", c->partial ? "only in part" : "no", c->reason);
            continue;
        }
        const AnnexILine& l = *c->line;
        fmt::print("  in CBAM scope:       {} (Annex I line {}: {})\n", c->partial ? "yes, in part" : "yes", l.cn, l.description);
        fmt::print("  sector:              {}\n", l.sector);
        fmt::print("  greenhouse gases:    {}\n", join(l.gases, ", "));
        if (c->good) {
            const AggregatedGood& g = *c->good;
            fmt::print("  aggregated good:     {}\n", g.name);
            fmt::print("  kind:                {} good\n", g.complex ? "complex" : "simple");
            fmt::print("  relevant precursors: {}\n", g.precursors.empty() ? std::string("none") : join(g.precursors, ", "));
        }
        fmt::print("  definitive period:   {}\n", l.direct_only ? "direct emissions only (Annex II)" : "direct and indirect emissions");
        if (!c->reason.empty()) fmt::print("  note:                {}\n", c->reason);
    }
    return rc;
}

}  // namespace

Command classify_command() {
    return make_command<Options>({.name = "classify",
                                  .synopsis = "CN...",
                                  .summary = "Is a CN code a CBAM good? Prints its sector, aggregated goods category, greenhouse gases, "
                                             "simple/complex and relevant precursors, or why it is out of scope.",
                                  .usage = "cbam classify CN [CN...]",
                                  .description = kDescription,
                                  .writes = "  nothing: the answer is printed.",
                                  .notes = "",
                                  .exit_codes = {{exit_code::ok, "every code was understood, in scope or not"},
                                                 {exit_code::input_error, "a code is malformed (the others are still answered)"},
                                                 {exit_code::usage, ""}},
                                  .examples = {"cbam classify 73181590 7204 1000 72022100"}},
                                 add_options, run);
}

}  // namespace cbam::cli
