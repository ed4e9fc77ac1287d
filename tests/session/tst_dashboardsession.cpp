#include "formats/loadresult.h"
#include "itemmodels/breakdowntablemodel.h"
#include "itemmodels/windowtablemodel.h"
#include "session/dashboardsession.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace Liq;

namespace {

QString samplePath()
{
    return QStringLiteral(LIQSCOPE_SAMPLE_FILE);
}

BreakdownRow row(const QString &name, double longUsd, double shortUsd)
{
    BreakdownRow result;
    result.name = name;
    for (TimeWindow window : AllTimeWindows) {
        const double hours = windowHours(window);
        result.amounts.set(window, {longUsd * hours, shortUsd * hours});
    }
    return result;
}

LiquidationSnapshot coinSnapshot(const QList<BreakdownRow> &rows)
{
    LiquidationSnapshot snapshot;
    snapshot.asOf = QDateTime(QDate(2026, 11, 20), QTime(14, 0), Qt::UTC);
    snapshot.source = u"test"_qs;
    snapshot.scope = u"All exchanges"_qs;
    snapshot.breakdownKind = BreakdownKind::Coin;
    snapshot.breakdown = rows;
    for (TimeWindow window : AllTimeWindows) {
        SideAmounts sum;
        for (const BreakdownRow &r : rows) {
            sum.longUsd += r.amounts.at(window).longUsd;
            sum.shortUsd += r.amounts.at(window).shortUsd;
        }
        snapshot.totals.set(window, sum);
    }
    return snapshot;
}

LiquidationSnapshot threeCoins()
{
    return coinSnapshot({row(u"BTC"_qs, 2e6, 9e6), row(u"ETH"_qs, 4e6, 1e6), row(u"SOL"_qs, 1e5, 1e5)});
}

bool waitUntilIdle(DashboardSession &session)
{
    return QTest::qWaitFor([&] { return !session.isLoading(); }, 10000);
}

} // namespace

class tst_DashboardSession final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void openFileReportsThroughTheEventLoop_data();
    void openFileReportsThroughTheEventLoop();
    void newerRequestWins_data();
    void newerRequestWins();
    void failedLoadKeepsEverything_data();
    void failedLoadKeepsEverything();
    void scopingRecomputesForTheRow_data();
    void scopingRecomputesForTheRow();
    void clearScopeReturnsToTheTotal();
    void outOfRangeScopeIsIgnored();
    void liveUpdateKeepsScopeByName();
    void breakdownKindSwitchesAndSticks();
    void liveUpdateWithoutTheRowClearsScope();
    void configChangeRecomputes();
    void invalidSnapshotIsRefused();
    void scopedBaselinesFollowTheRowsShare_data();
    void scopedBaselinesFollowTheRowsShare();
    void scopedBaselinesMakeASmallCoinsFlushCount();

private:
    QTemporaryDir m_dir;
    QString writeFile(const QString &name, const QByteArray &bytes);
};

QString tst_DashboardSession::writeFile(const QString &name, const QByteArray &bytes)
{
    QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write the test file");
    return path;
}

void tst_DashboardSession::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::exists(samplePath()));
}

void tst_DashboardSession::openFileReportsThroughTheEventLoop_data()
{
    QTest::addColumn<int>("padding");
    QTest::addColumn<bool>("onWorker");
    QTest::newRow("small file, read in the event loop") << 0 << false;
    QTest::newRow("large file, read on a worker") << int(InlineParseMaxBytes) << true;
}

void tst_DashboardSession::openFileReportsThroughTheEventLoop()
{
    QFETCH(int, padding);
    QFETCH(bool, onWorker);
    QByteArray bytes;
    {
        QFile file(samplePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        bytes = file.readAll() + QByteArray(padding, ' ');
    }
    const QString path = writeFile(u"report.liqscope"_qs, bytes);
    QThreadPool::globalInstance()->waitForDone(10000);
    DashboardSession session;
    QAbstractItemModelTester windows(session.windowModel(),
                                     QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy changed(&session, &DashboardSession::changed);
    QSignalSpy opened(&session, &DashboardSession::fileOpened);
    QSignalSpy loading(&session, &DashboardSession::loadingChanged);

    session.openFile(path);
    // Nothing happens synchronously: the result comes through the event loop.
    QVERIFY(session.isLoading());
    if (!onWorker) // no thread for a small file (a large one may already be done: not checked)
        QCOMPARE(QThreadPool::globalInstance()->activeThreadCount(), 0);
    QCOMPARE(changed.count(), 0);
    QVERIFY(!session.hasSnapshot());

    QVERIFY(changed.wait(10000));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.at(0).at(0).toString(), path);
    QCOMPARE(loading.count(), 2);
    QVERIFY(!session.isLoading());
    QVERIFY(session.hasSnapshot());
    QCOMPARE(session.origin(), path);
    QCOMPARE(session.snapshot().totals.at(TimeWindow::H24).shortUsd, 330700000.0);
    QCOMPARE(session.windowModel()->rowCount(), 4);
    QCOMPARE(session.windowModel()->index(3, WindowTableModel::Total).data().toString(), u"$397.04M"_qs);
    QCOMPARE(session.analysis().windows.size(), 4);
    QVERIFY(!session.summary().headline.isEmpty());
}

void tst_DashboardSession::newerRequestWins_data()
{
    QTest::addColumn<bool>("olderIsGood");
    QTest::addColumn<bool>("newerIsGood");
    QTest::newRow("good then good") << true << true;
    QTest::newRow("bad then good") << false << true;
    QTest::newRow("good then bad") << true << false;
}

void tst_DashboardSession::newerRequestWins()
{
    QFETCH(bool, olderIsGood);
    QFETCH(bool, newerIsGood);

    QByteArray sample;
    {
        QFile file(samplePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        sample = file.readAll();
    }
    // The older file is large so its read is the slower one; it must be dropped either way.
    QByteArray older = olderIsGood ? sample : QByteArray("{ this is not json");
    older.append(QByteArray(8 * 1024 * 1024, ' '));
    const QString olderPath = writeFile(u"older.liqscope"_qs, older);
    QByteArray newer = sample;
    newer.replace("All exchanges", "Newer file");
    const QString newerPath = writeFile(u"newer.liqscope"_qs, newerIsGood ? newer : QByteArray("[1, 2"));

    DashboardSession session;
    QSignalSpy changed(&session, &DashboardSession::changed);
    QSignalSpy failed(&session, &DashboardSession::loadFailed);
    QSignalSpy opened(&session, &DashboardSession::fileOpened);
    session.openFile(olderPath);
    // The older file is too large to be read inline: a worker reads it, watched by a child of the session.
    auto *olderRead = session.findChild<QFutureWatcherBase *>();
    QVERIFY(olderRead);
    QSignalSpy olderDone(olderRead, &QFutureWatcherBase::finished);
    session.openFile(newerPath);
    QVERIFY(waitUntilIdle(session));
    // Wait for the older read to report (it comes after the newer request, so it must be dropped).
    QVERIFY(!olderDone.isEmpty() || olderDone.wait(10000));

    if (newerIsGood) {
        QCOMPARE(failed.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(session.origin(), newerPath);
        QCOMPARE(session.snapshot().scope, u"Newer file"_qs);
    } else {
        QCOMPARE(failed.count(), 1);
        QVERIFY2(failed.at(0).at(0).toString().contains(u"newer.liqscope"),
                 qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(changed.count(), 0);
        QVERIFY(!session.hasSnapshot());
    }
}

void tst_DashboardSession::failedLoadKeepsEverything_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("not json") << u"garbage.json"_qs << QByteArray("{\"format\": ");
    QTest::newRow("empty") << u"empty.liqscope"_qs << QByteArray("   \n");
    QTest::newRow("missing file") << u"absent.liqscope"_qs << QByteArray();
}

void tst_DashboardSession::failedLoadKeepsEverything()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    const QString path = content.isEmpty() ? m_dir.filePath(fileName) : writeFile(fileName, content);

    DashboardSession session;
    session.setSnapshot(threeCoins(), {u"a warning"_qs}, u"live://feed"_qs);
    session.setScope(1);
    const LiquidationSnapshot before = session.snapshot();
    const LiquidationSnapshot scopedBefore = session.scopedSnapshot();
    const QString headlineBefore = session.summary().headline;

    QSignalSpy changed(&session, &DashboardSession::changed);
    QSignalSpy failed(&session, &DashboardSession::loadFailed);
    session.openFile(path);
    QVERIFY(failed.wait(10000));
    QVERIFY(!session.isLoading());
    QCOMPARE(failed.count(), 1);
    QVERIFY2(failed.at(0).at(0).toString().contains(fileName), qPrintable(failed.at(0).at(0).toString()));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(session.snapshot(), before);
    QCOMPARE(session.scopedSnapshot(), scopedBefore);
    QCOMPARE(session.scopeRow(), 1);
    QCOMPARE(session.origin(), u"live://feed"_qs);
    QCOMPARE(session.loadWarnings(), QStringList{u"a warning"_qs});
    QCOMPARE(session.summary().headline, headlineBefore);
    QCOMPARE(session.breakdownModel()->rowCount(), 3);
}

void tst_DashboardSession::scopingRecomputesForTheRow_data()
{
    QTest::addColumn<int>("scopeRow");
    QTest::newRow("BTC") << 0;
    QTest::newRow("ETH") << 1;
    QTest::newRow("SOL") << 2;
}

void tst_DashboardSession::scopingRecomputesForTheRow()
{
    QFETCH(int, scopeRow);
    const LiquidationSnapshot snapshot = threeCoins();
    DashboardSession session;
    QAbstractItemModelTester windows(session.windowModel(),
                                     QAbstractItemModelTester::FailureReportingMode::Fatal);
    session.setSnapshot(snapshot, {}, u"test"_qs);
    QSignalSpy changed(&session, &DashboardSession::changed);

    session.setScope(scopeRow);
    QCOMPARE(changed.count(), 1);
    QVERIFY(session.isScoped());
    const LiquidationSnapshot expected = snapshot.scopedTo(scopeRow);
    QCOMPARE(session.scopedSnapshot(), expected);
    QCOMPARE(session.scopedSnapshot().scope, snapshot.breakdown.at(scopeRow).name);
    // The full snapshot (and the breakdown table) stay whole so another row can be chosen.
    QCOMPARE(session.snapshot(), snapshot);
    QCOMPARE(session.breakdownModel()->rowCount(), 3);
    // A single row is judged against its own size: the baselines shrink by its share of the 24h total.
    const double share = snapshot.breakdown.at(scopeRow).amounts.at(TimeWindow::H24).total()
        / snapshot.totals.at(TimeWindow::H24).total();
    const MarketAnalysis analysis = analyzeSnapshot(expected, session.config().withBaselinesScaled(share));
    QCOMPARE(session.analysis().signal.score, analysis.signal.score);
    QCOMPARE(session.analysis().signal.side, analysis.signal.side);
    QCOMPARE(session.summary().headline, writeMarketSummary(expected, analysis).headline);
    const double total24h = expected.totals.at(TimeWindow::H24).total();
    QCOMPARE(
        session.windowModel()->index(3, WindowTableModel::Total).data(WindowTableModel::ValueRole).toDouble(),
        total24h);
}

void tst_DashboardSession::clearScopeReturnsToTheTotal()
{
    const LiquidationSnapshot snapshot = threeCoins();
    DashboardSession session;
    session.setSnapshot(snapshot, {}, u"test"_qs);
    session.setScope(0);
    QSignalSpy changed(&session, &DashboardSession::changed);
    session.clearScope();
    QCOMPARE(changed.count(), 1);
    QVERIFY(!session.isScoped());
    QCOMPARE(session.scopedSnapshot(), snapshot);
    QCOMPARE(
        session.windowModel()->index(3, WindowTableModel::Total).data(WindowTableModel::ValueRole).toDouble(),
        snapshot.totals.at(TimeWindow::H24).total());
    session.clearScope();
    QCOMPARE(changed.count(), 1);
}

void tst_DashboardSession::outOfRangeScopeIsIgnored()
{
    DashboardSession session;
    session.setSnapshot(threeCoins(), {}, u"test"_qs);
    QSignalSpy changed(&session, &DashboardSession::changed);
    session.setScope(3);
    session.setScope(-2);
    QCOMPARE(changed.count(), 0);
    QVERIFY(!session.isScoped());
}

void tst_DashboardSession::liveUpdateKeepsScopeByName()
{
    DashboardSession session;
    session.setSnapshot(threeCoins(), {}, u"test"_qs);
    session.setScope(1); // ETH
    const LiquidationSnapshot next
        = coinSnapshot({row(u"ETH"_qs, 5e6, 2e6), row(u"BTC"_qs, 2e6, 9e6), row(u"SOL"_qs, 1e5, 1e5)});
    QSignalSpy changed(&session, &DashboardSession::changed);
    session.setSnapshot(next, {}, u"live"_qs);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(session.scopeRow(), 0);
    QCOMPARE(session.scopedSnapshot().scope, u"ETH"_qs);
    QCOMPARE(session.scopedSnapshot().totals, next.breakdown.at(0).amounts);
}

void tst_DashboardSession::breakdownKindSwitchesAndSticks()
{
    DashboardSession session;
    LiquidationSnapshot streams = threeCoins();
    streams.otherBreakdownKind = BreakdownKind::Exchange;
    streams.otherBreakdown = {row(u"Binance"_qs, 4e6, 1e6), row(u"OKX"_qs, 1e6, 2e6)};
    session.setSnapshot(streams, {}, u"streams"_qs);
    QCOMPARE(session.breakdownKinds(), (QList<BreakdownKind>{BreakdownKind::Coin, BreakdownKind::Exchange}));
    session.setScope(1); // ETH: no such exchange, so the switch returns to the total
    QSignalSpy changed(&session, &DashboardSession::changed);
    session.setBreakdownKind(BreakdownKind::Exchange);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(session.snapshot().breakdownKind, BreakdownKind::Exchange);
    QCOMPARE(session.breakdownModel()->rowCount(), 2);
    QVERIFY(!session.isScoped());
    // The next snapshot of the source arrives by coin first; the choice stays.
    session.setSnapshot(streams, {}, u"streams"_qs);
    QCOMPARE(session.snapshot().breakdownKind, BreakdownKind::Exchange);
    QCOMPARE(session.snapshot().otherBreakdown.size(), 3);
    // A snapshot with one breakdown shows it, whatever was chosen.
    session.setSnapshot(threeCoins(), {}, u"file"_qs);
    QCOMPARE(session.snapshot().breakdownKind, BreakdownKind::Coin);
    QCOMPARE(session.breakdownKinds(), QList<BreakdownKind>{BreakdownKind::Coin});
}

void tst_DashboardSession::liveUpdateWithoutTheRowClearsScope()
{
    DashboardSession session;
    session.setSnapshot(threeCoins(), {}, u"test"_qs);
    session.setScope(2); // SOL
    const LiquidationSnapshot next = coinSnapshot({row(u"BTC"_qs, 2e6, 9e6), row(u"ETH"_qs, 5e6, 2e6)});
    session.setSnapshot(next, {}, u"live"_qs);
    QVERIFY(!session.isScoped());
    QCOMPARE(session.scopedSnapshot(), next);
}

void tst_DashboardSession::configChangeRecomputes()
{
    DashboardSession session;
    session.setSnapshot(threeCoins(), {}, u"test"_qs);
    AnalysisConfig config;
    config.dominanceShare = 0.95;
    config.baselineUsd = {1e9, 1e9, 1e9, 1e9};
    QSignalSpy changed(&session, &DashboardSession::changed);
    session.setConfig(config);
    QCOMPARE(changed.count(), 1);
    QVERIFY(session.config() == config);
    const MarketAnalysis expected = analyzeSnapshot(session.scopedSnapshot(), config);
    QCOMPARE(session.analysis().signal.score, expected.signal.score);
    QCOMPARE(session.analysis().signal.level, expected.signal.level);
    QCOMPARE(session.analysis().signal.magnitude, expected.signal.magnitude);
    session.setConfig(config);
    QCOMPARE(changed.count(), 1);
}

void tst_DashboardSession::invalidSnapshotIsRefused()
{
    DashboardSession session;
    session.setSnapshot(threeCoins(), {}, u"test"_qs);
    QSignalSpy changed(&session, &DashboardSession::changed);
    QSignalSpy failed(&session, &DashboardSession::loadFailed);
    session.setSnapshot(LiquidationSnapshot(), {}, u"http://127.0.0.1/feed"_qs);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.at(0).at(0).toString().contains(u"http://127.0.0.1/feed"));
    QCOMPARE(session.snapshot(), threeCoins());
}

void tst_DashboardSession::scopedBaselinesFollowTheRowsShare_data()
{
    QTest::addColumn<QList<BreakdownRow>>("rows");
    QTest::addColumn<int>("scopeRow");
    QTest::addColumn<double>("expectedShare");
    // Every window of row() is hourly * hours, so the 24h share is the hourly share.
    QTest::newRow("BTC of three") << QList<BreakdownRow>{row(u"BTC"_qs, 2e6, 9e6), row(u"ETH"_qs, 4e6, 1e6),
                                                         row(u"SOL"_qs, 1e5, 1e5)}
                                  << 0 << 11e6 / 16.2e6;
    QTest::newRow("SOL of three") << QList<BreakdownRow>{row(u"BTC"_qs, 2e6, 9e6), row(u"ETH"_qs, 4e6, 1e6),
                                                         row(u"SOL"_qs, 1e5, 1e5)}
                                  << 2 << 2e5 / 16.2e6;
    QTest::newRow("the only row") << QList<BreakdownRow>{row(u"BTC"_qs, 3e6, 1e6)} << 0 << 1.0;
    QTest::newRow("row that liquidated nothing")
        << QList<BreakdownRow>{row(u"BTC"_qs, 3e6, 1e6), row(u"DOGE"_qs, 0, 0)} << 1
        << DashboardSession::MinimumScopeShare;
}

void tst_DashboardSession::scopedBaselinesFollowTheRowsShare()
{
    QFETCH(QList<BreakdownRow>, rows);
    QFETCH(int, scopeRow);
    QFETCH(double, expectedShare);
    DashboardSession session;
    session.setSnapshot(coinSnapshot(rows), {}, u"test"_qs);
    QCOMPARE(session.scopeShare(), 1.0);
    QVERIFY(session.effectiveConfig() == session.config());

    session.setScope(scopeRow);
    QVERIFY(qAbs(session.scopeShare() - expectedShare) < 1e-12);
    for (TimeWindow window : AllTimeWindows) {
        const double scaled = session.config().baseline(window) * expectedShare;
        QVERIFY2(qAbs(session.effectiveConfig().baseline(window) - scaled) <= 1e-9 * scaled,
                 qPrintable(windowLabel(window)));
    }
    // Only the baselines change.
    QCOMPARE(session.effectiveConfig().dominanceShare, session.config().dominanceShare);

    session.clearScope();
    QCOMPARE(session.scopeShare(), 1.0);
    QVERIFY(session.effectiveConfig() == session.config());
}

void tst_DashboardSession::scopedBaselinesMakeASmallCoinsFlushCount()
{
    // SOL: $2.4M of shorts in 24h is nothing for the whole market but a flush for a coin that makes
    // up ~1% of it. Against market baselines its magnitude is tiny; against its own it is not.
    const LiquidationSnapshot snapshot = coinSnapshot(
        {row(u"BTC"_qs, 40e6, 40e6), row(u"ETH"_qs, 20e6, 20e6), row(u"SOL"_qs, 0.1e6, 1.5e6)});
    DashboardSession session;
    session.setSnapshot(snapshot, {}, u"test"_qs);
    session.setScope(2);
    const MarketAnalysis marketScaled = analyzeSnapshot(session.scopedSnapshot(), session.config());
    QCOMPARE(session.analysis().signal.side, SqueezeSide::ShortSqueeze);
    QVERIFY2(session.analysis().signal.magnitude > marketScaled.signal.magnitude,
             qPrintable(QStringLiteral("%1 vs %2")
                            .arg(session.analysis().signal.magnitude)
                            .arg(marketScaled.signal.magnitude)));
    QVERIFY(session.analysis().signal.score > marketScaled.signal.score);
}

QTEST_GUILESS_MAIN(tst_DashboardSession)
#include "tst_dashboardsession.moc"
