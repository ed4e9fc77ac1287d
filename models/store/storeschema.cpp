#include "store/storeschema.h"

#include "store/minuterollup.h"
#include "store/sqlitestatement.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace Liq::StoreSchema {
namespace {

// The current schema, as a new store gets it.
// - events: every event once. The unique key (what makes a report the same liquidation) starts with
//   the time, so the same index serves the time ranges the refill and retention read.
// - coins: the rollup's small coin numbers.
// - minutes: the per-minute rollup the windows and the timeline read, ONE row per minute (a MinuteRollup
//   blob of exchange × coin × side entries): a day is 1440 rows.
// - coverage: the spans each exchange was watched.
const char *const EventsTable
    = "CREATE TABLE events ("
      " id INTEGER PRIMARY KEY,"
      " exchange INTEGER NOT NULL, market INTEGER NOT NULL, instrument TEXT NOT NULL, coin TEXT NOT NULL,"
      " side INTEGER NOT NULL, price REAL NOT NULL, quantity REAL NOT NULL, usd REAL NOT NULL,"
      " time_ms INTEGER NOT NULL, received_ms INTEGER NOT NULL,"
      " UNIQUE (time_ms, exchange, market, instrument, side, quantity, price))";
const char *const CoinsTable = "CREATE TABLE coins (id INTEGER PRIMARY KEY, coin TEXT NOT NULL UNIQUE)";
const char *const MinutesTable = "CREATE TABLE minutes (minute INTEGER PRIMARY KEY, totals BLOB NOT NULL)";
const char *const CoverageTable
    = "CREATE TABLE coverage ("
      " exchange INTEGER NOT NULL, since_ms INTEGER NOT NULL,"
      " until_ms INTEGER NOT NULL, PRIMARY KEY (exchange, since_ms)) WITHOUT ROWID";

const char *const CopyVersion1Events
    = "INSERT INTO events (id, exchange, market, instrument, coin, side, price, quantity, usd, time_ms,"
      " received_ms) SELECT id, exchange, market, instrument, coin, side, price, quantity, usd, time_ms,"
      " received_ms FROM events_v1 ORDER BY time_ms";

// Version 1 had the unique key start with the exchange (and a second index for the time) and one rollup
// row per minute × exchange × coin × side. The events keep their ids.
const char *const Version1To2[] = {
    "ALTER TABLE events RENAME TO events_v1",
    EventsTable,
    CopyVersion1Events,
    "DROP TABLE events_v1", // and its time index
    CoinsTable,
    "INSERT INTO coins (coin) SELECT DISTINCT coin FROM minutes ORDER BY coin",
    "ALTER TABLE minutes RENAME TO minutes_v1",
    MinutesTable,
};

bool run(QSqlDatabase &db, const char *statement, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(QString::fromLatin1(statement)))
        return true;
    *error = query.lastError().text();
    return false;
}

bool writeRollup(SqliteStatement &insert, qint64 minute, const MinuteRollup &rollup, QString *error)
{
    const QByteArray packed = rollup.pack();
    insert.bind(1, minute);
    insert.bindBlob(2, packed);
    return insert.run(error);
}

// Version 1's rows of a minute become that minute's one row (the C API: a month is millions of rows).
bool packVersion1Minutes(QSqlDatabase &db, QString *error)
{
    sqlite3 *handle = SqliteApi::handle(db);
    SqliteStatement select;
    SqliteStatement insert;
    if (!select.prepare(handle,
                        "SELECT m.minute, m.exchange, c.id, m.side, m.count, m.usd, m.largest_usd"
                        " FROM minutes_v1 m JOIN coins c ON c.coin = m.coin ORDER BY m.minute")
        || !insert.prepare(handle, "INSERT INTO minutes (minute, totals) VALUES (?,?)")) {
        *error = select.isValid() ? insert.error() : select.error();
        return false;
    }
    qint64 minute = 0;
    MinuteRollup rollup;
    SqliteStatement::Step step;
    while ((step = select.step()) == SqliteStatement::Step::Row) {
        if (select.integer(0) != minute && !rollup.isEmpty()) {
            if (!writeRollup(insert, minute, rollup, error))
                return false;
            rollup = MinuteRollup();
        }
        minute = select.integer(0);
        const qint64 exchange = select.integer(1);
        const qint64 side = select.integer(3);
        if (exchange < 0 || exchange >= ExchangeCount || side < 0 || side > 1)
            continue; // no such exchange or side: nothing the dashboard could show
        rollup.add({quint32(select.integer(2)), Exchange(exchange), LiquidatedSide(side),
                    quint32(select.integer(4)), select.real(5), select.real(6)});
    }
    if (step == SqliteStatement::Step::Error) {
        *error = select.error();
        return false;
    }
    return rollup.isEmpty() || writeRollup(insert, minute, rollup, error);
}

bool steps(QSqlDatabase &db, int fromVersion, QString *error)
{
    if (fromVersion < 1) { // an empty file: the current schema at once
        for (const char *statement : {EventsTable, CoinsTable, MinutesTable, CoverageTable}) {
            if (!run(db, statement, error))
                return false;
        }
        return true;
    }
    if (fromVersion < 2) {
        for (const char *statement : Version1To2) {
            if (!run(db, statement, error))
                return false;
        }
        if (!packVersion1Minutes(db, error) || !run(db, "DROP TABLE minutes_v1", error))
            return false;
    }
    // Later versions add their steps here: if (fromVersion < 3) { ... }
    return true;
}

} // namespace

int versionOf(QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    // user_version reads even a file that is not a database as 0 on some SQLite versions: the schema
    // query makes SQLite look at the header.
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")) || !query.next()) {
        *error = query.lastError().text();
        return -1;
    }
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        *error = query.lastError().text();
        return -1;
    }
    return query.value(0).toInt();
}

bool migrate(QSqlDatabase &db, int fromVersion, QString *error)
{
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    bool ok = steps(db, fromVersion, error);
    if (ok) {
        QSqlQuery version(db);
        ok = version.exec(QStringLiteral("PRAGMA user_version = %1").arg(CurrentVersion));
        if (!ok)
            *error = version.lastError().text();
    }
    if (!ok) {
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        *error = db.lastError().text();
        return false;
    }
    return true;
}

} // namespace Liq::StoreSchema
