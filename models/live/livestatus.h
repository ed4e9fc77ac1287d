#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace Liq {

// What a live source (or one of its connections) is doing, as the badge, the status bar and the
// command line show it. The same states serve an HTTP poller and a set of exchange streams.
enum class LiveState {
    Idle, // not started
    Connecting, // connecting or a request is out, and no data is flowing yet
    Live, // data is flowing: the last cycle brought a new snapshot, or events arrive
    Unchanged, // the last cycle brought the same data (HTTP 304 or an identical body)
    Stale, // the last cycle failed; the last good data is kept and a retry is scheduled
    Silent, // connected, but nothing arrived for longer than the source allows: reconnecting
    Retrying, // failed with no good data yet; a retry is scheduled
    Reconnecting, // the connection went away (a database): the last good data is kept, a reconnection is
                  // scheduled at nextAttemptAt
    Error, // a failure retrying cannot fix (bad key, TLS, refused URL): stopped
    Paused, // stopped by the user
};

// "Live", "Stale", ... (the words of the badge and the status line; translated).
QString liveStateText(LiveState state);
// True for the states in which data is flowing (Live, Unchanged).
bool isFlowing(LiveState state);

// The state of one connection of a source (an exchange's stream, a feed URL).
struct LinkStatus
{
    QString name; // "Binance USD-M", or the feed's display origin
    LiveState state = LiveState::Idle;
    // Plain words: why the last attempt failed, or a note. Never a secret.
    QString message;
    int httpStatus = 0; // status of the last HTTP response, 0 when none arrived (or not HTTP)
    QDateTime lastSuccessAt; // when the last good data arrived (UTC); invalid when none did
    QDateTime nextAttemptAt; // when the next attempt goes out (UTC); invalid when none is scheduled
    int consecutiveFailures = 0;
    double eventsPerSecond = 0; // streams only: recent event rate

    // The long form, for tooltips, the status bar and stderr:
    // "Stale: data 2 min old, retrying in 8 s (HTTP 500 ...)".
    QString describe(const QDateTime &now) const;
    // The short form, for the badge: "Stale · data 2 min old · retry in 8 s", "Retrying in 4 s",
    // "Reconnecting in 2 s".
    QString shortText(const QDateTime &now) const;
    // Whether shortText() changes as time passes (an age or a countdown is shown).
    bool changesWithTime() const;
};

// The state of a whole source: its own summary line plus, for sources of several connections, one
// LinkStatus each (empty for a single-connection source).
struct LiveStatus : LinkStatus
{
    QList<LinkStatus> links;
    // Set when the data comes second-hand ("via collector": a store another process writes), so the
    // badge can say the window opens no connection of its own.
    QString relay;

    // The summary line, then one line per link when there are several.
    QString describeAll(const QDateTime &now) const;
};

} // namespace Liq
