#pragma once

#include "desktopsettings.h"

#include <QMainWindow>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;

namespace Liq {

class DashboardSession;
class ErrorBanner;
class KpiStrip;
class SessionStatus;
class SqueezeGauge;
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
    SummaryPanel *summaryPanel() const { return m_summary; }
    TablesPanel *tablesPanel() const { return m_tables; }
    KpiStrip *kpiStrip() const { return m_kpis; }
    SessionStatus *sessionStatus() const { return m_status; }
    QString headerTitle() const;

    // For display: "Bundled sample" for the built-in file, else the file name or URL.
    static QString originText(const QString &origin);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildCentralWidget();
    void createActions();
    void createMenusAndToolBar();
    void refresh();
    void onLoadFailed(const QString &message);
    void onFileOpened(const QString &path);
    void rebuildRecentMenu();

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

    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_exportChartAction = nullptr;
    QAction *m_exportTablesAction = nullptr;
    QAction *m_showTotalAction = nullptr;
    QActionGroup *m_modeGroup = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    QMenu *m_recentMenu = nullptr;
};

} // namespace Liq
