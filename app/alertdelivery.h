#pragma once

#include "alerts/alert.h"

#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace Liq {

class DesktopNotifier;
struct DesktopNotification;

// How the window's alerts reach the user: a desktop notification (D-Bus), or the tray's balloon where no
// notification service answers (said once); and the tray icon itself, where the desktop has a tray, with
// the live state in its tooltip and a menu (show or hide the window, pause alerts for an hour, quit).
class AlertDelivery final : public QObject
{
    Q_OBJECT
public:
    explicit AlertDelivery(QObject *parent = nullptr);
    ~AlertDelivery() override;

    void deliver(const Alert &alert);
    // The tray icon, made when the desktop has a tray; nullptr otherwise.
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
    void makeTray();
    DesktopNotifier *notifier(); // made on the first alert: no bus is touched before one fires
    void fallBack(const DesktopNotification &notification);

    DesktopNotifier *m_notifier = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_showAction = nullptr;
    QAction *m_pauseAction = nullptr;
};

} // namespace Liq
