// Every unit and every source `cbam explain` prints, for every installation fixture, read as the
// regulation writes it. The list below is the project's word on how each unit is spelled: a unit
// built by multiplying and dividing without simplifying ("tCF4·tC2F6/tCF4"), a factor whose unit
// lost part of its name, or a source that repeats its table ("Tables 2 and 3 Table 2") fails here.
#include "support.h"

#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <sstream>

using namespace cbam;

namespace {

// Units as IR (EU) 2023/1773 and 2025/2547 write them (Annex II tables, Annex III equations).
const std::set<std::string> kUnits = {
    "t", "TJ", "GJ", "MWh", "Nm3", "1000Nm3",                                  // activity data, energy, gas volumes
    "GJ/t", "GJ/1000Nm3", "MJ/Nm3",                                             // net calorific values
    "tCO2/TJ", "tCO2/t", "tC/t", "tC/1000Nm3", "tCO2/MWh",                      // emission factors, carbon contents
    "tCO2e", "tCO2e/t", "tCO2e/TJ", "tCO2e/MWh", "tCO2e/tC",                    // emissions and SEE
    "tN2O", "tCO2e/tN2O",                                                       // N2O and its GWP
    "tCF4", "tC2F6", "tCO2e/tCF4", "tCO2e/tC2F6", "tC2F6/tCF4",                 // PFC amounts, GWPs, F_C2F6
    "(kgCF4/t Al)/(AE-min/cell-day)",                                           // SEF_CF4, Annex II B.7 Table 2
    "(kgCF4/t Al)/mV",                                                          // OVC, Annex II B.7 Table 3
    "AE-min/cell-day",                                                          // AEM, Eq. 23
};

std::string explain_all(const std::string& fixture) {
    auto r = test::run_cbam({"explain", test::source_path("fixtures/" + fixture), "all"});
    INFO(fixture << ": " << r.err);
    REQUIRE(r.exit_code == 0);
    return r.out;
}

}  // namespace

TEST_CASE("explain: every printed unit is one the regulation writes, and every source names its table once", "[explain][units]") {
    // "  NAME = [≈]VALUE [UNIT]  [n] description" (≈ is three bytes: grouped, so that ? applies to all)
    const std::regex value_line(R"re(^\s*\S.* = (?:≈)?-?[0-9][0-9.]*(?: (\S+(?: \S+)*?))?  \[[0-9]+\])re");
    const std::regex table_twice(R"(Tables? [0-9][^;]*Tables? [0-9])");
    std::set<std::string> seen;
    for (const char* fixture : {"aluminium-smelter", "cement-vn", "fastener-tw", "fertiliser-eg", "hydrogen-plant", "power-plant"}) {
        std::istringstream lines(explain_all(fixture));
        std::string line;
        while (std::getline(lines, line)) {
            std::smatch m;
            if (std::regex_search(line, m, value_line) && m[1].matched) {
                INFO(fixture << ": " << line);
                CHECK(kUnits.count(m[1].str()) == 1);
                seen.insert(m[1].str());
            }
            if (line.find("source:") != std::string::npos) {
                INFO(fixture << ": " << line);
                CHECK_FALSE(std::regex_search(line, table_twice));
            }
        }
    }
    // The PFC derivation of the smelter shows each factor with its whole unit, C2F6 in tonnes of C2F6.
    for (const char* u : {"(kgCF4/t Al)/(AE-min/cell-day)", "(kgCF4/t Al)/mV", "AE-min/cell-day", "tC2F6", "tC2F6/tCF4"}) {
        INFO(u);
        CHECK(seen.count(u) == 1);
    }
}

TEST_CASE("explain: the PFC factors cite the table they come from", "[explain][units]") {
    std::string out = explain_all("aluminium-smelter");
    // Slope method (CWPB): SEF_CF4 0.143 and F_C2F6 0.121 from Table 2; overvoltage (SWPB): OVC 3.65 and F_C2F6 0.252 from Table 3.
    CHECK_THAT(out, Catch::Contains("SEF_CF4 = 0.143 (kgCF4/t Al)/(AE-min/cell-day)"));
    CHECK_THAT(out, Catch::Contains("OVC = 3.65 (kgCF4/t Al)/mV"));
    CHECK_THAT(out, Catch::Contains("F_C2F6 = 0.121 tC2F6/tCF4"));
    CHECK_THAT(out, Catch::Contains("IR (EU) 2025/2547 Annex II B.7 Table 2"));
    CHECK_THAT(out, Catch::Contains("IR (EU) 2025/2547 Annex II B.7 Table 3"));
    CHECK_THAT(out, !Catch::Contains("Tables 2 and 3"));
    CHECK_THAT(out, !Catch::Contains("tCF4·"));
}
