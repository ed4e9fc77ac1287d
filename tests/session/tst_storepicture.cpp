// liqscope --store FILE (issue 15): the store's picture is read on a worker with a connection of its own,
// so start-up reads it while the window is built. Real SQLite files: a kept store is shown, a store a
// writer holds is handed back to be followed, a bad one is refused naming it, and a late read never
// overwrites a newer request.
#include "itemmodels/breakdowntablemodel.h"
#include "session/dashboardsession.h"
#include "session/storepicture.h"
#include "store/sqliteeventstore.h"
#include "testevents.h"

#include <QDateTime>
#include <QFile>
#include <QFutureWatcher>
#include <QPromise>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Liq;

namespace {

constexpr qint64 MinuteMs = 60'000;
constexpr int WaitMs = 10'000;

} // namespace

class TestStorePicture final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void keptStoreIsShownWithItsWindowsAndCoverage();
    void storeWithoutRecordedWatchNamesNoExchange();
    void storeAWriterHoldsIsHandedBackToBeFollowed();
    void badStoreIsRefusedNamingItAndNothingChanges_data();
    void badStoreIsRefusedNamingItAndNothingChanges();
    void lateReadNeverOverwritesANewerRequest();
    void newerStoreReadWinsOverAnOlderOne();

private:
    // A store with 90K of shorts and 20K of longs in the last hour; the writer stays open if asked.
    QString writeStore(const QString &name, bool recordWatch);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteEventStore> m_writer;
    qint64 m_now = 0;
};

void TestStorePicture::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_now = QDateTime::currentMSecsSinceEpoch();
}

void TestStorePicture::cleanup()
{
    m_writer.reset();
    m_dir.reset();
}

QString TestStorePicture::writeStore(const QString &name, bool recordWatch)
{
    QString path = m_dir->filePath(name);
    m_writer = std::make_unique<SqliteEventStore>(path);
    if (!m_writer->open(true).isEmpty())
        return {};
    const QString sol = QStringLiteral("SOL");
    m_writer->append(
        {testLiquidation(m_now - 20 * MinuteMs, 90'000, LiquidatedSide::Short, sol, Exchange::Bybit),
         testLiquidation(m_now - 10 * MinuteMs, 20'000, LiquidatedSide::Long, sol, Exchange::Bybit)});
    if (recordWatch)
        m_writer->recordCoverage(Exchange::Bybit, m_now - 30 * MinuteMs, m_now);
    if (!m_writer->flush())
        return {};
    return path;
}

void TestStorePicture::keptStoreIsShownWithItsWindowsAndCoverage()
{
    const QString path = writeStore(QStringLiteral("kept.sqlite"), true);
    QVERIFY(!path.isEmpty());
    m_writer.reset(); // the collector has stopped: the store is only kept

    DashboardSession session;
    QSignalSpy changed(&session, &DashboardSession::changed);
    QSignalSpy fileOpened(&session, &DashboardSession::fileOpened);
    QSignalSpy loading(&session, &DashboardSession::loadingChanged);
    QSignalSpy restored(&session, &DashboardSession::storeEventsRestored);
    session.openStore(path, startReadingStorePicture(path));
    QVERIFY(session.isLoading());
    QCOMPARE(changed.count(), 0); // never before openStore() returns
    QVERIFY(changed.wait(WaitMs));
    QVERIFY(!session.isLoading());
    QCOMPARE(loading.count(), 2);
    QCOMPARE(fileOpened.count(), 0); // a store is not a recent file
    QCOMPARE(session.origin(), path);
    const SideAmounts hour = session.snapshot().totals.at(TimeWindow::H1);
    QCOMPARE(hour.shortUsd, 90'000.0);
    QCOMPARE(hour.longUsd, 20'000.0);
    QVERIFY2(session.snapshot().source.contains(QLatin1String("Observed on Bybit")),
             qPrintable(session.snapshot().source));
    QCOMPARE(session.breakdownModel()->rowCount(), 1); // SOL

    // The tape gets the newest liquidations, oldest first, once, after the windows.
    QCOMPARE(restored.count(), 1);
    const auto newest = restored.at(0).at(0).value<QList<LiquidationEvent>>();
    QCOMPARE(newest.size(), 2);
    QCOMPARE(newest.at(0).usd, 90'000.0);
    QCOMPARE(newest.at(1).usd, 20'000.0);

    // The timeline gets the day it ends: both liquidations in their bars, the unwatched time a gap.
    const StoreDay *day = session.storeDay();
    QVERIFY(day);
    const Timeline timeline = day->timeline(5);
    QVERIFY(!timeline.isEmpty());
    double shorts = 0;
    double longs = 0;
    int gaps = 0;
    for (const TimelineBucket &bucket : timeline) {
        shorts += bucket.amounts.shortUsd;
        longs += bucket.amounts.longUsd;
        gaps += bucket.gap ? 1 : 0;
        if (bucket.amounts.total() > 0)
            QVERIFY(!bucket.gap); // watched when they happened
    }
    QCOMPARE(shorts, 90'000.0);
    QCOMPARE(longs, 20'000.0);
    QVERIFY2(gaps >= timeline.size() - 8,
             qPrintable(QString::number(gaps))); // only the last half hour watched
    QCOMPARE(timeline.last().start.toMSecsSinceEpoch() / (5 * MinuteMs), m_now / (5 * MinuteMs));

    // Data from elsewhere replaces the store's picture, and its day with it.
    session.setSnapshot(session.snapshot(), {}, QStringLiteral("live://feed"));
    QVERIFY(!session.storeDay());
}

void TestStorePicture::storeWithoutRecordedWatchNamesNoExchange()
{
    const QString path = writeStore(QStringLiteral("unwatched.sqlite"), false);
    QVERIFY(!path.isEmpty());
    m_writer.reset();
    const StorePicture picture = readStorePicture(path);
    QVERIFY(picture.result.ok());
    QVERIFY(!picture.writtenElsewhere);
    QCOMPARE(picture.result.snapshot->source, QStringLiteral("Event store"));
}

void TestStorePicture::storeAWriterHoldsIsHandedBackToBeFollowed()
{
    const QString path = writeStore(QStringLiteral("collecting.sqlite"), true);
    QVERIFY(!path.isEmpty()); // m_writer holds the lock, as liqscope-collect does

    DashboardSession session;
    QSignalSpy changed(&session, &DashboardSession::changed);
    QSignalSpy follow(&session, &DashboardSession::storeWrittenElsewhere);
    session.openStore(path, startReadingStorePicture(path));
    QVERIFY(follow.wait(WaitMs));
    QCOMPARE(follow.at(0).at(0).toString(), path);
    QVERIFY(!session.isLoading());
    QCOMPARE(changed.count(), 0); // the follower, not this read, fills the window
    QVERIFY(!session.hasSnapshot());
}

void TestStorePicture::badStoreIsRefusedNamingItAndNothingChanges_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing") << QStringLiteral("absent.sqlite") << QByteArray() << QStringLiteral("no such");
    QTest::newRow("not a database") << QStringLiteral("notes.sqlite") << QByteArray(4096, 'x')
                                    << QStringLiteral("not a Liqscope event store");
}

void TestStorePicture::badStoreIsRefusedNamingItAndNothingChanges()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    const QString path = m_dir->filePath(fileName);
    if (!content.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(content), content.size());
    }

    DashboardSession session;
    QSignalSpy changed(&session, &DashboardSession::changed);
    QSignalSpy failed(&session, &DashboardSession::loadFailed);
    session.openStore(path, startReadingStorePicture(path));
    QVERIFY(failed.wait(WaitMs));
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.contains(fileName) && message.contains(reason), qPrintable(message));
    QCOMPARE(changed.count(), 0);
    QVERIFY(!session.isLoading());
    if (!content.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), content); // refused and left exactly as it was
    }
}

void TestStorePicture::lateReadNeverOverwritesANewerRequest()
{
    const QString path = writeStore(QStringLiteral("slow.sqlite"), true);
    QVERIFY(!path.isEmpty());
    m_writer.reset();

    // A read that has not finished yet (a slow disk): the user opens a file meanwhile.
    QPromise<StorePicture> slowRead;
    slowRead.start();
    DashboardSession session;
    QSignalSpy changed(&session, &DashboardSession::changed);
    session.openStore(path, slowRead.future());
    session.openFile(QStringLiteral(LIQSCOPE_SAMPLE_FILE));
    QVERIFY(changed.wait(WaitMs));
    const LiquidationSnapshot sample = session.snapshot();
    QCOMPARE(session.origin(), QStringLiteral(LIQSCOPE_SAMPLE_FILE));

    slowRead.addResult(readStorePicture(path));
    slowRead.finish();
    // The session's watcher reports the finished read, then deletes itself.
    QTRY_VERIFY(session.findChildren<QFutureWatcherBase *>().isEmpty());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(session.snapshot(), sample);
    QCOMPARE(session.origin(), QStringLiteral(LIQSCOPE_SAMPLE_FILE));
}

void TestStorePicture::newerStoreReadWinsOverAnOlderOne()
{
    const QString first = writeStore(QStringLiteral("first.sqlite"), true);
    QVERIFY(!first.isEmpty());
    m_writer.reset();
    const QString second = writeStore(QStringLiteral("second.sqlite"), true);
    QVERIFY(!second.isEmpty());
    m_writer.reset();

    QPromise<StorePicture> olderRead;
    olderRead.start();
    DashboardSession session;
    QSignalSpy changed(&session, &DashboardSession::changed);
    session.openStore(first, olderRead.future());
    session.openStore(second, startReadingStorePicture(second));
    QVERIFY(changed.wait(WaitMs));
    QCOMPARE(session.origin(), second);
    olderRead.addResult(readStorePicture(first));
    olderRead.finish();
    QTRY_VERIFY(session.findChildren<QFutureWatcherBase *>().isEmpty());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(session.origin(), second);
    QVERIFY(!session.isLoading());
}

QTEST_GUILESS_MAIN(TestStorePicture)
#include "tst_storepicture.moc"
