// liqscope-test-shell: the tray half of a desktop shell, for tests. It owns org.kde.StatusNotifierWatcher on
// the session bus (DBUS_SESSION_BUS_ADDRESS) and is its own StatusNotifierHost, as a panel is: Qt's
// QSystemTrayIcon then exports a StatusNotifierItem and registers it here, and a test reads the item's
// properties and drives its menu (com.canonical.dbusmenu) over the bus, as the panel would.
//   liqscope-test-shell            the watcher, with a host registered
//   liqscope-test-shell --no-host  the watcher alone; a host registers later (RegisterStatusNotifierHost)
// It prints "ready" once it owns the name.
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusServiceWatcher>
#include <QObject>
#include <QStringList>

#include <cstdio>

namespace {

const QString WatcherService = QStringLiteral("org.kde.StatusNotifierWatcher");

class StatusNotifierWatcher final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.StatusNotifierWatcher")
    Q_PROPERTY(bool IsStatusNotifierHostRegistered READ isHostRegistered)
    Q_PROPERTY(QStringList RegisteredStatusNotifierItems READ items)
    Q_PROPERTY(int ProtocolVersion READ protocolVersion)

public:
    StatusNotifierWatcher(const QDBusConnection &bus, bool hostRegistered)
        : m_hostRegistered(hostRegistered)
        , m_owners(QString(), bus, QDBusServiceWatcher::WatchForUnregistration)
    {
        connect(&m_owners, &QDBusServiceWatcher::serviceUnregistered, this, &StatusNotifierWatcher::forget);
    }

    bool isHostRegistered() const { return m_hostRegistered; }
    QStringList items() const { return m_items; }
    int protocolVersion() const { return 0; }

public slots:
    // An item names its bus service (Qt: the connection's unique name; the object is /StatusNotifierItem)
    // or, as some do, its object path on the caller's connection.
    void RegisterStatusNotifierItem(const QString &serviceOrPath, const QDBusMessage &message)
    {
        const bool isPath = serviceOrPath.startsWith(QLatin1Char('/'));
        const QString service = isPath ? message.service() : serviceOrPath;
        const QString item = service + (isPath ? serviceOrPath : QStringLiteral("/StatusNotifierItem"));
        if (m_items.contains(item))
            return;
        m_items.append(item);
        m_owners.addWatchedService(service);
        emit StatusNotifierItemRegistered(item);
    }
    void RegisterStatusNotifierHost(const QString &service)
    {
        Q_UNUSED(service)
        if (m_hostRegistered)
            return;
        m_hostRegistered = true;
        emit StatusNotifierHostRegistered();
    }

signals:
    Q_SCRIPTABLE void StatusNotifierItemRegistered(const QString &); // "service/path"
    Q_SCRIPTABLE void StatusNotifierItemUnregistered(const QString &);
    Q_SCRIPTABLE void StatusNotifierHostRegistered();

private:
    void forget(const QString &service)
    {
        for (const QString &item : m_items.filter(service + QLatin1Char('/'))) {
            m_items.removeAll(item);
            emit StatusNotifierItemUnregistered(item);
        }
        m_owners.removeWatchedService(service);
    }

    bool m_hostRegistered;
    QStringList m_items;
    QDBusServiceWatcher m_owners;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        std::fprintf(stderr, "liqscope-test-shell: no session bus: %s\n",
                     qPrintable(bus.lastError().message()));
        return 1;
    }
    StatusNotifierWatcher watcher(bus, !app.arguments().contains(QStringLiteral("--no-host")));
    if (!bus.registerObject(QStringLiteral("/StatusNotifierWatcher"), &watcher,
                            QDBusConnection::ExportAllSlots | QDBusConnection::ExportScriptableSignals
                                | QDBusConnection::ExportAllProperties)
        || !bus.registerService(WatcherService)) {
        std::fprintf(stderr, "liqscope-test-shell: cannot own %s: %s\n", qPrintable(WatcherService),
                     qPrintable(bus.lastError().message()));
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    return QCoreApplication::exec();
}

#include "testshellmain.moc"
