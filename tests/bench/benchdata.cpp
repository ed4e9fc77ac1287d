#include "benchdata.h"

#include "formats/snapshotwriter.h"

namespace Liq::Bench {
namespace {

// A deterministic spread of sizes: a few large coins and a long tail, as in real markets.
double coinScale(int coin, int variant)
{
    const double rank = coin + 1;
    const double wobble = 1.0 + 0.1 * ((coin * 7 + variant * 13) % 11) / 10.0;
    return 5e7 / rank * wobble;
}

QString coinName(int coin)
{
    return QStringLiteral("C%1").arg(coin, 4, 10, QLatin1Char('0'));
}

} // namespace

LiquidationSnapshot coinSnapshot(int coins, int variant)
{
    LiquidationSnapshot snapshot;
    snapshot.asOf = QDateTime(QDate(2026, 11, 20), QTime(14, 0), Qt::UTC).addSecs(variant);
    snapshot.source = QStringLiteral("bench");
    snapshot.scope = QStringLiteral("All exchanges");
    snapshot.breakdownKind = BreakdownKind::Coin;
    snapshot.breakdown.reserve(coins);
    std::array<SideAmounts, TimeWindowCount> sums{};
    for (int coin = 0; coin < coins; ++coin) {
        BreakdownRow row;
        row.name = coinName(coin);
        const double scale = coinScale(coin, variant);
        // Shorts dominate in odd variants, longs in even ones.
        const double shortShare = (variant % 2 == 1) ? 0.7 : 0.3;
        for (TimeWindow window : AllTimeWindows) {
            const double total = scale * windowHours(window) / 24.0;
            const SideAmounts amounts{total * (1.0 - shortShare), total * shortShare};
            row.amounts.set(window, amounts);
            SideAmounts &sum = sums[windowIndex(window)];
            sum.longUsd += amounts.longUsd;
            sum.shortUsd += amounts.shortUsd;
        }
        snapshot.breakdown.append(row);
    }
    for (TimeWindow window : AllTimeWindows)
        snapshot.totals.set(window, sums[windowIndex(window)]);
    return snapshot;
}

QByteArray coinGlassCoinList(int coins)
{
    QByteArray json = QByteArrayLiteral("{\"code\":\"0\",\"msg\":\"success\",\"data\":[");
    json.reserve(coins * 420);
    static const char *const windowKeys[] = {"1h", "4h", "12h", "24h"};
    for (int coin = 0; coin < coins; ++coin) {
        if (coin > 0)
            json += ',';
        json += "{\"symbol\":\"" + coinName(coin).toLatin1() + '"';
        const bool asStrings = coin % 2 == 0;
        for (int w = 0; w < TimeWindowCount; ++w) {
            const double total = coinScale(coin, 0) * windowHours(AllTimeWindows[w]) / 24.0;
            const double longUsd = total * 0.4;
            const double shortUsd = total - longUsd;
            const auto field = [&](const char *prefix, double value) {
                const QByteArray number = QByteArray::number(value, 'f', 5);
                json += ",\"" + QByteArray(prefix) + windowKeys[w] + "\":";
                json += asStrings ? '"' + number + '"' : number;
            };
            field("liquidation_usd_", longUsd + shortUsd);
            field("long_liquidation_usd_", longUsd);
            field("short_liquidation_usd_", shortUsd);
        }
        json += '}';
    }
    json += "]}";
    return json;
}

QByteArray historyJsonLines(qint64 targetBytes, int coins)
{
    QByteArray lines;
    lines.reserve(targetBytes + targetBytes / 8);
    for (int variant = 0; lines.size() < targetBytes; ++variant) {
        LiquidationSnapshot snapshot = coinSnapshot(coins, variant % 64);
        snapshot.asOf = snapshot.asOf.addSecs(qint64(variant) * 60);
        lines += SnapshotWriter::toJsonLine(snapshot);
        lines += '\n';
    }
    return lines;
}

} // namespace Liq::Bench
