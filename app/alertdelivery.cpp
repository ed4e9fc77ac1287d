#include "alertdelivery.h"

#include "desktopnotifier.h"
#include "trayhost.h"

#include <QApplication>
#include <QMenu>
#include <QSystemTrayIcon>

#include <utility>

namespace Liq {

AlertDelivery::AlertDelivery(QObject *parent)
    : QObject(parent)
    , m_trayHost(new TrayHost(QDBusConnection::sessionBus(), this))
    , m_toolTip(tr("Liqscope"))
{
    connect(m_trayHost, &TrayHost::appeared, this, &AlertDelivery::tryTray);
    tryTray();
}

AlertDelivery::~AlertDelivery()
{
    // The icon before its menu: QSystemTrayIcon does not own the menu, and its D-Bus tray still refers to
    // the menu's exported object as it goes.
    delete m_tray;
    delete m_menu;
}

void AlertDelivery::tryTray()
{
    if (m_tray || !m_trayHost->isAvailable())
        return;
    makeTray();
    // From here on Qt follows the host (a panel that restarts gets the icon again).
    m_trayHost->deleteLater();
    m_trayHost = nullptr;
}

void AlertDelivery::makeTray()
{
    m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
    m_menu = new QMenu;
    m_showAction = m_menu->addAction(tr("&Hide Liqscope"), this, &AlertDelivery::toggleWindowRequested);
    m_pauseAction = m_menu->addAction(tr("&Pause Alerts for 1 Hour"));
    m_pauseAction->setCheckable(true);
    connect(m_pauseAction, &QAction::toggled, this, &AlertDelivery::pauseRequested);
    m_menu->addSeparator();
    m_menu->addAction(tr("&Quit"), this, &AlertDelivery::quitRequested);
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger)
            emit toggleWindowRequested();
    });
    // A D-Bus tray reports a click on any notification's action as messageClicked (Qt's QDBusTrayIcon
    // listens to every ActionInvoked): only a click while our balloon is up means one.
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (m_balloonTarget)
            emit showRequested(*std::exchange(m_balloonTarget, std::nullopt));
    });
    m_tray->setToolTip(m_toolTip);
    setPaused(m_paused);
    setWindowShown(m_windowShown);
    m_tray->show();
}

DesktopNotifier *AlertDelivery::notifier()
{
    if (!m_notifier) {
        m_notifier = new DesktopNotifier(QDBusConnection::sessionBus(), this);
        connect(m_notifier, &DesktopNotifier::showRequested, this, &AlertDelivery::showRequested);
        connect(m_notifier, &DesktopNotifier::undelivered, this, &AlertDelivery::fallBack);
        connect(m_notifier, &DesktopNotifier::unavailable, this, &AlertDelivery::unavailable);
    }
    return m_notifier;
}

void AlertDelivery::deliver(const Alert &alert)
{
    notifier()->notify(DesktopNotification::of(alert));
}

void AlertDelivery::fallBack(const DesktopNotification &notification)
{
    if (!m_tray)
        return; // the alerts panel still lists it
    const auto icon = notification.urgency == DesktopNotification::Urgency::Critical
        ? QSystemTrayIcon::Warning
        : QSystemTrayIcon::Information;
    m_balloonTarget = notification.target;
    m_tray->showMessage(notification.title, notification.body, icon);
}

void AlertDelivery::setToolTip(const QString &text)
{
    m_toolTip = text;
    if (m_tray)
        m_tray->setToolTip(text);
}

void AlertDelivery::setPaused(bool paused)
{
    m_paused = paused;
    if (!m_pauseAction)
        return;
    const QSignalBlocker blocker(m_pauseAction);
    m_pauseAction->setChecked(paused);
}

void AlertDelivery::setWindowShown(bool shown)
{
    m_windowShown = shown;
    if (m_showAction)
        m_showAction->setText(shown ? tr("&Hide Liqscope") : tr("&Show Liqscope"));
}

} // namespace Liq
