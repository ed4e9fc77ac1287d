#pragma once

#include <QFuture>
#include <QString>

namespace Liq {

// What an export of stored liquidations did: how many rows it wrote, or why it wrote nothing.
struct EventExportResult
{
    qsizetype count = 0;
    QString error; // names the store or the file, and what is wrong
    bool ok() const { return error.isEmpty(); }
};

// Writes the liquidations kept in the store at location whose exchange time is in [fromMs, untilMs) to
// csvPath as CSV, oldest first, atomically (a failed export leaves any earlier file as it was). Opens the
// store read-only through a connection of its own, so it runs on any thread while a writer goes on.
EventExportResult exportStoredEvents(const QString &location, qint64 fromMs, qint64 untilMs,
                                     const QString &csvPath);
// exportStoredEvents on a worker of the global thread pool: a month of events takes seconds.
QFuture<EventExportResult> startExportingStoredEvents(const QString &location, qint64 fromMs, qint64 untilMs,
                                                      const QString &csvPath);

} // namespace Liq
