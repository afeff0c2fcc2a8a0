#include "cli/commands.h"
#include "core/error.h"
#include "registry/data_tables.h"

#include <fmt/format.h>

namespace cbam::cli {

int version(const Args&) {
    fmt::print("cbam {}\n{}", CBAM_VERSION, data_summary());
    return exit_code::ok;
}

}  // namespace cbam::cli
