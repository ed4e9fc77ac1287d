#pragma once

#include "readoutcome.h"

#include <nlohmann/json.hpp>
#include <string_view>

// Internal to liqscope_formats: strict JSON parsing and typed access for the readers.
namespace Liq {
namespace Formats {

using Json = nlohmann::json;

// The value types named by nlohmann's SAX interface, for our SAX handlers to inherit.
struct JsonSaxTypes
{
    using number_integer_t = Json::number_integer_t;
    using number_unsigned_t = Json::number_unsigned_t;
    using number_float_t = Json::number_float_t;
    using string_t = Json::string_t;
    using binary_t = Json::binary_t;
};

inline constexpr int MaxJsonDepth = 64;

enum class JsonPositions {
    Document, // errors say "byte 57, line 3, column 7"
    SingleLine, // errors say "column 7" (one JSON Lines line; the caller adds the line)
};

// Parses text without recursion (nlohmann's iterative SAX parser feeding our own DOM builder),
// refusing nesting deeper than maxDepth, duplicate keys and trailing content. A UTF-8 BOM at
// the start is skipped. Sets *root and returns no failure, or returns why (Syntax, TooDeep, DuplicateKey or
// InvalidNumber for NaN and overflow) and leaves *root as it was: the readers' one shape of "a value or a
// clear error".
ReadFailure parseJsonStrict(std::string_view text, Json *root,
                            JsonPositions positions = JsonPositions::Document, int maxDepth = MaxJsonDepth);

// "an object", "a string", "null", ... for messages.
QString jsonTypeName(const Json &value);

// The member named key of an object, or nullptr when absent (or when value is no object).
const Json *member(const Json &object, std::string_view key);

// A USD amount given as a JSON number or a numeric string (see parseAmountText). null is
// InvalidNumber, other types WrongType. The failure's `where` is left for the caller.
ReadFailure readAmount(const Json &value, double *amount);

QString toQString(const std::string &utf8);

} // namespace Formats
} // namespace Liq
