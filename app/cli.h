#pragma once

#include "alerts/alertrule.h"
#include "live/liveendpoint.h"
#include "live/liveoptions.h"

#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

class QTextStream;

namespace Liq::Cli {

// Documented in --help and the README.
enum ExitCode : int { Success = 0, BadInput = 1, UsageError = 2, FeedError = 3 };

enum class Mode { Desktop, Summary, ExportEvents, Help, Version };
enum class SummaryFormat { Text, Json };

struct Options
{
    Mode mode = Mode::Desktop;
    SummaryFormat format = SummaryFormat::Text;
    QString snapshotPath; // empty: the bundled sample
    // --feed URL, checked by the endpoint policy, or --exchanges LIST with any --endpoint NAME=URL
    std::optional<LiveEndpoint> endpoint;
    int collectSeconds = 60; // --collect: how long --summary listens to the exchanges
    QString storePath; // --store: the event store to read (and, in the window, to keep streams in)
    QString exportEventsPath; // --export-events FILE.csv
    qint64 sinceSeconds = 24 * 3600; // --since: how far back --export-events goes
    LiveOptions live; // --interval, --allow-plain-http
    bool demo = false;
    // --summary reads the thresholds saved in Preferences, as the window does; --default-thresholds
    // uses the built-in defaults instead (for scripts that must not depend on a user's settings).
    bool defaultThresholds = false;
    // --alert RULE (repeatable, with --summary): report which of these hold on the data.
    QList<AlertRule> alertRules;
    QString screenshotPath;
    QSize screenshotSize{1280, 800};
};

struct ParsedArguments
{
    Options options;
    QString error; // non-empty: a usage error, to print with the help hint (exit 2)
};

// Parses argv (without the program name resolved by Qt: pass all of argv). Needs no application object,
// so main() can choose between a headless QCoreApplication and the desktop QApplication.
ParsedArguments parseArguments(const QStringList &arguments);

QString helpText();
QString versionText();

// The headless --summary path: prints the summary (text or JSON) of a file, the bundled sample or a feed.
int runSummary(const Options &options, QTextStream &out, QTextStream &err);

// --export-events: the store's events of the last --since to CSV (atomically).
int runExportEvents(const Options &options, QTextStream &err);

// Path of the sample bundled into the executable (a Qt resource).
QString bundledSamplePath();

} // namespace Liq::Cli
