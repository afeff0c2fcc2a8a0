// What each exit code means, for 'cbam --help', each command's help and docs/exit-codes.md (the
// codes themselves are in core/error.h).
#pragma once

#include <string>
#include <vector>

namespace cbam::cli {

struct ExitCodeDoc {
    int code;
    std::string meaning;
};
const std::vector<ExitCodeDoc>& exit_codes();
std::string exit_code_meaning(int code);

}  // namespace cbam::cli
