// Outputs are written whole or not at all: each file goes to a temporary file beside its
// destination and is renamed into place only when every output of the run is complete.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cbam {

class AtomicOutputs {
public:
    AtomicOutputs() = default;
    AtomicOutputs(const AtomicOutputs&) = delete;
    AtomicOutputs& operator=(const AtomicOutputs&) = delete;
    ~AtomicOutputs();  // removes temporaries that were never committed

    // Writes `content` to a temporary file next to `path`; throws OutputError.
    void stage(const std::string& path, const std::string& content);
    // The same for content too large to hold in memory: `produce` hands it over in pieces, in
    // order, through the function it is given.
    using Append = std::function<void(std::string_view)>;
    void stage_parts(const std::string& path, const std::function<void(const Append&)>& produce);
    // Stages a file its caller wrote in full at `temp`, made by temp_beside(path) and closed: it is
    // synced now and renamed into place with the rest, or removed if they are not committed.
    // Throws OutputError (and removes `temp`) when it cannot be synced.
    void adopt(const std::string& path, const std::string& temp);
    // Renames every staged file into place; throws OutputError (earlier files stay in place
    // only if all renames before succeeded; on failure the rest are removed).
    void commit();

private:
    struct Staged {
        std::string temp, path;
    };
    std::vector<Staged> staged_;
};

// A new temporary file beside `path`, named as stage() names its own (".NAME.tmp-XXXXXX" in the
// same folder, so that it can be renamed into place): its name in `temp`, and an open descriptor
// (read and write). Throws OutputError.
int temp_beside(const std::string& path, std::string& temp);

// Convenience for a single file.
void write_file_atomically(const std::string& path, const std::string& content);

}  // namespace cbam
