// Emissions of an installation's emission sources, in tCO2e: calculation-based source streams
// (combustion, process, mass balance), measured emissions (CEMS, N2O via its GWP), and the
// perfluorocarbons of primary aluminium.
#pragma once

#include "calc/traced.h"
#include "model/measured_emission.h"
#include "model/pfc_emission.h"
#include "model/source_stream.h"

namespace cbam {

Traced source_stream_emissions(const SourceStream& s);
Traced measured_emissions(const MeasuredEmission& m);
Traced pfc_emissions(const PfcEmission& p);

}  // namespace cbam
