// Customs procedure codes (Union Customs Code, Delegated Regulation (EU) 2015/2446 Annex B, data
// element 1/10) and whether goods declared under them are reported in a CBAM quarterly report.
// CBAM obligations arise on release for free circulation, including after inward processing; goods
// placed under a special procedure (customs warehousing, inward processing, temporary admission,
// free zone) are reported only once released for free circulation (Regulation (EU) 2023/956
// Art. 2; Implementing Regulation (EU) 2023/1773 Art. 6).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cbam {

struct CustomsProcedure {
    const char* code;
    bool reportable;         // a requested procedure under which the goods are reported
    const char* meaning;
    const char* not_reported_because;  // when not reportable
};

const CustomsProcedure* customs_procedure(std::string_view code);
// Previous procedures meaning "inward processing" (the report then carries InwardProcessingInfo).
inline bool is_inward_processing(std::string_view previous) { return previous == "51" || previous == "54"; }

}  // namespace cbam
