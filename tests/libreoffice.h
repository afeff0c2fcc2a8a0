// LibreOffice Calc as an independent calculator: the tests fill the Commission's communication
// template and let LibreOffice compute the template's own formulas (docs/communication-template.md).
//
// LibreOffice does not recalculate an xlsx file on load by default, so a template filled by editing
// its XML would show the blank's stale results. Every conversion therefore runs with a private
// profile (its own folder, so that tests running at the same time never share one) whose
// registrymodifications.xcu sets Calc's OOXMLRecalcMode to 0: always recalculate on load.
#pragma once

#include <cstdlib>
#include <string>

namespace cbam::test {

// The soffice program (from $CBAM_SOFFICE, else found on $PATH), or "" when there is none.
std::string soffice_program();

// Why the template cross-checks cannot run here ("" when they can): soffice or the blank template
// (official_template()) is missing. Tests print "SKIPPED: <why>" and return; ctest reports them
// as skipped.
std::string template_check_unavailable();

// Recalculates `xlsx` in LibreOffice and converts it into `out_dir`:
//   to = "csv":  one CSV per sheet, "<stem>-<sheet>.csv" (comma, '"', UTF-8, values as shown in
//                the standard format, i.e. up to 15 significant digits);
//   to = "xlsx": the recalculated workbook "<stem>.xlsx".
// Throws std::runtime_error with LibreOffice's output when the conversion fails.
void libreoffice_convert(const std::string& xlsx, const std::string& out_dir, const std::string& to);

}  // namespace cbam::test

// Skips the rest of a test case when the template cross-check cannot run, saying why. Under CI
// (the CI environment variable set, as CI services do), where tools/setup.sh test has installed
// LibreOffice and ../shared is beside the clone, it fails instead: the cross-check must run there.
#define CBAM_REQUIRE_TEMPLATE_CHECK()                                                   \
    do {                                                                               \
        const std::string cbam_why_ = ::cbam::test::template_check_unavailable();      \
        if (!cbam_why_.empty()) {                                                      \
            if (std::getenv("CI")) FAIL("under CI the template cross-check must run: " << cbam_why_); \
            std::cout << "SKIPPED: " << cbam_why_ << std::endl;                        \
            WARN("SKIPPED: " << cbam_why_);                                            \
            return;                                                                    \
        }                                                                              \
    } while (false)
