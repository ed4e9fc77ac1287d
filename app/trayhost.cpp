#include "trayhost.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusServiceWatcher>
#include <QDBusVariant>
#include <QGuiApplication>
#include <QSystemTrayIcon>

#include <cstdlib>
#include <memory>
#include <xcb/xcb.h>

namespace Liq {
namespace {

const QString WatcherService = QStringLiteral("org.kde.StatusNotifierWatcher");
const QString WatcherPath = QStringLiteral("/StatusNotifierWatcher");
constexpr int WatcherCallMs = 2000; // a hung panel must not hang the window

template<typename Reply>
using XcbReply = std::unique_ptr<Reply, decltype(&std::free)>;

xcb_connection_t *x11Connection()
{
    const auto *x11 = qGuiApp ? qGuiApp->nativeInterface<QNativeInterface::QX11Application>() : nullptr;
    return x11 ? x11->connection() : nullptr;
}

xcb_atom_t internAtom(xcb_connection_t *connection, const QByteArray &name)
{
    const XcbReply<xcb_intern_atom_reply_t> reply(
        xcb_intern_atom_reply(
            connection, xcb_intern_atom(connection, 0, quint16(name.size()), name.constData()), nullptr),
        &std::free);
    return reply ? reply->atom : xcb_atom_t(XCB_ATOM_NONE);
}

} // namespace

TrayHost::TrayHost(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{
    if (m_bus.isConnected()) {
        auto *watcher
            = new QDBusServiceWatcher(WatcherService, m_bus, QDBusServiceWatcher::WatchForRegistration, this);
        connect(watcher, &QDBusServiceWatcher::serviceRegistered, this, &TrayHost::appeared);
        m_bus.connect(WatcherService, WatcherPath, WatcherService,
                      QStringLiteral("StatusNotifierHostRegistered"), this, SIGNAL(appeared()));
    }
    if (xcb_connection_t *connection = x11Connection()) {
        // A new XEmbed tray host sends MANAGER to the root window, whose structure events Qt selects.
        m_managerAtom = internAtom(connection, QByteArrayLiteral("MANAGER"));
        QCoreApplication::instance()->installNativeEventFilter(this);
    }
}

TrayHost::~TrayHost()
{
    if (m_managerAtom != 0 && QCoreApplication::instance())
        QCoreApplication::instance()->removeNativeEventFilter(this);
}

bool TrayHost::isAvailable() const
{
    if (!statusNotifierHostReady() && !xembedTrayOwned())
        return false; // Qt not asked: it would settle on XEmbed for the life of the process
    return QSystemTrayIcon::isSystemTrayAvailable();
}

bool TrayHost::statusNotifierHostReady() const
{
    if (!m_bus.isConnected() || !m_bus.interface()->isServiceRegistered(WatcherService))
        return false;
    QDBusMessage get = QDBusMessage::createMethodCall(WatcherService, WatcherPath,
                                                      QStringLiteral("org.freedesktop.DBus.Properties"),
                                                      QStringLiteral("Get"));
    get << WatcherService << QStringLiteral("IsStatusNotifierHostRegistered");
    const QDBusMessage reply = m_bus.call(get, QDBus::Block, WatcherCallMs);
    return reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()
        && reply.arguments().constFirst().value<QDBusVariant>().variant().toBool();
}

bool TrayHost::xembedTrayOwned()
{
    xcb_connection_t *connection = x11Connection();
    if (!connection)
        return false;
    const int screens = xcb_setup_roots_length(xcb_get_setup(connection));
    for (int screen = 0; screen < screens; ++screen) {
        const xcb_atom_t selection
            = internAtom(connection, QByteArrayLiteral("_NET_SYSTEM_TRAY_S") + QByteArray::number(screen));
        const XcbReply<xcb_get_selection_owner_reply_t> owner(
            xcb_get_selection_owner_reply(connection, xcb_get_selection_owner(connection, selection),
                                          nullptr),
            &std::free);
        if (owner && owner->owner != XCB_NONE)
            return true;
    }
    return false;
}

bool TrayHost::nativeEventFilter(const QByteArray &eventType, void *message, qintptr *result)
{
    Q_UNUSED(result)
    if (eventType != "xcb_generic_event_t")
        return false;
    const auto *event = static_cast<const xcb_generic_event_t *>(message);
    if ((event->response_type & 0x7f) == XCB_CLIENT_MESSAGE
        && reinterpret_cast<const xcb_client_message_event_t *>(event)->type == m_managerAtom) {
        // Not from inside Qt's X event handling: isAvailable() talks to the X server and the bus.
        QMetaObject::invokeMethod(this, &TrayHost::appeared, Qt::QueuedConnection);
    }
    return false; // Qt's own tray tracking sees it too
}

} // namespace Liq
