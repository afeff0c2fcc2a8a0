// Streams customs import lines (docs/customs-lines.md): each valid line is handed to `on_line`
// as it is read, so millions of lines never sit in memory. Problems are added to `diags`.
#pragma once

#include "io/csv_reader.h"
#include "model/customs_line.h"
#include "registry/countries.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace cbam {

// How the lines are read. All three hand `on_line` the same lines, and `diags` the same findings,
// in the same order, and call both on the calling thread:
//   General   every line by the general reading, which checks each cell and says what is wrong;
//   Quick     the common line (docs/customs-lines.md as written there) by a quicker route that
//             builds the same CustomsLine, every other line by the general reading;
//   Parallel  Quick, with the file read on a second thread while `on_line` runs on this one.
enum class CustomsReading { General, Quick, Parallel };
// Parallel where the machine has two cores or more, else Quick; the environment variable
// CBAM_CUSTOMS_READING (general, quick or parallel) chooses, to compare the readings' outputs.
CustomsReading default_customs_reading();

// `also_on_reading_thread`, when given, sees each line just before `on_line`, in the same order,
// but on the thread that reads the file: work that needs the line alone (such as looking for a
// repeated declaration and item) is done there, beside on_line's.
void read_customs_lines(const std::string& path, Diagnostics& diags, const std::function<void(const CustomsLine&)>& on_line,
                        const Countries& countries = Countries::builtin(), const CsvDialect& dialect = {},
                        CustomsReading reading = default_customs_reading(),
                        const std::function<void(const CustomsLine&)>& also_on_reading_thread = {});

}  // namespace cbam
