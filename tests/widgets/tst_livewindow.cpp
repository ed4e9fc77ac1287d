// The main window on a real liqscope-feed: data arrives and the badge says live; the server dies and
// the data on screen stays while the badge says stale; the history round-trips through a file.
#include "desktop.h"
#include "errorbanner.h"
#include "feed/demofeedprocess.h"
#include "historychart.h"
#include "livebadge.h"
#include "mainwindow.h"
#include "session/dashboardsession.h"
#include "session/livesession.h"
#include "session/snapshothistory.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Liq;

namespace {

const QString FeedProgram = QStringLiteral(LIQSCOPE_BINARY_DIR "/app/liqscope-feed");
// Each request moves the simulated clock a minute: every cycle brings a new snapshot.
const QStringList FeedArguments{u"--start"_qs, u"2026-11-20T14:00:00Z"_qs, u"--advance-per-request"_qs,
                                u"60"_qs};

LiveOptions everySecond()
{
    LiveOptions options;
    options.intervalMs = 1000;
    return options;
}

// Set LIQSCOPE_TEST_SCREENSHOTS=<dir> to keep grabs of the window for a look.
void keepGrab(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("LIQSCOPE_TEST_SCREENSHOTS");
    if (!dir.isEmpty())
        widget.grab().save(dir + QLatin1Char('/') + name + u".png"_qs);
}

} // namespace

class tst_LiveWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void liveThenServerDiesKeepsTheData();
    void historySaveThenOpenRoundTrips();
    void badHistoryLinesGoToTheBanner();
    void demoStartsAndStopsWithTheWindow();
    void demoThatCannotStartShowsTheBanner();
    void screenshotOfTheDemo_data();
    void screenshotOfTheDemo();
    void runDesktopScreenshotOfAFeed();

private:
    QTemporaryDir m_dir;
};

void tst_LiveWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"LiqscopeTest"_qs);
    QCoreApplication::setApplicationName(u"tst_livewindow"_qs);
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(FeedProgram), qPrintable(FeedProgram));
}

void tst_LiveWindow::init()
{
    QSettings().clear();
}

void tst_LiveWindow::liveThenServerDiesKeepsTheData()
{
    DemoFeedProcess server;
    server.setProgram(FeedProgram);
    server.setExtraArguments(FeedArguments);
    QSignalSpy ready(&server, &DemoFeedProcess::ready);
    server.start(3);
    QVERIFY(ready.wait(10'000));
    const QUrl url = ready.constFirst().at(0).toUrl();

    MainWindow window(false);
    window.resize(1280, 800);
    window.show();
    window.connectFeed(SnapshotUrlEndpoint{url}, everySecond());
    QCOMPARE(window.liveSourceText(), url.toString());
    QTRY_VERIFY_WITH_TIMEOUT(window.session()->hasSnapshot(), 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(window.liveBadge()->status().state, LiveState::Live, 5000);
    QCOMPARE(window.liveBadge()->text().contains(u"Live"_qs), true);
    QCOMPARE(window.session()->origin(), url.toString());
    QVERIFY(window.windowTitle().contains(url.host()));
    // A few cycles: the history and its chart grow together.
    QTRY_VERIFY_WITH_TIMEOUT(window.liveSession()->history()->size() >= 3, 10'000);
    QTRY_COMPARE(window.historyChart()->scorePoints().size(), window.liveSession()->history()->size());
    window.chartTabs()->setCurrentIndex(1);
    keepGrab(window, u"live-history-1280"_qs);
    window.chartTabs()->setCurrentIndex(0);

    // The server dies: the badge turns stale, the data on screen stays exactly as it was.
    server.stop();
    QTRY_VERIFY_WITH_TIMEOUT(window.liveBadge()->status().state == LiveState::Stale, 10'000);
    const LiquidationSnapshot shown = window.session()->snapshot();
    const QString title = window.headerTitle();
    QVERIFY(window.liveBadge()->text().contains(u"Stale"_qs));
    QVERIFY(window.liveBadge()->isTicking());
    QVERIFY(window.liveBadge()->toolTip().contains(u"retrying"_qs));
    // Another failed cycle, waited for as such (not a sleep).
    const int failures = window.liveSession()->status().consecutiveFailures;
    QTRY_VERIFY_WITH_TIMEOUT(window.liveSession()->status().consecutiveFailures > failures, 10'000);
    QCOMPARE(window.session()->snapshot(), shown);
    QCOMPARE(window.headerTitle(), title);
    QVERIFY(window.session()->hasSnapshot());
    keepGrab(window, u"stale-1280"_qs);

    // Pause and disconnect keep it too.
    window.liveSession()->pause();
    QCOMPARE(window.liveBadge()->status().state, LiveState::Paused);
    window.liveSession()->disconnectFeed();
    QCOMPARE(window.liveBadge()->status().state, LiveState::Idle);
    QVERIFY(window.liveSourceText().isEmpty());
    QCOMPARE(window.session()->snapshot(), shown);
}

void tst_LiveWindow::historySaveThenOpenRoundTrips()
{
    const QString path = m_dir.filePath(u"round-trip.jsonl"_qs);
    QList<LiquidationSnapshot> saved;
    {
        MainWindow window(false);
        window.liveSession()->setDemoProgram(FeedProgram, FeedArguments);
        window.startDemo(everySecond());
        QTRY_VERIFY_WITH_TIMEOUT(window.liveSession()->history()->size() >= 3, 15'000);
        window.liveSession()->disconnectFeed();
        saved = window.liveSession()->history()->snapshots();
        QVERIFY(window.saveHistoryTo(path));
    }
    MainWindow window(false);
    window.resize(1024, 640);
    window.show();
    QSignalSpy opened(window.liveSession(), &LiveSession::historyOpened);
    window.openHistoryFrom(path);
    QVERIFY(opened.wait(10'000));
    QCOMPARE(window.liveSession()->history()->snapshots(), saved);
    QCOMPARE(window.session()->snapshot(), saved.constLast()); // the newest is shown
    QCOMPARE(window.session()->origin(), path);
    QVERIFY(window.errorBanner()->isHidden());
    QTRY_COMPARE(window.historyChart()->scorePoints().size(), saved.size());
    QCOMPARE(window.chartTabs()->currentIndex(), 1); // the history is what was asked for
    keepGrab(window, u"history-1024"_qs);
}

void tst_LiveWindow::badHistoryLinesGoToTheBanner()
{
    const QString path = m_dir.filePath(u"bad-lines.jsonl"_qs);
    MainWindow window(false);
    window.liveSession()->setDemoProgram(FeedProgram, FeedArguments);
    window.startDemo(everySecond());
    QTRY_VERIFY_WITH_TIMEOUT(window.liveSession()->history()->size() >= 2, 15'000);
    window.liveSession()->disconnectFeed();
    QVERIFY(window.saveHistoryTo(path));
    const QList<LiquidationSnapshot> good = window.liveSession()->history()->snapshots();
    QFile file(path);
    QVERIFY(file.open(QIODevice::Append));
    file.write("{\"format\": \"nope\"}\n");
    file.close();

    QSignalSpy opened(window.liveSession(), &LiveSession::historyOpened);
    window.openHistoryFrom(path);
    QVERIFY(opened.wait(10'000));
    QVERIFY(!window.errorBanner()->isHidden());
    const QString message = window.errorBanner()->message();
    QVERIFY2(message.contains(u"bad-lines.jsonl"_qs) && message.contains(u"line %1"_qs.arg(good.size() + 1)),
             qPrintable(message));
    QCOMPARE(window.liveSession()->history()->snapshots(), good); // the good lines are kept
    QCOMPARE(window.session()->snapshot(), good.constLast());
}

void tst_LiveWindow::demoStartsAndStopsWithTheWindow()
{
    MainWindow window(false);
    window.liveSession()->setDemoProgram(FeedProgram, FeedArguments);
    window.show();
    window.startDemo(everySecond());
    QTRY_VERIFY_WITH_TIMEOUT(window.session()->hasSnapshot(), 10'000);
    QVERIFY(window.liveSession()->isDemoRunning());
    QVERIFY(window.liveSourceText().startsWith(u"http://127.0.0.1:"_qs));
    window.close();
    QTRY_VERIFY_WITH_TIMEOUT(!window.liveSession()->isDemoRunning(), 5000);
}

void tst_LiveWindow::demoThatCannotStartShowsTheBanner()
{
    MainWindow window(false);
    window.liveSession()->setDemoProgram(u"/nonexistent/liqscope-feed"_qs);
    window.show();
    window.startDemo(everySecond());
    QTRY_VERIFY_WITH_TIMEOUT(!window.errorBanner()->isHidden(), 10'000);
    QVERIFY2(window.errorBanner()->message().contains(u"demo feed"_qs),
             qPrintable(window.errorBanner()->message()));
}

void tst_LiveWindow::screenshotOfTheDemo_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1280x800") << QSize(1280, 800);
    QTest::newRow("1024x640") << QSize(1024, 640);
}

void tst_LiveWindow::screenshotOfTheDemo()
{
    QFETCH(QSize, size);
    MainWindow window(false);
    window.setAttribute(Qt::WA_DontShowOnScreen);
    window.resize(size);
    window.show();
    window.liveSession()->setDemoProgram(FeedProgram, FeedArguments);
    window.startDemo(everySecond());
    QTRY_VERIFY_WITH_TIMEOUT(window.liveSession()->history()->size() >= 3, 15'000);
    window.chartTabs()->setCurrentIndex(1);
    QTRY_VERIFY(!window.historyChart()->isRefreshPending());
    QCOMPARE(window.size(), size); // the history tab fits the smallest supported size
    const QImage image = window.grab().toImage();
    QCOMPARE(image.size(), size);
    keepGrab(window, u"demo-history-%1"_qs.arg(QString::fromLatin1(QTest::currentDataTag())));
}

void tst_LiveWindow::runDesktopScreenshotOfAFeed()
{
    // liqscope --feed URL --screenshot PNG: waits for the first snapshot, then grabs.
    DemoFeedProcess server;
    server.setProgram(FeedProgram);
    server.setExtraArguments(FeedArguments);
    QSignalSpy ready(&server, &DemoFeedProcess::ready);
    server.start(5);
    QVERIFY(ready.wait(10'000));
    DesktopOptions options;
    options.endpoint = SnapshotUrlEndpoint{ready.constFirst().at(0).toUrl()};
    options.live = everySecond();
    options.screenshotPath = m_dir.filePath(u"feed-shot.png"_qs);
    options.screenshotSize = QSize(1024, 640);
    QCOMPARE(runDesktop(*qApp, options), 0);
    const QImage image(options.screenshotPath);
    QCOMPARE(image.size(), QSize(1024, 640));
}

QTEST_MAIN(tst_LiveWindow)
#include "tst_livewindow.moc"
