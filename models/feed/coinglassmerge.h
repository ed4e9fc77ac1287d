#pragma once

#include "domain/liquidationsnapshot.h"

#include <QList>

#include <optional>

namespace Liq {

// One CoinGlass response of a cycle and the window it was asked for (exchange-list carries one window).
struct CoinGlassWindowPart
{
    std::optional<TimeWindow> window;
    LiquidationSnapshot snapshot;
};

// Joins the four exchange-list responses (one window each) into one snapshot: totals per window from
// each response, exchanges matched by name (case-insensitive) in the order of the longest window. An
// "All" row among the exchanges is the total, not an exchange, and is left out of the breakdown.
LiquidationSnapshot mergeExchangeWindows(const QList<CoinGlassWindowPart> &parts);

} // namespace Liq
