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
#include <optional>

#include <fcntl.h>
#include <unistd.h>

namespace cbam {

namespace {

const std::vector<std::string> kHeader = {"file", "line", "declaration", "item", "importer", "cn_code", "origin", "quantity", "status", "reason"};

// The row of a line's status, under kHeader, `file` being the name of l.where.file as a CSV field
// (written once per file). Returns where in w.str() the delimiter before its status stands: a
// counted line's status and reason may still be settled. The row is gathered on the stack and
// appended at once (there are millions of them), each field quoted as CsvWriter::field would.
std::size_t write_status(CsvWriter& w, const LineStatusView& l, std::string_view file) {
    thread_local std::string amount;  // digits, a point, a sign: never quoted
    amount.clear();
    append_amount(amount, l.quantity);
    fmt::format_int line(l.where.line);
    const std::string_view texts[] = {l.declaration, l.item, l.importer, l.cn_code, l.origin};
    std::size_t bound = file.size() + line.size() + amount.size() + 2 * (l.status.size() + l.reason.size()) + 16;
    for (std::string_view f : texts) bound += 2 * f.size() + 3;
    const char d = w.delimiter();
    char stack[1024];
    std::string large;
    char* const row = bound <= sizeof stack ? stack : (large.resize(bound), large.data());
    char* p = row;
    auto put = [&](std::string_view f) {
        if (!f.empty()) std::memcpy(p, f.data(), f.size());
        p += f.size();
    };
    put(file);
    *p++ = d;
    char* const after_file = p;
    put(std::string_view(line.data(), line.size()));
    // First every field as it is: one look at the whole row tells whether any needs quotes
    // (nearly never); if one does, the row is written again, field by field.
    bool spaced = false;  // a text with a space at one end is quoted
    for (std::string_view f : {texts[0], texts[1], texts[2], texts[3], texts[4], l.status, l.reason})
        spaced = spaced || (!f.empty() && (f.front() == ' ' || f.back() == ' '));
    std::size_t status = 0;
    for (bool quoting : {false, true}) {
        if (quoting) p = after_file + line.size();
        for (std::string_view f : texts) {
            *p++ = d;
            if (quoting) p += CsvWriter::write_field(p, f, d);
            else put(f);
        }
        *p++ = d;
        put(amount);
        status = static_cast<std::size_t>(p - row);
        *p++ = d;
        if (quoting) p += CsvWriter::write_field(p, l.status, d);
        else put(l.status);
        *p++ = d;
        if (quoting) p += CsvWriter::write_field(p, l.reason, d);
        else put(l.reason);
        // line, 5 texts, amount, status, reason: 8 delimiters after the file's name
        if (quoting || (!spaced && CsvWriter::plain_fields(std::string_view(after_file, static_cast<std::size_t>(p - after_file)), d, 8))) break;
    }
    *p++ = '\n';
    const std::size_t start = w.str().size();
    w.raw(std::string_view(row, static_cast<std::size_t>(p - row)));
    return start + status;
}

// The name of `path` as the first field of its lines' rows.
std::string file_field(const std::string& path) {
    CsvWriter w;
    w.field(file_name(path));
    return w.str();
}

}  // namespace

std::string line_status_to_csv(const DeclarationResult& r) {
    CsvWriter w;
    w.row(kHeader);
    std::string file, field;
    for (const auto& l : r.lines) {
        if (field.empty() || l.where.file != file) {
            file = l.where.file;
            field = file_field(file);
        }
        write_status(w, view_of(l), field);
    }
    return w.str();
}

LineStatusSpool::LineStatusSpool(const std::string& beside) : path_(beside) {
    fd_ = temp_beside(beside, temp_);
    auto slash = beside.rfind('/');
    std::string dir = slash == std::string::npos ? "." : beside.substr(0, slash == 0 ? 1 : slash);
    pending_file_ = unlinked_temp_file(dir, ".cbam-line-statuses-");
    if (!pending_file_) {
        int e = errno;
        ::close(fd_);
        ::unlink(temp_.c_str());
        throw OutputError(fmt::format("cannot write {}: {} (while creating a temporary file in {})", beside, std::strerror(e), dir));
    }
    rows_.row(kHeader);
    written_ = rows_.str().size();
}

LineStatusSpool::~LineStatusSpool() {
    if (fd_ >= 0) ::close(fd_);
    if (!handed_over_) ::unlink(temp_.c_str());
    if (pending_file_) std::fclose(pending_file_);
}

namespace {
void put_number(std::string& out, std::uint64_t n, std::size_t bytes) { out.append(reinterpret_cast<const char*>(&n), bytes); }
constexpr std::size_t kPendingRecord = 8 + 8 + 4;  // where the status begins, where the row ends, the importer
}  // namespace

void LineStatusSpool::add(const LineStatusView& l) {
    if (l.where.file != name_of_ || name_.empty()) {
        name_of_ = l.where.file;
        name_ = file_field(name_of_);
    }
    // The row goes straight into the buffer; `start` is where it begins there and `written_` in the file.
    const std::size_t start = rows_.str().size();
    const std::size_t status = write_status(rows_, l, name_);
    const std::size_t size = rows_.str().size() - start;
    if (l.may_be_de_minimis && l.status == "counted") {
        if (importers_.empty() || importers_[last_importer_] != l.importer) {
            auto [known, added] = importer_index_.try_emplace(std::string(l.importer), static_cast<std::uint32_t>(importers_.size()));
            if (added) {
                importers_.push_back(std::string(l.importer));
                pending_of_.push_back(0);
            }
            last_importer_ = known->second;
        }
        ++pending_of_[last_importer_];
        put_number(pending_, written_ + (status - start), 8);
        put_number(pending_, written_ + size, 8);
        put_number(pending_, last_importer_, 4);
        if (pending_.size() >= (1 << 20)) {
            if (std::fwrite(pending_.data(), 1, pending_.size(), pending_file_) != pending_.size())
                throw OutputError(fmt::format("cannot write {}: {} (while setting the line statuses aside)", path_, std::strerror(errno)));
            pending_.clear();
        }
    }
    written_ += size;
    ++lines_;
    if (rows_.str().size() >= (1 << 20)) flush();
}

void LineStatusSpool::write_out(std::string_view bytes) {
    while (!bytes.empty()) {
        ssize_t n = ::write(fd_, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw OutputError(fmt::format("cannot write {}: {}", path_, std::strerror(errno)));
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

void LineStatusSpool::flush() {
    const std::string& rows = rows_.str();
    write_out(rows);
#ifdef __linux__
    // The disk starts writing what was written (without waiting for it), so that the sync when
    // the file is staged has little left to do.
    ::sync_file_range(fd_, static_cast<off_t>(written_ - rows.size()), static_cast<off_t>(rows.size()), SYNC_FILE_RANGE_WRITE);
#endif
    rows_.clear();
}

void LineStatusSpool::finish(const DeclarationResult& r, AtomicOutputs& out) {
    flush();
    // The end of the row of each importer's counted lines once it is known exempt: ",de minimis,<why>\n".
    std::vector<std::optional<std::string>> settled(importers_.size());
    bool any = false;
    for (std::size_t i = 0; i < importers_.size(); ++i) {
        std::optional<std::string> why = de_minimis_reason(r, importers_[i]);
        if (!why) continue;
        CsvWriter w;
        w.field("");  // the delimiter after the row's first part
        w.field("de minimis");
        w.field(*why);
        w.end_row();
        settled[i] = w.str();
        any = true;
    }
    if (!any) {  // the file is the output as it stands
        int fd = fd_;
        fd_ = -1;
        if (::close(fd) != 0) throw OutputError(fmt::format("cannot write {}: {}", path_, std::strerror(errno)));
        handed_over_ = true;
        out.adopt(path_, temp_);
        return;
    }
    auto broken = [&] { return OutputError(fmt::format("cannot write {}: the line statuses set aside could not be read back", path_)); };
    if (std::fwrite(pending_.data(), 1, pending_.size(), pending_file_) != pending_.size() || std::fflush(pending_file_) != 0 ||
        std::fseek(pending_file_, 0, SEEK_SET) != 0)
        throw broken();
    pending_.clear();
    out.stage_parts(path_, [&](const AtomicOutputs::Append& append) {
        // The file from `at` to `to`, a megabyte at a time.
        std::string block;
        std::uint64_t at = 0;
        auto copy_to = [&](std::uint64_t to) {
            while (at < to) {
                block.resize(static_cast<std::size_t>(std::min<std::uint64_t>(to - at, 1 << 20)));
                ssize_t n = ::pread(fd_, block.data(), block.size(), static_cast<off_t>(at));
                if (n < 0 && errno == EINTR) continue;
                if (n <= 0) throw broken();
                append(std::string_view(block.data(), static_cast<std::size_t>(n)));
                at += static_cast<std::uint64_t>(n);
            }
        };
        char record[kPendingRecord];
        while (std::fread(record, 1, sizeof record, pending_file_) == sizeof record) {
            std::uint64_t status_at = 0, row_end = 0;
            std::uint32_t importer = 0;
            std::memcpy(&status_at, record, 8);
            std::memcpy(&row_end, record + 8, 8);
            std::memcpy(&importer, record + 16, 4);
            if (importer >= settled.size()) throw broken();
            if (!settled[importer]) continue;
            copy_to(status_at);
            append(*settled[importer]);
            at = row_end;
        }
        if (std::ferror(pending_file_)) throw broken();
        copy_to(written_);
    });
}

}  // namespace cbam
