#pragma once

#include "domain/liquidationevent.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Liq {

// The exchange streams as a live endpoint: which exchanges to listen to, and where (each of the
// eight endpoints has a public default and may be overridden, for mirrors, regional hosts and tests).
struct ExchangeStreamsEndpoint
{
    QList<Exchange> exchanges;
    QHash<QString, QUrl> overrides; // endpoint name -> URL, see ExchangeEndpoints::names()

    // The override, or the default.
    QUrl url(const QString &name) const;
    friend bool operator==(const ExchangeStreamsEndpoint &a, const ExchangeStreamsEndpoint &b)
    {
        return a.exchanges == b.exchanges && a.overrides == b.overrides;
    }
};

namespace ExchangeEndpoints {

// A WebSocket endpoint is the full URL to open; a REST endpoint is the base the documented paths are
// appended to (InstrumentCatalog owns the paths).
inline constexpr char BinanceUsdmWs[] = "binance-usdm-ws";
inline constexpr char BinanceCoinmWs[] = "binance-coinm-ws";
inline constexpr char BinanceCoinmRest[] = "binance-coinm-rest";
inline constexpr char BybitLinearWs[] = "bybit-linear-ws";
inline constexpr char BybitInverseWs[] = "bybit-inverse-ws";
inline constexpr char BybitRest[] = "bybit-rest";
inline constexpr char OkxWs[] = "okx-ws";
inline constexpr char OkxRest[] = "okx-rest";

// All eight names, in the order above.
QStringList names();
// The exchange's public URL for a name; an empty URL for an unknown name.
QUrl defaultUrl(const QString &name);
bool isWebSocket(const QString &name);

// Reads "NAME=URL" (--endpoint, settings): the URL is checked by the endpoint policy (its transport
// follows the name; plain ws:// and http:// only on loopback unless allowPlain). On failure, error
// gets one sentence saying what is wrong.
std::optional<std::pair<QString, QUrl>> parseOverride(const QString &text, bool allowPlain, QString *error);
// Every "NAME=URL" of a repeated option, as ExchangeStreamsEndpoint::overrides; nullopt at the first bad one.
std::optional<QHash<QString, QUrl>> parseOverrides(const QStringList &texts, bool allowPlain, QString *error);

// Reads "binance,bybit,okx" (any order, any case, no repeats); "all" means every exchange.
std::optional<QList<Exchange>> parseExchangeList(const QString &text, QString *error);

} // namespace ExchangeEndpoints
} // namespace Liq
