#include "audit/bundle.h"

#include "core/error.h"
#include "writers/json_document.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace cbam {

namespace fs = std::filesystem;

namespace {
std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(fmt::format("cannot read {}: {}", path, std::strerror(errno)));
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
void write_bytes(const fs::path& path, const std::string& content) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << content;
    out.close();
    if (!out) throw OutputError(fmt::format("cannot write {}", path.string()));
}
}  // namespace

void AuditBundle::add_input(const std::string& path, const std::string& name) {
    std::string bytes = read_bytes(path);
    inputs_.push_back({path, name, sha256_hex(bytes), bytes.size(), {}});
}

void AuditBundle::add_data(const std::string& path, const std::string& label) {
    std::string bytes = read_bytes(path);
    data_.push_back({path, label, sha256_hex(bytes), bytes.size(), {}});
}

void AuditBundle::add_data_table(const DataTable& table) {
    std::string bytes = read_bytes(table.path);
    File f{table.path, "cn_codes/" + table.file, sha256_hex(bytes), bytes.size(), table};
    for (const auto& d : data_)
        if (d.name == f.name) return;  // recorded once
    data_.push_back(std::move(f));
}

void AuditBundle::add_output(const std::string& name, const std::string& content) { outputs_.emplace_back(name, content); }

void AuditBundle::write(const std::string& dir) const {
    if (fs::exists(dir)) throw OutputError(fmt::format("the audit folder {} exists already: give a new folder", dir));
    fs::path target(dir);
    fs::path temp = target.parent_path() / ("." + target.filename().string() + ".tmp");
    std::error_code ec;
    fs::remove_all(temp, ec);
    try {
        fs::create_directories(temp);
        for (const auto& f : inputs_) write_bytes(temp / "inputs" / f.name, read_bytes(f.source));
        std::string sums;
        for (const auto& [name, content] : outputs_) {
            write_bytes(temp / "outputs" / name, content);
            sums += sha256_hex(content) + "  outputs/" + name + "\n";
        }
        write_bytes(temp / "SHA256SUMS", sums);
        std::string args;
        for (const auto& a : command_) args += a + "\n";
        write_bytes(temp / "rerun.args", args);
        write_bytes(temp / "derivations.txt", derivations_);

        JsonDocument doc;
        using Json = JsonDocument::Json;
        auto files = [&doc](const std::vector<File>& list, bool stored) {
            Json out = Json::array();
            for (const auto& f : list) {
                Json one = {{stored ? "path" : "file", stored ? "inputs/" + f.name : f.name},
                            {"sha256", f.sha256},
                            {"bytes", doc.number(std::to_string(f.bytes))}};
                if (!f.about.file.empty()) {
                    one["legal_act"] = f.about.legal_act;
                    one["version"] = f.about.version;
                    one["rows"] = doc.number(std::to_string(f.about.rows));
                    one["confidence"] = to_string(f.about.confidence);
                }
                out.push_back(std::move(one));
            }
            return out;
        };
        Json outputs = Json::array();
        for (const auto& [name, content] : outputs_)
            outputs.push_back({{"path", "outputs/" + name}, {"sha256", sha256_hex(content)}, {"bytes", doc.number(std::to_string(content.size()))}});
        Json manifest = {{"tool", "cbam"},
                         {"version", CBAM_VERSION},
                         {"command", command_},
                         {"inputs", files(inputs_, true)},
                         {"data", files(data_, false)},
                         {"outputs", std::move(outputs)},
                         {"assumptions", assumptions_},
                         {"derivations", "derivations.txt"}};
        write_bytes(temp / "manifest.json", doc.dump(manifest));
        fs::rename(temp, target);
    } catch (const std::exception& e) {
        fs::remove_all(temp, ec);
        if (dynamic_cast<const OutputError*>(&e)) throw;
        throw OutputError(fmt::format("cannot write the audit folder {}: {}", dir, e.what()));
    }
}

}  // namespace cbam
