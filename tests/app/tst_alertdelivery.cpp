// AlertDelivery's tray icon and its fallback, as a desktop sees them: on the xcb platform (Xvfb), with a
// private session bus on which a test desktop shell (liqscope-test-shell, org.kde.StatusNotifierWatcher)
// receives the icon that Qt exports as a StatusNotifierItem. The test reads the icon's tooltip and status
// and clicks its menu (com.canonical.dbusmenu) over the bus, as a panel would. The shell starts after the
// first AlertDelivery, as a panel that starts late: the icon must appear then.
#include "alertdelivery.h"
#include "statusnotifierclient.h"
#include "testdesktopshell.h"
#include "testsessionbus.h"

#include <QApplication>
#include <QDBusConnection>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

using namespace Liq;
using LiqTest::DesktopShell;
using LiqTest::RecordingNotificationService;
using LiqTest::StatusNotifierClient;

namespace {

constexpr int WaitMs = 10000;

Alert alertOn(const QString &coin, const QString &title)
{
    Alert alert;
    alert.rule = QStringLiteral("liquidation>=50k");
    alert.title = title;
    alert.body = QStringLiteral("A long position of $120K was closed.");
    alert.coin = coin;
    alert.urgency = AlertUrgency::Normal;
    return alert;
}

} // namespace

class tst_AlertDelivery final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void aTrayHostThatAppearsLaterGetsTheIcon();
    void theToolTipShowsTheLiveState();
    void theMenuShowsOrHidesPausesAndQuits();
    void withoutANotificationServiceTheTrayShowsTheAlert();
    void aNotificationsShowAsksForItsCoin();

private:
    QString m_address = qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
    DesktopShell m_shell;
    StatusNotifierClient m_panel{QDBusConnection::connectToBus(m_address, QStringLiteral("panel"))};
    RecordingNotificationService m_notifications;
};

void tst_AlertDelivery::initTestCase()
{
    QCOMPARE(QGuiApplication::platformName(), QStringLiteral("xcb"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/liqscope-32.png"))); // as runDesktop does
    QVERIFY(!QApplication::windowIcon().isNull());
    QVERIFY(QDBusConnection::sessionBus().isConnected());
}

void tst_AlertDelivery::aTrayHostThatAppearsLaterGetsTheIcon()
{
    AlertDelivery early;
    QCOMPARE(early.tray(), nullptr); // no tray host yet: no icon

    // A panel starts: its watcher first, its host a moment later.
    QCOMPARE(m_shell.start(DesktopShell::Host::Later), QString());
    QCOMPARE(early.tray(), nullptr);
    QVERIFY2(m_panel.registerHost(), qPrintable(m_panel.lastError()));
    QTRY_VERIFY_WITH_TIMEOUT(early.tray() != nullptr, WaitMs);
    QVERIFY(early.tray()->isVisible());
    const QString item = m_panel.waitForNewItem({}, WaitMs);
    QVERIFY(!item.isEmpty());
    QCOMPARE(m_panel.toolTip(item).title, QStringLiteral("Liqscope"));

    // With the host there from the start, the icon is made at once.
    AlertDelivery later;
    QVERIFY(later.tray() != nullptr);
}

void tst_AlertDelivery::theToolTipShowsTheLiveState()
{
    const QStringList before = m_panel.items();
    AlertDelivery delivery;
    const QString item = m_panel.waitForNewItem(before, WaitMs);
    QVERIFY(!item.isEmpty());
    delivery.setToolTip(QStringLiteral("Liqscope: Live, 3 exchanges"));
    QTRY_COMPARE_WITH_TIMEOUT(m_panel.toolTip(item).title, QStringLiteral("Liqscope: Live, 3 exchanges"),
                              WaitMs);
    QCOMPARE(m_panel.status(item), QStringLiteral("Active"));
}

void tst_AlertDelivery::theMenuShowsOrHidesPausesAndQuits()
{
    const QStringList before = m_panel.items();
    AlertDelivery delivery;
    QSignalSpy toggle(&delivery, &AlertDelivery::toggleWindowRequested);
    QSignalSpy pause(&delivery, &AlertDelivery::pauseRequested);
    QSignalSpy quit(&delivery, &AlertDelivery::quitRequested);
    const QString item = m_panel.waitForNewItem(before, WaitMs);
    QVERIFY(!item.isEmpty());

    QStringList labels;
    for (const LiqTest::TrayMenuEntry &entry : m_panel.menu(item))
        labels << (entry.separator ? QStringLiteral("-") : entry.label);
    QCOMPARE(labels,
             (QStringList{QStringLiteral("Hide Liqscope"), QStringLiteral("Pause Alerts for 1 Hour"),
                          QStringLiteral("-"), QStringLiteral("Quit")}));

    QVERIFY(m_panel.click(item, m_panel.menuEntry(item, QStringLiteral("Hide Liqscope")).id));
    QTRY_COMPARE_WITH_TIMEOUT(toggle.size(), 1, WaitMs);
    delivery.setWindowShown(false); // what the window says once hidden
    QTRY_VERIFY_WITH_TIMEOUT(m_panel.menuEntry(item, QStringLiteral("Show Liqscope")).id != 0, WaitMs);
    QVERIFY(m_panel.activate(item)); // a click on the icon itself
    QTRY_COMPARE_WITH_TIMEOUT(toggle.size(), 2, WaitMs);

    const LiqTest::TrayMenuEntry pauseEntry
        = m_panel.menuEntry(item, QStringLiteral("Pause Alerts for 1 Hour"));
    QVERIFY(pauseEntry.checkable);
    QVERIFY(!pauseEntry.checked);
    QVERIFY(m_panel.click(item, pauseEntry.id));
    QTRY_COMPARE_WITH_TIMEOUT(pause.size(), 1, WaitMs);
    QCOMPARE(pause.first().at(0).toBool(), true);
    QTRY_VERIFY_WITH_TIMEOUT(m_panel.menuEntry(item, QStringLiteral("Pause Alerts for 1 Hour")).checked,
                             WaitMs);
    delivery.setPaused(false); // the pause ended (or was lifted in the Alerts tab)
    QTRY_VERIFY_WITH_TIMEOUT(!m_panel.menuEntry(item, QStringLiteral("Pause Alerts for 1 Hour")).checked,
                             WaitMs);
    QCOMPARE(pause.size(), 1); // saying so is not asking for it

    QVERIFY(m_panel.click(item, m_panel.menuEntry(item, QStringLiteral("Quit")).id));
    QTRY_COMPARE_WITH_TIMEOUT(quit.size(), 1, WaitMs);
    QCOMPARE(toggle.size(), 2);
}

void tst_AlertDelivery::withoutANotificationServiceTheTrayShowsTheAlert()
{
    const QStringList before = m_panel.items();
    AlertDelivery delivery;
    QSignalSpy unavailable(&delivery, &AlertDelivery::unavailable);
    const QString item = m_panel.waitForNewItem(before, WaitMs);
    QVERIFY(!item.isEmpty());
    QCOMPARE(m_panel.status(item), QStringLiteral("Active"));

    // No org.freedesktop.Notifications on this bus: the icon asks for attention with the alert instead.
    delivery.deliver(alertOn(QStringLiteral("BTC"), QStringLiteral("Liquidation of $120.00K on BTC")));
    QTRY_COMPARE_WITH_TIMEOUT(unavailable.size(), 1, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_panel.status(item), QStringLiteral("NeedsAttention"), WaitMs);
    QCOMPARE(m_panel.toolTip(item).title, QStringLiteral("Liquidation of $120.00K on BTC"));
    QCOMPARE(m_panel.toolTip(item).text, QStringLiteral("A long position of $120K was closed."));

    delivery.deliver(alertOn(QStringLiteral("ETH"), QStringLiteral("Liquidation of $90.00K on ETH")));
    QTRY_COMPARE_WITH_TIMEOUT(m_panel.toolTip(item).title, QStringLiteral("Liquidation of $90.00K on ETH"),
                              WaitMs);
    QCOMPARE(unavailable.size(), 1); // said once

    // A click on that message (Qt's D-Bus tray hears it as an ActionInvoked) shows the last alert's coin.
    QSignalSpy show(&delivery, &AlertDelivery::showRequested);
    QCOMPARE(m_notifications.publish(m_address, QStringLiteral("notifications")), QString());
    emit m_notifications.ActionInvoked(7, QStringLiteral("default"));
    QTRY_COMPARE_WITH_TIMEOUT(show.size(), 1, WaitMs);
    QCOMPARE(show.first().at(0).toString(), QStringLiteral("ETH"));
    m_notifications.unpublish();
}

void tst_AlertDelivery::aNotificationsShowAsksForItsCoin()
{
    QCOMPARE(m_notifications.publish(m_address, QStringLiteral("notifications")), QString());
    const QStringList before = m_panel.items();
    AlertDelivery delivery;
    const QString item = m_panel.waitForNewItem(before, WaitMs);
    QVERIFY(!item.isEmpty());
    QSignalSpy show(&delivery, &AlertDelivery::showRequested);
    QSignalSpy unavailable(&delivery, &AlertDelivery::unavailable);
    delivery.deliver(alertOn(QStringLiteral("SOL"), QStringLiteral("Liquidation of $75.00K on SOL")));
    QTRY_COMPARE_WITH_TIMEOUT(m_notifications.calls.size(), 1, WaitMs);
    QCOMPARE(m_notifications.calls.last().summary, QStringLiteral("Liquidation of $75.00K on SOL"));
    // The service has answered with the id (sent before this signal, so it arrives first): click Show.
    emit m_notifications.ActionInvoked(uint(100 + m_notifications.calls.size()), QStringLiteral("default"));
    QTRY_COMPARE_WITH_TIMEOUT(show.size(), 1, WaitMs);
    QCOMPARE(show.first().at(0).toString(), QStringLiteral("SOL"));
    // The tray icon's own connection heard that ActionInvoked too, before this call to the icon: it is not
    // a second Show (the whole market) after the coin's.
    QCOMPARE(m_panel.toolTip(item).title, QStringLiteral("Liqscope"));
    QCOMPARE(show.size(), 1);
    QVERIFY(unavailable.isEmpty());
    m_notifications.unpublish();
}

LIQTEST_MAIN_ON_PRIVATE_BUS(tst_AlertDelivery)
#include "tst_alertdelivery.moc"
