// JSON output through nlohmann::json, with every number written exactly as its decimal text.
//
// nlohmann::json holds numbers as binary floating point or 64-bit integers, and cbam's numbers are exact decimals
// that must appear as computed ("2.74610"), never through binary floating point. So a document's
// numbers are kept beside its tree: number() puts in the tree the number's index in that list (the
// only numbers the tree holds), and dump() writes the tree with nlohmann (two-space indent, keys in
// the order they were added) and puts back each number's text in place of its index.
//
//   JsonDocument doc;
//   JsonDocument::Json j = {{"id", inst.id}, {"see_direct", doc.number(format_see(x))}};
//   return doc.dump(j);
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace cbam {

class JsonDocument {
public:
    using Json = nlohmann::ordered_json;
    // A value that dump() writes as the JSON number `decimal_text` ("-12.5", "3", "0.00100").
    // Throws std::invalid_argument when the text is not a JSON number.
    Json number(std::string decimal_text);
    // The document, ended by a newline. Throws when a string is not UTF-8 (cbam's inputs are checked).
    std::string dump(const Json& root) const;

private:
    std::vector<std::string> numbers_;
};

}  // namespace cbam
