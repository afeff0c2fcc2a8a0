// What an installation is, as read from its data directory (docs/installation-data.md).
// Plain data: the readers fill it, the calculator reads it.
#pragma once

#include "model/electricity_flow.h"
#include "model/heat_flow.h"
#include "model/measured_emission.h"
#include "model/pfc_emission.h"
#include "model/precursor_input.h"
#include "model/production_process.h"
#include "model/source_stream.h"
#include "model/supplier.h"
#include "model/waste_gas_flow.h"

#include <string>
#include <vector>

namespace cbam {

struct Installation {
    std::string directory;
    std::string id, name, country, operator_name, city;
    // Further identification, as the communication template gives it (all optional)
    std::string name_local, street, post_code, po_box, economic_activity, unlocode, latitude, longitude;
    std::string representative, email, telephone;
    std::string period_start, period_end;  // YYYY-MM-DD
    SourceLocation where;

    std::vector<ProductionProcess> processes;
    std::vector<SourceStream> source_streams;
    std::vector<MeasuredEmission> measurements;
    std::vector<PfcEmission> pfc;
    std::vector<HeatFlow> heat;
    std::vector<WasteGasFlow> waste_gases;
    std::vector<ElectricityFlow> electricity;
    std::vector<PrecursorInput> precursors;
    std::vector<Supplier> suppliers;

    const ProductionProcess* process(const std::string& id) const {
        for (const auto& p : processes)
            if (p.id == id) return &p;
        return nullptr;
    }
};

}  // namespace cbam
