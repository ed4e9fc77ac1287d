// A window following a PostgreSQL store a collector writes, against a real server the test starts,
// stops and starts again: while the database is away the badge says "Reconnecting in N s" (the one
// formatter of states, LinkStatus) and keeps what was read; when it is back the window is live again and
// follows what the collector kept in memory meanwhile.
#include "postgresserver.h"
#include "session/storefollowersource.h"
#include "store/postgreseventstore.h"
#include "testtiming.h"

#include <QDateTime>
#include <QTest>

using namespace Liq;

namespace {

constexpr int WaitMs = TestTiming::scaledMs(40000);

QList<LiquidationEvent> makeEvents(qint64 startMs, int count)
{
    QList<LiquidationEvent> events;
    for (int i = 0; i < count; ++i) {
        LiquidationEvent e;
        e.exchange = Exchange::Binance;
        e.market = MarketKind::UsdM;
        e.instrument = QStringLiteral("BTCUSDT");
        e.coin = QStringLiteral("BTC");
        e.side = LiquidatedSide::Long;
        e.price = 50000;
        e.usd = 1000 + i;
        e.quantity = e.usd / e.price;
        e.exchangeTimeMs = startMs + i;
        e.receiveTimeMs = startMs + i + 15;
        events << e;
    }
    return events;
}

} // namespace

class TestStoreFollowerPostgres final : public QObject
{
    Q_OBJECT

private slots:
    void databaseAwayShowsReconnectingThenFollowsAgain();
};

void TestStoreFollowerPostgres::databaseAwayShowsReconnectingThenFollowsAgain()
{
    PostgresServer server;
    QString problem = server.start();
    if (problem.isEmpty())
        problem = server.createDatabase(QStringLiteral("follow"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QString uri = server.uri(QStringLiteral("follow"));
    PostgresEventStore collector(uri);
    QCOMPARE(collector.open(true), QString());
    const qint64 since = QDateTime::currentMSecsSinceEpoch() - 600000;
    collector.append(makeEvents(since + 1000, 20));
    collector.recordCoverage(Exchange::Binance, since, QDateTime::currentMSecsSinceEpoch());
    QVERIFY(collector.flush());

    PostgresEventStore desk(uri);
    QCOMPARE(desk.open(false), QString());
    StoreFollowerSource source(&desk, {Exchange::Binance});
    source.start();
    QTRY_COMPARE_WITH_TIMEOUT(source.status().state, LiveState::Live, WaitMs);
    const QDateTime recordedUntil = source.status().lastSuccessAt;
    QVERIFY(recordedUntil.isValid());

    QCOMPARE(server.stop(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(source.status().state, LiveState::Reconnecting, WaitMs);
    LiveStatus status = source.status();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY2(status.shortText(now).startsWith(QLatin1String("Reconnecting in ")),
             qPrintable(status.shortText(now)));
    QVERIFY(status.nextAttemptAt.isValid());
    QCOMPARE(status.lastSuccessAt, recordedUntil); // what was read is kept: the badge says how old it is
    QCOMPARE(status.links.size(), 1);
    QCOMPARE(status.links.at(0).state, LiveState::Reconnecting);
    QVERIFY2(status.describeAll(now).contains(QLatin1String("could not be read")),
             qPrintable(status.describeAll(now)));
    // Tries again after a growing delay: the countdown moves on to a later attempt.
    const QDateTime firstAttempt = status.nextAttemptAt;
    QTRY_VERIFY_WITH_TIMEOUT(source.status().nextAttemptAt > firstAttempt, WaitMs);
    QCOMPARE(source.status().state, LiveState::Reconnecting);

    // The collector hears more while the database is away, and writes it once it is back.
    const QList<LiquidationEvent> meanwhile = makeEvents(QDateTime::currentMSecsSinceEpoch() - 1000, 7);
    collector.append(meanwhile);
    QCOMPARE(server.start(), QString());
    collector.recordCoverage(Exchange::Binance, since, QDateTime::currentMSecsSinceEpoch());
    QTRY_COMPARE_WITH_TIMEOUT(source.status().state, LiveState::Live, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(source.eventsFollowed(), qint64(meanwhile.size()), WaitMs);
    QVERIFY(!source.status().nextAttemptAt.isValid());
}

QTEST_GUILESS_MAIN(TestStoreFollowerPostgres)
#include "tst_storefollowerpostgres.moc"
