// MainWindow's actions, menus, toolbar and small dialogs: the command surface, apart from the layout.
#include "alertruleseditor.h"
#include "livebadge.h"
#include "mainwindow.h"
#include "preferencesdialog.h"
#include "session/alertcenter.h"
#include "session/dashboardsession.h"
#include "summarypanel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStyle>
#include <QToolBar>

namespace Liq {

void MainWindow::createActions()
{
    m_openAction = new QAction(style()->standardIcon(QStyle::SP_DialogOpenButton), tr("&Open…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setToolTip(tr("Open a snapshot, CoinGlass response or CSV (%1)")
                                 .arg(m_openAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openDialog);

    m_saveAction
        = new QAction(style()->standardIcon(QStyle::SP_DialogSaveButton), tr("&Save Snapshot As…"), this);
    m_saveAction->setShortcuts({QKeySequence::Save, QKeySequence::SaveAs});
    m_saveAction->setToolTip(tr("Save the data as a Liqscope snapshot (%1)")
                                 .arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    m_saveAction->setIconText(tr("Save As"));
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::saveSnapshotAs);

    m_exportChartAction = new QAction(tr("Export &Chart as PNG…"), this);
    connect(m_exportChartAction, &QAction::triggered, this, &MainWindow::exportChart);
    m_exportTablesAction = new QAction(tr("Export &Tables as CSV…"), this);
    connect(m_exportTablesAction, &QAction::triggered, this, &MainWindow::exportTables);

    m_showTotalAction = new QAction(tr("Show &Total"), this);
    m_showTotalAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_showTotalAction->setToolTip(tr("Leave the selected coin or exchange and show the whole snapshot"));
    connect(m_showTotalAction, &QAction::triggered, m_session, &DashboardSession::clearScope);

    m_modeGroup = new QActionGroup(this);
    const LiquidationChart::Mode modes[]
        = {LiquidationChart::Mode::Windows, LiquidationChart::Mode::PerHour, LiquidationChart::Mode::Share};
    const QString modeTips[]
        = {tr("Cumulative USD per window"), tr("USD per hour in each slice of the last 24h"),
           tr("Long / short split of each window")};
    for (int i = 0; i < 3; ++i) {
        auto *action = new QAction(LiquidationChart::modeText(modes[i]), m_modeGroup);
        action->setCheckable(true);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        action->setToolTip(QStringLiteral("%1 (%2)").arg(
            modeTips[i], action->shortcut().toString(QKeySequence::NativeText)));
        const LiquidationChart::Mode mode = modes[i];
        connect(action, &QAction::triggered, this, [this, mode] { setChartMode(mode); });
    }

    m_themeGroup = new QActionGroup(this);
    for (Theme theme : {Theme::System, Theme::Light, Theme::Dark}) {
        auto *action = new QAction(themeText(theme), m_themeGroup);
        action->setCheckable(true);
        action->setChecked(theme == m_settings.theme);
        connect(action, &QAction::triggered, this, [this, theme] { setTheme(theme); });
    }
}

void MainWindow::createMenusAndToolBar()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(m_saveAction);
    file->addSeparator();
    file->addAction(m_exportChartAction);
    file->addAction(m_exportTablesAction);
    file->addAction(m_exportEventsAction);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_summary->copyAction());
    edit->addSeparator();
    QAction *preferences = edit->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addSection(tr("Chart"));
    view->addActions(m_modeGroup->actions());
    view->addSeparator();
    view->addAction(m_showTotalAction);
    view->addSeparator();
    QMenu *themes = view->addMenu(tr("&Theme"));
    themes->addActions(m_themeGroup->actions());

    addLiveMenus(file, view);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Liqscope"), this, &MainWindow::showAbout)->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_openAction);
    toolBar->addAction(m_saveAction);
    toolBar->addSeparator();
    toolBar->addActions(m_modeGroup->actions());
    toolBar->addSeparator();
    toolBar->addAction(m_showTotalAction);
    toolBar->addSeparator();
    toolBar->addAction(m_watchLiveAction);
    toolBar->addAction(m_connectAction);
    toolBar->addAction(m_refreshAction);
    // The badge sits at the far end, where the eye looks for "is this live?".
    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    toolBar->addWidget(m_liveBadge);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    for (const QString &path : std::as_const(m_settings.recentFiles)) {
        QAction *action
            = m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openFile(path); });
        action->setToolTip(path);
        action->setStatusTip(path);
    }
    if (m_settings.recentFiles.isEmpty()) {
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear List"), this, [this] {
        m_settings.recentFiles.clear();
        rebuildRecentMenu();
    });
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(m_session->config(), m_settings.theme, this);
    dialog.alertRules()->setRules(m_alerts->rules());
    dialog.alertRules()->setTester([this](const AlertRule &rule) {
        const LiquidationSnapshot &snapshot = m_session->snapshot();
        return readAlertRule(rule, snapshot, analyzeSnapshot(snapshot, m_session->config()));
    });
    if (dialog.exec() != QDialog::Accepted)
        return;
    setAlertRules(dialog.alertRules()->rules());
    m_session->setConfig(dialog.config());
    m_settings.config = dialog.config();
    if (dialog.theme() != m_settings.theme)
        setTheme(dialog.theme());
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Liqscope"),
        tr("<h3>Liqscope %1</h3>"
           "<p>Liquidations of crypto-derivatives positions over rolling 1h, 4h, 12h and 24h windows: "
           "who was forced out, how fast, and whether it looks like a squeeze.</p>"
           "<p>Longs are drawn in orange, shorts in blue, and every figure is also written out.</p>"
           "<p>Not investment advice.</p>")
            .arg(QCoreApplication::applicationVersion()));
}

} // namespace Liq
