#include "store/postgresstorewriter.h"

#include "store/postgresarrays.h"
#include "store/postgresconnection.h"
#include "store/postgresdirect.h"
#include "store/postgreseventstore.h"
#include "store/postgresschema.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

namespace Liq {
namespace {

constexpr int RetentionStepRows = 2000; // rows deleted per batch: retention never stalls a write
constexpr int RowsPerInsert = 5000; // events per INSERT (eleven arrays of this many values)
constexpr int FirstRetryDelayMs = 1000;

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
    *error = PostgresConnection::firstLine(query.lastError().text());
    return false;
}

bool prepare(QSqlQuery &query, const QString &sql, QString *error)
{
    if (query.prepare(sql))
        return true;
    *error = PostgresConnection::firstLine(query.lastError().text());
    return false;
}

// The events as eleven arrays unnested by the server: one parameter per column instead of one per value,
// which PostgreSQL plans in a fraction of the time of a multi-row VALUES list, in binary (no number
// printed here and parsed there, no quoting) (bench_pgstore).
QList<QByteArray> eventArrays(const QList<LiquidationEvent> &events, const QList<qint64> &keys)
{
    using E = const LiquidationEvent &;
    using namespace PostgresArrays;
    BinaryArray hashes(BinaryArray::Int8, keys.size());
    for (qint64 key : keys)
        hashes.append(key);
    return {binaryColumn(events, BinaryArray::Int2, [](E e) { return qint16(e.exchange); }),
            binaryColumn(events, BinaryArray::Int2, [](E e) { return qint16(e.market); }),
            binaryColumn(events, BinaryArray::Text, [](E e) { return e.instrument.toUtf8(); }),
            binaryColumn(events, BinaryArray::Text, [](E e) { return e.coin.toUtf8(); }),
            binaryColumn(events, BinaryArray::Int2, [](E e) { return qint16(e.side); }),
            binaryColumn(events, BinaryArray::Float8, [](E e) { return e.price; }),
            binaryColumn(events, BinaryArray::Float8, [](E e) { return e.quantity; }),
            binaryColumn(events, BinaryArray::Float8, [](E e) { return e.usd; }),
            binaryColumn(events, BinaryArray::Int8, [](E e) { return e.exchangeTimeMs; }),
            binaryColumn(events, BinaryArray::Int8, [](E e) { return e.receiveTimeMs; }),
            hashes.bytes()};
}

} // namespace

PostgresStoreWriter::PostgresStoreWriter(PostgresConnection connection, QString name, int retentionDays,
                                         qsizetype maxPending)
    : m_connection(std::move(connection))
    , m_name(std::move(name))
    , m_retentionMs(qint64(retentionDays) * 24 * 3600 * 1000)
    , m_maxPending(maxPending)
{ }

bool PostgresStoreWriter::begin(QString *error)
{
    if (!ensureConnected(error))
        return false;
    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, [this] { write(false); });
    m_timer->start(PostgresEventStore::BatchIntervalMs);
    return true;
}

void PostgresStoreWriter::end()
{
    write(true);
    delete m_timer;
    m_timer = nullptr;
    PostgresConnection::drop(m_name);
}

void PostgresStoreWriter::enqueue(const QList<LiquidationEvent> &events)
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

void PostgresStoreWriter::cover(Exchange exchange, qint64 sinceMs, qint64 untilMs)
{
    qint64 &until = m_coverage[{int(exchange), sinceMs}];
    until = qMax(until, untilMs);
}

// One transaction: the events (each once), the minutes of those that were new, the coverage, a step of
// retention. Rolled back whole on any error, so trying again never counts anything twice.
bool PostgresStoreWriter::write(bool force)
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

bool PostgresStoreWriter::ensureConnected(QString *error)
{
    if (QSqlDatabase::database(m_name, false).isOpen())
        return true;
    PostgresConnection::drop(m_name);
    if (!m_connection.open(m_name, error))
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_name, false);
    if (m_writerId < 0) { // this writer's number for its minute rows, kept across reconnections
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SELECT nextval('writer_ids')")) || !query.next()) {
            *error = PostgresConnection::firstLine(query.lastError().text());
            return false;
        }
        m_writerId = query.value(0).toLongLong();
    }
    return m_coinIds.load(db, error);
}

// Every message takes its values in one arg() call: a socket folder in the location is percent-encoded
// ("%2Ftmp"), which a second, chained arg() would take for its placeholder.
void PostgresStoreWriter::failed(const QString &error)
{
    // The connection may be broken in a way QPSQL does not notice: the next try opens a new one (and
    // reads the coins again: the numbers this transaction took were rolled back with it).
    PostgresConnection::drop(m_name);
    m_coinIds.forget();
    m_sinceFailure.start();
    m_retryDelayMs = m_retryDelayMs == 0 ? FirstRetryDelayMs
                                         : qMin(2 * m_retryDelayMs, PostgresEventStore::MaxRetryDelayMs);
    if (!m_failing) {
        emit writeFailed(tr("%1: cannot write (%2); keeping up to %3 new liquidations in memory (the oldest "
                            "are dropped beyond that) and reconnecting")
                             .arg(m_connection.location(), error, QString::number(m_maxPending)));
    }
    m_failing = true;
    emit retryScheduled(m_retryDelayMs);
    reportDropped();
}

void PostgresStoreWriter::reportDropped()
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

bool PostgresStoreWriter::writeBatch(int *written, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_name, false);
    if (!db.transaction()) {
        *error = PostgresConnection::firstLine(db.lastError().text());
        return false;
    }
    QSqlQuery lock(db);
    lock.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(PostgresSchema::WriteLockKey));
    const bool ok = exec(lock, error) && insertEvents(db, written, error) && writeCoverage(db, error)
        && trimOld(db, error);
    if (!ok || !db.commit()) {
        if (ok)
            *error = PostgresConnection::firstLine(db.lastError().text());
        db.rollback();
        return false;
    }
    return true;
}

// The events, RowsPerInsert at a time; those the server RETURNs as new (the others were stored already,
// by this writer or another, and counted then) add to this writer's minute rows, written once per batch.
bool PostgresStoreWriter::insertEvents(QSqlDatabase &db, int *written, QString *error)
{
    QList<QString> coins;
    QSet<QString> seen;
    for (const LiquidationEvent &event : std::as_const(m_pending)) {
        if (!seen.contains(event.coin)) {
            seen.insert(event.coin);
            coins << event.coin;
        }
    }
    if (!m_coinIds.ensure(db, coins, error))
        return false;
    PostgresRollup::Minutes minutes;
    for (qsizetype from = 0; from < m_pending.size(); from += RowsPerInsert) {
        if (!insertChunk(db, from, qMin(m_pending.size(), from + RowsPerInsert), &minutes, written, error))
            return false;
    }
    return PostgresRollup::add(db, m_writerId, minutes, error);
}

bool PostgresStoreWriter::insertChunk(QSqlDatabase &db, qsizetype from, qsizetype to,
                                      PostgresRollup::Minutes *minutes, int *written, QString *error)
{
    // One row per key (a backfill and the stream may both be in the batch): the RETURNed keys then name
    // one event each.
    QList<LiquidationEvent> chunk;
    QList<qint64> keys;
    QHash<QPair<qint64, qint64>, qsizetype> byKey; // (time, key hash) → index in chunk
    chunk.reserve(to - from);
    keys.reserve(to - from);
    for (qsizetype i = from; i < to; ++i) {
        const LiquidationEvent &event = m_pending.at(i);
        const qint64 key = PostgresRollup::keyHash(event);
        if (byKey.contains({event.exchangeTimeMs, key}))
            continue;
        byKey.insert({event.exchangeTimeMs, key}, chunk.size());
        chunk << event;
        keys << key;
    }
    // libpq: the arrays beside the statement (QPSQL would inline them as text in an EXECUTE for the server
    // to lex).
    const PostgresDirect::Result inserted = PostgresDirect::exec(
        db,
        "INSERT INTO events (exchange, market, instrument, coin, side, price, quantity, usd, time_ms,"
        " received_ms, key_hash) SELECT * FROM unnest($1::smallint[], $2::smallint[], $3::text[], $4::text[],"
        " $5::smallint[], $6::float8[], $7::float8[], $8::float8[], $9::int8[], $10::int8[], $11::int8[])"
        " ON CONFLICT DO NOTHING RETURNING time_ms, key_hash",
        eventArrays(chunk, keys), PostgresDirect::Format::Binary, PostgresDirect::Format::Binary, error);
    if (!inserted)
        return false;
    for (int row = 0; row < PostgresDirect::rows(inserted.get()); ++row) {
        const qsizetype at = byKey.value(
            {PostgresDirect::int8(inserted.get(), row, 0), PostgresDirect::int8(inserted.get(), row, 1)}, -1);
        if (at < 0)
            continue;
        const LiquidationEvent &event = chunk.at(at);
        (*minutes)[PostgresRollup::minuteOf(event.exchangeTimeMs)].add(
            {m_coinIds.idOf(event.coin), event.exchange, event.side, 1, event.usd, event.usd});
        ++*written;
    }
    return true;
}

bool PostgresStoreWriter::writeCoverage(QSqlDatabase &db, QString *error)
{
    if (m_coverage.isEmpty())
        return true;
    QSqlQuery upsert(db);
    if (!prepare(upsert,
                 QStringLiteral("INSERT INTO coverage (exchange, since_ms, until_ms) VALUES %1"
                                " ON CONFLICT (exchange, since_ms) DO UPDATE SET"
                                " until_ms = greatest(coverage.until_ms, excluded.until_ms)")
                     .arg(placeholders(int(m_coverage.size()), 3)),
                 error))
        return false;
    for (auto it = m_coverage.cbegin(); it != m_coverage.cend(); ++it) {
        upsert.addBindValue(it.key().first);
        upsert.addBindValue(it.key().second);
        upsert.addBindValue(it.value());
    }
    return exec(upsert, error);
}

bool PostgresStoreWriter::trimOld(QSqlDatabase &db, QString *error) const
{
    const qint64 cutoffMs = QDateTime::currentMSecsSinceEpoch() - m_retentionMs;
    QSqlQuery query(db);
    const bool ok = query.exec(QStringLiteral("DELETE FROM events WHERE id IN (SELECT id FROM events WHERE"
                                              " time_ms < %1 ORDER BY time_ms LIMIT %2)")
                                   .arg(cutoffMs)
                                   .arg(RetentionStepRows))
        && query.exec(QStringLiteral("DELETE FROM minute_rollups WHERE minute < %1")
                          .arg(PostgresRollup::minuteOf(cutoffMs)))
        && query.exec(QStringLiteral("DELETE FROM coverage WHERE until_ms < %1").arg(cutoffMs));
    if (!ok)
        *error = PostgresConnection::firstLine(query.lastError().text());
    return ok;
}

} // namespace Liq
