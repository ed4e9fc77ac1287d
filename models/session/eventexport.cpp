#include "session/eventexport.h"

#include "formats/csvwriter.h"
#include "formats/fileio.h"
#include "store/eventstore.h"
#include "store/eventstorefactory.h"

#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace Liq {

EventExportResult exportStoredEvents(const QString &location, qint64 fromMs, qint64 untilMs,
                                     const QString &csvPath)
{
    EventExportResult result;
    const std::unique_ptr<EventStore> store = openEventStore(location, nullptr);
    if (const QString problem = store->open(false); !problem.isEmpty()) {
        result.error = problem;
        return result;
    }
    QList<LiquidationEvent> events = store->events(fromMs);
    if (const QString problem = store->lastError(); !problem.isEmpty()) {
        result.error = QCoreApplication::translate("Liq::EventExport", "%1: cannot be read (%2)")
                           .arg(store->location(), problem);
        return result;
    }
    // Oldest first: everything from untilMs on is one tail to cut.
    const auto end = std::partition_point(events.begin(), events.end(), [untilMs](const LiquidationEvent &e) {
        return e.exchangeTimeMs < untilMs;
    });
    events.erase(end, events.end());
    if (!Formats::writeFileAtomically(csvPath, CsvWriter::eventsToCsv(events), &result.error))
        return result;
    result.count = events.size();
    return result;
}

QFuture<EventExportResult> startExportingStoredEvents(const QString &location, qint64 fromMs, qint64 untilMs,
                                                      const QString &csvPath)
{
    return QtConcurrent::run([location, fromMs, untilMs, csvPath] {
        return exportStoredEvents(location, fromMs, untilMs, csvPath);
    });
}

} // namespace Liq
