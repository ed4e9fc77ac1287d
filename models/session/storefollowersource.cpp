#include "session/storefollowersource.h"

#include "session/storeday.h"
#include "store/eventstore.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>

namespace Liq {
namespace {

constexpr qint64 DayMs = qint64(24) * 3600 * 1000;

QDateTime utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace

StoreFollowerSource::StoreFollowerSource(const EventStore *store, const QList<Exchange> &expected,
                                         QObject *parent)
    : LiveSource(parent)
    , m_store(store)
    , m_expected(expected)
    , m_aggregator(QDateTime::currentMSecsSinceEpoch())
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_poll.setInterval(FollowIntervalMs);
    connect(&m_poll, &QTimer::timeout, this, &StoreFollowerSource::follow);
}

void StoreFollowerSource::start()
{
    if (m_running)
        return;
    m_running = true;
    if (!m_refilled) {
        // After the event loop turns once: the window paints before the store is read.
        QTimer::singleShot(0, this, [this] {
            if (!m_running)
                return;
            refill();
            publish();
            emit statusChanged(status());
        });
    }
    m_poll.start();
    emit statusChanged(status());
}

void StoreFollowerSource::pause()
{
    m_running = false;
    m_poll.stop();
    emit statusChanged(status());
}

void StoreFollowerSource::resume()
{
    start();
}

void StoreFollowerSource::refill()
{
    m_refilled = true;
    const qint64 now = m_clock();
    m_aggregator.advanceTo(now);
    // Minutes first, then events: a batch the writer commits in between is then missed by the minutes
    // and found as new rows by the next follow(), never counted twice.
    const qint64 eventsSince = m_aggregator.eventsNeededSinceMs();
    m_store->visitMinuteTotals((now - DayMs) / 60'000, eventsSince / 60'000,
                               [this](const MinuteTotal &total) { m_aggregator.addMinuteTotal(total); });
    QList<LiquidationEvent> recent = m_store->events(eventsSince, 0, &m_lastId);
    for (const LiquidationEvent &event : recent) {
        m_aggregator.add(event);
        if (event.receiveTimeMs >= now - RateWindowMs) // the rate starts from what the writer received
            m_arrivals.emplace_back(event.receiveTimeMs, event.exchange);
    }
    std::sort(m_arrivals.begin(), m_arrivals.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    const QList<CoverageSpan> spans = m_store->coverage(now - DayMs);
    readDone(now);
    if (m_readProblem.isEmpty())
        m_spans = spans;
    if (recent.size() > RestoredEventsMax)
        recent.erase(recent.begin(), recent.end() - RestoredEventsMax);
    if (!recent.isEmpty())
        emit eventsRestored(recent);
}

void StoreFollowerSource::follow()
{
    if (!m_refilled)
        return;
    const qint64 now = m_clock();
    if (m_reconnectDelayMs > 0 && now < m_nextReadMs) {
        emit statusChanged(status()); // the countdown
        return;
    }
    m_aggregator.advanceTo(now);
    const QList<LiquidationEvent> added = m_store->events(now - DayMs, m_lastId, &m_lastId);
    QList<LiquidationEvent> counted;
    counted.reserve(added.size());
    for (const LiquidationEvent &event : added) {
        if (m_aggregator.add(event)) {
            counted.append(event);
            m_arrivals.emplace_back(now, event.exchange);
        }
    }
    while (!m_arrivals.empty() && m_arrivals.front().first < now - RateWindowMs)
        m_arrivals.pop_front();
    m_eventsFollowed += counted.size();
    const QList<CoverageSpan> spans = m_store->coverage(now - DayMs);
    readDone(now);
    // A failed read keeps the spans read before (the badge keeps the data's age).
    const bool coverageMoved = m_readProblem.isEmpty() && spans != m_spans;
    if (coverageMoved)
        m_spans = spans;
    if (!counted.isEmpty())
        emit eventsReceived(counted);
    if (!counted.isEmpty() || coverageMoved)
        m_dirty = true;
    if (m_dirty || now - m_lastPublishMs >= RollIntervalMs)
        publish();
    emit statusChanged(status());
}

// After a round of reads: the store's problem, if any, and when to read again.
void StoreFollowerSource::readDone(qint64 now)
{
    m_readProblem = m_store->lastError();
    if (m_readProblem.isEmpty()) {
        m_reconnectDelayMs = 0;
        return;
    }
    m_reconnectDelayMs
        = m_reconnectDelayMs == 0 ? FirstReconnectDelayMs : qMin(2 * m_reconnectDelayMs, MaxReconnectDelayMs);
    m_nextReadMs = now + m_reconnectDelayMs;
}

void StoreFollowerSource::publish()
{
    m_lastPublishMs = m_clock();
    m_aggregator.advanceTo(m_lastPublishMs);
    m_dirty = false;
    emit snapshotReceived(snapshot(), {}, displayOrigin());
}

QList<Exchange> StoreFollowerSource::shownExchanges() const
{
    QList<Exchange> shown;
    for (Exchange exchange : AllExchanges) {
        const bool stored
            = std::any_of(m_spans.cbegin(), m_spans.cend(),
                          [exchange](const CoverageSpan &span) { return span.exchange == exchange; });
        if (stored || m_expected.contains(exchange))
            shown.append(exchange);
    }
    return shown;
}

bool StoreFollowerSource::writerActive(Exchange exchange) const
{
    const CoverageSpan latest = latestSpan(m_spans, exchange);
    return latest.untilMs > 0 && latest.untilMs >= m_clock() - EventStore::WriterActiveMs;
}

double StoreFollowerSource::eventsPerSecond(Exchange exchange) const
{
    const auto count = std::count_if(m_arrivals.cbegin(), m_arrivals.cend(),
                                     [exchange](const auto &arrival) { return arrival.second == exchange; });
    return double(count) * 1000.0 / double(RateWindowMs);
}

LiquidationSnapshot StoreFollowerSource::snapshot() const
{
    LiquidationSnapshot snapshot = m_aggregator.snapshot(BreakdownKind::Coin);
    QStringList watched;
    QStringList stopped;
    for (Exchange exchange : shownExchanges()) {
        if (writerActive(exchange)) {
            snapshot.observation->coverage.append({exchange, utc(latestSpan(m_spans, exchange).sinceMs)});
            watched << exchangeName(exchange);
        } else {
            stopped << exchangeName(exchange);
        }
    }
    if (watched.isEmpty()) {
        snapshot.source = tr("Event store %1: nothing is being recorded now").arg(m_store->location());
    } else {
        snapshot.source
            = tr("Observed on %1 (recorded by a collector)").arg(watched.join(QStringLiteral(", ")));
        if (!stopped.isEmpty())
            snapshot.source += tr(" (%1 not recorded now)").arg(stopped.join(QStringLiteral(", ")));
    }
    snapshot.scope = tr("All coins");
    return snapshot;
}

std::optional<Timeline> StoreFollowerSource::timeline(int bucketMinutes) const
{
    return storeTimeline(m_aggregator, m_spans, bucketMinutes);
}

LiveStatus StoreFollowerSource::status() const
{
    LiveStatus status;
    status.name = displayOrigin();
    status.relay = tr("via collector");
    status.state = !m_running ? LiveState::Paused : m_refilled ? LiveState::Stale : LiveState::Connecting;
    int recording = 0;
    for (Exchange exchange : shownExchanges()) {
        LinkStatus link;
        link.name = exchangeName(exchange);
        const CoverageSpan latest = latestSpan(m_spans, exchange);
        if (latest.untilMs > 0)
            link.lastSuccessAt = utc(latest.untilMs);
        if (!m_running) {
            link.state = LiveState::Paused;
        } else if (!m_refilled) {
            link.state = LiveState::Connecting;
        } else if (writerActive(exchange)) {
            link.state = LiveState::Live;
            link.eventsPerSecond = eventsPerSecond(exchange);
            status.eventsPerSecond += link.eventsPerSecond;
            ++recording;
        } else {
            link.state = LiveState::Stale;
            link.message = latest.untilMs > 0 ? tr("the store's writer stopped recording it")
                                              : tr("the store's writer does not record it");
        }
        status.links.append(link);
        if (link.lastSuccessAt.isValid()
            && (!status.lastSuccessAt.isValid() || link.lastSuccessAt > status.lastSuccessAt))
            status.lastSuccessAt = link.lastSuccessAt;
    }
    if (m_running && recording > 0)
        status.state = LiveState::Live;
    if (m_running && m_refilled && !m_readProblem.isEmpty()) {
        // The store is what went away: the whole source and each exchange it carries reconnect.
        status.state = LiveState::Reconnecting;
        status.nextAttemptAt = utc(m_nextReadMs);
        status.eventsPerSecond = 0;
        for (LinkStatus &link : status.links) {
            link.state = LiveState::Reconnecting;
            link.nextAttemptAt = status.nextAttemptAt;
            link.eventsPerSecond = 0;
            link.message = tr("the event store cannot be read");
        }
    }
    status.message = m_readProblem.isEmpty()
        ? tr("following %1, which another process writes; this window opens no connection")
              .arg(m_store->location())
        : tr("%1 could not be read: %2").arg(m_store->location(), m_readProblem);
    return status;
}

QString StoreFollowerSource::displayOrigin() const
{
    return tr("event store %1").arg(m_store->location());
}

} // namespace Liq
