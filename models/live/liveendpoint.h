#pragma once

#include "live/exchangeendpoints.h"

#include <QString>
#include <QUrl>

#include <variant>

namespace Liq {

// What a CoinGlass feed asks for.
enum class CoinGlassView {
    Coins, // coin-list?exchange=E: one request per cycle, per-coin breakdown on one exchange
    Exchanges, // exchange-list?range=W for the four windows: all exchanges, per-exchange breakdown
};

// Any URL whose body SnapshotReader reads (a Liqscope snapshot, a CoinGlass response, CSV).
struct SnapshotUrlEndpoint
{
    QUrl url;
};

// The CoinGlass v4 API: base URL and key.
struct CoinGlassEndpoint
{
    QUrl baseUrl; // "https://open-api-v4.coinglass.com"
    QString apiKey; // sent as CG-API-KEY and never shown, stored or logged anywhere
    CoinGlassView view = CoinGlassView::Coins;
    QString exchange = QStringLiteral("Binance"); // for CoinGlassView::Coins

    static QUrl defaultBaseUrl();
};

// Where a live session gets its data: a value, compared and copied freely, turned into a running
// LiveSource by createLiveSource().
using LiveEndpoint = std::variant<SnapshotUrlEndpoint, CoinGlassEndpoint, ExchangeStreamsEndpoint>;

// The endpoint as it may be shown (no key, no credentials, no secret query items).
QString displayOrigin(const LiveEndpoint &endpoint);

} // namespace Liq
