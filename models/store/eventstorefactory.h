#pragma once

#include "store/eventstore.h"

#include <memory>

namespace Liq {

// The event store a --store value names: a postgresql:// or postgres:// URI is a PostgreSQL database
// (PostgresEventStore), anything else a SQLite file (SqliteEventStore). Not opened yet: the caller calls
// open(mayWrite). retentionDays (> 0) replaces the store's default of 30 days.
std::unique_ptr<EventStore> openEventStore(const QString &spec, QObject *parent = nullptr,
                                           int retentionDays = 0);

} // namespace Liq
