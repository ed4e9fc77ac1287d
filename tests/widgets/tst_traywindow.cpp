// The window's alerts reaching the desktop, end to end, on the xcb platform (Xvfb) with a private session
// bus: a rule fires in the real window, the notification reaches a recording org.freedesktop.Notifications
// service, and its Show brings the window up scoped to the coin. The tray icon, as a test desktop shell
// (liqscope-test-shell) sees it over the bus: the live state in its tooltip, its menu hiding, showing,
// pausing and quitting the window; and closing the window with alerts on keeps Liqscope in the tray,
// asked once and remembered (alerts/closeToTray).
#include "alerts/alertrule.h"
#include "alertspanel.h"
#include "live/liveendpoint.h"
#include "live/liveoptions.h"
#include "mainwindow.h"
#include "session/alertcenter.h"
#include "session/dashboardsession.h"
#include "session/livesession.h"
#include "statusnotifierclient.h"
#include "testdesktopshell.h"
#include "testsessionbus.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDateTime>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Liq;
using LiqTest::DesktopShell;
using LiqTest::RecordingNotificationService;
using LiqTest::StatusNotifierClient;

namespace {

constexpr int WaitMs = 10000;
const QString CoinList = QStringLiteral(LIQSCOPE_TEST_DATA_DIR "/widgets/coin-list-market.json");
const QString CloseToTrayKey = QStringLiteral("alerts/closeToTray");

LiquidationEvent bigLongOn(const QString &coin)
{
    LiquidationEvent event;
    event.instrument = coin + QStringLiteral("USDT");
    event.coin = coin;
    event.side = LiquidatedSide::Long;
    event.price = 100;
    event.quantity = 1200;
    event.usd = 120000;
    event.exchangeTimeMs = QDateTime::currentMSecsSinceEpoch();
    event.receiveTimeMs = event.exchangeTimeMs;
    return event;
}

// Answers the next modal question with the button so labelled, when it comes; records what it asked.
class QuestionAnswerer final : public QObject
{
public:
    explicit QuestionAnswerer(const QString &button)
        : m_button(button)
    {
        connect(&m_poll, &QTimer::timeout, this, &QuestionAnswerer::look);
        m_poll.start(20);
    }
    int asked = 0;

private:
    void look()
    {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        for (QAbstractButton *button : box->buttons()) {
            if (button->text() == m_button) {
                ++asked;
                button->click();
                return;
            }
        }
    }

    QString m_button;
    QTimer m_poll;
};

} // namespace

class tst_TrayWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void anAlertReachesTheDesktopAndItsShowScopesTheWindow();
    void theTrayIconShowsTheLiveStateAndDrivesTheWindow();
    void closingWithAlertsOnStaysInTheTrayAskedOnce();
    void answeringQuitClosesAndIsRemembered();

private:
    static void watchForBigLiquidations(MainWindow &window);

    QTemporaryDir m_dir;
    QString m_address = qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
    DesktopShell m_shell;
    StatusNotifierClient m_panel{QDBusConnection::connectToBus(m_address, QStringLiteral("panel"))};
    RecordingNotificationService m_notifications;
};

void tst_TrayWindow::initTestCase()
{
    QCOMPARE(QGuiApplication::platformName(), QStringLiteral("xcb"));
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("LiqscopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_traywindow"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/liqscope-32.png")));
    QApplication::setQuitOnLastWindowClosed(false); // the test's windows come and go
    QCOMPARE(m_shell.start(), QString());
    QCOMPARE(m_notifications.publish(m_address, QStringLiteral("notifications")), QString());
}

void tst_TrayWindow::init()
{
    QSettings().clear();
}

void tst_TrayWindow::watchForBigLiquidations(MainWindow &window)
{
    AlertTiming timing = window.alertCenter()->engine()->timing();
    timing.burstGapMs = 0; // one liquidation is its whole burst: it fires at once
    window.alertCenter()->engine()->setTiming(timing);
    window.setAlertRules({{*AlertRule::parse(QStringLiteral("liquidation>=50k")), true}});
}

void tst_TrayWindow::anAlertReachesTheDesktopAndItsShowScopesTheWindow()
{
    MainWindow window(true);
    window.resize(1280, 800);
    QSignalSpy changed(window.session(), &DashboardSession::changed);
    window.openFile(CoinList);
    QVERIFY(changed.wait(WaitMs));
    QVERIFY(!window.session()->isScoped());
    watchForBigLiquidations(window);
    window.showMinimized();

    const qsizetype before = m_notifications.calls.size();
    window.alertCenter()->engine()->feedEvents({bigLongOn(QStringLiteral("BTC"))});
    QTRY_COMPARE_WITH_TIMEOUT(m_notifications.calls.size(), before + 1, WaitMs);
    const RecordingNotificationService::Call &call = m_notifications.calls.last();
    QVERIFY2(call.summary.contains(QLatin1String("BTC")), qPrintable(call.summary));
    QCOMPARE(call.actions.first(), QStringLiteral("default"));

    // The user clicks the notification's Show.
    emit m_notifications.ActionInvoked(uint(100 + m_notifications.calls.size()), QStringLiteral("default"));
    QTRY_VERIFY_WITH_TIMEOUT(window.session()->isScoped(), WaitMs);
    QCOMPARE(window.session()->scopedSnapshot().scope, QStringLiteral("BTC"));
    QVERIFY(window.isVisible());
    QVERIFY(!window.isMinimized());
}

void tst_TrayWindow::theTrayIconShowsTheLiveStateAndDrivesTheWindow()
{
    const QStringList before = m_panel.items();
    MainWindow window(true);
    window.show();
    watchForBigLiquidations(window);
    const QString item = m_panel.waitForNewItem(before, WaitMs);
    QVERIFY(!item.isEmpty());

    // The live state: a feed that cannot be reached, then none.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/snapshot.json").arg(closed.serverPort()));
    closed.close();
    window.connectFeed(SnapshotUrlEndpoint{url}, LiveOptions());
    const auto live = [&]() -> QString {
        return QStringLiteral("Liqscope: ")
            + window.liveSession()->status().shortText(QDateTime::currentDateTimeUtc());
    };
    QTRY_COMPARE_WITH_TIMEOUT(m_panel.toolTip(item).title, live(), WaitMs);
    QVERIFY(m_panel.toolTip(item).title != QLatin1String("Liqscope: Not live"));
    window.liveSession()->disconnectFeed();
    QTRY_COMPARE_WITH_TIMEOUT(m_panel.toolTip(item).title, QStringLiteral("Liqscope: Not live"), WaitMs);

    // Hide and show from the tray.
    QVERIFY(m_panel.click(item, m_panel.menuEntry(item, QStringLiteral("Hide Liqscope")).id));
    QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), WaitMs);
    QVERIFY(m_panel.click(item, m_panel.menuEntry(item, QStringLiteral("Show Liqscope")).id));
    QTRY_VERIFY_WITH_TIMEOUT(window.isVisible(), WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_panel.menuEntry(item, QStringLiteral("Hide Liqscope")).id != 0, WaitMs);

    // Pause alerts for an hour: the engine stops raising them and the Alerts tab says so.
    QVERIFY(m_panel.click(item, m_panel.menuEntry(item, QStringLiteral("Pause Alerts for 1 Hour")).id));
    QTRY_VERIFY_WITH_TIMEOUT(window.alertCenter()->isPaused(), WaitMs);
    QCOMPARE(window.alertsPanel()->stateLabel()->text(), QStringLiteral("paused"));
    QTRY_VERIFY_WITH_TIMEOUT(m_panel.menuEntry(item, QStringLiteral("Pause Alerts for 1 Hour")).checked,
                             WaitMs);

    // Quit: the window closes for good, even with alerts on and the tray chosen before.
    QSettings().setValue(CloseToTrayKey, true);
    QVERIFY(m_panel.click(item, m_panel.menuEntry(item, QStringLiteral("Quit")).id));
    QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), WaitMs);
    QVERIFY(window.alertCenter()->isActive());
}

void tst_TrayWindow::closingWithAlertsOnStaysInTheTrayAskedOnce()
{
    {
        MainWindow window(true);
        window.show();
        watchForBigLiquidations(window);
        QTRY_VERIFY_WITH_TIMEOUT(!m_panel.items().isEmpty(), WaitMs);
        QuestionAnswerer keep(QStringLiteral("Keep Running in the Tray"));
        QVERIFY(!window.close()); // kept: hidden, not closed
        QCOMPARE(keep.asked, 1);
        QVERIFY(!window.isVisible());
        QCOMPARE(QSettings().value(CloseToTrayKey).toBool(), true);

        window.show();
        QVERIFY(!window.close()); // not asked again
        QCOMPARE(keep.asked, 1);
        QVERIFY(!window.isVisible());
    }
    // Remembered by the next run.
    MainWindow restored(true);
    restored.show();
    QuestionAnswerer keep(QStringLiteral("Keep Running in the Tray"));
    QVERIFY(!restored.close());
    QCOMPARE(keep.asked, 0);

    // With no rule on, closing closes.
    restored.show();
    restored.setAlertRules({});
    QVERIFY(restored.close());
}

void tst_TrayWindow::answeringQuitClosesAndIsRemembered()
{
    MainWindow window(true);
    window.show();
    watchForBigLiquidations(window);
    QuestionAnswerer quit(QStringLiteral("Quit"));
    QVERIFY(window.close());
    QCOMPARE(quit.asked, 1);
    QCOMPARE(QSettings().value(CloseToTrayKey).toBool(), false);
    QVERIFY(QSettings().contains(CloseToTrayKey));

    window.show();
    QVERIFY(window.close()); // not asked again
    QCOMPARE(quit.asked, 1);
}

LIQTEST_MAIN_ON_PRIVATE_BUS(tst_TrayWindow)
#include "tst_traywindow.moc"
