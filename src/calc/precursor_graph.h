// The order in which an installation's processes can be computed: a process needs the SEE of the
// processes whose goods it consumes. Processes that feed each other, directly or round a chain
// (a precursor loop), form one strongly connected component and are solved together as a linear
// system (docs/calculation.md §3).
#pragma once

#include <cstddef>
#include <vector>

namespace cbam {

// `uses[i]` lists the processes whose goods process i consumes (indices into the same vector).
// Returns the strongly connected components, each sorted ascending, every component after all
// components it uses (Tarjan's algorithm, iterative, so a long chain cannot exhaust the stack).
// The order depends on nothing but `uses`.
std::vector<std::vector<std::size_t>> components_dependencies_first(const std::vector<std::vector<std::size_t>>& uses);

}  // namespace cbam
