// A quarter's embedded emissions added up three ways, for the people who must explain them: by CN
// code, by country of origin and by producing installation (the entries on default values
// together), with the part resting on default values; and the customs lines not reported, counted
// by reason. Exact sums of the report's emissions entries (QuarterResult::entries).
#pragma once

#include "calc/quarter.h"

#include <string>
#include <vector>

namespace cbam {

struct TotalsRow {
    std::string group;  // cn_code, origin, installation or all
    std::string key;    // the CN code, country or installation id ("" for default values, and for all)
    std::string name;   // the installation's name
    Decimal direct, indirect, from_default_values;  // tCO2e
    std::vector<std::string> entries;               // the provenance keys ("CN|origin|installation") summed
    Decimal total() const { return direct + indirect; }
    Decimal default_share() const;  // 0..1
};

struct ReasonCount {
    std::string reason_code;
    std::size_t lines = 0;
};

struct QuarterTotals {
    std::vector<TotalsRow> rows;  // by CN code, then by origin, then by installation (largest total first), then all
    std::vector<ReasonCount> skipped_by_reason;  // reason codes in alphabetical order
};

QuarterTotals quarter_totals(const QuarterResult& r);

}  // namespace cbam
