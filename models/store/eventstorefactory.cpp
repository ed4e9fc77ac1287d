#include "store/eventstorefactory.h"

#include "store/postgresconnection.h"
#include "store/postgreseventstore.h"
#include "store/sqliteeventstore.h"

namespace Liq {

std::unique_ptr<EventStore> openEventStore(const QString &spec, QObject *parent, int retentionDays)
{
    if (PostgresConnection::isPostgresSpec(spec)) {
        auto store = std::make_unique<PostgresEventStore>(spec, parent);
        if (retentionDays > 0)
            store->setRetentionDays(retentionDays);
        return store;
    }
    auto store = std::make_unique<SqliteEventStore>(spec, parent);
    if (retentionDays > 0)
        store->setRetentionDays(retentionDays);
    return store;
}

} // namespace Liq
