// The derivation of a figure, printed as an indented tree an auditor can follow by hand:
// every input with its file, line and column, every formula with its legal source, every
// intermediate value (exact), and every assumption made.
#pragma once

#include "calc/embedded_emissions.h"
#include "calc/traced.h"

#include <string>
#include <vector>

namespace cbam {

std::string explain(const Traced& value, const std::string& title);
// The direct, indirect and total SEE of one good, one tree each.
std::string explain_good(const GoodResult& g, Scope scope);
// Every assumption in a derivation tree: the notes of its steps, and the defaults applied where an
// input was not given. Each once, in the order met.
std::vector<std::string> assumptions_in(const Traced& value);

}  // namespace cbam
