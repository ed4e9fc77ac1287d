#pragma once

#include "domain/liquidationevent.h"
#include "store/postgresconnection.h"
#include "store/postgresrollup.h"

#include <QElapsedTimer>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPair>

class QSqlDatabase;
class QTimer;

namespace Liq {

// The PostgreSQL store's own thread: owns the write connection, the queue and the batch timer. Each batch
// is one transaction under the writers' advisory lock: the events (each once, by their key hash), this
// writer's minute rows for those that were new, the coverage, a step of retention.
class PostgresStoreWriter final : public QObject
{
    Q_OBJECT
public:
    PostgresStoreWriter(PostgresConnection connection, QString name, int retentionDays, qsizetype maxPending);

    bool begin(QString *error);
    void end();
    void enqueue(const QList<LiquidationEvent> &events);
    void cover(Exchange exchange, qint64 sinceMs, qint64 untilMs);
    // Writes what is queued; while the database is away, tries again after a growing delay (force: now,
    // as on shutdown). False when the write failed.
    bool write(bool force);

signals:
    void writeFailed(const QString &message);
    // The database is away; the next try is in retryInMs (the badge's "reconnecting in N s").
    void retryScheduled(qint64 retryInMs);
    void writeRecovered();
    void batchWritten(int events);

private:
    bool ensureConnected(QString *error);
    void failed(const QString &error);
    void reportDropped();
    bool writeBatch(int *written, QString *error);
    bool insertEvents(QSqlDatabase &db, int *written, QString *error);
    bool insertChunk(QSqlDatabase &db, qsizetype from, qsizetype to, PostgresRollup::Minutes *minutes,
                     int *written, QString *error);
    bool writeCoverage(QSqlDatabase &db, QString *error);
    bool trimOld(QSqlDatabase &db, QString *error) const;

    PostgresConnection m_connection;
    QString m_name;
    qint64 m_retentionMs;
    qsizetype m_maxPending;
    qint64 m_writerId = -1; // this writer's minute rows (writer_ids); -1 until the first connection
    PostgresRollup::CoinIds m_coinIds;
    qsizetype m_dropped = 0; // since the last report
    qint64 m_droppedFromMs = 0;
    qint64 m_droppedUntilMs = 0;
    QTimer *m_timer = nullptr;
    QList<LiquidationEvent> m_pending;
    QMap<QPair<int, qint64>, qint64> m_coverage; // sorted: the upsert's lock order
    bool m_failing = false;
    int m_retryDelayMs = 0;
    QElapsedTimer m_sinceFailure;
};

} // namespace Liq
