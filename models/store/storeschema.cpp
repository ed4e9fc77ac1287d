#include "store/storeschema.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace Liq::StoreSchema {
namespace {

// Version 1: every event once (the unique key is what makes a report the same liquidation), the
// per-minute rollup the windows and the timeline read, and the spans each exchange was watched.
const char *const Version1[] = {
    "CREATE TABLE events ("
    " id INTEGER PRIMARY KEY,"
    " exchange INTEGER NOT NULL, market INTEGER NOT NULL, instrument TEXT NOT NULL, coin TEXT NOT NULL,"
    " side INTEGER NOT NULL, price REAL NOT NULL, quantity REAL NOT NULL, usd REAL NOT NULL,"
    " time_ms INTEGER NOT NULL, received_ms INTEGER NOT NULL,"
    " UNIQUE (exchange, market, instrument, side, time_ms, quantity, price))",
    "CREATE INDEX events_by_time ON events (time_ms)",
    "CREATE TABLE minutes ("
    " minute INTEGER NOT NULL, exchange INTEGER NOT NULL, coin TEXT NOT NULL, side INTEGER NOT NULL,"
    " usd REAL NOT NULL, count INTEGER NOT NULL, largest_usd REAL NOT NULL,"
    " PRIMARY KEY (minute, exchange, coin, side)) WITHOUT ROWID",
    "CREATE TABLE coverage ("
    " exchange INTEGER NOT NULL, since_ms INTEGER NOT NULL, until_ms INTEGER NOT NULL,"
    " PRIMARY KEY (exchange, since_ms)) WITHOUT ROWID",
};

bool run(QSqlDatabase &db, const char *statement, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(QString::fromLatin1(statement)))
        return true;
    *error = query.lastError().text();
    return false;
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
    bool ok = true;
    if (fromVersion < 1) {
        for (const char *statement : Version1)
            ok = ok && run(db, statement, error);
    }
    // Later versions add their steps here: if (fromVersion < 2) { ... }
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
