#pragma once

#include <QDBusConnection>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace LiqTest {

// One entry of a tray item's menu as a desktop shell reads it (com.canonical.dbusmenu GetLayout).
struct TrayMenuEntry
{
    int id = 0;
    QString label; // without the mnemonic's underscore: "Hide Liqscope"
    bool separator = false;
    bool enabled = true;
    bool checkable = false;
    bool checked = false;
};

// A tray item's tooltip (the StatusNotifierItem ToolTip property: icon name, title, text).
struct TrayToolTip
{
    QString title;
    QString text;
};

// What a desktop shell does with the tray items registered with its org.kde.StatusNotifierWatcher: list
// them, read their properties, read and click their menus, activate them. Every call blocks in a local
// event loop (QDBus::BlockWithGui), so the item may live in the calling process.
class StatusNotifierClient
{
public:
    explicit StatusNotifierClient(const QDBusConnection &bus)
        : m_bus(bus)
    { }

    // "service/path" of each registered item (the watcher's RegisteredStatusNotifierItems).
    QStringList items() const;
    // The first item registered that is not in before, waiting up to timeoutMs; empty when none came.
    QString waitForNewItem(const QStringList &before, int timeoutMs) const;
    QVariant itemProperty(const QString &item, const QString &name) const;
    TrayToolTip toolTip(const QString &item) const;
    QString status(const QString &item) const
    {
        return itemProperty(item, QStringLiteral("Status")).toString();
    }
    QList<TrayMenuEntry> menu(const QString &item) const;
    // The entry labelled so (without the underscore), or an entry with id 0 when there is none.
    TrayMenuEntry menuEntry(const QString &item, const QString &label) const;
    // Clicks a menu entry (dbusmenu Event "clicked"); false when the call failed.
    bool click(const QString &item, int id) const;
    // A left click on the icon (StatusNotifierItem Activate).
    bool activate(const QString &item) const;
    // Registers a host with the watcher (a panel starting).
    bool registerHost() const;
    QString lastError() const { return m_lastError; }

private:
    QVariant get(const QString &service, const QString &path, const QString &interface,
                 const QString &name) const;
    bool callOk(const QDBusMessage &call) const;

    QDBusConnection m_bus;
    mutable QString m_lastError;
};

} // namespace LiqTest
