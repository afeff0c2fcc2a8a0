// SHA-256 through OpenSSL's libcrypto: the digests of audit bundles and of the files cbam checks
// against a recorded digest (the official schema, the chart library).
#pragma once

#include <string>

namespace cbam {

// Lower-case hexadecimal, 64 characters.
std::string sha256_hex(const std::string& bytes);
// The digest of a file's bytes; throws std::runtime_error when it cannot be read.
std::string sha256_of_file(const std::string& path);

}  // namespace cbam
