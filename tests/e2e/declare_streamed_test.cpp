// cbam declare -o streams the status of every customs line through a spool file instead of holding
// them all in memory. The page (--html) still holds them, so a run with --html takes the in-memory
// path: the two paths must write the same bytes, on the fixture and on a generated year of 100,000
// lines whose every status the test derives itself from how it generated the line.
#include "support.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

using namespace cbam;

namespace {

// The outputs of -o FILE, and standard output, alike; returns the standard output.
std::string require_same_outputs(const test::ScratchDir& dir, const std::string& input, const std::string& ext) {
    const std::string streamed = dir.file("streamed"), held = dir.file("held");
    auto a = test::run_cbam({"declare", input, "--year", "2026", "-o", streamed + "/d." + ext});
    // --html: every line's status is on the page, so they are held in memory and written from there.
    auto b = test::run_cbam({"declare", input, "--year", "2026", "-o", held + "/d." + ext, "--html", held + "/d.html"});
    INFO(a.err);
    INFO(b.err);
    REQUIRE(a.exit_code == 0);
    REQUIRE(b.exit_code == 0);
    CHECK(a.out == b.out);
    for (std::string f : {"d." + ext, std::string("d.lines.csv"), std::string("d.totals.csv"), std::string("d.savings.csv")}) {
        INFO(f);
        std::string x = test::read_file(streamed + "/" + f), y = test::read_file(held + "/" + f);
        CHECK(x.size() == y.size());
        CHECK(x == y);
    }
    return a.out;
}

// k / 1000 written exactly, without trailing zeros: 100 -> 0.1, 120 -> 0.12, 123 -> 0.123.
std::string thousandths(long k) {
    std::string s = fmt::format("0.{:03}", k);
    while (s.back() == '0') s.pop_back();
    return s;
}

}  // namespace

TEST_CASE("declare: streamed line statuses equal the held ones byte for byte on the fixture", "[e2e][declare][streamed]") {
    for (const char* ext : {"xml", "json", "csv"}) {
        INFO(ext);
        test::ScratchDir dir;
        dir.write("streamed/.keep", "");
        dir.write("held/.keep", "");
        require_same_outputs(dir, test::source_path("fixtures/warehouse-de"), ext);
    }
}

TEST_CASE("declare: 100,000 generated lines, streamed and held alike, every status as generated", "[e2e][declare][streamed]") {
    test::ScratchDir dir;
    dir.copy_from("fixtures/warehouse-de");  // its settings, suppliers, certificate and carbon prices
    dir.write("streamed/.keep", "");
    dir.write("held/.keep", "");
    // Line i is of kind i % 10 (the fixture's goods, whose default values and supplier data exist):
    //   0 screws from TW, installation with verified data   1 cement from TR    2 aluminium from CN
    //   3 screws put in a customs warehouse (71): not reportable                 4 hydrogen from SA
    //   5 hot-rolled coil from Norway: out of scope (Annex III origin)           6 fertiliser from EG
    //   7 the small importer DE100000002: screws from CN (i / 10 even), 5 kg each, or hydrogen
    //     (odd); its 5,000 screw lines weigh 25 t, not above 50 t: those are "de minimis", while
    //     hydrogen always counts
    //   8 plastic articles (CN 39269097): out of scope, not a CBAM good
    //   9 aluminium from IN of the importer DE100000003
    const long n = 100000;
    std::ostringstream c;
    c << "declaration,item,acceptance_date,cn_code,origin,net_mass,mass_unit,requested_procedure,previous_procedure,importer,installation_id\n";
    for (long i = 0; i < n; ++i) {
        int kind = static_cast<int>(i % 10);
        const char* cn = "73181590";
        const char* origin = "TW";
        const char* inst = "";
        const char* importer = "DE100000001";
        const char* proc = "40";
        std::string mass = fmt::format("{}", 100 + i % 900);
        switch (kind) {
            case 0: inst = "TW-KHH-FAST-001"; break;
            case 1: cn = "25232900", origin = "TR"; break;
            case 2: cn = "76011000", origin = "CN"; break;
            case 3: inst = "TW-KHH-FAST-001", proc = "71"; break;
            case 4: cn = "28041000", origin = "SA", inst = "SA-JUB-H2-001"; break;
            case 5: cn = "72083900", origin = "NO"; break;
            case 6: cn = "31023090", origin = "EG", inst = "EG-SKH-FERT-001"; break;
            case 7:
                importer = "DE100000002", mass = "5";
                if ((i / 10) % 2 == 0) origin = "CN";
                else cn = "28041000", origin = "SA";
                break;
            case 8: cn = "39269097", origin = "CN"; break;
            case 9: cn = "76011000", origin = "IN", importer = "DE100000003"; break;
        }
        c << fmt::format("26DE{:014},{},2026-{:02}-{:02},{},{},{},kg,{},,{},{}\n", i / 3, i % 3 + 1, 1 + i % 12, 1 + i % 28, cn, origin, mass, proc,
                         importer, inst);
    }
    dir.write("customs.csv", c.str());
    std::string out = require_same_outputs(dir, dir.path(), "csv");
    CHECK_THAT(out, Catch::Contains("Customs lines: 65000 counted, 5000 under the 50 t de minimis, 30000 not counted"));

    // Each line's status, against the kind it was generated as. The first nine columns never need
    // quotes here; the reason is the rest of the row.
    std::string lines = test::read_file(dir.file("streamed/d.lines.csv"));
    std::istringstream in(lines);
    std::string row;
    REQUIRE(std::getline(in, row));
    CHECK(row == "file,line,declaration,item,importer,cn_code,origin,quantity,status,reason");
    long i = 0, wrong = 0;
    std::size_t counted = 0, de_minimis = 0, other = 0;
    for (; std::getline(in, row); ++i) {
        std::vector<std::string> f;
        std::size_t at = 0;
        for (int k = 0; k < 9; ++k) {
            std::size_t comma = row.find(',', at);
            if (comma == std::string::npos) break;
            f.push_back(row.substr(at, comma - at));
            at = comma + 1;
        }
        f.push_back(row.substr(at));
        if (f.size() != 10) {
            ++wrong;
            continue;
        }
        int kind = static_cast<int>(i % 10);
        bool small_screws = kind == 7 && (i / 10) % 2 == 0;
        std::string expected = kind == 3 ? "not reportable" : kind == 5 || kind == 8 ? "out of scope" : small_screws ? "de minimis" : "counted";
        (expected == "counted" ? counted : expected == "de minimis" ? de_minimis : other)++;
        // The quantity in tonnes: the mass in kg / 1000, written exactly.
        std::string qty = kind == 7 ? "0.005" : thousandths(100 + i % 900);
        bool ok = f[0] == "customs.csv" && f[1] == std::to_string(i + 2) && f[2] == fmt::format("26DE{:014}", i / 3) &&
                  f[3] == std::to_string(i % 3 + 1) && f[7] == qty && f[8] == expected &&
                  // 5,000 lines of 5 kg: 25 t; quoted, as the reason holds commas.
                  (expected != "de minimis" || f[9] == "\"importer DE100000002 imported 25 t of cement, iron and steel, aluminium and fertiliser "
                                                       "goods in 2026: not above 50 t (CBAM Reg Art. 2a (Regulation (EU) 2025/2083))\"") &&
                  (expected != "counted" || f[9].empty());
        if (!ok && wrong++ < 3) FAIL_CHECK("line " << i + 2 << " (kind " << kind << "): " << row);
    }
    CHECK(i == n);
    CHECK(wrong == 0);
    CHECK(counted == 65000);
    CHECK(de_minimis == 5000);
    CHECK(other == 30000);
}

namespace {

// The names in a folder, sorted, hidden ones included.
std::vector<std::string> names_in(const std::string& dir) {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

// The statuses are written to the output's temporary file as the lines are read: it must become
// the output (or be copied, when an importer is under the de minimis) and leave nothing behind,
// and a run that fails after it was made must remove it.
TEST_CASE("declare: the streamed statuses leave no temporary file, whether written, copied or refused", "[e2e][declare][streamed]") {
    test::ScratchDir dir;
    dir.copy_from("fixtures/warehouse-de");
    dir.write("out/.keep", "");
    // The fixture's small importer DE100000002 (42 t) becomes DE100000001: then every importer
    // imports more than 50 t, and the file written as the lines came is the output.
    std::string customs = test::read_file(dir.file("customs.csv"));
    for (std::size_t at; (at = customs.find(",DE100000002,")) != std::string::npos;) customs.replace(at, 13, ",DE100000001,");
    dir.write("customs.csv", customs);
    auto a = test::run_cbam({"declare", dir.path(), "--year", "2026", "-o", dir.file("out/d.csv")});
    INFO(a.err);
    REQUIRE(a.exit_code == 0);
    CHECK(names_in(dir.file("out")) == std::vector<std::string>{".keep", "d.csv", "d.lines.csv", "d.savings.csv", "d.totals.csv"});
    std::string lines = test::read_file(dir.file("out/d.lines.csv"));
    CHECK(lines.rfind("file,line,declaration,item,importer,cn_code,origin,quantity,status,reason\n", 0) == 0);
    CHECK(lines.find("de minimis") == std::string::npos);
    // And it is byte for byte what the statuses held in memory give.
    dir.write("streamed/.keep", "");
    dir.write("held/.keep", "");
    require_same_outputs(dir, dir.path(), "csv");

    // Fields that must be quoted in the statuses: a declaration number with a comma, another with
    // a quote (CSV doubles it). Their rows, written by hand from the CSV rules, are in the file
    // written as the lines came (60 t: DE100000008 is not under 50 t).
    {
        std::string quoted = customs + "\"26DE,0000000081\",1,2026-03-03,73181590,TW,60000,kg,40,,DE100000008,,,Screws\n"
                                       "\"26DE\"\"Q\"\"00000082\",1,2026-03-04,39269097,CN,500,kg,40,,DE100000008,,,Plastic\n";
        dir.write("customs.csv", quoted);
        auto q = test::run_cbam({"declare", dir.path(), "--year", "2026", "-o", dir.file("out/d.csv")});
        INFO(q.err);
        REQUIRE(q.exit_code == 0);
        lines = test::read_file(dir.file("out/d.lines.csv"));
        const std::size_t n = static_cast<std::size_t>(std::count(quoted.begin(), quoted.end(), '\n'));  // the last two are lines n - 1 and n
        CHECK_THAT(lines, Catch::Contains(fmt::format("customs.csv,{},\"26DE,0000000081\",1,DE100000008,73181590,TW,60,counted,\n", n - 1)));
        CHECK_THAT(lines, Catch::Contains(fmt::format("customs.csv,{},\"26DE\"\"Q\"\"00000082\",1,DE100000008,39269097,CN,0.5,out of scope,"
                                                      "not a CBAM good: ", n)));
        CHECK(names_in(dir.file("out")) == std::vector<std::string>{".keep", "d.csv", "d.lines.csv", "d.savings.csv", "d.totals.csv"});
    }

    // One more importer with 2 t of screws in two lines (1,500 kg and 500 kg): under 50 t, so its
    // counted lines are rewritten as de minimis in a copy of the file.
    customs += "26DE00000000009001,1,2026-03-03,73181590,TW,1500,kg,40,,DE100000009,,,Small importer\n"
               "26DE00000000009002,1,2026-03-04,73181590,TW,500,kg,40,,DE100000009,,,Small importer\n";
    dir.write("customs.csv", customs);
    auto b = test::run_cbam({"declare", dir.path(), "--year", "2026", "-o", dir.file("out/d.csv")});
    INFO(b.err);
    REQUIRE(b.exit_code == 0);
    CHECK(names_in(dir.file("out")) == std::vector<std::string>{".keep", "d.csv", "d.lines.csv", "d.savings.csv", "d.totals.csv"});
    lines = test::read_file(dir.file("out/d.lines.csv"));
    // Its two lines, 1.5 t and 0.5 t, end as de minimis with the reason for 2 t; the rest is unchanged.
    CHECK_THAT(lines, Catch::Contains(",26DE00000000009001,1,DE100000009,73181590,TW,1.5,de minimis,\"importer DE100000009 imported 2 t of"));
    CHECK_THAT(lines, Catch::Contains(",26DE00000000009002,1,DE100000009,73181590,TW,0.5,de minimis,\"importer DE100000009 imported 2 t of"));
    CHECK(lines.rfind("file,line,declaration,item,importer,cn_code,origin,quantity,status,reason\n", 0) == 0);

    // A line of another year: refused after the temporary file was made; nothing is written or left.
    const std::string before = test::read_file(dir.file("out/d.lines.csv"));
    dir.write("customs.csv", customs + "26DE00000000009003,1,2025-12-31,73181590,TW,500,kg,40,,DE100000009,,,Last year\n");
    auto c = test::run_cbam({"declare", dir.path(), "--year", "2026", "-o", dir.file("out/d.csv")});
    CHECK(c.exit_code == 1);
    CHECK(names_in(dir.file("out")) == std::vector<std::string>{".keep", "d.csv", "d.lines.csv", "d.savings.csv", "d.totals.csv"});
    CHECK(test::read_file(dir.file("out/d.lines.csv")) == before);
}
