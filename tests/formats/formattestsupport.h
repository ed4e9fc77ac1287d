#pragma once

#include "domain/liquidationsnapshot.h"

#include <QString>
#include <QTest>

#include <cmath>
#include <optional>

// Helpers shared by the formats tests.
namespace Liq::TestSupport {

inline QString goodFile(const QString &name)
{
    return QStringLiteral(LIQSCOPE_TEST_DATA_DIR "/good/") + name;
}

inline QString badDir()
{
    return QStringLiteral(LIQSCOPE_TEST_DATA_DIR "/bad");
}

// {long, short} per window, in the order 1h, 4h, 12h, 24h; nullopt for an absent window.
inline WindowAmounts windows(std::initializer_list<std::optional<SideAmounts>> perWindow)
{
    WindowAmounts amounts;
    int index = 0;
    for (const auto &value : perWindow) {
        if (value)
            amounts.set(AllTimeWindows[size_t(index)], *value);
        ++index;
    }
    return amounts;
}

// Sums of decimal amounts are not exact in binary: compare within a relative 1e-12.
inline bool nearlyEqual(double a, double b)
{
    return std::abs(a - b) <= 1e-12 * std::max({1.0, std::abs(a), std::abs(b)});
}

inline QString describe(const WindowAmounts &amounts)
{
    QString text;
    for (TimeWindow window : AllTimeWindows) {
        text += windowLabel(window) + QLatin1Char('=');
        text += amounts.has(window) ? QStringLiteral("%1/%2")
                                          .arg(amounts.at(window).longUsd, 0, 'f', 6)
                                          .arg(amounts.at(window).shortUsd, 0, 'f', 6)
                                    : QStringLiteral("absent");
        text += QLatin1Char(' ');
    }
    return text;
}

inline bool nearlyEqual(const WindowAmounts &a, const WindowAmounts &b)
{
    for (TimeWindow window : AllTimeWindows) {
        if (a.has(window) != b.has(window))
            return false;
        if (a.has(window)
            && (!nearlyEqual(a.at(window).longUsd, b.at(window).longUsd)
                || !nearlyEqual(a.at(window).shortUsd, b.at(window).shortUsd)))
            return false;
    }
    return true;
}

} // namespace Liq::TestSupport

#define LIQ_COMPARE_AMOUNTS(actual, expected) \
    QVERIFY2(Liq::TestSupport::nearlyEqual((actual), (expected)), \
             qPrintable(QStringLiteral("actual: ") + Liq::TestSupport::describe(actual) \
                        + QStringLiteral("\nexpected: ") + Liq::TestSupport::describe(expected)))
