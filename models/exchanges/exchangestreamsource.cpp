#include "exchanges/exchangestreamsource.h"

#include "streams/timelinegaps.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QNetworkAccessManager>

#include <cstring>
#include <utility>

namespace Liq {
namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

quint64 bitsOf(double value)
{
    quint64 bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

// What makes two reports the same liquidation: where, what, which side, when, how much.
quint64 eventKey(const LiquidationEvent &event)
{
    size_t seed = qHash(event.instrument);
    seed = qHashMulti(seed, int(event.exchange), int(event.market), int(event.side), event.exchangeTimeMs,
                      bitsOf(event.quantity), bitsOf(event.price));
    return quint64(seed);
}

} // namespace

ExchangeStreamSource::ExchangeStreamSource(const ExchangeStreamsEndpoint &endpoint,
                                           const LiveOptions &options, QObject *parent)
    : LiveSource(parent)
    , m_endpoint(endpoint)
    , m_network(new QNetworkAccessManager(this))
    , m_aggregator(nowMs())
{
    for (Exchange exchange : endpoint.exchanges) {
        std::unique_ptr<ExchangeFeed> feed = ExchangeFeed::create(exchange, endpoint, options, m_network);
        connect(feed.get(), &ExchangeFeed::eventsReceived, this, &ExchangeStreamSource::onEvents);
        connect(feed.get(), &ExchangeFeed::statusChanged, this, [this] {
            if (anyDelivered() && !m_delivered) {
                m_delivered = true;
                publish(); // the first picture (empty, and partial) as soon as anything is up
            }
            emit statusChanged(status());
        });
        m_feeds.push_back(std::move(feed));
    }
    m_tick.setInterval(SnapshotIntervalMs);
    connect(&m_tick, &QTimer::timeout, this, &ExchangeStreamSource::onTick);
}

ExchangeStreamSource::~ExchangeStreamSource()
{
    // The feeds go first: their links must not report to a half-destroyed source.
    for (auto &feed : m_feeds)
        feed->disconnect(this);
    m_feeds.clear();
}

void ExchangeStreamSource::start()
{
    if (m_running)
        return;
    m_running = true;
    if (!m_restored.isEmpty())
        emit eventsRestored(std::exchange(m_restored, {}));
    for (auto &feed : m_feeds)
        feed->start();
    m_tick.start();
    emit statusChanged(status());
}

void ExchangeStreamSource::pause()
{
    m_running = false;
    m_tick.stop();
    for (auto &feed : m_feeds)
        feed->stop();
    emit statusChanged(status());
}

void ExchangeStreamSource::resume()
{
    start();
}

void ExchangeStreamSource::preload(const QList<MinuteTotal> &minutes, const QList<LiquidationEvent> &events,
                                   const QList<CoverageSpan> &spans)
{
    const qint64 now = nowMs();
    m_aggregator.advanceTo(now);
    for (const MinuteTotal &total : minutes)
        m_aggregator.addMinuteTotal(total);
    for (const LiquidationEvent &event : events) {
        if (!isDuplicate(event, now) && m_aggregator.add(event))
            ++m_eventsCounted;
    }
    m_restored = events.mid(qMax(qsizetype(0), events.size() - RestoredEventsMax));
    m_priorSpans = spans;
    for (auto &feed : m_feeds) {
        const CoverageSpan latest = latestSpan(spans, feed->exchange());
        if (latest.untilMs > 0)
            feed->setPriorCoverage(latest);
    }
    m_dirty = true;
}

bool ExchangeStreamSource::anyDelivered() const
{
    return std::any_of(m_feeds.cbegin(), m_feeds.cend(),
                       [](const auto &feed) { return feed->coveredSinceMs() > 0; });
}

bool ExchangeStreamSource::isDuplicate(const LiquidationEvent &event, qint64 now)
{
    while (!m_seenOrder.empty() && m_seenOrder.front().first < now - DuplicateHorizonMs) {
        m_seen.remove(m_seenOrder.front().second);
        m_seenOrder.pop_front();
    }
    const quint64 key = eventKey(event);
    if (m_seen.contains(key))
        return true;
    m_seen.insert(key);
    m_seenOrder.emplace_back(now, key);
    return false;
}

void ExchangeStreamSource::onEvents(const QList<LiquidationEvent> &events)
{
    const qint64 now = nowMs();
    m_aggregator.advanceTo(now);
    QList<LiquidationEvent> counted;
    counted.reserve(events.size());
    for (const LiquidationEvent &event : events) {
        if (isDuplicate(event, now)) {
            ++m_duplicates;
            continue;
        }
        if (m_aggregator.add(event)) {
            ++m_eventsCounted;
            m_dirty = true;
            counted.append(event);
        }
    }
    if (!counted.isEmpty())
        emit eventsReceived(counted);
}

void ExchangeStreamSource::onTick()
{
    const qint64 now = nowMs();
    if (m_dirty || now - m_lastPublishMs >= RollIntervalMs)
        publish();
    emit statusChanged(status()); // the rates and countdowns move
}

LiquidationSnapshot ExchangeStreamSource::snapshot() const
{
    LiquidationSnapshot snapshot = m_aggregator.snapshot(BreakdownKind::Coin);
    // Coverage (and so "partial") is of the exchanges being watched now; one that is down is named apart,
    // so it neither hides the others' watch nor passes for a quiet market.
    QStringList watched;
    QStringList down;
    for (const auto &feed : m_feeds) {
        if (feed->coveredSinceMs() > 0) {
            snapshot.observation->coverage.append(
                {feed->exchange(), QDateTime::fromMSecsSinceEpoch(feed->coveredSinceMs(), Qt::UTC)});
            watched << exchangeName(feed->exchange());
        } else {
            down << exchangeName(feed->exchange());
        }
    }
    if (watched.isEmpty()) {
        snapshot.source = tr("Connecting to %1").arg(down.join(QStringLiteral(", ")));
    } else {
        snapshot.source = tr("Observed on %1").arg(watched.join(QStringLiteral(", ")));
        if (!down.isEmpty())
            snapshot.source += tr(" (%1 not connected)").arg(down.join(QStringLiteral(", ")));
    }
    snapshot.scope = tr("All coins");
    return snapshot;
}

void ExchangeStreamSource::publish()
{
    m_aggregator.advanceTo(nowMs());
    m_lastPublishMs = nowMs();
    m_dirty = false;
    emit snapshotReceived(snapshot(), {}, displayOrigin());
}

std::optional<Timeline> ExchangeStreamSource::timeline(int bucketMinutes) const
{
    Timeline timeline = m_aggregator.timeline(bucketMinutes);
    const QDateTime asOf = QDateTime::fromMSecsSinceEpoch(m_aggregator.now(), Qt::UTC);
    QList<QPair<QDateTime, QDateTime>> covered;
    for (const CoverageSpan &span : m_priorSpans)
        covered.append({QDateTime::fromMSecsSinceEpoch(span.sinceMs, Qt::UTC),
                        QDateTime::fromMSecsSinceEpoch(span.untilMs, Qt::UTC)});
    for (const auto &feed : m_feeds) {
        if (feed->coveredSinceMs() > 0)
            covered.append({QDateTime::fromMSecsSinceEpoch(feed->coveredSinceMs(), Qt::UTC), asOf});
    }
    markGaps(timeline, covered, asOf);
    return timeline;
}

LiveStatus ExchangeStreamSource::status() const
{
    LiveStatus status;
    status.name = displayOrigin();
    status.state = m_running ? LiveState::Connecting : LiveState::Paused;
    int live = 0;
    for (const auto &feed : m_feeds) {
        LinkStatus exchange = feed->status();
        const int bad = feed->badMessages();
        const int unknown = feed->unknownInstruments();
        QStringList notes;
        if (bad > 0)
            notes << tr("%n bad message(s) dropped", nullptr, bad);
        if (unknown > 0)
            notes << tr("%n liquidation(s) of unknown instruments not counted", nullptr, unknown);
        if (!notes.isEmpty())
            exchange.message = exchange.message.isEmpty()
                ? notes.join(QStringLiteral("; "))
                : exchange.message + QStringLiteral("; ") + notes.join(QStringLiteral("; "));
        status.eventsPerSecond += exchange.eventsPerSecond;
        if (isFlowing(exchange.state))
            ++live;
        if (exchange.lastSuccessAt.isValid()
            && (!status.lastSuccessAt.isValid() || exchange.lastSuccessAt > status.lastSuccessAt))
            status.lastSuccessAt = exchange.lastSuccessAt;
        status.links.append(exchange);
    }
    if (m_running && live > 0) {
        status.state = LiveState::Live;
        if (live < int(m_feeds.size()))
            status.message = tr("%1 of %2 exchanges live").arg(live).arg(m_feeds.size());
    } else if (m_running && !status.links.isEmpty()
               && std::all_of(status.links.cbegin(), status.links.cend(),
                              [](const LinkStatus &link) { return link.state == LiveState::Error; })) {
        status.state = LiveState::Error;
        status.message = tr("no exchange could be reached");
    } else if (m_running
               && std::any_of(status.links.cbegin(), status.links.cend(), [](const LinkStatus &link) {
                      return link.state == LiveState::Retrying || link.state == LiveState::Silent;
                  })) {
        status.state = LiveState::Retrying;
    }
    return status;
}

QString ExchangeStreamSource::displayOrigin() const
{
    return Liq::displayOrigin(LiveEndpoint(m_endpoint));
}

} // namespace Liq
