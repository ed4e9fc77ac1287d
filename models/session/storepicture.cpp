#include "session/storepicture.h"

#include "session/storerecorder.h"
#include "store/eventstore.h"
#include "store/eventstorefactory.h"

#include <QtConcurrent/QtConcurrentRun>

namespace Liq {

StorePicture readStorePicture(const QString &location)
{
    StorePicture picture;
    // No parent: the store lives and dies on the calling thread, with its own database connection.
    const std::unique_ptr<EventStore> store = openEventStore(location, nullptr);
    if (const QString problem = store->open(false); !problem.isEmpty()) {
        picture.result.error = {LoadErrorKind::Io, problem};
        return picture;
    }
    picture.writtenElsewhere = store->isWrittenElsewhere();
    if (!picture.writtenElsewhere)
        picture.result.snapshot = StoreRefill::snapshot(*store, &picture.day, &picture.newest);
    return picture;
}

QFuture<StorePicture> startReadingStorePicture(const QString &location)
{
    return QtConcurrent::run([location] { return readStorePicture(location); });
}

} // namespace Liq
