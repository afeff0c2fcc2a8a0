#include "audit/bundle.h"
#include "calc/declaration.h"
#include "registry/cn_registry.h"
#include "writers/explanation.h"
#include "cli/commands.h"
#include "core/atomic_file.h"
#include "core/error.h"
#include "importers/customs_reader.h"
#include "importers/declaration_data_reader.h"
#include "importers/report_settings_reader.h"
#include "importers/supplier_reader.h"
#include "writers/declaration_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace cbam::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kInputs = R"(Inputs (DIR holds them; each can also be given with an option):
  settings.csv             the declarant (docs/report-settings.md; its role is not used here)
  customs*.csv             the year's customs import lines (docs/customs-lines.md)
  suppliers/*.csv          installations' emissions data (docs/supplier-data.md); used as actual
                           data only where its column verified = yes (IR (EU) 2025/2547 Annex II A.1)
  certificate_prices.csv   CBAM certificate prices with their periods: first_day,last_day,price_eur,
                           source (2026: quarterly averages; from 2027: weekly). Required: cbam does
                           not hard-code prices.
  carbon_prices_paid.csv   optional: carbon prices paid in the country of production, with evidence
                           (docs/declaration-data.md)
)";

constexpr const char* kDeclareHelp = R"(Usage: cbam declare [DIR] --year YYYY [-o FILE.xml|.json|.csv] [options]

The figures of the annual CBAM declaration of the definitive period (from 2026; due by 30 September
of the next year): per importer, CN code, country of origin and installation, the embedded emissions
counted, the free-allocation adjustment, the carbon price deduction and the certificates owed, with
their cost at the certificate prices given.

  - Scope: lines released for free circulation in the year; goods of the EU, the EEA and Switzerland
    (Annex III origins) are out of scope; an importer whose cement, iron and steel, aluminium and
    fertiliser goods add up to 50 t or less in the year is exempt for those goods (Art. 2a);
    hydrogen and electricity always count. What happens to each line is written to FILE.lines.csv.
  - Emissions counted: direct only for goods in Annex II (iron and steel, aluminium, hydrogen,
    electricity), direct and indirect for cement and fertilisers.
  - Default values (where no verified actual data is given): the Total column of IR (EU) 2025/2621
    Annex I as replaced by IR (EU) 2026/1740 for the country of production, marked up by 10 % (2026),
    20 % (2027), 30 % (from 2028), or 1 % for fertilisers; "other countries" where the country has
    no value.
  - Free-allocation adjustment: CBAM factor of the year (0.975 in 2026) x cross-sectoral correction
    factor x CBAM benchmark (IR (EU) 2025/2620; column A with actual data, B with default values).
  - Certificates owed = max(0, embedded - adjustment - carbon price deduction); the total to surrender
    is rounded to full tonnes.

No official XML schema for the annual declaration is public yet: the XML is in the project's own
namespace (schemas/annual-declaration-figures-1.xsd) and says so; it is not a filing.

)";

constexpr const char* kDeclareOptions = R"(Options:
  --year YYYY              the calendar year of the imports (2026 or later; required)
  -o, --output FILE        write the figures (.xml, .json or .csv by extension) and FILE.lines.csv
  --settings, --suppliers (repeatable), --customs (repeatable), --certificate-prices,
  --carbon-prices-paid FILE   instead of, or in addition to, DIR's files
  --audit DIR              also write an audit bundle to the new folder DIR (docs/audit.md)
  -h, --help               this text

Exit codes: 0 success; 1 input errors (all listed, nothing written); 2 usage; 3 output not written.

Example:
  cbam declare fixtures/warehouse-de --year 2026 -o out/declaration-2026.xml
)";

constexpr const char* kCertificatesHelp = R"(Usage: cbam certificates [DIR] --year YYYY [--quarter-end YYYY-MM-DD [--held N]]

What the year's imports cost in CBAM certificates, and what actual data would save: for every
installation whose emissions data is given (verified or not), the certificates and their cost on
that data against those on default values.

With --quarter-end, the quarterly holding check (Art. 22(2) as amended by Regulation (EU) 2025/2083):
at the end of each quarter the declarant must hold certificates for at least 50 % of the embedded
emissions of the goods imported since 1 January, valued on default values (net of the
free-allocation adjustment; carbon prices paid abroad are deducted only in the annual declaration).
With --held N, the certificates held are compared with that.

)";

struct Inputs {
    std::string dir, settings, certificate_prices, carbon_prices;
    std::vector<std::string> customs, suppliers;
    std::string output, quarter_end, audit;
    std::optional<Decimal> held;
    int year = 0;
    CsvDialect dialect;
};

std::optional<Inputs> parse(const Args& args, const char* command, int& rc) {
    Inputs in;
    std::string year_text;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string derr;
        if (dialect_option(args, i, in.dialect, derr)) {
            if (!derr.empty()) {
                rc = usage_error(command, derr);
                return std::nullopt;
            }
            continue;
        }
        const std::string& a = args[i];
        if (a == "-h" || a == "--help") {
            if (std::string(command) == "declare") fmt::print("{}{}{}{}", kDeclareHelp, kInputs, kDeclareOptions, kDialectHelp);
            else fmt::print("{}{}Options: --year, --quarter-end, --held, and the input options of 'cbam declare --help'.\n", kCertificatesHelp, kInputs);
            rc = exit_code::ok;
            return std::nullopt;
        }
        static const std::vector<std::string> valued = {"--year", "-o", "--output", "--settings", "--customs", "--suppliers",
                                                        "--certificate-prices", "--carbon-prices-paid", "--quarter-end", "--held", "--audit"};
        if (std::find(valued.begin(), valued.end(), a) != valued.end()) {
            if (i + 1 >= args.size()) {
                rc = usage_error(command, fmt::format("option {} needs a value", a));
                return std::nullopt;
            }
            const std::string& v = args[++i];
            if (a == "--year") year_text = v;
            else if (a == "-o" || a == "--output") in.output = v;
            else if (a == "--settings") in.settings = v;
            else if (a == "--customs") in.customs.push_back(v);
            else if (a == "--suppliers") in.suppliers.push_back(v);
            else if (a == "--certificate-prices") in.certificate_prices = v;
            else if (a == "--carbon-prices-paid") in.carbon_prices = v;
            else if (a == "--quarter-end") in.quarter_end = v;
            else if (a == "--audit") in.audit = v;
            else {
                in.held = Decimal::parse(v);
                if (!in.held || in.held->sign() < 0) {
                    rc = usage_error(command, fmt::format("--held expects a number of certificates, found '{}'", v));
                    return std::nullopt;
                }
            }
        } else if (!a.empty() && a[0] == '-') {
            rc = usage_error(command, fmt::format("unknown option '{}'", a));
            return std::nullopt;
        } else if (in.dir.empty()) {
            in.dir = a;
        } else {
            rc = usage_error(command, "expected at most one input directory");
            return std::nullopt;
        }
    }
    if (year_text.size() != 4 || !std::all_of(year_text.begin(), year_text.end(), ::isdigit)) {
        rc = usage_error(command, year_text.empty() ? "--year is required, e.g. --year 2026" : fmt::format("--year expects a year such as 2026, found '{}'", year_text));
        return std::nullopt;
    }
    in.year = std::stoi(year_text);
    if (in.year < 2026) {
        rc = usage_error(command, fmt::format("{} is before the definitive period, which starts in 2026: for 2023-2025 use 'cbam report'", in.year));
        return std::nullopt;
    }
    if (!in.dir.empty()) {
        if (!fs::is_directory(in.dir)) {
            rc = usage_error(command, fmt::format("'{}' is not a directory", in.dir));
            return std::nullopt;
        }
        fs::path d(in.dir);
        if (in.settings.empty()) in.settings = (d / "settings.csv").string();
        if (in.certificate_prices.empty()) in.certificate_prices = (d / "certificate_prices.csv").string();
        if (in.carbon_prices.empty() && fs::exists(d / "carbon_prices_paid.csv")) in.carbon_prices = (d / "carbon_prices_paid.csv").string();
        add_directory_inputs(in.dir, in.customs, in.suppliers);
    }
    if (in.settings.empty() || in.customs.empty()) {
        rc = usage_error(command, "no inputs: give DIR, or --settings and --customs");
        return std::nullopt;
    }
    return in;
}

struct Loaded {
    ReportSettings settings;
    SupplierData suppliers;
    std::vector<CarbonPricePaid> carbon_prices;
    std::vector<CertificatePrice> prices;
};

Loaded load(const Inputs& in) {
    Loaded l;
    Diagnostics diags;
    if (!fs::exists(in.settings)) diags.add({in.settings, 0, 0, ""}, "missing file: the declarant settings (docs/report-settings.md)");
    else l.settings = read_report_settings(in.settings, "", diags, Countries::builtin(), in.dialect);
    for (const auto& f : in.suppliers) read_supplier_data(f, l.suppliers, diags, CnRegistry::builtin(), Countries::builtin(), in.dialect);
    if (in.certificate_prices.empty() || !fs::exists(in.certificate_prices))
        diags.add({in.certificate_prices.empty() ? std::string("certificate_prices.csv") : in.certificate_prices, 0, 0, ""},
                  "missing file: the CBAM certificate prices of the year, with their periods (first_day,last_day,price_eur,source)");
    else l.prices = read_certificate_prices(in.certificate_prices, diags, in.dialect);
    if (!in.carbon_prices.empty()) l.carbon_prices = read_carbon_prices_paid(in.carbon_prices, diags, Countries::builtin(), in.dialect);
    if (!diags.empty()) throw InputError(std::move(diags));
    return l;
}

DeclarationResult compute(const Inputs& in, DeclarationBuilder& b) {
    Diagnostics diags;
    for (const auto& f : in.customs) read_customs_lines(f, diags, [&](const CustomsLine& line) { b.add(line, diags); }, Countries::builtin(), in.dialect);
    if (!diags.empty()) throw InputError(std::move(diags));
    DeclarationResult r = b.finish(diags);
    if (!diags.empty()) throw InputError(std::move(diags));
    return r;
}


}  // namespace

int declare(const Args& args) {
    int rc = exit_code::ok;
    auto in = parse(args, "declare", rc);
    if (!in) return rc;
    std::string format;
    if (!in->output.empty()) {
        auto dot = in->output.rfind('.');
        format = dot == std::string::npos ? "" : in->output.substr(dot + 1);
        if (format != "xml" && format != "json" && format != "csv")
            return usage_error("declare", fmt::format("cannot tell the format of '{}': use a .xml, .json or .csv file name", in->output));
    }
    Loaded l = load(*in);
    DeclarationBuilder b(in->year, l.suppliers, l.carbon_prices, l.prices);
    DeclarationResult r = compute(*in, b);
    fmt::print("{}", declaration_to_table(r));
    if (!in->audit.empty()) {
        AuditBundle bundle;
        std::vector<std::string> used, cmd = {"declare", "inputs", "--year", std::to_string(in->year)};
        for (const auto& a : dialect_args(in->dialect)) cmd.push_back(a);
        bundle.set_command(cmd);
        bundle.add_input(in->settings, "settings.csv");
        for (const auto& f : in->customs) bundle.add_input(f, bundle_name(f, "customs", used));
        for (const auto& f : in->suppliers) bundle.add_input(f, "suppliers/" + bundle_name(f, "", used));
        bundle.add_input(in->certificate_prices, "certificate_prices.csv");
        if (!in->carbon_prices.empty()) bundle.add_input(in->carbon_prices, "carbon_prices_paid.csv");
        add_registry_data(bundle);
        for (const char* f : {"definitive_default_values.csv", "benchmarks.csv", "phase_in.csv"})
            bundle.add_data(data_dir() + "/cn_codes/" + f, std::string("cn_codes/") + f);
        bundle.add_output("declaration.xml", declaration_to_xml(r, l.settings));
        bundle.add_output("declaration.json", declaration_to_json(r, l.settings));
        bundle.add_output("declaration.csv", declaration_to_csv(r));
        bundle.add_output("declaration.lines.csv", line_status_to_csv(r));
        for (const auto& e : r.entries) {
            std::string good = fmt::format("CN {} from {}{} (importer {})", e.taric_code.empty() ? e.cn_code : e.taric_code, e.origin,
                                           e.installation_id.empty() ? "" : ", installation " + e.installation_id, e.importer);
            bundle.add_assumption(good + ": " + e.valuation.basis);
            for (const auto& n : e.valuation.notes) bundle.add_assumption(good + ": " + n);
            bundle.add_derivation(explain(e.certificates, "Certificates owed for " + good) + "\n");
            bundle.add_derivation(explain(e.cost, "Their cost for " + good) + "\n");
        }
        bundle.write(in->audit);
    }
    if (!in->output.empty()) {
        std::string body = format == "xml" ? declaration_to_xml(r, l.settings) : format == "json" ? declaration_to_json(r, l.settings) : declaration_to_csv(r);
        AtomicOutputs out;
        out.stage(in->output, body);
        out.stage(sibling(in->output, ".lines.csv"), line_status_to_csv(r));
        out.commit();
        std::fflush(stdout);
        fmt::print(stderr, "cbam declare: wrote {} and {}\n", in->output, sibling(in->output, ".lines.csv"));
    }
    return exit_code::ok;
}

int certificates(const Args& args) {
    int rc = exit_code::ok;
    auto in = parse(args, "certificates", rc);
    if (!in) return rc;
    Loaded l = load(*in);
    DeclarationBuilder b(in->year, l.suppliers, l.carbon_prices, l.prices);
    DeclarationResult r = compute(*in, b);
    fmt::print("CBAM certificates for the imports of {}: {} (rounded to full tonnes), cost EUR {}\n", r.year,
               certificates_to_surrender(r).to_string(), r.cost.to_fixed(2));
    fmt::print("  embedded emissions counted {} t, free-allocation adjustment {} t, carbon price deduction {}\n\n", r.embedded.to_fixed(3),
               r.fa_adjustment.to_fixed(3), r.deduction.to_fixed(3));

    // What actual data would save, per installation with data.
    std::vector<std::vector<std::string>> rows;
    rows.push_back({"installation", "CN code", "origin", "quantity", "on default values", "on its data", "saving EUR", "data"});
    for (const auto& e : r.entries) {
        if (e.installation_id.empty()) continue;
        auto s = l.suppliers.find({e.installation_id, e.cn_code});
        if (s == l.suppliers.end()) continue;
        std::string why_d, why_a;
        auto vd = b.value_at_defaults(e.cn_code, e.taric_code, s->second.country, why_d);
        auto va = b.value_at_actual(e.cn_code, s->second, why_a);
        auto cost = [&](const std::optional<Valuation>& v) {
            Decimal c = 0, cert = 0;
            if (v)
                for (const auto& q : b.revalue(e, *v)) c += q.cost.value(), cert += q.certificates.value();
            return std::pair{cert, c};
        };
        auto [cd, eurd] = cost(vd);
        auto [ca, eura] = cost(va);
        rows.push_back({e.installation_id, e.cn_code, e.origin, e.quantity.q.to_string(),
                        vd ? fmt::format("{} cert. EUR {}", cd.to_fixed(3), eurd.to_fixed(2)) : "n/a (" + why_d + ")",
                        va ? fmt::format("{} cert. EUR {}", ca.to_fixed(3), eura.to_fixed(2)) : "n/a (" + why_a + ")",
                        vd && va ? (eurd - eura).to_fixed(2) : "-", s->second.verified ? "verified" : "NOT verified: defaults apply"});
    }
    if (rows.size() > 1) {
        std::vector<std::size_t> w(rows.front().size(), 0);
        for (const auto& row : rows)
            for (std::size_t c = 0; c < row.size(); ++c) w[c] = std::max(w[c], row[c].size());
        fmt::print("What actual data would save (the same imports valued on each installation's data and on default values):\n");
        for (const auto& row : rows) {
            std::string line;
            for (std::size_t c = 0; c < row.size(); ++c) line += c == 6 ? fmt::format("{:>{}}  ", row[c], w[c]) : fmt::format("{:<{}}  ", row[c], w[c]);
            while (!line.empty() && line.back() == ' ') line.pop_back();
            fmt::print("  {}\n", line);
        }
        fmt::print("\n");
    }
    if (!in->quarter_end.empty()) {
        HoldingCheck h = b.holding(r, in->quarter_end, in->held);
        fmt::print("Quarterly holding check at {} (imports of Q1 to Q{} {}):\n", h.date, h.quarter, r.year);
        fmt::print("  certificates for those imports on default values: {}\n", h.certificates_at_defaults.to_fixed(3));
        fmt::print("  to hold (50 %, Art. 22(2)):                        {}\n", h.required.to_fixed(3));
        for (const auto& n : h.notes) fmt::print("  note: {}\n", n);
        if (h.held) {
            Decimal gap = h.required - *h.held;
            if (gap.sign() > 0) {
                fmt::print("  held: {}: SHORT by {} certificates\n", h.held->to_string(), gap.to_fixed(3));
                return exit_code::input_error;
            }
            fmt::print("  held: {}: enough\n", h.held->to_string());
        }
    }
    return exit_code::ok;
}

}  // namespace cbam::cli
