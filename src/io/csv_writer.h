// Writing CSV text: fields quoted with libcsv's rules only where needed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cbam {

class CsvWriter {
public:
    explicit CsvWriter(char delimiter = ',') : delimiter_(delimiter) {}
    void row(const std::vector<std::string>& fields);
    const std::string& str() const { return out_; }
    void clear() { out_.clear(); }  // the rows written so far are dropped (streaming)

private:
    char delimiter_;
    std::string out_;
};

}  // namespace cbam
