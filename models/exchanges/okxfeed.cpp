#include "exchanges/okxfeed.h"

#include "streams/instrumentcatalog.h"
#include "streams/okxparser.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>

namespace Liq {
OkxFeed::OkxFeed(const ExchangeStreamsEndpoint &endpoint, const LiveOptions &options,
                 QNetworkAccessManager *network)
    : ExchangeFeed(Exchange::Okx, endpoint, options, network)
{
    m_historyPacer.setSingleShot(true);
    connect(&m_historyPacer, &QTimer::timeout, this, &OkxFeed::nextHistoryPage);
}

OkxFeed::~OkxFeed() = default;

void OkxFeed::begin()
{
    m_contracts.clear();
    m_families.clear();
    fetchInstruments(MarketKind::Swap, [this] {
        fetchInstruments(MarketKind::Futures, [this] {
            m_parser = std::make_shared<OkxParser>(m_contracts);
            StreamLink::Config config;
            config.name = QStringLiteral("OKX");
            config.url = endpointUrl(ExchangeEndpoints::OkxWs);
            config.subscribeFrames = {InstrumentCatalog::okxSubscribeFrame()};
            config.keepaliveFrame = QByteArrayLiteral("ping");
            config.keepaliveMs = 20 * 1000; // OKX hangs up after 30 s without a message
            config.keepaliveWhenIdle = true;
            setStage(LiveState::Connecting, {});
            addLink(config, m_parser);
        });
    });
}

void OkxFeed::fetchInstruments(MarketKind market, const std::function<void()> &done)
{
    const QUrl url = InstrumentCatalog::okxInstrumentsUrl(endpointUrl(ExchangeEndpoints::OkxRest), market);
    rest().get(url, [this, market, done](const QByteArray &body, const QString &error) {
        if (!error.isEmpty()) {
            failCatalogue(error);
            return;
        }
        const InstrumentCatalog::OkxInstruments list = InstrumentCatalog::parseOkxInstruments(body);
        if (!list.problem.isEmpty()) {
            failCatalogue(
                tr("%1 instruments: %2")
                    .arg(market == MarketKind::Swap ? QStringLiteral("SWAP") : QStringLiteral("FUTURES"),
                         list.problem));
            return;
        }
        m_contracts.insert(list.contracts);
        for (const QString &family : list.families)
            m_families.append({market, family});
        done();
    });
}

void OkxFeed::setPriorCoverage(const CoverageSpan &span)
{
    ExchangeFeed::setPriorCoverage(span);
    m_historyFloorMs = span.untilMs;
}

void OkxFeed::onAllLinksUp()
{
    if (m_backfillStarted)
        return;
    m_backfillStarted = true;
    m_backfillStartMs = QDateTime::currentMSecsSinceEpoch();
    m_familyIndex = 0;
    m_after.reset();
    nextHistoryPage();
}

void OkxFeed::nextHistoryPage()
{
    if (!isRunning() || !m_parser)
        return;
    if (m_familyIndex >= m_families.size()) {
        m_backfillDone = true;
        // The stream was up before the history began, so history and stream meet without a gap.
        if (!m_backfillFailed && coveredSinceMs() > 0 && coveredSinceMs() <= m_backfillStartMs)
            setHistoryCoverage(m_backfillStartMs - EventCheck::MaxAgeMs);
        emit statusChanged();
        return;
    }
    const Family family = m_families.at(m_familyIndex);
    const QUrl url = InstrumentCatalog::okxLiquidationHistoryUrl(endpointUrl(ExchangeEndpoints::OkxRest),
                                                                 family.market, family.name, m_after);
    ++m_historyRequests;
    rest().get(url, [this](const QByteArray &body, const QString &error) {
        const StreamMessage page = error.isEmpty()
            ? m_parser->parseHistoryPage(body, QDateTime::currentMSecsSinceEpoch())
            : StreamMessage::bad(error);
        if (page.kind != StreamMessage::Kind::Events) {
            // One family's history is lost, not the stream: the windows stay partial, and say so.
            m_backfillFailed = true;
            qWarning().noquote()
                << tr("OKX history of %1: %2").arg(m_families.at(m_familyIndex).name, page.problem);
        }
        qint64 oldest = 0;
        QList<LiquidationEvent> fresh;
        for (const LiquidationEvent &event : page.events) {
            oldest = oldest == 0 ? event.exchangeTimeMs : qMin(oldest, event.exchangeTimeMs);
            if (event.exchangeTimeMs >= m_historyFloorMs)
                fresh.append(event);
        }
        if (!fresh.isEmpty())
            emit eventsReceived(fresh);
        const bool reachedStore = m_historyFloorMs > 0 && oldest > 0 && oldest < m_historyFloorMs;
        if (page.kind != StreamMessage::Kind::Events || page.events.isEmpty() || page.reachedAgeLimit
            || reachedStore) {
            ++m_familyIndex;
            m_after.reset();
        } else {
            m_after = oldest;
        }
        m_historyPacer.start(HistorySpacingMs);
    });
}

} // namespace Liq
