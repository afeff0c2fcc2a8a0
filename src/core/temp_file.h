// Temporary files for data too large to hold in memory while a run goes on.
#pragma once

#include <cstdio>
#include <string>

namespace cbam {

// A temporary file opened for reading and writing in `dir` (named `prefix` and random letters) and
// removed from the folder at once: nothing is left behind whatever happens, and the disk space
// it takes is given back when it is closed. nullptr with errno set when it cannot be made.
std::FILE* unlinked_temp_file(const std::string& dir, const std::string& prefix);

// The folder for temporary files: $TMPDIR when set, else /tmp.
std::string temp_dir();

}  // namespace cbam
