// Desktop notifications against a real session bus: the test starts its own dbus-daemon, and a test
// service that owns org.freedesktop.Notifications records each call and can press a notification's
// action. Then the same without any service: each notification comes back undelivered, and
// unavailable() is said once.
#include "desktopnotifier.h"
#include "testsessionbus.h"

#include <QDBusConnection>
#include <QSignalSpy>
#include <QTest>

using namespace Liq;
using LiqTest::RecordingNotificationService;

class tst_DesktopNotifier final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void deliversWithIconUrgencyAndShowAction();
    void showActionAsksForTheTarget();
    void withoutAServiceEachNotificationComesBackAndUnavailableIsSaidOnce();
    void anAlertsUrgencyFollowsItsWeight();

private:
    LiqTest::SessionBus m_bus;
    QString m_address;
    RecordingNotificationService m_service;
};

void tst_DesktopNotifier::initTestCase()
{
    const QString started = m_bus.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    m_address = m_bus.address();
    const QString published = m_service.publish(m_address, QStringLiteral("service"));
    QVERIFY2(published.isEmpty(), qPrintable(published));
}

void tst_DesktopNotifier::cleanupTestCase()
{
    QDBusConnection::disconnectFromBus(QStringLiteral("service"));
    QDBusConnection::disconnectFromBus(QStringLiteral("app"));
    QDBusConnection::disconnectFromBus(QStringLiteral("lonely"));
}

void tst_DesktopNotifier::deliversWithIconUrgencyAndShowAction()
{
    DesktopNotifier notifier(QDBusConnection::connectToBus(m_address, QStringLiteral("app")));
    notifier.setApplication(QStringLiteral("io.liqscope.Liqscope"), QStringLiteral("io.liqscope.Liqscope"));
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
    QSignalSpy unavailable(&notifier, &DesktopNotifier::unavailable);
    const int before = int(m_service.calls.size());
    notifier.notify({QStringLiteral("Short squeeze on BTC"), QStringLiteral("Shorts took 82% of the hour"),
                     DesktopNotification::Urgency::Critical, QStringLiteral("BTC")});
    QTRY_COMPARE(delivered.size(), 1);
    QCOMPARE(m_service.calls.size(), before + 1);
    const RecordingNotificationService::Call &call = m_service.calls.last();
    QCOMPARE(call.summary, QStringLiteral("Short squeeze on BTC"));
    QCOMPARE(call.body, QStringLiteral("Shorts took 82% of the hour"));
    QCOMPARE(call.icon, QStringLiteral("io.liqscope.Liqscope"));
    QCOMPARE(call.hints.value(QStringLiteral("urgency")).toInt(), 2);
    QCOMPARE(call.hints.value(QStringLiteral("desktop-entry")).toString(),
             QStringLiteral("io.liqscope.Liqscope"));
    QCOMPARE(call.actions.size(), 2);
    QCOMPARE(call.actions.first(), QStringLiteral("default"));
    QCOMPARE(call.actions.last(), QStringLiteral("Show"));
    QVERIFY(notifier.isAvailable());
    QVERIFY(unavailable.isEmpty());

    notifier.notify({QStringLiteral("t"), QStringLiteral("b"), DesktopNotification::Urgency::Low, {}});
    QTRY_COMPARE(delivered.size(), 2);
    QCOMPARE(m_service.calls.last().hints.value(QStringLiteral("urgency")).toInt(), 0);
}

void tst_DesktopNotifier::showActionAsksForTheTarget()
{
    DesktopNotifier notifier(QDBusConnection::connectToBus(m_address, QStringLiteral("app")));
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
    QSignalSpy show(&notifier, &DesktopNotifier::showRequested);
    notifier.notify({QStringLiteral("Cascade"), QStringLiteral("$5M of ETH longs in 4 min"),
                     DesktopNotification::Urgency::Normal, QStringLiteral("ETH")});
    QTRY_COMPARE(delivered.size(), 1);
    const uint id = delivered.first().at(0).toUInt();
    emit m_service.ActionInvoked(id + 1000, QStringLiteral("default")); // someone else's notification
    emit m_service.ActionInvoked(id, QStringLiteral("default"));
    QTRY_COMPARE(show.size(), 1);
    QCOMPARE(show.first().at(0).toString(), QStringLiteral("ETH"));
    emit m_service.NotificationClosed(id, 2);
    emit m_service.ActionInvoked(id, QStringLiteral("default")); // closed: forgotten
    QSignalSpy more(&notifier, &DesktopNotifier::showRequested);
    delivered.clear();
    notifier.notify({QStringLiteral("fence"), {}, DesktopNotification::Urgency::Low, {}});
    QTRY_COMPARE(delivered.size(), 1); // the bus delivers in order: the signals above have arrived
    QCOMPARE(more.size(), 0);
}

void tst_DesktopNotifier::withoutAServiceEachNotificationComesBackAndUnavailableIsSaidOnce()
{
    m_service.unpublish();
    DesktopNotifier notifier(QDBusConnection::connectToBus(m_address, QStringLiteral("lonely")));
    QSignalSpy undelivered(&notifier, &DesktopNotifier::undelivered);
    QSignalSpy unavailable(&notifier, &DesktopNotifier::unavailable);
    notifier.notify(
        {QStringLiteral("First"), QStringLiteral("one"), DesktopNotification::Urgency::Normal, {}});
    notifier.notify(
        {QStringLiteral("Second"), QStringLiteral("two"), DesktopNotification::Urgency::Normal, {}});
    QTRY_COMPARE(undelivered.size(), 2);
    QCOMPARE(undelivered.at(0).at(0).value<DesktopNotification>().title, QStringLiteral("First"));
    QCOMPARE(undelivered.at(1).at(0).value<DesktopNotification>().title, QStringLiteral("Second"));
    QCOMPARE(unavailable.size(), 1);
    QVERIFY(unavailable.first().at(0).toString().contains(QLatin1String("unavailable")));
    QVERIFY(!notifier.isAvailable());

    // No bus at all: the same, at once.
    DesktopNotifier nowhere(QDBusConnection::connectToBus(QStringLiteral("unix:path=/nonexistent/bus"),
                                                          QStringLiteral("nowhere")));
    QSignalSpy lost(&nowhere, &DesktopNotifier::undelivered);
    nowhere.notify({QStringLiteral("x"), {}, DesktopNotification::Urgency::Low, {}});
    QCOMPARE(lost.size(), 1);
    QDBusConnection::disconnectFromBus(QStringLiteral("nowhere"));
}

void tst_DesktopNotifier::anAlertsUrgencyFollowsItsWeight()
{
    Alert alert;
    alert.title = QStringLiteral("Extreme short squeeze on BTC");
    alert.body = QStringLiteral("Shorts took 91%.");
    alert.coin = QStringLiteral("BTC");
    for (auto [weight, urgency] :
         {std::pair{AlertUrgency::Low, DesktopNotification::Urgency::Low},
          std::pair{AlertUrgency::Normal, DesktopNotification::Urgency::Normal},
          std::pair{AlertUrgency::Critical, DesktopNotification::Urgency::Critical}}) {
        alert.urgency = weight;
        const DesktopNotification shown = DesktopNotification::of(alert);
        QCOMPARE(shown.urgency, urgency);
        QCOMPARE(shown.title, alert.title);
        QCOMPARE(shown.body, alert.body);
        QCOMPARE(shown.target, QStringLiteral("BTC"));
    }
}

QTEST_GUILESS_MAIN(tst_DesktopNotifier)
#include "tst_desktopnotifier.moc"
