#include "session/storerecorder.h"

#include "exchanges/exchangestreamsource.h"
#include "live/livesource.h"
#include "session/storeday.h"
#include "store/eventstore.h"
#include "streams/liquidationaggregator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

#include <algorithm>

namespace Liq {

StoreRecorder::StoreRecorder(EventStore *store, LiveSource *source, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    connect(source, &LiveSource::eventsReceived, this,
            [this](const QList<LiquidationEvent> &events) { m_store->append(events); });
    connect(source, &LiveSource::snapshotReceived, this, [this](const LiquidationSnapshot &snapshot) {
        if (!snapshot.observation)
            return;
        for (const ExchangeCoverage &exchange : snapshot.observation->coverage) {
            if (exchange.observedSince.isValid())
                m_store->recordCoverage(exchange.exchange, exchange.observedSince.toMSecsSinceEpoch(),
                                        snapshot.asOf.toMSecsSinceEpoch());
        }
    });
}

namespace StoreRefill {

void refill(ExchangeStreamSource &source, const EventStore &store)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 eventsSince = source.eventsNeededSinceMs();
    const qint64 dayStartMinute = (now - qint64(24) * 3600 * 1000) / 60'000;
    source.preload(store.minuteTotals(dayStartMinute, eventsSince / 60'000), store.events(eventsSince),
                   store.coverage(now - qint64(24) * 3600 * 1000));
}

LiquidationSnapshot snapshot(const EventStore &store, std::shared_ptr<const StoreDay> *day,
                             QList<LiquidationEvent> *newest)
{
    constexpr qint64 DayMs = qint64(24) * 3600 * 1000;
    constexpr qint64 RunningMs = EventStore::WriterActiveMs;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<CoverageSpan> spans = store.coverage(now - 30 * DayMs);
    qint64 lastUntil = 0;
    for (const CoverageSpan &span : spans)
        lastUntil = qMax(lastUntil, span.untilMs);
    const qint64 asOf = lastUntil > 0 && lastUntil < now - RunningMs ? lastUntil : now;

    auto aggregator = std::make_unique<LiquidationAggregator>(asOf);
    const qint64 eventsSince = aggregator->eventsNeededSinceMs();
    store.visitMinuteTotals((asOf - DayMs) / 60'000, eventsSince / 60'000,
                            [&aggregator](const MinuteTotal &total) { aggregator->addMinuteTotal(total); });
    QList<LiquidationEvent> recent = store.events(eventsSince);
    const auto end
        = std::partition_point(recent.begin(), recent.end(), [asOf](const LiquidationEvent &event) {
              return event.exchangeTimeMs <= asOf;
          });
    recent.erase(end, recent.end());
    for (const LiquidationEvent &event : recent)
        aggregator->add(event);
    LiquidationSnapshot snapshot = aggregator->snapshot(BreakdownKind::Coin);
    QStringList names;
    for (Exchange exchange : AllExchanges) {
        const CoverageSpan latest = latestSpan(spans, exchange);
        if (latest.untilMs == 0)
            continue;
        // The watch counts up to asOf only if it reached it; otherwise nothing recent was observed.
        const bool reaches = latest.untilMs >= asOf - RunningMs;
        snapshot.observation->coverage.append(
            {exchange, reaches ? QDateTime::fromMSecsSinceEpoch(latest.sinceMs, Qt::UTC) : QDateTime()});
        names << exchangeName(exchange);
    }
    // A store with events but no recorded watch (written by an older or foreign writer) names none.
    snapshot.source = names.isEmpty()
        ? QCoreApplication::translate("Liq::StoreRefill", "Event store")
        : QCoreApplication::translate("Liq::StoreRefill", "Observed on %1 (event store)")
              .arg(names.join(QStringLiteral(", ")));
    snapshot.scope = QCoreApplication::translate("Liq::StoreRefill", "All coins");
    if (newest) {
        if (recent.size() > LiveSource::RestoredEventsMax)
            recent.erase(recent.begin(), recent.end() - LiveSource::RestoredEventsMax);
        *newest = std::move(recent);
    }
    if (day)
        *day = std::make_shared<const StoreDay>(std::move(aggregator), std::move(spans));
    return snapshot;
}

} // namespace StoreRefill
} // namespace Liq
