#pragma once

#include "alerts/alert.h"

#include <QObject>

#include <optional>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace Liq {

class DesktopNotifier;
struct DesktopNotification;
class TrayHost;

// How the window's alerts reach the user: a desktop notification (D-Bus), or the tray's balloon where no
// notification service answers (said once); and the tray icon itself, where the desktop has a tray, with
// the live state in its tooltip and a menu (show or hide the window, pause alerts for an hour, quit). A
// tray host that appears later (a panel starting after Liqscope) gets the icon then.
class AlertDelivery final : public QObject
{
    Q_OBJECT
public:
    explicit AlertDelivery(QObject *parent = nullptr);
    ~AlertDelivery() override;

    void deliver(const Alert &alert);
    // The tray icon, made once the desktop has a tray; nullptr until then.
    QSystemTrayIcon *tray() const { return m_tray; }
    void setToolTip(const QString &text);
    void setPaused(bool paused);
    void setWindowShown(bool shown);

signals:
    void showRequested(const QString &coin); // a notification's Show, or the tray's Show
    void toggleWindowRequested();
    void pauseRequested(bool paused);
    void quitRequested();
    void unavailable(const QString &reason); // notifications cannot be shown (once)

private:
    void tryTray();
    void makeTray();
    DesktopNotifier *notifier(); // made on the first alert: no bus is touched before one fires
    void fallBack(const DesktopNotification &notification);

    DesktopNotifier *m_notifier = nullptr;
    TrayHost *m_trayHost = nullptr; // watches for a tray host until the icon is made
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_showAction = nullptr;
    QAction *m_pauseAction = nullptr;
    // What the icon shows, kept for an icon made later.
    QString m_toolTip;
    bool m_paused = false;
    bool m_windowShown = true;
    std::optional<QString> m_balloonTarget; // the coin of the balloon shown last, until it is clicked
};

} // namespace Liq
