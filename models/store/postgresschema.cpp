#include "store/postgresschema.h"

#include "store/postgresrollup.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Liq::PostgresSchema {
namespace {

const char *const Version1[] = {
    "CREATE TABLE liqscope_meta (key text PRIMARY KEY, value text NOT NULL)",
    "CREATE TABLE events ("
    " id bigserial PRIMARY KEY,"
    " exchange smallint NOT NULL, market smallint NOT NULL, instrument text NOT NULL, coin text NOT NULL,"
    " side smallint NOT NULL, price double precision NOT NULL, quantity double precision NOT NULL,"
    " usd double precision NOT NULL, time_ms bigint NOT NULL, received_ms bigint NOT NULL,"
    " CONSTRAINT events_once UNIQUE (exchange, market, instrument, side, time_ms, quantity, price))",
    "CREATE INDEX events_by_time ON events (time_ms)",
    "CREATE TABLE coverage ("
    " exchange smallint NOT NULL, since_ms bigint NOT NULL, until_ms bigint NOT NULL,"
    " PRIMARY KEY (exchange, since_ms))",
};

const char *const Version2[] = {
    "CREATE TABLE minutes ("
    " minute bigint NOT NULL, exchange smallint NOT NULL, coin text NOT NULL, side smallint NOT NULL,"
    " usd double precision NOT NULL, count integer NOT NULL, largest_usd double precision NOT NULL,"
    " PRIMARY KEY (minute, exchange, coin, side))",
    "INSERT INTO minutes (minute, exchange, coin, side, usd, count, largest_usd)"
    " SELECT time_ms / 60000, exchange, coin, side, sum(usd), count(*), max(usd) FROM events"
    " GROUP BY 1, 2, 3, 4",
};

const char *const MinuteRollupsTable
    = "CREATE TABLE minute_rollups ("
      " minute bigint NOT NULL, writer bigint NOT NULL, totals bytea NOT NULL, PRIMARY KEY (minute, writer))";

// Version 3: the events keyed by (time, 64-bit hash of the seven key fields) instead of the seven columns,
// the unique key doubling as the time index; the rollup one row per minute and writer (PostgresRollup),
// rebuilt from the events.
const char *const Version3[] = {
    "ALTER TABLE events ADD COLUMN key_hash bigint",
    "UPDATE events SET key_hash = %1",
    "ALTER TABLE events ALTER COLUMN key_hash SET NOT NULL",
    "ALTER TABLE events DROP CONSTRAINT events_once",
    "DROP INDEX events_by_time",
    "ALTER TABLE events ADD CONSTRAINT events_once UNIQUE (time_ms, key_hash)",
    "DROP TABLE minutes",
    "CREATE TABLE coins (id serial PRIMARY KEY, coin text NOT NULL UNIQUE)",
    "CREATE SEQUENCE writer_ids", // from 1: 0 is the migration's rebuild
    MinuteRollupsTable,
};

bool run(QSqlDatabase &db, const QString &statement, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(statement))
        return true;
    *error = query.lastError().text().simplified();
    return false;
}

template<size_t N>
bool runAll(QSqlDatabase &db, const char *const (&statements)[N], QString *error)
{
    for (const char *statement : statements) {
        QString sql = QString::fromLatin1(statement);
        if (sql.contains(QLatin1String("%1")))
            sql = sql.arg(PostgresRollup::keyHashSql());
        if (!run(db, sql, error))
            return false;
    }
    return true;
}

bool steps(QSqlDatabase &db, QString *error)
{
    const int version = versionOf(db, error);
    if (version < 0)
        return false;
    if (version > CurrentVersion) {
        *error
            = QStringLiteral("schema %1 is newer than this Liqscope's %2").arg(version).arg(CurrentVersion);
        return false;
    }
    if (version < 1 && !runAll(db, Version1, error))
        return false;
    if (version < 2 && !runAll(db, Version2, error))
        return false;
    if (version < 3 && !(runAll(db, Version3, error) && PostgresRollup::rebuild(db, error)))
        return false;
    // Later versions add their steps here: if (version < 4 && !runAll(db, Version4, error)) ...
    return run(db,
               QStringLiteral("INSERT INTO liqscope_meta (key, value) VALUES ('schema_version', '%1')"
                              " ON CONFLICT (key) DO UPDATE SET value = excluded.value")
                   .arg(CurrentVersion),
               error);
}

} // namespace

int versionOf(QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT to_regclass('liqscope_meta') IS NOT NULL,"
                                   " to_regclass('events') IS NOT NULL"))
        || !query.next()) {
        *error = query.lastError().text().simplified();
        return -1;
    }
    const bool hasMeta = query.value(0).toBool();
    if (!hasMeta && query.value(1).toBool()) {
        *error = QStringLiteral("the database has an \"events\" table that is not Liqscope's");
        return -1;
    }
    if (!hasMeta)
        return 0;
    if (!query.exec(QStringLiteral("SELECT value FROM liqscope_meta WHERE key = 'schema_version'"))
        || !query.next()) {
        *error = query.lastError().isValid() ? query.lastError().text().simplified()
                                             : QStringLiteral("liqscope_meta has no schema_version");
        return -1;
    }
    bool ok = false;
    const int version = query.value(0).toString().toInt(&ok);
    if (!ok || version < 1) {
        *error = QStringLiteral("liqscope_meta has no valid schema_version");
        return -1;
    }
    return version;
}

bool migrate(QSqlDatabase &db, QString *error)
{
    // The writers' lock is taken for the session before the transaction begins: another collector may
    // have migrated while this one waited, and only a transaction that begins after its commit sees the
    // new tables (one that waited inside its transaction read the catalogue from before, and its CREATE
    // TABLE failed with "already exists" when two collectors started on an empty database at once).
    const QString key = QString::number(WriteLockKey);
    if (!run(db, QStringLiteral("SELECT pg_advisory_lock(%1)").arg(key), error))
        return false;
    bool ok = db.transaction();
    if (!ok)
        *error = db.lastError().text().simplified();
    ok = ok && steps(db, error); // reads the version again, under the lock
    if (ok && !db.commit()) {
        *error = db.lastError().text().simplified();
        ok = false;
    } else if (!ok) {
        db.rollback();
    }
    QString unlockError;
    run(db, QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(key), &unlockError);
    return ok;
}

} // namespace Liq::PostgresSchema
