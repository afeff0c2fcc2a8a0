// Shared by the libFuzzer targets: the fuzz input is written to a file (the importers read files),
// in a private temporary directory created once per process.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace cbam::fuzz {

inline const std::string& scratch_dir() {
    static const std::string dir = [] {
        char templ[] = "/tmp/cbam-fuzz-XXXXXX";
        if (!::mkdtemp(templ)) std::abort();
        return std::string(templ);
    }();
    return dir;
}

inline std::string write_input(const std::string& name, const uint8_t* data, size_t size) {
    std::string path = scratch_dir() + "/" + name;
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) std::abort();
    if (size) std::fwrite(data, 1, size, f);
    std::fclose(f);
    return path;
}

}  // namespace cbam::fuzz
