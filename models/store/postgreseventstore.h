#pragma once

#include "store/eventstore.h"
#include "store/postgresconnection.h"
#include "store/storewriterthread.h"

#include <QMutex>

namespace Liq {

class PostgresStoreWriter;

// The event store in a PostgreSQL database (Qt's QPSQL driver), for a desk: one or more collectors write
// it, many dashboards read it. The same unique key as the SQLite store and INSERT … ON CONFLICT DO
// NOTHING store an event once however many collectors see it; the per-minute rollup only adds the rows an
// insert RETURNed, so it stays exact. The writer is on its own thread and its own connection: a batch at
// least every BatchIntervalMs, in one transaction under an advisory lock (writers take turns, so the ids
// of committed events only grow and a follower reading "id > last" misses none). A database that goes
// away: one writeFailed, the events kept in memory (up to MaxPendingEvents; the oldest are dropped beyond
// that, and the next failed try says how many and from when), reconnection with a growing delay, and the
// backlog written once when it is back (writeRecovered). Reads use a connection of the calling thread.
class PostgresEventStore final : public EventStore
{
    Q_OBJECT
public:
    static constexpr int DefaultRetentionDays = 30;
    static constexpr int BatchIntervalMs = 500;
    static constexpr qsizetype MaxPendingEvents = 200000;
    static constexpr int MaxRetryDelayMs = 16000;

    // spec: a postgresql:// or postgres:// URI (see PostgresConnection). An unusable one makes open() fail.
    explicit PostgresEventStore(const QString &spec, QObject *parent = nullptr);
    ~PostgresEventStore() override;

    void setRetentionDays(int days); // before open()
    void setMaxPendingEvents(qsizetype events); // before open(); MaxPendingEvents unless a test says less

    // ReadWrite when mayWrite and the role may insert (several writers are fine); ReadOnly otherwise.
    QString open(bool mayWrite) override;
    Access access() const override { return m_access; }
    // Several processes may write one database: another one is writing when a watched span reaches
    // within WriterActiveMs of now and this store has recorded none itself.
    bool isWrittenElsewhere() const override;
    QString location() const override;
    void append(const QList<LiquidationEvent> &events) override;
    void recordCoverage(Exchange exchange, qint64 sinceMs, qint64 untilMs) override;
    bool flush() override;

    QList<LiquidationEvent> events(qint64 sinceMs, qint64 afterId = 0,
                                   qint64 *lastId = nullptr) const override;
    QList<MinuteTotal> minuteTotals(qint64 fromMinute, qint64 toMinute) const override;
    QList<CoverageSpan> coverage(qint64 sinceMs) const override;
    QString lastError() const override;

private:
    QString readConnection() const; // the calling thread's connection, opened on first use
    void readFailed(const QString &error) const;
    QString checkSchema(bool *writer);
    void close();

    PostgresConnection m_connection;
    QString m_spec;
    int m_retentionDays = DefaultRetentionDays;
    qsizetype m_maxPendingEvents = MaxPendingEvents;
    Access m_access = Access::Closed;
    QString m_connectionPrefix;
    mutable QMutex m_errorMutex;
    mutable QString m_lastError;
    mutable bool m_readBroken = false; // the next read opens a new connection
    bool m_recordsCoverage = false; // this process records spans (so the recent ones are its own)
    // Last, so it is the first to go: the thread stops before anything it reports to.
    StoreWriterThread<PostgresStoreWriter> m_writer;
};

} // namespace Liq
