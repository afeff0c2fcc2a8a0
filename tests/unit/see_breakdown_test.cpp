// The split of a good's SEE into its sources (calc/see_breakdown.h), on fixtures/fastener-tw.
// Hand derivation from the fixture's files (1 200 t of screws and washers made by one process):
//   NG-ANNEAL: 185 000 Nm3 × 35.2 MJ/Nm3 × 56.1 tCO2/TJ = 365.3232 tCO2  -> 365.3232 / 1 200 = 0.304436 t/t
//   wire rod from WR-TW (actual data):  800 t × 2.10 = 1 680 tCO2e  -> 1.4 t/t direct;   800 × 0.35 = 280 -> 0.2333… indirect
//   wire rod from WR-CN (default values): 500 t × 2.50 = 1 250      -> 1.041666… direct; 500 × 0.40 = 200 -> 0.1666… indirect
//   electricity: 1 850 MWh × 0.474 = 876.9 tCO2 -> 0.73075 t/t indirect
// Definitive scope, screws in Annex II: nothing indirect counts, so the total is the direct SEE
// 3 295.3232 / 1 200, of which 1 250 / 1 200 rests on default values: share 1 250 / 3 295.3232.
// Transitional scope: all indirect counts; default values carry (1 250 + 200) / 1 200 of
// (3 295.3232 + 1 356.9) / 1 200.
#include "calc/embedded_emissions.h"
#include "importers/installation_reader.h"
#include "support.h"

#include <catch2/catch.hpp>

using namespace cbam;
using cbam::test::D;

TEST_CASE("SEE breakdown of the fastener's screws: one share per source, supplier and the electricity", "[unit][breakdown]") {
    Installation inst = read_installation(test::source_path("fixtures/fastener-tw"));
    CalcResult d = calculate(inst, Scope::Definitive);
    const GoodResult* screws = d.find("73181590");
    REQUIRE(screws);
    const SeeBreakdown& b = screws->breakdown;
    REQUIRE(b.shares.size() == 4);
    CHECK(b.shares[0].kind == SeeShare::Kind::Source);
    CHECK(b.shares[0].label == "NG-ANNEAL");
    CHECK(b.shares[0].direct.value() == D("365.3232") / D("1200"));
    CHECK(b.shares[1].kind == SeeShare::Kind::Electricity);
    CHECK(b.shares[1].indirect.value() == D("0.73075"));
    CHECK(b.shares[1].indirect_counted.value().is_zero());  // Annex II, definitive
    // Precursors by label: "... from supplier WR-CN (CN)" before "... WR-TW (TW)".
    CHECK(b.shares[3].kind == SeeShare::Kind::Precursor);
    CHECK(b.shares[3].supplier_id == "WR-TW");
    CHECK_FALSE(b.shares[3].default_values);
    CHECK(b.shares[3].direct.value() == D("1.4"));
    CHECK(b.shares[3].indirect.value() == D(280, 1200));
    CHECK(b.shares[2].supplier_id == "WR-CN");
    CHECK(b.shares[2].default_values);
    CHECK(b.shares[2].direct.value() == D(1250, 1200));
    CHECK(b.shares[2].total.value() == D(1250, 1200));
    Decimal direct = 0, indirect = 0, total = 0;
    for (const auto& s : b.shares) direct += s.direct.value(), indirect += s.indirect.value(), total += s.total.value();
    CHECK(direct == screws->see_direct.value());
    CHECK(indirect == screws->see_indirect.value());
    CHECK(total == screws->see_total.value());
    CHECK(b.from_default_values.value() == D(1250, 1200));
    CHECK(b.default_share.value() == D("1250") / D("3295.3232"));

    CalcResult t = calculate(inst, Scope::Transitional);
    const SeeBreakdown& bt = t.find("73181590")->breakdown;
    CHECK(bt.shares[1].indirect_counted.value() == D("0.73075"));
    CHECK(bt.from_default_values.value() == D(1450, 1200));
    CHECK(bt.default_share.value() == D("1450") / (D("3295.3232") + D("1356.9")));
}

TEST_CASE("SEE breakdown: corrections enter with their sign and the shares add up to the SEE", "[unit][breakdown]") {
    // The hydrogen plant exports waste gas and the fertiliser works trades heat: whatever the
    // terms, their per-unit shares must add up exactly to the SEE computed by calc.
    for (const char* fixture : {"fixtures/hydrogen-plant", "fixtures/fertiliser-eg", "fixtures/cement-vn", "fixtures/aluminium-smelter",
                                "fixtures/power-plant"}) {
        Installation inst = read_installation(test::source_path(fixture));
        for (Scope scope : {Scope::Transitional, Scope::Definitive}) {
            CalcResult r = calculate(inst, scope);
            for (const auto& g : r.goods) {
                const SeeBreakdown& b = g.breakdown;
                Decimal direct = 0, counted = 0;
                bool negative = false;
                for (const auto& s : b.shares) {
                    direct += s.direct.value(), counted += s.indirect_counted.value();
                    negative = negative || (s.kind == SeeShare::Kind::Correction && s.direct.value().sign() < 0);
                }
                INFO(fixture << " " << g.aggregated_good << " " << g.cn_code);
                CHECK(direct == g.see_direct.value());
                CHECK(counted == g.see_indirect_counted.value());
                if (std::string(fixture) == "fixtures/hydrogen-plant") CHECK(negative);
            }
        }
    }
}
