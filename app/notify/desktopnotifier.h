#pragma once

#include "alerts/alert.h"

#include <QDBusConnection>
#include <QHash>
#include <QObject>
#include <QString>

namespace Liq {

// One notification as the desktop shows it. target names what a *Show* action should bring up (a coin or an
// exchange the alert was about; empty: the whole market).
struct DesktopNotification
{
    enum class Urgency { Low = 0, Normal = 1, Critical = 2 }; // the freedesktop urgency levels
    QString title;
    QString body;
    Urgency urgency = Urgency::Normal;
    QString target;

    // An alert as the desktop shows it: its title and reasons, the urgency that follows its weight, and
    // Show on the coin it was about. The one mapping, for the window and liqscope-collect.
    static DesktopNotification of(const Alert &alert);
};

// Sends notifications to the desktop's notification service over D-Bus (org.freedesktop.Notifications,
// the interface every Linux desktop implements), with the app's icon, the urgency, and a *Show* action.
// Calls are asynchronous: a slow or missing service never blocks the caller. When no service answers,
// each notification comes back as undelivered (for a fallback such as the tray's balloon) and
// unavailable() says why, once.
class DesktopNotifier final : public QObject
{
    Q_OBJECT
public:
    static constexpr int CallTimeoutMs = 5000;

    explicit DesktopNotifier(const QDBusConnection &bus = QDBusConnection::sessionBus(),
                             QObject *parent = nullptr);

    // The freedesktop icon name and desktop entry; before the first notify(). Both default to Liqscope's
    // own id, io.liqscope.Liqscope (the name packaging/ gives the desktop file and the icon).
    void setApplication(const QString &iconName, const QString &desktopEntry);
    void notify(const DesktopNotification &notification);
    // False once a call failed (no service, no bus); a later delivered call makes it true again.
    bool isAvailable() const { return m_available; }

signals:
    void delivered(uint id);
    void undelivered(const Liq::DesktopNotification &notification);
    void unavailable(const QString &reason);
    // The user chose *Show* on a notification: bring the window up on this target.
    void showRequested(const QString &target);

private slots:
    void onActionInvoked(uint id, const QString &actionKey);
    void onNotificationClosed(uint id, uint reason);

private:
    void fail(const DesktopNotification &notification, const QString &reason);

    QDBusConnection m_bus;
    QString m_iconName = QStringLiteral("io.liqscope.Liqscope");
    QString m_desktopEntry = m_iconName;
    bool m_available = true;
    bool m_toldUnavailable = false;
    QHash<uint, QString> m_targets; // notification id -> what Show brings up
};

} // namespace Liq

Q_DECLARE_METATYPE(Liq::DesktopNotification)
