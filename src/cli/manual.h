// What an installed cbam needs beside itself, generated from the same declarations as its help:
// the man page (roff) and the bash completion script. CMake writes both at build time
// ('cbam help --man', 'cbam help --bash-completion') and installs them (docs/install.md).
#pragma once

#include <string>

namespace cbam::cli {

// cbam(1): the general help, then every command's help as 'cbam help COMMAND' prints it.
std::string man_page();
// A bash completion script: commands after 'cbam' and 'cbam help', each command's options after it,
// file names everywhere else.
std::string bash_completion();

}  // namespace cbam::cli
