// The window's alerts: the engine (AlertCenter) fed by the live session, delivered as desktop
// notifications (or the tray's balloon), the Alerts tab, the tray icon, and closing to the tray.
#include "alertdelivery.h"
#include "alertspanel.h"
#include "errorbanner.h"
#include "itemmodels/alertlistmodel.h"
#include "live/livestatus.h"
#include "mainwindow.h"
#include "session/alertcenter.h"
#include "session/dashboardsession.h"
#include "session/livesession.h"

#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QMessageBox>
#include <QPushButton>
#include <QSystemTrayIcon>
#include <QTabWidget>

namespace Liq {

void MainWindow::setUpAlerts()
{
    m_alerts = new AlertCenter(m_live, m_session, this);
    m_alerts->setRules(m_settings.alertRules);
    m_alertsPanel = new AlertsPanel(m_alerts->alerts());
    m_chartTabs->addTab(m_alertsPanel, tr("A&lerts"));
    m_chartTabs->setTabToolTip(m_chartTabs->indexOf(m_alertsPanel), tr("The alerts that fired, and why"));
    connect(m_alertsPanel, &AlertsPanel::showRequested, this, &MainWindow::showAlertTarget);
    connect(m_alertsPanel, &AlertsPanel::pauseToggled, this, &MainWindow::pauseAlerts);
    // A window that leaves no trace (screenshots, tests) shows no tray icon and sends no notification.
    if (m_persistSettings) {
        m_alertDelivery = new AlertDelivery(this);
        connect(m_alerts, &AlertCenter::alertRaised, m_alertDelivery, &AlertDelivery::deliver);
        connect(m_alertDelivery, &AlertDelivery::showRequested, this, &MainWindow::showAlertTarget);
        connect(m_alertDelivery, &AlertDelivery::pauseRequested, this, &MainWindow::pauseAlerts);
        connect(m_alertDelivery, &AlertDelivery::toggleWindowRequested, this,
                [this] { isVisible() ? hideToTray() : showAlertTarget({}); });
        connect(m_alertDelivery, &AlertDelivery::quitRequested, this, [this] {
            m_quitting = true;
            close();
        });
        connect(m_alertDelivery, &AlertDelivery::unavailable, m_banner, &ErrorBanner::showMessage);
        connect(m_live, &LiveSession::statusChanged, m_alertDelivery, [this](const LiveStatus &status) {
            m_alertDelivery->setToolTip(
                tr("Liqscope: %1").arg(status.shortText(QDateTime::currentDateTimeUtc())));
        });
    }
    updateAlertState();
}

void MainWindow::updateAlertState()
{
    const int enabled = int(AlertSettings::enabledRules(m_alerts->rules()).size());
    m_alertsPanel->setWatching(enabled, m_alerts->isPaused());
    if (m_alertDelivery)
        m_alertDelivery->setPaused(m_alerts->isPaused());
}

void MainWindow::pauseAlerts(bool paused)
{
    if (paused)
        m_alerts->pauseFor(qint64(3600) * 1000);
    else
        m_alerts->resumeAlerts();
    updateAlertState();
}

void MainWindow::setAlertRules(const QList<AlertRuleSetting> &rules)
{
    m_settings.alertRules = rules;
    m_alerts->setRules(rules);
    updateAlertState();
}

// A notification's Show: the window up, scoped to the coin the alert was about when the data has it.
void MainWindow::showAlertTarget(const QString &coin)
{
    showNormal();
    raise();
    activateWindow();
    if (m_alertDelivery)
        m_alertDelivery->setWindowShown(true);
    if (coin.isEmpty())
        return;
    if (m_session->snapshot().breakdownKind != BreakdownKind::Coin)
        m_session->setBreakdownKind(BreakdownKind::Coin);
    const int row = m_session->snapshot().breakdownRowNamed(coin);
    if (row >= 0)
        m_session->setScope(row);
}

// With alerts on and a tray to live in, closing the window keeps Liqscope running there (asked once).
bool MainWindow::closeToTray()
{
    if (m_quitting || !m_alertDelivery || !m_alertDelivery->tray() || !m_alerts->isActive())
        return false;
    if (!m_settings.closeToTray) {
        QMessageBox question(QMessageBox::Question, tr("Keep Watching?"),
                             tr("Alerts are on. Keep Liqscope running in the tray so they can reach you "
                                "while the window is closed?"),
                             QMessageBox::NoButton, this);
        QPushButton *keep = question.addButton(tr("Keep Running in the Tray"), QMessageBox::AcceptRole);
        question.addButton(tr("Quit"), QMessageBox::RejectRole);
        question.setDefaultButton(keep);
        question.exec();
        m_settings.closeToTray = question.clickedButton() == static_cast<QAbstractButton *>(keep);
        saveSettings();
    }
    if (!*m_settings.closeToTray)
        return false;
    hideToTray();
    return true;
}

// Hidden, with the tray's menu offering to show it again.
void MainWindow::hideToTray()
{
    hide();
    if (m_alertDelivery)
        m_alertDelivery->setWindowShown(false);
}

} // namespace Liq
