#include "importers/template_cells.h"

#include <fmt/format.h>

#include <cctype>

namespace cbam {

namespace {

std::string shown(const xlsx::Cell& c) {
    std::string v = c.value.size() > 60 ? c.value.substr(0, 57) + "..." : c.value;
    switch (c.type) {
        case xlsx::CellType::Text: return fmt::format("the text \"{}\"", v);
        case xlsx::CellType::Boolean: return c.value == "1" ? "TRUE" : "FALSE";
        case xlsx::CellType::Error: return fmt::format("the error value {}", v);
        case xlsx::CellType::Number: return c.number() ? fmt::format("the number {}", c.number()->to_string()) : fmt::format("a malformed number \"{}\"", v);
        case xlsx::CellType::Empty: return "nothing";
    }
    return v;
}

std::string formula_found(const xlsx::Cell& c) {
    return fmt::format("found a formula{}{}: cbam reads the values typed into input cells and does not recalculate formulas; type the "
                       "value itself",
                       c.formula_text.empty() ? "" : " (=" + (c.formula_text.size() > 60 ? c.formula_text.substr(0, 57) + "..." : c.formula_text) + ")",
                       c.type == xlsx::CellType::Empty ? "" : fmt::format(" whose last result was {}", shown(c)));
}

// LibreOffice saves TRUE or FALSE typed into a cell as the formula TRUE() or FALSE() with its
// boolean result: that is a value typed in, not a calculation.
bool typed_boolean(const xlsx::Cell& c) {
    if (c.type != xlsx::CellType::Boolean) return false;
    std::string f;
    for (char ch : c.formula_text)
        if (ch != ' ') f += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return f == "TRUE()" || f == "FALSE()";
}

}  // namespace

Unit template_unit(std::string_view map_unit, bool electricity) {
    std::string u(map_unit);
    const std::string good = electricity ? "MWh" : "t";
    if (u == "good") u = good;
    else if (auto slash = u.find("/good"); slash != std::string::npos) u = u.substr(0, slash) + "/" + good;
    if (u.empty() || u == "1") return units::one();
    auto parsed = Unit::parse(u);
    return parsed ? *parsed : units::one();
}

SourceLocation TemplateCells::at(std::string_view field, int block, int item) const {
    const TemplateField& f = map_.field(field);
    return wb_.at(f.sheet, f.cell(block, item), std::string(field));
}

const xlsx::Cell* TemplateCells::cell(std::string_view field, int block, int item) const {
    const TemplateField& f = map_.field(field);
    return wb_.sheet(f.sheet).at(f.cell(block, item));
}

bool TemplateCells::blank(std::string_view field, int block, int item) const {
    const xlsx::Cell* c = cell(field, block, item);
    return !c || (c->blank() && !c->formula);
}

std::string TemplateCells::block_label(std::string_view field, int block) const {
    if (map_.field(field).count <= 1) return {};
    if (field.rfind("process.", 0) == 0) return fmt::format("P{}", block + 1);
    if (field.rfind("purchased.", 0) == 0) return fmt::format("PP{}", block + 1);
    if (field.rfind("good.", 0) == 0) return fmt::format("G{}", block + 1);
    return fmt::format("product row {}", block + 1);
}

void TemplateCells::error(std::string_view field, int block, int item, const std::string& message) const {
    std::string label = block_label(field, block);
    diags_.add(at(field, block, item), label.empty() ? message : label + ": " + message);
}

bool TemplateCells::typed_in(std::string_view field, int block, int item, const xlsx::Cell*& c) const {
    c = cell(field, block, item);
    if (!c) return false;
    if (c->formula && !typed_boolean(*c)) {
        error(field, block, item, "expected a value typed in, " + formula_found(*c));
        return false;
    }
    return !c->blank();
}

std::optional<Input> TemplateCells::number(std::string_view field, int block, int item, const Unit& unit, bool required) const {
    const xlsx::Cell* c = nullptr;
    if (!typed_in(field, block, item, c)) {
        if (required && (!c || !c->formula))
            error(field, block, item, fmt::format("expected a number ({}), found an empty cell: the template requires it", unit.symbol().empty() ? "a plain number" : unit.symbol()));
        return std::nullopt;
    }
    auto v = c->number();
    if (!v) {
        std::string hint = c->type == xlsx::CellType::Text ? " (a number stored as text: type it as a number, with the decimal separator of your spreadsheet)" : "";
        error(field, block, item, fmt::format("expected a number, found {}{}", shown(*c), hint));
        return std::nullopt;
    }
    if (v->sign() < 0) {
        error(field, block, item, fmt::format("expected a number of 0 or more, found {}", v->to_string()));
        return std::nullopt;
    }
    return Input{Quantity(*v, unit), at(field, block, item)};
}

std::optional<std::string> TemplateCells::text(std::string_view field, int block, int item, bool required) const {
    const xlsx::Cell* c = nullptr;
    if (!typed_in(field, block, item, c)) {
        if (required && (!c || !c->formula)) error(field, block, item, "expected a value, found an empty cell: the template requires it");
        return std::nullopt;
    }
    if (c->type == xlsx::CellType::Error) {
        error(field, block, item, fmt::format("expected a text, found {}", shown(*c)));
        return std::nullopt;
    }
    if (c->type == xlsx::CellType::Number) return c->number() ? c->number()->to_string() : c->value;
    if (c->type == xlsx::CellType::Boolean) return c->value == "1" ? "TRUE" : "FALSE";
    return c->value;
}

std::optional<std::string> TemplateCells::date(std::string_view field, int block, int item, bool required) const {
    const xlsx::Cell* c = nullptr;
    if (!typed_in(field, block, item, c)) {
        if (required && (!c || !c->formula)) error(field, block, item, "expected a date, found an empty cell: the template requires it");
        return std::nullopt;
    }
    auto d = xlsx::iso_date(*c, wb_.date1904());
    if (!d) error(field, block, item, fmt::format("expected a date, found {}", shown(*c)));
    return d;
}

std::optional<bool> TemplateCells::boolean(std::string_view field, int block, int item) const {
    const xlsx::Cell* c = nullptr;
    if (!typed_in(field, block, item, c)) return std::nullopt;
    if (c->type == xlsx::CellType::Boolean) return c->value == "1";
    if (c->type == xlsx::CellType::Text && (c->value == "TRUE" || c->value == "FALSE")) return c->value == "TRUE";
    error(field, block, item, fmt::format("expected TRUE or FALSE, found {}", shown(*c)));
    return std::nullopt;
}

const TemplateListItem* TemplateCells::code(std::string_view field, int block, int item, std::string_view of, bool required) const {
    const TemplateField& f = map_.field(field);
    auto v = text(field, block, item, required);
    if (!v) return nullptr;
    if (const TemplateListItem* found = map_.lookup(f.list, *v, of)) return found;
    auto items = map_.list(f.list, of);
    std::string allowed;
    std::size_t shown_items = 0;
    for (const TemplateListItem* i : items) {
        if (++shown_items > 12) {
            allowed += fmt::format(" ... ({} in all)", items.size());
            break;
        }
        allowed += (allowed.empty() ? "\"" : ", \"") + (f.list == "country_code" ? i->code : i->value) + "\"";
    }
    std::string whose = of.empty() ? "" : fmt::format(" for \"{}\"", of);
    error(field, block, item,
          items.empty() ? fmt::format("found \"{}\", but the template's list \"{}\" has no values{}", *v, f.list, whose)
                        : fmt::format("expected a value of the template's list \"{}\"{} ({}), found \"{}\"", f.list, whose, allowed, *v));
    return nullptr;
}

std::optional<Decimal> TemplateCells::cached_number(std::string_view field, int block, int item) const {
    const xlsx::Cell* c = cell(field, block, item);
    if (!c || c->blank()) return std::nullopt;
    if (auto v = c->number()) return v;
    error(field, block, item, fmt::format("expected a number computed by the template, found {}", shown(*c)));
    return std::nullopt;
}

std::optional<std::string> TemplateCells::cached_text(std::string_view field, int block, int item) const {
    const xlsx::Cell* c = cell(field, block, item);
    if (!c || c->blank()) return std::nullopt;
    if (c->type == xlsx::CellType::Error) {
        error(field, block, item, fmt::format("expected a value computed by the template, found {}", shown(*c)));
        return std::nullopt;
    }
    if (c->type == xlsx::CellType::Number) return c->number() ? c->number()->to_string() : c->value;
    if (c->type == xlsx::CellType::Boolean) return c->value == "1" ? "TRUE" : "FALSE";
    return c->value;
}

}  // namespace cbam
