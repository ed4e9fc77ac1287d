#include "store/postgreseventstore.h"

#include "store/postgresarrays.h"
#include "store/postgresschema.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QUuid>

namespace Liq {
namespace {

constexpr int RetentionStepRows = 2000; // rows deleted per batch: retention never stalls a write
constexpr int RowsPerInsert = 5000; // events per INSERT (ten arrays of this many values)
constexpr int FirstRetryDelayMs = 1000;

void dropConnection(const QString &name)
{
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QString firstLine(const QString &text)
{
    return text.section(QLatin1Char('\n'), 0, 0).simplified();
}

QString placeholders(int rows, int columns)
{
    QStringList row(columns, QStringLiteral("?"));
    const QString one = QLatin1Char('(') + row.join(QLatin1Char(',')) + QLatin1Char(')');
    return QStringList(rows, one).join(QLatin1Char(','));
}

bool exec(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    *error = firstLine(query.lastError().text());
    return false;
}

} // namespace

// The store's own thread: owns the write connection, the queue and the batch timer.
class PostgresStoreWriter final : public QObject
{
    Q_OBJECT
public:
    PostgresStoreWriter(PostgresConnection connection, QString name, int retentionDays, qsizetype maxPending)
        : m_connection(std::move(connection))
        , m_name(std::move(name))
        , m_retentionMs(qint64(retentionDays) * 24 * 3600 * 1000)
        , m_maxPending(maxPending)
    { }

    bool begin(QString *error)
    {
        if (!ensureConnected(error))
            return false;
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, [this] { write(false); });
        m_timer->start(PostgresEventStore::BatchIntervalMs);
        return true;
    }

    void end()
    {
        write(true);
        delete m_timer;
        m_timer = nullptr;
        dropConnection(m_name);
    }

    void enqueue(const QList<LiquidationEvent> &events)
    {
        m_pending += events;
        const qsizetype excess = m_pending.size() - m_maxPending;
        if (excess <= 0)
            return;
        // The oldest go; what they were is said with the next failure (not once per append).
        for (qsizetype i = 0; i < excess; ++i) {
            const qint64 timeMs = m_pending.at(i).exchangeTimeMs;
            m_droppedFromMs = m_dropped == 0 ? timeMs : qMin(m_droppedFromMs, timeMs);
            m_droppedUntilMs = m_dropped == 0 ? timeMs : qMax(m_droppedUntilMs, timeMs);
            ++m_dropped;
        }
        m_pending.remove(0, excess);
    }

    void cover(Exchange exchange, qint64 sinceMs, qint64 untilMs)
    {
        qint64 &until = m_coverage[{int(exchange), sinceMs}];
        until = qMax(until, untilMs);
    }

    // One transaction: the events (each once), the minutes of those that were new, the coverage, a step
    // of retention. Rolled back whole on any error, so trying again never counts anything twice. While
    // the database is away, tries again after a growing delay (force: now, as on shutdown).
    bool write(bool force)
    {
        if (m_pending.isEmpty() && m_coverage.isEmpty())
            return true;
        if (m_failing && !force && m_sinceFailure.elapsed() < m_retryDelayMs)
            return false;
        QString error;
        int written = 0;
        if (!ensureConnected(&error) || !writeBatch(&written, &error)) {
            failed(error);
            return false;
        }
        m_pending.clear();
        m_coverage.clear();
        if (m_failing)
            emit writeRecovered();
        m_failing = false;
        m_retryDelayMs = 0;
        emit batchWritten(written);
        return true;
    }

signals: // unnamed: moc's definitions are in this file too
    void writeFailed(const QString &);
    void writeRecovered();
    void batchWritten(int);

private:
    bool ensureConnected(QString *error)
    {
        if (QSqlDatabase::database(m_name, false).isOpen())
            return true;
        dropConnection(m_name);
        return m_connection.open(m_name, error);
    }

    // Every message takes its values in one arg() call: a socket folder in the location is percent-encoded
    // ("%2Ftmp"), which a second, chained arg() would take for its placeholder.
    void failed(const QString &error)
    {
        // The connection may be broken in a way QPSQL does not notice: the next try opens a new one.
        dropConnection(m_name);
        m_sinceFailure.start();
        m_retryDelayMs = m_retryDelayMs == 0 ? FirstRetryDelayMs
                                             : qMin(2 * m_retryDelayMs, PostgresEventStore::MaxRetryDelayMs);
        if (!m_failing) {
            emit writeFailed(
                tr("%1: cannot write (%2); keeping up to %3 new liquidations in memory (the oldest "
                   "are dropped beyond that) and reconnecting")
                    .arg(m_connection.location(), error, QString::number(m_maxPending)));
        }
        m_failing = true;
        reportDropped();
    }

    void reportDropped()
    {
        if (m_dropped == 0)
            return;
        const auto shown = [](qint64 ms) {
            return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
        };
        emit writeFailed(tr("%1: still cannot write; dropped the %2 oldest liquidations waiting in memory "
                            "(from %3 to %4) to keep the newest %5")
                             .arg(m_connection.location(), QString::number(m_dropped), shown(m_droppedFromMs),
                                  shown(m_droppedUntilMs), QString::number(m_maxPending)));
        m_dropped = 0;
    }

    bool writeBatch(int *written, QString *error)
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (!db.transaction()) {
            *error = firstLine(db.lastError().text());
            return false;
        }
        QSqlQuery lock(db);
        lock.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(PostgresSchema::WriteLockKey));
        const bool ok = exec(lock, error) && insertEvents(db, written, error) && writeCoverage(db, error)
            && trimOld(db, error);
        if (!ok || !db.commit()) {
            if (ok)
                *error = firstLine(db.lastError().text());
            db.rollback();
            return false;
        }
        return true;
    }

    // The events, RowsPerInsert at a time, as ten arrays unnested by the server: one parameter per column
    // instead of one per value, which PostgreSQL plans in a fraction of the time of a multi-row VALUES
    // list (bench_pgstore). The same statement adds the events that were new (RETURNING: the others were
    // stored already, by us or another collector, and their minutes counted them then) to the per-minute
    // rollup, each minute once (grouped), on the server: nothing comes back but the count.
    bool insertEvents(QSqlDatabase &db, int *written, QString *error)
    {
        for (qsizetype from = 0; from < m_pending.size(); from += RowsPerInsert) {
            QSqlQuery insert(db);
            insert.setForwardOnly(true);
            if (!insert.prepare(QStringLiteral(
                    "WITH new AS (INSERT INTO events (exchange, market, instrument, coin, side, price, "
                    "quantity,"
                    " usd, time_ms, received_ms) SELECT * FROM unnest(?::smallint[], ?::smallint[],"
                    " ?::text[], ?::text[], ?::smallint[], ?::float8[], ?::float8[], ?::float8[], ?::int8[],"
                    " ?::int8[]) ON CONFLICT DO NOTHING RETURNING time_ms, exchange, coin, side, usd),"
                    " rollup AS (INSERT INTO minutes (minute, exchange, coin, side, usd, count, largest_usd)"
                    " SELECT time_ms / 60000, exchange, coin, side, sum(usd), count(*), max(usd) FROM new"
                    " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"
                    " ON CONFLICT (minute, exchange, coin, side) DO UPDATE SET"
                    " usd = minutes.usd + excluded.usd, count = minutes.count + excluded.count,"
                    " largest_usd = greatest(minutes.largest_usd, excluded.largest_usd))"
                    " SELECT count(*) FROM new"))) {
                *error = firstLine(insert.lastError().text());
                return false;
            }
            const QList<LiquidationEvent> chunk = m_pending.mid(from, RowsPerInsert);
            using E = const LiquidationEvent &;
            using namespace PostgresArrays;
            insert.addBindValue(column(chunk, [](E e) { return number(int(e.exchange)); }));
            insert.addBindValue(column(chunk, [](E e) { return number(int(e.market)); }));
            insert.addBindValue(column(chunk, [](E e) { return quoted(e.instrument); }));
            insert.addBindValue(column(chunk, [](E e) { return quoted(e.coin); }));
            insert.addBindValue(column(chunk, [](E e) { return number(int(e.side)); }));
            insert.addBindValue(column(chunk, [](E e) { return number(e.price); }));
            insert.addBindValue(column(chunk, [](E e) { return number(e.quantity); }));
            insert.addBindValue(column(chunk, [](E e) { return number(e.usd); }));
            insert.addBindValue(column(chunk, [](E e) { return number(e.exchangeTimeMs); }));
            insert.addBindValue(column(chunk, [](E e) { return number(e.receiveTimeMs); }));
            if (!exec(insert, error))
                return false;
            if (insert.next())
                *written += insert.value(0).toInt();
        }
        return true;
    }

    bool writeCoverage(QSqlDatabase &db, QString *error)
    {
        if (m_coverage.isEmpty())
            return true;
        QSqlQuery upsert(db);
        if (!upsert.prepare(QStringLiteral("INSERT INTO coverage (exchange, since_ms, until_ms) VALUES %1"
                                           " ON CONFLICT (exchange, since_ms) DO UPDATE SET"
                                           " until_ms = greatest(coverage.until_ms, excluded.until_ms)")
                                .arg(placeholders(int(m_coverage.size()), 3)))) {
            *error = firstLine(upsert.lastError().text());
            return false;
        }
        for (auto it = m_coverage.cbegin(); it != m_coverage.cend(); ++it) {
            upsert.addBindValue(it.key().first);
            upsert.addBindValue(it.key().second);
            upsert.addBindValue(it.value());
        }
        return exec(upsert, error);
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
            && query.exec(QStringLiteral("DELETE FROM minutes WHERE minute < least(%1, (SELECT min(minute)"
                                         " FROM minutes) + 60)")
                              .arg(cutoffMs / 60000))
            && query.exec(QStringLiteral("DELETE FROM coverage WHERE until_ms < %1").arg(cutoffMs));
        if (!ok)
            *error = firstLine(query.lastError().text());
        return ok;
    }

    PostgresConnection m_connection;
    QString m_name;
    qint64 m_retentionMs;
    qsizetype m_maxPending;
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

PostgresEventStore::PostgresEventStore(const QString &spec, QObject *parent)
    : EventStore(parent)
    , m_connection(PostgresConnection::parse(spec))
    , m_spec(spec)
    , m_connectionPrefix(QStringLiteral("liqscope-pg-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_thread.setObjectName(QStringLiteral("event store"));
}

PostgresEventStore::~PostgresEventStore()
{
    close();
}

void PostgresEventStore::setRetentionDays(int days)
{
    m_retentionDays = qMax(1, days);
}

void PostgresEventStore::setMaxPendingEvents(qsizetype events)
{
    m_maxPendingEvents = qMax<qsizetype>(1, events);
}

QString PostgresEventStore::location() const
{
    // An unusable URI may hold a password: it is never shown back.
    return m_connection.error.isEmpty() ? m_connection.location() : QStringLiteral("postgresql://…");
}

// Checks (and, for a writer, creates or migrates) the schema; *writer becomes false when the role may
// not insert. Empty on success.
QString PostgresEventStore::checkSchema(bool *writer)
{
    const QString shown = location();
    const QString check = m_connectionPrefix + QStringLiteral("-check");
    QString error;
    if (!m_connection.open(check, &error)) {
        dropConnection(check);
        return tr("%1: cannot connect (%2)").arg(shown, error);
    }
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::database(check, false);
        const int version = PostgresSchema::versionOf(db, &error);
        if (version < 0)
            problem = tr("%1: not a Liqscope event store, or unreadable (%2)").arg(shown, error);
        else if (version > PostgresSchema::CurrentVersion)
            problem
                = tr("%1: written by a newer Liqscope (schema %2; this one reads up to %3)")
                      .arg(shown, QString::number(version), QString::number(PostgresSchema::CurrentVersion));
        else if (version == 0 && !*writer)
            problem
                = tr("%1: no Liqscope event store in this database yet (a collector creates it)").arg(shown);
        else if (version < PostgresSchema::CurrentVersion && !*writer)
            problem = tr("%1: an older schema (%2) that only a writer may update")
                          .arg(shown, QString::number(version));
        else if (version < PostgresSchema::CurrentVersion && !PostgresSchema::migrate(db, &error))
            problem = tr("%1: cannot create or update the schema (%2)").arg(shown, error);
        if (problem.isEmpty() && *writer) {
            QSqlQuery query(db);
            *writer = query.exec(QStringLiteral("SELECT has_table_privilege('events', 'INSERT')"))
                && query.next() && query.value(0).toBool();
        }
    }
    dropConnection(check);
    return problem;
}

QString PostgresEventStore::open(bool mayWrite)
{
    close();
    if (!m_connection.error.isEmpty())
        return tr("%1: %2").arg(location(), m_connection.error);
    bool writer = mayWrite;
    if (QString problem = checkSchema(&writer); !problem.isEmpty())
        return problem;
    if (writer) {
        m_writer = new PostgresStoreWriter(m_connection, m_connectionPrefix + QStringLiteral("-write"),
                                           m_retentionDays, m_maxPendingEvents);
        m_writer->moveToThread(&m_thread);
        connect(&m_thread, &QThread::finished, m_writer, &QObject::deleteLater);
        connect(m_writer, &PostgresStoreWriter::writeFailed, this, &EventStore::writeFailed);
        connect(m_writer, &PostgresStoreWriter::writeRecovered, this, &EventStore::writeRecovered);
        connect(m_writer, &PostgresStoreWriter::batchWritten, this, &EventStore::batchWritten);
        m_thread.start();
        bool started = false;
        QString error;
        QMetaObject::invokeMethod(
            m_writer, [this, &started, &error] { started = m_writer->begin(&error); },
            Qt::BlockingQueuedConnection);
        if (!started) {
            close();
            return tr("%1: cannot write (%2)").arg(location(), error);
        }
    }
    m_access = writer ? Access::ReadWrite : Access::ReadOnly;
    return {};
}

void PostgresEventStore::close()
{
    if (m_writer) {
        PostgresStoreWriter *writer = m_writer;
        QMetaObject::invokeMethod(
            writer, [writer] { writer->end(); }, Qt::BlockingQueuedConnection);
        m_writer = nullptr;
        m_thread.quit();
        m_thread.wait();
    }
    dropConnection(m_connectionPrefix + QStringLiteral("-read"));
    m_access = Access::Closed;
}

void PostgresEventStore::append(const QList<LiquidationEvent> &events)
{
    if (!m_writer || events.isEmpty())
        return;
    PostgresStoreWriter *writer = m_writer;
    QMetaObject::invokeMethod(
        writer, [writer, events] { writer->enqueue(events); }, Qt::QueuedConnection);
}

void PostgresEventStore::recordCoverage(Exchange exchange, qint64 sinceMs, qint64 untilMs)
{
    if (!m_writer)
        return;
    m_recordsCoverage = true;
    PostgresStoreWriter *writer = m_writer;
    QMetaObject::invokeMethod(
        writer, [writer, exchange, sinceMs, untilMs] { writer->cover(exchange, sinceMs, untilMs); },
        Qt::QueuedConnection);
}

bool PostgresEventStore::isWrittenElsewhere() const
{
    return !m_recordsCoverage && !coverage(QDateTime::currentMSecsSinceEpoch() - WriterActiveMs).isEmpty();
}

bool PostgresEventStore::flush()
{
    if (!m_writer)
        return false;
    bool ok = false;
    PostgresStoreWriter *writer = m_writer;
    QMetaObject::invokeMethod(
        writer, [writer, &ok] { ok = writer->write(true); }, Qt::BlockingQueuedConnection);
    return ok;
}

QString PostgresEventStore::readConnection() const
{
    QString name = m_connectionPrefix + QStringLiteral("-read");
    bool broken = false;
    {
        const QMutexLocker locker(&m_errorMutex);
        std::swap(broken, m_readBroken);
    }
    if (broken || !QSqlDatabase::database(name, false).isOpen()) {
        dropConnection(name);
        QString error;
        if (m_connection.error.isEmpty() && m_connection.open(name, &error)) {
            QSqlQuery readOnly(QSqlDatabase::database(name, false));
            readOnly.exec(QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"));
            // The day's minute rows (tens of thousands) come in the primary key's order straight from its
            // index: the day is in cache, so a random page costs little more than a sequential one (with the
            // default 4, the planner sorted a bitmap scan's rows instead, three times slower; EXPLAIN
            // ANALYZE in bench_pgstore). A sort that still happens stays in memory.
            readOnly.exec(QStringLiteral("SET random_page_cost = 1.1"));
            readOnly.exec(QStringLiteral("SET work_mem = '32MB'"));
        } else {
            readFailed(m_connection.error.isEmpty() ? error : m_connection.error);
        }
    }
    return name;
}

// A read that failed: the message for lastError(), and a new connection for the next read (the server
// may have restarted under this one).
void PostgresEventStore::readFailed(const QString &error) const
{
    const QMutexLocker locker(&m_errorMutex);
    m_lastError = firstLine(error);
    m_readBroken = true;
}

QString PostgresEventStore::lastError() const
{
    const QMutexLocker locker(&m_errorMutex);
    return m_lastError;
}

QList<LiquidationEvent> PostgresEventStore::events(qint64 sinceMs, qint64 afterId, qint64 *lastId) const
{
    QList<LiquidationEvent> found;
    qint64 highest = afterId;
    const QSqlDatabase db = QSqlDatabase::database(readConnection(), false);
    if (db.isOpen()) {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.prepare(
            QStringLiteral(
                "SELECT id, exchange, market, instrument, coin, side, price, quantity, usd, time_ms,"
                " received_ms FROM events WHERE time_ms >= ? AND id > ? ORDER BY %1")
                .arg(afterId > 0 ? QStringLiteral("id") : QStringLiteral("time_ms, id")));
        query.addBindValue(sinceMs);
        query.addBindValue(afterId);
        if (!query.exec())
            readFailed(query.lastError().text());
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
    }
    if (lastId)
        *lastId = highest;
    return found;
}

QList<MinuteTotal> PostgresEventStore::minuteTotals(qint64 fromMinute, qint64 toMinute) const
{
    QList<MinuteTotal> totals;
    const QSqlDatabase db = QSqlDatabase::database(readConnection(), false);
    if (!db.isOpen())
        return totals;
    QSqlQuery query(db);
    // The whole result at once (a day is bounded): QPSQL's forward-only single-row mode costs a third more.
    query.prepare(QStringLiteral("SELECT minute, exchange, coin, side, usd, count, largest_usd FROM minutes"
                                 " WHERE minute >= ? AND minute < ? ORDER BY minute, exchange, coin, side"));
    query.addBindValue(fromMinute);
    query.addBindValue(toMinute);
    if (!query.exec())
        readFailed(query.lastError().text());
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

QList<CoverageSpan> PostgresEventStore::coverage(qint64 sinceMs) const
{
    QList<CoverageSpan> spans;
    const QSqlDatabase db = QSqlDatabase::database(readConnection(), false);
    if (!db.isOpen())
        return spans;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT exchange, since_ms, until_ms FROM coverage WHERE until_ms >= ?"
                                 " ORDER BY exchange, since_ms"));
    query.addBindValue(sinceMs);
    if (!query.exec())
        readFailed(query.lastError().text());
    while (query.next())
        spans.append(
            {Exchange(query.value(0).toInt()), query.value(1).toLongLong(), query.value(2).toLongLong()});
    return spans;
}

} // namespace Liq

#include "postgreseventstore.moc"
