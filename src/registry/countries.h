// Countries and territories (ISO 3166-1 alpha-2, from Debian's iso-codes, plus the customs codes
// XC Ceuta, XL Melilla, XK Kosovo), with their CBAM status: a Member State of the EU, an origin
// exempt under Annex III of Regulation (EU) 2023/956 (Iceland, Liechtenstein, Norway,
// Switzerland, Ceuta, Melilla), or a third country. Loaded from cn_codes/countries.csv.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cbam {

enum class CbamOrigin { Eu, Exempt, Third };

struct Country {
    std::string code;
    std::string name;
    CbamOrigin status = CbamOrigin::Third;
};

class Countries {
public:
    static Countries load(const std::string& csv_path);  // throws InputError
    static const Countries& builtin();
    const Country* find(std::string_view code) const;  // exact, upper-case code

private:
    std::vector<Country> list_;
    // The country of each code of two capital letters, by (first - 'A') * 26 + (second - 'A'):
    // the lookup of every customs line's origin. 0 = none, else index + 1 in list_.
    std::array<std::uint16_t, 26 * 26> by_letters_{};
};

}  // namespace cbam
