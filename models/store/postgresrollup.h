#pragma once

#include "domain/eventtotals.h"
#include "domain/liquidationevent.h"
#include "store/minuterollup.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

class QSqlDatabase;

// Schema 3's pieces of the PostgreSQL store that are not plain SQL: the events' 64-bit key and the
// per-minute rollup.
//
// The key: the seven fields that make an event the same event (exchange, market, instrument, side, time,
// quantity, price) hashed by the writer (the first 64 bits of an MD5 over their binary forms), unique
// with the time: a two-column key of 16 bytes instead of seven columns with text in them, which halves
// what an insert costs the server (bench_pgstore). Two different events of the same millisecond would
// have to share 64 hash bits to be taken for one. keyHashSql() is the same hash in SQL over the events
// table's columns, so the migration keys the events already stored as a writer keys new ones.
//
// The rollup: ONE row per (minute, writer) holding a MinuteRollup blob (the SQLite store's codec) of the
// exchange × coin × side totals, coins numbered by the coins table. A writer adds to its own rows only
// the events its INSERT … ON CONFLICT DO NOTHING RETURNING actually inserted, so two collectors never
// count an event twice and never update the same row; a reader sums the few rows of each minute (a day
// is 1440 × writers rows instead of tens of thousands of minute × coin × side × exchange rows).
namespace Liq::PostgresRollup {

inline constexpr qint64 MigrationWriter = 0; // the rows the migration rebuilt from the stored events

using Minutes = QMap<qint64, MinuteRollup>; // by minute

qint64 minuteOf(qint64 timeMs);

qint64 keyHash(const LiquidationEvent &event);
QString keyHashSql();

// The coins table's numbers, as a writer keeps them; ensure() adds the coins it does not know yet
// (inside the caller's transaction; forget() after a rollback, since the numbers it took were not kept).
class CoinIds
{
public:
    bool load(QSqlDatabase &db, QString *error);
    bool ensure(QSqlDatabase &db, const QList<QString> &coins, QString *error);
    quint32 idOf(const QString &coin) const { return m_ids.value(coin); }
    void forget() { m_ids.clear(); }

private:
    QHash<QString, quint32> m_ids;
};

// Adds minutes to writer's rows: each row read, merged and written back, inside the caller's transaction.
bool add(QSqlDatabase &db, qint64 writer, const Minutes &minutes, QString *error);
// Writes the rows as they are (the migration's rebuild: writer MigrationWriter, rows not there before).
bool write(QSqlDatabase &db, qint64 writer, const Minutes &minutes, QString *error);
// The totals of minutes [fromMinute, toMinute), every writer's rows of a minute summed, in the order of
// minute, coin, exchange and side. A damaged row is left out, never half-read.
QList<MinuteTotal> read(QSqlDatabase &db, qint64 fromMinute, qint64 toMinute, QString *error);
// Fills the rollup (empty before) and the coins from the stored events: the migration to schema 3.
bool rebuild(QSqlDatabase &db, QString *error);

} // namespace Liq::PostgresRollup
