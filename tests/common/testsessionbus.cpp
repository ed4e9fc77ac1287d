#include "testsessionbus.h"

#include <QDBusConnection>
#include <QDBusError>
#include <QFile>
#include <QStandardPaths>

namespace LiqTest {
namespace {

// A minimal session bus: anyone may own any name and talk to anyone.
constexpr char BusConfig[] = "<busconfig>\n"
                             "  <type>session</type>\n"
                             "  <listen>unix:dir=%1</listen>\n"
                             "  <auth>EXTERNAL</auth>\n"
                             "  <policy context='default'>\n"
                             "    <allow send_destination='*' eavesdrop='true'/>\n"
                             "    <allow eavesdrop='true'/>\n"
                             "    <allow own='*'/>\n"
                             "  </policy>\n"
                             "</busconfig>\n";

constexpr int StartMs = 10000;

} // namespace

SessionBus::~SessionBus()
{
    if (m_daemon.state() != QProcess::NotRunning) {
        m_daemon.kill();
        m_daemon.waitForFinished();
    }
}

QString SessionBus::start()
{
    const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
    if (daemon.isEmpty())
        return QStringLiteral("dbus-daemon not found: install Debian's dbus-daemon package (tools/dev deps)");
    if (!m_dir.isValid())
        return QStringLiteral("no temporary folder: %1").arg(m_dir.errorString());
    const QString config = m_dir.filePath(QStringLiteral("bus.conf"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    file.write(QString::fromLatin1(BusConfig).arg(m_dir.path()).toUtf8());
    file.close();
    m_daemon.start(daemon,
                   {QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"),
                    QStringLiteral("--print-address=1")});
    if (!m_daemon.waitForStarted(StartMs))
        return m_daemon.errorString();
    // Blocking reads: this may run before the application (and its event loop) exists.
    while (!m_daemon.canReadLine()) {
        if (!m_daemon.waitForReadyRead(StartMs))
            return QStringLiteral("dbus-daemon printed no address: %1")
                .arg(QString::fromLocal8Bit(m_daemon.readAllStandardError()));
    }
    m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    return m_address.isEmpty() ? QStringLiteral("dbus-daemon printed an empty address") : QString();
}

void SessionBus::exportToEnvironment() const
{
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toUtf8());
}

QString RecordingNotificationService::publish(const QString &busAddress, const QString &connectionName)
{
    m_connectionName = connectionName;
    QDBusConnection bus = QDBusConnection::connectToBus(busAddress, connectionName);
    if (!bus.isConnected())
        return bus.lastError().message();
    const QString path = QStringLiteral("/org/freedesktop/Notifications");
    if (!bus.objectRegisteredAt(path)
        && !bus.registerObject(path, this,
                               QDBusConnection::ExportAllSlots | QDBusConnection::ExportScriptableSignals))
        return QStringLiteral("cannot register %1").arg(path);
    if (!bus.registerService(QStringLiteral("org.freedesktop.Notifications")))
        return bus.lastError().message();
    return {};
}

void RecordingNotificationService::unpublish()
{
    QDBusConnection(m_connectionName).unregisterService(QStringLiteral("org.freedesktop.Notifications"));
}

uint RecordingNotificationService::Notify(const QString &appName, uint replacesId, const QString &icon,
                                          const QString &summary, const QString &body,
                                          const QStringList &actions, const QVariantMap &hints, int timeout)
{
    Q_UNUSED(replacesId)
    Q_UNUSED(timeout)
    calls.append({appName, icon, summary, body, actions, hints});
    emit notified();
    return uint(100 + calls.size());
}

QStringList RecordingNotificationService::GetCapabilities()
{
    return {QStringLiteral("actions"), QStringLiteral("body")};
}

} // namespace LiqTest
