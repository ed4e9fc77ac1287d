#include "store/sqlitestorewriter.h"

#include "store/sqliteeventstore.h"
#include "store/sqlitestatement.h"

#include <QDateTime>
#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

#include <sqlite3.h>

namespace Liq {
namespace {

constexpr int RetentionStepRows = 2000; // rows deleted per batch: retention never stalls a write
constexpr qsizetype MaxPendingEvents = 2000000; // kept in memory while writes fail (about 400 MiB)
constexpr qint64 MinuteMs = 60000;

qint64 minuteOf(qint64 timeMs)
{
    return timeMs >= 0 ? timeMs / MinuteMs : -((-timeMs + MinuteMs - 1) / MinuteMs);
}

} // namespace

// Prepared once per connection, reused by every batch.
struct SqliteStoreWriter::Statements
{
    sqlite3 *db = nullptr;
    SqliteStatement insertEvent;
    SqliteStatement insertCoin;
    SqliteStatement readMinute;
    SqliteStatement writeMinute;
    SqliteStatement writeCoverage;
    SqliteStatement trimEvents;
    SqliteStatement trimMinutes;
    SqliteStatement trimCoverage;

    bool prepare(sqlite3 *handle, QString *error)
    {
        db = handle;
        const std::pair<SqliteStatement *, const char *> all[] = {
            {&insertEvent,
             "INSERT OR IGNORE INTO events (exchange, market, instrument, coin, side, price,"
             " quantity, usd, time_ms, received_ms) VALUES (?,?,?,?,?,?,?,?,?,?)"},
            {&insertCoin, "INSERT INTO coins (coin) VALUES (?)"},
            {&readMinute, "SELECT totals FROM minutes WHERE minute = ?"},
            {&writeMinute, "INSERT OR REPLACE INTO minutes (minute, totals) VALUES (?,?)"},
            {&writeCoverage,
             "INSERT INTO coverage (exchange, since_ms, until_ms) VALUES (?,?,?)"
             " ON CONFLICT (exchange, since_ms) DO UPDATE SET"
             " until_ms = max(until_ms, excluded.until_ms)"},
            // The unique key starts with the time: the oldest rows are the first of its index.
            {&trimEvents,
             "DELETE FROM events WHERE id IN (SELECT id FROM events WHERE time_ms < ?1"
             " ORDER BY time_ms LIMIT ?2)"},
            {&trimMinutes,
             "DELETE FROM minutes WHERE minute < min(?1, (SELECT min(minute) FROM minutes) + 60)"},
            {&trimCoverage, "DELETE FROM coverage WHERE until_ms < ?"},
        };
        for (const auto &[statement, sql] : all) {
            if (!statement->prepare(db, sql)) {
                *error = statement->error();
                return false;
            }
        }
        return true;
    }
};

SqliteStoreWriter::SqliteStoreWriter(QString path, QString connection, int retentionDays, qint64 maxSizeBytes)
    : m_path(std::move(path))
    , m_connection(std::move(connection))
    , m_retentionMs(qint64(retentionDays) * 24 * 3600 * 1000)
    , m_maxSizeBytes(maxSizeBytes)
{ }

SqliteStoreWriter::~SqliteStoreWriter() = default;

bool SqliteStoreWriter::begin(QString *error)
{
    if (!SqliteApi::openConnection(m_connection, m_path, false, error))
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery pragma(db);
    // WAL: readers never block the writer; NORMAL: a crash of the process loses nothing committed. A
    // checkpoint every 32 MiB of WAL rather than 4: the pages the batches keep touching (the newest of
    // the table and the key) go to the file once per checkpoint, with one fsync.
    if (!pragma.exec(QStringLiteral("PRAGMA journal_mode=WAL"))
        || !pragma.exec(QStringLiteral("PRAGMA synchronous=NORMAL"))
        || !pragma.exec(QStringLiteral("PRAGMA wal_autocheckpoint=8192"))) {
        *error = pragma.lastError().text();
        return false;
    }
    if (m_maxSizeBytes > 0 && !limitSize(error))
        return false;
    m_sql = std::make_unique<Statements>();
    if (!m_sql->prepare(SqliteApi::handle(db), error) || !loadCoins(error))
        return false;
    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, [this] { write(); });
    m_timer->start(SqliteEventStore::BatchIntervalMs);
    return true;
}

void SqliteStoreWriter::end()
{
    if (m_sql)
        write();
    delete m_timer;
    m_timer = nullptr;
    m_sql.reset(); // every statement finalized before the connection closes
    SqliteApi::dropConnection(m_connection);
}

void SqliteStoreWriter::enqueue(const QList<LiquidationEvent> &events)
{
    m_pending += events;
    if (m_pending.size() > MaxPendingEvents)
        m_pending.remove(0, m_pending.size() - MaxPendingEvents);
}

void SqliteStoreWriter::cover(Exchange exchange, qint64 sinceMs, qint64 untilMs)
{
    m_coverage[{int(exchange), sinceMs}] = untilMs;
}

bool SqliteStoreWriter::write()
{
    if (!m_sql || (m_pending.isEmpty() && m_coverage.isEmpty()))
        return true;
    QString error;
    int written = 0;
    const bool ok = SqliteApi::exec(m_sql->db, "BEGIN", &error) && insertEvents(&written, &error)
        && writeCoverage(&error) && trimOld(&error) && SqliteApi::exec(m_sql->db, "COMMIT", &error);
    if (!ok) {
        if (sqlite3_get_autocommit(m_sql->db) == 0) {
            QString ignored;
            SqliteApi::exec(m_sql->db, "ROLLBACK", &ignored);
        }
        forgetNewCoins();
        if (!m_failing)
            emit writeFailed(tr("%1: cannot write (%2); keeping new liquidations in memory and retrying")
                                 .arg(QDir::toNativeSeparators(m_path), error));
        m_failing = true;
        return false;
    }
    m_pending.clear();
    m_coverage.clear();
    m_newCoins.clear();
    if (m_failing)
        emit writeRecovered();
    m_failing = false;
    emit batchWritten(written);
    return true;
}

bool SqliteStoreWriter::limitSize(QString *error) const
{
    QSqlQuery pragma(QSqlDatabase::database(m_connection, false));
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

bool SqliteStoreWriter::loadCoins(QString *error)
{
    SqliteStatement coins;
    if (!coins.prepare(m_sql->db, "SELECT id, coin FROM coins")) {
        *error = coins.error();
        return false;
    }
    SqliteStatement::Step step;
    while ((step = coins.step()) == SqliteStatement::Step::Row)
        m_coinIds.insert(coins.text(1), quint32(coins.integer(0)));
    if (step == SqliteStatement::Step::Error) {
        *error = coins.error();
        return false;
    }
    return true;
}

bool SqliteStoreWriter::coinId(const QString &coin, quint32 *id, QString *error)
{
    const auto found = m_coinIds.constFind(coin);
    if (found != m_coinIds.cend()) {
        *id = *found;
        return true;
    }
    const QByteArray utf8 = coin.toUtf8();
    SqliteStatement &insert = m_sql->insertCoin;
    insert.bindText(1, utf8);
    if (!insert.run(error))
        return false;
    *id = quint32(sqlite3_last_insert_rowid(m_sql->db));
    m_coinIds.insert(coin, *id);
    m_newCoins << coin;
    return true;
}

void SqliteStoreWriter::forgetNewCoins()
{
    for (const QString &coin : std::as_const(m_newCoins))
        m_coinIds.remove(coin);
    m_newCoins.clear();
}

// The events, each once; the new ones add to their minute's rollup, written once per minute of the batch.
bool SqliteStoreWriter::insertEvents(int *written, QString *error)
{
    SqliteStatement &insert = m_sql->insertEvent;
    QHash<qint64, MinuteRollup> minutes;
    for (const LiquidationEvent &event : std::as_const(m_pending)) {
        const QByteArray instrument = event.instrument.toUtf8();
        const QByteArray coin = event.coin.toUtf8();
        insert.bind(1, qint64(event.exchange));
        insert.bind(2, qint64(event.market));
        insert.bindText(3, instrument);
        insert.bindText(4, coin);
        insert.bind(5, qint64(event.side));
        insert.bind(6, event.price);
        insert.bind(7, event.quantity);
        insert.bind(8, event.usd);
        insert.bind(9, event.exchangeTimeMs);
        insert.bind(10, event.receiveTimeMs);
        if (!insert.run(error))
            return false;
        if (sqlite3_changes(m_sql->db) != 1)
            continue; // stored already: its minute counted it then
        ++*written;
        MinuteRollup::Entry entry{0, event.exchange, event.side, 1, event.usd, event.usd};
        if (!coinId(event.coin, &entry.coinId, error))
            return false;
        minutes[minuteOf(event.exchangeTimeMs)].add(entry);
    }
    return writeMinutes(minutes, error);
}

bool SqliteStoreWriter::writeMinutes(const QHash<qint64, MinuteRollup> &minutes, QString *error)
{
    SqliteStatement &read = m_sql->readMinute;
    SqliteStatement &write = m_sql->writeMinute;
    for (auto it = minutes.cbegin(); it != minutes.cend(); ++it) {
        MinuteRollup rollup;
        read.bind(1, it.key());
        const SqliteStatement::Step step = read.step();
        if (step == SqliteStatement::Step::Row)
            MinuteRollup::unpack(read.blob(0), &rollup); // a damaged row starts again from this batch
        else if (step == SqliteStatement::Step::Error)
            *error = read.error();
        read.reset();
        if (step == SqliteStatement::Step::Error)
            return false;
        rollup.merge(it.value());
        const QByteArray packed = rollup.pack();
        write.bind(1, it.key());
        write.bindBlob(2, packed);
        if (!write.run(error))
            return false;
    }
    return true;
}

bool SqliteStoreWriter::writeCoverage(QString *error)
{
    SqliteStatement &upsert = m_sql->writeCoverage;
    for (auto it = m_coverage.cbegin(); it != m_coverage.cend(); ++it) {
        upsert.bind(1, qint64(it.key().first));
        upsert.bind(2, it.key().second);
        upsert.bind(3, it.value());
        if (!upsert.run(error))
            return false;
    }
    return true;
}

bool SqliteStoreWriter::trimOld(QString *error)
{
    const qint64 cutoffMs = QDateTime::currentMSecsSinceEpoch() - m_retentionMs;
    m_sql->trimEvents.bind(1, cutoffMs);
    m_sql->trimEvents.bind(2, qint64(RetentionStepRows));
    m_sql->trimMinutes.bind(1, minuteOf(cutoffMs));
    m_sql->trimCoverage.bind(1, cutoffMs);
    return m_sql->trimEvents.run(error) && m_sql->trimMinutes.run(error) && m_sql->trimCoverage.run(error);
}

} // namespace Liq
