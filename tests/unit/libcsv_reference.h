// The reference the CSV tests compare with: libcsv itself, fed a whole text at once (strict, as
// read_csv uses it), its empty records dropped as read_csv drops them.
#pragma once

#include <catch2/catch.hpp>
#include <csv.h>

#include <string>
#include <vector>

namespace cbam::test {

inline std::vector<std::vector<std::string>> libcsv_records(const std::string& text, char delimiter) {
    struct State {
        std::vector<std::string> fields;
        std::vector<std::vector<std::string>> records;
    } st;
    csv_parser p;
    REQUIRE(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) == 0);
    csv_set_delim(&p, static_cast<unsigned char>(delimiter));
    auto field = [](void* s, std::size_t len, void* data) { static_cast<State*>(data)->fields.emplace_back(static_cast<const char*>(s), len); };
    auto row = [](int, void* data) {
        auto* st = static_cast<State*>(data);
        if (!st->fields.empty()) st->records.push_back(st->fields);
        st->fields.clear();
    };
    REQUIRE(csv_parse(&p, text.data(), text.size(), field, row, &st) == text.size());
    REQUIRE(csv_fini(&p, field, row, &st) == 0);
    csv_free(&p);
    return st.records;
}

}  // namespace cbam::test
