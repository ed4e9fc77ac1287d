// The exchange streams end to end against test exchanges on 127.0.0.1 that speak each protocol
// (QWebSocketServer plus a small HTTP server for the REST parts): side conventions and sizing per
// exchange, paginated instrument lists, packed connections, enforced keepalives, OKX's history, and
// the fault matrix. After each fault the totals are exactly the events that should count.
#include "exchangemessages.h"
#include "exchanges/exchangestreamsource.h"
#include "exchanges/okxfeed.h"
#include "testexchange.h"
#include "testtiming.h"

#include <QDateTime>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace Liq;
using namespace LiqTest::Messages;
using LiqTest::RestServer;
using LiqTest::TestExchange;

namespace {

constexpr int WaitMs = Liq::TestTiming::scaledMs(8000);

LiveOptions testOptions()
{
    LiveOptions options;
    options.timeoutMs = Liq::TestTiming::scaledMs(3000);
    options.backoffInitialMs = 100;
    options.backoffMaxMs = 400;
    return options;
}

double h1Long(const LiquidationSnapshot &snapshot)
{
    return snapshot.totals.at(TimeWindow::H1).longUsd;
}
double h1Short(const LiquidationSnapshot &snapshot)
{
    return snapshot.totals.at(TimeWindow::H1).shortUsd;
}

// Everything one OKX test needs: the instruments of both families and an empty history.
void serveOkxInstruments(RestServer &rest)
{
    rest.setBody(QStringLiteral("/api/v5/public/instruments?instType=SWAP"),
                 R"({"code":"0","msg":"","data":[
                   {"instId":"BTC-USDT-SWAP","instFamily":"BTC-USDT","uly":"BTC-USDT","ctVal":"0.01","ctType":"linear","ctValCcy":"BTC","state":"live"},
                   {"instId":"BTC-USD-SWAP","instFamily":"BTC-USD","uly":"BTC-USD","ctVal":"100","ctType":"inverse","ctValCcy":"USD","state":"live"}]})");
    rest.setBody(QStringLiteral("/api/v5/public/instruments?instType=FUTURES"),
                 R"({"code":"0","msg":"","data":[
                   {"instId":"XRP-USD-261225","instFamily":"XRP-USD","uly":"XRP-USD","ctVal":"10","ctType":"inverse","ctValCcy":"USD","state":"live"}]})");
    rest.setFallback(R"({"code":"0","msg":"","data":[]})"); // history pages with nothing in them
}

ExchangeStreamsEndpoint okxEndpoint(const TestExchange &okx, const RestServer &rest)
{
    ExchangeStreamsEndpoint endpoint;
    endpoint.exchanges = {Exchange::Okx};
    endpoint.overrides.insert(QLatin1String(ExchangeEndpoints::OkxWs), okx.url());
    endpoint.overrides.insert(QLatin1String(ExchangeEndpoints::OkxRest), rest.baseUrl());
    return endpoint;
}

} // namespace

class TestExchangeStreams final : public QObject
{
    Q_OBJECT

private slots:
    void binanceSidesAndContractSizes();
    void bybitPagesPackedConnectionsAndKeepalive();
    void bybitSubscribeErrorIsShown();
    void okxBatchKeepaliveAndHistoryCountOnce();
    void faultsNeverReachTheTotals();
    void abruptCloseRecoversWithoutDoubleCounting();
    void silentStreamIsDetectedAndReconnected();
    void reconnectStormIsPacedByTheConnectionGate();
    void refusedConnectionRetriesWithReason();
    void plainWsOffLoopbackIsRefused();
    void summaryCollectsFromTheExchanges();
};

void TestExchangeStreams::binanceSidesAndContractSizes()
{
    TestExchange usdm(TestExchange::Protocol::Binance);
    TestExchange coinm(TestExchange::Protocol::Binance);
    RestServer rest;
    rest.setBody(QStringLiteral("/dapi/v1/exchangeInfo"),
                 R"({"symbols":[{"symbol":"BTCUSD_PERP","pair":"BTCUSD","contractSize":100},
                                {"symbol":"ETHUSD_PERP","pair":"ETHUSD","contractSize":10}]})");
    ExchangeStreamsEndpoint endpoint;
    endpoint.exchanges = {Exchange::Binance};
    endpoint.overrides.insert(QLatin1String(ExchangeEndpoints::BinanceUsdmWs), usdm.url());
    endpoint.overrides.insert(QLatin1String(ExchangeEndpoints::BinanceCoinmWs), coinm.url());
    endpoint.overrides.insert(QLatin1String(ExchangeEndpoints::BinanceCoinmRest), rest.baseUrl());

    ExchangeStreamSource source(endpoint, testOptions());
    source.start();
    QTRY_VERIFY_WITH_TIMEOUT(usdm.openConnections() == 1 && coinm.openConnections() == 1, WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(source.status().state == LiveState::Live, WaitMs);

    // The forced ORDER's side: SELL closes a long, BUY a short. USD-M: z × ap.
    usdm.push(binanceOrder("BTCUSDT", "SELL", "0.5", "60000"));
    usdm.push(binanceOrder("ETHUSDT", "BUY", "2", "3000"));
    // COIN-M: z contracts × contractSize dollars.
    coinm.push(binanceOrder("BTCUSD_PERP", "BUY", "3", "60000"));
    coinm.push(binanceOrder("ETHUSD_PERP", "SELL", "7", "3000"));
    QTRY_COMPARE_WITH_TIMEOUT(source.eventsCounted(), qint64(4), WaitMs);

    const LiquidationSnapshot snapshot = source.snapshot();
    QCOMPARE(h1Long(snapshot), 30000.0 + 70.0);
    QCOMPARE(h1Short(snapshot), 6000.0 + 300.0);
    QVERIFY(snapshot.source.contains(QLatin1String("Observed on Binance")));
    QCOMPARE(snapshot.observation->eventsIn(TimeWindow::H1).count(), 4);
    QCOMPARE(snapshot.observation->eventsIn(TimeWindow::H1).largest->usd, 30000.0);
    QCOMPARE(snapshot.observation->eventsIn(TimeWindow::H1).largest->side, LiquidatedSide::Long);
    // Both breakdowns, and coverage that began a moment ago: every window is partial.
    QCOMPARE(snapshot.breakdownKind, BreakdownKind::Coin);
    QCOMPARE(snapshot.otherBreakdownKind, BreakdownKind::Exchange);
    QCOMPARE(snapshot.breakdown.size(), 2);
    QVERIFY(snapshot.observation->coveredSince().isValid());
    QVERIFY(snapshot.observation->isPartial(TimeWindow::H1, snapshot.asOf));
    QCOMPARE(rest.requests(), QStringList{QStringLiteral("/dapi/v1/exchangeInfo")});

    // The timeline: a day of 5-minute bars; everything before the watch began is a gap, and the
    // newest bar holds the four liquidations.
    const std::optional<Timeline> timeline = source.timeline(5);
    QVERIFY(timeline);
    QCOMPARE(timeline->size(), 24 * 12);
    QVERIFY(timeline->first().gap);
    QCOMPARE(timeline->last().count, 4);
    QCOMPARE(timeline->last().amounts.longUsd, 30000.0 + 70.0);
}

void TestExchangeStreams::bybitPagesPackedConnectionsAndKeepalive()
{
    TestExchange linear(TestExchange::Protocol::Bybit);
    TestExchange inverse(TestExchange::Protocol::Bybit);
    RestServer rest;
    // 1,000 linear symbols over two pages: more topics than one connection's 21,000 characters hold.
    auto page = [](int from, int to, const char *cursor) -> QByteArray {
        QByteArray list;
        for (int i = from; i < to; ++i)
            list += (i > from ? "," : "") + QByteArray(R"({"symbol":"C)") + QByteArray::number(i)
                + R"(USDT","status":"Trading"})";
        return QByteArray(R"({"retCode":0,"retMsg":"OK","result":{"category":"linear","list":[)") + list
            + R"(],"nextPageCursor":")" + cursor + R"("}})";
    };
    rest.setBody(QStringLiteral("/v5/market/instruments-info?category=linear&limit=1000"),
                 page(0, 600, "p2"));
    rest.setBody(QStringLiteral("/v5/market/instruments-info?category=linear&limit=1000&cursor=p2"),
                 page(600, 999, ""));
    rest.setBody(
        QStringLiteral("/v5/market/instruments-info?category=inverse&limit=1000"),
        R"({"retCode":0,"retMsg":"OK","result":{"category":"inverse","list":[{"symbol":"BTCUSD","status":"Trading"}],"nextPageCursor":""}})");
    linear.setIdleLimitMs(Liq::TestTiming::scaledMs(1000)); // Bybit drops clients that do not ping
    inverse.setIdleLimitMs(Liq::TestTiming::scaledMs(1000));

    ExchangeStreamsEndpoint endpoint;
    endpoint.exchanges = {Exchange::Bybit};
    endpoint.overrides.insert(QLatin1String(ExchangeEndpoints::BybitLinearWs), linear.url());
    endpoint.overrides.insert(QLatin1String(ExchangeEndpoints::BybitInverseWs), inverse.url());
    endpoint.overrides.insert(QLatin1String(ExchangeEndpoints::BybitRest), rest.baseUrl());
    LiveOptions options = testOptions();
    options.streamKeepaliveMs = 200;
    ExchangeStreamSource source(endpoint, options);
    source.start();
    QTRY_VERIFY_WITH_TIMEOUT(source.status().state == LiveState::Live && linear.subscriptionsReceived() >= 2,
                             WaitMs);
    QCOMPARE(linear.openConnections(), 2);
    QCOMPARE(linear.subscribedTopics().size(), 999);
    QCOMPARE(inverse.subscribedTopics(), QStringList{QStringLiteral("allLiquidation.BTCUSD")});

    // The position's side: Buy means a long was liquidated. Linear v × p; inverse v dollars.
    linear.push(bybitLiquidation("C7USDT", "Buy", "0.2", "60000"));
    inverse.push(bybitLiquidation("BTCUSD", "Sell", "5000", "60000"));
    QTRY_COMPARE_WITH_TIMEOUT(source.eventsCounted(), qint64(2), WaitMs);
    QCOMPARE(h1Long(source.snapshot()), 12000.0);
    QCOMPARE(h1Short(source.snapshot()), 5000.0);

    // Longer than the server's idle limit: our pings keep every connection.
    QTest::qWait(Liq::TestTiming::scaledMs(1500));
    QCOMPARE(linear.idleHangups() + inverse.idleHangups(), 0);
    QVERIFY(linear.keepalivesReceived() >= 2);
    QCOMPARE(linear.connectionsAccepted(), 2);
}

void TestExchangeStreams::bybitSubscribeErrorIsShown()
{
    TestExchange linear(TestExchange::Protocol::Bybit);
    RestServer rest;
    rest.setBody(
        QStringLiteral("/v5/market/instruments-info?category=linear&limit=1000"),
        R"({"retCode":0,"retMsg":"OK","result":{"list":[{"symbol":"BTCUSDT","status":"Trading"}],"nextPageCursor":""}})");
    rest.setBody(QStringLiteral("/v5/market/instruments-info?category=inverse&limit=1000"),
                 R"({"retCode":0,"retMsg":"OK","result":{"list":[],"nextPageCursor":""}})");
    linear.setRefuseSubscriptions(QStringLiteral("error:handler not found"));
    ExchangeStreamsEndpoint endpoint;
    endpoint.exchanges = {Exchange::Bybit};
    endpoint.overrides.insert(QLatin1String(ExchangeEndpoints::BybitLinearWs), linear.url());
    endpoint.overrides.insert(QLatin1String(ExchangeEndpoints::BybitRest), rest.baseUrl());
    ExchangeStreamSource source(endpoint, testOptions());
    source.start();
    QTRY_VERIFY_WITH_TIMEOUT(
        source.status().links.value(0).message.contains(QLatin1String("handler not found")), WaitMs);
    QVERIFY(source.status().state != LiveState::Live);
}

void TestExchangeStreams::okxBatchKeepaliveAndHistoryCountOnce()
{
    TestExchange okx(TestExchange::Protocol::Okx);
    RestServer rest;
    serveOkxInstruments(rest);
    const QByteArray earlier = QByteArray::number(QDateTime::currentMSecsSinceEpoch() - 3600'000 * 2);
    const QByteArray recent = now();
    // The history of BTC-USDT: one event two hours ago and the one the stream will also send.
    rest.setBody(
        QStringLiteral(
            "/api/v5/public/liquidation-orders?instType=SWAP&instFamily=BTC-USDT&state=filled&limit=100"),
        "{\"code\":\"0\",\"msg\":\"\",\"data\":["
            + okxEntry("BTC-USDT-SWAP", "BTC-USDT", "SWAP",
                       okxDetail("buy", "10", "60000", recent) + ","
                           + okxDetail("sell", "4", "50000", earlier))
            + "]}");
    okx.setIdleLimitMs(Liq::TestTiming::scaledMs(1000)); // OKX hangs up on 30 s without a message
    LiveOptions options = testOptions();
    options.streamKeepaliveMs = 200;
    ExchangeStreamSource source(okxEndpoint(okx, rest), options);
    source.start();
    QTRY_VERIFY_WITH_TIMEOUT(source.status().state == LiveState::Live, WaitMs);
    QCOMPARE(okx.subscribedTopics(), (QStringList{QStringLiteral("SWAP"), QStringLiteral("FUTURES")}));

    // One push, several liquidations: linear sz × ctVal × bkPx, inverse sz × ctVal; sell closes a long.
    okx.push(okxPush(
        "SWAP",
        okxEntry("BTC-USDT-SWAP", "BTC-USDT", "SWAP",
                 okxDetail("buy", "10", "60000", recent) + "," + okxDetail("sell", "5", "60000", recent))
            + "," + okxEntry("BTC-USD-SWAP", "BTC-USD", "SWAP", okxDetail("sell", "7", "60000", recent))));
    auto *feed = static_cast<OkxFeed *>(source.feeds().front().get());
    QTRY_VERIFY_WITH_TIMEOUT(feed->backfillDone(), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(source.eventsCounted(), qint64(4), WaitMs);
    QCOMPARE(source.duplicatesDropped(), qint64(1)); // seen in the history and on the stream

    const LiquidationSnapshot snapshot = source.snapshot();
    QCOMPARE(h1Short(snapshot), 6000.0);
    QCOMPARE(h1Long(snapshot), 3000.0 + 700.0);
    QCOMPARE(snapshot.totals.at(TimeWindow::H4).longUsd, 3000.0 + 700.0 + 2000.0);
    // The history reaches back a day, and the stream was up before it began: nothing is partial.
    QVERIFY(!snapshot.observation->isPartial(TimeWindow::H24, snapshot.asOf));
    // Every family was asked for; BTC-USDT paged on from its oldest event until a page came back empty.
    QCOMPARE(feed->historyRequests(), 4);
    QVERIFY(rest.requests().contains(
        QStringLiteral("/api/v5/public/"
                       "liquidation-orders?instType=SWAP&instFamily=BTC-USDT&state=filled&limit=100&after=")
        + QString::fromLatin1(earlier)));

    QTest::qWait(Liq::TestTiming::scaledMs(1500));
    QCOMPARE(okx.idleHangups(), 0);
    QVERIFY(okx.keepalivesReceived() >= 1);
}

void TestExchangeStreams::faultsNeverReachTheTotals()
{
    TestExchange okx(TestExchange::Protocol::Okx);
    RestServer rest;
    serveOkxInstruments(rest);
    ExchangeStreamSource source(okxEndpoint(okx, rest), testOptions());
    source.start();
    QTRY_VERIFY_WITH_TIMEOUT(source.status().state == LiveState::Live, WaitMs);

    const QByteArray future = QByteArray::number(QDateTime::currentMSecsSinceEpoch() + 3600'000);
    okx.push("not json at all");
    okx.push(okxPush("SWAP",
                     okxEntry("BTC-USDT-SWAP", "BTC-USDT", "SWAP", okxDetail("buy", "NaN", "60000", now()))));
    okx.push(okxPush("SWAP",
                     okxEntry("BTC-USDT-SWAP", "BTC-USDT", "SWAP", okxDetail("buy", "-3", "60000", now()))));
    okx.push(okxPush("SWAP",
                     okxEntry("BTC-USDT-SWAP", "BTC-USDT", "SWAP", okxDetail("buy", "1", "60000", future))));
    okx.push(okxPush("SWAP",
                     okxEntry("DOGE-USDT-SWAP", "DOGE-USDT", "SWAP", okxDetail("buy", "1", "0.1", now()))));
    okx.push(QByteArray(2 * 1024 * 1024, 'x')); // over the message cap: the link drops it and reconnects
    QTRY_VERIFY_WITH_TIMEOUT(okx.connectionsAccepted() >= 2 && source.status().state == LiveState::Live,
                             WaitMs);
    okx.push(okxPush("SWAP",
                     okxEntry("BTC-USDT-SWAP", "BTC-USDT", "SWAP", okxDetail("buy", "1", "60000", now()))));
    // Out of order: ten minutes older than the one before it, still inside the hour.
    const QByteArray older = QByteArray::number(QDateTime::currentMSecsSinceEpoch() - 600'000);
    okx.push(okxPush("SWAP",
                     okxEntry("BTC-USDT-SWAP", "BTC-USDT", "SWAP", okxDetail("sell", "2", "60000", older))));
    QTRY_COMPARE_WITH_TIMEOUT(source.eventsCounted(), qint64(2), WaitMs);

    const auto &feed = source.feeds().front();
    QCOMPARE(feed->badMessages(), 4);
    QCOMPARE(feed->unknownInstruments(), 1);
    QCOMPARE(h1Short(source.snapshot()), 600.0);
    QCOMPARE(h1Long(source.snapshot()), 1200.0);
    QVERIFY(source.status().links.value(0).message.contains(QLatin1String("4 bad message")));
}

void TestExchangeStreams::abruptCloseRecoversWithoutDoubleCounting()
{
    TestExchange usdm(TestExchange::Protocol::Binance);
    TestExchange coinm(TestExchange::Protocol::Binance);
    RestServer rest;
    rest.setBody(QStringLiteral("/dapi/v1/exchangeInfo"),
                 R"({"symbols":[{"symbol":"BTCUSD_PERP","contractSize":100}]})");
    ExchangeStreamsEndpoint endpoint;
    endpoint.exchanges = {Exchange::Binance};
    endpoint.overrides.insert(QLatin1String(ExchangeEndpoints::BinanceUsdmWs), usdm.url());
    endpoint.overrides.insert(QLatin1String(ExchangeEndpoints::BinanceCoinmWs), coinm.url());
    endpoint.overrides.insert(QLatin1String(ExchangeEndpoints::BinanceCoinmRest), rest.baseUrl());
    ExchangeStreamSource source(endpoint, testOptions());
    source.start();
    QTRY_VERIFY_WITH_TIMEOUT(source.status().state == LiveState::Live && coinm.openConnections() == 1,
                             WaitMs);

    const QByteArray order = binanceOrder("BTCUSDT", "SELL", "1", "50000");
    usdm.push(order);
    QTRY_COMPARE_WITH_TIMEOUT(source.eventsCounted(), qint64(1), WaitMs);
    usdm.closeAll();
    QTRY_VERIFY_WITH_TIMEOUT(usdm.connectionsAccepted() == 2 && usdm.openConnections() == 1, WaitMs);
    usdm.push(order); // the same liquidation again after the reconnect: counted once
    usdm.push(binanceOrder("SOLUSDT", "SELL", "10", "100"));
    QTRY_COMPARE_WITH_TIMEOUT(source.eventsCounted(), qint64(2), WaitMs);
    QCOMPARE(source.duplicatesDropped(), qint64(1));
    QCOMPARE(h1Long(source.snapshot()), 51000.0);
    // A quick reconnect is not a gap: coverage goes on from the first connection.
    QVERIFY(source.feeds().front()->coveredSinceMs() > 0);
}

void TestExchangeStreams::silentStreamIsDetectedAndReconnected()
{
    TestExchange okx(TestExchange::Protocol::Okx);
    RestServer rest;
    serveOkxInstruments(rest);
    LiveOptions options = testOptions();
    options.streamSilenceMs = Liq::TestTiming::scaledMs(600);
    ExchangeStreamSource source(okxEndpoint(okx, rest), options);
    QObject scope;
    bool sawSilent = false;
    connect(&source, &LiveSource::statusChanged, &scope, [&sawSilent](const LiveStatus &status) {
        for (const LinkStatus &link : status.links)
            sawSilent = sawSilent || link.state == LiveState::Silent;
    });
    source.start();
    // Connected and acknowledged, then nothing: the retired-URL failure. Shown, and reconnected.
    QTRY_VERIFY_WITH_TIMEOUT(sawSilent, WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(okx.connectionsAccepted() >= 2, WaitMs);
}

void TestExchangeStreams::reconnectStormIsPacedByTheConnectionGate()
{
    TestExchange okx(TestExchange::Protocol::Okx);
    RestServer rest;
    serveOkxInstruments(rest);
    okx.setCloseOnConnect(true);
    LiveOptions options = testOptions();
    options.backoffInitialMs = 1; // the backoff alone would hammer the exchange
    options.backoffMaxMs = 1;
    ExchangeStreamSource source(okxEndpoint(okx, rest), options);
    source.start();
    QTRY_VERIFY_WITH_TIMEOUT(okx.connectionsAccepted() >= 4, WaitMs);
    source.pause();
    // OKX allows 3 connection attempts a second: ours are spaced further apart than that.
    const QList<qint64> &times = okx.acceptTimes();
    for (qsizetype i = 1; i < times.size(); ++i)
        QVERIFY2(times.at(i) - times.at(i - 1) >= 340,
                 qPrintable(QString::number(times.at(i) - times.at(i - 1))));
    QVERIFY(!source.anyDelivered());
}

void TestExchangeStreams::refusedConnectionRetriesWithReason()
{
    RestServer rest;
    serveOkxInstruments(rest);
    TestExchange okx(TestExchange::Protocol::Okx);
    ExchangeStreamsEndpoint endpoint = okxEndpoint(okx, rest);
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close(); // nothing listens there now
    endpoint.overrides.insert(QLatin1String(ExchangeEndpoints::OkxWs),
                              QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)));
    ExchangeStreamSource source(endpoint, testOptions());
    source.start();
    QTRY_VERIFY_WITH_TIMEOUT(source.status().links.value(0).state == LiveState::Retrying
                                 && !source.status().links.value(0).message.isEmpty()
                                 && source.status().links.value(0).nextAttemptAt.isValid(),
                             WaitMs);
    QVERIFY(!source.anyDelivered());
}

void TestExchangeStreams::plainWsOffLoopbackIsRefused()
{
    RestServer rest;
    serveOkxInstruments(rest);
    TestExchange okx(TestExchange::Protocol::Okx);
    ExchangeStreamsEndpoint endpoint = okxEndpoint(okx, rest);
    endpoint.overrides.insert(QLatin1String(ExchangeEndpoints::OkxWs),
                              QUrl(QStringLiteral("ws://example.invalid/ws")));
    ExchangeStreamSource source(endpoint, testOptions());
    source.start();
    QTRY_COMPARE_WITH_TIMEOUT(source.status().links.value(0).state, LiveState::Error, WaitMs);
    QVERIFY(source.status().links.value(0).message.contains(QLatin1String("plain")));
    QCOMPARE(okx.connectionsAccepted(), 0);

    QString error;
    QVERIFY(
        !ExchangeEndpoints::parseOverride(QStringLiteral("okx-ws=ws://example.invalid/ws"), false, &error));
    QVERIFY(error.contains(QLatin1String("okx-ws")));
    QVERIFY(ExchangeEndpoints::parseOverride(QStringLiteral("okx-ws=ws://example.invalid/ws"), true, &error));
    QVERIFY(!ExchangeEndpoints::parseOverride(QStringLiteral("kraken-ws=wss://x"), false, &error));
}

void TestExchangeStreams::summaryCollectsFromTheExchanges()
{
    TestExchange okx(TestExchange::Protocol::Okx);
    RestServer rest;
    serveOkxInstruments(rest);
    QObject scope;
    connect(&okx, &TestExchange::clientSubscribed, &scope, [&okx] {
        okx.push(okxPush(
            "SWAP", okxEntry("BTC-USDT-SWAP", "BTC-USDT", "SWAP", okxDetail("sell", "100", "60000", now()))));
    });
    QProcess process;
    process.start(QStringLiteral(LIQSCOPE_EXECUTABLE),
                  {QStringLiteral("--summary"), QStringLiteral("--format"), QStringLiteral("json"),
                   QStringLiteral("--default-thresholds"), QStringLiteral("--exchanges"),
                   QStringLiteral("okx"), QStringLiteral("--collect"), QStringLiteral("3"),
                   QStringLiteral("--endpoint"), QStringLiteral("okx-ws=") + okx.url().toString(),
                   QStringLiteral("--endpoint"), QStringLiteral("okx-rest=") + rest.baseUrl().toString()});
    QTRY_COMPARE_WITH_TIMEOUT(process.state(), QProcess::NotRunning, WaitMs + 3000);
    QCOMPARE(process.exitCode(), 0);
    const QByteArray out = process.readAllStandardOutput();
    QVERIFY2(out.contains("\"long_usd\": 60000") || out.contains("\"long_usd\":60000"), out.constData());

    // Nothing reachable: exit 3, and each exchange says why on stderr.
    QProcess none;
    none.start(QStringLiteral(LIQSCOPE_EXECUTABLE),
               {QStringLiteral("--summary"), QStringLiteral("--exchanges"), QStringLiteral("okx"),
                QStringLiteral("--collect"), QStringLiteral("1"), QStringLiteral("--endpoint"),
                QStringLiteral("okx-rest=http://127.0.0.1:1")});
    QTRY_COMPARE_WITH_TIMEOUT(none.state(), QProcess::NotRunning, WaitMs);
    QCOMPARE(none.exitCode(), 3);
    QVERIFY(none.readAllStandardError().contains("OKX"));
}

QTEST_GUILESS_MAIN(TestExchangeStreams)
#include "tst_exchangestreams.moc"
