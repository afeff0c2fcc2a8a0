#include "core/atomic_file.h"

#include "core/error.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <string>
#include <unistd.h>

namespace cbam {

namespace {
std::string dir_of(const std::string& path) {
    auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string(".") : (slash == 0 ? std::string("/") : path.substr(0, slash));
}
std::string base_of(const std::string& path) {
    auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}
}  // namespace

AtomicOutputs::~AtomicOutputs() {
    for (const auto& s : staged_) ::unlink(s.temp.c_str());
}

void AtomicOutputs::stage(const std::string& path, const std::string& content) {
    stage_parts(path, [&content](const Append& append) { append(content); });
}

int temp_beside(const std::string& path, std::string& temp) {
    std::string templ = dir_of(path) + "/." + base_of(path) + ".tmp-XXXXXX";
    std::vector<char> buf(templ.begin(), templ.end());
    buf.push_back('\0');
    int fd = ::mkstemp(buf.data());
    if (fd < 0)
        throw OutputError(fmt::format("cannot write {}: {} (while creating a temporary file in {})", path,
                                      std::strerror(errno), dir_of(path)));
    temp.assign(buf.data());
    return fd;
}

void AtomicOutputs::adopt(const std::string& path, const std::string& temp) {
    int fd = ::open(temp.c_str(), O_RDONLY);
    if (fd < 0 || ::fsync(fd) != 0) {
        int e = errno;
        if (fd >= 0) ::close(fd);
        ::unlink(temp.c_str());
        throw OutputError(fmt::format("cannot write {}: {}", path, std::strerror(e)));
    }
    ::close(fd);
    ::chmod(temp.c_str(), 0644);
    staged_.push_back({temp, path});
}

void AtomicOutputs::stage_parts(const std::string& path, const std::function<void(const Append&)>& produce) {
    std::string temp;
    int fd = temp_beside(path, temp);
    bool removed = false;  // by a failed write
    auto fail = [&](int e) {
        removed = true;
        ::close(fd);
        ::unlink(temp.c_str());
        throw OutputError(fmt::format("cannot write {}: {}", path, std::strerror(e)));
    };
    Append append = [&](std::string_view piece) {
        const char* p = piece.data();
        std::size_t left = piece.size();
        while (left > 0) {
            ssize_t n = ::write(fd, p, left);
            if (n < 0) {
                if (errno == EINTR) continue;
                fail(errno);
            }
            p += n;
            left -= static_cast<std::size_t>(n);
        }
    };
    try {
        produce(append);
    } catch (...) {
        if (!removed) {
            ::close(fd);
            ::unlink(temp.c_str());
        }
        throw;
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        int e = errno;
        ::unlink(temp.c_str());
        throw OutputError(fmt::format("cannot write {}: {}", path, std::strerror(e)));
    }
    ::chmod(temp.c_str(), 0644);
    staged_.push_back({temp, path});
}

void AtomicOutputs::commit() {
    for (std::size_t i = 0; i < staged_.size(); ++i) {
        if (std::rename(staged_[i].temp.c_str(), staged_[i].path.c_str()) != 0) {
            int e = errno;
            std::string path = staged_[i].path;
            // The ones already renamed stay; the rest are dropped by the destructor.
            staged_.erase(staged_.begin(), staged_.begin() + static_cast<long>(i));
            throw OutputError(fmt::format("cannot move the finished output into place at {}: {}", path, std::strerror(e)));
        }
    }
    staged_.clear();
}

void write_file_atomically(const std::string& path, const std::string& content) {
    AtomicOutputs out;
    out.stage(path, content);
    out.commit();
}

}  // namespace cbam
