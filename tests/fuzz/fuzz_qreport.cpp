// Fuzzes the reading of QReport XML: schema validation through libxml2, the business rules on
// pugixml, and the reader that turns a report back into rows.
#include "importers/qreport_reader.h"
#include "validate/business_rules.h"
#include "validate/xsd.h"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const cbam::XsdValidator xsd(cbam::official_schema_dir() + "/" + cbam::kQReportXsd);
    static const cbam::QReportCodes& codes = cbam::QReportCodes::builtin();
    std::string xml(reinterpret_cast<const char*>(data), size);
    (void)xsd.validate(xml, "fuzz.xml");
    (void)cbam::check_business_rules(xml, codes);
    cbam::Diagnostics diags(50);
    (void)cbam::read_qreport(xml, "fuzz.xml", diags);
    return 0;
}
