// One function per subcommand; each returns the process exit code (core/error.h exit_code).
#pragma once

#include <string>
#include <vector>

namespace cbam::cli {

using Args = std::vector<std::string>;

int classify(const Args& args);
int calc(const Args& args);
int explain(const Args& args);
int validate(const Args& args);
int report(const Args& args);
int declare(const Args& args);
int certificates(const Args& args);

// Shared by the subcommands: prints "cbam: error: ..." with a hint, returns exit_code::usage.
int usage_error(const std::string& command, const std::string& message);

}  // namespace cbam::cli
