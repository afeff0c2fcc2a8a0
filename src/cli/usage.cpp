#include "cli/commands.h"
#include "core/error.h"

#include <fmt/format.h>

namespace cbam::cli {

int usage_error(const std::string& command, const std::string& message) {
    fmt::print(stderr, "cbam{}{}: error: {}\n", command.empty() ? "" : " ", command, message);
    fmt::print(stderr, "Run 'cbam {}--help' for usage.\n", command.empty() ? "" : command + " ");
    return exit_code::usage;
}

}  // namespace cbam::cli
