#include "importers/customs_reader.h"
#include "core/text.h"

#include "io/csv_table.h"
#include "registry/customs_procedures.h"

#include <fmt/format.h>

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <functional>

namespace cbam {

namespace {

// NetMass and SupplementaryUnits are dec16-6 in the QReport schema: at most 10 digits before the point.
const Decimal kMaxQReportQuantity = Decimal(10000000000LL);

}  // namespace

namespace {

// The columns of a customs file (docs/customs-lines.md), in the order of the enum below.
const std::vector<ColumnSpec>& customs_columns() {
    static const std::vector<ColumnSpec> columns = {
        {"declaration", true}, {"item", true}, {"acceptance_date", true}, {"cn_code", true}, {"origin", true},
        {"net_mass", true}, {"mass_unit", true}, {"supplementary_units", false}, {"supplementary_unit", false},
        {"requested_procedure", true}, {"previous_procedure", false}, {"importer", true}, {"representative", false},
        {"import_area", false}, {"installation_id", false}, {"in_processed_products", false}, {"ip_authorisation", false},
        {"ip_member_state", false}, {"ip_start", false}, {"ip_end", false}, {"ip_deadline", false}, {"ip_discharge_bill_waiver", false},
        {"description", false}};
    return columns;
}
enum Column : std::size_t {
    kDeclaration, kItem, kAcceptanceDate, kCnCode, kOrigin, kNetMass, kMassUnit, kSupplementaryUnits, kSupplementaryUnit,
    kRequestedProcedure, kPreviousProcedure, kImporter, kRepresentative, kImportArea, kInstallationId, kInProcessedProducts,
    kIpAuthorisation, kIpMemberState, kIpStart, kIpEnd, kIpDeadline, kIpDischargeBillWaiver, kDescription, kColumnCount
};

// The common line, read without looking up a column by name or building an error text: a goods
// line (not electricity, no supplementary units, not after inward processing) whose every cell is
// written as the documentation shows it. It fills `line` exactly as the general reading below
// would, or returns false having decided nothing; the general reading then reads the line again
// and reports whatever is wrong with it. (tests/unit/customs_reader_test.cpp compares the two.)
class PlainLines {
public:
    PlainLines(const Countries& countries, const CsvDialect& dialect) : countries_(countries), dialect_(dialect) {}

    bool read(const CsvRow& row, CustomsLine& line) {
        if (&row.file() != file_) start(row);
        auto cell = [&](Column c) { return row.cell_at(index_[c]); };
        std::string_view declaration = cell(kDeclaration), item = cell(kItem), date = cell(kAcceptanceDate), cn = cell(kCnCode);
        std::string_view origin = cell(kOrigin), importer = cell(kImporter), requested = cell(kRequestedProcedure);
        std::string_view previous = cell(kPreviousProcedure), area = cell(kImportArea), processed = cell(kInProcessedProducts);
        if (declaration.empty() || item.empty() || importer.empty() || !is_iso_date(date)) return false;
        if (!((cn.size() == 8 || cn.size() == 10) && is_digits(cn)) || cn.substr(0, 8) == "27160000") return false;
        if (!cell(kSupplementaryUnits).empty() || !customs_procedure(requested)) return false;
        if (!previous.empty() && (!is_digits(previous, 2) || previous == "00" || is_inward_processing(previous))) return false;
        if (!(area.empty() || area == "EU" || area == "EUOTH") || !(processed.empty() || processed == "yes" || processed == "no")) return false;
        if (!(origin == last_origin_ && !origin.empty())) {
            if (!countries_.find(origin)) return false;
            last_origin_.assign(origin);
        }
        std::string_view mass = cell(kNetMass), unit = cell(kMassUnit);
        if (!(unit == "kg" || unit == "t")) return false;
        if (dialect_.decimal_point == ',' && mass.find('.') != std::string_view::npos) return false;
        std::optional<Decimal> m = Decimal::parse(mass, dialect_.decimal_point);
        if (!m || m->sign() <= 0) return false;
        Decimal tonnes = unit == "kg" ? *m / Decimal(1000) : *m;
        if (tonnes >= kMaxQReportQuantity) return false;

        line.where.line = row.line();
        line.declaration_at.line = row.line();
        line.declaration.assign(declaration);
        line.item.assign(item);
        line.acceptance_date.assign(date);
        line.cn_code.assign(cn.substr(0, 8));
        if (cn.size() == 10) line.taric_code.assign(cn);
        else line.taric_code.clear();
        line.origin.assign(origin);
        line.net_mass_t = std::move(tonnes);
        line.supplementary_units.reset();
        line.requested_procedure.assign(requested);
        line.previous_procedure.assign(previous);
        line.importer.assign(importer);
        line.representative.assign(cell(kRepresentative));
        line.import_area.assign(area.empty() ? std::string_view("EU") : area);
        line.installation_id.assign(cell(kInstallationId));
        line.in_processed_products = processed == "yes";
        line.description.assign(cell(kDescription));
        line.inward_processing.reset();
        return true;
    }

    // The location fields the plain reading does not set line by line: the general reading's, for
    // the row's file (set again whenever the general reading has read a line).
    void locate(const CsvRow& row, CustomsLine& line) const {
        line.where = row.row_location();
        line.declaration_at = row.at("declaration");
    }

private:
    void start(const CsvRow& row) {
        file_ = &row.file();
        const auto& spec = customs_columns();
        for (std::size_t c = 0; c < kColumnCount; ++c) index_[c] = row.index_of(spec[c].name);
    }

    const Countries& countries_;
    const CsvDialect& dialect_;
    const std::string* file_ = nullptr;
    std::size_t index_[kColumnCount] = {};
    std::string last_origin_;
};

// Reads the lines on this thread; `quick` takes the quick route for the common line. Each line is
// read into `lines.slot()` (a CustomsLine whose strings keep their buffers from line to line) and,
// when valid, handed to `lines.done(line)`.
template <class Lines>
void read_serially(const std::string& path, Diagnostics& diags, Lines& lines, const Countries& countries, const CsvDialect& dialect, bool quick) {
    const std::vector<ColumnSpec>& columns = customs_columns();
    PlainLines plain(countries, dialect);
    read_table(path, columns, dialect, diags, [&](const CsvRow& row) {
        CustomsLine& line = lines.slot();
        if (quick) {
            // line.where and line.declaration_at must name this file: the plain reading only sets their line.
            if (line.where.file != row.file()) plain.locate(row, line);
            if (plain.read(row, line)) return lines.done(line);
        }
        std::size_t before = diags.count();
        line.where = row.row_location();
        line.declaration_at = row.at("declaration");
        line.declaration = row.text("declaration").value_or("");
        line.item = row.text("item").value_or("");
        line.acceptance_date = std::string(row.cell("acceptance_date"));
        if (!is_iso_date(line.acceptance_date))
            row.error("acceptance_date", fmt::format("expected a date as YYYY-MM-DD, found \"{}\"", line.acceptance_date));
        std::string_view cn = row.cell("cn_code");
        line.cn_code.clear();
        for (char c : cn)
            if (c != ' ' && c != '.') line.cn_code += c;
        line.taric_code.clear();
        if (line.cn_code.size() == 10 && is_digits(line.cn_code, 10)) {  // TARIC: kept, and read by its CN part
            line.taric_code = line.cn_code;
            line.cn_code.resize(8);
        }
        if (!is_digits(line.cn_code, 8)) row.error("cn_code", fmt::format("expected an 8-digit CN code, found \"{}\"", cn));
        line.origin = std::string(row.cell("origin"));
        if (!countries.find(line.origin))
            row.error("origin", fmt::format("expected an ISO 3166-1 alpha-2 country code such as TW or CN, found \"{}\"", line.origin));
        // Electricity (27160000) is declared in MWh as supplementary units and has no net mass.
        const bool electricity = line.cn_code == "27160000";
        line.net_mass_t = 0;
        if (!electricity || row.has("net_mass")) {
            auto mass = row.number("net_mass", !electricity, electricity ? NumberRule::NonNegative : NumberRule::Positive);
            auto unit = row.choice("mass_unit", {"kg", "t"}, !electricity);
            if (mass && unit) line.net_mass_t = *unit == "kg" ? *mass / Decimal(1000) : *mass;
            if (line.net_mass_t >= kMaxQReportQuantity)
                row.error("net_mass", fmt::format("a net mass of {} t is more than the report can hold: its NetMass has 16 digits, 6 of them "
                                                  "decimals, so less than 10000000000 t",
                                                  line.net_mass_t.to_string()));
        }
        line.supplementary_units.reset();
        if (electricity || row.has("supplementary_units")) {
            line.supplementary_units = row.number("supplementary_units", electricity, NumberRule::Positive);
            if (line.supplementary_units && *line.supplementary_units >= kMaxQReportQuantity)
                row.error("supplementary_units", fmt::format("{} supplementary units are more than the report can hold: its SupplementaryUnits "
                                                             "has 16 digits, 6 of them decimals, so less than 10000000000",
                                                             line.supplementary_units->to_string()));
            row.choice("supplementary_unit", {"MWh"}, electricity);
        }
        line.requested_procedure = std::string(row.cell("requested_procedure"));
        if (!customs_procedure(line.requested_procedure))
            row.error("requested_procedure", fmt::format("expected a 2-digit customs procedure code such as 40 (release for free circulation), "
                                                         "51 (inward processing) or 71 (customs warehousing), found \"{}\"",
                                                         line.requested_procedure));
        line.previous_procedure = std::string(row.cell("previous_procedure"));
        if (!line.previous_procedure.empty() && !(is_digits(line.previous_procedure, 2) && line.previous_procedure != "00"))
            row.error("previous_procedure", fmt::format("expected a 2-digit customs procedure code or an empty cell, found \"{}\"", line.previous_procedure));
        line.importer = row.text("importer").value_or("");
        line.representative = std::string(row.cell("representative"));
        line.import_area = row.has("import_area") ? row.choice("import_area", {"EU", "EUOTH"}).value_or("EU") : "EU";
        line.installation_id = std::string(row.cell("installation_id"));
        line.in_processed_products = row.has("in_processed_products") && row.choice("in_processed_products", {"yes", "no"}).value_or("no") == "yes";
        line.description = std::string(row.cell("description"));
        line.inward_processing.reset();
        if (is_inward_processing(line.previous_procedure)) {
            qreport::InwardProcessingInfo ip;
            ip.authorisation = row.text("ip_authorisation").value_or("");
            ip.member_state_auth = std::string(row.cell("ip_member_state"));
            const Country* ms = countries.find(ip.member_state_auth);
            if (!ms || ms->status != CbamOrigin::Eu)
                row.error("ip_member_state", fmt::format("expected the EU Member State that authorised inward processing (e.g. NL), found \"{}\"",
                                                         ip.member_state_auth));
            for (auto [col, out] : {std::pair{"ip_start", &ip.start}, {"ip_end", &ip.end}, {"ip_deadline", &ip.deadline}}) {
                std::string v(row.cell(col));
                if (!is_iso_date(v)) row.error(col, fmt::format("expected a date as YYYY-MM-DD for inward processing, found \"{}\"", v));
                else *out = v.substr(0, 4) + v.substr(5, 2) + v.substr(8, 2);
            }
            ip.discharge_bill_waiver = row.has("ip_discharge_bill_waiver") && row.choice("ip_discharge_bill_waiver", {"0", "1"}).value_or("0") == "1";
            line.inward_processing = ip;
        }
        if (diags.count() == before) lines.done(line);
    }, {.max = kUnlimitedRows, .required = true});  // streamed: no limit
}

// One line object for the whole file, handed to `also` and `on_line` in turn.
struct SerialLines {
    const std::function<void(const CustomsLine&)>& on_line;
    const std::function<void(const CustomsLine&)>& also;
    CustomsLine line;
    CustomsLine& slot() { return line; }
    void done(const CustomsLine& l) {
        if (also) also(l);
        on_line(l);
    }
};

// Lines read on a second thread and handed over in batches, in file order, with the reader's
// findings in their place among them: on_line and `diags` see exactly what read_serially gives
// them, while the next lines are being read.
class ParallelReading {
public:
    ParallelReading(Diagnostics& diags, const std::function<void(const CustomsLine&)>& on_line, const std::function<void(const CustomsLine&)>& also)
        : diags_(diags), on_line_(on_line), also_(also) {}

    void run(const std::string& path, const Countries& countries, const CsvDialect& dialect) {
        std::thread reader([&] { produce(path, countries, dialect); });
        try {
            consume();
        } catch (...) {
            {
                std::lock_guard lock(mutex_);
                stop_ = true;
            }
            changed_.notify_all();
            reader.join();
            throw;
        }
        reader.join();
        if (failure_) std::rethrow_exception(failure_);
    }

private:
    static constexpr std::size_t kBatchLines = 2048, kBatches = 4;
    struct Batch {
        std::vector<CustomsLine> lines;  // slots reused from batch to batch: their strings keep their buffers
        std::size_t count = 0;
        std::vector<std::pair<std::size_t, Diagnostic>> findings;  // (lines before it in this batch, finding)
        bool last = false;
    };

    // Reader thread.
    void produce(const std::string& path, const Countries& countries, const CsvDialect& dialect) {
        // Each line is read into its place in the batch. Once the consumer has stopped (on_line
        // threw), the rest of the file is passed over.
        struct BatchLines {
            ParallelReading& self;
            Batch* batch = nullptr;
            Diagnostics found{static_cast<std::size_t>(-1)};  // emptied into each batch as it fills
            CustomsLine spare{};  // the lines passed over are read into this
            // The reader's findings so far, in their place before the batch's next line.
            void take_findings() {
                for (auto& d : found.take_items()) batch->findings.emplace_back(batch->count, std::move(d));
            }
            CustomsLine& slot() {
                if (!batch) return spare;
                if (batch->count == batch->lines.size()) batch->lines.emplace_back();
                return batch->lines[batch->count];
            }
            void done(const CustomsLine& line) {
                if (!batch) return;
                if (self.also_) self.also_(line);
                take_findings();
                ++batch->count;
                if (batch->count == kBatchLines) {
                    self.hand_over(batch);
                    batch = self.obtain();
                }
            }
        };
        BatchLines lines{*this};
        Batch*& batch = lines.batch;
        try {
            batch = obtain();
            if (!batch) return;
            read_serially(path, lines.found, lines, countries, dialect, true);
            if (!batch) return;
            lines.take_findings();
        } catch (...) {
            failure_ = std::current_exception();
            if (!batch) return;
        }
        batch->last = true;
        hand_over(batch);
    }
    // A batch to fill, or nullptr once the consumer has stopped.
    Batch* obtain() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stop_ || !free_.empty() || batches_ < kBatches; });
        if (stop_) return nullptr;
        if (free_.empty()) {
            ++batches_;
            return storage_.emplace_back(std::make_unique<Batch>()).get();
        }
        Batch* b = free_.back();
        free_.pop_back();
        b->count = 0;
        b->findings.clear();
        return b;
    }
    void hand_over(Batch* b) {
        {
            std::lock_guard lock(mutex_);
            full_.push_back(b);
        }
        changed_.notify_all();
    }

    // This thread.
    void consume() {
        for (;;) {
            Batch* b;
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [&] { return !full_.empty(); });
                b = full_.front();
                full_.pop_front();
            }
            std::size_t f = 0;
            for (std::size_t i = 0; i <= b->count; ++i) {
                for (; f < b->findings.size() && b->findings[f].first == i; ++f)
                    diags_.add(std::move(b->findings[f].second.where), std::move(b->findings[f].second.message));
                if (i < b->count) on_line_(b->lines[i]);
            }
            bool last = b->last;
            {
                std::lock_guard lock(mutex_);
                free_.push_back(b);
            }
            changed_.notify_all();
            if (last) return;
        }
    }

    Diagnostics& diags_;
    const std::function<void(const CustomsLine&)>& on_line_;
    const std::function<void(const CustomsLine&)>& also_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::unique_ptr<Batch>> storage_;
    std::size_t batches_ = 0;
    std::vector<Batch*> free_;
    std::deque<Batch*> full_;
    bool stop_ = false;
    std::exception_ptr failure_;
};

}  // namespace

CustomsReading default_customs_reading() {
    if (const char* chosen = std::getenv("CBAM_CUSTOMS_READING")) {
        std::string_view c = chosen;
        if (c == "general") return CustomsReading::General;
        if (c == "quick") return CustomsReading::Quick;
        if (c == "parallel") return CustomsReading::Parallel;
    }
    return std::thread::hardware_concurrency() > 1 ? CustomsReading::Parallel : CustomsReading::Quick;
}

void read_customs_lines(const std::string& path, Diagnostics& diags, const std::function<void(const CustomsLine&)>& on_line,
                        const Countries& countries, const CsvDialect& dialect, CustomsReading reading,
                        const std::function<void(const CustomsLine&)>& also_on_reading_thread) {
    if (reading == CustomsReading::Parallel) {
        ParallelReading(diags, on_line, also_on_reading_thread).run(path, countries, dialect);
    } else {
        SerialLines lines{on_line, also_on_reading_thread, {}};
        read_serially(path, diags, lines, countries, dialect, reading == CustomsReading::Quick);
    }
}

}  // namespace cbam
