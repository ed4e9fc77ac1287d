#pragma once

#include <QString>

class QSqlDatabase;

namespace Liq::PostgresSchema {

// The PostgreSQL store's schema version, kept in liqscope_meta ('schema_version'). Version 1: the events
// (each once: the same unique key as the SQLite store) and the coverage spans. Version 2: the per-minute
// rollup the windows and the timeline read, filled from the events already stored. Version 3: the events
// keyed by time and a 64-bit hash of the seven key fields, and the rollup one row per minute and writer
// with a packed blob of totals (PostgresRollup), rebuilt from the events. A database of a newer
// version is refused (never written to); an older one is brought up to date by migrate(), in one
// transaction that holds an advisory lock, so two collectors starting together migrate once.
inline constexpr int CurrentVersion = 3;

// The version of the store in this database: 0 when there is none yet; -1 (with *error set) when the
// database cannot be read or holds an "events" table that is not Liqscope's.
int versionOf(QSqlDatabase &db, QString *error);
// Creates the tables or migrates an older store to CurrentVersion. False with *error set.
bool migrate(QSqlDatabase &db, QString *error);

// The advisory lock every writer holds for its transaction: writes (and migrations) take turns, so the
// ids of committed events only grow and a reader that follows "id > last" misses none.
inline constexpr qint64 WriteLockKey = 0x4c69717363; // "Liqsc"

} // namespace Liq::PostgresSchema
