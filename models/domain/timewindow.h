#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <optional>

namespace Liq {

// The rolling windows every source publishes. They are nested: each ends at the snapshot's
// as-of time and contains all the shorter ones.
enum class TimeWindow : int { H1 = 0, H4, H12, H24 };

inline constexpr int TimeWindowCount = 4;
inline constexpr std::array<TimeWindow, TimeWindowCount> AllTimeWindows{TimeWindow::H1, TimeWindow::H4,
                                                                        TimeWindow::H12, TimeWindow::H24};

constexpr int windowIndex(TimeWindow window)
{
    return static_cast<int>(window);
}

constexpr int windowHours(TimeWindow window)
{
    switch (window) {
    case TimeWindow::H1: return 1;
    case TimeWindow::H4: return 4;
    case TimeWindow::H12: return 12;
    case TimeWindow::H24: return 24;
    }
    return 0;
}

constexpr qint64 windowSeconds(TimeWindow window)
{
    return qint64(windowHours(window)) * 3600;
}

// "1h", "4h", "12h", "24h": the spelling used in files, CSV and the UI.
QString windowLabel(TimeWindow window);

// Accepts "1h", "1H", "h1" and " 1h " (the spellings seen in saved files); nullopt otherwise.
std::optional<TimeWindow> windowFromLabel(QStringView label);

} // namespace Liq
