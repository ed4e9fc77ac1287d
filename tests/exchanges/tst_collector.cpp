// liqscope-collect as a user runs it: a child process writing the event store from a test exchange,
// stopped by SIGTERM (last batch flushed, exit 0); a second collector on the same store is refused; --alert
// logs one line per alert and sends it as a desktop notification over the session bus (a private one, with a
// recording org.freedesktop.Notifications service).
#include "exchangemessages.h"
#include "store/sqliteeventstore.h"
#include "testexchange.h"
#include "testsessionbus.h"
#include "testtiming.h"

#include <QDateTime>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Liq;
using LiqTest::RestServer;
using LiqTest::TestExchange;
using LiqTest::Messages::binanceOrder;

namespace {

constexpr int WaitMs = Liq::TestTiming::scaledMs(10'000);

} // namespace

class tst_Collector final : public QObject
{
    Q_OBJECT

private slots:
    void collectsUntilSigtermAndFlushes();

private:
    QTemporaryDir m_dir;
};

void tst_Collector::collectsUntilSigtermAndFlushes()
{
    TestExchange usdm(TestExchange::Protocol::Binance);
    TestExchange coinm(TestExchange::Protocol::Binance);
    RestServer rest;
    rest.setBody(QStringLiteral("/dapi/v1/exchangeInfo"),
                 R"({"symbols":[{"symbol":"BTCUSD_PERP","contractSize":100}]})");
    const QString store = m_dir.filePath(QStringLiteral("collected.sqlite"));
    const QStringList arguments{
        QStringLiteral("--exchanges"), QStringLiteral("binance"),
        QStringLiteral("--store"),     store,
        QStringLiteral("--endpoint"),  QStringLiteral("binance-usdm-ws=") + usdm.url().toString(),
        QStringLiteral("--endpoint"),  QStringLiteral("binance-coinm-ws=") + coinm.url().toString(),
        QStringLiteral("--endpoint"),  QStringLiteral("binance-coinm-rest=") + rest.baseUrl().toString(),
        QStringLiteral("--alert"),     QStringLiteral("liquidation>=50k")};
    LiqTest::SessionBus bus;
    QCOMPARE(bus.start(), QString());
    LiqTest::RecordingNotificationService notifications;
    QCOMPARE(notifications.publish(bus.address(), QStringLiteral("notifications")), QString());
    QProcess collector;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), bus.address());
    collector.setProcessEnvironment(environment);
    collector.start(QStringLiteral(LIQSCOPE_COLLECT_EXECUTABLE), arguments);
    QVERIFY(collector.waitForStarted());
    QByteArray log;
    QTRY_VERIFY_WITH_TIMEOUT((log += collector.readAllStandardError()).contains("Binance: Live"), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(coinm.openConnections(), 1, WaitMs);

    usdm.push(binanceOrder("BTCUSDT", "SELL", "2", "50000"));
    usdm.push(binanceOrder("ETHUSDT", "BUY", "10", "3000"));
    // --alert: the $100K BTC long is one log line once its burst closes (5 s), the $30K ETH none.
    QTRY_VERIFY_WITH_TIMEOUT(
        (log += collector.readAllStandardError())
            .contains("alert liquidation>=50k: Liquidation of $100.00K on BTC. A long position"),
        WaitMs);
    QCOMPARE(log.count("alert "), 1);
    // ... and one desktop notification, with Show on the coin.
    QTRY_COMPARE_WITH_TIMEOUT(notifications.calls.size(), 1, WaitMs);
    QCOMPARE(notifications.calls.first().summary, QStringLiteral("Liquidation of $100.00K on BTC"));
    QVERIFY(notifications.calls.first().body.startsWith(QLatin1String("A long position")));
    QCOMPARE(notifications.calls.first().actions.first(), QStringLiteral("default"));
    usdm.push(binanceOrder("BTCUSDT", "SELL", "0.1", "50000"));
    QTest::qWait(300); // delivered to the child, not yet necessarily written: the SIGTERM flush must do it

    // A second collector on the same store is refused: one writer.
    QProcess second;
    second.start(QStringLiteral(LIQSCOPE_COLLECT_EXECUTABLE), arguments);
    QVERIFY(second.waitForFinished(WaitMs));
    QCOMPARE(second.exitCode(), 1);
    QVERIFY(second.readAllStandardError().contains("another collector"));

    ::kill(pid_t(collector.processId()), SIGTERM);
    QVERIFY(collector.waitForFinished(WaitMs));
    QCOMPARE(collector.exitStatus(), QProcess::NormalExit);
    QCOMPARE(collector.exitCode(), 0);
    log += collector.readAllStandardError();
    QVERIFY(log.contains("stopping on SIGTERM"));
    // One line per state change, never per event; still one per alert, and one notification.
    QVERIFY(log.count('\n') < 15);
    QCOMPARE(log.count("alert "), 1);
    QCOMPARE(notifications.calls.size(), 1);
    QVERIFY(!log.contains("notifications are unavailable"));

    SqliteEventStore reader(store);
    QCOMPARE(reader.open(false), QString());
    const QList<LiquidationEvent> events = reader.events(0);
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.at(0).usd + events.at(1).usd + events.at(2).usd, 100000.0 + 30000.0 + 5000.0);
    QVERIFY(!reader.coverage(0).isEmpty());
}

QTEST_GUILESS_MAIN(tst_Collector)
#include "tst_collector.moc"
