#include "calc/precursor_graph.h"

#include <algorithm>
#include <limits>

namespace cbam {

std::vector<std::vector<std::size_t>> components_dependencies_first(const std::vector<std::vector<std::size_t>>& uses) {
    constexpr std::size_t unvisited = std::numeric_limits<std::size_t>::max();
    const std::size_t n = uses.size();
    std::vector<std::size_t> index(n, unvisited), low(n, 0);
    std::vector<bool> on_stack(n, false);
    std::vector<std::size_t> stack;
    std::vector<std::vector<std::size_t>> out;
    std::size_t next = 0;

    struct Frame {
        std::size_t node, edge;
    };
    for (std::size_t root = 0; root < n; ++root) {
        if (index[root] != unvisited) continue;
        std::vector<Frame> frames{{root, 0}};
        index[root] = low[root] = next++;
        stack.push_back(root);
        on_stack[root] = true;
        while (!frames.empty()) {
            Frame& f = frames.back();
            const std::size_t v = f.node;
            if (f.edge < uses[v].size()) {
                const std::size_t w = uses[v][f.edge++];
                if (index[w] == unvisited) {
                    index[w] = low[w] = next++;
                    stack.push_back(w);
                    on_stack[w] = true;
                    frames.push_back({w, 0});
                } else if (on_stack[w]) {
                    low[v] = std::min(low[v], index[w]);
                }
                continue;
            }
            if (low[v] == index[v]) {  // v is the root of a component: everything above it on the stack
                std::vector<std::size_t> comp;
                std::size_t w;
                do {
                    w = stack.back();
                    stack.pop_back();
                    on_stack[w] = false;
                    comp.push_back(w);
                } while (w != v);
                std::sort(comp.begin(), comp.end());
                out.push_back(std::move(comp));
            }
            frames.pop_back();
            if (!frames.empty()) low[frames.back().node] = std::min(low[frames.back().node], low[v]);
        }
    }
    return out;
}

}  // namespace cbam
