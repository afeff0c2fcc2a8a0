// The data tables the tool reads (cn_codes/), listed in cn_codes/tables.csv with the legal act
// each comes from, its version and the confidence of its transcription (cn_codes/SOURCES.md says
// why). `cbam data` lists them with their row counts and SHA-256, audit bundles record the same,
// and `cbam --version` summarises them. A corrected act is a change of a table and of its line in
// tables.csv: no code changes.
#pragma once

#include "core/error.h"
#include "registry/confidence.h"

#include <string>
#include <vector>

namespace cbam {

struct DataTable {
    std::string file;  // name inside cn_codes/
    std::string path;  // where it was read
    std::string content, legal_act, version, note;
    Confidence confidence = Confidence::Low;
    std::size_t rows = 0;  // data rows, header excluded
    SourceLocation where;  // its line in tables.csv
};

// Reads `dir`/tables.csv and counts the rows of every table it lists. Throws InputError listing
// every problem (a table listed but missing, a bad confidence ...).
std::vector<DataTable> load_data_tables(const std::string& dir);
// The tables of the data folder in use ($CBAM_DATA_DIR/cn_codes or the build's).
std::vector<DataTable> data_tables();

// A few lines for `cbam --version`: where the data is, the versions of the main acts, and the
// tables below high confidence. Never throws: a missing or broken folder is said in the text.
std::string data_summary();

}  // namespace cbam
