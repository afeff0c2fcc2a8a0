// Exact solution of a square linear system over Decimal (rational arithmetic), for the precursor
// loops of an installation (processes that feed each other: docs/calculation.md).
#pragma once

#include "core/decimal.h"

#include <optional>
#include <vector>

namespace cbam {

using DecimalMatrix = std::vector<std::vector<Decimal>>;  // row-major: m[row][column]

// Solves M · X = B for X, where M is n × n and B is n × k (k right-hand sides as columns), by
// Gauss-Jordan elimination. Every step is exact, so the result does not depend on the choice of
// pivots: the first non-zero entry of each column is taken. Returns nullopt when M is singular.
// Throws std::invalid_argument when the shapes do not fit.
std::optional<DecimalMatrix> solve_exact(DecimalMatrix m, DecimalMatrix b);

}  // namespace cbam
