#include "libreoffice.h"

#include "support.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string_view>

namespace cbam::test {

namespace fs = std::filesystem;

std::string soffice_program() {
    if (const char* env = std::getenv("CBAM_SOFFICE"); env && *env) return fs::exists(env) ? env : "";
    const char* path = std::getenv("PATH");
    std::string_view dirs = path ? path : "/usr/bin:/bin";
    while (!dirs.empty()) {
        auto colon = dirs.find(':');
        fs::path candidate = fs::path(std::string(dirs.substr(0, colon))) / "soffice";
        if (fs::exists(candidate)) return candidate.string();
        if (colon == std::string_view::npos) break;
        dirs.remove_prefix(colon + 1);
    }
    return "";
}

std::string template_check_unavailable() {
    if (soffice_program().empty())
        return "LibreOffice (soffice) is not installed: the template cross-checks need it (tools/setup.sh test installs "
               "libreoffice-calc-nogui)";
    if (official_template().empty())
        return "the blank communication template (20241213) is not in ../shared/templates (set CBAM_TEMPLATE_DIR)";
    return "";
}

void libreoffice_convert(const std::string& xlsx, const std::string& out_dir, const std::string& to) {
    ScratchDir profile;  // private to this conversion: two soffice processes must not share a profile
    profile.write("user/registrymodifications.xcu",
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
                  "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
                  "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\"><prop oor:name=\"OOXMLRecalcMode\" oor:op=\"fuse\">"
                  "<value>0</value></prop></item>\n"
                  "</oor:items>\n");
    std::string filter;
    if (to == "csv")  // comma, '"', UTF-8 (76), from line 1, cells as shown, every sheet (-1)
        filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
    else if (to == "xlsx")
        filter = "xlsx:Calc MS Excel 2007 XML";
    else
        throw std::invalid_argument("libreoffice_convert: unknown target " + to);
    // `timeout` keeps a hung soffice from hanging the test suite.
    RunResult r = run_program("/usr/bin/timeout", {"300", soffice_program(), "-env:UserInstallation=file://" + profile.path(),
                                                   "--headless", "--norestore", "--convert-to", filter, "--outdir", out_dir, xlsx});
    std::string stem = fs::path(xlsx).stem().string();
    bool produced = to == "xlsx" ? fs::exists(fs::path(out_dir) / (stem + ".xlsx"))
                                 : fs::exists(fs::path(out_dir) / (stem + "-Summary_Products.csv"));
    if (r.exit_code != 0 || !produced)
        throw std::runtime_error("LibreOffice could not convert " + xlsx + " (exit " + std::to_string(r.exit_code) + "):\n" + r.out + r.err);
}

}  // namespace cbam::test
