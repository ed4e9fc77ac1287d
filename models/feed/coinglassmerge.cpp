#include "feed/coinglassmerge.h"

namespace Liq {

LiquidationSnapshot mergeExchangeWindows(const QList<CoinGlassWindowPart> &parts)
{
    LiquidationSnapshot merged;
    merged.scope = QStringLiteral("All exchanges");
    merged.breakdownKind = BreakdownKind::Exchange;
    // Longest window first, so the breakdown keeps the order of the 24h ranking.
    QList<CoinGlassWindowPart> ordered = parts;
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) {
        return windowIndex(a.window.value_or(TimeWindow::H1))
            > windowIndex(b.window.value_or(TimeWindow::H1));
    });
    for (const CoinGlassWindowPart &part : ordered) {
        const LiquidationSnapshot &snapshot = part.snapshot;
        if (!merged.asOf.isValid() || snapshot.asOf > merged.asOf)
            merged.asOf = snapshot.asOf;
        if (merged.source.isEmpty())
            merged.source = snapshot.source;
        for (TimeWindow window : AllTimeWindows) {
            if (snapshot.totals.has(window) && (!part.window || *part.window == window))
                merged.totals.set(window, snapshot.totals.at(window));
        }
        for (const BreakdownRow &row : snapshot.breakdown) {
            if (row.name.compare(QLatin1String("All"), Qt::CaseInsensitive) == 0)
                continue;
            int index = merged.breakdownRowNamed(row.name);
            if (index < 0) {
                merged.breakdown.append({row.name, {}});
                index = int(merged.breakdown.size()) - 1;
            }
            for (TimeWindow window : AllTimeWindows) {
                if (row.amounts.has(window) && (!part.window || *part.window == window))
                    merged.breakdown[index].amounts.set(window, row.amounts.at(window));
            }
        }
    }
    return merged;
}

} // namespace Liq
