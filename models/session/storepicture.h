#pragma once

#include "domain/liquidationevent.h"
#include "formats/loadresult.h"
#include "session/storeday.h"

#include <QFuture>
#include <QList>
#include <QString>

#include <memory>

namespace Liq {

// What a window shows of a kept event store: its four windows (or why it cannot), or that another
// process is writing it, in which case the window follows the store live instead.
struct StorePicture
{
    LoadResult result;
    bool writtenElsewhere = false;
    // With a snapshot: the day it ends, for the timeline, and its newest liquidations, for the tape.
    std::shared_ptr<const StoreDay> day;
    QList<LiquidationEvent> newest;
};

// Opens the store at location read-only through a connection of its own, reads its picture and closes
// it. Safe on any thread, so start-up reads the store while the window is being built.
StorePicture readStorePicture(const QString &location);
// readStorePicture(location) on a worker of the global thread pool.
QFuture<StorePicture> startReadingStorePicture(const QString &location);

} // namespace Liq
