// The summary written next to a quarterly report: per CN code and origin, the quantity, embedded
// emissions direct / indirect / total and the share from default values; and the customs lines
// that were not reported, with the reason; the totals by CN code, origin and installation.
// Emissions are rounded to 3 decimals (tCO2e) here.
#pragma once

#include "calc/quarter.h"
#include "calc/quarter_totals.h"

#include <functional>
#include <string>
#include <string_view>

namespace cbam {

std::string summary_to_csv(const QuarterResult& r);
std::string skipped_to_csv(const QuarterResult& r);
// The same text, handed to `out` a piece (about a megabyte) at a time, for a file of a hundred
// thousand lines or more that is not held whole in memory.
void skipped_to_csv(const QuarterResult& r, const std::function<void(std::string_view)>& out);
// group (cn_code, origin, installation, all), key, and the embedded emissions of the group.
std::string totals_to_csv(const QuarterTotals& t);
std::string summary_to_table(const QuarterResult& r);  // ends with missing_to_text()
// What the registry asks for that the inputs do not hold, one line per emissions entry and
// section of the registry's form, naming the supplier row; "" when nothing is missing.
std::string missing_to_text(const QuarterResult& r);

}  // namespace cbam
