#pragma once

#include <QList>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariantMap>

namespace LiqTest {

// A private session bus for a test: its own dbus-daemon from a configuration written here (the test needs
// the dbus-daemon package, not a desktop session), stopped by the destructor. Nothing is skipped: without
// dbus-daemon, start() says which Debian package to install and the test fails.
class SessionBus
{
public:
    SessionBus() = default;
    ~SessionBus();
    SessionBus(const SessionBus &) = delete;
    SessionBus &operator=(const SessionBus &) = delete;

    // Empty on success, otherwise what failed. Works before a QCoreApplication exists, so a test's main()
    // can start the bus and export it before Qt touches the session bus.
    QString start();
    QString address() const { return m_address; }
    // DBUS_SESSION_BUS_ADDRESS for this process (and its children): set before the first
    // QDBusConnection::sessionBus(), which Qt keeps for the life of the process.
    void exportToEnvironment() const;

private:
    QTemporaryDir m_dir;
    QProcess m_daemon;
    QString m_address;
};

// What a notification daemon is to an application (org.freedesktop.Notifications): Notify records the call
// and returns an id; the test emits ActionInvoked as a click on a notification's action would.
class RecordingNotificationService final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call
    {
        QString appName;
        QString icon;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
    };
    QList<Call> calls;

    // Registers the service on a connection of its own to the bus (named connectionName): empty on
    // success. unpublish() gives the name up (no notification service any more); publish() again takes it.
    QString publish(const QString &busAddress, const QString &connectionName);
    void unpublish();

public slots:
    uint Notify(const QString &appName, uint replacesId, const QString &icon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int timeout);
    QStringList GetCapabilities();

signals:
    Q_SCRIPTABLE void ActionInvoked(uint id, const QString &actionKey);
    Q_SCRIPTABLE void NotificationClosed(uint id, uint reason);
    void notified(); // a Notify call was recorded (for QSignalSpy; not on the bus)

private:
    QString m_connectionName;
};

} // namespace LiqTest
