#pragma once

#include "domain/liquidationevent.h"
#include "domain/liquidationsnapshot.h"
#include "domain/timeline.h"
#include "live/livestatus.h"

#include <QObject>
#include <QStringList>

#include <optional>

namespace Liq {

// Where live data comes from: an HTTP poller, a set of exchange streams, a store being written by a
// collector. A source is a transport plus the parsers of its payloads (as PlotJuggler keeps a
// DataStreamer apart from its MessageParsers); everything after it (history, dashboard, alerts)
// only sees snapshots and a source-neutral status. Made by createLiveSource() from a LiveEndpoint.
class LiveSource : public QObject
{
    Q_OBJECT

public:
    // The most events a source restores from before its start (see eventsRestored).
    static constexpr int RestoredEventsMax = 5000;

    explicit LiveSource(QObject *parent = nullptr);
    ~LiveSource() override;

    virtual void start() = 0; // begins (first request or connection now)
    virtual void pause() = 0; // stops for now; the last good data stays; state Paused
    virtual void resume() = 0; // from Paused or Error
    // Asks for new data now where that means something (a poll); a no-op for push sources.
    virtual void refreshNow() { }

    virtual LiveStatus status() const = 0;
    // Sources made of events: the last 24 h in buckets of bucketMinutes (1, 5, 15, 60), gaps marked.
    // nullopt for sources of snapshots, which know only the windows.
    virtual std::optional<Timeline> timeline(int bucketMinutes) const
    {
        Q_UNUSED(bucketMinutes)
        return std::nullopt;
    }
    // The source as it may be shown: no key, no credentials, no secret query items.
    virtual QString displayOrigin() const = 0;

signals:
    // A new picture of the market. origin is the display origin (never a secret).
    void snapshotReceived(const Liq::LiquidationSnapshot &snapshot, const QStringList &warnings,
                          const QString &origin);
    void statusChanged(const Liq::LiveStatus &status);
    // Sources made of events (the exchange streams, a store) also pass on each liquidation once, as it
    // counts (duplicates already dropped), for the tape and the event store. Polling sources never emit.
    void eventsReceived(const QList<Liq::LiquidationEvent> &events);
    // Sources refilled from a store pass on the newest liquidations kept from before this run (at most
    // RestoredEventsMax, oldest first) once, for the tape: they are stored already and are not news, so
    // nothing records or alerts on them.
    void eventsRestored(const QList<Liq::LiquidationEvent> &events);
};

} // namespace Liq
