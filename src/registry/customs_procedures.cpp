#include "registry/customs_procedures.h"

#include <array>

namespace cbam {

namespace {
constexpr std::array<CustomsProcedure, 25> kProcedures{{
    {"01", true, "release for free circulation (with simultaneous re-dispatch)", ""},
    {"07", true, "release for free circulation with simultaneous placing under a warehousing procedure other than customs warehousing", ""},
    {"40", true, "release for free circulation and home use", ""},
    {"42", true, "release for free circulation and home use, VAT-exempt supply to another Member State", ""},
    {"43", true, "release for free circulation and home use under specific measures", ""},
    {"44", true, "end use", ""},
    {"45", true, "release for free circulation and partial home use", ""},
    {"46", true, "import of processed products from equivalent goods under outward processing", ""},
    {"48", true, "entry for home use of replacement products under outward processing", ""},
    {"51", false, "inward processing", "reported when released for free circulation, with previous procedure 51"},
    {"53", false, "temporary admission", "not released for free circulation"},
    {"54", false, "inward processing in another Member State", "reported when released for free circulation, with previous procedure 54"},
    {"61", false, "re-importation with release for free circulation", "returned goods, not reported"},
    {"63", false, "re-importation with release for free circulation, VAT-exempt supply", "returned goods, not reported"},
    {"68", false, "re-importation with partial home use", "returned goods, not reported"},
    {"71", false, "customs warehousing", "reported in the quarter the goods are released for free circulation"},
    {"76", false, "customs warehousing (processed products)", "reported in the quarter the goods are released for free circulation"},
    {"77", false, "customs warehousing (goods from outward processing)", "reported in the quarter the goods are released for free circulation"},
    {"78", false, "free zone", "reported in the quarter the goods are released for free circulation"},
    {"10", false, "permanent export", "an export, not an import"},
    {"11", false, "export of compensating products", "an export, not an import"},
    {"21", false, "temporary export under outward processing", "an export, not an import"},
    {"22", false, "temporary export", "an export, not an import"},
    {"23", false, "temporary export for return", "an export, not an import"},
    {"31", false, "re-export", "an export, not an import"},
}};
}  // namespace

// The procedures by their two digits, for the lookup of every customs line: 0 = none, else index + 1.
constexpr std::array<unsigned char, 100> kByDigits = [] {
    std::array<unsigned char, 100> t{};
    for (std::size_t i = 0; i < kProcedures.size(); ++i)
        t[static_cast<std::size_t>((kProcedures[i].code[0] - '0') * 10 + (kProcedures[i].code[1] - '0'))] = static_cast<unsigned char>(i + 1);
    return t;
}();

const CustomsProcedure* customs_procedure(std::string_view code) {
    if (code.size() != 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9') return nullptr;
    unsigned char i = kByDigits[static_cast<std::size_t>((code[0] - '0') * 10 + (code[1] - '0'))];
    return i ? &kProcedures[i - 1] : nullptr;
}

}  // namespace cbam
