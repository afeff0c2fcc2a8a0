// ISO 4217 currency codes, from Debian's iso-codes like the countries (cn_codes/currencies.csv,
// without the codes of precious metals, bond units and testing): the currencies a carbon price
// paid abroad may be stated in.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cbam {

class Currencies {
public:
    static Currencies load(const std::string& csv_path);  // throws InputError
    static const Currencies& builtin();
    bool known(std::string_view code) const;  // exact, upper-case code

private:
    std::vector<std::string> codes_;  // sorted
};

}  // namespace cbam
