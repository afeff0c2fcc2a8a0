#include "importers/customs_reader.h"
#include "core/text.h"

#include "io/csv_table.h"
#include "registry/customs_procedures.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <tuple>

namespace cbam {

namespace {

// NetMass and SupplementaryUnits are dec16-6 in the QReport schema: at most 10 digits before the point.
const Decimal kMaxQReportQuantity = Decimal(10000000000LL);

}  // namespace

void read_customs_lines(const std::string& path, Diagnostics& diags, const std::function<void(const CustomsLine&)>& on_line,
                        const Countries& countries, const CsvDialect& dialect) {
    const std::vector<ColumnSpec> columns = {
        {"declaration", true}, {"item", true}, {"acceptance_date", true}, {"cn_code", true}, {"origin", true},
        {"net_mass", true}, {"mass_unit", true}, {"supplementary_units", false}, {"supplementary_unit", false},
        {"requested_procedure", true}, {"previous_procedure", false}, {"importer", true}, {"representative", false},
        {"import_area", false}, {"installation_id", false}, {"in_processed_products", false}, {"ip_authorisation", false},
        {"ip_member_state", false}, {"ip_start", false}, {"ip_end", false}, {"ip_deadline", false}, {"ip_discharge_bill_waiver", false},
        {"description", false}};
    CustomsLine line;  // reused: one allocation set for the whole file
    read_table(path, columns, dialect, diags, [&](const CsvRow& row) {
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
        if (diags.count() == before) on_line(line);
    }, {.max = kUnlimitedRows, .required = true});  // streamed: no limit
}

}  // namespace cbam
