// Filling the communication template: what cannot be filled is refused with a clear message naming
// the input file and line, every problem in one run, exit code 1, and nothing written (neither the
// filled copy nor the -o results); a blank that is missing or not the template is a set-up error
// (exit code 5); the blank is never changed. Cases that need the blank template
// (in ../shared/templates) print SKIPPED when it is absent.
#include "support.h"
#include "xlsx_files.h"

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <cstdlib>
#include <iostream>
#include <optional>

using namespace cbam;

namespace {

bool have_blank() {
    if (!test::official_template().empty()) return true;
    std::cout << "SKIPPED: the blank communication template is not in ../shared/templates (set CBAM_TEMPLATE_DIR)" << std::endl;
    return false;
}

// Runs calc with -o and --template-out on `dir` and checks the refusal: exit 1, nothing written.
test::RunResult refused(const test::ScratchDir& dir, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"calc", dir.path(), "-o", dir.file("see.csv"), "--template-out", dir.file("filled.xlsx")};
    args.insert(args.end(), extra.begin(), extra.end());
    test::RunResult r = test::run_cbam(args);
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK_FALSE(test::file_exists(dir.file("see.csv")));
    CHECK_FALSE(test::file_exists(dir.file("filled.xlsx")));
    return r;
}

// `n` processes of cement clinker, each AL 100 t with 10 tCO2 measured.
void clinker_processes(const test::ScratchDir& dir, int n) {
    dir.write("installation.csv", "installation_id,name,country,period_start,period_end\nXX-1,Sample kilns (fictional),VN,2025-01-01,2025-12-31\n");
    std::string p = "process_id,aggregated_good,activity_level,activity_unit,cn_codes\n", m = "source_id,process_id,emissions,unit\n";
    for (int i = 1; i <= n; ++i) {
        p += fmt::format("K{},Cement clinker,100,t,25231000\n", i);
        m += fmt::format("S{},K{},10,tCO2\n", i, i);
    }
    dir.write("processes.csv", p);
    dir.write("measurements.csv", m);
}

}  // namespace

// The blank is official material cbam needs, not the user's input: missing or unusable, it is a
// set-up error (exit code 5, docs/exit-codes.md) that says how to get it, and nothing is written.
test::RunResult not_set_up(const test::RunResult& r, const test::ScratchDir& dir) {
    INFO(r.err);
    CHECK(r.exit_code == 5);
    CHECK_THAT(r.err, Catch::Contains("cbam: not set up:") && Catch::Contains("--template FILE") && Catch::Contains("CBAM_TEMPLATE_DIR") &&
                          !Catch::Contains("internal error"));
    CHECK_FALSE(test::file_exists(dir.file("see.csv")));
    CHECK_FALSE(test::file_exists(dir.file("filled.xlsx")));
    return r;
}

TEST_CASE("template fill: the blank is missing, or is not the template", "[bad_input][template]") {
    test::ScratchDir dir;
    dir.copy_from("fixtures/fastener-tw");
    auto calc = [&](std::vector<std::string> extra) {
        std::vector<std::string> args{"calc", dir.path(), "-o", dir.file("see.csv"), "--template-out", dir.file("filled.xlsx")};
        args.insert(args.end(), extra.begin(), extra.end());
        return test::run_cbam(args);
    };
    auto r = not_set_up(calc({"--template", dir.file("no-such-blank.xlsx")}), dir);
    CHECK_THAT(r.err, Catch::Contains("the blank communication template is not at " + dir.file("no-such-blank.xlsx")));

    // a folder, not a file
    not_set_up(calc({"--template", dir.path()}), dir);

    // any other workbook: it does not state a template version
    dir.write("other.xlsx", test::minimal_xlsx({{"Sheet1", R"(<row r="1"><c r="A1"><v>1</v></c></row>)"}}));
    r = not_set_up(calc({"--template", dir.file("other.xlsx")}), dir);
    CHECK_THAT(r.err, Catch::Contains("other.xlsx cannot be used as the blank communication template") && Catch::Contains("VersionDocumentation") &&
                          Catch::Contains("not the Commission's communication template"));

    // not a workbook at all
    dir.write("notes.xlsx", "installation notes, not a spreadsheet\n");
    r = not_set_up(calc({"--template", dir.file("notes.xlsx")}), dir);
    CHECK_THAT(r.err, Catch::Contains("notes.xlsx") && Catch::Contains("not an xlsx workbook"));
}

// Sets an environment variable for the cbam processes this test starts, and restores it after.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::string& value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        ::setenv(name, value.c_str(), 1);
    }
    ~ScopedEnv() {
        if (old_) ::setenv(name_, old_->c_str(), 1);
        else ::unsetenv(name_);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

TEST_CASE("template fill: no blank where cbam looks by default (a machine without ../shared)", "[bad_input][template]") {
    // $CBAM_TEMPLATE_DIR replaces the default folder (../shared/templates): an empty folder stands
    // for a user's machine without the Commission's material beside the sources.
    test::ScratchDir dir, empty;
    ScopedEnv env("CBAM_TEMPLATE_DIR", empty.path());
    auto r = test::run_cbam({"calc", test::source_path("fixtures/fastener-tw"), "-o", dir.file("see.csv"), "--template-out", dir.file("filled.xlsx")});
    not_set_up(r, dir);
    CHECK_THAT(r.err, Catch::Contains(empty.path() + "/CBAM Communication template for installations_en_20241213.xlsx") &&
                          Catch::Contains("Commission publishes it on its CBAM page"));
    // without --template-out the blank is not needed
    r = test::run_cbam({"calc", test::source_path("fixtures/fastener-tw")});
    CHECK(r.exit_code == 0);
}

TEST_CASE("template fill: usage errors", "[bad_input][template]") {
    test::ScratchDir dir;
    auto r = test::run_cbam({"calc", test::source_path("fixtures/fastener-tw"), "--template-out", dir.file("filled.csv")});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("--template-out writes an xlsx workbook"));
    r = test::run_cbam({"calc", test::source_path("fixtures/fastener-tw"), "--template", dir.file("blank.xlsx")});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("add --template-out FILE"));
    CHECK_FALSE(test::file_exists(dir.file("filled.csv")));
}

TEST_CASE("template fill: more processes than the template holds, and more suppliers, in one run", "[bad_input][template]") {
    if (!have_blank()) return;
    test::ScratchDir dir;
    clinker_processes(dir, 11);
    // 21 suppliers of clinker to a cement process: the template has 20 purchased precursors
    std::string procs = test::read_file(dir.file("processes.csv")) + "CEM,Cement,1000,t,25232900\n";
    dir.write("processes.csv", procs);
    std::string s = "supplier_id,name,country,precursor,see_direct,see_indirect,see_unit,determination\n";
    std::string pr = "process_id,precursor,mass,unit,supplier_id\n";
    for (int i = 1; i <= 21; ++i) {
        s += fmt::format("SUP{},Supplier {} (fictional),TH,Cement clinker,0.8,0.05,tCO2e/t,actual\n", i, i);
        pr += fmt::format("CEM,Cement clinker,10,t,SUP{}\n", i);
    }
    dir.write("suppliers.csv", s);
    dir.write("precursors.csv", pr);
    auto r = refused(dir);
    // the 11th process (processes.csv line 12) and the 21st supplier (suppliers.csv line 22)
    CHECK_THAT(r.err, Catch::Contains("processes.csv:12") && Catch::Contains("12 production processes; the template holds 10") &&
                          Catch::Contains("A_InstData!L83"));
    CHECK_THAT(r.err, Catch::Contains("suppliers.csv:22") && Catch::Contains("from 21 suppliers; the template holds 20"));
}

TEST_CASE("template fill: more products than the template's 100 rows", "[bad_input][template]") {
    if (!have_blank()) return;
    test::ScratchDir dir;
    clinker_processes(dir, 1);
    std::string codes;
    for (int i = 0; i < 101; ++i) codes += fmt::format("{}7318{:04d}", i ? " " : "", i);
    dir.write("processes.csv", "process_id,aggregated_good,activity_level,activity_unit,cn_codes\nK1,Iron or steel products,100,t," + codes + "\n");
    auto r = refused(dir);
    CHECK_THAT(r.err, Catch::Contains("make 101 products") && Catch::Contains("the template holds 100") &&
                          Catch::Contains("Summary_Products!D10"));
}

TEST_CASE("template fill: a good consumed by the other processes beyond what its process makes", "[bad_input][template]") {
    if (!have_blank()) return;
    test::ScratchDir dir;
    clinker_processes(dir, 1);
    dir.write("processes.csv", test::read_file(dir.file("processes.csv")) + "CEM,Cement,1000,t,25232900\n");
    // K1 makes 100 t of clinker; the cement mill consumes 150 t of it
    dir.write("precursors.csv", "process_id,precursor,mass,unit,from_process\nCEM,Cement clinker,150,t,K1\n");
    // cbam itself computes this installation (stock drawn from a silo is possible) ...
    CHECK(test::run_cbam({"calc", dir.path()}).exit_code == 0);
    // ... but the template's production balance cannot hold it
    auto r = refused(dir);
    CHECK_THAT(r.err, Catch::Contains("processes.csv:2:3") && Catch::Contains("consume 150 t of the good of process K1, more than the 100 t") &&
                          Catch::Contains("D_Processes!L42"));
}

TEST_CASE("template fill: a supplier named like a process", "[bad_input][template]") {
    if (!have_blank()) return;
    test::ScratchDir dir;
    dir.copy_from("fixtures/cement-vn");
    dir.edit("suppliers.csv", "CLK-TH,", "CLINKER,");
    dir.edit("precursors.csv", ",CLK-TH,", ",CLINKER,");
    auto r = refused(dir);
    CHECK_THAT(r.err, Catch::Contains("suppliers.csv:2") && Catch::Contains("supplier \"CLINKER\" has the name of a production process"));
}

TEST_CASE("template fill: the blank is never changed", "[bad_input][template]") {
    if (!have_blank()) return;
    test::ScratchDir dir;
    std::string blank = test::read_file(test::official_template());
    dir.write("blank.xlsx", blank);
    auto r = test::run_cbam({"calc", test::source_path("fixtures/cement-vn"), "--template", dir.file("blank.xlsx"), "--template-out",
                             dir.file("filled.xlsx")});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(test::read_file(dir.file("blank.xlsx")) == blank);
    CHECK(test::read_file(dir.file("filled.xlsx")) != blank);
    // the same path for the blank and the copy would overwrite the blank: refused
    auto same = test::run_cbam({"calc", test::source_path("fixtures/cement-vn"), "--template", dir.file("blank.xlsx"), "--template-out",
                                dir.file("blank.xlsx")});
    CHECK(same.exit_code == 2);
    CHECK(test::read_file(dir.file("blank.xlsx")) == blank);
    // nor may the copy overwrite the filled template it is computed from
    std::string filled = test::read_file(dir.file("filled.xlsx"));
    auto over_input = test::run_cbam({"calc", dir.file("filled.xlsx"), "--template", dir.file("blank.xlsx"), "--template-out", dir.file("filled.xlsx")});
    CHECK(over_input.exit_code == 2);
    CHECK_THAT(over_input.err, Catch::Contains("is the filled template being read"));
    CHECK(test::read_file(dir.file("filled.xlsx")) == filled);
}
