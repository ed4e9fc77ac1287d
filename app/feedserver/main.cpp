// liqscope-feed: a local demo feed of simulated (or replayed) liquidations for Liqscope, speaking the
// Liqscope snapshot format and the CoinGlass v4 liquidation endpoints.
#include "domain/isotime.h"
#include "feedserver.h"
#include "formats/snapshotfile.h"
#include "terminationsignals.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace Liq;

namespace {

constexpr int Failure = 1; // a replay file that does not load, an address that cannot be listened on
constexpr int UsageError = 2;

// The command line, declared once so that the parser and the reading of the values agree.
struct CommandLine
{
    QCommandLineOption host{QStringLiteral("host"),
                            QStringLiteral("Address to listen on (default 127.0.0.1)."),
                            QStringLiteral("address"), QStringLiteral("127.0.0.1")};
    QCommandLineOption port{QStringLiteral("port"),
                            QStringLiteral("Port; 0 picks a free one (default 8787)."),
                            QStringLiteral("port"), QStringLiteral("8787")};
    QCommandLineOption seed{QStringLiteral("seed"),
                            QStringLiteral("Seed of the simulated market (default 1)."), QStringLiteral("n"),
                            QStringLiteral("1")};
    QCommandLineOption start{QStringLiteral("start"),
                             QStringLiteral("Simulated clock start, ISO 8601 UTC (default: now)."),
                             QStringLiteral("time")};
    QCommandLineOption advance{
        QStringLiteral("advance-per-request"),
        QStringLiteral(
            "Advance the simulated clock this many seconds per data request instead of in real time "
            "(0 freezes it)."),
        QStringLiteral("seconds")};
    QCommandLineOption replay{
        QStringLiteral("replay"),
        QStringLiteral(
            "Serve these snapshot files in turn, one per request (repeat the option, or list more files "
            "after the options)."),
        QStringLiteral("file")};
    QCommandLineOption key{
        QStringLiteral("api-key-env"),
        QStringLiteral(
            "Require CG-API-KEY on the CoinGlass endpoints, with the key read from this environment "
            "variable (never from the command line)."),
        QStringLiteral("variable")};
    QCommandLineOption quota{QStringLiteral("quota"),
                             QStringLiteral("CoinGlass requests allowed per minute before HTTP 429 "
                                            "(default 600, 0 = unlimited)."),
                             QStringLiteral("n"), QStringLiteral("600")};
};

void setUpParser(QCommandLineParser &parser, const CommandLine &options)
{
    parser.setApplicationDescription(QStringLiteral(
        "Serves simulated crypto liquidations for Liqscope on a local HTTP port:\n"
        "  /v1/snapshot                              Liqscope snapshot with a per-coin breakdown\n"
        "  /api/futures/liquidation/coin-list        CoinGlass v4 compatible (?exchange=Binance)\n"
        "  /api/futures/liquidation/exchange-list    CoinGlass v4 compatible (?range=1h&symbol=BTC)"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({options.host, options.port, options.seed, options.start, options.advance,
                       options.replay, options.key, options.quota});
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("More replay files."),
                                 QStringLiteral("[files...]"));
}

// Where the server listens and what its market is seeded with. False, with the message, on a usage error.
bool readAddressAndSeed(const QCommandLineParser &parser, const CommandLine &options,
                        FeedServerConfig &config, QString *error)
{
    if (!config.host.setAddress(parser.value(options.host))) {
        *error = QStringLiteral("--host: not an IP address: %1").arg(parser.value(options.host));
        return false;
    }
    bool ok = false;
    const uint port = parser.value(options.port).toUInt(&ok);
    if (!ok || port > 65535) {
        *error = QStringLiteral("--port: expected 0-65535, got %1").arg(parser.value(options.port));
        return false;
    }
    config.port = quint16(port);
    config.seed = parser.value(options.seed).toULongLong(&ok);
    if (!ok) {
        *error = QStringLiteral("--seed: expected a non-negative integer, got %1")
                     .arg(parser.value(options.seed));
        return false;
    }
    return true;
}

// The simulated clock: where it starts and how it advances.
bool readClock(const QCommandLineParser &parser, const CommandLine &options, FeedServerConfig &config,
               QString *error)
{
    if (parser.isSet(options.start)) {
        const std::optional<QDateTime> start = parseIsoTime(parser.value(options.start));
        if (!start) {
            *error = QStringLiteral("--start: expected an ISO 8601 time such as 2026-11-20T14:00:00Z, got %1")
                         .arg(parser.value(options.start));
            return false;
        }
        config.start = *start;
    }
    if (parser.isSet(options.advance)) {
        bool ok = false;
        config.advancePerRequestSeconds = parser.value(options.advance).toInt(&ok);
        if (!ok || config.advancePerRequestSeconds < 0) {
            *error = QStringLiteral("--advance-per-request: expected seconds >= 0, got %1")
                         .arg(parser.value(options.advance));
            return false;
        }
    }
    return true;
}

// The CoinGlass endpoints' quota and key.
bool readCoinGlassGate(const QCommandLineParser &parser, const CommandLine &options, FeedServerConfig &config,
                       QString *error)
{
    bool ok = false;
    config.quotaPerMinute = parser.value(options.quota).toInt(&ok);
    if (!ok || config.quotaPerMinute < 0) {
        *error = QStringLiteral("--quota: expected a count >= 0, got %1").arg(parser.value(options.quota));
        return false;
    }
    if (parser.isSet(options.key)) {
        const QString variable = parser.value(options.key);
        config.apiKey = qgetenv(variable.toLocal8Bit().constData()).trimmed();
        if (config.apiKey.isEmpty()) {
            *error = QStringLiteral("--api-key-env: the environment variable %1 is empty or not set")
                         .arg(variable);
            return false;
        }
    }
    return true;
}

// The files named by --replay and after the options; files without --replay are a usage error.
bool readReplayFiles(const QCommandLineParser &parser, const CommandLine &options, QStringList *files,
                     QString *error)
{
    *files = parser.values(options.replay);
    if (!files->isEmpty()) {
        *files += parser.positionalArguments();
    } else if (!parser.positionalArguments().isEmpty()) {
        *error = QStringLiteral("unexpected argument %1 (replay files follow --replay)")
                     .arg(parser.positionalArguments().constFirst());
        return false;
    }
    return true;
}

// Listens and runs until Ctrl-C or kill, which stop it with exit 0 and the server's destructor run.
int serve(QCoreApplication &app, const FeedServerConfig &config, QTextStream &out, QTextStream &err)
{
    FeedServer server(config);
    const quint16 listening = server.listen();
    if (listening == 0) {
        err << "liqscope-feed: cannot listen on " << config.host.toString() << " port " << config.port
            << '\n';
        return Failure;
    }
    if (!config.host.isLoopback())
        err << "liqscope-feed: warning: listening on " << config.host.toString()
            << ", reachable from other machines\n";
    const QString host = config.host.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(config.host.toString())
        : config.host.toString();
    TerminationSignals termination;
    QObject::connect(&termination, &TerminationSignals::received, &app, [&err](int signalNumber) {
        err << "liqscope-feed: stopping on " << TerminationSignals::name(signalNumber) << Qt::endl;
        QCoreApplication::quit();
    });
    out << "listening on http://" << host << ':' << listening
        << Qt::endl; // endl flushes: readers wait for it
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("liqscope-feed"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LIQSCOPE_VERSION_STRING));
    QTextStream out(stdout);
    QTextStream err(stderr);

    const CommandLine options;
    QCommandLineParser parser;
    setUpParser(parser, options);
    parser.process(app);

    FeedServerConfig config;
    QStringList replayFiles;
    QString error;
    if (!readAddressAndSeed(parser, options, config, &error) || !readClock(parser, options, config, &error)
        || !readCoinGlassGate(parser, options, config, &error)
        || !readReplayFiles(parser, options, &replayFiles, &error)) {
        err << "liqscope-feed: " << error << "\nTry 'liqscope-feed --help'.\n";
        return UsageError;
    }
    for (const QString &file : std::as_const(replayFiles)) {
        const LoadResult loaded = SnapshotFile::load(file);
        if (!loaded.ok()) {
            err << "liqscope-feed: " << loaded.error.message << '\n';
            return Failure;
        }
        config.replay.append(*loaded.snapshot);
    }
    return serve(app, config, out, err);
}
