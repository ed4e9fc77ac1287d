#include "streams/saxscan.h"

#include <cmath>

namespace Liq::StreamJson {

std::optional<double> numberOf(const SaxValue &value)
{
    double number = 0;
    switch (value.type) {
    case SaxValue::Type::String: return numberFromText(*value.string);
    case SaxValue::Type::Integer: number = double(value.integer); break;
    case SaxValue::Type::Unsigned: number = double(value.unsignedInteger); break;
    case SaxValue::Type::Float: number = value.real; break;
    case SaxValue::Type::Other: return std::nullopt;
    }
    return std::isfinite(number) ? std::optional<double>(number) : std::nullopt;
}

std::optional<qint64> integerOf(const SaxValue &value)
{
    switch (value.type) {
    case SaxValue::Type::String: return integerFromText(*value.string);
    case SaxValue::Type::Integer: return value.integer;
    case SaxValue::Type::Unsigned: return qint64(value.unsignedInteger); // as get<qint64>() converts
    case SaxValue::Type::Float:
    case SaxValue::Type::Other: break;
    }
    return std::nullopt;
}

} // namespace Liq::StreamJson
