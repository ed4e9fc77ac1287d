// LiveSession: the live plumbing without widgets, against the real liqscope-feed executable, and
// through a scripted LiveSource where a test needs to choose when each snapshot arrives.
#include "formats/historyfile.h"
#include "live/livesource.h"
#include "session/dashboardsession.h"
#include "session/livesession.h"
#include "session/snapshothistory.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <utility>

using namespace Liq;

namespace {

const QString FeedProgram = QStringLiteral(LIQSCOPE_BINARY_DIR "/app/liqscope-feed");
// Each request moves the simulated clock a minute, so every cycle brings a new snapshot.
const QStringList FeedArguments{QStringLiteral("--start"), QStringLiteral("2026-11-20T14:00:00Z"),
                                QStringLiteral("--advance-per-request"), QStringLiteral("60")};

LiquidationSnapshot snapshotAt(int minute, double longUsd)
{
    LiquidationSnapshot snapshot;
    snapshot.asOf = QDateTime(QDate(2026, 11, 20), QTime(14, 0), Qt::UTC).addSecs(60 * minute);
    snapshot.source = QStringLiteral("test");
    snapshot.scope = QStringLiteral("All exchanges");
    for (TimeWindow window : AllTimeWindows)
        snapshot.totals.set(window, {longUsd * windowHours(window), 1e6 * windowHours(window)});
    return snapshot;
}

// A live source whose transport is the test: deliver() is a snapshot arriving. It is a whole
// implementation of the LiveSource seam, so LiveSession takes it through the same path as the
// HTTP poller.
class ScriptedSource final : public LiveSource
{
public:
    explicit ScriptedSource(QString origin)
        : m_origin(std::move(origin))
    { }

    void start() override { setState(LiveState::Live); }
    void pause() override { setState(LiveState::Paused); }
    void resume() override { setState(LiveState::Live); }
    LiveStatus status() const override { return m_status; }
    QString displayOrigin() const override { return m_origin; }

    void deliver(const LiquidationSnapshot &snapshot)
    {
        Q_ASSERT(m_status.state == LiveState::Live); // LiveSession started it
        emit snapshotReceived(snapshot, {}, m_origin);
    }

private:
    void setState(LiveState state)
    {
        m_status.state = state;
        emit statusChanged(m_status);
    }

    QString m_origin;
    LiveStatus m_status;
};

// Connects live to a new scripted source; live owns it.
ScriptedSource *connectScripted(LiveSession &live, const QString &origin)
{
    auto *source = new ScriptedSource(origin);
    live.connectTo(source);
    return source;
}

LiveOptions fastOptions()
{
    LiveOptions options;
    options.intervalMs = 1000;
    options.backoffInitialMs = 1000;
    options.timeoutMs = 3000;
    return options;
}

} // namespace

class tst_LiveSession final : public QObject
{
    Q_OBJECT

private slots:
    void burstUpdatesTheDashboardOnce_data();
    void burstUpdatesTheDashboardOnce();
    void demoFeedGoesLive();
    void demoThatCannotStartIsReported();
    void historyOpenKeepsGoodLinesAndNamesBadOnes();
    void unreadableHistoryChangesNothing();
};

void tst_LiveSession::burstUpdatesTheDashboardOnce_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("one") << 1;
    QTest::newRow("twenty") << 20;
}

void tst_LiveSession::burstUpdatesTheDashboardOnce()
{
    QFETCH(int, count);
    DashboardSession session;
    LiveSession live(&session);
    ScriptedSource *source = connectScripted(live, QStringLiteral("http://127.0.0.1/feed"));
    QCOMPARE(live.status().state, LiveState::Live);
    QCOMPARE(live.sourceText(), QStringLiteral("http://127.0.0.1/feed"));
    QSignalSpy changed(&session, &DashboardSession::changed);
    for (int i = 0; i < count; ++i)
        source->deliver(snapshotAt(i, 1e6 * (i + 1)));
    // Every snapshot is in the history at once; the dashboard waits for the burst to end.
    QCOMPARE(live.history()->size(), count);
    QCOMPARE(changed.count(), 0);
    QVERIFY(changed.wait(2000));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(session.snapshot(), snapshotAt(count - 1, 1e6 * count));
    QCOMPARE(session.origin(), QStringLiteral("http://127.0.0.1/feed"));
    // A fence instead of a sleep: one more snapshot makes exactly one more change, so the burst
    // left no second update pending.
    source->deliver(snapshotAt(count, 1e6 * (count + 1)));
    QVERIFY(changed.wait(2000));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(session.snapshot(), snapshotAt(count, 1e6 * (count + 1)));
}

void tst_LiveSession::demoFeedGoesLive()
{
    DashboardSession session;
    LiveSession live(&session);
    live.setDemoProgram(FeedProgram, FeedArguments);
    QSignalSpy problems(&live, &LiveSession::problem);
    QSignalSpy sources(&live, &LiveSession::sourceChanged);
    live.startDemo(fastOptions());
    QTRY_VERIFY_WITH_TIMEOUT(session.hasSnapshot(), 10000);
    QVERIFY(live.isDemoRunning());
    QCOMPARE(live.status().state, LiveState::Live);
    QVERIFY(sources.count() >= 1);
    QVERIFY(sources.last().at(0).toString().startsWith(QStringLiteral("http://127.0.0.1:")));
    QCOMPARE(session.origin(), live.sourceText());
    QCOMPARE(session.snapshot().asOf, QDateTime(QDate(2026, 11, 20), QTime(14, 0), Qt::UTC));
    // More cycles append to the history.
    QTRY_VERIFY_WITH_TIMEOUT(live.history()->size() >= 2, 6000);
    QCOMPARE(problems.count(), 0);

    const LiquidationSnapshot shown = session.snapshot();
    live.disconnectFeed();
    QVERIFY(!live.isConnected());
    QTRY_VERIFY_WITH_TIMEOUT(!live.isDemoRunning(), 5000);
    QCOMPARE(live.status().state, LiveState::Idle);
    QVERIFY(live.sourceText().isEmpty());
    QVERIFY(session.hasSnapshot()); // disconnecting keeps what is on screen
}

void tst_LiveSession::demoThatCannotStartIsReported()
{
    DashboardSession session;
    LiveSession live(&session);
    live.setDemoProgram(QStringLiteral("/nonexistent/liqscope-feed"));
    QSignalSpy problems(&live, &LiveSession::problem);
    live.startDemo(fastOptions());
    QVERIFY(problems.wait(10000));
    const QString message = problems.constFirst().at(0).toString();
    QVERIFY2(message.contains(QStringLiteral("demo feed")), qPrintable(message));
    QVERIFY(!session.hasSnapshot());
}

void tst_LiveSession::historyOpenKeepsGoodLinesAndNamesBadOnes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("session.jsonl"));
    {
        DashboardSession session;
        LiveSession live(&session);
        ScriptedSource *source = connectScripted(live, QStringLiteral("feed"));
        for (int i = 0; i < 3; ++i)
            source->deliver(snapshotAt(i, 2e6 + i));
        QString error;
        QVERIFY2(live.saveHistory(path, &error), qPrintable(error));
    }
    // Break line 2: the other two are kept.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = file.readAll().split('\n');
    file.close();
    lines[1] = "{not json";
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(lines.join('\n'));
    file.close();

    DashboardSession session;
    LiveSession live(&session);
    QSignalSpy problems(&live, &LiveSession::problem);
    QSignalSpy opened(&live, &LiveSession::historyOpened);
    live.openHistory(path);
    QVERIFY(live.isOpeningHistory()); // read on a worker: nothing changed yet
    QCOMPARE(live.history()->size(), 0);
    QVERIFY(opened.wait(10'000));
    QVERIFY(!live.isOpeningHistory());
    QCOMPARE(opened.constFirst().at(1).toInt(), 2);
    QCOMPARE(opened.constFirst().at(2).toInt(), 1);
    QCOMPARE(live.history()->size(), 2);
    QCOMPARE(live.history()->snapshotAt(0), snapshotAt(0, 2e6));
    QCOMPARE(live.history()->snapshotAt(1), snapshotAt(2, 2e6 + 2));
    QCOMPARE(session.snapshot(), snapshotAt(2, 2e6 + 2)); // the newest is shown
    QCOMPARE(problems.count(), 1);
    const QString message = problems.constFirst().at(0).toString();
    QVERIFY2(message.contains(QStringLiteral("session.jsonl")) && message.contains(QStringLiteral("line 2")),
             qPrintable(message));
}

void tst_LiveSession::unreadableHistoryChangesNothing()
{
    DashboardSession session;
    LiveSession live(&session);
    connectScripted(live, QStringLiteral("feed"))->deliver(snapshotAt(0, 1e6));
    QTRY_VERIFY(session.hasSnapshot());
    QSignalSpy problems(&live, &LiveSession::problem);
    QSignalSpy opened(&live, &LiveSession::historyOpened);
    live.openHistory(QStringLiteral("/nonexistent/history.jsonl"));
    QVERIFY(problems.wait(10'000));
    QCOMPARE(problems.count(), 1);
    QCOMPARE(opened.count(), 0);
    QVERIFY(problems.constFirst().at(0).toString().contains(QStringLiteral("history.jsonl")));
    QCOMPARE(live.history()->size(), 1);
    QCOMPARE(session.snapshot(), snapshotAt(0, 1e6));
    QVERIFY(live.isConnected()); // the feed keeps running too
}

QTEST_GUILESS_MAIN(tst_LiveSession)
#include "tst_livesession.moc"
