// Fuzzes the installation reader and the calculator: the first byte picks which of the
// installation's files the rest of the input replaces in a copy of fixtures/fastener-tw.
#include "calc/embedded_emissions.h"
#include "fuzz_support.h"
#include "importers/installation_reader.h"

#include <filesystem>

namespace {
const char* kFiles[] = {"installation.csv", "processes.csv", "source_streams.csv", "measurements.csv", "pfc.csv",
                        "heat.csv", "waste_gases.csv", "electricity.csv", "precursors.csv", "suppliers.csv"};
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1) return 0;
    namespace fs = std::filesystem;
    static const std::string dir = [] {
        std::string d = cbam::fuzz::scratch_dir() + "/installation";
        fs::create_directories(d);
        return d;
    }();
    static const std::string fixture = std::string(CBAM_SOURCE_DIR) + "/fixtures/fastener-tw";
    for (const auto& e : fs::directory_iterator(dir)) fs::remove(e.path());
    for (const auto& e : fs::directory_iterator(fixture)) fs::copy_file(e.path(), fs::path(dir) / e.path().filename());
    const char* file = kFiles[data[0] % (sizeof kFiles / sizeof *kFiles)];
    cbam::fuzz::write_input("installation/" + std::string(file), data + 1, size - 1);
    try {
        cbam::Installation inst = cbam::read_installation(dir);
        (void)cbam::calculate(inst, cbam::Scope::Definitive);
        (void)cbam::calculate(inst, cbam::Scope::Transitional);
    } catch (const cbam::InputError&) {
    }
    return 0;
}
