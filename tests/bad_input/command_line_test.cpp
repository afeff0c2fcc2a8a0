// The command line: every command has its own help, refuses the options it does not take, and
// treats a bad option value as a usage error (exit code 2) without reading or writing anything.
#include "support.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

using namespace cbam;

namespace {

const std::vector<std::string> kCommands = {"classify", "calc",    "explain", "report", "validate",
                                            "declare",  "certificates", "extract", "verify", "rerun"};

std::set<std::string> files_in(const std::string& dir) {
    std::set<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir)) names.insert(e.path().filename().string());
    return names;
}

}  // namespace

TEST_CASE("cli: cbam --help lists every command with an example, and the exit codes", "[cli]") {
    auto r = test::run_cbam({"--help"});
    REQUIRE(r.exit_code == 0);
    for (const auto& c : kCommands) {
        INFO(c);
        CHECK_THAT(r.out, Catch::Contains("\n  " + c + " "));
        CHECK_THAT(r.out, Catch::Contains("e.g. cbam " + c + " "));
    }
    for (const char* code : {"\n  0   success", "\n  1   the input is wrong", "\n  2   the command line is wrong", "\n  3   an output could not",
                             "\n  4   the inputs were read and computed, and the check", "\n  5   cbam is not set up", "\n  70  an internal error"})
        CHECK_THAT(r.out, Catch::Contains(code));
    auto none = test::run_cbam({});
    CHECK(none.exit_code == 2);
    CHECK(none.out == r.out);
    CHECK(test::run_cbam({"help"}).out == r.out);
}

TEST_CASE("cli: 'cbam help COMMAND' and 'cbam COMMAND --help' show that command's own help", "[cli]") {
    for (const auto& c : kCommands) {
        INFO(c);
        auto a = test::run_cbam({"help", c});
        auto b = test::run_cbam({c, "--help"});
        auto h = test::run_cbam({c, "-h"});
        CHECK(a.exit_code == 0);
        CHECK(b.exit_code == 0);
        CHECK(a.out == b.out);
        CHECK(h.out == b.out);
        CHECK_THAT(a.out, Catch::StartsWith("Usage: cbam " + c + " "));
        // Arguments and options come before what is written, the exit codes and the examples.
        auto options = a.out.find("\nOptions:\n"), writes = a.out.find("\nWrites:\n"), codes = a.out.find("\nExit codes"),
             example = a.out.find("\nExample");
        CHECK(options != std::string::npos);
        CHECK(writes != std::string::npos);
        CHECK(example != std::string::npos);
        CHECK(options < writes);
        CHECK(writes < codes);
        CHECK(codes < example);
        CHECK_THAT(a.out.substr(example), Catch::Contains("  cbam " + c + " "));
        CHECK_THAT(a.out, Catch::Contains("  -h, --help"));
    }
    // explain's help is explain's, not calc's.
    auto e = test::run_cbam({"explain", "--help"});
    CHECK_THAT(e.out, Catch::StartsWith("Usage: cbam explain DIR|FILE.xlsx GOOD"));
    CHECK_THAT(e.out, !Catch::Contains("--output"));
    auto unknown = test::run_cbam({"help", "frobnicate"});
    CHECK(unknown.exit_code == 2);
    CHECK_THAT(unknown.err, Catch::Contains("unknown command 'frobnicate'"));
}

TEST_CASE("cli: certificates refuses -o and --audit, and writes nothing", "[cli]") {
    test::ScratchDir d;
    auto r = test::run_cbam({"certificates", test::source_path("fixtures/warehouse-de"), "--year", "2026", "-o", d.file("c.csv"), "--audit",
                             d.file("audit")});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("cbam certificates: error: this command does not take -o " + d.file("c.csv") + ", --audit " + d.file("audit")));
    CHECK_THAT(r.err, Catch::Contains("Run 'cbam certificates --help' for usage."));
    CHECK(r.out.empty());
    CHECK(files_in(d.path()).empty());
}

TEST_CASE("cli: every command refuses an option it does not take", "[cli]") {
    const std::string inst = test::source_path("fixtures/fastener-tw"), nl = test::source_path("fixtures/importer-nl"),
                      de = test::source_path("fixtures/warehouse-de"), xml = test::source_path("../shared/schemas/example-minimal.xml");
    struct Case {
        std::vector<std::string> args;
        std::string foreign;  // an option of another command
    };
    const std::vector<Case> cases = {
        {{"classify", "73181590"}, "--scope"},
        {{"calc", inst}, "--period"},
        {{"explain", inst, "73181590"}, "--output"},
        {{"explain", inst, "73181590"}, "--audit"},
        {{"report", nl, "--period", "2024Q2"}, "--year"},
        {{"validate", xml}, "--output"},
        {{"declare", de, "--year", "2026"}, "--quarter-end"},
        {{"declare", de, "--year", "2026"}, "--schema-dir"},
        {{"certificates", de, "--year", "2026"}, "--output"},
        {{"extract", xml}, "--schema-dir"},
        {{"verify", xml, nl}, "--period"},
        {{"rerun", inst}, "--year"},
    };
    test::ScratchDir d;
    for (const auto& c : cases) {
        auto args = c.args;
        args.push_back(c.foreign);
        args.push_back(d.file("value"));
        INFO(args.front() << " " << c.foreign);
        auto r = test::run_cbam(args);
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Catch::Contains("cbam " + args.front() + ": error: this command does not take " + c.foreign));
        CHECK(r.out.empty());
    }
    CHECK(files_in(d.path()).empty());
}

TEST_CASE("cli: bad option values are usage errors, for every command that takes them", "[cli]") {
    test::ScratchDir d;
    const std::string de = test::source_path("fixtures/warehouse-de"), nl = test::source_path("fixtures/importer-nl");
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    const std::vector<Case> cases = {
        {{"declare", de, "--year", "2031", "-o", d.file("d.xml")}, "the cross-sectoral correction factor for 2031 is not yet published"},
        {{"certificates", de, "--year", "2031"}, "the cross-sectoral correction factor for 2031 is not yet published"},
        {{"declare", de, "--year", "2025", "-o", d.file("d.xml")}, "expected a year from 2026 (the definitive period), found 2025"},
        {{"declare", de, "--year", "26", "-o", d.file("d.xml")}, "--year expects a year such as 2026, found '26'"},
        {{"certificates", de, "--year", "2026", "--quarter-end", "2026-06-31"}, "--quarter-end expects a date that exists, written YYYY-MM-DD, found '2026-06-31'"},
        {{"certificates", de, "--year", "2026", "--quarter-end", "2027-06-30"}, "--quarter-end expects the last day of a quarter of 2026"},
        {{"certificates", de, "--year", "2026", "--quarter-end", "2026-06-30", "--held", "-3"}, "--held expects a number of certificates, found '-3'"},
        {{"certificates", de, "--year", "2026", "--held", "3"}, "--held requires --quarter-end"},
        {{"report", nl, "--period", "2024Q5", "-o", d.file("r.xml")}, "--period expects a quarter such as 2024Q2, found '2024Q5'"},
        {{"report", nl, "--period", "2026Q1", "-o", d.file("r.xml")}, "2026Q1 is outside the transitional period"},
        {{"report", nl, "--period", "2024Q2", "-o", d.file("r.xml"), "--delimiter", "pipe"}, "--delimiter expects comma, semicolon or tab"},
        {{"verify", d.file("r.xml"), nl, "--decimal", "dot"}, "--decimal expects point or comma, found 'dot'"},
        {{"calc", test::source_path("fixtures/fastener-tw"), "--format", "xml"}, "--format expects csv, json or table, found 'xml'"},
        {{"calc", test::source_path("fixtures/fastener-tw"), "-o", d.file("see.txt")}, "cannot tell the format of"},
        {{"declare", de, "--year", "2026", "-o", d.file("d.txt")}, "cannot tell the format of"},
    };
    for (const auto& c : cases) {
        INFO(c.args.front() << ": " << c.message);
        auto r = test::run_cbam(c.args);
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Catch::Contains("cbam " + c.args.front() + ": error: " + c.message));
        CHECK_THAT(r.err, Catch::Contains("Run 'cbam " + c.args.front() + " --help' for usage."));
        CHECK(r.out.empty());
    }
    CHECK(files_in(d.path()).empty());
}

TEST_CASE("cli: the files written are exactly those the help names", "[cli]") {
    test::ScratchDir d;
    for (const char* sub : {"q", "y", "c"}) std::filesystem::create_directory(d.file(sub));
    auto help = test::run_cbam({"report", "--help"}).out;
    CHECK_THAT(help, Catch::Contains("STEM.summary.csv"));
    CHECK_THAT(help, Catch::Contains("STEM.skipped.csv"));
    CHECK_THAT(help, Catch::Contains("STEM.totals.csv"));
    REQUIRE(test::run_cbam({"report", test::source_path("fixtures/importer-nl"), "--period", "2024Q2", "-o", d.file("q/r.2024.xml")}).exit_code == 0);
    CHECK(files_in(d.file("q")) == std::set<std::string>{"r.2024.xml", "r.2024.summary.csv", "r.2024.skipped.csv", "r.2024.totals.csv"});

    auto declare_help = test::run_cbam({"declare", "--help"}).out;
    for (const char* f : {"STEM.lines.csv", "STEM.totals.csv", "STEM.savings.csv"}) CHECK_THAT(declare_help, Catch::Contains(f));
    REQUIRE(test::run_cbam({"declare", test::source_path("fixtures/warehouse-de"), "--year", "2026", "-o", d.file("y/d.json")}).exit_code == 0);
    CHECK(files_in(d.file("y")) == std::set<std::string>{"d.json", "d.lines.csv", "d.totals.csv", "d.savings.csv"});

    REQUIRE(test::run_cbam({"calc", test::source_path("fixtures/fastener-tw"), "-o", d.file("c/see.csv")}).exit_code == 0);
    CHECK(files_in(d.file("c")) == std::set<std::string>{"see.csv"});
}
