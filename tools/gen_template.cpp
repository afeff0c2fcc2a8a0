// Fills a copy of the blank communication template as far as it goes, for tools/bench.sh: all 10
// processes (5 kilns making clinker, each feeding a cement mill), all 20 purchased precursors
// (clinker bought by the mills) and all 100 product rows of Summary_Products.
//   gen_template BLANK.xlsx OUT.xlsx
#include "core/decimal.h"
#include "io/xlsx.h"
#include "io/xlsx_edit.h"

#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

using namespace cbam;

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: gen_template BLANK.xlsx OUT.xlsx\n");
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    xlsx::Workbook wb = xlsx::Workbook::from_bytes(bytes, argv[1]);
    xlsx::WorkbookEditor ed(wb, bytes);
    auto cell = [](const char* col, int row) { return *xlsx::CellRef::parse(fmt::format("{}{}", col, row)); };
    auto num = [&](const char* sheet, const char* col, int row, const char* v) { ed.set_number(sheet, cell(col, row), Decimal::parse(v).value()); };
    auto txt = [&](const char* sheet, const char* col, int row, const std::string& v) { ed.set_text(sheet, cell(col, row), v); };

    ed.set_date("A_InstData", cell("I", 9), "2024-01-01");
    ed.set_date("A_InstData", cell("L", 9), "2024-12-31");
    txt("A_InstData", "I", 20, "Benchmark Cement Works");
    txt("A_InstData", "I", 26, "Taiwan");
    txt("A_InstData", "E", 62, "Cement clinker");
    txt("A_InstData", "E", 63, "Cement");
    for (int n = 0; n < 10; ++n) {
        const bool kiln = n % 2 == 0;
        txt("A_InstData", "E", 83 + n, kiln ? "Cement clinker" : "Cement");
        txt("A_InstData", "F", 83 + n, "Only direct production");
        txt("A_InstData", "L", 83 + n, fmt::format("{} {}", kiln ? "Kiln" : "Mill", n / 2 + 1));
        const int b = 65 * n;
        num("D_Processes", "L", 16 + b, kiln ? "1000" : "2000");
        num("D_Processes", "L", 27 + b, kiln ? "200" : "2000");
        if (kiln) num("D_Processes", "L", 32 + b + n, "800");  // to the next process, the n-th other than this one
        num("D_Processes", "L", 41 + b, "0");
        ed.set_bool("D_Processes", cell("K", 50 + b), false);
        ed.set_bool("D_Processes", cell("L", 50 + b), false);
        num("D_Processes", "L", 54 + b, kiln ? "900" : "10");
        for (const char* col : {"L", "M"}) {
            num("D_Processes", col, 57 + b, "0");
            num("D_Processes", col, 58 + b, "0");
            num("D_Processes", col, 61 + b, "0");
        }
        num("D_Processes", "L", 65 + b, "50");
        num("D_Processes", "L", 66 + b, "0.5");
        txt("D_Processes", "L", 67 + b, "D.4(a)");
        num("D_Processes", "L", 71 + b, "0");
    }
    for (int j = 0; j < 20; ++j) {
        txt("A_InstData", "E", 102 + j, "Cement clinker");
        txt("A_InstData", "F", 102 + j, "VN");
        txt("A_InstData", "L", 102 + j, fmt::format("Bought clinker {}", j + 1));
        const int b = 44 * j;
        const int mill = 2 * (j % 5) + 1;
        num("E_PurchPrec", "L", 17 + b, "10");
        num("E_PurchPrec", "L", 28 + b + mill, "10");
        num("E_PurchPrec", "L", 38 + b, "0");
        num("E_PurchPrec", "L", 49 + b, "0.9");
        txt("E_PurchPrec", "M", 49 + b, "Measured");
        num("E_PurchPrec", "L", 50 + b, "0.05");
        txt("E_PurchPrec", "M", 50 + b, "Measured");
        num("E_PurchPrec", "L", 51 + b, "0.6");
        txt("E_PurchPrec", "M", 51 + b, "D.4(b)");
    }
    for (int r = 0; r < 100; ++r) {
        const int n = r % 10;
        txt("Summary_Products", "D", 10 + r, fmt::format("{} {}", n % 2 == 0 ? "Kiln" : "Mill", n / 2 + 1));
        txt("Summary_Products", "F", 10 + r, n % 2 == 0 ? "25231000" : "25232900");
    }
    std::ofstream out(argv[2], std::ios::binary);
    out << ed.save();
    return out ? 0 : 1;
}
