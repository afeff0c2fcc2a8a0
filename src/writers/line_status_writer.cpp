#include "writers/line_status_writer.h"

#include "core/error.h"
#include "core/temp_file.h"
#include "core/text.h"
#include "io/csv_writer.h"
#include "writers/rounding.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace cbam {

namespace {

const std::vector<std::string> kHeader = {"file", "line", "declaration", "item", "importer", "cn_code", "origin", "quantity", "status", "reason"};
enum Field : std::size_t { kImporter = 4, kStatus = 8, kReason = 9 };

void fields_of(const LineStatus& l, std::vector<std::string>& f) {
    f = {file_name(l.where.file), std::to_string(l.where.line), l.declaration, l.item, l.importer, l.cn_code, l.origin, format_amount(l.quantity),
         l.status, l.reason};
}

// A counted line of a de minimis sector becomes "de minimis" when its importer is exempt.
void settle(const DeclarationResult& r, bool de_minimis_sector, std::vector<std::string>& f) {
    if (!de_minimis_sector || f[kStatus] != "counted") return;
    if (auto why = de_minimis_reason(r, f[kImporter])) {
        f[kStatus] = "de minimis";
        f[kReason] = std::move(*why);
    }
}

}  // namespace

std::string line_status_to_csv(const DeclarationResult& r) {
    CsvWriter w;
    w.row(kHeader);
    std::vector<std::string> f;
    for (const auto& l : r.lines) {
        fields_of(l, f);
        w.row(f);
    }
    return w.str();
}

LineStatusSpool::LineStatusSpool(const std::string& beside) {
    auto slash = beside.rfind('/');
    std::string dir = slash == std::string::npos ? "." : beside.substr(0, slash == 0 ? 1 : slash);
    file_ = unlinked_temp_file(dir, ".cbam-line-statuses-");
    if (!file_) throw OutputError(fmt::format("cannot write {}: {} (while creating a temporary file in {})", beside, std::strerror(errno), dir));
    path_ = beside;
    std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
}

LineStatusSpool::~LineStatusSpool() {
    if (file_) std::fclose(file_);
}

// A record: one byte (1: a counted line of a de minimis sector), then each field as its length
// (4 bytes) and its bytes.
void LineStatusSpool::add(const LineStatus& l) {
    fields_of(l, fields_);
    bool ok = std::fputc(l.de_minimis_sector ? 1 : 0, file_) != EOF;
    for (const auto& f : fields_) {
        auto n = static_cast<std::uint32_t>(f.size());
        ok = ok && std::fwrite(&n, sizeof n, 1, file_) == 1 && (n == 0 || std::fwrite(f.data(), 1, n, file_) == n);
    }
    if (!ok) throw OutputError(fmt::format("cannot write {}: {} (while setting the line statuses aside)", path_, std::strerror(errno)));
    ++lines_;
}

void LineStatusSpool::write(const DeclarationResult& r, const AtomicOutputs::Append& append) {
    auto broken = [&] { return OutputError(fmt::format("cannot write {}: the line statuses set aside could not be read back", path_)); };
    if (std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0) throw broken();
    CsvWriter w;
    w.row(kHeader);
    fields_.resize(kHeader.size());
    for (std::size_t i = 0; i < lines_; ++i) {
        int flag = std::fgetc(file_);
        if (flag == EOF) throw broken();
        for (auto& f : fields_) {
            std::uint32_t n = 0;
            if (std::fread(&n, sizeof n, 1, file_) != 1) throw broken();
            f.resize(n);
            if (n && std::fread(f.data(), 1, n, file_) != n) throw broken();
        }
        settle(r, flag == 1, fields_);
        w.row(fields_);
        if (w.str().size() >= (1 << 20)) {
            append(w.str());
            w.clear();
        }
    }
    append(w.str());
}

}  // namespace cbam
