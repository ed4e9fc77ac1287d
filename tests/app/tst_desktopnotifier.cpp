// Desktop notifications against a real session bus: the test starts its own dbus-daemon, and a test
// service that owns org.freedesktop.Notifications records each call and can press a notification's
// action. Then the same without any service: each notification comes back undelivered, and
// unavailable() is said once.
#include "desktopnotifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Liq;

namespace {

// A minimal session bus: our own configuration, so the test needs dbus-daemon but no session.conf.
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

} // namespace

// What a notification daemon is to the application: Notify returns an id; ActionInvoked tells of a click.
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

public slots:
    uint Notify(const QString &appName, uint replacesId, const QString &icon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int timeout)
    {
        Q_UNUSED(replacesId)
        Q_UNUSED(timeout)
        calls.append({appName, icon, summary, body, actions, hints});
        return uint(100 + calls.size());
    }
    QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body")}; }

signals:
    void ActionInvoked(uint, const QString &); // id, action key
    void NotificationClosed(uint, uint); // id, reason
};

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
    QTemporaryDir m_dir;
    QProcess m_daemon;
    QString m_address;
    RecordingNotificationService m_service;
};

void tst_DesktopNotifier::initTestCase()
{
    const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
    QVERIFY2(!daemon.isEmpty(),
             "dbus-daemon not found: install Debian's dbus-daemon package (tools/dev deps)");
    const QString config = m_dir.filePath(QStringLiteral("bus.conf"));
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QString::fromLatin1(BusConfig).arg(m_dir.path()).toUtf8());
    file.close();
    m_daemon.start(daemon,
                   {QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"),
                    QStringLiteral("--print-address=1")});
    QVERIFY2(m_daemon.waitForStarted(), qPrintable(m_daemon.errorString()));
    QTRY_VERIFY(m_daemon.canReadLine());
    m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    QVERIFY(!m_address.isEmpty());

    QDBusConnection service = QDBusConnection::connectToBus(m_address, QStringLiteral("service"));
    QVERIFY2(service.isConnected(), qPrintable(service.lastError().message()));
    QVERIFY(service.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &m_service,
                                   QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
    QVERIFY(service.registerService(QStringLiteral("org.freedesktop.Notifications")));
}

void tst_DesktopNotifier::cleanupTestCase()
{
    QDBusConnection::disconnectFromBus(QStringLiteral("service"));
    QDBusConnection::disconnectFromBus(QStringLiteral("app"));
    QDBusConnection::disconnectFromBus(QStringLiteral("lonely"));
    m_daemon.kill();
    m_daemon.waitForFinished();
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
    QDBusConnection::connectToBus(m_address, QStringLiteral("service"))
        .unregisterService(QStringLiteral("org.freedesktop.Notifications"));
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
