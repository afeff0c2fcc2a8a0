#include "core/linear_system.h"

#include <stdexcept>
#include <utility>

namespace cbam {

std::optional<DecimalMatrix> solve_exact(DecimalMatrix m, DecimalMatrix b) {
    const std::size_t n = m.size();
    if (b.size() != n) throw std::invalid_argument("solve_exact: B must have as many rows as M");
    const std::size_t k = n == 0 ? 0 : b.front().size();
    for (std::size_t r = 0; r < n; ++r) {
        if (m[r].size() != n) throw std::invalid_argument("solve_exact: M must be square");
        if (b[r].size() != k) throw std::invalid_argument("solve_exact: every row of B must have the same length");
    }
    for (std::size_t col = 0; col < n; ++col) {
        std::size_t pivot = col;
        while (pivot < n && m[pivot][col].is_zero()) ++pivot;
        if (pivot == n) return std::nullopt;  // no pivot in this column: singular
        std::swap(m[pivot], m[col]);
        std::swap(b[pivot], b[col]);
        const Decimal inv = Decimal(1) / m[col][col];
        for (std::size_t c = col; c < n; ++c) m[col][c] *= inv;
        for (std::size_t c = 0; c < k; ++c) b[col][c] *= inv;
        for (std::size_t r = 0; r < n; ++r) {
            if (r == col || m[r][col].is_zero()) continue;
            const Decimal f = m[r][col];
            for (std::size_t c = col; c < n; ++c) m[r][c] -= f * m[col][c];
            for (std::size_t c = 0; c < k; ++c) b[r][c] -= f * b[col][c];
        }
    }
    return b;
}

}  // namespace cbam
