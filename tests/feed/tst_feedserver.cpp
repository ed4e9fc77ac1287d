// End to end: the liqscope-feed executable as a child process, read by FeedClient over loopback.
#include "feed/demofeedprocess.h"
#include "feed/feedclient.h"
#include "feed/marketsimulator.h"
#include "formats/snapshotwriter.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace Liq;

namespace {

const QString Program = QStringLiteral(LIQSCOPE_BINARY_DIR "/app/liqscope-feed");
const QString StartText = QStringLiteral("2026-11-20T14:00:00Z");
const QDateTime Start(QDate(2026, 11, 20), QTime(14, 0), Qt::UTC);
const QString TestKey = QStringLiteral("demo-key-0f9e8d7c");

LiveOptions fastOptions()
{
    LiveOptions options;
    options.intervalMs = 60'000;
    options.timeoutMs = 5'000;
    options.backoffInitialMs = 60'000;
    return options;
}

// Within a cent per row: the CoinGlass endpoints round to cents.
bool sameAmounts(const WindowAmounts &a, const WindowAmounts &b)
{
    for (TimeWindow window : AllTimeWindows) {
        if (a.has(window) != b.has(window))
            return false;
        if (a.has(window)
            && (std::abs(a.at(window).longUsd - b.at(window).longUsd) > 0.01
                || std::abs(a.at(window).shortUsd - b.at(window).shortUsd) > 0.01))
            return false;
    }
    return true;
}

} // namespace

class tst_FeedServer final : public QObject
{
    Q_OBJECT

private slots:
    void snapshotMatchesTheSimulator();
    void frozenClockAnswersNotModified();
    void coinGlassCoinsNeedTheKey();
    void coinGlassExchangesViewMergesFourWindows();
    void replayServesFilesInTurn();
    void badArgumentsAreRefused_data();
    void badArgumentsAreRefused();
    void demoProcessReportsMissingProgram();
    void stopsCleanlyOnSignal_data();
    void stopsCleanlyOnSignal();

private:
    // Starts liqscope-feed with these arguments (after --port 0) and returns its base URL.
    QUrl startFeed(DemoFeedProcess &process, const QStringList &arguments, quint64 seed = 7);
};

QUrl tst_FeedServer::startFeed(DemoFeedProcess &process, const QStringList &arguments, quint64 seed)
{
    process.setProgram(Program);
    process.setExtraArguments(arguments);
    QSignalSpy ready(&process, &DemoFeedProcess::ready);
    QSignalSpy failed(&process, &DemoFeedProcess::failed);
    process.start(seed);
    if (!ready.wait(10'000) || !failed.isEmpty())
        return {};
    return process.baseUrl();
}

void tst_FeedServer::snapshotMatchesTheSimulator()
{
    DemoFeedProcess process;
    const QUrl base = startFeed(process, {QStringLiteral("--start"), StartText});
    QVERIFY(base.isValid());
    QCOMPARE(base.host(), QStringLiteral("127.0.0.1"));

    FeedClient client;
    client.setOptions(fastOptions());
    client.setEndpoint(SnapshotUrlEndpoint{process.snapshotUrl()});
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), LiveState::Live, 10'000);

    // The real clock advances the simulated one: compare with the simulator at the served as-of.
    const LiquidationSnapshot served = *client.lastSnapshot();
    QVERIFY(served.asOf >= Start && served.asOf < Start.addSecs(120));
    MarketSimulator expected(7, Start);
    expected.advanceTo(served.asOf);
    const LiquidationSnapshot simulated = expected.coinSnapshot();
    QCOMPARE(served.breakdownKind, BreakdownKind::Coin);
    QCOMPARE(served.breakdown.size(), simulated.breakdown.size());
    QCOMPARE(served.totals, simulated.totals);
    QCOMPARE(served.breakdown, simulated.breakdown);

    process.stop();
    QVERIFY(!process.isRunning());
}

void tst_FeedServer::frozenClockAnswersNotModified()
{
    DemoFeedProcess process;
    const QUrl base = startFeed(
        process,
        {QStringLiteral("--start"), StartText, QStringLiteral("--advance-per-request"), QStringLiteral("0")});
    QVERIFY(base.isValid());
    FeedClient client;
    client.setOptions(fastOptions());
    client.setEndpoint(SnapshotUrlEndpoint{process.snapshotUrl()});
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), LiveState::Live, 10'000);
    QCOMPARE(client.lastSnapshot()->asOf, Start);
    client.refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), LiveState::Unchanged, 10'000);
    QCOMPARE(client.status().httpStatus, 304);
}

void tst_FeedServer::coinGlassCoinsNeedTheKey()
{
    qputenv("LIQSCOPE_TEST_FEED_KEY", TestKey.toUtf8());
    DemoFeedProcess process;
    const QUrl base = startFeed(process,
                                {QStringLiteral("--start"), StartText,
                                 QStringLiteral("--advance-per-request"), QStringLiteral("60"),
                                 QStringLiteral("--api-key-env"), QStringLiteral("LIQSCOPE_TEST_FEED_KEY")});
    qunsetenv("LIQSCOPE_TEST_FEED_KEY");
    QVERIFY(base.isValid());

    FeedClient client;
    client.setOptions(fastOptions());
    client.setEndpoint(CoinGlassEndpoint{base, TestKey, CoinGlassView::Coins, QStringLiteral("OKX")});
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), LiveState::Live, 10'000);
    const LiquidationSnapshot served = *client.lastSnapshot();
    MarketSimulator expected(7, Start);
    const LiquidationSnapshot okx = *expected.coinSnapshotOnExchange(QStringLiteral("OKX"));
    QCOMPARE(served.breakdown.size(), okx.breakdown.size());
    for (qsizetype i = 0; i < okx.breakdown.size(); ++i) {
        QCOMPARE(served.breakdown.at(i).name, okx.breakdown.at(i).name);
        QVERIFY2(sameAmounts(served.breakdown.at(i).amounts, okx.breakdown.at(i).amounts),
                 qPrintable(okx.breakdown.at(i).name));
    }
    QVERIFY(!client.displayOrigin().contains(TestKey));

    FeedClient wrongKey;
    wrongKey.setOptions(fastOptions());
    wrongKey.setEndpoint(CoinGlassEndpoint{base, QStringLiteral("not-the-key")});
    wrongKey.start();
    QTRY_COMPARE_WITH_TIMEOUT(wrongKey.state(), LiveState::Error, 10'000);
    QCOMPARE(wrongKey.status().message, QStringLiteral("CoinGlass rejected the API key (HTTP 401)"));
}

void tst_FeedServer::coinGlassExchangesViewMergesFourWindows()
{
    DemoFeedProcess process;
    const QUrl base = startFeed(
        process,
        {QStringLiteral("--start"), StartText, QStringLiteral("--advance-per-request"), QStringLiteral("0")});
    QVERIFY(base.isValid());
    FeedClient client;
    client.setOptions(fastOptions());
    client.setEndpoint(CoinGlassEndpoint{base, QStringLiteral("any"), CoinGlassView::Exchanges});
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), LiveState::Live, 10'000);
    QCOMPARE(client.requestsStarted(), 4);
    const LiquidationSnapshot served = *client.lastSnapshot();
    const LiquidationSnapshot expected = *MarketSimulator(7, Start).exchangeSnapshot();
    QCOMPARE(served.breakdownKind, BreakdownKind::Exchange);
    QVERIFY(served.totals.isComplete());
    QVERIFY(sameAmounts(served.totals, expected.totals));
    QCOMPARE(served.breakdown.size(), expected.breakdown.size());
    for (qsizetype i = 0; i < expected.breakdown.size(); ++i) {
        QCOMPARE(served.breakdown.at(i).name, expected.breakdown.at(i).name);
        QVERIFY(sameAmounts(served.breakdown.at(i).amounts, expected.breakdown.at(i).amounts));
    }
}

void tst_FeedServer::replayServesFilesInTurn()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    MarketSimulator market(3, Start);
    QStringList files;
    QList<QDateTime> times;
    for (int i = 0; i < 2; ++i) {
        market.advanceTo(Start.addSecs(600 * i));
        const QString path = directory.filePath(QStringLiteral("replay-%1.liqscope").arg(i));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(SnapshotWriter::toJson(market.coinSnapshot()));
        files.append(path);
        times.append(market.now());
    }
    DemoFeedProcess process;
    const QUrl base = startFeed(process, {QStringLiteral("--replay"), files.at(0), files.at(1)});
    QVERIFY(base.isValid());
    FeedClient client;
    client.setOptions(fastOptions());
    client.setEndpoint(SnapshotUrlEndpoint{process.snapshotUrl()});
    QList<QDateTime> seen;
    QObject scope; // the connection's context: it ends before `seen` does
    connect(&client, &FeedClient::snapshotReceived, &scope,
            [&seen](const LiquidationSnapshot &snapshot) { seen.append(snapshot.asOf); });
    client.start();
    for (int i = 1; i <= 3; ++i) {
        QTRY_COMPARE_WITH_TIMEOUT(seen.size(), i, 10'000);
        client.refreshNow();
    }
    QCOMPARE(seen, (QList<QDateTime>{times.at(0), times.at(1), times.at(0)}));
}

void tst_FeedServer::badArgumentsAreRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expectedError");
    QTest::newRow("bad start") << QStringList{QStringLiteral("--start"), QStringLiteral("yesterday")}
                               << QStringLiteral("--start: expected an ISO 8601 time");
    QTest::newRow("empty key variable")
        << QStringList{QStringLiteral("--api-key-env"), QStringLiteral("LIQSCOPE_TEST_NO_SUCH_VARIABLE")}
        << QStringLiteral("LIQSCOPE_TEST_NO_SUCH_VARIABLE is empty or not set");
    QTest::newRow("missing replay file")
        << QStringList{QStringLiteral("--replay"), QStringLiteral("/nonexistent/feed.liqscope")}
        << QStringLiteral("/nonexistent/feed.liqscope");
}

void tst_FeedServer::badArgumentsAreRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expectedError);
    DemoFeedProcess process;
    process.setProgram(Program);
    process.setExtraArguments(arguments);
    QSignalSpy failed(&process, &DemoFeedProcess::failed);
    process.start();
    QVERIFY(failed.wait(10'000));
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.contains(expectedError), qPrintable(message));
    QVERIFY(!process.isRunning());
}

void tst_FeedServer::demoProcessReportsMissingProgram()
{
    DemoFeedProcess process;
    process.setProgram(QStringLiteral("/nonexistent/liqscope-feed"));
    QSignalSpy failed(&process, &DemoFeedProcess::failed);
    process.start();
    QVERIFY(failed.wait(5000));
    QVERIFY(failed.at(0).at(0).toString().contains(QLatin1String("cannot start the demo feed")));
}

void tst_FeedServer::stopsCleanlyOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<QString>("name");
    QTest::newRow("SIGTERM") << int(SIGTERM) << QStringLiteral("SIGTERM");
    QTest::newRow("SIGINT") << int(SIGINT) << QStringLiteral("SIGINT");
}

void tst_FeedServer::stopsCleanlyOnSignal()
{
    QFETCH(int, signalNumber);
    QFETCH(QString, name);
    QProcess feed;
    feed.start(Program, {QStringLiteral("--port"), QStringLiteral("0")});
    QVERIFY2(feed.waitForStarted(10'000), qPrintable(feed.errorString()));
    // The address line comes after the handlers are in place.
    while (!feed.canReadLine())
        QVERIFY2(feed.waitForReadyRead(10'000), "liqscope-feed printed no address");
    QVERIFY(feed.readLine().startsWith("listening on http://127.0.0.1:"));

    QCOMPARE(::kill(pid_t(feed.processId()), signalNumber), 0);
    QVERIFY(feed.waitForFinished(10'000));
    QCOMPARE(feed.exitStatus(), QProcess::NormalExit);
    QCOMPARE(feed.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(feed.readAllStandardError()).trimmed(),
             QStringLiteral("liqscope-feed: stopping on ") + name);
}

QTEST_GUILESS_MAIN(tst_FeedServer)
#include "tst_feedserver.moc"
