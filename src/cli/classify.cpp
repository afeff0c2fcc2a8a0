#include "cli/commands.h"
#include "core/error.h"
#include "registry/cn_registry.h"

#include <fmt/format.h>

namespace cbam::cli {

namespace {
constexpr const char* kHelp = R"(Usage: cbam classify CN [CN...]

Tells whether each CN code (8 digits; spaces and dots allowed, a 10-digit TARIC code is read by
its first 8) is covered by the CBAM (Annex I of Regulation (EU) 2023/956), and if so its sector,
aggregated goods category (Implementing Regulation (EU) 2023/1773 Annex II), greenhouse gases,
whether it is a simple or complex good, its relevant precursors, and whether only its direct
emissions count in the definitive period (Annex II of the Regulation).

Exit code: 0 when every code was understood (in scope or not), 1 when a code is malformed.

Example:
  cbam classify 73181590 7204 1000 72022100
)";

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}
}  // namespace

int classify(const Args& args) {
    if (args.empty()) return usage_error("classify", "expected at least one CN code");
    for (const auto& a : args)
        if (a == "--help" || a == "-h") {
            fmt::print("{}", kHelp);
            return exit_code::ok;
        }
    const CnRegistry& reg = CnRegistry::builtin();
    int rc = exit_code::ok;
    bool first = true;
    for (const auto& a : args) {
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

}  // namespace cbam::cli
