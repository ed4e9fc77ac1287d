#pragma once

#include <QString>

class QSqlDatabase;

namespace Liq::StoreSchema {

// The schema's version, kept in PRAGMA user_version. A store of a newer version is refused (never
// written to); an older one is brought up to date by migrate(), one step per version, in a transaction
// (as qBittorrent's updateDB(fromVersion)).
inline constexpr int CurrentVersion = 2;

// The version the file says it has; -1 (with *error set) when it is no SQLite database Liqscope can read.
int versionOf(QSqlDatabase &db, QString *error);
// Creates the tables (version 0: an empty file) or migrates an older store. False with *error set.
bool migrate(QSqlDatabase &db, int fromVersion, QString *error);

} // namespace Liq::StoreSchema
