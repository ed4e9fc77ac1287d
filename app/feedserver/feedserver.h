#pragma once

#include "domain/liquidationsnapshot.h"
#include "feed/marketsimulator.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QHttpServer>
#include <QList>
#include <QObject>

#include <memory>
#include <optional>

class QHttpServerRequest;
class QHttpServerResponse;

namespace Liq {

struct FeedServerConfig
{
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 0;
    quint64 seed = 1;
    std::optional<QDateTime> start; // simulated clock start; none: the wall clock
    // >= 0: the simulated clock advances this many seconds per data request (0 = frozen);
    // < 0: it advances in real time.
    int advancePerRequestSeconds = -1;
    QList<LiquidationSnapshot> replay; // non-empty: serve these in turn instead of the simulator
    QByteArray apiKey; // non-empty: CoinGlass endpoints require this CG-API-KEY
    int quotaPerMinute = 600; // CoinGlass endpoints: API-KEY-MAX-LIMIT, and 429 past it
};

// The demo feed's HTTP side, on Qt's HTTP server: the Liqscope snapshot at /v1/snapshot and the
// CoinGlass v4 liquidation endpoints, with ETags and (optionally) an API key.
class FeedServer final : public QObject
{
    Q_OBJECT
public:
    explicit FeedServer(FeedServerConfig config, QObject *parent = nullptr);

    // Returns the port, 0 on failure.
    quint16 listen();

private:
    QHttpServerResponse snapshotResponse(const QHttpServerRequest &request);
    QHttpServerResponse coinListResponse(const QHttpServerRequest &request);
    QHttpServerResponse exchangeListResponse(const QHttpServerRequest &request);
    // The CoinGlass gate: key and quota. nullopt when the request may go on.
    std::optional<QHttpServerResponse> coinGlassGate(const QHttpServerRequest &request);
    void addQuotaHeaders(QHttpServerResponse &response) const;
    // The current market: advances the clock (or the replay) for a data request when `advance`.
    LiquidationSnapshot currentCoins(bool advance);
    MarketSimulator &market();

    FeedServerConfig m_config;
    QHttpServer m_server;
    std::unique_ptr<MarketSimulator> m_market;
    QElapsedTimer m_sinceStart;
    qint64 m_dataRequests = 0;
    int m_replayIndex = -1;
    qint64 m_quotaMinute = -1;
    int m_quotaUsed = 0;
};

} // namespace Liq
