#include "cli/process_end.h"

#include <cstdio>
#include <cstdlib>

namespace cbam::cli {

std::vector<std::shared_ptr<void>>& kept_until_exit() {
    static std::vector<std::shared_ptr<void>> kept;
    return kept;
}

#if defined(__SANITIZE_ADDRESS__)
#define CBAM_FREE_AT_EXIT 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CBAM_FREE_AT_EXIT 1
#endif
#endif

int end_process(int code) {
#ifdef CBAM_FREE_AT_EXIT
    kept_until_exit().clear();
    return code;
#else
    std::fflush(nullptr);
    std::_Exit(code);
#endif
}

}  // namespace cbam::cli
