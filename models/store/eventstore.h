#pragma once

#include "domain/eventtotals.h"
#include "domain/liquidationevent.h"
#include "domain/timeline.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace Liq {

// Where liquidations are kept across restarts, behind one interface (as qBittorrent keeps its resume
// data behind ResumeDataStorage): SQLite on this computer, PostgreSQL for a desk. One process writes
// (the others read); writes are batched on the store's own thread and never block the caller.
class EventStore : public QObject
{
    Q_OBJECT
public:
    enum class Access { Closed, ReadWrite, ReadOnly };
    // A writer records each exchange's watched span every few seconds (with its batches): a store whose
    // latest span for an exchange ends within this long of now is being written for that exchange.
    static constexpr qint64 WriterActiveMs = 60'000;

    explicit EventStore(QObject *parent = nullptr);
    ~EventStore() override;

    // Opens the store, creating or migrating it when it may write. ReadWrite falls back to ReadOnly
    // when another process is writing. Empty on success; otherwise one sentence naming the store and
    // what is wrong (missing, corrupt, written by a newer Liqscope, not writable). A refused store is
    // never modified.
    virtual QString open(bool mayWrite) = 0;
    virtual Access access() const = 0;
    // Whether another process is writing the store now (a collector): a window on it then follows the
    // store instead of opening connections of its own.
    virtual bool isWrittenElsewhere() const = 0;
    virtual QString location() const = 0; // as it may be shown (no password)

    // Queues liquidations for the next batch (written at least once a second). An event already stored
    // (backfill and stream, two connections, a restart) is stored once. Needs ReadWrite.
    virtual void append(const QList<LiquidationEvent> &events) = 0;
    // Records that the exchange was watched from sinceMs to untilMs; a later call with the same sinceMs
    // extends the span. The times in between spans are the gaps.
    virtual void recordCoverage(Exchange exchange, qint64 sinceMs, qint64 untilMs) = 0;
    // Writes what is queued now and waits for it (shutdown). False when the write failed.
    virtual bool flush() = 0;

    // Reads (the caller's thread, its own connection).
    // Events with time >= sinceMs, oldest first; afterId > 0 returns only rows added after that id (a
    // reader following a writer). *lastId gets the highest id returned (or afterId).
    virtual QList<LiquidationEvent> events(qint64 sinceMs, qint64 afterId = 0,
                                           qint64 *lastId = nullptr) const = 0;
    virtual QList<MinuteTotal> minuteTotals(qint64 fromMinute, qint64 toMinute) const = 0;
    // The same totals handed to visit one at a time, oldest first: a reader that only folds them (the
    // store's picture, a follower's refill) builds no list of the day's tens of thousands of entries.
    virtual void visitMinuteTotals(qint64 fromMinute, qint64 toMinute,
                                   const std::function<void(const MinuteTotal &)> &visit) const;
    virtual QList<CoverageSpan> coverage(qint64 sinceMs) const = 0;
    // The read or write problem of the last call, if any.
    virtual QString lastError() const = 0;

signals:
    // A batch could not be written (disk full, file gone read-only): one clear message. The events stay
    // queued in memory and the next flush tries again; the live view carries on.
    void writeFailed(const QString &message);
    void writeRecovered();
    void batchWritten(int events);
};

} // namespace Liq
