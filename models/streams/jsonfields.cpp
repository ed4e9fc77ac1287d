#include "streams/jsonfields.h"

#include <charconv>
#include <cmath>

namespace Liq::StreamJson {

Json parse(std::string_view text)
{
    return Json::parse(text.begin(), text.end(), nullptr, false);
}

std::optional<double> number(const Json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end())
        return std::nullopt;
    if (it->is_string())
        return numberFromText(it->get_ref<const std::string &>());
    if (!it->is_number())
        return std::nullopt;
    const auto value = it->get<double>();
    return std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

std::optional<double> numberFromText(const std::string &text)
{
    double value = 0;
    const char *end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || text.empty() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<qint64> integer(const Json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end())
        return std::nullopt;
    if (it->is_number_integer())
        return it->get<qint64>();
    if (!it->is_string())
        return std::nullopt;
    return integerFromText(it->get_ref<const std::string &>());
}

std::optional<qint64> integerFromText(const std::string &text)
{
    qint64 value = 0;
    const char *end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || text.empty())
        return std::nullopt;
    return value;
}

std::optional<QString> string(const Json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return std::nullopt;
    const std::string &text = it->get_ref<const std::string &>();
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

const std::string *text(const Json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return nullptr;
    return &it->get_ref<const std::string &>();
}

} // namespace Liq::StreamJson
