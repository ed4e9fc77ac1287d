#include "exchanges/exchangefeed.h"

#include "exchanges/binancefeed.h"
#include "exchanges/bybitfeed.h"
#include "exchanges/okxfeed.h"
#include "feed/feedpolicy.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRandomGenerator>

namespace Liq {
namespace {

// Connection attempts per exchange (../shared/reference/exchange-streams.md): OKX 3 per second,
// Bybit about 500 per 5 minutes, Binance 300 per 5 minutes per IP; with room to spare.
int minConnectSpacingMs(Exchange exchange)
{
    switch (exchange) {
    case Exchange::Okx: return 400;
    case Exchange::Bybit: return 700;
    case Exchange::Binance: return 1100;
    }
    return 1000;
}

// How bad a state is, for the exchange's summary (the worst part wins).
int severity(LiveState state)
{
    switch (state) {
    case LiveState::Live:
    case LiveState::Unchanged: return 0;
    case LiveState::Idle:
    case LiveState::Paused: return 1;
    case LiveState::Connecting: return 2;
    case LiveState::Stale:
    case LiveState::Retrying:
    case LiveState::Reconnecting: return 3;
    case LiveState::Silent: return 4;
    case LiveState::Error: return 5;
    }
    return 0;
}

} // namespace

std::unique_ptr<ExchangeFeed> ExchangeFeed::create(Exchange exchange, const ExchangeStreamsEndpoint &endpoint,
                                                   const LiveOptions &options, QNetworkAccessManager *network)
{
    switch (exchange) {
    case Exchange::Binance: return std::make_unique<BinanceFeed>(endpoint, options, network);
    case Exchange::Bybit: return std::make_unique<BybitFeed>(endpoint, options, network);
    case Exchange::Okx: return std::make_unique<OkxFeed>(endpoint, options, network);
    }
    return nullptr;
}

ExchangeFeed::ExchangeFeed(Exchange exchange, ExchangeStreamsEndpoint endpoint, const LiveOptions &options,
                           QNetworkAccessManager *network)
    : m_exchange(exchange)
    , m_endpoint(std::move(endpoint))
    , m_options(options)
    , m_rest(network, options)
    , m_gate(minConnectSpacingMs(exchange))
{
    m_stage.name = exchangeName(exchange);
    m_catalogueRetry.setSingleShot(true);
    connect(&m_catalogueRetry, &QTimer::timeout, this, [this] {
        if (m_running)
            begin();
    });
}

ExchangeFeed::~ExchangeFeed() = default;

void ExchangeFeed::start()
{
    if (m_running)
        return;
    m_running = true;
    m_catalogueFailures = 0;
    if (m_links.isEmpty()) {
        setStage(LiveState::Connecting, {});
        begin();
        return;
    }
    for (StreamLink *link : std::as_const(m_links))
        link->start();
}

void ExchangeFeed::stop()
{
    m_running = false;
    m_catalogueRetry.stop();
    m_rest.cancel();
    for (StreamLink *link : std::as_const(m_links))
        link->stop();
    m_coveredSinceMs = 0;
    m_historySinceMs = 0;
    m_allUp = false;
    setStage(LiveState::Paused, {});
}

void ExchangeFeed::addLink(StreamLink::Config config, std::shared_ptr<const StreamParser> parser)
{
    if (m_options.streamSilenceMs > 0)
        config.silenceMs = m_options.streamSilenceMs;
    if (m_options.streamKeepaliveMs > 0)
        config.keepaliveMs = m_options.streamKeepaliveMs;
    auto *link = new StreamLink(std::move(config), std::move(parser), &m_gate, m_options, this);
    connect(link, &StreamLink::eventsReceived, this,
            [this](const QList<LiquidationEvent> &events) { emit eventsReceived(events); });
    connect(link, &StreamLink::statusChanged, this, &ExchangeFeed::onLinkStatusChanged);
    m_links.append(link);
    if (m_running)
        link->start();
}

void ExchangeFeed::fetchPages(const std::function<QUrl(const QString &cursor)> &urlFor,
                              const PageReader &page, const std::function<void()> &done,
                              const QString &cursor, int pagesLeft)
{
    const QUrl url = urlFor(cursor);
    m_rest.get(url, [this, urlFor, page, done, pagesLeft](const QByteArray &body, const QString &error) {
        if (!error.isEmpty()) {
            failCatalogue(error);
            return;
        }
        QString problem;
        const QString next = page(body, &problem);
        if (!problem.isEmpty()) {
            failCatalogue(problem);
        } else if (next.isEmpty()) {
            done();
        } else if (pagesLeft <= 1) {
            failCatalogue(QCoreApplication::translate("Liq::ExchangeFeed", "the instrument list never ends"));
        } else {
            fetchPages(urlFor, page, done, next, pagesLeft - 1);
        }
    });
}

void ExchangeFeed::failCatalogue(const QString &why)
{
    if (!m_running)
        return;
    ++m_catalogueFailures;
    const int delay
        = FeedPolicy::backoffDelayMs(m_catalogueFailures, m_options.backoffInitialMs, m_options.backoffMaxMs,
                                     QRandomGenerator::global()->generateDouble());
    m_stage.consecutiveFailures = m_catalogueFailures;
    m_stage.nextAttemptAt = QDateTime::currentDateTimeUtc().addMSecs(delay);
    setStage(LiveState::Retrying, why);
    m_catalogueRetry.start(delay);
}

void ExchangeFeed::setStage(LiveState state, const QString &message)
{
    m_stage.state = state;
    m_stage.message = message;
    if (state != LiveState::Retrying)
        m_stage.nextAttemptAt = {};
    emit statusChanged();
}

void ExchangeFeed::onLinkStatusChanged()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const bool allUp = !m_links.isEmpty()
        && std::all_of(m_links.cbegin(), m_links.cend(),
                       [](const StreamLink *link) { return link->upSinceMs() > 0; });
    if (allUp && !m_allUp) {
        const bool briefGap
            = m_coveredSinceMs > 0 && m_downSinceMs > 0 && now - m_downSinceMs <= GapToleranceMs;
        if (!briefGap) {
            m_historySinceMs = 0;
            qint64 since = 0;
            for (const StreamLink *link : std::as_const(m_links))
                since = qMax(since, link->upSinceMs());
            const bool continuesPrior = m_prior.untilMs > 0 && since - m_prior.untilMs <= GapToleranceMs;
            m_coveredSinceMs = continuesPrior ? m_prior.sinceMs : since;
        }
        m_downSinceMs = 0;
        m_allUp = true;
        m_stage.state = LiveState::Live;
        m_stage.message.clear();
        onAllLinksUp();
    } else if (!allUp && m_allUp) {
        m_allUp = false;
        m_downSinceMs = now;
    } else if (!allUp && m_downSinceMs > 0 && now - m_downSinceMs > GapToleranceMs) {
        m_coveredSinceMs = 0;
        m_historySinceMs = 0;
    }
    emit statusChanged();
}

LinkStatus ExchangeFeed::status() const
{
    LinkStatus summary = m_stage;
    if (m_links.isEmpty() || m_stage.state == LiveState::Retrying || m_stage.state == LiveState::Paused)
        return summary;
    summary.state = LiveState::Live;
    summary.message.clear();
    summary.eventsPerSecond = 0;
    for (const StreamLink *link : m_links) {
        const LinkStatus &part = link->status();
        summary.eventsPerSecond += part.eventsPerSecond;
        if (part.lastSuccessAt.isValid()
            && (!summary.lastSuccessAt.isValid() || part.lastSuccessAt > summary.lastSuccessAt))
            summary.lastSuccessAt = part.lastSuccessAt;
        if (severity(part.state) > severity(summary.state)) {
            summary.state = part.state;
            summary.message = m_links.size() > 1 && !part.message.isEmpty()
                ? QStringLiteral("%1: %2").arg(part.name, part.message)
                : part.message;
            summary.nextAttemptAt = part.nextAttemptAt;
            summary.consecutiveFailures = part.consecutiveFailures;
        }
    }
    return summary;
}

QList<LinkStatus> ExchangeFeed::linkStatuses() const
{
    QList<LinkStatus> statuses;
    for (const StreamLink *link : m_links)
        statuses << link->status();
    return statuses;
}

int ExchangeFeed::badMessages() const
{
    int count = 0;
    for (const StreamLink *link : m_links)
        count += link->badMessages();
    return count;
}

int ExchangeFeed::unknownInstruments() const
{
    int count = 0;
    for (const StreamLink *link : m_links)
        count += link->unknownInstruments();
    return count;
}

} // namespace Liq
