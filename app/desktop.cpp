#include "desktop.h"

#include "mainwindow.h"
#include "session/dashboardsession.h"

#include <QApplication>
#include <QBuffer>
#include <QEventLoop>
#include <QFile>
#include <QSaveFile>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

namespace Liq {
namespace {

const QString BundledSample = QStringLiteral(":/sample/seed-market.liqscope");

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

// Loads, waits for the result, renders the window and writes the PNG: 0 on success, 1 otherwise.
int takeScreenshot(QApplication &app, MainWindow &window, const QString &snapshotPath,
                   const DesktopOptions &options)
{
    QTextStream err(stderr);
    QString failure;
    QEventLoop loop;
    QObject::connect(window.session(), &DashboardSession::changed, &loop, &QEventLoop::quit);
    QObject::connect(window.session(), &DashboardSession::loadFailed, &loop, [&](const QString &message) {
        failure = message;
        loop.quit();
    });
    window.openFile(snapshotPath);
    loop.exec();
    if (!failure.isEmpty()) {
        err << "liqscope: " << failure << Qt::endl;
        return 1;
    }
    // Let layouts settle at the final size before grabbing.
    for (int i = 0; i < 3; ++i)
        app.processEvents();

    const QPixmap pixmap = window.grab();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QSaveFile file(options.screenshotPath);
    if (!pixmap.save(&buffer, "PNG") || !file.open(QIODevice::WriteOnly) || file.write(png) != png.size()
        || !file.commit()) {
        err << "liqscope: " << options.screenshotPath
            << ": cannot write the screenshot: " << file.errorString() << Qt::endl;
        return 1;
    }
    return 0;
}

} // namespace

int runDesktop(QApplication &app, const DesktopOptions &options)
{
    app.setWindowIcon(applicationIcon());
    const QString path = options.snapshotPath.isEmpty() ? BundledSample : options.snapshotPath;
    const bool screenshot = !options.screenshotPath.isEmpty();

    // A screenshot reads the settings (theme, chart mode) but never writes them.
    MainWindow window(!screenshot);
    if (screenshot) {
        // Offscreen-safe: laid out and painted as if shown, never mapped on a real display.
        window.setAttribute(Qt::WA_DontShowOnScreen);
        window.resize(options.screenshotSize);
        window.show();
        window.resize(options.screenshotSize);
        return takeScreenshot(app, window, path, options);
    }
    window.show();
    window.openFile(path);
    return app.exec();
}

} // namespace Liq
