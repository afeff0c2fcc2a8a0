#include "writers/line_status_writer.h"

#include "core/error.h"
#include "core/temp_file.h"
#include "core/text.h"
#include "io/csv_writer.h"
#include "writers/rounding.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

namespace cbam {

namespace {

const std::vector<std::string> kHeader = {"file", "line", "declaration", "item", "importer", "cn_code", "origin", "quantity", "status", "reason"};

// The row of a line's status, under kHeader, `file` being the name of l.where.file. Returns where
// in w.str() the delimiter before its status stands: a counted line's status and reason may still
// be settled.
std::size_t write_status(CsvWriter& w, const LineStatus& l, std::string_view file) {
    fmt::format_int line(l.where.line);
    for (std::string_view f : {file, std::string_view(line.data(), line.size()), std::string_view(l.declaration), std::string_view(l.item),
                               std::string_view(l.importer), std::string_view(l.cn_code), std::string_view(l.origin)})
        w.field(f);
    w.field(format_amount(l.quantity));
    const std::size_t status = w.str().size();
    w.field(l.status);
    w.field(l.reason);
    w.end_row();
    return status;
}

}  // namespace

std::string line_status_to_csv(const DeclarationResult& r) {
    CsvWriter w;
    w.row(kHeader);
    for (const auto& l : r.lines) write_status(w, l, file_name(l.where.file));
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

// A record is one byte, then either (0) the line's CSV row as it will be written, its length (4
// bytes) first, or (1: a counted line of a de minimis sector, whose status is settled once every
// line is read) its importer, the row up to its status, and the rest of the row, each as its
// length (4 bytes) and its bytes: the row as it stands unless the importer turns out exempt.
// The records are buffered and written a megabyte at a time, and read back likewise.
namespace {
void put_length(std::string& out, std::size_t n) {
    auto v = static_cast<std::uint32_t>(n);
    out.append(reinterpret_cast<const char*>(&v), sizeof v);
}
}  // namespace

void LineStatusSpool::add(const LineStatus& l) {
    if (l.where.file != name_of_) {
        name_of_ = l.where.file;
        name_ = file_name(name_of_);
    }
    row_.clear();
    const std::size_t before_status = write_status(row_, l, name_);
    std::string_view row = row_.str();
    if (l.de_minimis_sector && l.status == "counted") {
        buffer_ += '\1';
        put_length(buffer_, l.importer.size());
        buffer_ += l.importer;
        put_length(buffer_, before_status);
        buffer_ += row.substr(0, before_status);
        put_length(buffer_, row.size() - before_status);
        buffer_ += row.substr(before_status);
    } else {
        buffer_ += '\0';
        put_length(buffer_, row.size());
        buffer_ += row;
    }
    ++lines_;
    if (buffer_.size() >= (1 << 20)) flush();
}

void LineStatusSpool::flush() {
    if (!buffer_.empty() && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size())
        throw OutputError(fmt::format("cannot write {}: {} (while setting the line statuses aside)", path_, std::strerror(errno)));
    buffer_.clear();
}

void LineStatusSpool::write(const DeclarationResult& r, const AtomicOutputs::Append& append) {
    auto broken = [&] { return OutputError(fmt::format("cannot write {}: the line statuses set aside could not be read back", path_)); };
    flush();
    if (std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0) throw broken();
    // The records are read a megabyte at a time; `at` is the next unread byte of `in`.
    std::string in;
    std::size_t at = 0;
    auto need = [&](std::size_t n) {
        if (in.size() - at >= n) return;
        in.erase(0, at);
        at = 0;
        std::size_t want = std::max<std::size_t>(n - in.size(), 1 << 20), had = in.size();
        in.resize(had + want);
        std::size_t got = std::fread(in.data() + had, 1, want, file_);
        in.resize(had + got);
        if (in.size() < n) throw broken();
    };
    auto length = [&] {
        need(sizeof(std::uint32_t));
        std::uint32_t n;
        std::memcpy(&n, in.data() + at, sizeof n);
        at += sizeof n;
        return static_cast<std::size_t>(n);
    };
    auto piece = [&] {
        std::size_t n = length();
        need(n);
        std::string_view p(in.data() + at, n);
        at += n;
        return p;
    };
    CsvWriter w;
    w.row(kHeader);
    // Whether an importer is exempt, asked once for each run of its lines, and the end of the row
    // of its counted lines when it is: ",de minimis,<why>\n".
    std::string importer;
    std::optional<std::string> exempt;
    CsvWriter settled;
    for (std::size_t i = 0; i < lines_; ++i) {
        need(1);
        if (in[at++] == 0) {
            w.raw(piece());
        } else {
            std::string_view who = piece();
            if (settled.str().empty() || who != importer) {
                importer.assign(who);
                exempt = de_minimis_reason(r, importer);
                settled.clear();
                settled.field("");  // the delimiter after the row's first part
                settled.field("de minimis");
                settled.field(exempt.value_or(""));
                settled.end_row();
            }
            w.raw(piece());  // the row up to its status
            std::string_view rest = piece();
            w.raw(exempt ? std::string_view(settled.str()) : rest);
        }
        if (w.str().size() >= (1 << 20)) {
            append(w.str());
            w.clear();
        }
    }
    append(w.str());
}

}  // namespace cbam
