#include "calc/quarter.h"

#include "core/text.h"
#include "core/int_map.h"
#include "core/text_memo.h"
#include "registry/customs_procedures.h"
#include "registry/production_methods.h"
#include "registry/qreport_codes.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <deque>
#include <unordered_map>

namespace cbam {

namespace {

// Limits of QReport 23.00 (QReport_ver23.00.xsd maxOccurs).
constexpr std::size_t kMaxGoods = 99999, kMaxQuantities = 9, kMaxEmissions = 999;
// Digits of the stypes.xsd types the indirect fields are written with.
constexpr int kFactorDigits = 5;

// Codes the registry accepts as PreviousProc (cn_codes/qreport_codes.csv).
bool previous_in_code_list(const std::string& code) { return QReportCodes::builtin().has("Procedure/RequestedProc or PreviousProc", code); }

std::string electricity_source_code(const std::string& source) {
    if (source == "direct_link" || source == "own_production") return "SOE01";
    if (source == "ppa") return "SOE02";
    return "SOE03";  // grid, mixed or unknown
}

Decimal round_to(const Decimal& d, int digits) { return *Decimal::parse(d.to_fixed(digits)); }

}  // namespace

std::optional<Quarter> Quarter::parse(std::string_view t) {
    std::string s;
    for (char c : t)
        if (c != '-' && c != ' ') s += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (s.size() != 6 || s[4] != 'Q' || s[5] < '1' || s[5] > '4') return std::nullopt;
    for (int i = 0; i < 4; ++i)
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
    Quarter q;
    q.year = std::stoi(s.substr(0, 4));
    q.quarter = s[5] - '0';
    static const char* first[] = {"", "01-01", "04-01", "07-01", "10-01"};
    static const char* last[] = {"", "03-31", "06-30", "09-30", "12-31"};
    q.first_day = fmt::format("{}-{}", q.year, first[q.quarter]);
    q.last_day = fmt::format("{}-{}", q.year, last[q.quarter]);
    return q;
}

std::string Quarter::label() const { return fmt::format("{}Q{}", year, quarter); }

Decimal GoodSummary::default_share() const {
    Decimal t = total();
    return t.is_zero() ? Decimal(0) : from_default_values / t;
}

struct QuarterBuilder::Impl {
    Quarter q;
    ReportSettings settings;
    const SupplierData& suppliers;
    const TransitionalDefaults& defaults;
    const CnRegistry& cn;
    const Countries& countries;
    bool allow_low_confidence = false;

    struct ProcedureKey {
        std::string requested, previous, area, ip;
        auto tie() const { return std::tie(requested, previous, area, ip); }
        bool operator<(const ProcedureKey& o) const { return tie() < o.tie(); }
    };
    // A line's procedure, looked up without copying its texts.
    struct ProcedureRef {
        std::string_view requested, previous, area, ip;
    };
    struct ProcedureOrder {
        using is_transparent = void;
        static auto tie(const ProcedureKey& k) { return std::tuple<std::string_view, std::string_view, std::string_view, std::string_view>(k.requested, k.previous, k.area, k.ip); }
        static auto tie(const ProcedureRef& k) { return std::tie(k.requested, k.previous, k.area, k.ip); }
        template <class A, class B>
        bool operator()(const A& a, const B& b) const { return tie(a) < tie(b); }
    };
    struct ProcedureSums {
        Decimal by_indicator[2];
        bool used[2] = {false, false};
        std::optional<qreport::InwardProcessingInfo> ip;
    };
    struct GoodKey {
        std::string cn, origin, importer, representative;
        auto tie() const { return std::tie(cn, origin, importer, representative); }
        bool operator<(const GoodKey& o) const { return tie() < o.tie(); }
    };
    struct GoodAcc {
        Decimal total;
        std::map<ProcedureKey, ProcedureSums, ProcedureOrder> procedures;
        struct Installation {
            Decimal quantity;
            std::string lines;      // "file:line (qty)" of the first 20 lines
            std::size_t count = 0;  // lines
            SourceLocation first;   // the earliest line
            const std::string* first_file = nullptr;  // its file, as held in `files`
        };
        std::map<std::string, Installation> installations;  // "" = installation unknown
        std::set<std::string> descriptions;  // a set, so the report does not depend on line order
        SourceLocation first;
        const std::string* first_file = nullptr;  // its file, as held in `files`
        std::set<std::string> warehouse_releases;  // previous procedures not in the code list
    };
    std::map<GoodKey, GoodAcc> goods;
    const Country* country(const std::string& code) const { return countries.find(code); }  // by table
    std::deque<SkippedLine> skipped;
    std::size_t lines = 0, reported = 0;
    std::vector<MissingData> missing;
    std::vector<std::string> electricity_warnings;
    CnClassifications classify{cn};  // each code classified once
    // The same goods by cn, origin, importer and representative joined by NULs (which no CSV cell
    // holds), so that a line finds its good without
    // building a GoodKey; key_text is reused from line to line.
    std::unordered_map<std::string, GoodAcc*> goods_by_text{};
    IntMap<GoodAcc*> goods_by_number{};
    std::string key_text{};
    std::string last_party{};  // the importer or representative of a line before, in the parties file
    // Skip reasons by kind and code: a quarter has many skipped lines but few reasons.
    TextMemo reasons{};
    const std::string empty_{};

    // The files of the lines, each held once, and the file of the line being added: places are
    // compared by these, without comparing file names unless the files differ.
    std::vector<std::shared_ptr<const std::string>> files{};
    const std::string* file = nullptr;
    // True when the line being added comes before `line` of `in` (held in `files`), by file name and line.
    bool before(const CustomsLine& l, const std::string* in, std::size_t line) const {
        int c = file == in ? 0 : file->compare(*in);
        return c < 0 || (c == 0 && l.where.line < line);
    }
    void skip(const CustomsLine& l, const std::shared_ptr<const std::string>& reason, const char* code) {
        skipped.push_back({files.back(), l.where.line, l.declaration, l.item, l.cn_code, l.origin,
                           l.supplementary_units && l.cn_code == "27160000" ? *l.supplementary_units : l.net_mass_t, reason, code});
    }
    // The reason text of a kind of skip for one code (a CN code, a procedure, an origin), written once.

    void add(const CustomsLine& l, Diagnostics& diags) {
        ++lines;
        if (!file || *file != l.where.file) {
            files.push_back(std::make_shared<const std::string>(l.where.file));
            file = files.back().get();
        }
        auto at = [&](const char* field, std::size_t column = 0) {
            SourceLocation w = l.where;
            w.field = field;
            w.column = column;
            return w;
        };
        if (l.acceptance_date < q.first_day || l.acceptance_date > q.last_day) {
            diags.add(at("acceptance_date"), fmt::format("expected a date in {} ({} to {}), found {}: lines of other quarters belong in their own report",
                                                         q.label(), q.first_day, q.last_day, l.acceptance_date));
            return;
        }
        const auto& c = classify(l.cn_code);
        if (!c) {
            diags.add(at("cn_code"), fmt::format("expected an 8-digit CN code, found \"{}\"", l.cn_code));
            return;
        }
        if (!c->in_scope) return skip(l, reasons.shared("cn", l.cn_code, [&] { return "not a CBAM good: " + c->reason; }), "not_cbam_good");
        const CustomsProcedure* proc = customs_procedure(l.requested_procedure);
        if (!proc) return;  // the reader reported it
        if (!proc->reportable)
            return skip(l, reasons.shared("procedure", l.requested_procedure, [&] {
                return fmt::format("requested procedure {} ({}): {}", proc->code, proc->meaning, proc->not_reported_because);
            }), "procedure");
        const Country* origin = country(l.origin);
        if (origin && origin->status == CbamOrigin::Eu)
            return skip(l, reasons.shared("eu", l.origin, [&] { return fmt::format("origin {} is an EU Member State: not a CBAM import", l.origin); }), "eu_origin");
        if (origin && origin->status == CbamOrigin::Exempt)
            return skip(l, reasons.shared("exempt", l.origin, [&] { return fmt::format("origin {} ({}) is exempt under Annex III of Regulation (EU) 2023/956", l.origin, origin->name); }),
                        "exempt_origin");
        const bool electricity = std::string_view(l.cn_code) == std::string_view("27160000");
        // Parties
        const std::string& role = settings.declarant.role;
        const bool role_01 = role == "01", role_02 = !role_01 && role == "02", role_03 = !role_01 && !role_02 && role == "03";
        const std::string& importer = l.importer;
        if (role_01 && importer != settings.declarant.id) {
            diags.add(at("importer"), fmt::format("the declarant ({}) reports as importer for all goods (role 01), but this line's importer is {}",
                                                  settings.declarant.id, importer));
            return;
        }
        if (role_02 && !l.representative.empty() && l.representative != settings.declarant.id) {
            diags.add(at("representative"), fmt::format("the declarant ({}) reports as representative for all goods (role 02), but this line's "
                                                        "representative is {}", settings.declarant.id, l.representative));
            return;
        }
        const std::string& representative = role_02 ? settings.declarant.id : role_01 ? empty_ : l.representative;
        for (const auto& [eori, field] : {std::pair<const std::string&, const char*>{importer, "importer"}, {representative, "representative"}}) {
            // The party of the line before is known to be there: most lines name the same.
            if (!eori.empty() && eori != last_party && !settings.parties.count(eori)) {
                diags.add(at(field), fmt::format("{} {} is not the declarant and not in the parties file: its name and address are needed", field, eori));
                return;
            }
            if (!eori.empty()) last_party = eori;
        }
        const std::string& good_importer = role_01 ? empty_ : importer;
        const std::string& good_representative = role_03 ? representative : empty_;
        // A good of no particular importer or representative, of an 8-digit code and a two-letter
        // origin (the common line), is found by a number; any other by its key's text.
        std::uint64_t number = 0;
        const bool numbered = good_importer.empty() && good_representative.empty() && l.cn_code.size() == 8 && is_digits(l.cn_code, 8) &&
                              l.origin.size() == 2 && l.origin[0] >= 'A' && l.origin[0] <= 'Z' && l.origin[1] >= 'A' && l.origin[1] <= 'Z';
        GoodAcc* found = nullptr;
        if (numbered) {
            for (char c : l.cn_code) number = number * 10 + static_cast<std::uint64_t>(c - '0');
            number = number * 676 + static_cast<std::uint64_t>((l.origin[0] - 'A') * 26 + (l.origin[1] - 'A'));
            if (GoodAcc** known = goods_by_number.find(number)) found = *known;
        } else {
            key_text.assign(l.cn_code).append(1, '\0').append(l.origin).append(1, '\0').append(good_importer).append(1, '\0').append(good_representative);
            auto known = goods_by_text.find(key_text);
            if (known != goods_by_text.end()) found = known->second;
        }
        // An installation this good has had a line of was found in the supplier data then.
        auto inst = found ? found->installations.find(l.installation_id) : decltype(found->installations.end()){};
        bool installation_known = found && inst != found->installations.end();
        if (!l.installation_id.empty() && !installation_known && !suppliers.count({l.installation_id, l.cn_code})) {
            diags.add(at("installation_id"), fmt::format("no emissions data for installation {} and CN {} in the supplier files: add its "
                                                         "communication, or leave installation_id empty to report on default values",
                                                         l.installation_id, l.cn_code));
            return;
        }
        const Decimal& qty = electricity ? *l.supplementary_units : l.net_mass_t;
        if (!found) {
            found = &goods[GoodKey{l.cn_code, l.origin, good_importer, good_representative}];
            if (numbered) goods_by_number.insert(number, found);
            else goods_by_text.emplace(key_text, found);
        }
        GoodAcc& g = *found;
        if (g.procedures.empty() || before(l, g.first_file, g.first.line)) {
            g.first = l.where;
            g.first_file = file;
        }
        if (!l.description.empty()) g.descriptions.insert(l.description);
        g.total += qty;
        std::string_view previous = l.previous_procedure;
        if (!previous.empty() && !previous_in_code_list(l.previous_procedure)) {
            g.warehouse_releases.insert(l.previous_procedure);
            previous = {};
        }
        std::string ip_key;
        if (l.inward_processing) {
            const auto& ip = *l.inward_processing;
            ip_key = fmt::format("{}|{}|{}|{}|{}|{}", ip.member_state_auth, ip.authorisation, ip.start, ip.end, ip.deadline, ip.discharge_bill_waiver);
        }
        ProcedureRef ref{l.requested_procedure, previous, l.import_area, ip_key};
        auto proc_it = g.procedures.find(ref);
        if (proc_it == g.procedures.end())
            proc_it = g.procedures.emplace(ProcedureKey{std::string(ref.requested), std::string(ref.previous), std::string(ref.area), std::string(ref.ip)},
                                           ProcedureSums{}).first;
        ProcedureSums& ps = proc_it->second;
        int indicator = l.inward_processing && l.in_processed_products ? 1 : 0;
        ps.by_indicator[indicator] += qty;
        ps.used[indicator] = true;
        if (l.inward_processing) ps.ip = l.inward_processing;
        if (!installation_known) inst = g.installations.find(l.installation_id);
        if (inst == g.installations.end()) {
            inst = g.installations.emplace(l.installation_id, GoodAcc::Installation{}).first;
            inst->second.first = l.where;
            inst->second.first_file = file;
        } else if (before(l, inst->second.first_file, inst->second.first.line)) {
            inst->second.first = l.where;
            inst->second.first_file = file;
        }
        GoodAcc::Installation& in = inst->second;
        in.quantity += qty;
        if (++in.count <= 20) in.lines += fmt::format("{}{}:{} ({})", in.lines.empty() ? "" : ", ", l.where.file, l.where.line, qty.to_string());
        ++reported;
    }

    qreport::Party party(const std::string& eori) const { return settings.parties.at(eori); }

    QuarterResult finish(Diagnostics& diags) {
        QuarterResult out;
        missing.clear();
        out.lines_read = lines;
        out.lines_reported = reported;
        out.skipped = std::move(skipped);
        // Customs files usually come in declaration order already: then there is nothing to sort.
        auto by_declaration = [](const SkippedLine& a, const SkippedLine& b) {
            return std::tie(a.declaration, a.item, *a.file, a.line) < std::tie(b.declaration, b.item, *b.file, b.line);
        };
        if (!std::is_sorted(out.skipped.begin(), out.skipped.end(), by_declaration))
            std::sort(out.skipped.begin(), out.skipped.end(), by_declaration);
        qreport::Report& r = out.report;
        r.reporting_period = fmt::format("Q{}", q.quarter);
        r.year = q.year;
        r.declarant = settings.declarant;
        r.signatures = settings.signatures;
        r.remarks = settings.remarks;
        const std::string& role = settings.declarant.role;
        std::set<std::string> importers;
        for (const auto& [k, g] : goods) importers.insert(k.importer);
        if (role == "01") r.importer = party(settings.declarant.id);
        if (role == "02") {
            r.representative = party(settings.declarant.id);
            if (importers.size() == 1 && !importers.begin()->empty()) r.importer = party(*importers.begin());
        }
        if (goods.size() > kMaxGoods)
            diags.add({settings.where.file, 0, 0, ""}, fmt::format("{} goods (CN code x origin) in one quarter: a report holds at most {}", goods.size(), kMaxGoods));

        for (const auto& [k, g] : goods) {
            qreport::ImportedGood ig;
            ig.cn_code = k.cn;
            ig.origin_country = k.origin;
            ig.electricity = k.cn == "27160000";
            ig.total = g.total;
            auto c = cn.classify(k.cn);
            for (const auto& d : g.descriptions) ig.description += (ig.description.empty() ? "" : "; ") + d;
            if (ig.description.empty() && c && c->line) ig.description = c->line->description;
            ig.description = utf8_truncate(ig.description, 512);
            if (role == "02" && !r.importer && !k.importer.empty()) ig.importer = party(k.importer);
            if (role == "03") {
                ig.importer = party(k.importer);
                if (!k.representative.empty()) ig.representative = party(k.representative);
            }
            if (!g.warehouse_releases.empty()) {
                std::string codes;
                for (const auto& p : g.warehouse_releases) codes += (codes.empty() ? "" : ", ") + p;
                ig.remarks = fmt::format("Includes goods released for free circulation from procedure {} (previous procedure not in the registry's code list, so not given).", codes);
            }
            if (g.procedures.size() > kMaxQuantities)
                diags.add(g.first, fmt::format("CN {} from {}: {} different combinations of customs procedure and import area in the quarter; "
                                               "a good of the report holds at most {} (QReport 23.00): check requested_procedure, "
                                               "previous_procedure and import_area of its lines",
                                               k.cn, k.origin, g.procedures.size(), kMaxQuantities));
            for (const auto& [pk, ps] : g.procedures) {
                qreport::ImportedQuantity iq;
                iq.requested_procedure = pk.requested;
                iq.previous_procedure = pk.previous;
                iq.import_area = pk.area;
                if (ps.ip) iq.inward_processing.push_back(*ps.ip);
                for (int ind : {0, 1})
                    if (ps.used[ind]) iq.measures.push_back({ind, ps.by_indicator[ind]});
                ig.quantities.push_back(std::move(iq));
            }
            GoodSummary sum;
            sum.cn_code = k.cn;
            sum.origin = k.origin;
            sum.electricity = ig.electricity;
            sum.complex = c && c->good && c->good->complex;
            sum.quantity = g.total;
            if (g.installations.size() > kMaxEmissions)
                diags.add(g.first, fmt::format("CN {} from {}: {} installations; a good holds at most {} emissions entries", k.cn, k.origin,
                                               g.installations.size(), kMaxEmissions));
            for (const auto& [inst_id, acc] : g.installations) {
                const Decimal& qty = acc.quantity;
                auto e = inst_id.empty() ? default_entry(k, qty, g, diags, out.warnings) : supplier_entry(k, inst_id, qty, g, diags);
                if (!e) continue;
                const std::pair<const std::string&, std::size_t> lines{acc.lines, acc.count};
                // An entry exists only when its source was found: a default-value row or a supplier row.
                std::string source = inst_id.empty() ? fmt::format("default values {}", defaults.find(k.cn)->where.to_string())
                                                     : fmt::format("emissions data {}", suppliers.at({inst_id, k.cn}).where.to_string());
                out.provenance[k.cn + "|" + k.origin + "|" + inst_id] =
                    fmt::format("quantity {} = sum of {} customs line(s): {}{}; SEE from {}", qty.to_string(), lines.second, lines.first,
                                lines.second > 20 ? ", ..." : "", source);
                Decimal dir = ig.electricity ? *e->direct.total_embedded_electricity : qty * e->direct.see;
                Decimal ind = e->indirect ? qty * e->indirect->see : Decimal(0);
                sum.direct += dir;
                sum.indirect += ind;
                bool on_defaults = e->direct.determination_type == "02" || e->direct.determination_type_electricity == "02";
                if (on_defaults) sum.from_default_values += dir + ind;
                out.entries.push_back({k.cn, k.origin, inst_id, e->installation ? e->installation->name : "", e->production_country, on_defaults, qty, dir, ind});
                if (inst_id.empty()) {
                    const DefaultValue* dv = defaults.find(k.cn);
                    sum.default_value_row = fmt::format("CN {} ({} value), {}", dv->cn_prefix, dv->value_level, dv->where.to_string());
                    sum.default_value_confidence = dv->confidence;
                }
                ++sum.installations;
                ig.emissions.push_back(std::move(*e));
            }
            sum.default_limit_exceeded = sum.complex && sum.default_share() > Decimal::ratio(1, 5);
            if (sum.default_limit_exceeded)
                out.warnings.push_back(fmt::format("CN {} from {}: {}% of the embedded emissions of this complex good come from default values; "
                                                   "estimates may make up at most 20% for complex goods (IR 2023/1773 Art. 5)",
                                                   k.cn, k.origin, (sum.default_share() * Decimal(100)).to_fixed(1)));
            out.summary.push_back(sum);
            r.goods.push_back(std::move(ig));
        }
        out.missing = std::move(missing);
        for (auto& w : electricity_warnings) out.warnings.push_back(std::move(w));
        electricity_warnings.clear();
        return out;
    }

    std::optional<qreport::EmissionsEntry> default_entry(const GoodKey& k, const Decimal& qty, const GoodAcc& g, Diagnostics& diags,
                                                         std::vector<std::string>& warnings) {
        qreport::EmissionsEntry e;
        e.production_country = k.origin;
        e.produced = qty;
        const SourceLocation& line = g.installations.at("").first;
        const DefaultValue* dv = defaults.find(k.cn);
        if (!dv || k.cn == "27160000") {
            diags.add(line, fmt::format("CN {} from {}: no installation is named and no transitional default value is known for this CN code "
                                        "(cn_codes/transitional_default_values.csv): give the producing installation and its emissions data",
                                        k.cn, k.origin));
            return std::nullopt;
        }
        std::string row = fmt::format("CN {} ({} value), {}", dv->cn_prefix, dv->value_level, dv->where.to_string());
        if (!dv->has_split()) {
            diags.add(line, fmt::format("CN {} from {}: the transitional default value known for it ({}) gives only a total of {} tCO2e/t, and a "
                                        "report needs direct and indirect emissions separately: give the producing installation and its "
                                        "emissions data", k.cn, k.origin, row, dv->total->to_string()));
            return std::nullopt;
        }
        if (dv->confidence < Confidence::Medium && !allow_low_confidence) {
            diags.add(line, fmt::format("CN {} from {}: the transitional default value for it ({}: {} direct, {} indirect tCO2e/t) was transcribed "
                                        "with {} confidence ({}); give the producing installation and its emissions data, or allow such "
                                        "values explicitly with --allow-low-confidence-defaults",
                                        k.cn, k.origin, row, dv->direct->to_string(), dv->indirect->to_string(), to_string(dv->confidence),
                                        dv->note.empty() ? "see cn_codes/SOURCES.md" : dv->note));
            return std::nullopt;
        }
        if (dv->confidence < Confidence::Medium)
            warnings.push_back(fmt::format("CN {} from {}: reported on a transitional default value of {} confidence ({}: {} direct, {} indirect "
                                           "tCO2e/t): check it against the Commission's document before filing",
                                           k.cn, k.origin, to_string(dv->confidence), row, dv->direct->to_string(), dv->indirect->to_string()));
        e.direct.determination_type = "02";
        e.direct.methodology_type = "TOM03";
        e.direct.methodology_text = fmt::format("Default value published by the Commission for the transitional period: {}; value for CN {} "
                                                "({} level)", dv->legal_source, dv->cn_prefix, dv->value_level);
        e.direct.methodology_text = utf8_truncate(e.direct.methodology_text, 4000);
        e.direct.see = *dv->direct;
        qreport::IndirectEmissions ie;
        ie.determination_type = "02";
        ie.see = *dv->indirect;
        ie.electricity_source = "SOE03";
        e.indirect = ie;
        e.remarks.push_back(fmt::format("No emissions data from the producer: Commission default values for CN {} ({} direct, {} indirect tCO2e/t; "
                                        "transcription confidence {}).",
                                        dv->cn_prefix, dv->direct->to_string(), dv->indirect->to_string(), to_string(dv->confidence)));
        return e;
    }

    void note(const GoodKey& k, const SupplierEmissions& s, std::string section, std::string what) {
        missing.push_back({k.cn, k.origin, s.installation_id, std::move(section), std::move(what), s.where});
    }

    // The Installation and, when the supplier data holds it whole, its InstallationOperator.
    qreport::Installation installation(const GoodKey& k, const SupplierEmissions& s) {
        qreport::Installation in;
        in.id = s.installation_id.substr(0, 20);
        in.name = s.installation_name.empty() ? s.installation_id : s.installation_name;
        in.economic_activity = s.economic_activity;
        in.address = {s.country, s.subdivision, s.city.empty() ? "-" : s.city, s.street, s.street_additional, s.number, s.postcode, s.po_box};
        in.plot_parcel_number = s.plot_parcel_number;
        in.unlocode = s.unlocode;
        in.latitude = s.latitude;
        in.longitude = s.longitude;
        in.coordinates_type = s.coordinates_type;
        if (s.city.empty()) note(k, s, "Installation address", "city not given (column city): the report holds \"-\", the registry requires a city");
        if (s.unlocode.empty() && s.latitude.empty())
            note(k, s, "Installation address", "neither coordinates (columns latitude, longitude) nor a UN/LOCODE (column unlocode) is given");
        const PostalAddress& a = s.operator_address;
        std::vector<std::string> lacking;
        if (s.operator_id.empty()) lacking.push_back("operator_id");
        if (s.operator_name.empty()) lacking.push_back("operator (name)");
        if (a.country.empty()) lacking.push_back("operator_country");
        if (a.city.empty()) lacking.push_back("operator_city");
        if (s.operator_contacts.empty()) lacking.push_back("contact_name, contact_phone, contact_email");
        if (lacking.empty()) {
            in.operator_id = s.operator_id;
            in.operator_name = s.operator_name;
            in.operator_address = {a.country, a.subdivision, a.city, a.street, a.street_additional, a.number, a.postcode, a.po_box};
            for (const auto& c : s.operator_contacts) in.contacts.push_back({c.name, c.phone, c.email});
        } else if (lacking.size() == 5) {
            note(k, s, "Installation operator", "not given (columns operator_id, operator, operator_country, operator_city, contact_name, "
                                                "contact_phone, contact_email): the section stays empty");
        } else {
            note(k, s, "Installation operator", fmt::format("not written: the registry needs the operator's id, name, address (country, city) "
                                                            "and a contact, and the supplier data lacks {}",
                                                            join(lacking)));
        }
        return in;
    }

    // ProdMethodQualifyingParams: the method (given, or the only one of the good's category) and the
    // qualifying parameters of Annex IV section 2 of IR 2023/1773 the supplier gave.
    void production_method(const GoodKey& k, const SupplierEmissions& s, qreport::EmissionsEntry& e) {
        const ProductionMethods& pm = ProductionMethods::builtin();
        const auto& c = classify(k.cn);
        const AggregatedGood* good = c ? c->good : nullptr;
        std::string additional;
        for (const auto& q : s.qualifying_parameters) {
            const QualifyingParameterSpec* spec = good ? pm.parameter(q.name, good->name) : nullptr;
            if (!spec) continue;  // the reader refused it
            if (spec->parameter_id.empty()) additional += fmt::format("{}{}: {}", additional.empty() ? "" : "; ", spec->label, q.value);
            else e.direct_parameters.push_back({spec->parameter_id, q.value, spec->label});
        }
        e.steel_mill_number = s.steel_mill_number;
        e.method_additional_information = utf8_truncate(additional, 512);
        e.method_id = !s.method_id.empty() ? s.method_id : good ? pm.only_method_of(good->name) : std::string();
        bool has_details = !e.direct_parameters.empty() || !e.steel_mill_number.empty() || !additional.empty();
        if (!has_details && s.method_id.empty()) e.method_id.clear();  // nothing to say about the method
        if (has_details && e.method_id.empty()) {
            note(k, s, "Production method", fmt::format("the qualifying parameters are not written: the report needs the production method "
                                                        "(column method_id), and {} has several ({})",
                                                        good ? good->name : k.cn, good ? join(pm.methods_of(good->name)) : ""));
            e.direct_parameters.clear();
            e.steel_mill_number.clear();
            e.method_additional_information.clear();
        }
        if (!good) return;
        std::vector<std::string> absent;
        for (const auto* spec : pm.parameters_of(good->name)) {
            bool given = std::any_of(s.qualifying_parameters.begin(), s.qualifying_parameters.end(),
                                     [&](const QualifyingParameter& q) { return q.name == spec->parameter; });
            if (!given) absent.push_back(spec->parameter);
        }
        if (good->name == "Iron or steel products" && s.steel_mill_number.empty()) absent.push_back("steel_mill_number");
        if (!absent.empty())
            note(k, s, "Qualifying parameters", fmt::format("Annex IV section 2 of IR 2023/1773 asks, for {}, for parameters not given "
                                                            "(columns {})", good->name, join(absent)));
    }

    static std::string join(const std::vector<std::string>& v) {
        std::string out;
        for (const auto& x : v) out += (out.empty() ? "" : ", ") + x;
        return out;
    }

    std::optional<qreport::EmissionsEntry> supplier_entry(const GoodKey& k, const std::string& inst_id, const Decimal& qty, const GoodAcc& g,
                                                          Diagnostics& diags) {
        const SupplierEmissions& s = suppliers.at({inst_id, k.cn});
        const SourceLocation& line = g.installations.at(inst_id).first;
        qreport::EmissionsEntry e;
        e.production_country = s.country;
        if (s.country != k.origin)
            e.remarks.push_back(fmt::format("Country of production {} differs from the country of origin {}.", s.country, k.origin));
        e.installation = installation(k, s);
        if (s.installation_id.size() > 20)
            diags.add(s.where, fmt::format("installation_id \"{}\" is longer than the 20 characters the report allows", s.installation_id));
        e.produced = qty;
        production_method(k, s, e);
        std::string period = s.period_start.empty() ? std::string() : fmt::format(", installation data for {} to {}", s.period_start, s.period_end);
        if (k.cn == "27160000") {
            e.direct.determination_type_electricity = s.default_values ? "02" : "01";
            e.direct.methodology_type = "TOM01";
            e.direct.methodology_text = "Implementing Regulation (EU) 2023/1773 Annex III" + period;
            e.direct.emission_factor = s.see_direct;
            e.direct.electricity_imported = qty;
            e.direct.total_embedded_electricity = round_to(qty * s.see_direct, 7);
            if (!s.default_values) {
                // The factor is the installation's own: EmissionFactorSourceElectricity 01, the only
                // code seen in use (cn_codes/qreport_codes.csv, confidence low), with its source in words.
                e.direct.ef_source_electricity = "01";
                e.direct.ef_source_value = utf8_truncate(s.electricity_factor_source.empty()
                                                             ? fmt::format("Emission factor of the electricity produced by installation {}, "
                                                                           "communicated by its operator",
                                                                           s.installation_id)
                                                             : s.electricity_factor_source,
                                                         5000);
                e.direct.conditionality_fulfillment = s.conditionality_fulfillment;
                // Annex IV point 5(c) of Regulation (EU) 2023/956: actual values only from an
                // installation emitting at most 550 g CO2 of fossil origin per kWh (0.55 t/MWh).
                if (s.see_direct > Decimal::ratio(55, 100))
                    electricity_warnings.push_back(fmt::format(
                        "CN 27160000 from {}: installation {} communicates {} tCO2/MWh on actual data; Annex IV point 5(c) of Regulation (EU) "
                        "2023/956 allows actual values for imported electricity only up to 550 g CO2 of fossil origin per kWh (0.55 t/MWh): "
                        "unless part of its emissions is not of fossil origin, default values apply",
                        k.origin, s.installation_id, s.see_direct.to_string()));
                if (s.conditionality_fulfillment.empty())
                    note(k, s, "Electricity on actual data",
                         "how the conditions of Annex IV point 5 of Regulation (EU) 2023/956 are met (ConditionalityFulfillment; column "
                         "conditionality_fulfillment) is not given");
            }
            return e;
        }
        e.direct.determination_type = s.default_values ? "02" : "01";
        e.direct.methodology_type = "TOM01";
        e.direct.methodology_text = "Implementing Regulation (EU) 2023/1773 Annex III" + period;
        e.direct.see = s.see_direct;
        qreport::IndirectEmissions ie;
        ie.determination_type = s.default_values ? "02" : "01";
        ie.electricity_source = electricity_source_code(s.electricity_source);
        if (s.default_values) {
            ie.see = s.see_indirect;
        } else if (s.electricity_emission_factor && s.electricity_consumed) {
            // The registry computes indirect SEE as ElectricityConsumed x EmissionFactor (rule D10):
            // both are written with 5 decimals, and their exact product is the figure reported.
            Decimal ef = round_to(*s.electricity_emission_factor, kFactorDigits);
            Decimal ec = round_to(*s.electricity_consumed, kFactorDigits);
            ie.ef_source = "01";
            ie.emission_factor = ef;
            ie.electricity_consumed = ec;
            ie.see = ec * ef;
            ie.other_source_indication = s.electricity_factor_source.empty()
                                             ? fmt::format("Emission factor communicated by the operator of installation {}", s.installation_id)
                                             : s.electricity_factor_source;
            ie.ef_source_value = fmt::format("{} tCO2/MWh", ef.to_fixed(kFactorDigits));
        } else if (s.see_indirect.is_zero()) {
            ie.ef_source = "01";
            ie.emission_factor = Decimal(0);
            ie.electricity_consumed = Decimal(0);
            ie.see = 0;
            ie.other_source_indication = "No electricity consumed";
            ie.ef_source_value = "0 tCO2/MWh";
        } else {
            diags.add(line, fmt::format("installation {} (CN {}): actual indirect emissions need electricity_emission_factor and "
                                        "electricity_consumed in its emissions data ({}) for the report (registry rule D8)",
                                        inst_id, k.cn, s.where.to_string()));
            return std::nullopt;
        }
        e.indirect = ie;
        if (s.carbon_price_amount) {
            qreport::CarbonPriceDue cp;
            cp.instrument_type = s.carbon_price_instrument;
            cp.legal_act = s.carbon_price_legal_act;
            cp.amount = *s.carbon_price_amount;
            cp.currency = s.carbon_price_currency;
            cp.country = s.carbon_price_country;
            cp.quantity_covered = qty;
            cp.quantity_covered_free_allocation = 0;
            e.carbon_price = cp;
        }
        return e;
    }
};

QuarterBuilder::QuarterBuilder(Quarter q, ReportSettings settings, const SupplierData& suppliers, const TransitionalDefaults& defaults,
                               const CnRegistry& cn, const Countries& countries)
    : impl_(std::make_unique<Impl>(Impl{q, std::move(settings), suppliers, defaults, cn, countries, false, {}, {}, 0, 0, {}, {}})) {}
QuarterBuilder::~QuarterBuilder() = default;
void QuarterBuilder::allow_low_confidence_defaults(bool allow) { impl_->allow_low_confidence = allow; }
void QuarterBuilder::add(const CustomsLine& line, Diagnostics& diags) { impl_->add(line, diags); }
QuarterResult QuarterBuilder::finish(Diagnostics& diags) { return impl_->finish(diags); }

}  // namespace cbam
