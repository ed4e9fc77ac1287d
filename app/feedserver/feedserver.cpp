#include "feedserver.h"

#include "coinglassjson.h"
#include "formats/snapshotwriter.h"

#include <QCryptographicHash>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QUrlQuery>

namespace Liq {

namespace {

using StatusCode = QHttpServerResponse::StatusCode;

QByteArray etagOf(const QByteArray &body)
{
    return '"' + QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex().left(20) + '"';
}

// A JSON body with its ETag, or 304 when the client already has it.
QHttpServerResponse jsonResponse(const QHttpServerRequest &request, const QByteArray &body,
                                 StatusCode status = StatusCode::Ok)
{
    const QByteArray etag = etagOf(body);
    if (status == StatusCode::Ok && request.value("If-None-Match") == etag) {
        QHttpServerResponse notModified(StatusCode::NotModified);
        notModified.setHeader("ETag", etag);
        return notModified;
    }
    QHttpServerResponse response(QByteArrayLiteral("application/json"), body, status);
    if (status == StatusCode::Ok)
        response.setHeader("ETag", etag);
    response.setHeader("Cache-Control", "no-cache");
    return response;
}

bool sameKey(const QByteArray &a, const QByteArray &b)
{
    // Constant time for equal lengths: the demo key is a stand-in, but the habit is cheap.
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

} // namespace

FeedServer::FeedServer(FeedServerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    m_sinceStart.start();
    if (m_config.replay.isEmpty()) {
        const QDateTime start = m_config.start.value_or(QDateTime::currentDateTimeUtc());
        m_market = std::make_unique<MarketSimulator>(m_config.seed, start);
    }

    m_server.route(QStringLiteral("/"), QHttpServerRequest::Method::Get, [] {
        return QHttpServerResponse(
            QByteArrayLiteral("text/plain"),
            QByteArrayLiteral(
                "Liqscope demo feed (simulated liquidations)\n"
                "GET /v1/snapshot\n"
                "GET /api/futures/liquidation/coin-list?exchange=Binance\n"
                "GET /api/futures/liquidation/exchange-list?range=1h|4h|12h|24h[&symbol=BTC]\n"));
    });
    m_server.route(QStringLiteral("/v1/snapshot"), QHttpServerRequest::Method::Get,
                   [this](const QHttpServerRequest &request) { return snapshotResponse(request); });
    m_server.route(QStringLiteral("/api/futures/liquidation/coin-list"), QHttpServerRequest::Method::Get,
                   [this](const QHttpServerRequest &request) { return coinListResponse(request); });
    m_server.route(QStringLiteral("/api/futures/liquidation/exchange-list"), QHttpServerRequest::Method::Get,
                   [this](const QHttpServerRequest &request) { return exchangeListResponse(request); });
}

quint16 FeedServer::listen()
{
    return m_server.listen(m_config.host, m_config.port);
}

MarketSimulator &FeedServer::market()
{
    if (m_config.advancePerRequestSeconds >= 0) {
        const QDateTime start = m_config.start.value_or(QDateTime::currentDateTimeUtc());
        // The first data request sees the start time, each later one a step further.
        const qint64 steps = std::max<qint64>(0, m_dataRequests - 1);
        m_market->advanceTo(start.addSecs(steps * m_config.advancePerRequestSeconds));
    } else if (m_config.start) {
        m_market->advanceTo(m_config.start->addMSecs(m_sinceStart.elapsed()));
    } else {
        m_market->advanceTo(QDateTime::currentDateTimeUtc());
    }
    return *m_market;
}

LiquidationSnapshot FeedServer::currentCoins(bool advance)
{
    if (!m_config.replay.isEmpty()) {
        if (advance || m_replayIndex < 0)
            m_replayIndex = int((m_replayIndex + 1) % m_config.replay.size());
        return m_config.replay.at(m_replayIndex);
    }
    if (advance)
        ++m_dataRequests;
    return market().coinSnapshot();
}

QHttpServerResponse FeedServer::snapshotResponse(const QHttpServerRequest &request)
{
    return jsonResponse(request, SnapshotWriter::toJson(currentCoins(true)));
}

std::optional<QHttpServerResponse> FeedServer::coinGlassGate(const QHttpServerRequest &request)
{
    if (!m_config.apiKey.isEmpty() && !sameKey(request.value("CG-API-KEY"), m_config.apiKey)) {
        return QHttpServerResponse(
            QByteArrayLiteral("application/json"),
            CoinGlassJson::error(QStringLiteral("401"), QStringLiteral("API key missing or invalid")),
            StatusCode::Unauthorized);
    }
    const qint64 minute = QDateTime::currentSecsSinceEpoch() / 60;
    if (minute != m_quotaMinute) {
        m_quotaMinute = minute;
        m_quotaUsed = 0;
    }
    ++m_quotaUsed;
    if (m_config.quotaPerMinute > 0 && m_quotaUsed > m_config.quotaPerMinute) {
        QHttpServerResponse tooMany(
            QByteArrayLiteral("application/json"),
            CoinGlassJson::error(QStringLiteral("429"), QStringLiteral("Too many requests")),
            StatusCode::TooManyRequests);
        const qint64 wait = 60 - QDateTime::currentSecsSinceEpoch() % 60;
        tooMany.setHeader("Retry-After", QByteArray::number(wait));
        addQuotaHeaders(tooMany);
        return tooMany;
    }
    return std::nullopt;
}

void FeedServer::addQuotaHeaders(QHttpServerResponse &response) const
{
    if (m_config.quotaPerMinute <= 0)
        return;
    response.setHeader("API-KEY-MAX-LIMIT", QByteArray::number(m_config.quotaPerMinute));
    response.setHeader("API-KEY-USE-LIMIT",
                       QByteArray::number(std::min(m_quotaUsed, m_config.quotaPerMinute)));
}

QHttpServerResponse FeedServer::coinListResponse(const QHttpServerRequest &request)
{
    if (auto refused = coinGlassGate(request))
        return std::move(*refused);
    const QString exchange = request.query().queryItemValue(QStringLiteral("exchange"));
    std::optional<LiquidationSnapshot> coins;
    if (!m_config.replay.isEmpty()) {
        const LiquidationSnapshot current = currentCoins(true);
        if (current.breakdownKind == BreakdownKind::Coin)
            coins = current;
    } else {
        ++m_dataRequests;
        coins = market().coinSnapshotOnExchange(exchange.isEmpty() ? QStringLiteral("Binance") : exchange);
    }
    QHttpServerResponse response = coins
        ? jsonResponse(request, CoinGlassJson::coinList(*coins))
        : jsonResponse(request,
                       CoinGlassJson::error(QStringLiteral("400"),
                                            QStringLiteral("Unknown exchange %1; try one of %2")
                                                .arg(exchange, MarketSimulator::exchanges().join(u", "))),
                       StatusCode::Ok);
    addQuotaHeaders(response);
    return response;
}

QHttpServerResponse FeedServer::exchangeListResponse(const QHttpServerRequest &request)
{
    if (auto refused = coinGlassGate(request))
        return std::move(*refused);
    const QUrlQuery query = request.query();
    const auto window = windowFromLabel(query.queryItemValue(QStringLiteral("range")));
    const QString symbol = query.queryItemValue(QStringLiteral("symbol"));
    std::optional<LiquidationSnapshot> exchanges;
    if (!m_config.replay.isEmpty()) {
        const LiquidationSnapshot current = currentCoins(false);
        exchanges = current;
        if (current.breakdownKind != BreakdownKind::Exchange)
            exchanges->breakdown.clear();
    } else {
        exchanges = market().exchangeSnapshot(symbol);
    }
    QHttpServerResponse response = !window
        ? jsonResponse(
            request,
            CoinGlassJson::error(QStringLiteral("400"), QStringLiteral("range must be 1h, 4h, 12h or 24h")))
        : !exchanges ? jsonResponse(
              request,
              CoinGlassJson::error(QStringLiteral("400"), QStringLiteral("Unknown symbol %1").arg(symbol)))
                     : jsonResponse(request, CoinGlassJson::exchangeList(*exchanges, *window));
    addQuotaHeaders(response);
    return response;
}

} // namespace Liq
