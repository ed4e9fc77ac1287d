// The bounded history ring: capacity, order, squeeze scores, JSON Lines save/open with bad lines.
#include "feed/marketsimulator.h"
#include "formats/snapshotwriter.h"
#include "session/dashboardsession.h"
#include "session/livesession.h"
#include "session/snapshothistory.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Liq;

namespace {

const QDateTime Start(QDate(2026, 11, 20), QTime(14, 0), Qt::UTC);

// n snapshots of the simulated market, ten minutes apart.
QList<LiquidationSnapshot> marketSnapshots(int n)
{
    MarketSimulator market(21, Start);
    QList<LiquidationSnapshot> list;
    for (int i = 0; i < n; ++i) {
        market.advanceTo(Start.addSecs(600 * i));
        list.append(market.coinSnapshot());
    }
    return list;
}

} // namespace

class tst_SnapshotHistory final : public QObject
{
    Q_OBJECT

private slots:
    void ringKeepsTheNewest_data();
    void ringKeepsTheNewest();
    void pointsCarryHourAndSqueeze();
    void olderOrSameTimeIsRefused();
    void scoresFollowTheSessionsThresholds();
    void saveAndOpenRoundTrip();
    void openSkipsBadLinesWithTheirNumbers();
};

void tst_SnapshotHistory::ringKeepsTheNewest_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("appended");
    QTest::newRow("not full") << 8 << 5;
    QTest::newRow("exactly full") << 5 << 5;
    QTest::newRow("wrapped several times") << 3 << 11;
    QTest::newRow("capacity one") << 1 << 4;
}

void tst_SnapshotHistory::ringKeepsTheNewest()
{
    QFETCH(int, capacity);
    QFETCH(int, appended);
    const QList<LiquidationSnapshot> all = marketSnapshots(appended);
    SnapshotHistory history(capacity);
    QSignalSpy added(&history, &SnapshotHistory::pointAppended);
    for (const LiquidationSnapshot &snapshot : all)
        QVERIFY(history.append(snapshot));
    QCOMPARE(added.size(), appended);
    const int kept = std::min(capacity, appended);
    QCOMPARE(history.size(), kept);
    QCOMPARE(history.snapshots(), all.mid(appended - kept));
    for (int i = 0; i < kept; ++i)
        QCOMPARE(history.pointAt(i).time, all.at(appended - kept + i).asOf);
}

void tst_SnapshotHistory::pointsCarryHourAndSqueeze()
{
    const QList<LiquidationSnapshot> all = marketSnapshots(3);
    SnapshotHistory history;
    for (const LiquidationSnapshot &snapshot : all)
        history.append(snapshot);
    for (int i = 0; i < 3; ++i) {
        const HistoryPoint &point = history.pointAt(i);
        QVERIFY(point.h1.has_value());
        QCOMPARE(*point.h1, all.at(i).totals.at(TimeWindow::H1));
        const SqueezeSignal signal = analyzeSnapshot(all.at(i)).signal;
        QCOMPARE(point.squeezeScore, signal.score);
        QCOMPARE(point.squeezeSide, signal.side);
    }
    // A snapshot without the 1h window still has a point, without hour figures.
    LiquidationSnapshot partial = all.at(2);
    partial.asOf = partial.asOf.addSecs(60);
    partial.totals.clear(TimeWindow::H1);
    QVERIFY(history.append(partial));
    QVERIFY(!history.pointAt(3).h1.has_value());
}

void tst_SnapshotHistory::scoresFollowTheSessionsThresholds()
{
    // One analysis configuration: the history's scores are the dashboard's, also after Preferences
    // change, and for points appended before the change.
    const QList<LiquidationSnapshot> all = marketSnapshots(12);
    DashboardSession session;
    LiveSession live(&session);
    SnapshotHistory &history = *live.history();
    for (const LiquidationSnapshot &snapshot : all)
        history.append(snapshot);
    AnalysisConfig sensitive;
    for (double &baseline : sensitive.baselineUsd)
        baseline /= 50;
    sensitive.dominanceShare = 0.55;
    QSignalSpy reset(&history, &SnapshotHistory::reset);
    session.setConfig(sensitive);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(history.config(), sensitive);
    int differing = 0;
    for (int i = 0; i < history.size(); ++i) {
        const SqueezeSignal expected = analyzeSnapshot(all.at(i), sensitive).signal;
        QCOMPARE(history.pointAt(i).squeezeScore, expected.score);
        QCOMPARE(history.pointAt(i).squeezeSide, expected.side);
        differing += expected.score != analyzeSnapshot(all.at(i)).signal.score;
    }
    QVERIFY2(differing > 0, "the thresholds made no difference: the check would prove nothing");
    session.setConfig(sensitive); // unchanged: no recomputation
    QCOMPARE(reset.size(), 1);
}

void tst_SnapshotHistory::olderOrSameTimeIsRefused()
{
    const QList<LiquidationSnapshot> all = marketSnapshots(2);
    SnapshotHistory history;
    QVERIFY(history.append(all.at(1)));
    QVERIFY(!history.append(all.at(0)));
    QVERIFY(!history.append(all.at(1)));
    QVERIFY(!history.append(LiquidationSnapshot{}));
    QCOMPARE(history.size(), 1);
}

void tst_SnapshotHistory::saveAndOpenRoundTrip()
{
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("session.jsonl"));
    const QList<LiquidationSnapshot> all = marketSnapshots(6);
    SnapshotHistory history(10);
    for (const LiquidationSnapshot &snapshot : all)
        history.append(snapshot);
    QString error;
    QVERIFY2(history.save(path, &error), qPrintable(error));

    SnapshotHistory reopened(4); // smaller: keeps the newest four
    QSignalSpy reset(&reopened, &SnapshotHistory::reset);
    const HistoryLoadResult result = HistoryFile::load(path);
    QVERIFY(result.ok());
    reopened.replace(result);
    QVERIFY(result.badLines.isEmpty());
    QCOMPARE(reset.size(), 1);
    QCOMPARE(reopened.snapshots(), all.mid(2));
}

void tst_SnapshotHistory::openSkipsBadLinesWithTheirNumbers()
{
    QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("damaged.jsonl"));
    const QList<LiquidationSnapshot> all = marketSnapshots(3);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(SnapshotWriter::toJsonLine(all.at(0)) + '\n');
    file.write("{\"format\": \"liqscope-snapshot\", \"version\": 1, \"as_of\": \n"); // line 2: cut off
    file.write(SnapshotWriter::toJsonLine(all.at(1)) + '\n');
    file.write("not json at all\n"); // line 4
    file.write(SnapshotWriter::toJsonLine(all.at(2)) + '\n');
    file.close();

    SnapshotHistory history;
    const HistoryLoadResult result = HistoryFile::load(path);
    QVERIFY(result.ok());
    history.replace(result);
    QCOMPARE(result.badLines.size(), 2);
    QCOMPARE(result.badLines.at(0).line, 2);
    QCOMPARE(result.badLines.at(1).line, 4);
    QVERIFY(result.badLines.at(0).message.contains(path));
    QCOMPARE(history.snapshots(), all);
}

QTEST_GUILESS_MAIN(tst_SnapshotHistory)
#include "tst_snapshothistory.moc"
