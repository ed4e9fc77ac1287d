// The window on the exchange streams, as a user sees it: one click from the first start, the badge per
// exchange, the tape and the timeline filling from a test exchange, the events kept in the store (and
// there after a restart), and a store that cannot be used said once while the live view carries on.
#include "alertspanel.h"
#include "errorbanner.h"
#include "exchangemessages.h"
#include "itemmodels/alertlistmodel.h"
#include "itemmodels/liquidationtapemodel.h"
#include "liquidationtimeline.h"
#include "livebadge.h"
#include "mainwindow.h"
#include "session/alertcenter.h"
#include "session/dashboardsession.h"
#include "session/livesession.h"
#include "session/storefollowersource.h"
#include "sessionstatus.h"
#include "store/sqliteeventstore.h"
#include "testexchange.h"
#include "testtiming.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Liq;
using LiqTest::RestServer;
using LiqTest::TestExchange;

namespace {

constexpr int WaitMs = Liq::TestTiming::scaledMs(10'000);

QByteArray okxLiquidation(const char *side, const char *size)
{
    using namespace LiqTest::Messages;
    return okxPush("SWAP",
                   okxEntry("BTC-USDT-SWAP", "BTC-USDT", "SWAP", okxDetail(side, size, "60000", now())));
}

} // namespace

class tst_StreamWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void watchLiveFillsTapeTimelineAndStore();
    void unusableStoreIsSaidOnceAndLiveGoesOn();
    void aWindowOnACollectorsStoreFollowsIt();

private:
    ExchangeStreamsEndpoint okxEndpoint() const;

    QTemporaryDir m_dir;
    TestExchange m_okx{TestExchange::Protocol::Okx};
    RestServer m_rest;
};

void tst_StreamWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    m_rest.setBody(
        QStringLiteral("/api/v5/public/instruments?instType=SWAP"),
        R"({"code":"0","msg":"","data":[{"instId":"BTC-USDT-SWAP","instFamily":"BTC-USDT","ctVal":"0.01","ctType":"linear"}]})");
    m_rest.setBody(
        QStringLiteral("/api/v5/public/instruments?instType=FUTURES"),
        R"({"code":"0","msg":"","data":[{"instId":"BTC-USD-261225","instFamily":"BTC-USD","ctVal":"100","ctType":"inverse"}]})");
    m_rest.setFallback(R"({"code":"0","msg":"","data":[]})");
}

ExchangeStreamsEndpoint tst_StreamWindow::okxEndpoint() const
{
    ExchangeStreamsEndpoint endpoint;
    endpoint.exchanges = {Exchange::Okx};
    endpoint.overrides.insert(QLatin1String(ExchangeEndpoints::OkxWs), m_okx.url());
    endpoint.overrides.insert(QLatin1String(ExchangeEndpoints::OkxRest), m_rest.baseUrl());
    return endpoint;
}

void tst_StreamWindow::watchLiveFillsTapeTimelineAndStore()
{
    const QString storePath = m_dir.filePath(QStringLiteral("window.sqlite"));
    {
        MainWindow window(false);
        window.resize(1280, 800);
        window.show();
        QVERIFY(window.watchLiveAction()->isVisible()); // the first start offers live data in one click
        // Before any stream, the timeline says how to fill it instead of showing an empty day.
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("chartTabs"));
        QVERIFY(tabs);
        tabs->setCurrentIndex(tabs->indexOf(window.liquidationTimeline()->parentWidget()));
        QVERIFY(window.liquidationTimeline()->timeline().isEmpty());
        QVERIFY(window.liquidationTimeline()->chartView()->chart()->title().contains(
            QLatin1String("Watch Live")));
        QVERIFY(window.useEventStore(storePath, true));
        window.connectFeed(okxEndpoint(), LiveOptions());
        QTRY_VERIFY_WITH_TIMEOUT(window.liveSession()->status().state == LiveState::Live, WaitMs);
        QVERIFY(!window.watchLiveAction()->isVisible());
        QVERIFY(window.liveBadge()->text().contains(QLatin1String("OKX")));

        m_okx.push(okxLiquidation("sell", "100")); // a long: 100 × 0.01 × 60000
        m_okx.push(okxLiquidation("buy", "50"));
        QTRY_COMPARE_WITH_TIMEOUT(window.tapeModel()->rowCount(), 2, WaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->snapshot().totals.at(TimeWindow::H1).longUsd, 60000.0,
                                  WaitMs);
        QVERIFY(window.session()->snapshot().source.contains(QLatin1String("Observed on OKX")));

        LiquidationTimeline *timeline = window.liquidationTimeline(); // its tab is open (above)
        QTRY_VERIFY_WITH_TIMEOUT(!timeline->timeline().isEmpty(), WaitMs);
        QCOMPARE(timeline->timeline().last().amounts.longUsd, 60000.0);
        QVERIFY(timeline->chartView()->chart()->title().isEmpty());
        QVERIFY(window.eventStore()->flush());
    }
    // After a restart the store still has them, and a new window shows them without any connection.
    SqliteEventStore store(storePath);
    QCOMPARE(store.open(false), QString());
    QCOMPARE(store.events(0).size(), 2);
    MainWindow again(false);
    again.showStore(storePath);
    QTRY_COMPARE_WITH_TIMEOUT(again.session()->snapshot().totals.at(TimeWindow::H1).shortUsd, 30000.0,
                              WaitMs);
    QVERIFY(!again.eventStore()); // read on a worker: the window opens its own connection only for a use
    QVERIFY(again.liveSession()->source() == nullptr);
    // With no stream, the tape and the timeline show what the store kept.
    QCOMPARE(again.tapeModel()->rowCount(), 2);
    auto *againTabs = again.findChild<QTabWidget *>(QStringLiteral("chartTabs"));
    againTabs->setCurrentIndex(againTabs->indexOf(again.liquidationTimeline()->parentWidget()));
    double timelineLongs = 0;
    for (const TimelineBucket &bucket : again.liquidationTimeline()->timeline())
        timelineLongs += bucket.amounts.longUsd;
    QCOMPARE(timelineLongs, 60000.0);

    // File > Export Events (the range and file chosen): written on a worker, said in the status bar.
    again.show();
    QVERIFY(again.exportEventsAction()->isEnabled());
    const QString csv = m_dir.filePath(QStringLiteral("exported.csv"));
    again.exportEvents(0, std::numeric_limits<qint64>::max(), csv);
    QVERIFY(!again.exportEventsAction()->isEnabled()); // one export at a time
    QTRY_VERIFY_WITH_TIMEOUT(again.exportEventsAction()->isEnabled(), WaitMs);
    QCOMPARE(again.statusBar()->currentMessage(), QStringLiteral("Liquidations exported to exported.csv: 2"));
    QVERIFY(again.sessionStatus()->isHidden()); // the message takes the source line's place, so it is seen
    QFile exported(csv);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    QCOMPARE(exported.readAll().count('\n'), 3); // the header and both
    // A file that cannot be written: the banner names it, the data on screen stays.
    again.exportEvents(0, std::numeric_limits<qint64>::max(), m_dir.filePath(QStringLiteral("gone/x.csv")));
    QTRY_VERIFY_WITH_TIMEOUT(again.exportEventsAction()->isEnabled(), WaitMs);
    QVERIFY(again.findChild<ErrorBanner *>()->message().contains(QLatin1String("x.csv")));
    QCOMPARE(again.session()->snapshot().totals.at(TimeWindow::H1).shortUsd, 30000.0);
}

void tst_StreamWindow::unusableStoreIsSaidOnceAndLiveGoesOn()
{
    const QString path = m_dir.filePath(QStringLiteral("damaged.sqlite"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'z'));
    file.close();
    MainWindow window(false);
    QVERIFY(!window.useEventStore(path, true));
    QVERIFY(window.errorBanner()->message().contains(QLatin1String("damaged.sqlite")));
    QVERIFY(window.errorBanner()->message().contains(QLatin1String("memory")));
    window.connectFeed(okxEndpoint(), LiveOptions());
    QTRY_VERIFY_WITH_TIMEOUT(window.liveSession()->status().state == LiveState::Live, WaitMs);
    m_okx.push(okxLiquidation("sell", "10"));
    QTRY_COMPARE_WITH_TIMEOUT(window.session()->snapshot().totals.at(TimeWindow::H1).longUsd, 6000.0, WaitMs);
}

// A collector (here: a writer store in this process, holding the lock) writes the store; Watch Live on the
// same store and `liqscope --store` both follow it: no connection to the exchange, the badge says so, the
// tape refills and new rows arrive within a second or two.
void tst_StreamWindow::aWindowOnACollectorsStoreFollowsIt()
{
    const QString path = m_dir.filePath(QStringLiteral("collector.sqlite"));
    auto liquidation = [](qint64 timeMs, double usd) {
        LiquidationEvent event;
        event.exchange = Exchange::Okx;
        event.market = MarketKind::Swap;
        event.instrument = QStringLiteral("ETH-USDT-SWAP");
        event.coin = QStringLiteral("ETH");
        event.side = LiquidatedSide::Short;
        event.price = 3000;
        event.quantity = usd / event.price;
        event.usd = usd;
        event.exchangeTimeMs = timeMs;
        event.receiveTimeMs = timeMs;
        return event;
    };
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    SqliteEventStore collector(path);
    QCOMPARE(collector.open(true), QString());
    collector.append({liquidation(start - 60'000, 40'000)});
    collector.recordCoverage(Exchange::Okx, start - 600'000, start);
    QVERIFY(collector.flush());

    const int connectionsBefore = m_okx.connectionsAccepted();
    MainWindow window(false);
    window.resize(1280, 800);
    window.show();
    QVERIFY(window.useEventStore(path, true));
    QCOMPARE(window.eventStore()->access(), EventStore::Access::ReadOnly);
    window.connectFeed(okxEndpoint(), LiveOptions());
    QVERIFY(qobject_cast<const StoreFollowerSource *>(window.liveSession()->source()));
    QTRY_VERIFY_WITH_TIMEOUT(window.liveSession()->status().state == LiveState::Live, WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(window.liveBadge()->text().contains(QLatin1String("via collector")), WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(window.tapeModel()->rowCount(), 1, WaitMs); // restored from the store
    QTRY_COMPARE_WITH_TIMEOUT(window.session()->snapshot().totals.at(TimeWindow::H1).shortUsd, 40'000.0,
                              WaitMs);

    const qint64 later = QDateTime::currentMSecsSinceEpoch();
    collector.append({liquidation(later - 500, 700'000)});
    collector.recordCoverage(Exchange::Okx, start - 600'000, later);
    QVERIFY(collector.flush());
    QTRY_COMPARE_WITH_TIMEOUT(window.tapeModel()->rowCount(), 2, Liq::TestTiming::scaledMs(2500));
    QTRY_COMPARE_WITH_TIMEOUT(window.session()->snapshot().totals.at(TimeWindow::H1).shortUsd, 740'000.0,
                              WaitMs);
    QCOMPARE(m_okx.connectionsAccepted(), connectionsBefore); // no socket of its own

    // An alert rule on that window: the next big liquidation fires once into the Alerts tab.
    window.setAlertRules({{*AlertRule::parse(u"liquidation>=500k"), true}});
    QCOMPARE(window.alertsPanel()->stateLabel()->text(), QStringLiteral("rules on: 1"));
    collector.append({liquidation(QDateTime::currentMSecsSinceEpoch(), 900'000)});
    QVERIFY(collector.flush());
    QTRY_COMPARE_WITH_TIMEOUT(window.alertCenter()->alerts()->rowCount(), 1, WaitMs);
    QCOMPARE(window.alertCenter()->alerts()->alertAt(0).coin, QStringLiteral("ETH"));
    // Its Show (a notification's action, or a double-click in the Alerts tab) scopes the window to ETH.
    window.showAlertTarget(window.alertCenter()->alerts()->alertAt(0).coin);
    QTRY_VERIFY(window.session()->isScoped());
    QCOMPARE(window.session()->scopedSnapshot().scope, QStringLiteral("ETH"));

    // liqscope --store FILE on a store being written follows it too.
    MainWindow reader(false);
    reader.showStore(path);
    QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<const StoreFollowerSource *>(reader.liveSession()->source()),
                             WaitMs);
    QCOMPARE(reader.eventStore()->access(), EventStore::Access::ReadOnly);
    QTRY_COMPARE_WITH_TIMEOUT(reader.session()->snapshot().totals.at(TimeWindow::H1).shortUsd, 1'640'000.0,
                              WaitMs);
}

QTEST_MAIN(tst_StreamWindow)
#include "tst_streamwindow.moc"
