// A value read from an input file: the amount with its unit, and where it was read.
#pragma once

#include "core/error.h"
#include "core/quantity.h"

namespace cbam {

struct Input {
    Quantity q;
    SourceLocation where;
};

}  // namespace cbam
