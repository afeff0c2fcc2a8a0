// writers/json_document.h: JSON through nlohmann::json, numbers exactly as their decimal text.
// The expected texts are written by hand from RFC 8259 and the layout cbam has always written
// (two-space indent, "key": value, keys in the order added, empty containers as [] and {}).
#include "writers/json_document.h"

#include <catch2/catch.hpp>

#include <stdexcept>

using namespace cbam;
using Json = JsonDocument::Json;

TEST_CASE("JsonDocument: numbers keep their exact digits, strings are escaped, keys keep their order", "[unit][json]") {
    JsonDocument doc;
    Json j = {{"text", "a \"quoted\" \\ text\nwith 12 digits and a tab\t"},
              {"see", doc.number("2.74610")},
              {"negative", doc.number("-0.5")},
              {"big", doc.number("123456789012345678901234567890.000000000000000000001")},
              {"list", {doc.number("0"), "7", true, nullptr}},
              {"control", std::string("\x01") + "3"},
              {"empty_list", Json::array()},
              {"empty_object", Json::object()},
              {"nested", {{"zeta", doc.number("10")}, {"alpha", "\xE5\x8F\xB0\xE7\x81\xA3"}}}};
    CHECK(doc.dump(j) == R"({
  "text": "a \"quoted\" \\ text\nwith 12 digits and a tab\t",
  "see": 2.74610,
  "negative": -0.5,
  "big": 123456789012345678901234567890.000000000000000000001,
  "list": [
    0,
    "7",
    true,
    null
  ],
  "control": "\u00013",
  "empty_list": [],
  "empty_object": {},
  "nested": {
    "zeta": 10,
    "alpha": "台灣"
  }
}
)");
}

TEST_CASE("JsonDocument: a text that is not a JSON number is refused, not written", "[unit][json]") {
    JsonDocument doc;
    for (const char* bad : {"", "-", "1.", ".5", "01", "1e5", "≈0.333", "1,5", "+1", "NaN"}) {
        INFO(bad);
        CHECK_THROWS_AS(doc.number(bad), std::invalid_argument);
    }
}
