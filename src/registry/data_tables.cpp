#include "registry/data_tables.h"

#include "io/csv_table.h"
#include "registry/cn_registry.h"

#include <fmt/format.h>

#include <filesystem>

namespace cbam {

namespace fs = std::filesystem;

std::vector<DataTable> load_data_tables(const std::string& dir) {
    std::vector<DataTable> out;
    Diagnostics diags;
    const std::string manifest = dir + "/tables.csv";
    read_table(manifest,
               {{"file", true}, {"content", true}, {"legal_act", true}, {"version", true}, {"confidence", true}, {"note", true}},
               CsvDialect::standard(), diags, [&](const CsvRow& row) {
                   DataTable t;
                   t.file = row.text("file").value_or("");
                   t.path = dir + "/" + t.file;
                   t.content = std::string(row.cell("content"));
                   t.legal_act = row.text("legal_act").value_or("");
                   t.version = row.text("version").value_or("");
                   t.note = std::string(row.cell("note"));
                   auto c = parse_confidence(row.cell("confidence"));
                   if (!c) row.error("confidence", fmt::format("expected {}, found \"{}\"", kConfidenceValues, row.cell("confidence")));
                   t.confidence = c.value_or(Confidence::Low);
                   t.where = row.row_location();
                   t.where.file = "tables.csv";
                   if (!t.file.empty() && !fs::is_regular_file(t.path)) row.error("file", fmt::format("the table {} is listed but not in {}", t.file, dir));
                   out.push_back(std::move(t));
               });
    for (auto& t : out) {
        if (!fs::is_regular_file(t.path)) continue;
        std::size_t records = 0;
        read_csv(t.path, CsvDialect::standard(), diags, [&](CsvRecord&) { ++records; });
        t.rows = records ? records - 1 : 0;
    }
    if (!diags.empty()) throw InputError(std::move(diags));
    return out;
}

std::vector<DataTable> data_tables() { return load_data_tables(data_dir() + "/cn_codes"); }

std::string data_summary() {
    const std::string dir = data_dir() + "/cn_codes";
    std::vector<DataTable> tables;
    try {
        tables = load_data_tables(dir);
    } catch (const InputError& e) {
        return fmt::format("data: cannot read the data tables in {} ({}); set CBAM_DATA_DIR to the folder holding cn_codes/\n", dir, e.what());
    }
    std::string out = fmt::format("data: {} tables in {} ('cbam data' lists each with its act, rows and SHA-256)\n", tables.size(), dir);
    for (const auto& t : tables)
        if (t.file == "definitive_default_values.csv" || t.file == "benchmarks.csv" || t.file == "phase_in.csv")
            out += fmt::format("  {}: {} ({})\n", t.file, t.legal_act, t.version);
    std::string low;
    for (const auto& t : tables)
        if (t.confidence < Confidence::High) low += fmt::format("{}{} ({})", low.empty() ? "" : ", ", t.file, to_string(t.confidence));
    if (!low.empty()) out += fmt::format("  below high confidence: {}\n", low);
    return out;
}

}  // namespace cbam
