// Unit tests of CN-code classification against the shipped registry (cn_codes/): Annex I of
// Regulation (EU) 2023/956 with its exceptions, Annex II, and the aggregated goods categories.
// Expected answers come from the regulation's annexes as listed in cn_codes/*.csv.
#include "registry/cn_registry.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace cbam;

namespace {

Classification classify(const char* code) {
    std::string error;
    auto c = CnRegistry::builtin().classify(code, &error);
    INFO("code: " << code << ", error: " << error);
    REQUIRE(c);
    return *c;
}

bool has(const std::vector<std::string>& v, const char* x) { return std::find(v.begin(), v.end(), x) != v.end(); }

}  // namespace

TEST_CASE("classify 73181590: screws, iron or steel products, complex, Annex II", "[unit][cn_registry]") {
    Classification c = classify("73181590");
    CHECK(c.cn == "73181590");
    CHECK(c.in_scope);
    CHECK_FALSE(c.partial);
    REQUIRE(c.line);
    CHECK(c.line->cn == "7318");  // the Annex I line, not chapter 72
    CHECK(c.line->sector == "Iron and steel");
    CHECK(c.line->direct_only);
    CHECK(has(c.line->gases, "CO2"));
    CHECK_FALSE(c.exclusion);
    REQUIRE(c.good);
    CHECK(c.good->name == "Iron or steel products");
    CHECK(c.good->complex);
    CHECK(has(c.good->precursors, "Crude steel"));
    CHECK(CnRegistry::builtin().direct_only(*c.good));
    // spaces, dots and a 10-digit TARIC code give the same answer
    CHECK(classify("7318 15 90").good == c.good);
    CHECK(classify("7318.15.90").good == c.good);
    Classification taric = classify("7318159000");
    CHECK(taric.in_scope);
    CHECK(taric.good == c.good);
}

TEST_CASE("classify 7204: ferrous waste and scrap is excepted from chapter 72", "[unit][cn_registry]") {
    Classification c = classify("7204");
    CHECK_FALSE(c.in_scope);
    REQUIRE(c.line);
    CHECK(c.line->cn == "72");
    REQUIRE(c.exclusion);
    CHECK(c.exclusion->code == "7204");
    CHECK_THAT(c.reason, Catch::Contains("7204") && Catch::Contains("scrap"));
    CHECK_FALSE(c.good);
    // an 8-digit code under 7204 is out as well
    CHECK_FALSE(classify("72044910").in_scope);
}

TEST_CASE("classify 7202 21: ferro-silicon is excepted", "[unit][cn_registry]") {
    Classification c = classify("7202 21");
    CHECK(c.cn == "720221");
    CHECK_FALSE(c.in_scope);
    REQUIRE(c.exclusion);
    CHECK(c.exclusion->code == "72022");
    CHECK_THAT(c.reason, Catch::Contains("72022") && Catch::Contains("Ferro-silicon"));
    // while ferro-manganese (7202 11) is covered, as FeMn
    Classification femn = classify("72021120");
    CHECK(femn.in_scope);
    REQUIRE(femn.good);
    CHECK(femn.good->name == "FeMn");
}

TEST_CASE("classify 7202: a heading only part of which is covered", "[unit][cn_registry]") {
    Classification c = classify("7202");
    CHECK(c.in_scope);
    CHECK(c.partial);
    CHECK_THAT(c.reason, Catch::Contains("72022"));
}

TEST_CASE("classify 25070080: calcined clay with its caveat", "[unit][cn_registry]") {
    Classification c = classify("25070080");
    CHECK(c.in_scope);
    REQUIRE(c.line);
    CHECK(c.line->sector == "Cement");
    CHECK_FALSE(c.line->direct_only);
    CHECK_THAT(c.reason, Catch::Contains("calcined kaolinic clay"));
    REQUIRE(c.good);
    CHECK(c.good->name == "Calcined clay");
    CHECK_FALSE(c.good->complex);
}

TEST_CASE("classify 27160000: electricity", "[unit][cn_registry]") {
    Classification c = classify("27160000");
    CHECK(c.in_scope);
    REQUIRE(c.line);
    CHECK(c.line->sector == "Electricity");
    REQUIRE(c.good);
    CHECK(c.good->name == "Electricity");
    CHECK_FALSE(c.good->complex);
}

TEST_CASE("classify 28141000: ammonia, complex with hydrogen as precursor, not Annex II", "[unit][cn_registry]") {
    Classification c = classify("28141000");
    CHECK(c.in_scope);
    REQUIRE(c.line);
    CHECK(c.line->cn == "2814");
    CHECK(c.line->sector == "Fertilisers");
    CHECK_FALSE(c.line->direct_only);
    REQUIRE(c.good);
    CHECK(c.good->name == "Ammonia");
    CHECK(c.good->complex);
    CHECK(has(c.good->precursors, "Hydrogen"));
    CHECK_FALSE(CnRegistry::builtin().direct_only(*c.good));
}

TEST_CASE("classify 31056000: excepted from heading 3105", "[unit][cn_registry]") {
    Classification c = classify("31056000");
    CHECK_FALSE(c.in_scope);
    REQUIRE(c.line);
    CHECK(c.line->cn == "3105");
    REQUIRE(c.exclusion);
    CHECK(c.exclusion->code == "31056000");
    CHECK_THAT(c.reason, Catch::Contains("31056000"));
    // 3105 20 (NPK) is covered, as mixed fertilisers
    Classification npk = classify("31052010");
    CHECK(npk.in_scope);
    REQUIRE(npk.good);
    CHECK(npk.good->name == "Mixed fertilisers");
}

TEST_CASE("classify codes not listed in Annex I", "[unit][cn_registry]") {
    for (const char* code : {"1000", "85011000"}) {
        INFO(code);
        Classification c = classify(code);
        CHECK_FALSE(c.in_scope);
        CHECK_FALSE(c.partial);
        CHECK_FALSE(c.line);
        CHECK_FALSE(c.good);
        CHECK_THAT(c.reason, Catch::Contains("not listed"));
    }
    // 2523: cement is listed only by 8-digit codes under it, so the heading is partly covered
    Classification cement = classify("2523");
    CHECK_FALSE(cement.in_scope);
    CHECK(cement.partial);
    CHECK_THAT(cement.reason, Catch::Contains("25231000"));
}

TEST_CASE("classify malformed codes: nullopt with an error message", "[unit][cn_registry]") {
    for (const char* code : {"abc", "123", "", "73181", "7318159", "73181590123", "7318-1590"}) {
        INFO("code: \"" << code << "\"");
        std::string error;
        auto c = CnRegistry::builtin().classify(code, &error);
        CHECK_FALSE(c);
        CHECK_FALSE(error.empty());
        CHECK_THAT(error, Catch::Contains(std::string("\"") + code + "\""));
    }
    // without an error pointer it still just returns nullopt
    CHECK_FALSE(CnRegistry::builtin().classify("abc"));
}

TEST_CASE("aggregated goods and Annex II membership", "[unit][cn_registry]") {
    const CnRegistry& reg = CnRegistry::builtin();
    CHECK(reg.goods().size() == 20);
    REQUIRE(reg.good("pig iron"));  // case-insensitive
    CHECK(reg.good("pig iron")->name == "Pig iron");
    CHECK_FALSE(reg.good("Steel"));
    // Annex II: chapter 72, 7301-7326, aluminium, hydrogen; not cement, fertilisers, sintered ore
    for (const char* g : {"Pig iron", "DRI", "Crude steel", "Iron or steel products", "FeMn", "Unwrought aluminium",
                          "Aluminium products", "Hydrogen"}) {
        INFO(g);
        REQUIRE(reg.good(g));
        CHECK(reg.direct_only(*reg.good(g)));
    }
    for (const char* g : {"Cement clinker", "Cement", "Calcined clay", "Ammonia", "Nitric acid", "Urea", "Mixed fertilisers",
                          "Sintered ore"}) {
        INFO(g);
        REQUIRE(reg.good(g));
        CHECK_FALSE(reg.direct_only(*reg.good(g)));
    }
    // pig iron and DRI list each other as relevant precursors
    CHECK(has(reg.good("Pig iron")->precursors, "DRI"));
    CHECK(has(reg.good("DRI")->precursors, "Pig iron"));
    CHECK(CnRegistry::covers(*reg.good("Iron or steel products"), "73181590"));
    CHECK_FALSE(CnRegistry::covers(*reg.good("Crude steel"), "73181590"));
}
