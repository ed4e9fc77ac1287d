#pragma once
#include <QSize>
#include <QString>
class QApplication;
namespace Liq {
struct DesktopOptions
{
    QString snapshotPath; // open this file at start (empty: the bundled sample)
    QString screenshotPath; // non-empty: render the main window to this PNG and exit (0 ok, 1 load error)
    QSize screenshotSize{1280, 800};
    QString feedUrl; // later: live feed (the feed helper/lead wire it); ignore for now
    int feedIntervalSeconds = 10;
    bool demo = false; // later: start the demo feed
};
int runDesktop(QApplication &app, const DesktopOptions &options);
} // namespace Liq
