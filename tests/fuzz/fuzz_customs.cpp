// Fuzzes the customs-line reader and the quarter's assembly, with fixtures/importer-nl's suppliers.
#include "calc/quarter.h"
#include "fuzz_support.h"
#include "importers/customs_reader.h"
#include "importers/report_settings_reader.h"
#include "importers/supplier_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::string fixture = std::string(CBAM_SOURCE_DIR) + "/fixtures/importer-nl";
    static const cbam::SupplierData suppliers = [] {
        cbam::SupplierData d;
        cbam::Diagnostics diags;
        for (const char* f : {"china-wire.csv", "india-aluminium.csv", "morocco-power.csv", "taiwan-fasteners.csv"})
            cbam::read_supplier_data(fixture + "/suppliers/" + f, d, diags);
        return d;
    }();
    static const cbam::ReportSettings settings = [] {
        cbam::Diagnostics diags;
        return cbam::read_report_settings(fixture + "/settings.csv", "", diags);
    }();
    std::string path = cbam::fuzz::write_input("customs.csv", data, size);
    cbam::Diagnostics diags(50);
    cbam::QuarterBuilder b(*cbam::Quarter::parse("2024Q2"), settings, suppliers);
    cbam::read_customs_lines(path, diags, [&](const cbam::CustomsLine& l) { b.add(l, diags); });
    (void)b.finish(diags);
    return 0;
}
