// Fuzzes the readers of certificate prices and of carbon prices paid (the first byte picks one).
#include "fuzz_support.h"
#include "importers/declaration_data_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1) return 0;
    std::string path = cbam::fuzz::write_input("data.csv", data + 1, size - 1);
    cbam::Diagnostics diags(50);
    if (data[0] & 1) (void)cbam::read_certificate_prices(path, diags);
    else (void)cbam::read_carbon_prices_paid(path, diags);
    return 0;
}
