// FeedClient against a misbehaving HTTP server on 127.0.0.1: every fault keeps the last good
// snapshot, lands in the right state, and the client recovers once good data is served again.
#include "faultserver.h"
#include "feed/feedclient.h"
#include "feed/feedfetch.h"
#include "feed/feedpolicy.h"
#include "feedtestdata.h"
#include "testtiming.h"

#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

#include <limits>

using namespace Liq;
using Delivery = FaultServer::Delivery;

Q_DECLARE_METATYPE(FaultServer::Reply)
Q_DECLARE_METATYPE(Liq::LiveState)
Q_DECLARE_METATYPE(Liq::LoadErrorKind)

namespace {

LiveOptions testOptions()
{
    LiveOptions options;
    options.intervalMs = 60'000; // the tests drive cycles with refreshNow()
    options.timeoutMs = 1'000;
    options.maxBytes = 64 * 1024;
    options.backoffInitialMs = 60'000; // no automatic retry in the middle of a test
    return options;
}

const QByteArray BodyA = FeedTestData::liqscopeSnapshot(QStringLiteral("2026-11-20T14:00:00Z"), 1.0);
const QByteArray BodyB = FeedTestData::liqscopeSnapshot(QStringLiteral("2026-11-20T14:01:00Z"), 1.1);

// A valid snapshot of about `bytes` bytes: body A followed by whitespace, which JSON allows.
QByteArray paddedBody(const QByteArray &body, qint64 bytes)
{
    return body + QByteArray(std::max<qint64>(0, bytes - body.size()), ' ');
}

} // namespace

class tst_FeedClient final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void firstFetchGoesLive();
    void firstFailureIsRetrying();
    void faults_data();
    void faults();
    void notModifiedIsUnchanged();
    void identicalBodyIsUnchanged();
    void retryAfterSecondsIsHonoured();
    void retryAfterHttpDateIsHonoured();
    void retryAfterHugeSecondsDoNotOverflow();
    void backoffGrowsWithFailures();
    void connectionRefusedThenRecovers();
    void plainHttpToRemoteHostIsRefused();
    void staleRepliesAreDropped();
    void pauseDropsTheRequestInFlight();
    void fetchOnceReportsStatusAndCause();
    void largeBodyIsParsedOnAWorker();
    void staleParseIsDropped();

private:
    // Starts a client on the server's /v1/snapshot with body A and waits until it is live.
    void startLive(FeedClient &client);

    FaultServer *m_server = nullptr;
};

void tst_FeedClient::init()
{
    m_server = new FaultServer(this);
    QVERIFY(m_server->listen());
}

void tst_FeedClient::cleanup()
{
    delete m_server;
    m_server = nullptr;
}

void tst_FeedClient::startLive(FeedClient &client)
{
    m_server->setReply(FaultServer::ok(BodyA));
    client.setOptions(testOptions());
    client.setEndpoint(SnapshotUrlEndpoint{m_server->url(QStringLiteral("/v1/snapshot"))});
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), LiveState::Live, 5000);
    QVERIFY(client.lastSnapshot().has_value());
}

void tst_FeedClient::firstFetchGoesLive()
{
    FeedClient client;
    QSignalSpy snapshots(&client, &FeedClient::snapshotReceived);
    QSignalSpy states(&client, &FeedClient::statusChanged);
    startLive(client);

    QCOMPARE(snapshots.size(), 1);
    const auto snapshot = snapshots.at(0).at(0).value<LiquidationSnapshot>();
    QCOMPARE(snapshot.asOf, QDateTime(QDate(2026, 11, 20), QTime(14, 0), Qt::UTC));
    QCOMPARE(snapshot.totals.at(TimeWindow::H1).longUsd, 800000.0);
    QCOMPARE(snapshots.at(0).at(2).toString(), m_server->url(QStringLiteral("/v1/snapshot")).toString());
    QList<LiveState> seen;
    for (const auto &arguments : states)
        seen.append(arguments.at(0).value<LiveStatus>().state);
    QCOMPARE(seen.mid(seen.size() - 2), (QList<LiveState>{LiveState::Connecting, LiveState::Live}));
    QCOMPARE(client.status().httpStatus, 200);
    QVERIFY(client.status().lastSuccessAt.isValid());
    QVERIFY(client.status().nextAttemptAt > QDateTime::currentDateTimeUtc().addSecs(50));
    QCOMPARE(m_server->requestCount(), 1);
}

void tst_FeedClient::firstFailureIsRetrying()
{
    FeedClient client;
    m_server->setReply(FaultServer::status(500, "boom"));
    client.setOptions(testOptions());
    client.setEndpoint(SnapshotUrlEndpoint{m_server->url(QStringLiteral("/v1/snapshot"))});
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), LiveState::Retrying, 5000);
    QVERIFY(!client.lastSnapshot());
    QVERIFY(client.status().nextAttemptAt.isValid());
    QVERIFY(client.status().message.contains(QLatin1String("HTTP 500")));

    m_server->setReply(FaultServer::ok(BodyA));
    client.refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), LiveState::Live, 5000);
    QCOMPARE(client.status().consecutiveFailures, 0);
}

void tst_FeedClient::faults_data()
{
    QTest::addColumn<FaultServer::Reply>("fault");
    QTest::addColumn<LiveState>("expectedState");
    QTest::addColumn<QString>("expectedMessage");
    QTest::addColumn<LoadErrorKind>("expectedKind");

    FaultServer::Reply hang;
    hang.delivery = Delivery::Hang;
    QTest::newRow("hang") << hang << LiveState::Stale << QStringLiteral("no complete response within 1 s")
                          << LoadErrorKind::Io;
    QTest::newRow("http 500") << FaultServer::status(500, "oops") << LiveState::Stale
                              << QStringLiteral("HTTP 500 Internal Server Error") << LoadErrorKind::Io;
    FaultServer::Reply unavailable = FaultServer::status(503);
    QTest::newRow("http 503 without Retry-After")
        << unavailable << LiveState::Stale << QStringLiteral("HTTP 503") << LoadErrorKind::Io;
    QTest::newRow("http 401") << FaultServer::status(401) << LiveState::Error
                              << QStringLiteral("the server refused access (HTTP 401)") << LoadErrorKind::Io;
    QTest::newRow("http 404") << FaultServer::status(404) << LiveState::Error << QStringLiteral("HTTP 404")
                              << LoadErrorKind::Io;

    FaultServer::Reply truncated = FaultServer::ok(BodyB);
    truncated.delivery = Delivery::Truncated;
    QTest::newRow("truncated body") << truncated << LiveState::Stale
                                    << QStringLiteral("the response was cut off after %1 of %2 bytes")
                                           .arg(BodyB.size() / 2)
                                           .arg(BodyB.size())
                                    << LoadErrorKind::Io;

    FaultServer::Reply huge = FaultServer::ok(BodyB);
    huge.delivery = Delivery::HugeContentLength;
    QTest::newRow("oversized by Content-Length")
        << huge << LiveState::Stale
        << QStringLiteral("larger than the 0.1 MiB limit (Content-Length 4294967296")
        << LoadErrorKind::TooLarge;

    FaultServer::Reply endless = FaultServer::ok(BodyB);
    endless.delivery = Delivery::EndlessChunked;
    QTest::newRow("oversized by chunked streaming")
        << endless << LiveState::Stale << QStringLiteral("(stopped after 65537 bytes)")
        << LoadErrorKind::TooLarge;

    FaultServer::Reply drip = FaultServer::ok(BodyB);
    drip.delivery = Delivery::SlowDrip;
    drip.dripIntervalMs = 20;
    QTest::newRow("slow drip") << drip << LiveState::Stale
                               << QStringLiteral("no complete response within 1 s") << LoadErrorKind::Io;

    QTest::newRow("malformed JSON") << FaultServer::ok("{\"format\": \"liqscope-snapshot\", \"version\": 1,")
                                    << LiveState::Stale << QString() << LoadErrorKind::Syntax;
    QTest::newRow("not a snapshot at all") << FaultServer::ok("<html>maintenance</html>") << LiveState::Stale
                                           << QString() << LoadErrorKind::UnknownFormat;
    QTest::newRow("CoinGlass error envelope")
        << FaultServer::ok(FeedTestData::coinGlassError(QStringLiteral("Upgrade your plan")))
        << LiveState::Stale << QStringLiteral("Upgrade your plan") << LoadErrorKind::ApiError;
}

void tst_FeedClient::faults()
{
    QFETCH(FaultServer::Reply, fault);
    QFETCH(LiveState, expectedState);
    QFETCH(QString, expectedMessage);
    QFETCH(LoadErrorKind, expectedKind);

    FeedClient client;
    startLive(client);
    const LiquidationSnapshot good = *client.lastSnapshot();
    QSignalSpy snapshots(&client, &FeedClient::snapshotReceived);

    m_server->setReply(fault);
    client.refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), expectedState, 5000);

    QCOMPARE(snapshots.size(), 0);
    QVERIFY(client.lastSnapshot().has_value());
    QCOMPARE(*client.lastSnapshot(), good);
    const QString message = client.status().message;
    QVERIFY2(message.contains(m_server->url(QStringLiteral("/v1/snapshot")).toString()), qPrintable(message));
    if (!expectedMessage.isEmpty())
        QVERIFY2(message.contains(expectedMessage), qPrintable(message));
    if (expectedKind != LoadErrorKind::None)
        QCOMPARE(client.lastError().kind, expectedKind);
    QCOMPARE(client.status().consecutiveFailures, 1);
    if (expectedState == LiveState::Stale) {
        QVERIFY(client.status().nextAttemptAt.isValid());
        QVERIFY(
            client.status().describe(QDateTime::currentDateTimeUtc()).contains(QLatin1String("retrying in")));
    } else {
        QVERIFY(!client.status().nextAttemptAt.isValid()); // an error stops polling
    }

    // Recovery: good data again.
    m_server->setReply(FaultServer::ok(BodyB));
    client.refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(snapshots.size(), 1, 5000);
    QCOMPARE(client.state(), LiveState::Live);
    QCOMPARE(client.lastSnapshot()->asOf, QDateTime(QDate(2026, 11, 20), QTime(14, 1), Qt::UTC));
    QCOMPARE(client.status().consecutiveFailures, 0);
    QVERIFY(client.status().message.isEmpty());
}

void tst_FeedClient::notModifiedIsUnchanged()
{
    FeedClient client;
    m_server->setReply(FaultServer::ok(BodyA, "\"v1\""));
    client.setOptions(testOptions());
    client.setEndpoint(SnapshotUrlEndpoint{m_server->url(QStringLiteral("/v1/snapshot"))});
    QSignalSpy snapshots(&client, &FeedClient::snapshotReceived);
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), LiveState::Live, 5000);
    QCOMPARE(m_server->requests().at(0).header("If-None-Match"), QByteArray());

    client.refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), LiveState::Unchanged, 5000);
    QCOMPARE(m_server->requests().at(1).header("If-None-Match"), QByteArray("\"v1\""));
    QCOMPARE(client.status().httpStatus, 304);
    QCOMPARE(snapshots.size(), 1);
    QVERIFY(client.lastSnapshot().has_value());

    // A new version of the resource is a new snapshot.
    m_server->setReply(FaultServer::ok(BodyB, "\"v2\""));
    client.refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(snapshots.size(), 2, 5000);
    QCOMPARE(client.state(), LiveState::Live);
}

void tst_FeedClient::identicalBodyIsUnchanged()
{
    FeedClient client;
    QSignalSpy snapshots(&client, &FeedClient::snapshotReceived);
    startLive(client);
    client.refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), LiveState::Unchanged, 5000);
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(snapshots.size(), 1);
}

void tst_FeedClient::retryAfterSecondsIsHonoured()
{
    FeedClient client;
    startLive(client);
    FaultServer::Reply tooMany = FaultServer::status(429);
    tooMany.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
    m_server->setReply(tooMany);
    client.refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), LiveState::Stale, 5000);
    QVERIFY2(client.status().message.contains(
                 QLatin1String("HTTP 429 Too Many Requests; the server asked to wait 1 s")),
             qPrintable(client.status().message));
    const qint64 wait = QDateTime::currentDateTimeUtc().msecsTo(client.status().nextAttemptAt);
    QVERIFY2(wait > 500 && wait <= 1000, qPrintable(QString::number(wait))); // not our 60 s backoff

    // The user cannot hammer a rate-limited server: refreshNow() waits for Retry-After.
    const int requests = m_server->requestCount();
    const int started = client.requestsStarted();
    client.refreshNow(); // a request would start here, synchronously
    QCOMPARE(client.requestsStarted(), started);
    QVERIFY(!client.isBusy());
    QCOMPARE(m_server->requestCount(), requests);

    m_server->setReply(FaultServer::ok(BodyB));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), LiveState::Live, 4000);
    QCOMPARE(m_server->requestCount(), requests + 1);
}

void tst_FeedClient::retryAfterHttpDateIsHonoured()
{
    FeedClient client;
    startLive(client);
    FaultServer::Reply unavailable = FaultServer::status(503);
    const QDateTime when = QDateTime::currentDateTimeUtc().addSecs(3);
    unavailable.headers.append(
        {"Retry-After",
         QLocale::c().toString(when, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1()});
    m_server->setReply(unavailable);
    client.refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), LiveState::Stale, 5000);
    const qint64 wait = QDateTime::currentDateTimeUtc().msecsTo(client.status().nextAttemptAt);
    QVERIFY2(wait > 1000 && wait <= 3000, qPrintable(QString::number(wait)));
}

void tst_FeedClient::backoffGrowsWithFailures()
{
    FeedClient client;
    LiveOptions options = testOptions();
    options.backoffInitialMs = 40;
    options.backoffMaxMs = 320;
    client.setOptions(options);
    m_server->setReply(FaultServer::status(500));
    client.setEndpoint(SnapshotUrlEndpoint{m_server->url(QStringLiteral("/v1/snapshot"))});
    QList<qint64> delays;
    QObject scope; // the connection's context: it ends before `delays` does
    connect(&client, &FeedClient::statusChanged, &scope, [&delays](const LiveStatus &status) {
        if (status.state == LiveState::Retrying)
            delays.append(QDateTime::currentDateTimeUtc().msecsTo(status.nextAttemptAt));
    });
    client.start();
    QTRY_VERIFY_WITH_TIMEOUT(delays.size() >= 6, 10000);
    client.pause();
    // Each delay lies in [d/2, d] with d = 40, 80, 160, 320, 320, ... (equal jitter, capped).
    for (int i = 0; i < 6; ++i) {
        const qint64 full = std::min<qint64>(40LL << i, 320);
        QVERIFY2(delays.at(i) >= full / 2 - 15 && delays.at(i) <= full,
                 qPrintable(QStringLiteral("failure %1: %2 ms").arg(i + 1).arg(delays.at(i))));
    }
    QCOMPARE(client.state(), LiveState::Paused);
    QVERIFY(client.status().consecutiveFailures >= 6);
}

void tst_FeedClient::connectionRefusedThenRecovers()
{
    FeedClient client;
    startLive(client);
    const quint16 port = m_server->port();
    m_server->close();
    client.refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), LiveState::Stale, 5000);
    QVERIFY2(client.status().message.contains(QLatin1String("connection refused")),
             qPrintable(client.status().message));
    QVERIFY(client.lastSnapshot().has_value());

    QVERIFY(m_server->listen(port));
    m_server->setReply(FaultServer::ok(BodyB));
    client.refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), LiveState::Live, 5000);
}

void tst_FeedClient::plainHttpToRemoteHostIsRefused()
{
    FeedClient client;
    LiveOptions options = testOptions();
    options.timeoutMs = 300;
    client.setOptions(options);
    // 192.0.2.0/24 is TEST-NET-1: never routed, so nothing leaves the machine in any case.
    client.setEndpoint(SnapshotUrlEndpoint{QUrl(QStringLiteral("http://192.0.2.7/v1/snapshot"))});
    client.start();
    QCOMPARE(client.state(), LiveState::Error);
    QVERIFY(client.status().message.contains(QLatin1String("plain HTTP to a non-local host is refused")));
    QVERIFY(!client.isBusy());

    options.allowPlain = true;
    client.setOptions(options);
    client.start();
    QVERIFY(client.isBusy());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), LiveState::Retrying, 5000);
    QVERIFY(!client.status().message.contains(QLatin1String("plain HTTP")));

    // Loopback by name is local too.
    m_server->setReply(FaultServer::ok(BodyA));
    client.setOptions(testOptions());
    client.setEndpoint(
        SnapshotUrlEndpoint{QUrl(QStringLiteral("http://localhost:%1/v1/snapshot").arg(m_server->port()))});
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), LiveState::Live, 5000);
}

void tst_FeedClient::staleRepliesAreDropped()
{
    FaultServer hanging;
    QVERIFY(hanging.listen());
    FaultServer::Reply hang;
    hang.delivery = Delivery::Hang;
    hanging.setReply(hang);

    FeedClient client;
    client.setOptions(testOptions());
    client.setEndpoint(SnapshotUrlEndpoint{hanging.url(QStringLiteral("/slow"))});
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(hanging.requestCount(), 1, 5000);

    // Switching endpoints while the old request is out: the old one must not land.
    m_server->setReply(FaultServer::ok(BodyA));
    client.setEndpoint(SnapshotUrlEndpoint{m_server->url(QStringLiteral("/v1/snapshot"))});
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), LiveState::Live, 5000);
    QSignalSpy states(&client, &FeedClient::statusChanged);
    hanging.close(); // the old connection dies now
    // A fence instead of a sleep: one more full cycle on the live server. Whatever the dead
    // connection could still deliver is delivered before it ends.
    const int started = client.requestsStarted();
    client.refreshNow();
    QTRY_VERIFY_WITH_TIMEOUT(client.requestsStarted() == started + 1 && !client.isBusy(), 5000);
    QVERIFY(!states.isEmpty());
    for (const QList<QVariant> &emitted : std::as_const(states)) {
        const LiveState state = emitted.at(0).value<LiveStatus>().state;
        QVERIFY2(isFlowing(state), qPrintable(liveStateText(state)));
    }
    QCOMPARE(client.state(), LiveState::Unchanged);
}

void tst_FeedClient::pauseDropsTheRequestInFlight()
{
    FeedClient client;
    startLive(client);
    QSignalSpy snapshots(&client, &FeedClient::snapshotReceived);
    FaultServer::Reply drip = FaultServer::ok(BodyB);
    drip.delivery = Delivery::SlowDrip;
    drip.dripIntervalMs = 1; // finishes within a few hundred ms, had we kept listening
    m_server->setReply(drip);
    client.refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), 2, 5000);
    client.pause();
    QCOMPARE(client.state(), LiveState::Paused);
    QVERIFY(!client.isBusy());
    // A fence instead of a sleep: the same slow body fetched to the end by another client that
    // started later. Had the paused request been kept, it would have landed by then.
    LiveOptions patient = testOptions();
    patient.timeoutMs = TestTiming::scaledMs(5000);
    const FeedFetchResult fence
        = fetchOnce(SnapshotUrlEndpoint{m_server->url(QStringLiteral("/v1/snapshot"))}, patient);
    QVERIFY2(fence.ok(), qPrintable(fence.load.error.message));
    QCoreApplication::processEvents();
    QCOMPARE(snapshots.size(), 0);
    QCOMPARE(client.state(), LiveState::Paused);

    m_server->setReply(FaultServer::ok(BodyB));
    client.resume();
    QTRY_COMPARE_WITH_TIMEOUT(snapshots.size(), 1, 5000);
    QCOMPARE(client.state(), LiveState::Live);
}

void tst_FeedClient::fetchOnceReportsStatusAndCause()
{
    const QUrl url = m_server->url(QStringLiteral("/v1/snapshot"));
    m_server->setReply(FaultServer::ok(BodyA));
    FeedFetchResult good = fetchOnce(SnapshotUrlEndpoint{url}, testOptions());
    QVERIFY(good.ok());
    QCOMPARE(good.httpStatus, 200);
    QCOMPARE(good.origin, url.toString());
    QCOMPARE(good.load.snapshot->totals.at(TimeWindow::H24).shortUsd, 330000000.0);

    m_server->setReply(FaultServer::status(500));
    FeedFetchResult failed = fetchOnce(SnapshotUrlEndpoint{url}, testOptions());
    QVERIFY(!failed.ok());
    QCOMPARE(failed.httpStatus, 500);
    QCOMPARE(failed.load.error.kind, LoadErrorKind::Io);
    QVERIFY(failed.load.error.message.contains(QLatin1String("HTTP 500")));
    QCOMPARE(m_server->requestCount(), 2); // no retries

    m_server->setReply(FaultServer::ok("{]"));
    FeedFetchResult malformed = fetchOnce(SnapshotUrlEndpoint{url}, testOptions());
    QCOMPARE(malformed.load.error.kind, LoadErrorKind::Syntax);
    QCOMPARE(malformed.httpStatus, 200);

    m_server->close();
    FeedFetchResult refused = fetchOnce(SnapshotUrlEndpoint{url}, testOptions());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.httpStatus, 0);
    QVERIFY(refused.load.error.message.contains(QLatin1String("connection refused")));
}

// Regression (fuzz_feed_policy): seconds * 1000 overflowed qint64, undefined behaviour.
void tst_FeedClient::retryAfterHugeSecondsDoNotOverflow()
{
    const QDateTime now(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
    const std::optional<qint64> delay = FeedPolicy::parseRetryAfterMs("9999999999999999", now);
    QVERIFY(delay.has_value());
    QCOMPARE(*delay, std::numeric_limits<qint64>::max() / 1000 * 1000);
    QCOMPARE(FeedPolicy::parseRetryAfterMs("120", now), std::optional<qint64>(120000));
}

void tst_FeedClient::largeBodyIsParsedOnAWorker()
{
    // Just over the inline limit: read on a worker, delivered through the event loop like a small one.
    QThreadPool::globalInstance()->waitForDone(10'000);
    FeedClient client;
    LiveOptions options = testOptions();
    options.maxBytes = LiveOptions::DefaultMaxBytes;
    options.timeoutMs = TestTiming::scaledMs(10'000);
    client.setOptions(options);
    m_server->setReply(FaultServer::ok(paddedBody(BodyA, InlineParseMaxBytes + 1)));
    client.setEndpoint(SnapshotUrlEndpoint{m_server->url(QStringLiteral("/v1/snapshot"))});
    QSignalSpy snapshots(&client, &FeedClient::snapshotReceived);
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), LiveState::Live, TestTiming::scaledMs(10'000));
    QCOMPARE(snapshots.size(), 1);
    QCOMPARE(snapshots.at(0).at(0).value<LiquidationSnapshot>().asOf,
             QDateTime(QDate(2026, 11, 20), QTime(14, 0), Qt::UTC));
    QVERIFY(!client.isBusy());
}

void tst_FeedClient::staleParseIsDropped()
{
    // A body big enough that its parse is still running on the worker when the user switches to
    // another feed: its snapshot must never be delivered, the new feed's is.
    QThreadPool::globalInstance()->waitForDone(10'000);
    QByteArray big = BodyA;
    big.chop(1); // the closing brace: the breakdown goes in before it
    big += ", \"breakdown\": {\"kind\": \"coin\", \"rows\": [";
    for (int i = 0; i < 60'000; ++i) {
        big += (i ? ", " : "") + QByteArrayLiteral("{\"name\": \"C") + QByteArray::number(i)
            + QByteArrayLiteral("\", \"windows\": {\"1h\": {\"long_usd\": 1, \"short_usd\": 1}, "
                                "\"4h\": {\"long_usd\": 2, \"short_usd\": 2}, \"12h\": {\"long_usd\": 3, "
                                "\"short_usd\": 3}, \"24h\": {\"long_usd\": 4, \"short_usd\": 4}}}");
    }
    big += "]}}";
    FaultServer other;
    QVERIFY(other.listen());
    other.setReply(FaultServer::ok(BodyB));

    FeedClient client;
    LiveOptions options = testOptions();
    options.maxBytes = LiveOptions::DefaultMaxBytes;
    options.timeoutMs = TestTiming::scaledMs(20'000);
    client.setOptions(options);
    m_server->setReply(FaultServer::ok(big));
    client.setEndpoint(SnapshotUrlEndpoint{m_server->url(QStringLiteral("/v1/snapshot"))});
    QSignalSpy snapshots(&client, &FeedClient::snapshotReceived);
    client.start();
    // Wait until the body is in and its parse runs on the pool (not a timed guess: the pool says so).
    QDeadlineTimer deadline(TestTiming::scaledMs(20'000));
    while (QThreadPool::globalInstance()->activeThreadCount() == 0 && !deadline.hasExpired()
           && client.state() == LiveState::Connecting) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
    }
    QVERIFY2(QThreadPool::globalInstance()->activeThreadCount() > 0,
             "the large body was not parsed on a worker");
    QVERIFY(client.isBusy());

    client.setEndpoint(SnapshotUrlEndpoint{other.url(QStringLiteral("/v1/snapshot"))});
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), LiveState::Live, TestTiming::scaledMs(10'000));
    QThreadPool::globalInstance()->waitForDone(TestTiming::scaledMs(20'000));
    QCoreApplication::processEvents(); // the stale parse's finished() is delivered, and must be dropped
    QCoreApplication::processEvents();
    QCOMPARE(snapshots.size(), 1);
    QCOMPARE(snapshots.at(0).at(0).value<LiquidationSnapshot>().asOf,
             QDateTime(QDate(2026, 11, 20), QTime(14, 1), Qt::UTC));
    QCOMPARE(client.lastSnapshot()->breakdown.size(), 0);
}

QTEST_GUILESS_MAIN(tst_FeedClient)
#include "tst_feedclient.moc"
