#pragma once

#include "readoutcome.h"

#include <string_view>

namespace Liq {
namespace Formats {

// Reads a USD amount written as text ("2369935.19562"): the whole trimmed text must be one
// decimal number (std::from_chars), finite, within a double's range and not negative. "", "abc",
// "1e", "0x10", "NaN", "Infinity", "1,000" and "1e400" are refused with InvalidNumber, "-5" with
// NegativeAmount. The failure's `where` is left for the caller.
ReadFailure parseAmountText(std::string_view text, double *amount);

// A parsed amount that is negative: NegativeAmount; otherwise no failure (-0 becomes 0).
ReadFailure checkAmountSign(double *amount, const QString &shown);

} // namespace Formats
} // namespace Liq
