#pragma once

#include "formats/loadresult.h"

#include <QList>
#include <QString>

#include <optional>

namespace Liq {

// One CoinGlass exchange-list response (a response holds one window) as read on its own.
struct ExchangeListPart
{
    std::optional<TimeWindow> window; // the window the response was asked for
    LiquidationSnapshot snapshot; // its totals and exchange rows, for that window
    QString where; // where the part is, for messages ("field 4h"); may be empty
};

// Joins the per-window exchange-list responses into one snapshot: each window's totals and exchange rows
// from its own part, exchanges matched by name (case-insensitive); an "All" row is the total, never an
// exchange. The exchanges are listed in the order of the longest window present, then those only the
// shorter windows have: the 24h ranking is the one the tables open on and the one the headline quotes,
// and a longer window holds the steadier ranking. asOf is the latest of the parts.
// A part without a window, one whose snapshot lacks its window, or a window given twice is an error
// (MissingWindow, DuplicateKey) naming origin; the result carries the nesting warnings of the merge
// (Consistency::check), the parts' own warnings stay with the caller.
LoadResult mergeExchangeListWindows(const QList<ExchangeListPart> &parts, const QString &origin);

} // namespace Liq
