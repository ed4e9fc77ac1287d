#pragma once

#include "timewindow.h"

#include <array>
#include <optional>

namespace Liq {

// US dollars of long and of short positions force-closed in one window.
struct SideAmounts
{
    double longUsd = 0.0;
    double shortUsd = 0.0;

    double total() const { return longUsd + shortUsd; }
    // Shorts' share of the total in [0, 1]; nullopt when nothing was liquidated.
    std::optional<double> shortShare() const;
    // Longs divided by shorts; nullopt when no shorts were liquidated.
    std::optional<double> longShortRatio() const;

    friend bool operator==(const SideAmounts &a, const SideAmounts &b)
    {
        return a.longUsd == b.longUsd && a.shortUsd == b.shortUsd;
    }
    friend bool operator!=(const SideAmounts &a, const SideAmounts &b) { return !(a == b); }
};

// One SideAmounts per window; a window may be absent (a CoinGlass exchange-list response
// carries a single window).
class WindowAmounts
{
public:
    bool has(TimeWindow window) const { return m_values[windowIndex(window)].has_value(); }
    // Precondition: has(window).
    const SideAmounts &at(TimeWindow window) const { return *m_values[windowIndex(window)]; }
    std::optional<SideAmounts> value(TimeWindow window) const { return m_values[windowIndex(window)]; }
    void set(TimeWindow window, SideAmounts amounts) { m_values[windowIndex(window)] = amounts; }
    void clear(TimeWindow window) { m_values[windowIndex(window)].reset(); }

    int count() const;
    bool isComplete() const { return count() == TimeWindowCount; }
    bool isEmpty() const { return count() == 0; }

    friend bool operator==(const WindowAmounts &a, const WindowAmounts &b)
    {
        return a.m_values == b.m_values;
    }
    friend bool operator!=(const WindowAmounts &a, const WindowAmounts &b) { return !(a == b); }

private:
    std::array<std::optional<SideAmounts>, TimeWindowCount> m_values;
};

} // namespace Liq
