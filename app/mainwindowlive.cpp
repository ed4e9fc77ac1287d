// MainWindow's live side: the feed actions and menus, the badge, the history chart's file commands.
// LiveSession does the work; this file only connects it to the window.
#include "connectdialog.h"
#include "errorbanner.h"
#include "historychart.h"
#include "live/apikeystore.h"
#include "livebadge.h"
#include "mainwindow.h"
#include "session/dashboardsession.h"
#include "session/livesession.h"
#include "session/snapshothistory.h"
#include "session/storefollowersource.h"
#include "session/storepicture.h"
#include "session/storerecorder.h"
#include "store/eventstorefactory.h"
#include "store/sqliteeventstore.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>

namespace Liq {
namespace {

QString historyFilter()
{
    return MainWindow::tr("Liqscope history (*.jsonl);;All files (*)");
}

} // namespace

void MainWindow::createLiveActions()
{
    m_liveBadge = new LiveBadge(this);

    m_connectAction
        = new QAction(style()->standardIcon(QStyle::SP_DriveNetIcon), tr("&Connect to Live Data…"), this);
    m_connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_connectAction->setIconText(tr("Connect"));
    m_connectAction->setToolTip(
        tr("Watch live data: the exchanges' free streams, a snapshot URL or the CoinGlass API (%1)")
            .arg(m_connectAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_connectAction, &QAction::triggered, this, &MainWindow::showConnectDialog);

    // One click from the first start to live data: the exchanges' free streams, as last chosen.
    m_watchLiveAction
        = new QAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("&Watch Live (free)"), this);
    m_watchLiveAction->setToolTip(
        tr("Watch liquidations live on Binance, Bybit and OKX: free public streams, no key or account"));
    connect(m_watchLiveAction, &QAction::triggered, this, [this] {
        LiveOptions options;
        options.allowPlain = m_settings.connect.allowPlain;
        connectFeed(
            ExchangeStreamsEndpoint{m_settings.connect.exchanges, m_settings.connect.endpointOverrides},
            options);
    });

    m_refreshAction = new QAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("&Refresh Now"), this);
    m_refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_refreshAction->setToolTip(tr("Ask the feed for new data now (F5)"));
    connect(m_refreshAction, &QAction::triggered, m_live, &LiveSession::refreshNow);

    m_pauseAction = new QAction(tr("&Pause"), this);
    m_pauseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(m_pauseAction, &QAction::triggered, this, [this] {
        if (m_live->status().state == LiveState::Paused)
            m_live->resume();
        else
            m_live->pause();
    });

    m_disconnectAction = new QAction(tr("&Disconnect"), this);
    m_disconnectAction->setToolTip(tr("Stop watching the feed; the data on screen stays"));
    connect(m_disconnectAction, &QAction::triggered, m_live, &LiveSession::disconnectFeed);

    m_saveHistoryAction = new QAction(tr("Save &History…"), this);
    m_saveHistoryAction->setToolTip(tr("Save every snapshot of this session as JSON Lines"));
    connect(m_saveHistoryAction, &QAction::triggered, this, &MainWindow::saveHistoryDialog);
    m_openHistoryAction = new QAction(tr("Open Histor&y…"), this);
    m_openHistoryAction->setToolTip(tr("Open a saved session history (JSON Lines)"));
    connect(m_openHistoryAction, &QAction::triggered, this, &MainWindow::openHistoryDialog);

    connect(m_live, &LiveSession::statusChanged, this, &MainWindow::onFeedStatus);
    connect(m_live, &LiveSession::sourceChanged, this, &MainWindow::onLiveSource);
    connect(m_live, &LiveSession::historyOpened, this, &MainWindow::onHistoryOpened);
    connect(m_live, &LiveSession::problem, this, [this](const QString &message) {
        m_banner->showMessage(message);
        m_bannerFromFeed = false; // a file or start-up problem stays until dismissed
    });
    connect(m_session, &DashboardSession::changed, this, &MainWindow::updateLiveActions);
    connect(m_session, &DashboardSession::storeWrittenElsewhere, this, &MainWindow::followStore);
    connect(m_live->history(), &SnapshotHistory::pointAppended, this, &MainWindow::updateLiveActions);
    connect(m_live->history(), &SnapshotHistory::reset, this, &MainWindow::updateLiveActions);
    updateLiveActions();
}

void MainWindow::addLiveMenus(QMenu *file, QMenu *view)
{
    QAction *beforeExports = file->actions().value(file->actions().indexOf(m_saveAction) + 1);
    file->insertSeparator(beforeExports);
    file->insertAction(beforeExports, m_connectAction);
    file->insertAction(beforeExports, m_openHistoryAction);
    file->insertAction(beforeExports, m_saveHistoryAction);

    QMenu *feed = new QMenu(tr("F&eed"), this);
    feed->addAction(m_connectAction);
    feed->addAction(m_refreshAction);
    feed->addAction(m_pauseAction);
    feed->addAction(m_disconnectAction);
    menuBar()->insertMenu(view->menuAction(), feed);
    view->addSeparator();
    view->addAction(m_refreshAction);
}

void MainWindow::connectFeed(const LiveEndpoint &endpoint, const LiveOptions &options)
{
    // The streams' liquidations are kept: the window refills from the store and records into it.
    // (Not for a window that must leave no trace: screenshots and tests say where, if anywhere.)
    if (std::holds_alternative<ExchangeStreamsEndpoint>(endpoint) && !m_store && m_persistSettings)
        useEventStore(m_storePath.isEmpty() ? SqliteEventStore::defaultPath() : m_storePath, true);
    m_live->connectTo(endpoint, options);
}

bool MainWindow::useEventStore(const QString &path, bool mayWrite)
{
    m_storePath = path;
    EventStore *store = openEventStore(path, this).release(); // owned by this window
    if (const QString problem = store->open(mayWrite); !problem.isEmpty()) {
        delete store;
        m_banner->showMessage(tr("%1. Liquidations are kept in memory only.").arg(problem));
        return false;
    }
    connect(store, &EventStore::writeFailed, this, [this](const QString &message) {
        m_banner->showMessage(message);
        m_bannerFromFeed = false;
    });
    connect(store, &EventStore::writeRecovered, m_banner, &ErrorBanner::dismiss);
    delete m_store;
    m_store = store;
    m_live->setEventStore(store);
    m_exportEventsAction->setEnabled(true);
    return true;
}

void MainWindow::showStore(const QString &location)
{
    showStore(location, startReadingStorePicture(location));
}

void MainWindow::showStore(const QString &location, const QFuture<StorePicture> &reading)
{
    // The window's own connection waits for a use (following, Export Events): start-up reads the store
    // once, on a worker.
    if (m_storePath != location) {
        delete m_store;
        m_store = nullptr;
    }
    m_storePath = location;
    m_exportEventsAction->setEnabled(true);
    m_session->openStore(location, reading);
}

void MainWindow::followStore(const QString &location)
{
    if (location != m_storePath || (!m_store && !useEventStore(m_storePath, false)))
        return;
    m_live->connectTo(new StoreFollowerSource(m_store, {}, m_live));
}

void MainWindow::startDemo(const LiveOptions &options)
{
    m_live->startDemo(options);
}

QString MainWindow::liveSourceText() const
{
    return m_live->sourceText();
}

void MainWindow::onLiveSource(const QString &source)
{
    m_liveSource->setText(source.isEmpty() ? QString() : tr("Feed: %1").arg(source));
    m_liveSource->setToolTip(source);
    updateLiveActions();
}

void MainWindow::onFeedStatus(const LiveStatus &status)
{
    m_liveBadge->setStatus(status);
    // A feed that cannot go on says why in the banner; the data on screen stays as it is.
    if (status.state == LiveState::Error) {
        m_banner->showMessage(tr("The feed stopped: %1").arg(status.message));
        m_bannerFromFeed = true;
    } else if (m_bannerFromFeed
               && (status.state == LiveState::Live || status.state == LiveState::Unchanged)) {
        m_banner->dismiss();
        m_bannerFromFeed = false;
    }
    updateLiveActions();
}

void MainWindow::updateLiveActions()
{
    // The session's status already names its origin; the feed gets its own label only while the data
    // on screen comes from somewhere else (no snapshot from it yet, or a file opened meanwhile).
    const QString source = m_live->sourceText();
    m_liveSource->setVisible(!source.isEmpty() && source != m_session->origin());
    const bool connected = m_live->isConnected();
    const LiveState state = m_live->status().state;
    m_refreshAction->setEnabled(connected && state != LiveState::Paused);
    m_pauseAction->setEnabled(connected);
    m_pauseAction->setText(state == LiveState::Paused ? tr("&Resume") : tr("&Pause"));
    m_pauseAction->setToolTip(state == LiveState::Paused ? tr("Poll the feed again")
                                                         : tr("Stop polling for now"));
    m_disconnectAction->setEnabled(connected || m_live->isDemoRunning());
    m_watchLiveAction->setVisible(!connected && !m_live->isDemoRunning());
    m_saveHistoryAction->setEnabled(!m_live->history()->isEmpty());
}

void MainWindow::showConnectDialog()
{
    ConnectDialog dialog(ApiKeyStore(), m_settings.connect, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_settings.connect = dialog.choices();
    saveSettings();
    connectFeed(dialog.endpoint(), dialog.options());
}

bool MainWindow::saveHistoryTo(const QString &path)
{
    QString error;
    if (!m_live->saveHistory(path, &error)) {
        m_banner->showMessage(error);
        return false;
    }
    statusBar()->showMessage(
        tr("Saved %n snapshot(s) to %1", nullptr, m_live->history()->size()).arg(QFileInfo(path).fileName()),
        5000);
    return true;
}

void MainWindow::openHistoryFrom(const QString &path)
{
    m_live->openHistory(path); // read on a worker; onHistoryOpened() follows
}

void MainWindow::onHistoryOpened(const QString &, int snapshots, int badLines)
{
    if (snapshots == 0)
        return;
    m_chartTabs->setCurrentWidget(m_historyCard);
    if (badLines == 0)
        m_banner->dismiss();
}

void MainWindow::saveHistoryDialog()
{
    const QString start = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = QFileDialog::getSaveFileName(this, tr("Save History"), start, historyFilter());
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".jsonl");
    saveHistoryTo(path);
}

void MainWindow::openHistoryDialog()
{
    const QString start = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getOpenFileName(this, tr("Open History"), start, historyFilter());
    if (!path.isEmpty())
        openHistoryFrom(path);
}

} // namespace Liq
