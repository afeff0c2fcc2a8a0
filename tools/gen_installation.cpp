// Writes a synthetic installation for benchmarking `cbam calc`:
//   gen_installation DIR STREAMS PRECURSORS
// Two processes: crude steel (EAF) and iron or steel products; STREAMS source streams spread
// over both (combustion, process and mass balance in turn) and PRECURSORS purchased precursor
// rows, each from its own supplier. All numbers are integers or short decimals written as text.
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: gen_installation DIR STREAMS PRECURSORS\n");
        return 2;
    }
    std::filesystem::path dir = argv[1];
    long streams = std::atol(argv[2]), precursors = std::atol(argv[3]);
    std::filesystem::create_directories(dir);
    auto open = [&](const char* name) { return std::ofstream(dir / name); };

    open("installation.csv") << "installation_id,name,country,period_start,period_end\n"
                                "SYN-001,Synthetic benchmark installation (fictional),TR,2026-01-01,2026-12-31\n";
    open("processes.csv") << "process_id,aggregated_good,route,activity_level,activity_unit,cn_codes\n"
                             "STEEL,Crude steel,electric arc furnace,250000,t,72061000 72071111\n"
                             "PRODUCTS,Iron or steel products,hot rolling,230000,t,72131000 72142000 73181590\n";
    auto ss = open("source_streams.csv");
    ss << "stream_id,process_id,method,activity_data,activity_unit,ncv,ncv_unit,emission_factor,ef_unit,carbon_content,cc_unit,direction\n";
    for (long i = 0; i < streams; ++i) {
        const char* proc = i % 2 ? "PRODUCTS" : "STEEL";
        switch (i % 3) {
            case 0: ss << fmt::format("S{},{},combustion,{},Nm3,35.{},MJ/Nm3,56.1,tCO2/TJ,,,\n", i, proc, 1000 + i, i % 10); break;
            case 1: ss << fmt::format("S{},{},process,{},t,,,0.{},tCO2/t,,,\n", i, proc, 10 + i % 97, 400 + i % 50); break;
            default: ss << fmt::format("S{},{},mass_balance,{},t,,,,,0.{},tC/t,{}\n", i, proc, 5 + i % 13, 80 + i % 9, i % 4 ? "input" : "output");
        }
    }
    auto el = open("electricity.csv");
    el << "process_id,direction,quantity,unit,emission_factor,ef_unit,source\n"
          "STEEL,consumed,110000,MWh,0.442,tCO2/MWh,grid\nPRODUCTS,consumed,30000,MWh,0.442,tCO2/MWh,grid\n";
    auto su = open("suppliers.csv");
    auto pr = open("precursors.csv");
    su << "supplier_id,name,country,precursor,see_direct,see_indirect,see_unit,determination\n";
    pr << "process_id,precursor,mass,unit,supplier_id,from_process\n";
    pr << "PRODUCTS,Crude steel,240000,t,,STEEL\n";
    const char* countries[] = {"CN", "IN", "TR", "VN", "KR", "DE", "NO"};
    for (long i = 0; i < precursors; ++i) {
        bool pig = i % 2 == 0;
        su << fmt::format("SUP{},Supplier {} (fictional),{},{},{}.{:03},0.{:03},tCO2e/t,{}\n", i, i, countries[i % 7], pig ? "Pig iron" : "DRI",
                          1 + i % 2, i % 1000, i % 500, i % 5 ? "actual" : "default");
        pr << fmt::format("STEEL,{},{},t,SUP{},\n", pig ? "Pig iron" : "DRI", 100 + i % 400, i);
    }
    return 0;
}
