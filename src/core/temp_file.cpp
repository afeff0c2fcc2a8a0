#include "core/temp_file.h"

#include <cerrno>
#include <cstdlib>
#include <unistd.h>
#include <vector>

namespace cbam {

std::FILE* unlinked_temp_file(const std::string& dir, const std::string& prefix) {
    std::string templ = dir + "/" + prefix + "XXXXXX";
    std::vector<char> name(templ.begin(), templ.end());
    name.push_back('\0');
    int fd = ::mkstemp(name.data());
    if (fd < 0) return nullptr;
    ::unlink(name.data());
    std::FILE* f = ::fdopen(fd, "w+b");
    if (!f) {
        int e = errno;
        ::close(fd);
        errno = e;
    }
    return f;
}

std::string temp_dir() {
    const char* t = std::getenv("TMPDIR");
    return t && *t ? std::string(t) : std::string("/tmp");
}

}  // namespace cbam
