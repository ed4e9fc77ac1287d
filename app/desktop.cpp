#include "desktop.h"

#include "cli.h"
#include "domain/duration.h"
#include "errorbanner.h"
#include "formats/fileio.h"
#include "live/livestatus.h"
#include "mainwindow.h"
#include "pngexport.h"
#include "session/dashboardsession.h"
#include "session/livesession.h"
#include "session/storepicture.h"
#include "terminationsignals.h"

#include <QApplication>
#include <QEventLoop>
#include <QFile>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <optional>

namespace Liq {
namespace {

QIcon applicationIcon()
{
    QIcon icon;
    for (int size : {16, 32, 48, 128, 256}) {
        const QString path = QStringLiteral(":/icons/liqscope-%1.png").arg(size);
        if (QFile::exists(path))
            icon.addFile(path, QSize(size, size));
    }
    return icon;
}

// How long a --screenshot of a feed waits for its first snapshot.
constexpr int FirstSnapshotTimeoutMs = 10'000;

// Starts what the options ask for: a live source, the demo feed, or a file (the bundled sample by
// default). The endpoint was checked by the endpoint policy when the command line was parsed; a
// source that still refuses says so through its status.
// storeReading: the read of the store's picture that start-up began (--store without a feed).
void startSource(MainWindow &window, const DesktopOptions &options, const QString &path,
                 const std::optional<QFuture<StorePicture>> &storeReading)
{
    // --store: the streams keep their liquidations there; alone, the window shows what it holds.
    if (!options.storePath.isEmpty() && options.endpoint)
        window.useEventStore(options.storePath, options.screenshotPath.isEmpty());
    if (storeReading) {
        window.showStore(options.storePath, *storeReading);
        return;
    }
    if (options.endpoint)
        window.connectFeed(*options.endpoint, options.live);
    else if (options.demo)
        window.startDemo(options.live);
    else
        window.openFile(path);
}

// Starts the source, waits for its first data (a feed: at most FirstSnapshotTimeoutMs), renders the
// window and writes the PNG: 0 on success, 1 otherwise.
int takeScreenshot(QApplication &app, MainWindow &window, const QString &snapshotPath,
                   const DesktopOptions &options, const std::optional<QFuture<StorePicture>> &storeReading)
{
    QTextStream err(stderr);
    QString failure;
    QEventLoop loop;
    // A source may answer before the loop runs (a store's picture is read at once): done says so.
    bool done = false;
    auto finish = [&](const QString &problem) {
        failure = problem;
        done = true;
        loop.quit();
    };
    QObject::connect(window.session(), &DashboardSession::changed, &loop, [&] { finish({}); });
    QObject::connect(window.session(), &DashboardSession::loadFailed, &loop, finish);
    QObject::connect(window.liveSession(), &LiveSession::problem, &loop, finish);
    QObject::connect(window.liveSession(), &LiveSession::statusChanged, &loop, [&](const LiveStatus &status) {
        if (status.state == LiveState::Error)
            finish(status.describe(QDateTime::currentDateTimeUtc()));
    });
    const bool live = options.endpoint || options.demo;
    if (live) {
        QTimer::singleShot(FirstSnapshotTimeoutMs, &loop, [&] {
            finish(QStringLiteral("no snapshot from the feed within %1: %2")
                       .arg(formatDuration(FirstSnapshotTimeoutMs / 1000),
                            window.liveSession()->status().describe(QDateTime::currentDateTimeUtc())));
        });
    }
    startSource(window, options, snapshotPath, storeReading);
    if (!done)
        loop.exec();
    if (!failure.isEmpty() || !window.session()->hasSnapshot()) {
        err << "liqscope: " << failure << Qt::endl;
        return 1;
    }
    // Shown only now, with the data in: shown earlier, the event loop above would lay out and paint an
    // empty dashboard that nobody sees (a whole extra paint at start-up).
    // Updates stay off until the grab: the grab is the one paint this run needs, and a backing-store
    // paint of the same window first would double the drawing.
    window.setUpdatesEnabled(false);
    window.show();
    window.resize(options.screenshotSize);
    // Let layouts settle at the final size before grabbing (and the badge take the feed's state).
    for (int i = 0; i < 3; ++i)
        app.processEvents();
    window.setUpdatesEnabled(true);

    const QByteArray png = encodePng(window.grab());
    if (png.isEmpty()) {
        err << "liqscope: " << options.screenshotPath << ": cannot encode the screenshot as PNG" << Qt::endl;
        return 1;
    }
    QString error;
    if (!Formats::writeFileAtomically(options.screenshotPath, png, &error)) {
        err << "liqscope: " << error << Qt::endl;
        return 1;
    }
    return 0;
}

} // namespace

int runDesktop(QApplication &app, const DesktopOptions &options)
{
    const QString path = options.snapshotPath.isEmpty() ? Cli::bundledSamplePath() : options.snapshotPath;
    const bool screenshot = !options.screenshotPath.isEmpty();
    // A screenshot has no title bar to show the icon in, and reading five PNGs costs start-up time.
    if (!screenshot)
        app.setWindowIcon(applicationIcon());

    // A store's picture is read on a worker while the window is built: the two longest steps of such a
    // start, side by side.
    std::optional<QFuture<StorePicture>> storeReading;
    if (!options.storePath.isEmpty() && !options.endpoint && !options.demo)
        storeReading = startReadingStorePicture(options.storePath);

    // A screenshot reads the settings (theme, chart mode) but never writes them.
    MainWindow window(!screenshot);
    if (screenshot) {
        // Offscreen-safe: laid out and painted as if shown, never mapped on a real display.
        window.setAttribute(Qt::WA_DontShowOnScreen);
        window.resize(options.screenshotSize);
        return takeScreenshot(app, window, path, options, storeReading);
    }
    // A logout, `kill` or Ctrl-C in the launching terminal closes the window as the user would: the
    // settings are saved and the demo feed is stopped.
    TerminationSignals termination;
    QObject::connect(&termination, &TerminationSignals::received, &window, [&window] {
        window.close();
        QCoreApplication::quit(); // also ends a modal dialog's loop, and any other open window
    });
    window.show();
    startSource(window, options, path, storeReading);
    return app.exec();
}

} // namespace Liq
