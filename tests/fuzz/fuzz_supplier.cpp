// Fuzzes the supplier emissions-data reader.
#include "fuzz_support.h"
#include "importers/supplier_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string path = cbam::fuzz::write_input("suppliers.csv", data, size);
    cbam::SupplierData d;
    cbam::Diagnostics diags(50);
    cbam::read_supplier_data(path, d, diags);
    return 0;
}
