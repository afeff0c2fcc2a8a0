// A small streaming JSON writer. Numbers are written from their exact decimal text, never
// through a binary floating-point type, so what is written is exactly what was computed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cbam {

class JsonWriter {
public:
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view k);
    JsonWriter& string(std::string_view v);
    JsonWriter& number(std::string_view decimal_text);  // already-formatted decimal
    JsonWriter& boolean(bool v);
    JsonWriter& null();
    std::string str() const { return out_ + "\n"; }

private:
    void before_value();
    void newline();
    std::string out_;
    std::vector<bool> first_;  // per open container: no element yet
    bool after_key_ = false;
};

std::string json_escape(std::string_view s);

}  // namespace cbam
