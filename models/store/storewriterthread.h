#pragma once

#include "domain/liquidationevent.h"
#include "store/eventstore.h"

#include <QThread>

namespace Liq {

// A store's writer on a thread of its own, for the SQLite and the PostgreSQL store alike: moved there,
// its failures and batches forwarded as the store's signals, each call to it queued to that thread, or
// blocking where the caller waits for the answer. Writer is a QObject with bool begin(QString *), end(),
// enqueue(events), cover(exchange, sinceMs, untilMs) and the signals writeFailed, writeRecovered and
// batchWritten.
template<typename Writer>
class StoreWriterThread final
{
public:
    explicit StoreWriterThread(EventStore *store)
        : m_store(store)
    {
        m_thread.setObjectName(QStringLiteral("event store"));
    }
    ~StoreWriterThread() { stop(); }
    StoreWriterThread(const StoreWriterThread &) = delete;
    StoreWriterThread &operator=(const StoreWriterThread &) = delete;

    bool isRunning() const { return m_writer != nullptr; }

    // Takes writer, runs it on the thread and waits for its begin(); false, with *error and the thread
    // stopped, when that fails.
    bool start(Writer *writer, QString *error)
    {
        m_writer = writer;
        writer->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, writer, &QObject::deleteLater);
        QObject::connect(writer, &Writer::writeFailed, m_store, &EventStore::writeFailed);
        QObject::connect(writer, &Writer::writeRecovered, m_store, &EventStore::writeRecovered);
        QObject::connect(writer, &Writer::batchWritten, m_store, &EventStore::batchWritten);
        m_thread.start();
        if (call([error](Writer &w) { return w.begin(error); }))
            return true;
        stop();
        return false;
    }

    // Lets the writer end (its last batch written), then the thread.
    void stop()
    {
        if (!call([](Writer &w) {
                w.end();
                return true;
            }))
            return;
        m_writer = nullptr;
        m_thread.quit();
        m_thread.wait();
    }

    void append(const QList<LiquidationEvent> &events)
    {
        if (!m_writer || events.isEmpty())
            return;
        Writer *writer = m_writer;
        QMetaObject::invokeMethod(
            writer, [writer, events] { writer->enqueue(events); }, Qt::QueuedConnection);
    }

    void cover(Exchange exchange, qint64 sinceMs, qint64 untilMs)
    {
        if (!m_writer)
            return;
        Writer *writer = m_writer;
        QMetaObject::invokeMethod(
            writer, [writer, exchange, sinceMs, untilMs] { writer->cover(exchange, sinceMs, untilMs); },
            Qt::QueuedConnection);
    }

    // Runs work(writer) on the writer's thread and waits for its answer; false when no writer runs.
    template<typename Work>
    bool call(Work work)
    {
        if (!m_writer)
            return false;
        bool result = false;
        Writer *writer = m_writer;
        QMetaObject::invokeMethod(
            writer, [writer, &work, &result] { result = work(*writer); }, Qt::BlockingQueuedConnection);
        return result;
    }

private:
    EventStore *m_store;
    QThread m_thread;
    Writer *m_writer = nullptr; // lives in m_thread
};

} // namespace Liq
