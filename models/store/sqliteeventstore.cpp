#include "store/sqliteeventstore.h"

#include "store/storeschema.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTimer>
#include <QUuid>

#include <csignal>

namespace Liq {
namespace {

constexpr int RetentionStepRows = 2000; // rows deleted per batch: retention never stalls a write
struct MinuteKey
{
    qint64 minute;
    int exchange;
    QString coin;
    int side;

    friend bool operator==(const MinuteKey &a, const MinuteKey &b)
    {
        return a.minute == b.minute && a.exchange == b.exchange && a.coin == b.coin && a.side == b.side;
    }
};

size_t qHash(const MinuteKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.minute, key.exchange, key.coin, key.side);
}

struct MinuteSum
{
    double usd = 0;
    int count = 0;
    double largest = 0;
};

constexpr qsizetype MaxPendingEvents = 2'000'000; // kept in memory while writes fail (about 400 MiB)

// Opens a connection of this thread; false with *error set.
bool openConnection(const QString &name, const QString &path, bool readOnly, QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    db.setConnectOptions(readOnly ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")
                                  : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        *error = db.lastError().text();
        return false;
    }
    return true;
}

void dropConnection(const QString &name)
{
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

// The store's own thread: owns the write connection, the queue and the batch timer.
class SqliteStoreWriter final : public QObject
{
    Q_OBJECT
public:
    SqliteStoreWriter(QString path, QString connection, int retentionDays, qint64 maxSizeBytes)
        : m_path(std::move(path))
        , m_connection(std::move(connection))
        , m_retentionMs(qint64(retentionDays) * 24 * 3600 * 1000)
        , m_maxSizeBytes(maxSizeBytes)
    { }

    bool begin(QString *error)
    {
        if (!openConnection(m_connection, m_path, false, error))
            return false;
        QSqlQuery pragma(QSqlDatabase::database(m_connection));
        // WAL: readers never block the writer; NORMAL: a crash of the process loses nothing committed.
        if (!pragma.exec(QStringLiteral("PRAGMA journal_mode=WAL"))
            || !pragma.exec(QStringLiteral("PRAGMA synchronous=NORMAL"))) {
            *error = pragma.lastError().text();
            return false;
        }
        if (m_maxSizeBytes > 0 && !limitSize(pragma, error))
            return false;
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, [this] { write(); });
        m_timer->start(SqliteEventStore::BatchIntervalMs);
        return true;
    }

    void end()
    {
        write();
        delete m_timer;
        m_timer = nullptr;
        dropConnection(m_connection);
    }

    void enqueue(const QList<LiquidationEvent> &events)
    {
        m_pending += events;
        if (m_pending.size() > MaxPendingEvents)
            m_pending.remove(0, m_pending.size() - MaxPendingEvents);
    }

    void cover(Exchange exchange, qint64 sinceMs, qint64 untilMs)
    {
        m_coverage[{int(exchange), sinceMs}] = untilMs;
    }

    // One transaction: the events (each once), their minutes, the coverage, a step of retention.
    bool write()
    {
        if (m_pending.isEmpty() && m_coverage.isEmpty())
            return true;
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        QString error;
        int written = 0;
        const bool ok = db.transaction() && insertEvents(db, &written, &error) && writeCoverage(db, &error)
            && trimOld(db, &error) && db.commit();
        if (!ok) {
            if (error.isEmpty())
                error = db.lastError().text();
            db.rollback();
            if (!m_failing)
                emit writeFailed(tr("%1: cannot write (%2); keeping new liquidations in memory and retrying")
                                     .arg(QDir::toNativeSeparators(m_path), error));
            m_failing = true;
            return false;
        }
        m_pending.clear();
        m_coverage.clear();
        if (m_failing)
            emit writeRecovered();
        m_failing = false;
        emit batchWritten(written);
        return true;
    }

signals: // unnamed: moc's definitions are in this file too
    void writeFailed(const QString &);
    void writeRecovered();
    void batchWritten(int);

private:
    bool limitSize(QSqlQuery &pragma, QString *error) const
    {
        if (!pragma.exec(QStringLiteral("PRAGMA page_size")) || !pragma.next()) {
            *error = pragma.lastError().text();
            return false;
        }
        const qint64 pages = qMax<qint64>(1, m_maxSizeBytes / qMax(1, pragma.value(0).toInt()));
        if (!pragma.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages))) {
            *error = pragma.lastError().text();
            return false;
        }
        return true;
    }

    // The events, each once; then the minutes of those that were new, one upsert per minute, exchange,
    // coin and side of the batch (not per event: a busy second has many of the same).
    bool insertEvents(QSqlDatabase &db, int *written, QString *error)
    {
        QSqlQuery insert(db);
        if (!insert.prepare(QStringLiteral(
                "INSERT OR IGNORE INTO events (exchange, market, instrument, coin, side,"
                " price, quantity, usd, time_ms, received_ms) VALUES (?,?,?,?,?,?,?,?,?,?)"))) {
            *error = insert.lastError().text();
            return false;
        }
        QHash<MinuteKey, MinuteSum> minutes;
        for (const LiquidationEvent &event : std::as_const(m_pending)) {
            const QVariantList values{int(event.exchange),  int(event.market),  event.instrument, event.coin,
                                      int(event.side),      event.price,        event.quantity,   event.usd,
                                      event.exchangeTimeMs, event.receiveTimeMs};
            for (int i = 0; i < values.size(); ++i)
                insert.bindValue(i, values.at(i));
            if (!insert.exec()) {
                *error = insert.lastError().text();
                return false;
            }
            if (insert.numRowsAffected() != 1)
                continue; // stored already: its minute counted it then
            ++*written;
            MinuteSum &sum
                = minutes[{event.exchangeTimeMs / 60'000, int(event.exchange), event.coin, int(event.side)}];
            sum.usd += event.usd;
            sum.count += 1;
            sum.largest = qMax(sum.largest, event.usd);
        }
        return writeMinutes(db, minutes, error);
    }

    bool writeMinutes(QSqlDatabase &db, const QHash<MinuteKey, MinuteSum> &minutes, QString *error)
    {
        QSqlQuery upsert(db);
        if (!upsert.prepare(QStringLiteral(
                "INSERT INTO minutes (minute, exchange, coin, side, usd, count, largest_usd) VALUES "
                "(?,?,?,?,?,?,?)"
                " ON CONFLICT (minute, exchange, coin, side) DO UPDATE SET usd = usd + excluded.usd,"
                " count = count + excluded.count, largest_usd = max(largest_usd, excluded.largest_usd)"))) {
            *error = upsert.lastError().text();
            return false;
        }
        for (auto it = minutes.cbegin(); it != minutes.cend(); ++it) {
            const QVariantList values{it.key().minute, it.key().exchange, it.key().coin,     it.key().side,
                                      it.value().usd,  it.value().count,  it.value().largest};
            for (int i = 0; i < values.size(); ++i)
                upsert.bindValue(i, values.at(i));
            if (!upsert.exec()) {
                *error = upsert.lastError().text();
                return false;
            }
        }
        return true;
    }

    bool writeCoverage(QSqlDatabase &db, QString *error)
    {
        QSqlQuery query(db);
        if (!query.prepare(QStringLiteral("INSERT INTO coverage (exchange, since_ms, until_ms) VALUES (?,?,?)"
                                          " ON CONFLICT (exchange, since_ms) DO UPDATE SET"
                                          " until_ms = max(until_ms, excluded.until_ms)"))) {
            *error = query.lastError().text();
            return false;
        }
        for (auto it = m_coverage.cbegin(); it != m_coverage.cend(); ++it) {
            query.bindValue(0, it.key().first);
            query.bindValue(1, it.key().second);
            query.bindValue(2, it.value());
            if (!query.exec()) {
                *error = query.lastError().text();
                return false;
            }
        }
        return true;
    }

    bool trimOld(QSqlDatabase &db, QString *error) const
    {
        const qint64 cutoffMs = QDateTime::currentMSecsSinceEpoch() - m_retentionMs;
        QSqlQuery query(db);
        const bool ok
            = query.exec(QStringLiteral("DELETE FROM events WHERE id IN (SELECT id FROM events WHERE"
                                        " time_ms < %1 ORDER BY time_ms LIMIT %2)")
                             .arg(cutoffMs)
                             .arg(RetentionStepRows))
            && query.exec(QStringLiteral("DELETE FROM minutes WHERE minute < min(%1, (SELECT min(minute) FROM"
                                         " minutes) + 60)")
                              .arg(cutoffMs / 60'000))
            && query.exec(QStringLiteral("DELETE FROM coverage WHERE until_ms < %1").arg(cutoffMs));
        if (!ok)
            *error = query.lastError().text();
        return ok;
    }

    QString m_path;
    QString m_connection;
    qint64 m_retentionMs;
    qint64 m_maxSizeBytes;
    QTimer *m_timer = nullptr;
    QList<LiquidationEvent> m_pending;
    QHash<QPair<int, qint64>, qint64> m_coverage;
    bool m_failing = false;
};

SqliteEventStore::SqliteEventStore(const QString &path, QObject *parent)
    : EventStore(parent)
    , m_path(path)
    , m_connectionPrefix(QStringLiteral("liqscope-store-")
                         + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_thread.setObjectName(QStringLiteral("event store"));
}

SqliteEventStore::~SqliteEventStore()
{
    close();
}

QString SqliteEventStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/events.sqlite");
}

void SqliteEventStore::setRetentionDays(int days)
{
    m_retentionDays = qMax(1, days);
}

QString SqliteEventStore::open(bool mayWrite)
{
    close();
    const QString shown = QDir::toNativeSeparators(m_path);
    const QFileInfo file(m_path);
    if (!file.exists() && !mayWrite)
        return tr("%1: no such event store").arg(shown);
    bool writer = mayWrite;
    if (writer) {
        if (!QDir().mkpath(file.absolutePath()))
            return tr("%1: cannot create the folder").arg(shown);
        m_lock = std::make_unique<QLockFile>(m_path + QStringLiteral(".lock"));
        m_lock->setStaleLockTime(0); // only a live process holds it (QLockFile checks the PID)
        if (!m_lock->tryLock(0)) {
            m_lock.reset();
            writer = false; // another Liqscope writes: this one reads
            if (!file.exists())
                return tr("%1: another process holds the lock but the file is missing").arg(shown);
        }
    }

    // Checked before anything is written: a file Liqscope cannot read, or one of a newer schema, is
    // refused and left exactly as it is.
    const QString check = m_connectionPrefix + QStringLiteral("-check");
    QString error;
    if (!openConnection(check, m_path, !writer, &error)) {
        dropConnection(check);
        close();
        return tr("%1: cannot be opened (%2)").arg(shown, error);
    }
    {
        QSqlDatabase db = QSqlDatabase::database(check, false);
        const int version = StoreSchema::versionOf(db, &error);
        if (version < 0)
            error = tr("%1: not a Liqscope event store, or damaged (%2)").arg(shown, error);
        else if (version > StoreSchema::CurrentVersion)
            error = tr("%1: written by a newer Liqscope (schema %2; this one reads up to %3)")
                        .arg(shown)
                        .arg(version)
                        .arg(StoreSchema::CurrentVersion);
        else if (version < StoreSchema::CurrentVersion && !writer)
            error = tr("%1: an older schema (%2) that only a writer may update").arg(shown).arg(version);
        else if (version < StoreSchema::CurrentVersion && !StoreSchema::migrate(db, version, &error))
            error = tr("%1: cannot update the schema (%2)").arg(shown, error);
        else
            error.clear();
    }
    dropConnection(check);
    if (!error.isEmpty()) {
        close();
        return error;
    }

    if (writer) {
        m_writer = new SqliteStoreWriter(m_path, m_connectionPrefix + QStringLiteral("-write"),
                                         m_retentionDays, m_maxSizeBytes);
        m_writer->moveToThread(&m_thread);
        connect(&m_thread, &QThread::finished, m_writer, &QObject::deleteLater);
        connect(m_writer, &SqliteStoreWriter::writeFailed, this, &EventStore::writeFailed);
        connect(m_writer, &SqliteStoreWriter::writeRecovered, this, &EventStore::writeRecovered);
        connect(m_writer, &SqliteStoreWriter::batchWritten, this, &EventStore::batchWritten);
        m_thread.start();
        bool started = false;
        QMetaObject::invokeMethod(
            m_writer, [this, &started, &error] { started = m_writer->begin(&error); },
            Qt::BlockingQueuedConnection);
        if (!started) {
            close();
            return tr("%1: cannot write (%2)").arg(shown, error);
        }
    }
    m_access = writer ? Access::ReadWrite : Access::ReadOnly;
    return {};
}

void SqliteEventStore::close()
{
    if (m_writer) {
        SqliteStoreWriter *writer = m_writer;
        QMetaObject::invokeMethod(
            writer, [writer] { writer->end(); }, Qt::BlockingQueuedConnection);
        m_writer = nullptr;
        m_thread.quit();
        m_thread.wait();
    }
    dropConnection(m_connectionPrefix + QStringLiteral("-read"));
    m_lock.reset();
    m_access = Access::Closed;
}

void SqliteEventStore::append(const QList<LiquidationEvent> &events)
{
    if (!m_writer || events.isEmpty())
        return;
    SqliteStoreWriter *writer = m_writer;
    QMetaObject::invokeMethod(
        writer, [writer, events] { writer->enqueue(events); }, Qt::QueuedConnection);
}

void SqliteEventStore::recordCoverage(Exchange exchange, qint64 sinceMs, qint64 untilMs)
{
    if (!m_writer)
        return;
    SqliteStoreWriter *writer = m_writer;
    QMetaObject::invokeMethod(
        writer, [writer, exchange, sinceMs, untilMs] { writer->cover(exchange, sinceMs, untilMs); },
        Qt::QueuedConnection);
}

bool SqliteEventStore::flush()
{
    if (!m_writer)
        return false;
    bool ok = false;
    SqliteStoreWriter *writer = m_writer;
    QMetaObject::invokeMethod(
        writer, [writer, &ok] { ok = writer->write(); }, Qt::BlockingQueuedConnection);
    return ok;
}

QString SqliteEventStore::readConnection() const
{
    QString name = m_connectionPrefix + QStringLiteral("-read");
    if (!QSqlDatabase::contains(name)) {
        QString error;
        if (!openConnection(name, m_path, true, &error)) {
            const QMutexLocker locker(&m_errorMutex);
            m_lastError = error;
        }
    }
    return name;
}

QString SqliteEventStore::lastError() const
{
    const QMutexLocker locker(&m_errorMutex);
    return m_lastError;
}

QList<LiquidationEvent> SqliteEventStore::events(qint64 sinceMs, qint64 afterId, qint64 *lastId) const
{
    QList<LiquidationEvent> found;
    QSqlQuery query(QSqlDatabase::database(readConnection(), false));
    query.setForwardOnly(true);
    // A follower asks for the few rows after the last id it saw (the id index); a refill for a time range
    // (the time index): one ORDER BY each, so SQLite never walks the whole table for the other.
    query.prepare(
        QStringLiteral("SELECT id, exchange, market, instrument, coin, side, price, quantity, usd, time_ms,"
                       " received_ms FROM events WHERE time_ms >= ? AND id > ? ORDER BY %1")
            .arg(afterId > 0 ? QStringLiteral("id") : QStringLiteral("time_ms, id")));
    query.bindValue(0, sinceMs);
    query.bindValue(1, afterId);
    qint64 highest = afterId;
    if (!query.exec()) {
        const QMutexLocker locker(&m_errorMutex);
        m_lastError = query.lastError().text();
    }
    while (query.next()) {
        highest = qMax(highest, query.value(0).toLongLong());
        LiquidationEvent event;
        event.exchange = Exchange(query.value(1).toInt());
        event.market = MarketKind(query.value(2).toInt());
        event.instrument = query.value(3).toString();
        event.coin = query.value(4).toString();
        event.side = LiquidatedSide(query.value(5).toInt());
        event.price = query.value(6).toDouble();
        event.quantity = query.value(7).toDouble();
        event.usd = query.value(8).toDouble();
        event.exchangeTimeMs = query.value(9).toLongLong();
        event.receiveTimeMs = query.value(10).toLongLong();
        found.append(event);
    }
    if (lastId)
        *lastId = highest;
    return found;
}

QList<MinuteTotal> SqliteEventStore::minuteTotals(qint64 fromMinute, qint64 toMinute) const
{
    QList<MinuteTotal> totals;
    QSqlQuery query(QSqlDatabase::database(readConnection(), false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT minute, exchange, coin, side, usd, count, largest_usd FROM minutes"
                                 " WHERE minute >= ? AND minute < ? ORDER BY minute"));
    query.bindValue(0, fromMinute);
    query.bindValue(1, toMinute);
    query.exec();
    while (query.next()) {
        MinuteTotal total;
        total.minute = query.value(0).toLongLong();
        total.exchange = Exchange(query.value(1).toInt());
        total.coin = query.value(2).toString();
        total.side = LiquidatedSide(query.value(3).toInt());
        total.usd = query.value(4).toDouble();
        total.count = query.value(5).toInt();
        total.largestUsd = query.value(6).toDouble();
        totals.append(total);
    }
    return totals;
}

QList<CoverageSpan> SqliteEventStore::coverage(qint64 sinceMs) const
{
    QList<CoverageSpan> spans;
    QSqlQuery query(QSqlDatabase::database(readConnection(), false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT exchange, since_ms, until_ms FROM coverage WHERE until_ms >= ?"
                                 " ORDER BY exchange, since_ms"));
    query.bindValue(0, sinceMs);
    query.exec();
    while (query.next())
        spans.append(
            {Exchange(query.value(0).toInt()), query.value(1).toLongLong(), query.value(2).toLongLong()});
    return spans;
}

bool SqliteEventStore::isWrittenElsewhere() const
{
    if (m_access == Access::ReadWrite)
        return false;
    qint64 pid = 0;
    QString host;
    QString application;
    const QLockFile lock(m_path + QStringLiteral(".lock"));
    if (!lock.getLockInfo(&pid, &host, &application) || pid <= 0)
        return false;
    // A lock left by a process that died is no writer (QLockFile takes such locks over).
    return host == QSysInfo::machineHostName() && ::kill(pid_t(pid), 0) == 0;
}

} // namespace Liq

#include "sqliteeventstore.moc"
