#pragma once

#include "desktopsettings.h"
#include "live/liveendpoint.h"

#include <QFuture>
#include <QMainWindow>
#include <QUrl>

class QAction;
class QActionGroup;
class QLabel;
class QLayout;
class QMenu;
class QTabWidget;

namespace Liq {

class AlertCenter;
class AlertDelivery;
class AlertsPanel;
class DashboardSession;
class ErrorBanner;
class HistoryChart;
class LiveBadge;
class EventStore;
class LiquidationTape;
class LiquidationTapeModel;
class LiquidationTimeline;
class LiveSession;
struct LiveOptions;
struct LiveStatus;
class KpiStrip;
class SessionStatus;
class SqueezeGauge;
struct StorePicture;
class SummaryPanel;
class TablesPanel;

// Assembles the dashboard: it wires the session to the widgets and the menus to the session, and keeps
// the settings. The figures themselves live in DashboardSession.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    // persistSettings = false (screenshots, tests that must not touch the user's settings) still reads them.
    explicit MainWindow(bool persistSettings = true, QWidget *parent = nullptr);
    ~MainWindow() override;

    DashboardSession *session() const { return m_session; }
    void openFile(const QString &path);

    Theme theme() const { return m_settings.theme; }
    void setTheme(Theme theme);
    void setChartMode(LiquidationChart::Mode mode);
    const QStringList &recentFiles() const { return m_settings.recentFiles; }
    void saveSettings();

    ErrorBanner *errorBanner() const { return m_banner; }
    LiquidationChart *chart() const { return m_chart; }
    SqueezeGauge *gauge() const { return m_gauge; }
    TablesPanel *tablesPanel() const { return m_tables; }
    KpiStrip *kpiStrip() const { return m_kpis; }
    SessionStatus *sessionStatus() const { return m_status; }
    QString headerTitle() const;

    // Live feeds (mainwindowlive.cpp). The data on screen survives every feed failure.
    LiveSession *liveSession() const { return m_live; }
    LiveBadge *liveBadge() const { return m_liveBadge; }
    QAction *watchLiveAction() const { return m_watchLiveAction; }
    // The event store the streams' liquidations are kept in (opened when streams start, or by --store):
    // read-only while liqscope-collect writes it. False, with the reason in the banner, when it cannot
    // be used; the live view then carries on in memory.
    bool useEventStore(const QString &path, bool mayWrite);
    // Shows what the store at location holds (liqscope --store FILE), read off this thread; a store that
    // liqscope-collect is writing is followed live. reading: the read, when start-up began it early.
    void showStore(const QString &location);
    void showStore(const QString &location, const QFuture<StorePicture> &reading);
    EventStore *eventStore() const { return m_store; }
    // Writes the store's liquidations of [fromMs, untilMs) to path as CSV on a worker (File > Export
    // Events asks for the range and the file); the status bar says how many, the banner why not.
    void exportEvents(qint64 fromMs, qint64 untilMs, const QString &path);
    QAction *exportEventsAction() const { return m_exportEventsAction; }
    // The event views, made on first use (their tab shown, or a test asking).
    LiquidationTape *liquidationTape();
    LiquidationTimeline *liquidationTimeline();
    LiquidationTapeModel *tapeModel() const { return m_tapeModel; }
    // Made on first use (the history tab shown first, or asked for here); it reads the whole history then.
    HistoryChart *historyChart();
    QTabWidget *chartTabs() const { return m_chartTabs; }
    void connectFeed(const LiveEndpoint &endpoint, const LiveOptions &options);
    // Starts liqscope-feed and watches it (--demo); a failure to start shows the banner.
    void startDemo(const LiveOptions &options);
    bool saveHistoryTo(const QString &path);
    // Shows the newest snapshot of the file and fills the history chart; bad lines go to the banner.
    void openHistoryFrom(const QString &path);
    // The live source as the status bar shows it (empty when no feed is connected).
    QString liveSourceText() const;

    // Alerts (mainwindowalerts.cpp): the engine, its tab, and the rules (as Preferences sets them).
    AlertCenter *alertCenter() const { return m_alerts; }
    AlertsPanel *alertsPanel() const { return m_alertsPanel; }
    void setAlertRules(const QList<AlertRuleSetting> &rules);
    void showAlertTarget(const QString &coin);

    // For display: "Bundled sample" for the built-in file, else the file name or URL.
    static QString originText(const QString &origin);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildCentralWidget();
    QLayout *makeHeader();
    QWidget *makeGaugeCard();
    QWidget *makeChartCard();
    QTabWidget *makeChartTabs();
    QWidget *makeBody();
    void setUpStatusBar();
    void createActions();
    void createMenusAndToolBar();
    void refresh();
    void onLoadFailed(const QString &message);
    void onFileOpened(const QString &path);
    void rebuildRecentMenu();
    void createLiveActions();
    void addEventTabs(); // mainwindowstreams.cpp
    void setUpAlerts(); // mainwindowalerts.cpp
    void updateAlertState();
    void pauseAlerts(bool paused);
    bool closeToTray();
    void hideToTray();
    void updateTimeline();
    void askToExportEvents();
    // The session found another process writing the store shown: follow it live.
    void followStore(const QString &location);
    void addLiveMenus(QMenu *file, QMenu *view);
    void onFeedStatus(const LiveStatus &status);
    void onHistoryOpened(const QString &path, int snapshots, int badLines);
    void onLiveSource(const QString &source);
    void updateLiveActions();
    void showConnectDialog();
    void saveHistoryDialog();
    void openHistoryDialog();

    void openDialog();
    void saveSnapshotAs();
    void exportChart();
    void exportTables();
    void showWarnings();
    void showPreferences();
    void showAbout();
    bool writeFileAtomically(const QString &path, const QByteArray &bytes);

    DesktopSettings m_settings;
    bool m_persistSettings;
    DashboardSession *m_session;

    ErrorBanner *m_banner = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    KpiStrip *m_kpis = nullptr;
    SqueezeGauge *m_gauge = nullptr;
    LiquidationChart *m_chart = nullptr;
    SummaryPanel *m_summary = nullptr;
    TablesPanel *m_tables = nullptr;
    SessionStatus *m_status = nullptr;
    LiveSession *m_live = nullptr;
    LiveBadge *m_liveBadge = nullptr;
    HistoryChart *m_historyChart = nullptr; // see historyChart()
    QWidget *m_historyCard = nullptr; // the history tab
    QTabWidget *m_chartTabs = nullptr;
    LiquidationTapeModel *m_tapeModel = nullptr;
    QWidget *m_tapeTab = nullptr;
    QWidget *m_timelineTab = nullptr;
    LiquidationTape *m_tape = nullptr; // see liquidationTape()
    LiquidationTimeline *m_timeline = nullptr; // see liquidationTimeline()
    QLabel *m_liveSource = nullptr;
    bool m_bannerFromFeed = false; // the banner shows a feed failure, dismissed when data flows again

    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_exportChartAction = nullptr;
    QAction *m_exportTablesAction = nullptr;
    QAction *m_showTotalAction = nullptr;
    QActionGroup *m_modeGroup = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_watchLiveAction = nullptr;
    QAction *m_exportEventsAction = nullptr;
    EventStore *m_store = nullptr;
    AlertCenter *m_alerts = nullptr;
    AlertsPanel *m_alertsPanel = nullptr;
    AlertDelivery *m_alertDelivery = nullptr; // none in a window that leaves no trace
    bool m_quitting = false; // the tray's Quit: close for good
    QString m_storePath; // --store, or empty for the default file
    QAction *m_refreshAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QAction *m_saveHistoryAction = nullptr;
    QAction *m_openHistoryAction = nullptr;
};

} // namespace Liq
