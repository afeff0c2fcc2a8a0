// Writes a large, valid quarterly report (QReport 23.00) for benchmarking `cbam validate`:
//   gen_qreport FILE GOODS [ENTRIES]
// GOODS goods (CN code x origin, at most 99,999), each with ENTRIES emissions entries (default 4)
// of fictional installations with their operator, address, coordinates and qualifying
// parameters, written by the project's own QReport writer, so that the file passes the XSD and
// every business rule. About 85 MB with 20,000 goods of 4 entries. Numbers are exact decimals
// built from integers.
#include "model/qreport.h"
#include "writers/qreport_writer.h"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

using namespace cbam;

int main(int argc, char** argv) {
    if (argc != 3 && argc != 4) {
        std::fprintf(stderr, "usage: gen_qreport FILE GOODS [ENTRIES]\n");
        return 2;
    }
    const long goods = std::atol(argv[2]);
    const long entries = argc == 4 ? std::atol(argv[3]) : 4;
    if (goods < 1 || goods > 99999 || entries < 1 || entries > 999) {
        std::fprintf(stderr, "gen_qreport: GOODS must be 1 to 99999 and ENTRIES 1 to 999\n");
        return 2;
    }
    // Third countries (not EU, not exempt), and CN codes of covered headings (7208: flat-rolled
    // iron or steel; 7318: screws and bolts).
    const char* origins[] = {"CN", "IN", "TR", "TW", "VN", "KR", "UA", "EG", "BR", "ZA", "MA", "RS", "US", "JP", "TH", "MY", "ID", "MX", "SA", "AE"};
    const int n_origins = sizeof origins / sizeof *origins;

    qreport::Report r;
    r.reporting_period = "Q3";
    r.year = 2025;
    r.declarant = {"DE900000001", "Synthetic benchmark importer (fictional)", "01", {"", "", "Hamburg", "Hafenstrasse", "", "1", "20457", ""}};
    r.importer = qreport::Party{"DE900000001", "Synthetic benchmark importer (fictional)", {"DE", "", "Hamburg", "Hafenstrasse", "", "1", "20457", ""}};
    r.signatures.place = "Hamburg";
    r.signatures.signature = "B. Enchmark";
    r.signatures.position = "Tester";
    for (long g = 0; g < goods; ++g) {
        qreport::ImportedGood ig;
        ig.cn_code = fmt::format("{}{:04}", g % 2 ? "7318" : "7208", (g / n_origins) % 10000);
        ig.origin_country = origins[g % n_origins];
        ig.description = fmt::format("Synthetic good {} (fictional)", g + 1);
        Decimal total = 0;
        for (long e = 0; e < entries; ++e) {
            qreport::EmissionsEntry en;
            en.production_country = ig.origin_country;
            qreport::Installation in;
            in.id = fmt::format("I{:05}-{:03}", g, e);
            in.name = fmt::format("Synthetic installation {} of good {} (fictional)", e + 1, g + 1);
            in.economic_activity = "Manufacture of basic iron and steel";
            in.address = {ig.origin_country, "", "Sample City", "Mill Road", "", std::to_string(e + 1), "10000", ""};
            in.latitude = fmt::format("{}.{:04}", 10 + e % 50, g % 10000);
            in.longitude = fmt::format("{}.{:04}", 20 + e % 100, (g * 7) % 10000);
            in.coordinates_type = "01";
            in.operator_id = fmt::format("OP{:05}{:03}", g, e);
            in.operator_name = "Synthetic Steel Operator Ltd (fictional)";
            in.operator_address = {ig.origin_country, "", "Sample City", "Head Office Street", "", "9", "10001", ""};
            in.contacts.push_back({"A. Contact", "+00 0000 0000", "contact@example.invalid"});
            en.installation = in;
            en.produced = Decimal(10 + (g + e) % 90);
            total += en.produced;
            en.direct.determination_type = "01";
            en.direct.methodology_type = "TOM01";
            en.direct.methodology_text = "Implementing Regulation (EU) 2023/1773 Annex III";
            en.direct.see = Decimal::ratio(1000 + (g * 13 + e) % 2000, 1000);
            qreport::IndirectEmissions ie;
            ie.determination_type = "01";
            ie.ef_source = "01";
            ie.emission_factor = Decimal::ratio(50000 + (g % 300) * 100, 100000);
            ie.electricity_consumed = Decimal::ratio(100000 + (e % 7) * 10000, 100000);
            ie.see = *ie.emission_factor * *ie.electricity_consumed;
            ie.electricity_source = "SOE03";
            ie.other_source_indication = "Grid emission factor communicated by the operator (fictional)";
            ie.ef_source_value = fmt::format("{} tCO2/MWh", ie.emission_factor->to_fixed(5));
            en.indirect = ie;
            en.method_id = "P34";
            en.steel_mill_number = fmt::format("MILL-{:05}", g);
            en.direct_parameters = {{"QPD11", "Natural gas", ""}, {"QPD13", "0.45", ""}, {"QPD14", "0.02", ""}};
            ig.emissions.push_back(std::move(en));
        }
        qreport::ImportedQuantity iq;
        iq.requested_procedure = "40";
        iq.import_area = "EU";
        iq.measures.push_back({0, total});
        ig.quantities.push_back(std::move(iq));
        ig.total = total;
        r.goods.push_back(std::move(ig));
    }
    std::ofstream(argv[1], std::ios::binary) << write_qreport(r);
    return 0;
}
