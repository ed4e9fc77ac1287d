#pragma once
#include "live/liveendpoint.h"
#include "live/liveoptions.h"

#include <QSize>
#include <QString>

#include <optional>
class QApplication;
namespace Liq {
struct DesktopOptions
{
    QString snapshotPath; // open this file at start (empty: the bundled sample)
    QString screenshotPath; // non-empty: render the main window to this PNG and exit (0 ok, 1 load error)
    QSize screenshotSize{1280, 800};
    std::optional<LiveEndpoint> endpoint; // watch this live source at start (checked by the CLI)
    LiveOptions live; // its options, and the demo feed's
    bool demo = false; // start liqscope-feed on a free local port and watch it
    QString storePath; // --store: the event store (empty: the default one, opened when streams start)
};
int runDesktop(QApplication &app, const DesktopOptions &options);
} // namespace Liq
