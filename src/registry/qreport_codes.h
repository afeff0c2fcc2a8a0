// The code lists of the quarterly CBAM report (QReport 23.00), as project data: which codes each
// coded element takes, what each means, and how far each is confirmed. The official lists (the
// Commission's "Report Structure ver 23.00.xlsx") are not public in a form we could read; these
// were compiled from secondary sources, each code with its own (cn_codes/SOURCES.md), and checked
// against the 23.00 schema's length facets. Loaded from cn_codes/qreport_code_lists.csv (one row
// per coded field) and cn_codes/qreport_codes.csv (one row per code).
#pragma once

#include "core/error.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cbam {

// How many independent secondary sources agree on a code and its meaning.
enum class CodeConfidence {
    High,    // two or more, same code and meaning
    Medium,  // two or more, but the meaning or the code's form is not confirmed
    Low,     // one source only
};
const char* to_string(CodeConfidence c);

// Whether our list for a field is believed whole: only then is a code outside it an error.
enum class CodeListStatus {
    Complete,  // every code the field takes is believed listed
    Partial,   // the field takes codes we do not know (a code outside the list is only a warning)
    Unknown,   // no code of the 23.00 list is known (nothing is checked)
};

struct QReportCode {
    std::string code, meaning;
    CodeConfidence confidence = CodeConfidence::Low;
    std::string sources;  // short names of the source families, see cn_codes/SOURCES.md
};

struct QReportCodeList {
    std::string field;     // "Declarant/Role", "MeasurementUnit (NetMass)" ...
    std::string xsd_type;  // the element's type in QReport_ver23.00.xsd / stypes.xsd
    CodeListStatus status = CodeListStatus::Complete;
    std::string elements;  // where the field occurs, in words
    std::string note;
    std::vector<QReportCode> codes;
};

// The measurement units of the QReport's measures (codes of MeasurementUnit beside NetMass or
// SupplementaryUnits), with what a quantity in them is in tonnes. Code 04 is the supplementary unit
// used for hydrogen (CN 2804 10 00, whose CN supplementary unit is m3); its meaning is inferred
// from one sample, so it is named by its code.
struct MeasurementUnit {
    const char* code;
    bool mass;            // a net mass (01 t, 02 kg); otherwise supplementary units
    int per_tonne;        // mass only: how many of the unit make a tonne (1, 1000); 0 otherwise
    const char* symbol;   // for messages and listings: "t", "kg", "MWh", "unit 04"
};
// nullptr for a code that is not a measurement unit of the list.
const MeasurementUnit* measurement_unit(std::string_view code);

class QReportCodes {
public:
    // Reads qreport_code_lists.csv and qreport_codes.csv from `dir`; throws InputError.
    static QReportCodes load(const std::string& dir);
    // $CBAM_DATA_DIR/cn_codes, or the build's default.
    static const QReportCodes& builtin();

    const QReportCodeList* list(std::string_view field) const;
    const QReportCode* find(std::string_view field, std::string_view code) const;
    bool has(std::string_view field, std::string_view code) const { return find(field, code) != nullptr; }
    // "01, 02, 03" for messages.
    std::string codes(std::string_view field) const;
    const std::vector<QReportCodeList>& lists() const { return lists_; }

private:
    std::vector<QReportCodeList> lists_;
};

}  // namespace cbam
