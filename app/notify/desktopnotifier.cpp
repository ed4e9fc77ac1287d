#include "desktopnotifier.h"

#include <QCoreApplication>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

namespace Liq {
namespace {

const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");
const QString Interface = QStringLiteral("org.freedesktop.Notifications");
const QString ShowAction = QStringLiteral("default"); // "default": also what clicking the bubble does

} // namespace

DesktopNotification DesktopNotification::of(const Alert &alert)
{
    Urgency urgency = Urgency::Normal;
    switch (alert.urgency) {
    case AlertUrgency::Low: urgency = Urgency::Low; break;
    case AlertUrgency::Normal: urgency = Urgency::Normal; break;
    case AlertUrgency::Critical: urgency = Urgency::Critical; break;
    }
    return {alert.title, alert.body, urgency, alert.coin};
}

DesktopNotifier::DesktopNotifier(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{
    qRegisterMetaType<Liq::DesktopNotification>();
    if (m_bus.isConnected()) {
        m_bus.connect(Service, Path, Interface, QStringLiteral("ActionInvoked"), this,
                      SLOT(onActionInvoked(uint, QString)));
        m_bus.connect(Service, Path, Interface, QStringLiteral("NotificationClosed"), this,
                      SLOT(onNotificationClosed(uint, uint)));
    }
}

void DesktopNotifier::setApplication(const QString &iconName, const QString &desktopEntry)
{
    m_iconName = iconName;
    m_desktopEntry = desktopEntry;
}

void DesktopNotifier::notify(const DesktopNotification &notification)
{
    if (!m_bus.isConnected()) {
        fail(notification, tr("no session bus (%1)").arg(m_bus.lastError().message()));
        return;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(notification.urgency)));
    if (!m_desktopEntry.isEmpty())
        hints.insert(QStringLiteral("desktop-entry"), m_desktopEntry);
    const QStringList actions{ShowAction, tr("Show")};
    call << QCoreApplication::applicationName() << uint(0) << m_iconName << notification.title
         << notification.body << actions << hints << int(-1);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, CallTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, notification] {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isError()) {
            fail(notification, reply.error().message());
            return;
        }
        m_available = true;
        m_targets.insert(reply.value(), notification.target);
        emit delivered(reply.value());
    });
}

void DesktopNotifier::fail(const DesktopNotification &notification, const QString &reason)
{
    m_available = false;
    if (!m_toldUnavailable) {
        m_toldUnavailable = true;
        emit unavailable(tr("Desktop notifications are unavailable: %1").arg(reason));
    }
    emit undelivered(notification);
}

void DesktopNotifier::onActionInvoked(uint id, const QString &actionKey)
{
    const auto found = m_targets.constFind(id);
    if (found == m_targets.cend() || actionKey != ShowAction)
        return; // another application's notification, or an action we did not offer
    emit showRequested(*found);
}

void DesktopNotifier::onNotificationClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    m_targets.remove(id);
}

} // namespace Liq
