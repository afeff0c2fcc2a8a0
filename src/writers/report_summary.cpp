#include "writers/report_summary.h"

#include "core/text.h"
#include "io/csv_writer.h"
#include "writers/rounding.h"

#include <fmt/format.h>

#include <algorithm>

namespace cbam {

namespace {

constexpr int kEmissionDigits = kTonnesDecimals;
std::string qty(const Decimal& d) { return format_amount(d); }
std::string pct(const Decimal& share) { return format_percent(share); }
}  // namespace

std::string summary_to_csv(const QuarterResult& r) {
    CsvWriter w;
    w.row({"cn_code", "origin", "quantity", "unit", "embedded_direct_tco2e", "embedded_indirect_tco2e", "embedded_total_tco2e",
           "default_values_share_pct", "emissions_entries", "complex_good", "default_value_row", "default_value_confidence"});
    for (const auto& s : r.summary)
        w.row({s.cn_code, s.origin, qty(s.quantity), s.electricity ? "MWh" : "t", s.direct.to_fixed(kEmissionDigits),
               s.indirect.to_fixed(kEmissionDigits), s.total().to_fixed(kEmissionDigits), pct(s.default_share()),
               std::to_string(s.installations), s.complex ? "yes" : "no", s.default_value_row,
               s.default_value_confidence ? to_string(*s.default_value_confidence) : ""});
    return w.str();
}

std::string skipped_to_csv(const QuarterResult& r) {
    std::string text;
    skipped_to_csv(r, [&text](std::string_view piece) { text += piece; });
    return text;
}

void skipped_to_csv(const QuarterResult& r, const std::function<void(std::string_view)>& out) {
    CsvWriter w;
    w.row({"file", "line", "declaration", "item", "cn_code", "origin", "quantity", "reason", "reason_code"});
    const std::string* file = nullptr;
    std::string name;  // file_name(*file)
    for (const auto& s : r.skipped) {
        if (file != s.file.get()) name = file_name(*(file = s.file.get()));
        fmt::format_int line(s.line);
        for (std::string_view f : {std::string_view(name), std::string_view(line.data(), line.size()), std::string_view(s.declaration),
                                   std::string_view(s.item), std::string_view(s.cn_code), std::string_view(s.origin)})
            w.field(f);
        w.field(qty(s.quantity));
        w.field(*s.reason);
        w.field(s.reason_code);
        w.end_row();
        if (w.str().size() >= (1 << 20)) {
            out(w.str());
            w.clear();
        }
    }
    out(w.str());
}

std::string totals_to_csv(const QuarterTotals& t) {
    CsvWriter w;
    w.row({"group", "key", "installation_name", "embedded_direct_tco2e", "embedded_indirect_tco2e", "embedded_total_tco2e",
           "default_values_share_pct", "emissions_entries"});
    for (const auto& row : t.rows)
        w.row({row.group, row.key, row.name, row.direct.to_fixed(kEmissionDigits), row.indirect.to_fixed(kEmissionDigits),
               row.total().to_fixed(kEmissionDigits), pct(row.default_share()), std::to_string(row.entries.size())});
    return w.str();
}

std::string missing_to_text(const QuarterResult& r) {
    if (r.missing.empty()) return "";
    std::string out = fmt::format("\nData the registry asks for that the supplier data does not hold ({}); the report is valid without it:\n",
                                  r.missing.size());
    for (const auto& m : r.missing)
        out += fmt::format("  CN {} from {}, installation {}: {}: {} ({})\n", m.cn_code, m.origin, m.installation_id, m.section, m.what,
                           m.where.to_string());
    return out;
}

std::string summary_to_table(const QuarterResult& r) {
    std::vector<std::vector<std::string>> rows;
    rows.push_back({"CN code", "origin", "quantity", "", "direct tCO2e", "indirect tCO2e", "total tCO2e", "defaults"});
    Decimal d = 0, i = 0;
    for (const auto& s : r.summary) {
        rows.push_back({s.cn_code, s.origin, qty(s.quantity), s.electricity ? "MWh" : "t", s.direct.to_fixed(kEmissionDigits),
                        s.indirect.to_fixed(kEmissionDigits), s.total().to_fixed(kEmissionDigits), pct(s.default_share()) + "%"});
        d += s.direct;
        i += s.indirect;
    }
    rows.push_back({"all goods", "", "", "", d.to_fixed(kEmissionDigits), i.to_fixed(kEmissionDigits), (d + i).to_fixed(kEmissionDigits), ""});
    std::vector<std::size_t> width(rows.front().size(), 0);
    for (const auto& row : rows)
        for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
    std::string out = fmt::format("CBAM quarterly report {} Q{}: {} goods from {} of {} customs lines\n\n", r.report.year,
                                  r.report.reporting_period.substr(1), r.report.goods.size(), r.lines_reported, r.lines_read);
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            bool left = c < 2 || c == 3;
            line += left ? fmt::format("{:<{}}  ", row[c], width[c]) : fmt::format("{:>{}}  ", row[c], width[c]);
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
    }
    for (const auto& s : r.summary)
        if (s.default_value_confidence)
            out += fmt::format("CN {} from {}: transitional default value {}, transcription confidence {}\n", s.cn_code, s.origin,
                               s.default_value_row, to_string(*s.default_value_confidence));
    if (!r.skipped.empty()) out += fmt::format("\n{} customs line(s) not reported this quarter (see the skipped-lines file for each reason)\n", r.skipped.size());
    for (const auto& w : r.warnings) out += "warning: " + w + "\n";
    out += missing_to_text(r);
    return out;
}

}  // namespace cbam
