// End to end: the liqscope window, as a child process, asked to stop by a signal, shuts down the
// way closing it does: exit code 0 and its settings saved. And `liqscope --store FILE --screenshot` on a
// store nobody writes (its picture is read at once) grabs and exits instead of waiting for ever.
#include "store/sqliteeventstore.h"

#include <QDateTime>
#include <QFileInfo>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

namespace {

const QString Program = QStringLiteral(LIQSCOPE_EXECUTABLE);

} // namespace

class tst_DesktopShutdown final : public QObject
{
    Q_OBJECT

private slots:
    void stopsLikeClosingTheWindow_data();
    void stopsLikeClosingTheWindow();
    void screenshotOfAStoreNobodyWrites();
};

void tst_DesktopShutdown::stopsLikeClosingTheWindow_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGHUP") << int(SIGHUP);
}

void tst_DesktopShutdown::stopsLikeClosingTheWindow()
{
    QFETCH(int, signalNumber);
    const QTemporaryDir home;
    QVERIFY(home.isValid());

    // The app's first feed request tells that its window is up and its event loop running. The
    // request is left unanswered, so the signal also meets a request in flight.
    QTcpServer feed;
    QVERIFY(feed.listen(QHostAddress::LocalHost));
    QSignalSpy connected(&feed, &QTcpServer::newConnection);

    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    app.setProcessEnvironment(environment);
    app.start(
        Program,
        {QStringLiteral("--feed"), QStringLiteral("http://127.0.0.1:%1/v1/snapshot").arg(feed.serverPort())});
    QVERIFY2(app.waitForStarted(10'000), qPrintable(app.errorString()));
    QVERIFY2(connected.wait(30'000), "the app made no feed request");

    QCOMPARE(::kill(pid_t(app.processId()), signalNumber), 0);
    QVERIFY2(app.waitForFinished(30'000), "the app did not stop");
    const QByteArray errors = app.readAllStandardError();
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QVERIFY2(app.exitCode() == 0, errors.constData());

    // Saved on the way out, as closeEvent does.
    const QString path = home.filePath(QStringLiteral("config/Liqscope/Liqscope.conf"));
    QVERIFY2(QFile::exists(path), qPrintable(path));
    const QSettings settings(path, QSettings::IniFormat);
    QVERIFY(!settings.value(QStringLiteral("window/geometry")).toByteArray().isEmpty());
    QCOMPARE(settings.value(QStringLiteral("view/chartMode")).toString(), QStringLiteral("windows"));
}

void tst_DesktopShutdown::screenshotOfAStoreNobodyWrites()
{
    const QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString path = home.filePath(QStringLiteral("events.sqlite"));
    {
        Liq::SqliteEventStore store(path);
        QCOMPARE(store.open(true), QString());
        Liq::LiquidationEvent event;
        event.exchange = Liq::Exchange::Binance;
        event.instrument = QStringLiteral("BTCUSDT");
        event.coin = QStringLiteral("BTC");
        event.price = 50000;
        event.quantity = 2;
        event.usd = 100000;
        event.exchangeTimeMs = QDateTime::currentMSecsSinceEpoch() - 60000;
        event.receiveTimeMs = event.exchangeTimeMs;
        store.append({event});
        QVERIFY(store.flush());
    }
    const QString png = home.filePath(QStringLiteral("store.png"));
    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    app.setProcessEnvironment(environment);
    app.start(Program, {QStringLiteral("--store"), path, QStringLiteral("--screenshot"), png});
    QVERIFY2(app.waitForFinished(60'000), "liqscope --store --screenshot did not finish");
    QCOMPARE(app.exitCode(), 0);
    QVERIFY(QFileInfo(png).size() > 0);
}

QTEST_GUILESS_MAIN(tst_DesktopShutdown)
#include "tst_desktopshutdown.moc"
