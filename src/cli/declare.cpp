#include "audit/bundle.h"
#include "calc/declaration.h"
#include "registry/cn_registry.h"
#include "writers/explanation.h"
#include "cli/command.h"
#include "cli/commands.h"
#include "cli/finish_reading.h"
#include "cli/process_end.h"
#include "cli/html_output.h"
#include "calc/year_figures.h"
#include "cli/options.h"
#include "core/text.h"
#include "core/atomic_file.h"
#include "core/error.h"
#include "importers/customs_reader.h"
#include "importers/repeated_customs_lines.h"
#include "importers/declaration_data_reader.h"
#include "importers/report_settings_reader.h"
#include "importers/supplier_reader.h"
#include "writers/declaration_writer.h"
#include "writers/html_year.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <future>
#include <optional>

namespace cbam::cli {

namespace {

namespace fs = std::filesystem;

const char* kInputs = R"(Inputs (DIR holds them; each can also be given with an option):
  settings.csv             the declarant (docs/report-settings.md; its role is not used here)
  customs*.csv             the year's customs import lines (docs/customs-lines.md)
  suppliers/*.csv          installations' emissions data (docs/supplier-data.md); used as actual
                           data only where its column verified = yes (IR (EU) 2025/2547 Annex II A.1)
  suppliers/*.xlsx         suppliers' filled communication templates (docs/communication-template.md),
                           named after the installation_id; not verified data
  certificate_prices.csv   CBAM certificate prices with their periods: first_day,last_day,price_eur,
                           source (2026: quarterly averages; from 2027: weekly). Required: cbam does
                           not hard-code prices.
  carbon_prices_paid.csv   optional: carbon prices paid in the country of production, with evidence
                           (docs/declaration-data.md)
)";

const char* kDeclareDescription = R"(The figures of the annual CBAM declaration of the definitive period (from 2026; due by 30 September
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

const char* kCertificatesDescription = R"(What the year's imports cost in CBAM certificates, and what actual data would save: for every
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
    HtmlOptions html;
    std::optional<Decimal> cscf;  // --cscf: a factor not yet published, supplied
    std::string cscf_source, sefa_denominator = "good";
};

DeclarationOptions declaration_options(const Inputs& in) {
    DeclarationOptions o;
    if (in.cscf) o.cscf = SuppliedCscf{*in.cscf, in.cscf_source};
    o.denominator = in.sefa_denominator == "process" ? SpecificMassDenominator::Process : SpecificMassDenominator::Good;
    o.threads = default_customs_reading() == CustomsReading::Parallel ? 2 : 1;  // as the lines are read
    return o;
}

void add_input_options(CLI::App& cmd, Inputs& in) {
    cmd.add_option("DIR", in.dir, "the folder holding the inputs listed above");
    add_year_option(cmd, in.year)->required();
    cmd.add_option("--settings", in.settings, "the declarant, instead of DIR/settings.csv")->type_name("FILE");
    cmd.add_option("--customs", in.customs, "customs lines (repeatable; added to DIR's customs*.csv)")->type_name("FILE")->allow_extra_args(false);
    cmd.add_option("--suppliers", in.suppliers, "installations' emissions data, CSV or a filled communication template .xlsx (repeatable; added to DIR/suppliers/)")
        ->type_name("FILE")
        ->allow_extra_args(false);
    cmd.add_option("--certificate-prices", in.certificate_prices, "instead of DIR/certificate_prices.csv")->type_name("FILE");
    cmd.add_option("--carbon-prices-paid", in.carbon_prices, "instead of DIR/carbon_prices_paid.csv")->type_name("FILE");
    auto* cscf = cmd.add_option_function<std::string>(
                        "--cscf",
                        [&in](const std::string& v) {
                            in.cscf = Decimal::parse(v);
                            if (!in.cscf || in.cscf->sign() <= 0 || *in.cscf > Decimal(1))
                                throw UsageError(fmt::format("--cscf expects a factor above 0 and at most 1, such as 0.95, found '{}'", v));
                        },
                        "the cross-sectoral correction factor of --year where it is not yet published (from 2031); every output "
                        "then says it was supplied, and by whom. Refused for a year whose factor is published")
                     ->type_name("FACTOR");
    auto* source = cmd.add_option("--cscf-source", in.cscf_source, "who supplies --cscf, and on what basis (e.g. \"A. Analyst, draft decision\")")
                       ->type_name("TEXT");
    cscf->needs(source);
    source->needs(cscf);
    cmd.add_option("--sefa-denominator", in.sefa_denominator,
                   "the reading of IR (EU) 2025/2620 equation 5 for a precursor's specific mass: good (default: mass consumed / "
                   "activity level of the good) or process (/ activity level of the process consuming it); docs/free-allocation.md")
        ->type_name("good|process")
        ->check(one_of("--sefa-denominator", {"good", "process"}));
}

// The options of the run, as the audit bundle re-runs them.
void add_declaration_args(const Inputs& in, std::vector<std::string>& cmd) {
    if (in.cscf) {
        cmd.insert(cmd.end(), {"--cscf", in.cscf->to_string(), "--cscf-source", in.cscf_source});
    }
    if (in.sefa_denominator != "good") cmd.insert(cmd.end(), {"--sefa-denominator", in.sefa_denominator});
}

void add_declare_options(CLI::App& cmd, Inputs& in) {
    add_input_options(cmd, in);
    add_output_option(cmd, in.output, "write the figures to FILE (.xml, .json or .csv, by its extension) and the status of every customs "
                                      "line beside it (see Writes)");
    add_audit_option(cmd, in.audit);
    add_html_options(cmd, in.html);
    add_dialect_options(cmd, in.dialect);
}

void add_certificates_options(CLI::App& cmd, Inputs& in) {
    add_input_options(cmd, in);
    auto* end = cmd.add_option("--quarter-end", in.quarter_end,
                               "the last day of a quarter of the year (YYYY-03-31, -06-30, -09-30 or -12-31): run the quarterly "
                               "holding check for the imports from 1 January to that day")
                    ->type_name("DATE")
                    ->check(CLI::Validator(
                        [](const std::string& v) -> std::string {
                            if (!is_iso_date(v))
                                throw UsageError(fmt::format("--quarter-end expects a date that exists, written YYYY-MM-DD, found '{}'", v));
                            return "";
                        },
                        ""));
    cmd.add_option_function<std::string>(
           "--held",
           [&in](const std::string& v) {
               in.held = Decimal::parse(v);
               if (!in.held || in.held->sign() < 0) throw UsageError(fmt::format("--held expects a number of certificates, found '{}'", v));
           },
           "the certificates held at that day: compared with the 50 % to hold (needs --quarter-end)")
        ->type_name("N")
        ->needs(end);
    add_html_options(cmd, in.html);
    add_dialect_options(cmd, in.dialect);
}

// What the options leave open: the year's check, DIR's files.
void complete(Inputs& in) {
    check_definitive_year(in.year, in.cscf.has_value());
    if (!in.quarter_end.empty()) {
        bool quarter_end = false;
        for (const char* e : {"-03-31", "-06-30", "-09-30", "-12-31"}) quarter_end |= in.quarter_end == std::to_string(in.year) + e;
        if (!quarter_end)
            throw UsageError(fmt::format("--quarter-end expects the last day of a quarter of {0} ({0}-03-31, -06-30, -09-30 or -12-31), "
                                         "found {1}",
                                         in.year, in.quarter_end));
    }
    if (!in.dir.empty()) {
        if (!fs::is_directory(in.dir)) throw UsageError(fmt::format("'{}' is not a directory", in.dir));
        fs::path d(in.dir);
        if (in.settings.empty()) in.settings = (d / "settings.csv").string();
        if (in.certificate_prices.empty()) in.certificate_prices = (d / "certificate_prices.csv").string();
        if (in.carbon_prices.empty() && fs::exists(d / "carbon_prices_paid.csv")) in.carbon_prices = (d / "carbon_prices_paid.csv").string();
        add_directory_inputs(in.dir, in.customs, in.suppliers);
    }
    if (in.settings.empty() || in.customs.empty()) throw UsageError("no inputs: give DIR, or --settings and --customs");
}

struct Loaded {
    ReportSettings settings;
    SupplierData suppliers;
    std::vector<CarbonPricePaid> carbon_prices;
    std::vector<CertificatePrice> prices;
};

// The Commission's tables (default values, benchmarks, the phase-in, the registry): loaded on a
// second thread while this one reads the declarant's own files, where the lines are read on two;
// each table is loaded once, whichever thread asks first (a function-local static). An error in
// a table comes out of get(), after any error in the inputs, as when they were loaded in turn.
std::future<DeclarationData> tables_beside() {
    return std::async(default_customs_reading() == CustomsReading::Parallel ? std::launch::async : std::launch::deferred,
                      [] { return DeclarationData{}; });
}

Loaded load(const Inputs& in) {
    Loaded l;
    Diagnostics diags;
    if (!fs::exists(in.settings)) diags.add({in.settings, 0, 0, ""}, "missing file: the declarant settings (docs/report-settings.md)");
    else l.settings = read_report_settings(in.settings, "", diags, Countries::builtin(), in.dialect);
    read_supplier_files(in.suppliers, l.suppliers, diags, CnRegistry::builtin(), Countries::builtin(), in.dialect);
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
    auto repeated = std::make_unique<RepeatedCustomsLines>(RepeatedCustomsLines::kDefaultBatch,
                                                           default_customs_reading() == CustomsReading::Parallel ? 2 : 1);
    for (const auto& f : in.customs)
        read_customs_lines(f, diags, [&](const CustomsLine& line) {
            b.add(line, diags);
        }, Countries::builtin(), in.dialect, default_customs_reading(), [&](const CustomsLine& line) { repeated->add(line); });
    return finish_reading(std::move(repeated), diags, [&](Diagnostics& d) { return b.finish(d); });
}


// The year page (--html) of declare and certificates.
std::string year_page(const Inputs& in, const Loaded& l, const DeclarationResult& r, const std::vector<YearTotalsRow>& totals,
                      const std::vector<ActualDataComparison>& comparisons, const HoldingCheck* holding) {
    std::vector<std::string> data = registry_data_files();
    for (const char* f : {"definitive_default_values.csv", "benchmarks.csv", "phase_in.csv"}) data.push_back(std::string("cn_codes/") + f);
    HtmlOutput h = html_output(holding ? "certificates" : "declare", in.html.lang, data,
                               {{"default values", DefinitiveDefaults::kVersion}, {"benchmarks", Benchmarks::kVersion}});
    return year_to_html(YearPage{r, totals, comparisons, holding, l.settings.declarant.id, l.settings.declarant.name}, h.context());
}

int run_declare(Inputs& in) {
    std::string format = extension(in.output);
    if (!in.output.empty() && format != "xml" && format != "json" && format != "csv")
        throw UsageError(fmt::format("cannot tell the format of '{}': use a .xml, .json or .csv file name", in.output));
    complete(in);
    auto tables = tables_beside();
    Loaded l = load(in);
    // The builder and its result hold objects for every good and line: left to the system at exit.
    DeclarationBuilder& b = *keep_until_exit(
        std::make_unique<DeclarationBuilder>(in.year, l.suppliers, l.carbon_prices, l.prices, tables.get(), declaration_options(in)));
    // The line statuses go to a spool beside the output, so that memory does not grow with the
    // lines; the page (--html) and the audit bundle hold them all anyway. Where the spool cannot be
    // made, they are kept in memory and the output's own error comes when it is written, after
    // any error in the inputs, as without a spool.
    std::optional<LineStatusSpool> spool;
    if (!in.output.empty() && in.html.file.empty() && in.audit.empty()) {
        try {
            spool.emplace(sibling(in.output, ".lines.csv"));
            b.stream_lines([&spool](const LineStatusView& line) { spool->add(line); });
        } catch (const OutputError&) {
            spool.reset();
        }
    }
    const DeclarationResult& r = keep_until_exit(compute(in, b));
    // What actual data would save is worked out while the outputs are made and written (on a
    // second thread where the lines were read on two).
    auto comparing = std::async(default_customs_reading() == CustomsReading::Parallel ? std::launch::async : std::launch::deferred,
                                [&] { return compare_actual_data(b, r, l.suppliers, declaration_options(in).threads); });
    fmt::print("{}", declaration_to_table(r));
    if (!in.audit.empty()) {
        AuditBundle bundle;
        std::vector<std::string> used, cmd = {"declare", "inputs", "--year", std::to_string(in.year)};
        for (const auto& a : dialect_args(in.dialect)) cmd.push_back(a);
        add_declaration_args(in, cmd);
        bundle.set_command(cmd);
        bundle.add_input(in.settings, "settings.csv");
        for (const auto& f : in.customs) bundle.add_input(f, bundle_name(f, "customs", used));
        for (const auto& f : in.suppliers) bundle.add_input(f, "suppliers/" + bundle_name(f, "", used));
        bundle.add_input(in.certificate_prices, "certificate_prices.csv");
        if (!in.carbon_prices.empty()) bundle.add_input(in.carbon_prices, "carbon_prices_paid.csv");
        add_registry_data(bundle);
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
        bundle.write(in.audit);
    }
    std::vector<YearTotalsRow> totals = declaration_totals(r, l.suppliers);
    AtomicOutputs out;
    if (!in.output.empty()) {
        std::string body = format == "xml" ? declaration_to_xml(r, l.settings) : format == "json" ? declaration_to_json(r, l.settings) : declaration_to_csv(r);
        out.stage(in.output, body);
        if (spool) spool->finish(r, out);
        else out.stage(sibling(in.output, ".lines.csv"), line_status_to_csv(r));
        out.stage(sibling(in.output, ".totals.csv"), year_totals_to_csv(r, totals));
    }
    const std::vector<ActualDataComparison> comparisons = comparing.get();
    if (!in.output.empty()) out.stage(sibling(in.output, ".savings.csv"), comparisons_to_csv(r, comparisons));
    if (!in.html.file.empty()) out.stage(in.html.file, year_page(in, l, r, totals, comparisons, nullptr));
    out.commit();
    std::fflush(stdout);
    if (!in.output.empty())
        fmt::print(stderr, "cbam declare: wrote {}, {}, {} and {}\n", in.output, sibling(in.output, ".lines.csv"), sibling(in.output, ".totals.csv"),
                   sibling(in.output, ".savings.csv"));
    if (!in.html.file.empty()) fmt::print(stderr, "cbam declare: wrote {}\n", in.html.file);
    return exit_code::ok;
}

int run_certificates(Inputs& in) {
    complete(in);
    auto tables = tables_beside();
    Loaded l = load(in);
    DeclarationBuilder& b = *keep_until_exit(
        std::make_unique<DeclarationBuilder>(in.year, l.suppliers, l.carbon_prices, l.prices, tables.get(), declaration_options(in)));
    const DeclarationResult& r = keep_until_exit(compute(in, b));
    if (!r.factors.cscf_supplied_by.empty())
        fmt::print("NOTE: the cross-sectoral correction factor of {} is not yet published: {} was SUPPLIED by the user ({})\n", r.year,
                   r.factors.cscf.value().to_string(), r.factors.cscf_supplied_by);
    fmt::print("CBAM certificates for the imports of {}: {} (rounded to full tonnes), cost EUR {}\n", r.year,
               certificates_to_surrender(r).to_string(), r.cost.to_fixed(2));
    fmt::print("  embedded emissions counted {} t, free-allocation adjustment {} t, carbon price deduction {}\n\n", r.embedded.to_fixed(3),
               r.fa_adjustment.to_fixed(3), r.deduction.to_fixed(3));

    // What actual data would save, per installation with data.
    std::vector<ActualDataComparison> comparisons = compare_actual_data(b, r, l.suppliers, declaration_options(in).threads);
    std::vector<std::vector<std::string>> rows;
    rows.push_back({"installation", "CN code", "origin", "quantity", "on default values", "on its data", "saving EUR", "data"});
    auto valued = [](const std::optional<Decimal>& cert, const std::optional<Decimal>& eur, const std::string& why) {
        return cert ? fmt::format("{} cert. EUR {}", cert->to_fixed(3), eur->to_fixed(2)) : "n/a (" + why + ")";
    };
    for (const auto& c : comparisons)
        rows.push_back({c.installation_id, c.cn_code, c.origin, r.entries[c.entry].quantity.q.to_string(),
                        valued(c.certificates_at_defaults, c.cost_at_defaults, c.why_defaults), valued(c.certificates_at_actual, c.cost_at_actual, c.why_actual),
                        c.saving() ? c.saving()->to_fixed(2) : "-", c.verified ? "verified" : "NOT verified: defaults apply"});
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
        // A negative saving is not an error: say why it happens and what (not) to do about it.
        for (const auto& c : comparisons) {
            auto s = c.saving();
            if (!s || s->sign() >= 0 || !c.certificates_at_actual || !c.certificates_at_defaults) continue;
            fmt::print("  NOTE: {} (CN {} from {}): its actual data cost EUR {} MORE than default values would ({} against {} certificates).\n",
                       c.installation_id, c.cn_code, c.origin, (-*s).to_fixed(2), c.certificates_at_actual->to_fixed(3),
                       c.certificates_at_defaults->to_fixed(3));
            const Valuation& v = r.entries[c.entry].valuation;
            if (v.actual && !v.missing.empty()) {
                std::string missing;
                for (const auto& m : v.missing) missing += (missing.empty() ? "" : "; ") + m;
                fmt::print("        On its data the free-allocation adjustment lacks inputs, so that cost is an upper bound; with them "
                           "it falls. Missing: {}\n",
                           missing);
            } else {
                fmt::print("        Its embedded emissions less its free-allocation adjustment are higher than those of the default value "
                           "with the year's mark-up. That is no reason to switch: actual emissions are the rule wherever they can be "
                           "determined (Regulation (EU) 2023/956 Art. 7(2)); check the figures with the supplier.\n");
            }
        }
        fmt::print("\n");
    }
    std::optional<HoldingCheck> holding;
    if (!in.quarter_end.empty()) holding = b.holding(r, in.quarter_end, in.held);
    if (!in.html.file.empty()) {
        std::vector<YearTotalsRow> totals = declaration_totals(r, l.suppliers);
        AtomicOutputs out;
        out.stage(in.html.file, year_page(in, l, r, totals, comparisons, holding ? &*holding : nullptr));
        out.commit();
        std::fflush(stdout);
        fmt::print(stderr, "cbam certificates: wrote {}\n", in.html.file);
    }
    if (holding) {
        const HoldingCheck& h = *holding;
        fmt::print("Quarterly holding check at {} (imports of Q1 to Q{} {}):\n", h.date, h.quarter, r.year);
        fmt::print("  certificates for those imports on default values: {}\n", h.certificates_at_defaults.to_fixed(3));
        fmt::print("  to hold (50 %, Art. 22(2)):                        {}\n", h.required.to_fixed(3));
        for (const auto& n : h.notes) fmt::print("  note: {}\n", n);
        if (h.held) {
            Decimal gap = h.required - *h.held;
            if (gap.sign() > 0) {
                fmt::print("  held: {}: SHORT by {} certificates\n", h.held->to_string(), gap.to_fixed(3));
                return exit_code::check_failed;
            }
            fmt::print("  held: {}: enough\n", h.held->to_string());
        }
    }
    return exit_code::ok;
}

}  // namespace

Command declare_command() {
    return make_command<Inputs>(
        {.name = "declare",
         .synopsis = "[DIR]",
         .summary = "The figures of the annual CBAM declaration (definitive period, from 2026): embedded emissions counted, "
                    "free-allocation adjustment, carbon price deduction, certificates owed and their cost, per good and "
                    "installation.",
         .usage = "cbam declare [DIR] --year YYYY [-o FILE.xml|.json|.csv] [options]",
         .description = std::string(kDeclareDescription) + "\n" + kInputs,
         .writes = "  FILE (-o)             the figures, as XML, JSON or CSV by FILE's extension\n"
                   "  STEM.lines.csv        beside FILE, FILE's name without its extension + .lines.csv: every\n"
                   "                        customs line with what happened to it (counted, de minimis, not\n"
                   "                        reportable, out of scope)\n"
                   "  STEM.totals.csv       likewise + .totals.csv: certificates and cost per importer (with the de\n"
                   "                        minimis mass) and per producing installation\n"
                   "  STEM.savings.csv      likewise + .savings.csv: what each installation's actual data saves or\n"
                   "                        costs against default values\n"
                   "  FILE (--html)         a readable page of the year's figures, with charts (docs/html.md)\n"
                   "  DIR (--audit)         a new folder, the audit bundle (docs/audit.md)\n"
                   "All are written together or none; e.g. -o out/d.xml writes out/d.xml, out/d.lines.csv,\n"
                   "out/d.totals.csv and out/d.savings.csv. Without -o or --html nothing is written; the figures are printed.",
         .notes = "",
         .exit_codes = {{exit_code::ok, ""}, {exit_code::input_error, ""}, {exit_code::usage, ""}, {exit_code::output_error, ""}},
         .examples = {"cbam declare fixtures/warehouse-de --year 2026 -o out/declaration-2026.xml"}},
        add_declare_options, run_declare);
}

Command certificates_command() {
    return make_command<Inputs>(
        {.name = "certificates",
         .synopsis = "[DIR]",
         .summary = "What the year's certificates cost, what actual data would save per supplier, and the quarterly 50 % "
                    "holding check.",
         .usage = "cbam certificates [DIR] --year YYYY [--quarter-end YYYY-MM-DD [--held N]] [options]",
         .description = std::string(kCertificatesDescription) + "\n" + kInputs,
         .writes = "  FILE (--html)         a readable page of the figures, with charts (docs/html.md); without it\n"
                   "                        nothing is written: the figures are printed.",
         .notes = "",
         .exit_codes = {{exit_code::ok, "computed; with --held, the certificates held are enough"},
                        {exit_code::input_error, ""},
                        {exit_code::usage, ""},
                        {exit_code::check_failed, "the certificates held (--held) are fewer than the 50 % to hold at --quarter-end"}},
         .examples = {"cbam certificates fixtures/warehouse-de --year 2026",
                      "cbam certificates fixtures/warehouse-de --year 2026 --quarter-end 2026-06-30 --held 300"}},
        add_certificates_options, run_certificates);
}

}  // namespace cbam::cli
