#pragma once

// Reading the fields of exchange messages with nlohmann_json (private to models/streams): numbers
// that may come as JSON numbers or as decimal text, strings, millisecond times.
#include <QString>

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace Liq::StreamJson {

using Json = nlohmann::json;

// Parses without exceptions; a discarded value when the text is not one JSON document.
Json parse(std::string_view text);

// A finite number given as a JSON number or as decimal text ("26142.12"); nullopt otherwise
// (missing, "", "NaN", "1e400", "0x10", an object...).
std::optional<double> number(const Json &object, const char *key);
// An integer (milliseconds) given as a JSON integer or as decimal digits ("1680173247614").
std::optional<qint64> integer(const Json &object, const char *key);
// A string field; nullopt when missing or not a string.
std::optional<QString> string(const Json &object, const char *key);
// The same, without a copy: null when missing or not a string.
const std::string *text(const Json &object, const char *key);

// The readings of number() and integer() for decimal text, shared by the SAX scans (saxscan.h).
std::optional<double> numberFromText(const std::string &text);
std::optional<qint64> integerFromText(const std::string &text);

} // namespace Liq::StreamJson
