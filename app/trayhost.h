#pragma once

#include <QAbstractNativeEventFilter>
#include <QDBusConnection>
#include <QObject>

namespace Liq {

// Whether the desktop has a tray for Liqscope's icon now, and a signal when one may have appeared (a panel
// that starts after Liqscope). Linux has two kinds: the D-Bus StatusNotifierItem tray (a host registered
// with org.kde.StatusNotifierWatcher: KDE, GNOME with AppIndicator, most Wayland panels) and the X11 XEmbed
// tray (a window owning the _NET_SYSTEM_TRAY_Sn selection). Qt 6.4 decides once per process, at the first
// QSystemTrayIcon or isSystemTrayAvailable(), whether its tray icons speak D-Bus; so this looks for both
// hosts itself and asks Qt only once one is there, which keeps a later StatusNotifier host usable.
class TrayHost final
    : public QObject
    , public QAbstractNativeEventFilter
{
    Q_OBJECT
public:
    explicit TrayHost(const QDBusConnection &bus = QDBusConnection::sessionBus(), QObject *parent = nullptr);
    ~TrayHost() override;

    // A host is there and Qt can put an icon in it.
    bool isAvailable() const;

    bool nativeEventFilter(const QByteArray &eventType, void *message, qintptr *result) override;

signals:
    void appeared(); // a host may have appeared: ask isAvailable()

private:
    bool statusNotifierHostReady() const;
    static bool xembedTrayOwned();

    QDBusConnection m_bus;
    quint32 m_managerAtom = 0; // X11 "MANAGER": a tray host announcing itself (0: not on X11)
};

} // namespace Liq
