// Thousands of poll cycles against a local server: memory and open sockets must not grow.
#include "faultserver.h"
#include "feed/demofeedprocess.h"
#include "feed/feedclient.h"
#include "feedtestdata.h"
#include "session/snapshothistory.h"
#include "testtiming.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Liq;

namespace {

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

int openDescriptors()
{
    return int(
        QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size());
}

} // namespace

class tst_FeedSoak final : public QObject
{
    Q_OBJECT

private slots:
    void longPollAgainstDemoFeed();
    void faultMixDoesNotLeak();

private:
    // Runs `cycles` poll cycles, feeding a small history ring; with mixFaults, every third reply is
    // HTTP 500 and every third one unchanged.
    void runCycles(FeedClient &client, SnapshotHistory &history, int cycles, bool mixFaults);
    static void verifyMemoryFlat(qint64 beforeKiB, qint64 afterKiB);

    FaultServer m_server;
    int m_cycle = 0;
};

void tst_FeedSoak::runCycles(FeedClient &client, SnapshotHistory &history, int cycles, bool mixFaults)
{
    const int target = m_cycle + cycles;
    // Every connection made here has this frame-local context: it dies with the frame, also when a
    // QVERIFY returns early, so no lambda can run against the locals it captured after they are gone.
    QObject scope;
    QEventLoop loop;
    connect(&client, &FeedClient::statusChanged, &scope, [&, target, mixFaults](const LiveStatus &status) {
        if (status.state == LiveState::Connecting)
            return;
        ++m_cycle;
        // Alternate new data, the same data and server errors, so every path runs.
        if (mixFaults) {
            switch (m_cycle % 3) {
            case 0:
                m_server.setReply(FaultServer::ok(FeedTestData::liqscopeSnapshot(
                    QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(m_cycle).toString(Qt::ISODate),
                    1.0 + m_cycle % 7)));
                break;
            case 1: m_server.setReply(FaultServer::status(500)); break;
            default: break; // the same reply again: unchanged
            }
        }
        if (m_cycle < target)
            QMetaObject::invokeMethod(&client, &FeedClient::refreshNow, Qt::QueuedConnection);
        else
            loop.quit();
    });
    connect(&client, &FeedClient::snapshotReceived, &scope,
            [&history](const LiquidationSnapshot &snapshot) { history.append(snapshot); });
    // A plain event loop: QTest::qWait() sleeps between event batches, which would dominate here.
    QTimer guard;
    guard.setSingleShot(true);
    connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(TestTiming::scaledMs(40'000));
    client.refreshNow();
    loop.exec();
    QVERIFY2(m_cycle >= target,
             qPrintable(QStringLiteral("the cycles did not finish within %1 s")
                            .arg(TestTiming::scaledMs(40'000) / 1000)));
}

// Resident memory is the leak check of plain builds. Under AddressSanitizer freed memory sits in its
// quarantine, so the resident size grows by design; LeakSanitizer checks every allocation at exit there.
void tst_FeedSoak::verifyMemoryFlat(qint64 beforeKiB, qint64 afterKiB)
{
    QVERIFY(beforeKiB > 0);
    if (TestTiming::Sanitized)
        return;
    QVERIFY2(afterKiB - beforeKiB < 2 * 1024, "resident memory grew by more than 2 MiB");
}

void tst_FeedSoak::longPollAgainstDemoFeed()
{
    // The demo feed moves its clock a minute per request: every cycle is a new snapshot to parse.
    DemoFeedProcess feed;
    feed.setProgram(QStringLiteral(LIQSCOPE_BINARY_DIR "/app/liqscope-feed"));
    feed.setExtraArguments({QStringLiteral("--start"), QStringLiteral("2026-11-20T14:00:00Z"),
                            QStringLiteral("--advance-per-request"), QStringLiteral("60")});
    QSignalSpy ready(&feed, &DemoFeedProcess::ready);
    feed.start();
    QVERIFY(ready.wait(10'000));

    FeedClient client;
    LiveOptions options;
    options.timeoutMs = 5000;
    options.backoffInitialMs = 60'000;
    client.setOptions(options);
    client.setEndpoint(SnapshotUrlEndpoint{feed.snapshotUrl()});
    SnapshotHistory history(200);

    runCycles(client, history, 500, false); // warm up: allocator pools, connection cache, full ring
    if (QTest::currentTestFailed())
        return;
    QTest::qWait(50);
    const qint64 memoryBefore = residentKiB();
    const int descriptorsBefore = openDescriptors();
    runCycles(client, history, 3000, false);
    if (QTest::currentTestFailed())
        return;
    QTest::qWait(50);
    const qint64 memoryAfter = residentKiB();
    const int descriptorsAfter = openDescriptors();

    qInfo("%d cycles; VmRSS %lld -> %lld KiB; fds %d -> %d", m_cycle, memoryBefore, memoryAfter,
          descriptorsBefore, descriptorsAfter);
    QCOMPARE(client.state(), LiveState::Live);
    QCOMPARE(history.size(), 200);
    verifyMemoryFlat(memoryBefore, memoryAfter);
    QVERIFY2(descriptorsAfter <= descriptorsBefore + 1, "open file descriptors grew");
}

void tst_FeedSoak::faultMixDoesNotLeak()
{
    // New data, unchanged data and server errors in turn, one connection per request.
    m_cycle = 0;
    QVERIFY(m_server.listen());
    m_server.setReply(
        FaultServer::ok(FeedTestData::liqscopeSnapshot(QStringLiteral("2025-12-31T00:00:00Z"))));
    FeedClient client;
    LiveOptions options;
    options.timeoutMs = 2000;
    options.backoffInitialMs = 60'000;
    client.setOptions(options);
    client.setEndpoint(SnapshotUrlEndpoint{m_server.url(QStringLiteral("/v1/snapshot"))});
    SnapshotHistory history(50);

    runCycles(client, history, 300, true);
    if (QTest::currentTestFailed())
        return;
    QTest::qWait(50);
    const qint64 memoryBefore = residentKiB();
    const int descriptorsBefore = openDescriptors();
    runCycles(client, history, 1500, true);
    if (QTest::currentTestFailed())
        return;
    QTest::qWait(50);
    const qint64 memoryAfter = residentKiB();
    const int descriptorsAfter = openDescriptors();

    qInfo("%d cycles; VmRSS %lld -> %lld KiB; fds %d -> %d; server saw %d requests", m_cycle, memoryBefore,
          memoryAfter, descriptorsBefore, descriptorsAfter, m_server.requestCount());
    QCOMPARE(history.size(), 50);
    verifyMemoryFlat(memoryBefore, memoryAfter);
    QVERIFY2(descriptorsAfter <= descriptorsBefore + 2, "open file descriptors grew");
    QCOMPARE(m_server.requestCount(), 1800);
}

QTEST_GUILESS_MAIN(tst_FeedSoak)
#include "tst_feedsoak.moc"
