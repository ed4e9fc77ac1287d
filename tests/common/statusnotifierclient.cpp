#include "statusnotifierclient.h"

#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QDateTime>
#include <QtCore/qtestsupport_core.h>

namespace LiqTest {
namespace {

const QString WatcherService = QStringLiteral("org.kde.StatusNotifierWatcher");
const QString WatcherPath = QStringLiteral("/StatusNotifierWatcher");
const QString ItemInterface = QStringLiteral("org.kde.StatusNotifierItem");
const QString MenuInterface = QStringLiteral("com.canonical.dbusmenu");
constexpr int CallMs = 10000;

// "service/path" -> (service, path)
std::pair<QString, QString> split(const QString &item)
{
    const qsizetype slash = item.indexOf(QLatin1Char('/'));
    return {item.left(slash), item.mid(slash)};
}

// A dbusmenu layout node: (id, properties, children as variants of nodes), depth first.
void readLayout(const QDBusArgument &node, QList<TrayMenuEntry> *entries)
{
    int id = 0;
    QVariantMap properties;
    node.beginStructure();
    node >> id >> properties;
    if (id != 0) {
        TrayMenuEntry entry;
        entry.id = id;
        entry.label = properties.value(QStringLiteral("label")).toString().remove(QLatin1Char('_'));
        entry.separator = properties.value(QStringLiteral("type")).toString() == QLatin1String("separator");
        entry.enabled = properties.value(QStringLiteral("enabled"), true).toBool();
        entry.checkable = properties.contains(QStringLiteral("toggle-type"));
        entry.checked = properties.value(QStringLiteral("toggle-state")).toInt() == 1;
        entries->append(entry);
    }
    node.beginArray();
    while (!node.atEnd()) {
        QDBusVariant child;
        node >> child;
        readLayout(child.variant().value<QDBusArgument>(), entries);
    }
    node.endArray();
    node.endStructure();
}

} // namespace

bool StatusNotifierClient::callOk(const QDBusMessage &call) const
{
    const QDBusMessage reply = m_bus.call(call, QDBus::BlockWithGui, CallMs);
    if (reply.type() == QDBusMessage::ErrorMessage) {
        m_lastError = reply.errorMessage();
        return false;
    }
    return true;
}

QVariant StatusNotifierClient::get(const QString &service, const QString &path, const QString &interface,
                                   const QString &name) const
{
    QDBusMessage call = QDBusMessage::createMethodCall(
        service, path, QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    call << interface << name;
    const QDBusMessage reply = m_bus.call(call, QDBus::BlockWithGui, CallMs);
    if (reply.type() == QDBusMessage::ErrorMessage || reply.arguments().isEmpty()) {
        m_lastError = reply.errorMessage();
        return {};
    }
    return reply.arguments().constFirst().value<QDBusVariant>().variant();
}

QString StatusNotifierClient::waitForNewItem(const QStringList &before, int timeoutMs) const
{
    QStringList now;
    if (!QTest::qWaitFor([&] { return (now = items()).size() > before.size(); }, timeoutMs))
        return {};
    for (const QString &item : now) {
        if (!before.contains(item))
            return item;
    }
    return {};
}

QStringList StatusNotifierClient::items() const
{
    return get(WatcherService, WatcherPath, WatcherService, QStringLiteral("RegisteredStatusNotifierItems"))
        .toStringList();
}

QVariant StatusNotifierClient::itemProperty(const QString &item, const QString &name) const
{
    const auto [service, path] = split(item);
    return get(service, path, ItemInterface, name);
}

TrayToolTip StatusNotifierClient::toolTip(const QString &item) const
{
    // (s a(iiay) s s): icon name, icon pixmaps, title, text
    const QVariant value = itemProperty(item, QStringLiteral("ToolTip"));
    if (!value.canConvert<QDBusArgument>())
        return {};
    const auto argument = value.value<QDBusArgument>();
    TrayToolTip tip;
    QString iconName;
    argument.beginStructure();
    argument >> iconName;
    argument.beginArray();
    while (!argument.atEnd()) {
        int width = 0;
        int height = 0;
        QByteArray pixels;
        argument.beginStructure();
        argument >> width >> height >> pixels;
        argument.endStructure();
    }
    argument.endArray();
    argument >> tip.title >> tip.text;
    argument.endStructure();
    return tip;
}

QList<TrayMenuEntry> StatusNotifierClient::menu(const QString &item) const
{
    const QString service = split(item).first;
    const auto menuPath = itemProperty(item, QStringLiteral("Menu")).value<QDBusObjectPath>();
    QDBusMessage call = QDBusMessage::createMethodCall(service, menuPath.path(), MenuInterface,
                                                       QStringLiteral("GetLayout"));
    call << 0 << -1 << QStringList();
    const QDBusMessage reply = m_bus.call(call, QDBus::BlockWithGui, CallMs);
    if (reply.type() == QDBusMessage::ErrorMessage || reply.arguments().size() < 2) {
        m_lastError = reply.errorMessage();
        return {};
    }
    QList<TrayMenuEntry> entries;
    readLayout(reply.arguments().at(1).value<QDBusArgument>(), &entries);
    return entries;
}

TrayMenuEntry StatusNotifierClient::menuEntry(const QString &item, const QString &label) const
{
    for (const TrayMenuEntry &entry : menu(item)) {
        if (entry.label == label)
            return entry;
    }
    return {};
}

bool StatusNotifierClient::click(const QString &item, int id) const
{
    const QString service = split(item).first;
    const auto menuPath = itemProperty(item, QStringLiteral("Menu")).value<QDBusObjectPath>();
    QDBusMessage call
        = QDBusMessage::createMethodCall(service, menuPath.path(), MenuInterface, QStringLiteral("Event"));
    call << id << QStringLiteral("clicked") << QVariant::fromValue(QDBusVariant(0))
         << uint(QDateTime::currentSecsSinceEpoch());
    return callOk(call);
}

bool StatusNotifierClient::activate(const QString &item) const
{
    const auto [service, path] = split(item);
    QDBusMessage call
        = QDBusMessage::createMethodCall(service, path, ItemInterface, QStringLiteral("Activate"));
    call << 0 << 0;
    return callOk(call);
}

bool StatusNotifierClient::registerHost() const
{
    QDBusMessage call = QDBusMessage::createMethodCall(WatcherService, WatcherPath, WatcherService,
                                                       QStringLiteral("RegisterStatusNotifierHost"));
    call << QStringLiteral("org.kde.StatusNotifierHost-test");
    return callOk(call);
}

} // namespace LiqTest
