// The customs reader's readings, compared: the quick route for the common line
// (CustomsReading::Quick, and Parallel, which reads on a second thread) must hand on exactly the
// CustomsLine the general reading builds, in the same order, and leave every line it declines to
// the general reading, whose findings then come in the same place among the lines. The reference
// is the general reading itself (the one every other test of customs lines checks against
// hand-made expectations); this test only says that the quick route never differs from it.
#include "importers/customs_reader.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

using namespace cbam;

namespace {

// Every field of a line, and the location of each, as one text.
std::string describe(const CustomsLine& l) {
    std::string s = l.where.file + ":" + std::to_string(l.where.line) + ":" + std::to_string(l.where.column) + ":" + l.where.field;
    s += "|" + l.declaration_at.file + ":" + std::to_string(l.declaration_at.line) + ":" + std::to_string(l.declaration_at.column) + ":" +
         l.declaration_at.field;
    for (const std::string* f : {&l.declaration, &l.item, &l.acceptance_date, &l.cn_code, &l.taric_code, &l.origin, &l.requested_procedure,
                                 &l.previous_procedure, &l.importer, &l.representative, &l.import_area, &l.installation_id, &l.description})
        s += "|" + *f;
    s += "|" + l.net_mass_t.to_string() + "|" + (l.supplementary_units ? l.supplementary_units->to_string() : "-");
    s += std::string("|") + (l.in_processed_products ? "in" : "out");
    if (l.inward_processing) {
        const auto& ip = *l.inward_processing;
        s += "|" + ip.member_state_auth + "|" + ip.authorisation + "|" + ip.start + "|" + ip.end + "|" + ip.deadline + "|" +
             std::to_string(ip.discharge_bill_waiver);
    }
    return s;
}

struct Reading {
    std::vector<std::string> lines, findings;
};

Reading read(const std::string& path, CustomsReading how, const CsvDialect& dialect = {}) {
    Reading r;
    Diagnostics diags;
    // With the number of findings so far: a finding must come in the same place among the lines.
    read_customs_lines(path, diags, [&](const CustomsLine& l) { r.lines.push_back(std::to_string(diags.count()) + "#" + describe(l)); },
                       Countries::builtin(), dialect, how);
    for (const auto& d : diags.items()) r.findings.push_back(d.to_string());
    return r;
}

void same_both_ways(const std::string& path, const CsvDialect& dialect = {}) {
    Reading general = read(path, CustomsReading::General, dialect);
    for (CustomsReading how : {CustomsReading::Quick, CustomsReading::Parallel}) {
        Reading other = read(path, how, dialect);
        INFO(path << (how == CustomsReading::Quick ? " quick" : " parallel"));
        CHECK(other.findings == general.findings);
        REQUIRE(other.lines.size() == general.lines.size());
        for (std::size_t i = 0; i < other.lines.size(); ++i) CHECK(other.lines[i] == general.lines[i]);
    }
}

}  // namespace

TEST_CASE("customs reader: the quick route reads every fixture as the general reading does", "[unit][customs]") {
    for (const char* f : {"fixtures/importer-nl/customs.csv", "fixtures/importer-nl-2024Q3/customs.csv", "fixtures/warehouse-de/customs.csv"})
        same_both_ways(test::source_path(f));
}

TEST_CASE("customs reader: the quick route agrees on lines with every kind of cell, good and bad", "[unit][customs]") {
    // Each cell takes values from a list that mixes the plain case with what the quick route must
    // decline (other spellings, blanks, spaces, electricity, inward processing, bad values); lines
    // are drawn from them with a fixed seed.
    const std::vector<std::pair<std::string, std::vector<std::string>>> cells = {
        {"declaration", {"26DE00000000000101", "26DE00000000000102", "", " 26DE1 "}},
        {"item", {"1", "2", "", "3 "}},
        {"acceptance_date", {"2026-02-10", "2026-02-30", "10/02/2026", " 2026-03-01", "2024-02-29", "2026-12-31"}},
        {"cn_code", {"73181590", "7318159000", "7318 15 90", "7318.15.90", "27160000", "2716000000", "7318159", "731815900", "", "25232900"}},
        {"origin", {"TW", "CN", "tw", "XX", "", "DE", "CH", " TR "}},
        {"net_mass", {"12500", "0.5", "1,5", "-1", "0", "", "1e3", "12 500", "99999999999999", "9999999999999", "0.000001", "7.25"}},
        {"mass_unit", {"kg", "t", "KG", "T", "lb", ""}},
        {"supplementary_units", {"", "", "", "12", "0", "x"}},
        {"supplementary_unit", {"", "MWh", "mwh", "kWh"}},
        {"requested_procedure", {"40", "42", "71", "51", "4", "99", ""}},
        {"previous_procedure", {"", "", "71", "51", "54", "00", "7", "ab", "40"}},
        {"importer", {"DE100000001", "", " DE100000002 "}},
        {"representative", {"", "DE700000001"}},
        {"import_area", {"", "EU", "EUOTH", "eu", "XX"}},
        {"installation_id", {"", "TW-KHH-FAST-001", " INST 2 "}},
        {"in_processed_products", {"", "yes", "no", "Yes", "maybe"}},
        {"ip_authorisation", {"", "NLIPO123"}},
        {"ip_member_state", {"", "NL", "TW"}},
        {"ip_start", {"", "2025-01-01", "2025-13-01"}},
        {"ip_end", {"", "2025-12-31"}},
        {"ip_deadline", {"", "2026-06-30"}},
        {"ip_discharge_bill_waiver", {"", "0", "1", "2"}},
        {"description", {"", "Steel screws", "  spaced  "}},
    };
    std::uint32_t seed = 7;
    auto next = [&]() { return seed = seed * 1664525u + 1013904223u, seed >> 8; };
    for (const auto& [delimiter, decimal] : {std::pair{',', '.'}, std::pair{';', ','}}) {
        std::string text;
        for (std::size_t c = 0; c < cells.size(); ++c) text += (c ? std::string(1, delimiter) : "") + cells[c].first;
        text += "\n";
        for (int n = 0; n < 6000; ++n) {  // about three batches of the parallel reading
            for (std::size_t c = 0; c < cells.size(); ++c) {
                const auto& values = cells[c].second;
                // Mostly the first (plain) value, so that most lines are whole and plain.
                std::string v = next() % 20 ? values[0] : values[next() % values.size()];
                if (v.find(delimiter) != std::string::npos || next() % 50 == 0) v = "\"" + v + "\"";
                text += (c ? std::string(1, delimiter) : "") + v;
            }
            text += "\n";
        }
        test::ScratchDir dir;
        dir.write("customs.csv", text);
        same_both_ways(dir.file("customs.csv"), {delimiter, decimal});
        // A plain line must pass the quick route often enough for the comparison to mean something.
        Reading fast = read(dir.file("customs.csv"), CustomsReading::Quick, {delimiter, decimal});
        CHECK(fast.lines.size() > 100);
    }
}
