#pragma once

#include "store/eventstore.h"
#include "store/storewriterthread.h"

#include <QLockFile>
#include <QMutex>

#include <memory>

struct sqlite3;

namespace Liq {

class SqliteStoreWriter;

// The event store in one SQLite file (Debian's QSQLITE driver): WAL journal, a writer on its own thread
// that commits a batch at least once a second (a kill -9 loses at most that second), the unique key that
// stores an event once, the schema's version in PRAGMA user_version, and retention that deletes old rows
// a little at a time so writes never stall. One process writes: it holds FILE.lock (QLockFile, stale locks
// of dead processes are taken over); any other opens the file read-only.
class SqliteEventStore final : public EventStore
{
    Q_OBJECT
public:
    static constexpr int DefaultRetentionDays = 30;
    static constexpr int BatchIntervalMs = 500;

    explicit SqliteEventStore(const QString &path, QObject *parent = nullptr);
    ~SqliteEventStore() override;

    // The default file: AppDataLocation/events.sqlite.
    static QString defaultPath();

    void setRetentionDays(int days); // before open()
    // A cap on the file's size (0: none), for users who ration their disk; past it a write fails as on a
    // full disk: one message, the events stay in memory. Before open().
    void setMaxSizeBytes(qint64 bytes) { m_maxSizeBytes = bytes; }

    QString open(bool mayWrite) override;
    Access access() const override { return m_access; }
    // Another live process holds FILE.lock (read from the lock, never taken).
    bool isWrittenElsewhere() const override;
    QString location() const override { return m_path; }
    void append(const QList<LiquidationEvent> &events) override;
    void recordCoverage(Exchange exchange, qint64 sinceMs, qint64 untilMs) override;
    bool flush() override;

    QList<LiquidationEvent> events(qint64 sinceMs, qint64 afterId = 0,
                                   qint64 *lastId = nullptr) const override;
    QList<MinuteTotal> minuteTotals(qint64 fromMinute, qint64 toMinute) const override;
    void visitMinuteTotals(qint64 fromMinute, qint64 toMinute,
                           const std::function<void(const MinuteTotal &)> &visit) const override;
    QList<CoverageSpan> coverage(qint64 sinceMs) const override;
    QString lastError() const override;

private:
    // The SQLite handle of the calling thread's read-only connection, opened on first use (null when it
    // cannot be opened, with lastError() set).
    sqlite3 *readHandle() const;
    void setLastError(const QString &error) const;
    QString checkFile(bool writer); // empty when the file may be used (migrated if it was older)
    QString startWriter();
    void close();

    QString m_path;
    int m_retentionDays = DefaultRetentionDays;
    qint64 m_maxSizeBytes = 0;
    Access m_access = Access::Closed;
    std::unique_ptr<QLockFile> m_lock;
    QString m_connectionPrefix;
    mutable QMutex m_errorMutex;
    mutable QString m_lastError;
    // Last, so it is the first to go: the thread stops before anything it reports to.
    StoreWriterThread<SqliteStoreWriter> m_writer;
};

} // namespace Liq
