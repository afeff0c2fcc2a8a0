// Filled copies of the Commission's blank communication template, for the tests of reading it:
// cells set by reference through io/xlsx_edit.h, plus what that editor rightly refuses to write
// (a formula in an input cell) for the tests of bad input. The blank is official_template().
#pragma once

#include <string>
#include <vector>

namespace cbam::test {

struct TemplateCell {
    std::string ref;    // "D_Processes!L54"
    std::string value;  // a number ("850.5"), a date ("2024-01-01"), TRUE/FALSE, or text
    enum Kind { Number, Text, Date, Bool } kind = Number;
};
inline TemplateCell num(std::string ref, std::string v) { return {std::move(ref), std::move(v), TemplateCell::Number}; }
inline TemplateCell txt(std::string ref, std::string v) { return {std::move(ref), std::move(v), TemplateCell::Text}; }
inline TemplateCell date(std::string ref, std::string v) { return {std::move(ref), std::move(v), TemplateCell::Date}; }

// The blank template with `cells` set, as xlsx bytes ("" when the blank is not available).
std::string filled_template(const std::vector<TemplateCell>& cells);

// `xlsx` with the cell at `ref` (which the sheet must store, e.g. a styled input cell) replaced by
// a formula with a cached result.
std::string with_formula(const std::string& xlsx, const std::string& ref, const std::string& formula, const std::string& cached);

// `xlsx` with the formula cell at `ref` holding `value` as its cached result, as Excel or LibreOffice
// would have saved it: a number ("0.78"), an error value ("#N/A", error = true) or, with
// text = true, a string.
std::string with_cached(const std::string& xlsx, const std::string& ref, const std::string& value, bool error = false, bool text = false);

// A small cement installation, derived by hand in tests/e2e/template_reader_test.cpp: a kiln
// (clinker, P1) feeding a mill (cement, P2) that also buys clinker (PP1).
std::vector<TemplateCell> clinker_and_cement();

// That example, filled, with `changes` applied: a cell of the same reference replaced, else added;
// an empty value of a Text cell removes it.
std::string example_with(const std::vector<TemplateCell>& changes);

}  // namespace cbam::test
