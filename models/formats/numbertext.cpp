#include "numbertext.h"

#include <QCoreApplication>

#include <charconv>
#include <cmath>
#include <system_error>

namespace Liq {
namespace Formats {

static bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

ReadFailure checkAmountSign(double *amount, const QString &shown)
{
    if (*amount < 0.0) {
        return failure(LoadErrorKind::NegativeAmount,
                       QCoreApplication::translate("Liq::Formats",
                                                   "negative amount %1: liquidated USD cannot be below zero")
                           .arg(shown));
    }
    *amount += 0.0; // turns -0 into 0
    return {};
}

ReadFailure parseAmountText(std::string_view text, double *amount)
{
    // Messages only: kept as a view and turned into text only on failure (this runs per amount).
    const std::string_view original = text;
    while (!text.empty() && isAsciiSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isAsciiSpace(text.back()))
        text.remove_suffix(1);
    if (text.empty())
        return failure(LoadErrorKind::InvalidNumber,
                       QCoreApplication::translate("Liq::Formats", "an empty text is not a number"));

    double value = 0.0;
    const char *first = text.data();
    const char *last = first + text.size();
    const auto [end, error] = std::from_chars(first, last, value, std::chars_format::general);
    if (error == std::errc::result_out_of_range) {
        return failure(LoadErrorKind::InvalidNumber,
                       QCoreApplication::translate("Liq::Formats", "%1 is out of a double's range")
                           .arg(shownText(std::string(original))));
    }
    if (error != std::errc() || end != last) {
        return failure(LoadErrorKind::InvalidNumber,
                       QCoreApplication::translate("Liq::Formats", "%1 is not a number")
                           .arg(shownText(std::string(original))));
    }
    if (!std::isfinite(value)) { // from_chars accepts "nan" and "inf"
        return failure(LoadErrorKind::InvalidNumber,
                       QCoreApplication::translate("Liq::Formats", "%1 is not a finite number")
                           .arg(shownText(std::string(original))));
    }
    *amount = value;
    if (value < 0.0)
        return checkAmountSign(amount, shownText(std::string(original)));
    *amount += 0.0; // turns -0 into 0
    return {};
}

} // namespace Formats
} // namespace Liq
