// Compares a filed QReport with the one recomputed from the inputs, figure by figure.
#pragma once

#include "model/qreport.h"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace cbam {

struct FigureDifference {
    std::string where;      // "CN 73181590 from TW, installation TW-KHH-FAST-001"
    std::string field;      // "DirectEmissions/SpecificEmbeddedEmissions"
    std::string filed, recomputed;  // as written; "(absent)" when one side has none
    std::string derivation;         // how the recomputed figure was obtained
    std::size_t line = 0;           // in the filed report: the element holding the figure (or, absent, its parent); 0 unknown
};

// `provenance` as in QuarterResult (keys "CN|origin|installation"). Numbers are compared as values
// ("2.7461000" equals "2.7461"); goods are matched by CN code, origin and importer, emissions
// entries by installation (or, without one, by country of production).
std::vector<FigureDifference> compare_reports(const qreport::Report& filed, const qreport::Report& recomputed,
                                              const std::map<std::string, std::string>& provenance);

}  // namespace cbam
