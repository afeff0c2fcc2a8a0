// cbam verify and cbam extract, and the order-independence of every output.
#include "support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

using namespace cbam;

namespace {

std::size_t count_lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

// The line (from 1) of byte `offset` of `text`: one more than the line ends before it.
std::size_t line_at(const std::string& text, std::size_t offset) { return count_lines(text.substr(0, offset)) + 1; }

// Shuffles the data rows of every CSV file under `dir` (not the header). The fixtures have no
// quoted line breaks, so a physical line is a row.
void shuffle_rows(const std::string& dir, unsigned seed) {
    std::mt19937 rng(seed);
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file() || e.path().extension() != ".csv") continue;
        std::istringstream in(test::read_file(e.path().string()));
        std::string header, line, out;
        std::getline(in, header);
        std::vector<std::string> rows;
        while (std::getline(in, line))
            if (!line.empty()) rows.push_back(line);
        std::shuffle(rows.begin(), rows.end(), rng);
        out = header + "\n";
        for (const auto& r : rows) out += r + "\n";
        std::ofstream(e.path(), std::ios::binary) << out;
    }
}

}  // namespace

TEST_CASE("verify: a report recomputed from its own inputs agrees figure by figure", "[robustness][verify]") {
    test::ScratchDir d;
    REQUIRE(test::run_cbam({"report", test::source_path("fixtures/importer-nl"), "--period", "2024Q2", "-o", d.file("r.xml")}).exit_code == 0);
    auto r = test::run_cbam({"verify", d.file("r.xml"), test::source_path("fixtures/importer-nl")});
    INFO(r.out + r.err);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("every figure agrees"));
}

TEST_CASE("verify: one edited number is reported, and only it", "[robustness][verify]") {
    test::ScratchDir d;
    REQUIRE(test::run_cbam({"report", test::source_path("fixtures/importer-nl"), "--period", "2024Q2", "-o", d.file("r.xml")}).exit_code == 0);
    // The screws' direct SEE is written 2.7461000 (supplier's 2.74610 with the 7 decimals of dec16-7).
    std::string xml = test::read_file(d.file("r.xml"));
    auto at = xml.find("<SpecificEmbeddedEmissions>2.7461000</SpecificEmbeddedEmissions>");
    REQUIRE(at != std::string::npos);
    xml.replace(at, std::string("<SpecificEmbeddedEmissions>2.7461000").size(), "<SpecificEmbeddedEmissions>2.7500000");
    d.write("edited.xml", xml);
    auto r = test::run_cbam({"verify", d.file("edited.xml"), test::source_path("fixtures/importer-nl")});
    CHECK(r.exit_code == 4);  // the check failed; the inputs are fine
    CHECK(count_lines(r.out) == 2);  // the difference and its derivation
    // Located at the line of the edited element in the filed XML, counted here from its text.
    std::string line = std::to_string(line_at(xml, at));
    CHECK_THAT(r.out, Catch::StartsWith(d.file("edited.xml") + ":" + line + ": CN 73181590 from TW, installation TW-KHH-FAST-001: "
                                        "DirectEmissions/SpecificEmbeddedEmissions: filed 2.75, recomputed 2.7461\n"));
    CHECK_THAT(r.out, Catch::Contains("quantity 28 = sum of 3 customs line(s)"));
    CHECK_THAT(r.out, Catch::Contains("suppliers/taiwan-fasteners.csv:2"));
    CHECK_THAT(r.err, Catch::Contains("1 figure(s) differ"));
}

TEST_CASE("verify: a quantity changed in the inputs shows on the good and its entry", "[robustness][verify]") {
    test::ScratchDir d, in;
    REQUIRE(test::run_cbam({"report", test::source_path("fixtures/importer-nl"), "--period", "2024Q2", "-o", d.file("r.xml")}).exit_code == 0);
    in.copy_from("fixtures/importer-nl");
    in.edit("customs.csv", "CN,30,t", "CN,31,t");  // wire from CN-JS-WIRE-01: 30 t -> 31 t
    auto r = test::run_cbam({"verify", d.file("r.xml"), in.path()});
    CHECK(r.exit_code == 4);
    // Each at the line of its NetMass in the filed XML, found here by walking the text: the wire's
    // good (CnCode 72172030), its MeasureImported, then its entry of CN-JS-WIRE-01 and ProducedMeasure.
    std::string xml = test::read_file(d.file("r.xml"));
    auto good = xml.find("<CnCode>72172030</CnCode>");
    REQUIRE(good != std::string::npos);
    auto imported = xml.find("<NetMass>", xml.find("<MeasureImported>", good));
    auto entry = xml.find("<InstallationId>CN-JS-WIRE-01</InstallationId>", good);
    auto produced = xml.find("<NetMass>", xml.find("<ProducedMeasure>", xml.rfind("<GoodsEmissions>", entry)));
    REQUIRE(imported < entry);
    REQUIRE(produced != std::string::npos);
    CHECK_THAT(r.out, Catch::Contains(d.file("r.xml") + ":" + std::to_string(line_at(xml, imported)) +
                                      ": CN 72172030 from CN: MeasureImported: filed 50, recomputed 51"));
    CHECK_THAT(r.out, Catch::Contains(d.file("r.xml") + ":" + std::to_string(line_at(xml, produced)) +
                                      ": CN 72172030 from CN, installation CN-JS-WIRE-01: ProducedMeasure: filed 30, recomputed 31"));
}

TEST_CASE("extract: a report as one row per emissions entry, ours or another tool's", "[robustness][extract]") {
    test::ScratchDir d;
    REQUIRE(test::run_cbam({"report", test::source_path("fixtures/importer-nl"), "--period", "2024Q2", "-o", d.file("r.xml")}).exit_code == 0);
    auto r = test::run_cbam({"extract", d.file("r.xml"), "-o", d.file("rows.csv")});
    REQUIRE(r.exit_code == 0);
    std::string rows = test::read_file(d.file("rows.csv"));
    CHECK(count_lines(rows) == 1 + 6);  // 5 goods, the wire from 2 installations
    // The Indian aluminium: 55 t; direct 55 x 1.97036 = 108.3698; indirect 55 x 13.775 = 757.625
    CHECK_THAT(rows, Catch::Contains(",76011000,IN,NL800000001,55,t,1,IN,IN-ODS-ALU-01,Odisha Sample Aluminium Smelter (fictional),55,t,01,1.97036,"));
    CHECK_THAT(rows, Catch::Contains(",108.3698,757.625\n"));
    // The shared hand-made example of another origin: two goods, one entry each.
    auto other = test::run_cbam({"extract", test::source_path("../shared/schemas/example-minimal.xml")});
    REQUIRE(other.exit_code == 0);
    CHECK(count_lines(other.out) == 3);
    CHECK_THAT(other.out, Catch::Contains(",73181595,TW,NL000000000000001,12.5,t,1,TW,INST-TW-0001,"));
    auto notq = test::run_cbam({"extract", test::source_path("tests/corpus/xml/external_entity.xml")});
    CHECK(notq.exit_code == 1);
    CHECK_THAT(notq.err, Catch::Contains("DOCTYPE"));
}

TEST_CASE("every fixture gives byte-identical outputs whatever the order of its rows", "[robustness][shuffle]") {
    // Installation fixtures: cbam calc's CSV and JSON.
    for (const char* f : {"fastener-tw", "cement-vn", "fertiliser-eg", "aluminium-smelter", "hydrogen-plant", "power-plant"}) {
        test::ScratchDir a, b;
        a.copy_from(std::string("fixtures/") + f);
        b.copy_from(std::string("fixtures/") + f);
        shuffle_rows(b.path(), 7);
        for (const char* ext : {"csv", "json"}) {
            std::string out = std::string("out.") + ext;
            REQUIRE(test::run_cbam({"calc", a.path(), "-o", a.file(out)}).exit_code == 0);
            REQUIRE(test::run_cbam({"calc", b.path(), "-o", b.file(out)}).exit_code == 0);
            INFO(f << " " << ext);
            CHECK(test::read_file(a.file(out)) == test::read_file(b.file(out)));
        }
    }
    // The importer's quarter: report XML and summary. (The skipped-lines listing names input line
    // numbers, which a shuffle changes by design.)
    {
        test::ScratchDir a, b;
        a.copy_from("fixtures/importer-nl");
        b.copy_from("fixtures/importer-nl");
        shuffle_rows(b.path(), 11);
        REQUIRE(test::run_cbam({"report", a.path(), "--period", "2024Q2", "-o", a.file("r.xml")}).exit_code == 0);
        REQUIRE(test::run_cbam({"report", b.path(), "--period", "2024Q2", "-o", b.file("r.xml")}).exit_code == 0);
        CHECK(test::read_file(a.file("r.xml")) == test::read_file(b.file("r.xml")));
        CHECK(test::read_file(a.file("r.summary.csv")) == test::read_file(b.file("r.summary.csv")));
    }
    // The warehouse's year: declaration XML, JSON and CSV.
    for (const char* ext : {"xml", "json", "csv"}) {
        test::ScratchDir a, b;
        a.copy_from("fixtures/warehouse-de");
        b.copy_from("fixtures/warehouse-de");
        shuffle_rows(b.path(), 13);
        std::string out = std::string("d.") + ext;
        REQUIRE(test::run_cbam({"declare", a.path(), "--year", "2026", "-o", a.file(out)}).exit_code == 0);
        REQUIRE(test::run_cbam({"declare", b.path(), "--year", "2026", "-o", b.file(out)}).exit_code == 0);
        INFO(ext);
        CHECK(test::read_file(a.file(out)) == test::read_file(b.file(out)));
    }
}

TEST_CASE("extract: bytes that are not UTF-8 are refused as validate refuses them, and every error has its line and element path", "[robustness][extract]") {
    test::ScratchDir d;
    std::string example = test::read_file(test::source_path("../shared/schemas/example-minimal.xml"));
    // A 0xFF byte in good 1's description (line 56 of the example): libxml2 refuses the file, so
    // cbam validate does; extract must not list it as if it were text.
    std::string bad = example;
    auto at = bad.find("Other screws and bolts");
    REQUIRE(at != std::string::npos);
    bad.insert(at + 13, "\xff ");
    const int line = static_cast<int>(std::count(bad.begin(), bad.begin() + static_cast<std::ptrdiff_t>(at), '\n')) + 1;
    d.write("bad.xml", bad);
    auto e = test::run_cbam({"extract", d.file("bad.xml")});
    CHECK(e.exit_code == 1);
    // The line is 8 spaces, "<Description>" (13) and "Other screws " (13): the 0xFF is byte 35.
    // Located by line, byte of the line and the element it stands in.
    CHECK_THAT(e.err, Catch::Contains(d.file("bad.xml") + ":" + std::to_string(line) + ":35 (Description): not valid UTF-8: byte 35 of the line (0xFF)"));
    auto v = test::run_cbam({"validate", d.file("bad.xml")});
    CHECK(v.exit_code == 1);
    CHECK_THAT(v.out, Catch::Contains(":" + std::to_string(line) + ": [XSD] Input is not proper UTF-8"));
    // A number that is not one, and a unit that is not a code: each with its line and indexed path.
    std::string num = example;
    auto see = num.find("<SpecificEmbeddedEmissions>1.9500000</SpecificEmbeddedEmissions>");
    REQUIRE(see != std::string::npos);
    num.replace(see, std::string("<SpecificEmbeddedEmissions>1.9500000</SpecificEmbeddedEmissions>").size(),
                "<SpecificEmbeddedEmissions>1,95</SpecificEmbeddedEmissions>");
    const int see_line = static_cast<int>(std::count(num.begin(), num.begin() + static_cast<std::ptrdiff_t>(see), '\n')) + 1;
    d.write("num.xml", num);
    auto n = test::run_cbam({"extract", d.file("num.xml")});
    CHECK(n.exit_code == 1);
    CHECK_THAT(n.err, Catch::Contains(d.file("num.xml") + ":" + std::to_string(see_line) +
                                      " (/QReport/ImportedGood[1]/GoodsEmissions/DirectEmissions/SpecificEmbeddedEmissions): expected a decimal "
                                      "number, found \"1,95\""));
}
