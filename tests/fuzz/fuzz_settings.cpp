// Fuzzes the report-settings reader (the first byte splits the input between settings and parties).
#include "fuzz_support.h"
#include "importers/report_settings_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1) return 0;
    size_t cut = size > 1 ? 1 + data[0] * (size - 1) / 256 : 1;
    std::string settings = cbam::fuzz::write_input("settings.csv", data + 1, cut - 1);
    std::string parties = cbam::fuzz::write_input("parties.csv", data + cut, size - cut);
    cbam::Diagnostics diags(50);
    (void)cbam::read_report_settings(settings, parties, diags);
    return 0;
}
