// importers/repeated_customs_lines.h: a declaration and item given twice is found whether the lines
// sit in one batch in memory or in many sorted runs set aside on disk and merged.
#include "importers/repeated_customs_lines.h"

#include <catch2/catch.hpp>

#include <csignal>
#include <cstdlib>
#include <map>
#include <optional>
#include <sys/resource.h>
#include <utility>

using namespace cbam;

namespace {

struct Given {
    std::string file;
    std::size_t line;
    std::string declaration, item;
};

CustomsLine customs_line(const Given& g) {
    CustomsLine l;
    l.declaration = g.declaration;
    l.item = g.item;
    l.where = SourceLocation(g.file, g.line);
    l.declaration_at = SourceLocation(g.file, g.line, 1, "declaration");
    return l;
}

// Every diagnostic as "place: message", then the count.
std::vector<std::string> findings(std::size_t batch, const std::vector<Given>& lines, Diagnostics diags = Diagnostics(), unsigned threads = 1) {
    RepeatedCustomsLines repeated(batch, threads);
    for (const auto& g : lines) repeated.add(customs_line(g));
    repeated.report(diags);
    std::vector<std::string> out;
    for (const auto& d : diags.items()) out.push_back(d.to_string());
    out.push_back(std::to_string(diags.count()) + " found");
    return out;
}

std::string given_already(const std::string& at, const std::string& first) {
    return at + ":1 (declaration): this declaration and item are given already on " + first +
           ": a customs line may be given once only, or its goods would be counted twice";
}

// Two files of a run, read one after the other. With batches of 3 lines the runs are
// {customs.csv 2,3,4} {5,6,7} {8,9, customs_2.csv 2} {3,4}.
const std::vector<Given> kTwoFiles = {
    {"in/customs.csv", 2, "24NL01", "1"},    //
    {"in/customs.csv", 3, "24NL01", "2"},    // another item of the same declaration
    {"in/customs.csv", 4, "24NL02", "1"},    // the same item of another declaration
    {"in/customs.csv", 5, "24NL01", "1"},    // line 2 again: in the next run
    {"in/customs.csv", 6, "24NL011", ""},    // "24NL01" + "1" run together, but another declaration and item
    {"in/customs.csv", 7, "24NL011", ""},    // line 6 again: in the same run
    {"in/customs.csv", 8, "24NL01", "1"},    // line 2 a third time: still blamed on line 2, the first
    {"in/customs.csv", 9, "24NL03", "1"},    //
    {"in/customs_2.csv", 2, "24NL02", "1"},  // customs.csv line 4 again, across files
    {"in/customs_2.csv", 3, "24NL04", "1"},  //
    {"in/customs_2.csv", 4, "24NL02", "1"},  // and once more: blamed on customs.csv line 4, not on customs_2.csv line 2
};
// Worked out by hand from the comments above, in line order.
const std::vector<std::string> kTwoFilesFound = {
    given_already("in/customs.csv:5", "line 2"),
    given_already("in/customs.csv:7", "line 6"),
    given_already("in/customs.csv:8", "line 2"),
    given_already("in/customs_2.csv:2", "customs.csv line 4"),
    given_already("in/customs_2.csv:4", "customs.csv line 4"),
    "5 found",
};

// Restores an environment variable when it goes out of scope.
struct EnvSet {
    std::string name;
    std::optional<std::string> old;
    EnvSet(std::string n, const std::string& value) : name(std::move(n)) {
        if (const char* v = std::getenv(name.c_str())) old = v;
        ::setenv(name.c_str(), value.c_str(), 1);
    }
    ~EnvSet() {
        if (old) ::setenv(name.c_str(), old->c_str(), 1);
        else ::unsetenv(name.c_str());
    }
};

}  // namespace

TEST_CASE("repeated customs lines: the same findings from one batch in memory and from many runs on disk", "[unit][repeated_lines]") {
    for (std::size_t batch : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{4}, std::size_t{11}, RepeatedCustomsLines::kDefaultBatch}) {
        INFO("batch of " << batch << " lines");
        CHECK(findings(batch, kTwoFiles) == kTwoFilesFound);
    }
}

TEST_CASE("repeated customs lines: one batch never touches the disk", "[unit][repeated_lines]") {
    // With the temporary folder missing, a temporary file could not even be made.
    EnvSet tmp("TMPDIR", "/nonexistent-cbam-test-folder");
    CHECK(findings(11, kTwoFiles) == kTwoFilesFound);  // 11 lines: exactly one full batch
    CHECK_THROWS_WITH(findings(10, kTwoFiles),
                      Catch::Contains("cannot set the customs lines aside in a temporary file in /nonexistent-cbam-test-folder") &&
                          Catch::Contains("No such file or directory"));
}

TEST_CASE("repeated customs lines: a temporary file that cannot be written is an error, not a miss", "[unit][repeated_lines]") {
    // No regular file may grow past 0 bytes; with SIGXFSZ ignored a write fails with EFBIG.
    rlimit old{};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &old) == 0);
    auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit none = old;
    none.rlim_cur = 0;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &none) == 0);
    std::optional<std::string> error;
    try {
        findings(2, kTwoFiles);
    } catch (const OutputError& e) {
        error = e.what();
    }
    ::setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, old_handler);
    REQUIRE(error);
    CHECK_THAT(*error, Catch::Contains("cannot set the customs lines aside") && Catch::Contains("File too large"));
}

TEST_CASE("repeated customs lines: past the limit of shown problems, the first in line order are shown and the rest counted",
          "[unit][repeated_lines]") {
    for (std::size_t batch : {std::size_t{1}, std::size_t{3}, RepeatedCustomsLines::kDefaultBatch}) {
        INFO("batch of " << batch << " lines");
        // Room for 3 problems, one already taken: the first two repeats are shown, all five counted.
        Diagnostics diags(3);
        diags.add({"in/settings.csv", 2, 1, "declarant"}, "earlier problem");
        auto found = findings(batch, kTwoFiles, diags);
        CHECK(found == std::vector<std::string>{"in/settings.csv:2:1 (declarant): earlier problem", kTwoFilesFound[0], kTwoFilesFound[1],
                                                "6 found"});
        // No room at all: only counted.
        CHECK(findings(batch, kTwoFiles, Diagnostics(0)) == std::vector<std::string>{"5 found"});
    }
}

TEST_CASE("repeated customs lines: many lines, checked against a plain map of the first place of each item", "[unit][repeated_lines]") {
    // 3,000 lines over three files, declarations and items drawn from a small set so that many
    // repeat, some three times or more.
    std::vector<Given> lines;
    std::uint32_t x = 12345;
    for (std::size_t i = 0; i < 3000; ++i) {
        x = x * 1103515245u + 12345u;
        std::string file = i < 1000 ? "customs.csv" : i < 2500 ? "customs_b.csv" : "customs_c.csv";
        std::size_t line = i < 1000 ? i + 2 : i < 2500 ? i - 1000 + 2 : i - 2500 + 2;
        lines.push_back({file, line, "26DE" + std::to_string((x >> 8) % 300), std::to_string((x >> 20) % 4 + 1)});
    }
    std::map<std::pair<std::string, std::string>, const Given*> first;
    std::vector<std::string> expected;
    for (const auto& g : lines) {
        auto [it, is_new] = first.emplace(std::make_pair(g.declaration, g.item), &g);
        if (is_new) continue;
        const Given& f = *it->second;
        expected.push_back(given_already(g.file + ":" + std::to_string(g.line),
                                         f.file == g.file ? "line " + std::to_string(f.line) : f.file + " line " + std::to_string(f.line)));
    }
    REQUIRE(expected.size() > 1000);  // 1,200 possible items for 3,000 lines: many repeats
    std::size_t n = expected.size();
    expected.resize(200);  // the default limit of shown problems
    expected.push_back(std::to_string(n) + " found");
    for (std::size_t batch : {std::size_t{7}, std::size_t{500}, RepeatedCustomsLines::kDefaultBatch}) {
        INFO("batch of " << batch << " lines");
        CHECK(findings(batch, lines) == expected);
    }
}

TEST_CASE("repeated customs lines: a batch sorted on two threads gives the same findings", "[unit][repeated_lines]") {
    // 100,000 lines in one file (a batch of more than 65,536 lines is sorted in two halves on two
    // threads), 70,000 possible declaration items: about a third of the lines repeat one.
    std::vector<Given> lines;
    std::uint32_t x = 777;
    for (std::size_t i = 0; i < 100000; ++i) {
        x = x * 1103515245u + 12345u;
        lines.push_back({"customs.csv", i + 2, "26DE" + std::to_string((x >> 4) % 17500), std::to_string((x >> 24) % 4 + 1)});
    }
    std::map<std::pair<std::string, std::string>, const Given*> first;
    std::vector<std::string> expected;
    for (const auto& g : lines) {
        auto [it, is_new] = first.emplace(std::make_pair(g.declaration, g.item), &g);
        if (!is_new) expected.push_back(given_already(g.file + ":" + std::to_string(g.line), "line " + std::to_string(it->second->line)));
    }
    REQUIRE(expected.size() > 20000);
    std::size_t n = expected.size();
    expected.resize(200);
    expected.push_back(std::to_string(n) + " found");
    for (unsigned threads : {1u, 2u}) {
        INFO(threads << " thread(s)");
        CHECK(findings(RepeatedCustomsLines::kDefaultBatch, lines, Diagnostics(), threads) == expected);
        CHECK(findings(70000, lines, Diagnostics(), threads) == expected);  // two runs on disk, the first sorted on `threads`
    }
}

TEST_CASE("repeated customs lines: lines in increasing order of declaration and item, and one that breaks it", "[unit][repeated_lines]") {
    // 100,000 lines sorted by declaration, items 1 to 12 (by number: "10" after "9"): none repeats.
    std::vector<Given> lines;
    for (std::size_t i = 0; i < 100000; ++i) lines.push_back({"customs.csv", i + 2, "26DE" + std::to_string(100000 + i / 12), std::to_string(i % 12 + 1)});
    for (std::size_t batch : {std::size_t{30000}, RepeatedCustomsLines::kDefaultBatch}) {
        INFO("batch of " << batch << " lines");
        CHECK(findings(batch, lines) == std::vector<std::string>{"0 found"});
        // The last line given again at the end, then the first: both found, blamed on their first places.
        auto more = lines;
        more.push_back({"customs.csv", 100002, lines.back().declaration, lines.back().item});
        more.push_back({"customs.csv", 100003, lines.front().declaration, lines.front().item});
        CHECK(findings(batch, more) == std::vector<std::string>{given_already("customs.csv:100002", "line 100001"),
                                                                given_already("customs.csv:100003", "line 2"), "2 found"});
        // Item "10" before "9" of the same declaration is out of order, but repeats nothing.
        auto swapped = lines;
        std::swap(swapped[8].item, swapped[9].item);
        CHECK(findings(batch, swapped) == std::vector<std::string>{"0 found"});
    }
}
