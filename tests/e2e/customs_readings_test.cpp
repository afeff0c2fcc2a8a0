// The three ways of reading customs lines (CustomsReading: general, quick, parallel, chosen by
// CBAM_CUSTOMS_READING) must give byte-identical outputs of cbam report and cbam declare: on every
// fixture with customs lines, and on 100,000 lines made of the fixtures' own lines repeated under
// new declaration numbers (so every kind of line the fixtures hold, including electricity, inward
// processing, customs warehousing, out-of-scope goods, TARIC codes and descriptions, comes back
// thousands of times, and the parallel reading crosses dozens of batch boundaries).
#include "support.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <sstream>
#include <string>
#include <vector>

using namespace cbam;

namespace {

const char* const kReadings[] = {"general", "quick", "parallel"};

// Runs `args` (whose outputs go to @/...) once per reading, each into its own folder, and requires
// the same exit code, standard output and output files.
void require_identical(const test::ScratchDir& dir, const std::vector<std::string>& args, const std::vector<std::string>& outputs) {
    std::vector<test::RunResult> runs;
    for (const char* how : kReadings) {
        dir.write(std::string(how) + "/.keep", "");
        std::vector<std::string> a;
        for (const auto& x : args) a.push_back(x.rfind("@/", 0) == 0 ? dir.file(std::string(how) + "/" + x.substr(2)) : x);
        runs.push_back(test::run_cbam(a, {{"CBAM_CUSTOMS_READING", how}}));
        INFO(how << ": " << runs.back().err);
        REQUIRE(runs.back().exit_code == 0);
    }
    for (std::size_t k = 1; k < runs.size(); ++k) {
        INFO(kReadings[k] << " against general");
        CHECK(runs[k].out == runs[0].out);
        for (const auto& f : outputs) {
            INFO(f);
            std::string x = test::read_file(dir.file(std::string(kReadings[0]) + "/" + f));
            std::string y = test::read_file(dir.file(std::string(kReadings[k]) + "/" + f));
            CHECK(!x.empty());
            CHECK(x.size() == y.size());
            CHECK(x == y);
        }
    }
}

// The fixture's customs lines, repeated until there are `n`; copy k gets declaration numbers
// whose first six digits are k, so that no declaration and item is given twice.
std::string repeated_lines(const std::string& customs, long n) {
    std::istringstream in(customs);
    std::string header, line;
    std::getline(in, header);
    std::vector<std::string> rows;
    while (std::getline(in, line))
        if (!line.empty()) rows.push_back(line);
    std::string out = header + "\n";
    for (long i = 0; i < n; ++i) {
        std::string row = rows[static_cast<std::size_t>(i) % rows.size()];
        long copy = i / static_cast<long>(rows.size());
        // "24NL00000000000011": year, country, then 14 digits of which the fixtures use the last few.
        REQUIRE(row.find(',') == 18);
        REQUIRE(row.substr(4, 6) == "000000");
        row.replace(4, 6, fmt::format("{:06}", copy));
        out += row + "\n";
    }
    return out;
}

const std::vector<std::string> kReportOutputs = {"r.xml", "r.summary.csv", "r.skipped.csv", "r.totals.csv"};
const std::vector<std::string> kDeclareOutputs = {"d.xml", "d.lines.csv", "d.totals.csv", "d.savings.csv"};

}  // namespace

TEST_CASE("customs readings: report and declare write the same bytes on the fixtures", "[e2e][readings]") {
    for (auto [fixture, period] : {std::pair{"fixtures/importer-nl", "2024Q2"}, {"fixtures/importer-nl-2024Q3", "2024Q3"}}) {
        INFO(fixture);
        test::ScratchDir dir;
        require_identical(dir, {"report", test::source_path(fixture), "--period", period, "-o", "@/r.xml"}, kReportOutputs);
    }
    test::ScratchDir dir;
    require_identical(dir, {"declare", test::source_path("fixtures/warehouse-de"), "--year", "2026", "-o", "@/d.xml"}, kDeclareOutputs);
}

TEST_CASE("customs readings: report and declare write the same bytes on 100,000 lines", "[e2e][readings]") {
    {
        test::ScratchDir dir;
        dir.copy_from("fixtures/importer-nl");
        dir.write("customs.csv", repeated_lines(test::read_file(test::source_path("fixtures/importer-nl/customs.csv")), 100000));
        require_identical(dir, {"report", dir.path(), "--period", "2024Q2", "-o", "@/r.xml"}, kReportOutputs);
    }
    {
        test::ScratchDir dir;
        dir.copy_from("fixtures/warehouse-de");
        dir.write("customs.csv", repeated_lines(test::read_file(test::source_path("fixtures/warehouse-de/customs.csv")), 100000));
        require_identical(dir, {"declare", dir.path(), "--year", "2026", "-o", "@/d.xml"}, kDeclareOutputs);
    }
}
