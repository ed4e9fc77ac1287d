// Idle live harness for tools/bench: the dashboard window (offscreen) fed by a FeedClient polling a
// snapshot URL straight into its DashboardSession (FeedClient -> DashboardSession -> widgets), without
// the LiveSession a live window adds (history, coalescing). tools/bench measures this process from
// outside (/proc/<pid>/stat, VmRSS), the same way it measures `liqscope --feed`, so both figures are
// comparable.
//   bench_idlefeed URL [--interval SECONDS]
// Runs until terminated; exits 1 when the feed cannot be reached within 10 s.
#include "feed/feedclient.h"
#include "mainwindow.h"
#include "session/dashboardsession.h"

#include <QApplication>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

using namespace Liq;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        err << "usage: bench_idlefeed URL [--interval SECONDS]" << Qt::endl;
        return 2;
    }
    int intervalSeconds = 1;
    const int intervalIndex = int(arguments.indexOf(QStringLiteral("--interval")));
    if (intervalIndex > 0 && intervalIndex + 1 < arguments.size())
        intervalSeconds = qMax(1, arguments.at(intervalIndex + 1).toInt());

    QStandardPaths::setTestModeEnabled(true); // never the user's settings
    MainWindow window(false);
    window.setAttribute(Qt::WA_DontShowOnScreen);
    window.resize(1280, 800);
    window.show();

    FeedClient client;
    client.setEndpoint(SnapshotUrlEndpoint{QUrl(arguments.at(1))});
    LiveOptions options;
    options.intervalMs = intervalSeconds * 1000;
    client.setOptions(options);
    int received = 0;
    QObject scope; // context of both connections below: they end before the locals they capture
    QObject::connect(
        &client, &FeedClient::snapshotReceived, &scope,
        [&](const LiquidationSnapshot &snapshot, const QStringList &warnings, const QString &origin) {
            ++received;
            window.session()->setSnapshot(snapshot, warnings, origin);
        });
    QTimer::singleShot(10'000, &scope, [&] {
        if (received == 0) {
            err << "bench_idlefeed: no snapshot from " << arguments.at(1)
                << " within 10 s: " << client.lastError().message << Qt::endl;
            app.exit(1);
        }
    });
    client.start();
    return app.exec();
}
