#include "store/sqliteeventstore.h"

#include "store/minuterollup.h"
#include "store/sqlitestatement.h"
#include "store/sqlitestorewriter.h"
#include "store/storeschema.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTimer>
#include <QUuid>

#include <csignal>

namespace Liq {
namespace {

constexpr qint64 MaxCoinId = 1 << 20; // a coins table is a few hundred rows; more means damage

bool knownKinds(qint64 exchange, qint64 market, qint64 side)
{
    return exchange >= 0 && exchange < ExchangeCount && market >= 0 && market <= qint64(MarketKind::Futures)
        && (side == 0 || side == 1);
}

} // namespace

SqliteEventStore::SqliteEventStore(const QString &path, QObject *parent)
    : EventStore(parent)
    , m_path(path)
    , m_connectionPrefix(QStringLiteral("liqscope-store-")
                         + QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_writer(this)
{ }

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

    QString error = checkFile(writer);
    if (error.isEmpty() && writer)
        error = startWriter();
    if (!error.isEmpty()) {
        close();
        return error;
    }
    m_access = writer ? Access::ReadWrite : Access::ReadOnly;
    return {};
}

// Checked before anything is written: a file Liqscope cannot read, or one of a newer schema, is refused
// and left exactly as it is; so is any file when Qt's SQLite driver is not the library linked here (the
// hot paths use the C API on the driver's handle).
QString SqliteEventStore::checkFile(bool writer)
{
    const QString shown = QDir::toNativeSeparators(m_path);
    const QString check = m_connectionPrefix + QStringLiteral("-check");
    QString error;
    if (!SqliteApi::openConnection(check, m_path, !writer, &error)) {
        SqliteApi::dropConnection(check);
        return tr("%1: cannot be opened (%2)").arg(shown, error);
    }
    {
        QSqlDatabase db = QSqlDatabase::database(check, false);
        QString driverVersion;
        const int version = StoreSchema::versionOf(db, &error);
        if (!SqliteApi::sameLibrary(db, &driverVersion))
            error = tr("%1: not opened: Qt's SQLite driver runs SQLite %2, not the system library %3 this "
                       "Liqscope was built with (install Debian's libqt6sql6-sqlite)")
                        .arg(shown, driverVersion, SqliteApi::linkedVersion());
        else if (version < 0)
            error = tr("%1: not a Liqscope event store, or damaged (%2)").arg(shown, error);
        else if (version > StoreSchema::CurrentVersion)
            error = tr("%1: written by a newer Liqscope (schema %2; this one reads up to %3)")
                        .arg(shown)
                        .arg(version)
                        .arg(StoreSchema::CurrentVersion);
        else if (version < StoreSchema::CurrentVersion && !writer)
            error = tr("%1: an older schema (%2) that only a writer may update (open it once with liqscope or"
                       " liqscope-collect)")
                        .arg(shown)
                        .arg(version);
        else if (version < StoreSchema::CurrentVersion && !StoreSchema::migrate(db, version, &error))
            error = tr("%1: cannot update the schema (%2)").arg(shown, error);
        else
            error.clear();
    }
    SqliteApi::dropConnection(check);
    return error;
}

QString SqliteEventStore::startWriter()
{
    QString error;
    if (m_writer.start(new SqliteStoreWriter(m_path, m_connectionPrefix + QStringLiteral("-write"),
                                             m_retentionDays, m_maxSizeBytes),
                       &error))
        return {};
    return tr("%1: cannot write (%2)").arg(QDir::toNativeSeparators(m_path), error);
}

void SqliteEventStore::close()
{
    m_writer.stop();
    SqliteApi::dropConnection(m_connectionPrefix + QStringLiteral("-read"));
    m_lock.reset();
    m_access = Access::Closed;
}

void SqliteEventStore::append(const QList<LiquidationEvent> &events)
{
    m_writer.append(events);
}

void SqliteEventStore::recordCoverage(Exchange exchange, qint64 sinceMs, qint64 untilMs)
{
    m_writer.cover(exchange, sinceMs, untilMs);
}

bool SqliteEventStore::flush()
{
    return m_writer.call([](SqliteStoreWriter &writer) { return writer.write(); });
}

sqlite3 *SqliteEventStore::readHandle() const
{
    setLastError({}); // the problem of this call, if any, not of an earlier one
    const QString name = m_connectionPrefix + QStringLiteral("-read");
    if (!QSqlDatabase::contains(name)) {
        QString error;
        if (!SqliteApi::openConnection(name, m_path, true, &error))
            setLastError(error);
    }
    return SqliteApi::handle(QSqlDatabase::database(name, false));
}

void SqliteEventStore::setLastError(const QString &error) const
{
    const QMutexLocker locker(&m_errorMutex);
    m_lastError = error;
}

QString SqliteEventStore::lastError() const
{
    const QMutexLocker locker(&m_errorMutex);
    return m_lastError;
}

QList<LiquidationEvent> SqliteEventStore::events(qint64 sinceMs, qint64 afterId, qint64 *lastId) const
{
    QList<LiquidationEvent> found;
    qint64 highest = afterId;
    SqliteStatement query;
    // A follower asks for the few rows after the last id it saw (the rowid); a refill for a time range (the
    // unique key, which starts with the time, in its own order: no sort). Each query names only what its
    // index serves, so SQLite never walks the whole table for the other.
    const char *const sql = afterId > 0
        ? "SELECT id, exchange, market, instrument, coin, side, price, quantity, usd, time_ms, received_ms"
          " FROM events WHERE id > ?2 AND time_ms >= ?1 ORDER BY id"
        : "SELECT id, exchange, market, instrument, coin, side, price, quantity, usd, time_ms, received_ms"
          " FROM events WHERE time_ms >= ?1 ORDER BY time_ms";
    if (!query.prepare(readHandle(), sql)) {
        setLastError(query.error());
        if (lastId)
            *lastId = highest;
        return found;
    }
    query.bind(1, sinceMs);
    if (afterId > 0)
        query.bind(2, afterId);
    // Instruments and coins repeat: one QString each, shared by the events.
    QHash<QByteArray, QString> names;
    const auto name = [&names, &query](int column) {
        const QByteArrayView utf8 = query.blob(column);
        const QByteArray key = QByteArray::fromRawData(utf8.data(), utf8.size());
        auto known = names.find(key);
        if (known == names.end())
            known = names.insert(QByteArray(utf8.data(), utf8.size()), QString::fromUtf8(utf8));
        return *known;
    };
    SqliteStatement::Step step;
    while ((step = query.step()) == SqliteStatement::Step::Row) {
        highest = qMax(highest, query.integer(0));
        if (!knownKinds(query.integer(1), query.integer(2), query.integer(5)))
            continue; // a damaged row: nothing the windows could count
        LiquidationEvent event;
        event.exchange = Exchange(query.integer(1));
        event.market = MarketKind(query.integer(2));
        event.instrument = name(3);
        event.coin = name(4);
        event.side = LiquidatedSide(query.integer(5));
        event.price = query.real(6);
        event.quantity = query.real(7);
        event.usd = query.real(8);
        event.exchangeTimeMs = query.integer(9);
        event.receiveTimeMs = query.integer(10);
        found.append(event);
    }
    if (step == SqliteStatement::Step::Error)
        setLastError(query.error());
    if (lastId)
        *lastId = highest;
    return found;
}

QList<MinuteTotal> SqliteEventStore::minuteTotals(qint64 fromMinute, qint64 toMinute) const
{
    QList<MinuteTotal> totals;
    visitMinuteTotals(fromMinute, toMinute, [&totals](const MinuteTotal &total) { totals.append(total); });
    return totals;
}

void SqliteEventStore::visitMinuteTotals(qint64 fromMinute, qint64 toMinute,
                                         const std::function<void(const MinuteTotal &)> &visit) const
{
    sqlite3 *handle = readHandle();
    QList<QString> coins; // by id: a few hundred, numbered from 1
    SqliteStatement coinQuery;
    SqliteStatement query;
    if (!coinQuery.prepare(handle, "SELECT id, coin FROM coins")
        || !query.prepare(handle,
                          "SELECT minute, totals FROM minutes WHERE minute >= ? AND minute < ?"
                          " ORDER BY minute")) {
        setLastError(coinQuery.isValid() ? query.error() : coinQuery.error());
        return;
    }
    while (coinQuery.step() == SqliteStatement::Step::Row) {
        const qint64 id = coinQuery.integer(0);
        if (id >= 0 && id < MaxCoinId) {
            coins.resize(qMax(coins.size(), qsizetype(id) + 1));
            coins[id] = coinQuery.text(1);
        }
    }
    query.bind(1, fromMinute);
    query.bind(2, toMinute);
    MinuteRollup rollup;
    MinuteTotal total; // one, refilled: the coin is a shared copy of the coins table's string
    SqliteStatement::Step step;
    while ((step = query.step()) == SqliteStatement::Step::Row) {
        if (!MinuteRollup::unpack(query.blob(1), &rollup))
            continue; // a damaged minute is left out, never half-read
        total.minute = query.integer(0);
        for (const MinuteRollup::Entry &entry : rollup.entries()) {
            if (entry.coinId >= quint32(coins.size()) || coins.at(entry.coinId).isNull())
                continue;
            total.exchange = entry.exchange;
            total.coin = coins.at(entry.coinId);
            total.side = entry.side;
            total.usd = entry.usd;
            total.count = int(entry.count);
            total.largestUsd = entry.largestUsd;
            visit(total);
        }
    }
    if (step == SqliteStatement::Step::Error)
        setLastError(query.error());
}

QList<CoverageSpan> SqliteEventStore::coverage(qint64 sinceMs) const
{
    QList<CoverageSpan> spans;
    SqliteStatement query;
    if (!query.prepare(readHandle(),
                       "SELECT exchange, since_ms, until_ms FROM coverage WHERE until_ms >= ?"
                       " ORDER BY exchange, since_ms")) {
        setLastError(query.error());
        return spans;
    }
    query.bind(1, sinceMs);
    while (query.step() == SqliteStatement::Step::Row)
        spans.append({Exchange(query.integer(0)), query.integer(1), query.integer(2)});
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
