// The window's alerts without a window: a live session following a real store another writer fills.
// The first picture of the source is the past and never fires; a new liquidation over the rule's amount
// does, once, into the list; rules switched off are not watched; a pause reaches the engine.
#include "itemmodels/alertlistmodel.h"
#include "session/alertcenter.h"
#include "session/dashboardsession.h"
#include "session/livesession.h"
#include "session/storefollowersource.h"
#include "store/sqliteeventstore.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Liq;

namespace {

LiquidationEvent bigLong(qint64 timeMs, double usd)
{
    LiquidationEvent e;
    e.exchange = Exchange::Bybit;
    e.market = MarketKind::Linear;
    e.instrument = QStringLiteral("SOLUSDT");
    e.coin = QStringLiteral("SOL");
    e.side = LiquidatedSide::Long;
    e.price = 150;
    e.quantity = usd / e.price;
    e.usd = usd;
    e.exchangeTimeMs = timeMs;
    e.receiveTimeMs = timeMs;
    return e;
}

AlertRuleSetting rule(const char *text, bool enabled = true)
{
    AlertRuleError error;
    const std::optional<AlertRule> parsed = AlertRule::parse(QString::fromLatin1(text), &error);
    return {parsed.value_or(AlertRule()), enabled};
}

} // namespace

class tst_AlertCenter final : public QObject
{
    Q_OBJECT

private slots:
    void pastNeverFiresNewLiquidationDoesOnce();
};

void tst_AlertCenter::pastNeverFiresNewLiquidationDoesOnce()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("events.sqlite"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    SqliteEventStore writer(path);
    QCOMPARE(writer.open(true), QString());
    // Already true before the window opened: $900K of longs 20 s ago.
    writer.append({bigLong(now - 20'000, 900'000)});
    writer.recordCoverage(Exchange::Bybit, now - 600'000, now);
    QVERIFY(writer.flush());
    SqliteEventStore reader(path);
    QCOMPARE(reader.open(false), QString());

    DashboardSession session;
    LiveSession live(&session);
    AlertCenter center(&live, &session);
    AlertTiming timing;
    timing.burstGapMs = 200; // a burst closes quickly here
    center.engine()->setTiming(timing);
    center.setRules({rule("liquidation>=250k"), rule("total:1h>=500k"), rule("liquidation>=1k", false)});
    QVERIFY(center.isActive());
    QCOMPARE(center.engine()->rules().size(), 2); // the one switched off is not watched
    QSignalSpy raised(&center, &AlertCenter::alertRaised);
    QSignalSpy arrived(&live, &LiveSession::snapshotArrived);
    live.connectTo(new StoreFollowerSource(&reader, {}));
    QTRY_VERIFY(!arrived.isEmpty());
    QTest::qWait(0);
    QVERIFY(raised.isEmpty()); // the refill: the total already held, and the $900K was before

    writer.append({bigLong(QDateTime::currentMSecsSinceEpoch(), 2'000'000)}); // after the engine started
    writer.recordCoverage(Exchange::Bybit, now - 600'000, QDateTime::currentMSecsSinceEpoch());
    QVERIFY(writer.flush());
    QSignalSpy events(&live, &LiveSession::eventsReceived);
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(raised.size(), 1, 5000);
    const Alert alert = raised.first().at(0).value<Alert>();
    QCOMPARE(alert.rule, QStringLiteral("liquidation>=250k"));
    QCOMPARE(alert.coin, QStringLiteral("SOL"));
    QCOMPARE(alert.count, 1);
    QCOMPARE(center.alerts()->rowCount(), 1);
    QCOMPARE(center.alerts()->alertAt(0).title, alert.title);

    // Paused for an hour (the tray's choice; what a paused engine holds back is tst_alertengine's).
    center.pauseFor(3600 * 1000);
    QVERIFY(center.isPaused());
    QVERIFY(center.engine()->isPaused());
    center.resumeAlerts();
    QVERIFY(!center.isPaused());
}

QTEST_GUILESS_MAIN(tst_AlertCenter)
#include "tst_alertcenter.moc"
