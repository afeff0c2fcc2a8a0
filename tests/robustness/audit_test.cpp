// The audit bundle (--audit DIR) and cbam rerun.
#include "audit/bundle.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace cbam;

TEST_CASE("sha256_hex matches the FIPS 180-2 test vectors", "[robustness][audit]") {
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("calc --audit: inputs, outputs, digests, assumptions and derivations, and rerun reproduces them", "[robustness][audit]") {
    test::ScratchDir d;
    // fertiliser-eg has a heat row without an emission factor: the default must show as an assumption.
    auto r = test::run_cbam({"calc", test::source_path("fixtures/fertiliser-eg"), "--audit", d.file("bundle")});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    for (const char* f : {"manifest.json", "rerun.args", "SHA256SUMS", "derivations.txt", "inputs/heat.csv", "inputs/processes.csv",
                          "outputs/see.csv", "outputs/see.json"})
        CHECK(test::file_exists(d.file(std::string("bundle/") + f)));
    std::string manifest = test::read_file(d.file("bundle/manifest.json"));
    std::string heat = test::read_file(test::source_path("fixtures/fertiliser-eg/heat.csv"));
    CHECK_THAT(manifest, Catch::Contains("\"sha256\": \"" + sha256_hex(heat) + "\""));
    CHECK_THAT(manifest, Catch::Contains("\"file\": \"cn_codes/annex_i.csv\""));
    CHECK_THAT(manifest, Catch::Contains("no emission factor given for this heat; the default 56.1/0.9 tCO2/TJ was assumed"));
    CHECK_THAT(test::read_file(d.file("bundle/SHA256SUMS")),
               Catch::Contains(sha256_hex(test::read_file(d.file("bundle/outputs/see.csv"))) + "  outputs/see.csv"));
    CHECK_THAT(test::read_file(d.file("bundle/derivations.txt")), Catch::Contains("formula: N2O × GWP_N2O"));

    auto again = test::run_cbam({"rerun", d.file("bundle")});
    CHECK(again.exit_code == 0);
    CHECK_THAT(again.err, Catch::Contains("every output is byte-identical"));

    // An edited input in the bundle is caught.
    d.edit("bundle/inputs/processes.csv", "200000", "200001");
    auto tampered = test::run_cbam({"rerun", d.file("bundle")});
    CHECK(tampered.exit_code == 4);
    CHECK_THAT(tampered.out, Catch::Contains("DIFFERENT"));
    // The changed file is named, with both digests; no temporary folder is shown.
    std::string edited = test::read_file(d.file("bundle/inputs/processes.csv"));
    CHECK_THAT(tampered.out, Catch::Contains("inputs/processes.csv: CHANGED since the bundle was written: its SHA-256 is " + sha256_hex(edited) +
                                             ", the manifest records " + sha256_hex(test::read_file(test::source_path("fixtures/fertiliser-eg/processes.csv")))));
    CHECK_THAT(tampered.out + tampered.err, !Catch::Contains("cbam-rerun-"));
    CHECK_THAT(again.out + again.err, !Catch::Contains("cbam-rerun-"));
    CHECK_THAT(again.out + again.err, !Catch::Contains("wrote the audit bundle"));
}

TEST_CASE("report and declare --audit bundles rerun byte-identically", "[robustness][audit]") {
    test::ScratchDir d;
    REQUIRE(test::run_cbam({"report", test::source_path("fixtures/importer-nl"), "--period", "2024Q2", "--audit", d.file("q")}).exit_code == 0);
    CHECK(test::file_exists(d.file("q/inputs/suppliers/taiwan-fasteners.csv")));
    CHECK_THAT(test::read_file(d.file("q/manifest.json")), Catch::Contains("\"file\": \"QReport_ver23.00.xsd\""));
    CHECK_THAT(test::read_file(d.file("q/manifest.json")), Catch::Contains("No emissions data from the producer: Commission default values for CN 25232900"));
    CHECK(test::run_cbam({"rerun", d.file("q")}).exit_code == 0);

    REQUIRE(test::run_cbam({"declare", test::source_path("fixtures/warehouse-de"), "--year", "2026", "--audit", d.file("y")}).exit_code == 0);
    CHECK_THAT(test::read_file(d.file("y/derivations.txt")), Catch::Contains("Certificates owed for CN 25232900 from TR"));
    CHECK_THAT(test::read_file(d.file("y/manifest.json")), Catch::Contains("\"file\": \"cn_codes/benchmarks.csv\""));
    CHECK(test::run_cbam({"rerun", d.file("y")}).exit_code == 0);
    // An edited output is caught.
    d.write("y/SHA256SUMS", "0000000000000000000000000000000000000000000000000000000000000000  outputs/declaration.xml\n");
    auto r = test::run_cbam({"rerun", d.file("y")});
    CHECK(r.exit_code == 4);
}

TEST_CASE("an existing audit folder is not overwritten", "[robustness][audit]") {
    test::ScratchDir d;
    d.write("bundle/keep.txt", "earlier");
    auto r = test::run_cbam({"calc", test::source_path("fixtures/fastener-tw"), "--audit", d.file("bundle")});
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("exists already"));
    CHECK(test::read_file(d.file("bundle/keep.txt")) == "earlier");
}
