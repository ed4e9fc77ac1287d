#pragma once

#include <QByteArray>
#include <QString>

// Bodies the test servers serve: small but valid, with nested windows.
namespace FeedTestData {

// A Liqscope snapshot (format v1); `scale` makes each body distinct.
inline QByteArray liqscopeSnapshot(const QString &asOf, double scale = 1.0)
{
    const auto window = [scale](const char *label, double longUsd, double shortUsd) {
        return QStringLiteral("\"%1\": {\"long_usd\": %2, \"short_usd\": %3, \"total_usd\": %4}")
            .arg(QLatin1String(label))
            .arg(longUsd * scale, 0, 'f', 2)
            .arg(shortUsd * scale, 0, 'f', 2)
            .arg((longUsd + shortUsd) * scale, 0, 'f', 2);
    };
    return QStringLiteral(
               "{\"format\": \"liqscope-snapshot\", \"version\": 1, \"as_of\": \"%1\", "
               "\"source\": \"test server\", \"scope\": \"All exchanges\", \"windows\": {%2, %3, %4, %5}}")
        .arg(asOf, window("1h", 800000, 6000000), window("4h", 3700000, 28000000),
             window("12h", 49000000, 224000000), window("24h", 66000000, 330000000))
        .toUtf8();
}

// A CoinGlass v4 coin-list response with two coins; numbers as strings and as numbers, as CoinGlass sends.
inline QByteArray coinGlassCoinList(double scale = 1.0)
{
    QString rows;
    const char *symbols[] = {"BTC", "ETH"};
    const double weights[] = {0.6, 0.4};
    for (int i = 0; i < 2; ++i) {
        QString row = QStringLiteral("{\"symbol\": \"%1\"").arg(QLatin1String(symbols[i]));
        const char *windows[] = {"1h", "4h", "12h", "24h"};
        const double longs[] = {1e6, 4e6, 10e6, 20e6};
        const double shorts[] = {2e6, 6e6, 15e6, 30e6};
        for (int w = 0; w < 4; ++w) {
            const double l = longs[w] * weights[i] * scale;
            const double s = shorts[w] * weights[i] * scale;
            row += QStringLiteral(", \"liquidation_usd_%1\": %2, \"long_liquidation_usd_%1\": \"%3\", "
                                  "\"short_liquidation_usd_%1\": %4")
                       .arg(QLatin1String(windows[w]))
                       .arg(l + s, 0, 'f', 2)
                       .arg(l, 0, 'f', 2)
                       .arg(s, 0, 'f', 2);
        }
        rows += (i ? QStringLiteral(", ") : QString()) + row + u'}';
    }
    return QStringLiteral("{\"code\": \"0\", \"msg\": \"success\", \"data\": [%1]}").arg(rows).toUtf8();
}

// A CoinGlass exchange-list response for one window: "All" first, then two exchanges.
inline QByteArray coinGlassExchangeList(double longAll, double shortAll)
{
    const auto row = [](const char *name, double l, double s) {
        return QStringLiteral("{\"exchange\": \"%1\", \"liquidation_usd\": %2, \"long_liquidation_usd\": %3, "
                              "\"short_liquidation_usd\": %4}")
            .arg(QLatin1String(name))
            .arg(l + s, 0, 'f', 2)
            .arg(l, 0, 'f', 2)
            .arg(s, 0, 'f', 2);
    };
    return QStringLiteral("{\"code\": \"0\", \"msg\": \"success\", \"data\": [%1, %2, %3]}")
        .arg(row("All", longAll, shortAll), row("Binance", longAll * 0.6, shortAll * 0.6),
             row("OKX", longAll * 0.4, shortAll * 0.4))
        .toUtf8();
}

inline QByteArray coinGlassError(const QString &message)
{
    return QStringLiteral("{\"code\": \"40001\", \"msg\": \"%1\", \"data\": null}").arg(message).toUtf8();
}

} // namespace FeedTestData
