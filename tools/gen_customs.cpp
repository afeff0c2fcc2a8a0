// Writes synthetic customs lines for benchmarking `cbam report` and `cbam declare`:
//   gen_customs DIR LINES [YEAR]
// DIR gets settings.csv, customs.csv with LINES lines of 2025Q3 spread over 500 CN codes x 8
// origins, a tenth of them under customs warehousing (skipped), and suppliers/s.csv with emissions
// data for 2,000 installations. Numbers are written as decimal text from integers.
// With YEAR (2026 or later, for `cbam declare`), the lines are spread over the months of YEAR and
// DIR also gets certificate_prices.csv with a (fictional) price for each quarter of YEAR.
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 3 && argc != 4) {
        std::fprintf(stderr, "usage: gen_customs DIR LINES [YEAR]\n");
        return 2;
    }
    std::filesystem::path dir = argv[1];
    long lines = std::atol(argv[2]);
    int year = argc == 4 ? std::atoi(argv[3]) : 0;
    std::filesystem::create_directories(dir / "suppliers");
    std::ofstream(dir / "settings.csv") << "field,value\nrole,importer\ndeclarant_eori,DE900000001\ndeclarant_name,Synthetic benchmark importer (fictional)\n"
                                           "declarant_country,DE\ndeclarant_city,Hamburg\nsignature_place,Hamburg\nsignature_name,B. Enchmark\n"
                                           "signature_position,Tester\n";
    const char* origins[] = {"CN", "IN", "TR", "TW", "VN", "KR", "UA", "EG"};
    std::vector<std::string> cns;
    for (int i = 0; i < 250; ++i) cns.push_back(fmt::format("7208{:04}", i % 100 + 1000 * (i / 100)));
    // For a declaration every good needs a definitive default value: screws and bolts of CN codes
    // the default values list (IR (EU) 2025/2621 Annex I).
    const char* fasteners[] = {"73181100", "73181210", "73181290", "73181491", "73181499", "73181900", "73182200"};
    for (int i = 0; i < 250; ++i) cns.push_back(year ? std::string(fasteners[i % 7]) : fmt::format("7318{:04}", i));
    std::ofstream s(dir / "suppliers" / "s.csv");
    s << "installation_id,installation_name,country,city,cn_code,see_direct,see_indirect,unit,determination,electricity_emission_factor,electricity_consumed,electricity_source\n";
    for (int i = 0; i < 2000; ++i) {
        const std::string& cn = cns[i % cns.size()];
        s << fmt::format("INST-{:04},Installation {} (fictional),{},City,{},{}.{:03},0.{:03},tCO2e/t,actual,0.5,{}.{:03},grid\n", i, i, origins[i % 8], cn,
                         1 + i % 3, i % 1000, (i * 7) % 500 / 2 * 2, 0, (i * 7) % 500 / 2 * 4);
    }
    if (year) {
        std::ofstream p(dir / "certificate_prices.csv");
        p << "first_day,last_day,price_eur,source\n";
        const char* ends[] = {"03-31", "06-30", "09-30", "12-31"};
        for (int q = 0; q < 4; ++q)
            p << fmt::format("{0}-{1:02}-01,{0}-{2},{3}.{4:02},fictional price for benchmarking\n", year, 3 * q + 1, ends[q], 70 + q, 25 * q);
    }
    std::ofstream c(dir / "customs.csv");
    c << "declaration,item,acceptance_date,cn_code,origin,net_mass,mass_unit,requested_procedure,previous_procedure,importer,installation_id\n";
    for (long i = 0; i < lines; ++i) {
        int inst = static_cast<int>(i % 2000);
        const std::string& cn = cns[inst % cns.size()];
        bool warehouse = i % 10 == 9;
        int y = year ? year : 2025, month = year ? 1 + i % 12 : 7 + i % 3;
        c << fmt::format("{:02}DE{:014},{},{}-{:02}-{:02},{},{},{},kg,{},,DE900000001,INST-{:04}\n", y % 100, i / 5, i % 5 + 1, y, month, 1 + i % 28, cn,
                         origins[inst % 8], 100 + i % 9000, warehouse ? "71" : "40", inst);
    }
    return 0;
}
