// A window following a store another process writes (issue 15): a real SQLite file with a writer holding
// its lock and a second, read-only store on the same file. The factory makes a follower (no sockets),
// which refills, restores the tape, follows new rows within two seconds, says per exchange whether the
// writer is still recording, and marks the writer's gaps on the timeline.
#include "exchanges/exchangestreamsource.h"
#include "session/livesourcefactory.h"
#include "session/storefollowersource.h"
#include "session/storerecorder.h"
#include "store/sqliteeventstore.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Liq;

namespace {

constexpr qint64 MinuteMs = 60'000;

LiquidationEvent makeEvent(qint64 timeMs, Exchange exchange, LiquidatedSide side, double usd)
{
    LiquidationEvent e;
    e.exchange = exchange;
    e.market = exchange == Exchange::Okx ? MarketKind::Swap : MarketKind::UsdM;
    e.instrument = exchange == Exchange::Okx ? QStringLiteral("BTC-USDT-SWAP") : QStringLiteral("BTCUSDT");
    e.coin = QStringLiteral("BTC");
    e.side = side;
    e.price = 50'000;
    e.quantity = usd / e.price;
    e.usd = usd;
    e.exchangeTimeMs = timeMs;
    e.receiveTimeMs = timeMs + 15;
    return e;
}

double oneHour(const LiquidationSnapshot &snapshot, LiquidatedSide side)
{
    const SideAmounts amounts = snapshot.totals.at(TimeWindow::H1);
    return side == LiquidatedSide::Long ? amounts.longUsd : amounts.shortUsd;
}

const LinkStatus *linkNamed(const LiveStatus &status, Exchange exchange)
{
    for (const LinkStatus &link : status.links) {
        if (link.name == exchangeName(exchange))
            return &link;
    }
    return nullptr;
}

} // namespace

class TestStoreFollower final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void factoryFollowsAStoreAnotherProcessWrites();
    void followsNewRowsWithinTwoSeconds();
    void restoresTheNewestEventsOnceForTheTape();
    void anExchangeTheWriterStoppedIsStaleAndPartial();
    void timelineMarksTheWritersGaps();
    void writtenElsewhereMeansALiveLockHolder();
    void streamSourceRestoresItsRefillForTheTape();

private:
    // A writer holding the lock with the last 10 minutes of Binance recorded, and a reader on the file.
    void openWriterAndReader();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteEventStore> m_writer;
    std::unique_ptr<SqliteEventStore> m_reader;
    qint64 m_now = 0;
};

void TestStoreFollower::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_now = QDateTime::currentMSecsSinceEpoch();
}

void TestStoreFollower::cleanup()
{
    m_reader.reset();
    m_writer.reset();
    m_dir.reset();
}

void TestStoreFollower::openWriterAndReader()
{
    const QString path = m_dir->filePath(QStringLiteral("events.sqlite"));
    m_writer = std::make_unique<SqliteEventStore>(path);
    QCOMPARE(m_writer->open(true), QString());
    QCOMPARE(m_writer->access(), EventStore::Access::ReadWrite);
    m_writer->append({makeEvent(m_now - 5 * MinuteMs, Exchange::Binance, LiquidatedSide::Long, 120'000),
                      makeEvent(m_now - 3 * MinuteMs, Exchange::Binance, LiquidatedSide::Short, 30'000)});
    m_writer->recordCoverage(Exchange::Binance, m_now - 10 * MinuteMs, m_now);
    QVERIFY(m_writer->flush());

    m_reader = std::make_unique<SqliteEventStore>(path);
    QCOMPARE(m_reader->open(true), QString()); // asks to write, and is told someone else does
    QCOMPARE(m_reader->access(), EventStore::Access::ReadOnly);
}

void TestStoreFollower::factoryFollowsAStoreAnotherProcessWrites()
{
    openWriterAndReader();
    QObject scope;
    const ExchangeStreamsEndpoint streams{{Exchange::Binance, Exchange::Bybit}, {}};
    LiveSource *source = createLiveSource(streams, LiveOptions(), &scope, m_reader.get());
    QVERIFY(qobject_cast<StoreFollowerSource *>(source));
    // The writer itself gets the real streams, recording into the store.
    LiveSource *writerSource
        = createLiveSource(ExchangeStreamsEndpoint{{}, {}}, LiveOptions(), &scope, m_writer.get());
    QVERIFY(qobject_cast<ExchangeStreamSource *>(writerSource));
}

void TestStoreFollower::followsNewRowsWithinTwoSeconds()
{
    openWriterAndReader();
    StoreFollowerSource follower(m_reader.get(), {Exchange::Binance, Exchange::Bybit});
    QSignalSpy snapshots(&follower, &LiveSource::snapshotReceived);
    QSignalSpy received(&follower, &LiveSource::eventsReceived);
    follower.start();
    QTRY_VERIFY(!snapshots.isEmpty());
    auto first = snapshots.last().at(0).value<LiquidationSnapshot>();
    QCOMPARE(oneHour(first, LiquidatedSide::Long), 120'000.0);
    QCOMPARE(oneHour(first, LiquidatedSide::Short), 30'000.0);
    QVERIFY(first.source.contains(QStringLiteral("collector")));
    QVERIFY(received.isEmpty()); // the refill is not news

    const qint64 later = QDateTime::currentMSecsSinceEpoch();
    m_writer->append({makeEvent(later - 1000, Exchange::Binance, LiquidatedSide::Long, 2'000'000)});
    m_writer->recordCoverage(Exchange::Binance, m_now - 10 * MinuteMs, later);
    QVERIFY(m_writer->flush());
    QTRY_VERIFY_WITH_TIMEOUT(!received.isEmpty(), 2500);
    QCOMPARE(received.first().at(0).value<QList<LiquidationEvent>>().size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(
        oneHour(snapshots.last().at(0).value<LiquidationSnapshot>(), LiquidatedSide::Long), 2'120'000.0,
        2500);
    QCOMPARE(follower.eventsFollowed(), 1);

    const LiveStatus status = follower.status();
    QCOMPARE(status.state, LiveState::Live);
    QVERIFY(!status.relay.isEmpty());
    QVERIFY(status.message.contains(m_reader->location()));
    QVERIFY(linkNamed(status, Exchange::Binance));
    QCOMPARE(linkNamed(status, Exchange::Binance)->state, LiveState::Live);
    QVERIFY(linkNamed(status, Exchange::Binance)->eventsPerSecond > 0);
    // Asked for but never recorded by the writer: shown, and not live.
    QVERIFY(linkNamed(status, Exchange::Bybit));
    QCOMPARE(linkNamed(status, Exchange::Bybit)->state, LiveState::Stale);
    QVERIFY(!linkNamed(status, Exchange::Okx));
}

void TestStoreFollower::restoresTheNewestEventsOnceForTheTape()
{
    openWriterAndReader();
    m_writer->append({makeEvent(m_now - 10'000, Exchange::Binance, LiquidatedSide::Long, 9'000)});
    QVERIFY(m_writer->flush());
    StoreFollowerSource follower(m_reader.get(), {});
    QSignalSpy restored(&follower, &LiveSource::eventsRestored);
    QSignalSpy snapshots(&follower, &LiveSource::snapshotReceived);
    follower.start();
    QTRY_COMPARE(restored.size(), 1);
    const auto events = restored.first().at(0).value<QList<LiquidationEvent>>();
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.first().usd, 120'000.0); // oldest first
    // The rate starts from what the writer received in the last minute: one liquidation.
    QCOMPARE(follower.status().eventsPerSecond, 1000.0 / double(StoreFollowerSource::RateWindowMs));
    follower.pause();
    follower.resume();
    QTRY_VERIFY(!snapshots.isEmpty());
    QCOMPARE(restored.size(), 1);
}

void TestStoreFollower::anExchangeTheWriterStoppedIsStaleAndPartial()
{
    openWriterAndReader();
    StoreFollowerSource follower(m_reader.get(), {});
    qint64 clock = m_now;
    follower.setClock([&clock] { return clock; });
    QSignalSpy snapshots(&follower, &LiveSource::snapshotReceived);
    follower.start();
    QTRY_VERIFY(!snapshots.isEmpty());
    const auto live = snapshots.last().at(0).value<LiquidationSnapshot>();
    QCOMPARE(live.observation->coverage.size(), 1);
    QCOMPARE(live.observation->coverage.first().observedSince.toMSecsSinceEpoch(), m_now - 10 * MinuteMs);
    QVERIFY(live.observation->isPartial(TimeWindow::H1, live.asOf)); // 10 min of the hour were watched

    // Two minutes on with no new span: the writer no longer records Binance.
    clock = m_now + 2 * MinuteMs;
    const int before = int(snapshots.size());
    QTRY_VERIFY(snapshots.size() > before);
    const auto stopped = snapshots.last().at(0).value<LiquidationSnapshot>();
    QVERIFY(stopped.observation->coverage.isEmpty());
    QVERIFY(stopped.source.contains(QStringLiteral("nothing is being recorded")));
    const LiveStatus status = follower.status();
    QCOMPARE(linkNamed(status, Exchange::Binance)->state, LiveState::Stale);
    QCOMPARE(linkNamed(status, Exchange::Binance)->lastSuccessAt.toMSecsSinceEpoch(), m_now);
    QVERIFY(status.state != LiveState::Live);
}

void TestStoreFollower::timelineMarksTheWritersGaps()
{
    openWriterAndReader();
    // An earlier watch 3 h to 2 h ago; nothing between 2 h and 10 min ago.
    m_writer->recordCoverage(Exchange::Binance, m_now - 180 * MinuteMs, m_now - 120 * MinuteMs);
    QVERIFY(m_writer->flush());
    StoreFollowerSource follower(m_reader.get(), {});
    QSignalSpy snapshots(&follower, &LiveSource::snapshotReceived);
    follower.start();
    QTRY_VERIFY(!snapshots.isEmpty());
    const std::optional<Timeline> timeline = follower.timeline(15);
    QVERIFY(timeline);
    auto bucketAt = [&](qint64 ms) {
        for (const TimelineBucket &bucket : *timeline) {
            const qint64 start = bucket.start.toMSecsSinceEpoch();
            if (ms >= start && ms < start + bucket.minutes * MinuteMs)
                return bucket;
        }
        return TimelineBucket();
    };
    QVERIFY(bucketAt(m_now - 60 * MinuteMs).gap);
    QVERIFY(bucketAt(m_now - 5 * 60 * MinuteMs).gap);
    QVERIFY(!bucketAt(m_now - 150 * MinuteMs).gap);
    QCOMPARE(bucketAt(m_now - 5 * MinuteMs).amounts.longUsd, 120'000.0);
}

void TestStoreFollower::writtenElsewhereMeansALiveLockHolder()
{
    openWriterAndReader();
    QVERIFY(m_reader->isWrittenElsewhere());
    QVERIFY(!m_writer->isWrittenElsewhere());
    // The writer closes: a reader opened now, or the one still open, sees no writer.
    m_writer.reset();
    QVERIFY(!m_reader->isWrittenElsewhere());
    SqliteEventStore later(m_reader->location());
    QCOMPARE(later.open(false), QString());
    QVERIFY(!later.isWrittenElsewhere());
}

void TestStoreFollower::streamSourceRestoresItsRefillForTheTape()
{
    const QString path = m_dir->filePath(QStringLiteral("own.sqlite"));
    SqliteEventStore store(path);
    QCOMPARE(store.open(true), QString());
    store.append({makeEvent(m_now - 20 * MinuteMs, Exchange::Okx, LiquidatedSide::Short, 75'000)});
    QVERIFY(store.flush());
    QObject scope;
    LiveSource *source = createLiveSource(ExchangeStreamsEndpoint{{}, {}}, LiveOptions(), &scope, &store);
    QSignalSpy restored(source, &LiveSource::eventsRestored);
    QSignalSpy received(source, &LiveSource::eventsReceived);
    source->start();
    QCOMPARE(restored.size(), 1);
    QCOMPARE(restored.first().at(0).value<QList<LiquidationEvent>>().first().usd, 75'000.0);
    source->pause();
    source->start();
    QCOMPARE(restored.size(), 1);
    QVERIFY(received.isEmpty());
}

QTEST_GUILESS_MAIN(TestStoreFollower)
#include "tst_storefollower.moc"
