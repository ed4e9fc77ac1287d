#include "mainwindow.h"

#include "card.h"
#include "errorbanner.h"
#include "formats/csvwriter.h"
#include "formats/fileio.h"
#include "formats/snapshotfile.h"
#include "historychart.h"
#include "itemmodels/breakdowntablemodel.h"
#include "kpistrip.h"
#include "liqpalette.h"
#include "livebadge.h"
#include "pngexport.h"
#include "selectablelabel.h"
#include "session/dashboardsession.h"
#include "session/livesession.h"
#include "session/snapshothistory.h"
#include "sessionstatus.h"
#include "squeezegauge.h"
#include "summarypanel.h"
#include "tablespanel.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Liq {
namespace {

const QString BundledSamplePrefix = QStringLiteral(":/");

// First start: room for every card without overlap (the layout is designed at 1280x800 and holds
// at 1024x640), never larger than the screen's free area.
QSize defaultWindowSize()
{
    QSize size(1280, 800);
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableSize() * 0.9);
    return size;
}

// What the status bar calls the unscoped view: the rows the breakdown has, or the snapshot's scope.
QString wholeScopeText(const LiquidationSnapshot &snapshot)
{
    switch (snapshot.breakdownKind) {
    case BreakdownKind::Coin: return MainWindow::tr("All coins");
    case BreakdownKind::Exchange: return MainWindow::tr("All exchanges");
    case BreakdownKind::None: break;
    }
    return snapshot.scope.isEmpty() ? MainWindow::tr("Whole snapshot") : snapshot.scope;
}

} // namespace

MainWindow::MainWindow(bool persistSettings, QWidget *parent)
    : QMainWindow(parent)
    , m_persistSettings(persistSettings)
    , m_session(new DashboardSession(this))
    , m_live(new LiveSession(m_session, this))
{
    {
        QSettings settings;
        m_settings = DesktopSettings::load(settings);
    }
    setWindowTitle(tr("Liqscope"));
    setAcceptDrops(true);
    buildCentralWidget();
    createActions();
    createLiveActions();
    createMenusAndToolBar();
    setUpAlerts();

    m_session->setConfig(m_settings.config);
    m_tables->setWindow(m_settings.breakdownWindow);
    setChartMode(m_settings.chartMode);
    if (m_settings.geometry.isEmpty() || !restoreGeometry(m_settings.geometry))
        resize(defaultWindowSize());
    if (!m_settings.windowState.isEmpty())
        restoreState(m_settings.windowState);
    if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
        applyTheme(*app, m_settings.theme);

    connect(m_session, &DashboardSession::changed, this, &MainWindow::refresh);
    connect(m_session, &DashboardSession::loadFailed, this, &MainWindow::onLoadFailed);
    connect(m_session, &DashboardSession::fileOpened, this, &MainWindow::onFileOpened);
    connect(m_session, &DashboardSession::loadingChanged, this, [this](bool loading) {
        if (loading)
            statusBar()->showMessage(tr("Loading…"));
        else
            statusBar()->clearMessage();
    });
    connect(m_tables, &TablesPanel::scopeRequested, m_session, &DashboardSession::setScope);
    connect(m_tables, &TablesPanel::scopeCleared, m_session, &DashboardSession::clearScope);
    connect(m_tables, &TablesPanel::breakdownKindChosen, m_session, &DashboardSession::setBreakdownKind);
    connect(m_status, &SessionStatus::warningsRequested, this, &MainWindow::showWarnings);
    connect(m_chart, &LiquidationChart::modeChanged, this, [this](LiquidationChart::Mode mode) {
        m_settings.chartMode = mode;
        const auto actions = m_modeGroup->actions();
        actions.at(int(mode))->setChecked(true);
    });
    refresh();
}

MainWindow::~MainWindow()
{
    // Before the session it feeds: stops the client and the demo child.
    delete m_live;
    m_live = nullptr;
}

void MainWindow::buildCentralWidget()
{
    m_banner = new ErrorBanner;
    m_title = new QLabel;
    m_subtitle = new QLabel;
    m_kpis = new KpiStrip;
    m_gauge = new SqueezeGauge;
    m_chart = new LiquidationChart;
    m_summary = new SummaryPanel;
    m_tables = new TablesPanel(m_session->windowModel(), m_session->breakdownModel());
    m_status = new SessionStatus;

    QLayout *header = makeHeader();
    m_kpis->addTrailingCard(makeGaugeCard(), 4);
    m_kpis->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    QWidget *body = makeBody();

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(14, 10, 14, 8);
    layout->setSpacing(10);
    layout->addWidget(m_banner);
    layout->addLayout(header);
    layout->addWidget(m_kpis);
    layout->addWidget(body, 1);
    setCentralWidget(central);
    setUpStatusBar();
}

// The scope as a large title, with the source and time under it.
QLayout *MainWindow::makeHeader()
{
    QFont titleFont = font();
    titleFont.setPointSizeF(font().pointSizeF() * 1.45);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    makeSelectableOnHover(m_title);
    makeSelectableOnHover(m_subtitle);
    auto *header = new QVBoxLayout;
    header->setSpacing(0);
    header->addWidget(m_title);
    header->addWidget(m_subtitle);
    return header;
}

QWidget *MainWindow::makeGaugeCard()
{
    auto *card = new Card;
    auto *title = Card::makeTitle(tr("Squeeze signal"));
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(14, 10, 14, 8);
    layout->setSpacing(4);
    layout->addWidget(title);
    layout->addWidget(m_gauge, 1);
    return card;
}

QWidget *MainWindow::makeChartCard()
{
    // The chart's headline sits in its card like every other card title; exports draw it inside.
    auto *title = Card::makeTitle(m_chart->headline());
    m_chart->setHeadlineVisible(false);
    connect(m_chart, &LiquidationChart::headlineChanged, title, &QLabel::setText);
    auto *card = new Card;
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(14, 6, 8, 2); // the tab bar above already sets it apart
    layout->setSpacing(0);
    layout->addWidget(title);
    layout->addWidget(m_chart, 1);
    return card;
}

QTabWidget *MainWindow::makeChartTabs()
{
    // The session's history sits behind the snapshot chart: same place, one click away. Its chart is
    // made when the tab is first shown (historyChart()): a second QChart built for a hidden tab cost a
    // tenth of the start-up; it reads the whole history ring when made, so nothing is lost meanwhile.
    QWidget *chartCard = makeChartCard();
    m_historyCard = new Card;
    auto *historyLayout = new QVBoxLayout(m_historyCard);
    historyLayout->setContentsMargins(8, 6, 8, 6);
    m_chartTabs = new QTabWidget;
    m_chartTabs->setObjectName(QStringLiteral("chartTabs"));
    m_chartTabs->setDocumentMode(true);
    m_chartTabs->addTab(chartCard, tr("&Windows"));
    m_chartTabs->addTab(m_historyCard, tr("Session &history"));
    connect(m_chartTabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_chartTabs->widget(index) == m_historyCard)
            historyChart();
    });
    m_chartTabs->setTabToolTip(1,
                               tr("Longs and shorts of the last hour and the squeeze score, per snapshot of "
                                  "this session"));
    addEventTabs();
    return m_chartTabs;
}

// Under the headline cards: the charts beside the market read, over the tables.
QWidget *MainWindow::makeBody()
{
    auto *top = new QSplitter(Qt::Horizontal);
    top->setChildrenCollapsible(false);
    top->addWidget(makeChartTabs());
    top->addWidget(m_summary);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    m_summary->setMinimumWidth(260);

    auto *body = new QSplitter(Qt::Vertical);
    body->setChildrenCollapsible(false);
    body->addWidget(top);
    body->addWidget(m_tables);
    body->setStretchFactor(0, 3);
    body->setStretchFactor(1, 2);
    return body;
}

void MainWindow::setUpStatusBar()
{
    // A normal widget, not a permanent one: a message ("Saved …", "Loading…") takes its place while it
    // shows. As a permanent widget with all the stretch it left messages no room, so none was ever seen.
    statusBar()->addWidget(m_status, 1);
    m_liveSource = new QLabel;
    makeSelectableOnHover(m_liveSource);
    m_liveSource->hide();
    statusBar()->addPermanentWidget(m_liveSource);
    statusBar()->setSizeGripEnabled(false);
}

HistoryChart *MainWindow::historyChart()
{
    if (!m_historyChart) {
        m_historyChart = new HistoryChart;
        m_historyChart->setHistory(m_live->history());
        m_historyCard->layout()->addWidget(m_historyChart);
    }
    return m_historyChart;
}

QString MainWindow::headerTitle() const
{
    return m_title->text();
}

QString MainWindow::originText(const QString &origin)
{
    if (origin.startsWith(BundledSamplePrefix))
        return tr("Bundled sample");
    if (origin.contains(u"://"))
        return origin;
    return QFileInfo(origin).fileName();
}

void MainWindow::openFile(const QString &path)
{
    m_session->openFile(path);
}

void MainWindow::refresh()
{
    const bool has = m_session->hasSnapshot();
    for (QAction *action : {m_saveAction, m_exportChartAction, m_exportTablesAction})
        action->setEnabled(has);
    m_showTotalAction->setEnabled(m_session->isScoped());
    m_tables->setScopeRow(m_session->scopeRow());
    m_tables->setBreakdownKinds(m_session->breakdownKinds());
    if (!has) {
        m_title->setText(tr("No snapshot loaded"));
        m_subtitle->setText(tr("Open a snapshot (%1) or drop a file on this window.")
                                .arg(QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText)));
        m_kpis->clear();
        m_gauge->clear();
        m_chart->setAnalysis({});
        m_summary->clear();
        m_status->clear();
        return;
    }
    const LiquidationSnapshot &full = m_session->snapshot();
    const LiquidationSnapshot &scoped = m_session->scopedSnapshot();
    m_title->setText(m_session->isScoped() ? tr("%1  ·  within %2").arg(scoped.scope, full.scope)
                                           : scoped.scope);
    m_subtitle->setText(
        tr("%1 — as of %2 UTC")
            .arg(full.source, full.asOf.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    QPalette subtitlePalette = palette();
    subtitlePalette.setColor(QPalette::WindowText, LiqPalette::mutedText(palette()));
    m_subtitle->setPalette(subtitlePalette);

    const MarketAnalysis &analysis = m_session->analysis();
    m_kpis->setAnalysis(analysis);
    m_kpis->setPartialNote(full.observation ? full.observation->partialText(full.asOf) : QString());
    m_gauge->setSignal(analysis.signal);
    m_chart->setAnalysis(analysis);
    m_summary->setSummary(m_session->summary());
    m_status->setInfo(QStringLiteral("%1 (%2)").arg(full.source, originText(m_session->origin())),
                      m_session->isScoped() ? scoped.scope : wholeScopeText(full), full.asOf,
                      int(m_session->allWarnings().size()));
    setWindowTitle(tr("%1 — Liqscope").arg(originText(m_session->origin())));
    updateTimeline();
}

void MainWindow::onLoadFailed(const QString &message)
{
    m_banner->showMessage(message);
}

void MainWindow::onFileOpened(const QString &path)
{
    m_banner->dismiss();
    if (!path.startsWith(BundledSamplePrefix)) {
        m_settings.addRecentFile(QFileInfo(path).absoluteFilePath());
        rebuildRecentMenu();
    }
}

void MainWindow::setTheme(Theme theme)
{
    m_settings.theme = theme;
    if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
        applyTheme(*app, theme);
    m_themeGroup->actions().at(int(theme))->setChecked(true);
    refresh();
}

void MainWindow::setChartMode(LiquidationChart::Mode mode)
{
    m_chart->setMode(mode);
    m_settings.chartMode = mode;
    m_modeGroup->actions().at(int(mode))->setChecked(true);
}

void MainWindow::saveSettings()
{
    m_settings.geometry = saveGeometry();
    m_settings.windowState = saveState();
    m_settings.config = m_session->config();
    m_settings.breakdownWindow = m_session->breakdownModel()->window();
    m_settings.chartMode = m_chart->mode();
    if (!m_persistSettings)
        return;
    QSettings settings;
    m_settings.save(settings);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (closeToTray()) {
        event->ignore();
        return;
    }
    saveSettings();
    m_live->disconnectFeed(); // the demo child goes with the window
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.constFirst().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.constFirst().isLocalFile())
        return;
    event->acceptProposedAction();
    openFile(urls.constFirst().toLocalFile());
}

void MainWindow::openDialog()
{
    const QString start = m_settings.recentFiles.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
        : QFileInfo(m_settings.recentFiles.constFirst()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Snapshot"), start,
        tr("Liquidation data (*.liqscope *.json *.csv);;Liqscope snapshots (*.liqscope);;"
           "CoinGlass responses (*.json);;CSV (*.csv);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    QString error;
    if (!Formats::writeFileAtomically(path, bytes, &error)) {
        m_banner->showMessage(error);
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 5000);
    return true;
}

void MainWindow::saveSnapshotAs()
{
    if (!m_session->hasSnapshot())
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Snapshot As"), QString(),
                                                      tr("Liqscope snapshots (*.liqscope)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!SnapshotFile::save(m_session->snapshot(), path, &error))
        m_banner->showMessage(error);
    else
        statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 5000);
}

void MainWindow::exportChart()
{
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export Chart"), QString(), tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    m_chart->setHeadlineVisible(true);
    const QByteArray png = encodePng(m_chart->grab());
    m_chart->setHeadlineVisible(false);
    if (png.isEmpty())
        m_banner->showMessage(tr("%1: the chart could not be encoded as PNG").arg(path));
    else
        writeFileAtomically(path, png);
}

void MainWindow::exportTables()
{
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export Tables"), QString(), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        writeFileAtomically(path, CsvWriter::toCsv(m_session->snapshot()));
}

void MainWindow::showWarnings()
{
    const QStringList warnings = m_session->allWarnings();
    if (warnings.isEmpty())
        return;
    QMessageBox box(QMessageBox::Warning, tr("Warnings"),
                    tr("The data loaded with %n warning(s):", nullptr, int(warnings.size())),
                    QMessageBox::Close, this);
    box.setDetailedText(warnings.join(QLatin1Char('\n')));
    box.setInformativeText(warnings.mid(0, 5).join(QLatin1Char('\n')));
    box.exec();
}

} // namespace Liq
