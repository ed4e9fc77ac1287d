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

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("liqscope-feed"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LIQSCOPE_VERSION_STRING));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Serves simulated crypto liquidations for Liqscope on a local HTTP port:\n"
        "  /v1/snapshot                              Liqscope snapshot with a per-coin breakdown\n"
        "  /api/futures/liquidation/coin-list        CoinGlass v4 compatible (?exchange=Binance)\n"
        "  /api/futures/liquidation/exchange-list    CoinGlass v4 compatible (?range=1h&symbol=BTC)"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption hostOption(QStringLiteral("host"),
                                        QStringLiteral("Address to listen on (default 127.0.0.1)."),
                                        QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Port; 0 picks a free one (default 8787)."),
                                        QStringLiteral("port"), QStringLiteral("8787"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        QStringLiteral("Seed of the simulated market (default 1)."),
                                        QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption startOption(
        QStringLiteral("start"), QStringLiteral("Simulated clock start, ISO 8601 UTC (default: now)."),
        QStringLiteral("time"));
    const QCommandLineOption advanceOption(
        QStringLiteral("advance-per-request"),
        QStringLiteral(
            "Advance the simulated clock this many seconds per data request instead of in real time "
            "(0 freezes it)."),
        QStringLiteral("seconds"));
    const QCommandLineOption replayOption(
        QStringLiteral("replay"),
        QStringLiteral(
            "Serve these snapshot files in turn, one per request (repeat the option, or list more files "
            "after the options)."),
        QStringLiteral("file"));
    const QCommandLineOption keyOption(
        QStringLiteral("api-key-env"),
        QStringLiteral(
            "Require CG-API-KEY on the CoinGlass endpoints, with the key read from this environment "
            "variable (never from the command line)."),
        QStringLiteral("variable"));
    const QCommandLineOption quotaOption(
        QStringLiteral("quota"),
        QStringLiteral("CoinGlass requests allowed per minute before HTTP 429 "
                       "(default 600, 0 = unlimited)."),
        QStringLiteral("n"), QStringLiteral("600"));
    parser.addOptions({hostOption, portOption, seedOption, startOption, advanceOption, replayOption,
                       keyOption, quotaOption});
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("More replay files."),
                                 QStringLiteral("[files...]"));
    parser.process(app);

    const auto usageError = [&err](const QString &message) {
        err << "liqscope-feed: " << message << "\nTry 'liqscope-feed --help'.\n";
        return 2;
    };

    FeedServerConfig config;
    if (!config.host.setAddress(parser.value(hostOption)))
        return usageError(QStringLiteral("--host: not an IP address: %1").arg(parser.value(hostOption)));
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535)
        return usageError(QStringLiteral("--port: expected 0-65535, got %1").arg(parser.value(portOption)));
    config.port = quint16(port);
    config.seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok)
        return usageError(
            QStringLiteral("--seed: expected a non-negative integer, got %1").arg(parser.value(seedOption)));
    if (parser.isSet(startOption)) {
        const std::optional<QDateTime> start = parseIsoTime(parser.value(startOption));
        if (!start)
            return usageError(
                QStringLiteral("--start: expected an ISO 8601 time such as 2026-11-20T14:00:00Z, got %1")
                    .arg(parser.value(startOption)));
        config.start = *start;
    }
    if (parser.isSet(advanceOption)) {
        config.advancePerRequestSeconds = parser.value(advanceOption).toInt(&ok);
        if (!ok || config.advancePerRequestSeconds < 0)
            return usageError(QStringLiteral("--advance-per-request: expected seconds >= 0, got %1")
                                  .arg(parser.value(advanceOption)));
    }
    config.quotaPerMinute = parser.value(quotaOption).toInt(&ok);
    if (!ok || config.quotaPerMinute < 0)
        return usageError(
            QStringLiteral("--quota: expected a count >= 0, got %1").arg(parser.value(quotaOption)));
    if (parser.isSet(keyOption)) {
        const QString variable = parser.value(keyOption);
        config.apiKey = qgetenv(variable.toLocal8Bit().constData()).trimmed();
        if (config.apiKey.isEmpty())
            return usageError(QStringLiteral("--api-key-env: the environment variable %1 is empty or not set")
                                  .arg(variable));
    }

    QStringList replayFiles = parser.values(replayOption);
    if (!replayFiles.isEmpty())
        replayFiles += parser.positionalArguments();
    else if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument %1 (replay files follow --replay)")
                              .arg(parser.positionalArguments().constFirst()));
    for (const QString &file : std::as_const(replayFiles)) {
        const LoadResult loaded = SnapshotFile::load(file);
        if (!loaded.ok()) {
            err << "liqscope-feed: " << loaded.error.message << '\n';
            return 1;
        }
        config.replay.append(*loaded.snapshot);
    }

    FeedServer server(config);
    const quint16 listening = server.listen();
    if (listening == 0) {
        err << "liqscope-feed: cannot listen on " << config.host.toString() << " port " << config.port
            << '\n';
        return 1;
    }
    if (!config.host.isLoopback())
        err << "liqscope-feed: warning: listening on " << config.host.toString()
            << ", reachable from other machines\n";
    const QString host = config.host.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(config.host.toString())
        : config.host.toString();
    // Ctrl-C or kill: stop listening and exit 0, with the server's destructor run.
    TerminationSignals termination;
    QObject::connect(&termination, &TerminationSignals::received, &app, [&err](int signalNumber) {
        err << "liqscope-feed: stopping on " << TerminationSignals::name(signalNumber) << Qt::endl;
        QCoreApplication::quit();
    });
    out << "listening on http://" << host << ':' << listening
        << Qt::endl; // endl flushes: readers wait for it
    return app.exec();
}
