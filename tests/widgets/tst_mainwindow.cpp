#include "desktop.h"
#include "domain/money.h"
#include "errorbanner.h"
#include "itemmodels/breakdowntablemodel.h"
#include "kpistrip.h"
#include "liqpalette.h"
#include "mainwindow.h"
#include "session/dashboardsession.h"
#include "sessionstatus.h"
#include "squeezegauge.h"
#include "tablespanel.h"

#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLineEdit>
#include <QMimeData>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Liq;

namespace {

const QString CoinList = QStringLiteral(LIQSCOPE_TEST_DATA_DIR "/widgets/coin-list-market.json");
const QString Sample = QStringLiteral(LIQSCOPE_SAMPLE_FILE);

bool openAndWait(MainWindow &window, const QString &path)
{
    QSignalSpy changed(window.session(), &DashboardSession::changed);
    window.openFile(path);
    return changed.wait(10000);
}

} // namespace

class tst_MainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void selectingABreakdownRowRescopes_data();
    void selectingABreakdownRowRescopes();
    void filteringDoesNotRescope();
    void badFileKeepsDataAndShowsBanner_data();
    void badFileKeepsDataAndShowsBanner();
    void settingsRoundTrip();
    void dropOpensTheFile();
    void screenshotIsNotBlank_data();
    void screenshotIsNotBlank();
    void runDesktopScreenshot_data();
    void runDesktopScreenshot();
    void runDesktopScreenshotUnwritable();

private:
    QTemporaryDir m_dir;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"LiqscopeTest"_qs);
    QCoreApplication::setApplicationName(u"tst_mainwindow"_qs);
    QVERIFY(m_dir.isValid());
}

void tst_MainWindow::init()
{
    QSettings().clear();
}

void tst_MainWindow::selectingABreakdownRowRescopes_data()
{
    QTest::addColumn<QString>("coin");
    QTest::newRow("BTC") << u"BTC"_qs;
    QTest::newRow("HYPE (longs dominate)") << u"HYPE"_qs;
    QTest::newRow("TRUMP") << u"TRUMP"_qs;
}

void tst_MainWindow::selectingABreakdownRowRescopes()
{
    QFETCH(QString, coin);
    MainWindow window(false);
    window.resize(1280, 800);
    QVERIFY(openAndWait(window, CoinList));
    const LiquidationSnapshot full = window.session()->snapshot();
    const int sourceRow = full.breakdownRowNamed(coin);
    QVERIFY(sourceRow >= 0);

    // Select the coin's row in the (sorted) view, as a click would.
    QTableView *view = window.tablesPanel()->breakdownView();
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->model());
    QVERIFY(proxy);
    const QModelIndex proxyIndex
        = proxy->mapFromSource(window.session()->breakdownModel()->index(sourceRow, 0));
    QVERIFY(proxyIndex.isValid());
    QSignalSpy changed(window.session(), &DashboardSession::changed);
    view->selectionModel()->select(proxyIndex,
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(changed.count(), 1);

    QCOMPARE(window.session()->scopeRow(), sourceRow);
    const LiquidationSnapshot scoped = full.scopedTo(sourceRow);
    QCOMPARE(window.session()->scopedSnapshot(), scoped);
    QVERIFY(window.headerTitle().contains(coin));
    QVERIFY2(window.sessionStatus()->scopeText().contains(coin),
             qPrintable(window.sessionStatus()->scopeText()));
    const SideAmounts day = scoped.totals.at(TimeWindow::H24);
    QCOMPARE(window.kpiStrip()->totalCard()->value(), formatUsd(day.total()));
    QCOMPARE(window.kpiStrip()->shortCard()->value(), formatUsd(day.shortUsd));
    // A scoped row is judged against baselines scaled to its share of the market.
    const SqueezeSignal expected = analyzeSnapshot(scoped, window.session()->effectiveConfig()).signal;
    QCOMPARE(
        window.session()->effectiveConfig(),
        window.session()->config().withBaselinesScaled(DashboardSession::shareOfMarket(full, sourceRow)));
    QCOMPARE(window.gauge()->signedScore(),
             expected.side == SqueezeSide::ShortSqueeze      ? expected.score
                 : expected.side == SqueezeSide::LongSqueeze ? -expected.score
                                                             : 0);

    // Clearing the selection returns to the total.
    view->selectionModel()->clearSelection();
    QVERIFY(!window.session()->isScoped());
    QCOMPARE(window.kpiStrip()->totalCard()->value(), formatUsd(full.totals.at(TimeWindow::H24).total()));
    QVERIFY(!window.headerTitle().contains(coin));
    // The unscoped view names what the rows are.
    QVERIFY2(window.sessionStatus()->scopeText().contains(QStringLiteral("All coins")),
             qPrintable(window.sessionStatus()->scopeText()));
}

void tst_MainWindow::filteringDoesNotRescope()
{
    MainWindow window(false);
    QVERIFY(openAndWait(window, CoinList));
    const int eth = window.session()->snapshot().breakdownRowNamed(u"ETH");
    window.session()->setScope(eth);
    QSignalSpy changed(window.session(), &DashboardSession::changed);
    auto *filterEdit = window.tablesPanel()->findChild<QLineEdit *>();
    QVERIFY(filterEdit);
    window.tablesPanel()->setFilterText(u"sol"_qs);
    QCOMPARE(window.tablesPanel()->breakdownView()->model()->rowCount(), 1);
    QCOMPARE(filterEdit->text(), u"sol"_qs);
    QVERIFY(filterEdit->isClearButtonEnabled()); // made with the first text
    window.tablesPanel()->setFilterText(QString());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(window.session()->scopeRow(), eth);
    // The selection comes back with the row.
    const QModelIndexList selected = window.tablesPanel()->breakdownView()->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.constFirst().data(BreakdownTableModel::NameRole).toString(), u"ETH"_qs);
}

void tst_MainWindow::badFileKeepsDataAndShowsBanner_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("negative amount") << QStringLiteral(LIQSCOPE_TEST_DATA_DIR
                                                       "/bad/negative-amount.liqscope");
    QTest::newRow("missing window") << QStringLiteral(LIQSCOPE_TEST_DATA_DIR "/bad/missing-window.liqscope");
    QTest::newRow("binary") << QStringLiteral(LIQSCOPE_TEST_DATA_DIR "/bad/binary-garbage.bin");
    QTest::newRow("absent") << m_dir.filePath(u"no-such-file.liqscope"_qs);
}

void tst_MainWindow::badFileKeepsDataAndShowsBanner()
{
    QFETCH(QString, path);
    MainWindow window(false);
    window.show();
    QVERIFY(openAndWait(window, CoinList));
    QVERIFY(!window.errorBanner()->isVisible());
    const LiquidationSnapshot before = window.session()->snapshot();
    const QString totalBefore = window.kpiStrip()->totalCard()->value();
    const QString titleBefore = window.headerTitle();

    QSignalSpy failed(window.session(), &DashboardSession::loadFailed);
    window.openFile(path);
    QVERIFY(failed.wait(10000));
    QVERIFY(window.errorBanner()->isVisible());
    QVERIFY2(window.errorBanner()->message().contains(QFileInfo(path).fileName()),
             qPrintable(window.errorBanner()->message()));
    QCOMPARE(window.session()->snapshot(), before);
    QCOMPARE(window.kpiStrip()->totalCard()->value(), totalBefore);
    QCOMPARE(window.headerTitle(), titleBefore);
    QCOMPARE(window.session()->breakdownModel()->rowCount(), before.breakdown.size());

    // The next good load clears the banner.
    QVERIFY(openAndWait(window, Sample));
    QVERIFY(!window.errorBanner()->isVisible());
}

void tst_MainWindow::settingsRoundTrip()
{
    AnalysisConfig config;
    config.dominanceShare = 0.72;
    config.baselineUsd = {10e6, 40e6, 90e6, 150e6};
    config.acceleratingRatio = 2.0;
    config.fadingRatio = 0.5;
    QSize size;
    {
        MainWindow window(true);
        window.resize(1100, 700);
        QVERIFY(openAndWait(window, CoinList));
        QVERIFY(openAndWait(window, Sample));
        window.setTheme(Theme::Dark);
        window.setChartMode(LiquidationChart::Mode::Share);
        window.tablesPanel()->setWindow(TimeWindow::H4);
        window.session()->setConfig(config);
        QVERIFY(LiqPalette::isDark(QApplication::palette()));
        window.saveSettings();
        size = window.size();
    }
    MainWindow restored(true);
    QCOMPARE(restored.theme(), Theme::Dark);
    QCOMPARE(restored.chart()->mode(), LiquidationChart::Mode::Share);
    QCOMPARE(restored.session()->breakdownModel()->window(), TimeWindow::H4);
    QVERIFY(restored.session()->config() == config);
    QCOMPARE(restored.recentFiles().size(), 2);
    QCOMPARE(restored.recentFiles().at(0), QFileInfo(Sample).absoluteFilePath());
    QCOMPARE(restored.recentFiles().at(1), QFileInfo(CoinList).absoluteFilePath());
    QCOMPARE(restored.size(), size);
    restored.setTheme(Theme::Light);
    QVERIFY(!LiqPalette::isDark(QApplication::palette()));
}

void tst_MainWindow::dropOpensTheFile()
{
    MainWindow window(false);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(CoinList)});
    const QPoint centre = window.rect().center();

    QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());

    QSignalSpy changed(window.session(), &DashboardSession::changed);
    QDropEvent drop(QPointF(centre), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &drop);
    QVERIFY(changed.wait(10000));
    QCOMPARE(window.session()->origin(), CoinList);
    QCOMPARE(window.session()->breakdownModel()->rowCount(), window.session()->snapshot().breakdown.size());

    // Something that is not a local file is refused.
    QMimeData web;
    web.setUrls({QUrl(u"https://example.invalid/x.json"_qs)});
    QDragEnterEvent refused(centre, Qt::CopyAction, &web, Qt::LeftButton, Qt::NoModifier);
    refused.setAccepted(false);
    QCoreApplication::sendEvent(&window, &refused);
    QVERIFY(!refused.isAccepted());
}

void tst_MainWindow::screenshotIsNotBlank_data()
{
    QTest::addColumn<Theme>("theme");
    QTest::newRow("light") << Theme::Light;
    QTest::newRow("dark") << Theme::Dark;
}

void tst_MainWindow::screenshotIsNotBlank()
{
    QFETCH(Theme, theme);
    MainWindow window(false);
    window.setTheme(theme);
    window.resize(1280, 800);
    window.show();
    QVERIFY(openAndWait(window, CoinList));
    const QImage image = window.grab().toImage();
    QCOMPARE(image.size(), QSize(1280, 800));
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() > 200, qPrintable(QString::number(colours.size())));

    // The bars are drawn in the side colours, whatever the theme: each set has its side's colour, and
    // recolouring a set changes the chart's plot area (not only the legend).
    QCoreApplication::processEvents(); // the chart lays itself out from posted events
    LiquidationChart *chart = window.chart();
    // Inside the plot area, clear of the axis lines at its edges.
    const QRect plotArea = chart->mapFromScene(chart->chart()->plotArea())
                               .boundingRect()
                               .translated(chart->mapTo(&window, QPoint(0, 0)))
                               .adjusted(4, 4, -4, -4);
    QVERIFY2(plotArea.width() > 300 && plotArea.height() > 150,
             qPrintable(QStringLiteral("%1x%2").arg(plotArea.width()).arg(plotArea.height())));
    const auto grabPlotArea = [&window, plotArea] {
        return window.grab().toImage().copy(plotArea);
    };
    const QImage plotted = grabPlotArea();
    QCOMPARE(grabPlotArea(), plotted); // settled: only the recolouring below can change it
    for (QBarSet *set : {chart->longSet(), chart->shortSet()}) {
        const QColor side = set == chart->longSet() ? LiqPalette::longColor() : LiqPalette::shortColor();
        QCOMPARE(set->color(), side);
        set->setColor(Qt::magenta);
        QTRY_VERIFY(grabPlotArea() != plotted);
        set->setColor(side);
        QTRY_COMPARE(grabPlotArea(), plotted);
    }
}

void tst_MainWindow::runDesktopScreenshot_data()
{
    QTest::addColumn<QString>("snapshot");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("bundled sample") << QString() << QSize(1280, 800) << 0;
    QTest::newRow("coin list small") << CoinList << QSize(1024, 640) << 0;
    QTest::newRow("bad file") << QStringLiteral(LIQSCOPE_TEST_DATA_DIR "/bad/negative-amount.liqscope")
                              << QSize(1280, 800) << 1;
}

void tst_MainWindow::runDesktopScreenshot()
{
    QFETCH(QString, snapshot);
    QFETCH(QSize, size);
    QFETCH(int, exitCode);
    DesktopOptions options;
    options.snapshotPath = snapshot;
    options.screenshotPath
        = m_dir.filePath(QStringLiteral("shot-%1.png").arg(QString::fromUtf8(QTest::currentDataTag())));
    options.screenshotSize = size;
    QCOMPARE(runDesktop(*qApp, options), exitCode);
    QCOMPARE(QFile::exists(options.screenshotPath), exitCode == 0);
    if (exitCode == 0) {
        const QImage image(options.screenshotPath);
        QCOMPARE(image.size(), size);
    }
}

void tst_MainWindow::runDesktopScreenshotUnwritable()
{
    DesktopOptions options;
    options.screenshotPath = m_dir.filePath(QStringLiteral("no-such-folder/shot.png"));
    options.screenshotSize = QSize(640, 400);
    QCOMPARE(runDesktop(*qApp, options), 1);
    QVERIFY(!QFileInfo::exists(options.screenshotPath));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
