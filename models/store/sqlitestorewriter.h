#pragma once

#include "domain/liquidationevent.h"
#include "store/minuterollup.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>

class QTimer;

namespace Liq {

// The event store's own thread: owns the write connection, the queue and the batch timer. A batch is one
// transaction through prepared statements of the SQLite C API on the QtSql connection's handle: the
// events (each once), the minutes they add to, the coverage and a step of retention.
class SqliteStoreWriter final : public QObject
{
    Q_OBJECT
public:
    SqliteStoreWriter(QString path, QString connection, int retentionDays, qint64 maxSizeBytes);
    ~SqliteStoreWriter() override;

    // Opens the connection (on the store's thread) and starts the batch timer. False with *error set.
    bool begin(QString *error);
    // Writes what is queued and closes the connection.
    void end();

    void enqueue(const QList<LiquidationEvent> &events);
    void cover(Exchange exchange, qint64 sinceMs, qint64 untilMs);
    // One transaction of everything queued; false (and it all stays queued) when it could not be written.
    bool write();

signals:
    void writeFailed(const QString &message);
    void writeRecovered();
    void batchWritten(int events);

private:
    struct Statements;

    bool limitSize(QString *error) const;
    bool loadCoins(QString *error);
    bool coinId(const QString &coin, quint32 *id, QString *error);
    bool insertEvents(int *written, QString *error);
    bool writeMinutes(const QHash<qint64, MinuteRollup> &minutes, QString *error);
    bool writeCoverage(QString *error);
    bool trimOld(QString *error);
    void forgetNewCoins();

    QString m_path;
    QString m_connection;
    qint64 m_retentionMs;
    qint64 m_maxSizeBytes;
    QTimer *m_timer = nullptr;
    std::unique_ptr<Statements> m_sql;
    QList<LiquidationEvent> m_pending;
    QHash<QPair<int, qint64>, qint64> m_coverage;
    QHash<QString, quint32> m_coinIds;
    QStringList m_newCoins; // added in the open transaction: forgotten again if it rolls back
    bool m_failing = false;
};

} // namespace Liq
