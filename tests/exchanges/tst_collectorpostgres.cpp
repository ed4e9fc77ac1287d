// liqscope-collect writing a PostgreSQL store (a server the test starts itself) from a test OKX exchange:
// two collectors on one database (redundancy, as a desk runs them) store each event once, and SIGTERM
// flushes what is queued and exits 0.
#include "exchangemessages.h"
#include "postgresserver.h"
#include "store/postgreseventstore.h"
#include "testexchange.h"
#include "testtiming.h"

#include <QDateTime>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <memory>

using namespace Liq;
using LiqTest::RestServer;
using LiqTest::TestExchange;
using LiqTest::Messages::okxDetail;
using LiqTest::Messages::okxEntry;
using LiqTest::Messages::okxPush;

namespace {

constexpr int WaitMs = Liq::TestTiming::scaledMs(20'000);

void serveOkx(RestServer &rest, const QByteArray &historyTime)
{
    rest.setBody(QStringLiteral("/api/v5/public/instruments?instType=SWAP"),
                 R"({"code":"0","msg":"","data":[
                   {"instId":"BTC-USDT-SWAP","instFamily":"BTC-USDT","uly":"BTC-USDT","ctVal":"0.01","ctType":"linear","ctValCcy":"BTC","state":"live"}]})");
    rest.setBody(QStringLiteral("/api/v5/public/instruments?instType=FUTURES"),
                 R"({"code":"0","msg":"","data":[
                   {"instId":"XRP-USD-261225","instFamily":"XRP-USD","uly":"XRP-USD","ctVal":"10","ctType":"inverse","ctValCcy":"USD","state":"live"}]})");
    // One event in the history: both collectors backfill it, the store keeps it once.
    rest.setBody(
        QStringLiteral(
            "/api/v5/public/liquidation-orders?instType=SWAP&instFamily=BTC-USDT&state=filled&limit=100"),
        "{\"code\":\"0\",\"msg\":\"\",\"data\":["
            + okxEntry("BTC-USDT-SWAP", "BTC-USDT", "SWAP", okxDetail("sell", "4", "50000", historyTime))
            + "]}");
    rest.setFallback(R"({"code":"0","msg":"","data":[]})");
}

} // namespace

class tst_CollectorPostgres final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void twoCollectorsStoreEachEventOnceAndSigtermFlushes();

private:
    PostgresServer m_server;
};

void tst_CollectorPostgres::initTestCase()
{
    const QString problem = m_server.start();
    QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("cannot start PostgreSQL: ") + problem));
    QCOMPARE(m_server.createDatabase(QStringLiteral("desk")), QString());
}

void tst_CollectorPostgres::twoCollectorsStoreEachEventOnceAndSigtermFlushes()
{
    TestExchange okx(TestExchange::Protocol::Okx);
    RestServer rest;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    serveOkx(rest, QByteArray::number(now - 2 * 3600 * 1000));
    const QString uri = m_server.uri(QStringLiteral("desk"));
    const QStringList arguments{
        QStringLiteral("--exchanges"), QStringLiteral("okx"),
        QStringLiteral("--store"),     uri,
        QStringLiteral("--endpoint"),  QStringLiteral("okx-ws=") + okx.url().toString(),
        QStringLiteral("--endpoint"),  QStringLiteral("okx-rest=") + rest.baseUrl().toString()};
    std::unique_ptr<QProcess> collectors[2];
    QByteArray logs[2];
    for (auto &collector : collectors) {
        collector = std::make_unique<QProcess>();
        collector->start(QStringLiteral(LIQSCOPE_COLLECT_EXECUTABLE), arguments);
        QVERIFY(collector->waitForStarted());
    }
    for (int i = 0; i < 2; ++i)
        QTRY_VERIFY2_WITH_TIMEOUT((logs[i] += collectors[i]->readAllStandardError()).contains("OKX: Live"),
                                  logs[i].constData(), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(okx.openConnections(), 2, WaitMs);

    // Both collectors see the same three liquidations (one push to every connection).
    const QByteArray recent = QByteArray::number(QDateTime::currentMSecsSinceEpoch());
    okx.push(okxPush("SWAP",
                     okxEntry("BTC-USDT-SWAP", "BTC-USDT", "SWAP",
                              okxDetail("buy", "10", "60000", recent) + ","
                                  + okxDetail("sell", "5", "60000", recent) + ","
                                  + okxDetail("sell", "2", "61000", recent))));
    PostgresEventStore reader(uri);
    QCOMPARE(reader.open(false), QString());
    // The first one has written them (or its SIGTERM flush will); the second is stopped at once, with
    // its batch possibly still queued: its flush must add nothing twice.
    QTRY_COMPARE_WITH_TIMEOUT(reader.events(0).size(), 4, WaitMs);
    for (int i = 0; i < 2; ++i) {
        ::kill(pid_t(collectors[i]->processId()), SIGTERM);
        QVERIFY(collectors[i]->waitForFinished(WaitMs));
        QCOMPARE(collectors[i]->exitStatus(), QProcess::NormalExit);
        QCOMPARE(collectors[i]->exitCode(), 0);
        logs[i] += collectors[i]->readAllStandardError();
        QVERIFY2(logs[i].contains("stopping on SIGTERM"), logs[i].constData());
        // Each saw all four (and exit 0 says its last flush succeeded): the store below keeps them once.
        QVERIFY2(logs[i].contains("stopped; 4 liquidations counted this run"), logs[i].constData());
        QVERIFY2(!logs[i].contains("cannot write"), logs[i].constData());
    }

    const QList<LiquidationEvent> events = reader.events(0);
    QCOMPARE(events.size(), 4);
    double usd = 0;
    for (const LiquidationEvent &event : events)
        usd += event.usd;
    // Linear: sz × ctVal × price.
    QCOMPARE(usd, 0.04 * 50000 + 0.1 * 60000 + 0.05 * 60000 + 0.02 * 61000);
    // The minute rollup counted each once too.
    int counted = 0;
    for (const MinuteTotal &total : reader.minuteTotals(0, (now + 3600 * 1000) / 60000))
        counted += total.count;
    QCOMPARE(counted, 4);
    QVERIFY(!reader.coverage(0).isEmpty());
}

QTEST_GUILESS_MAIN(tst_CollectorPostgres)
#include "tst_collectorpostgres.moc"
