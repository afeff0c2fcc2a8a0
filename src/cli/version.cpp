#include "cli/commands.h"
#include "core/error.h"

#include <fmt/format.h>

namespace cbam::cli {

int version(const Args&) {
    fmt::print("cbam {}\n", CBAM_VERSION);
    return exit_code::ok;
}

}  // namespace cbam::cli
