#include "cli.h"

#include "alerts/alertcheck.h"
#include "alerts/alertjson.h"
#include "analysis/marketsummary.h"
#include "exchanges/streamcollect.h"
#include "feed/feedfetch.h"
#include "formats/csvwriter.h"
#include "formats/fileio.h"
#include "formats/snapshotfile.h"
#include "live/endpointpolicy.h"
#include "session/analysissettings.h"
#include "session/eventexport.h"
#include "session/storerecorder.h"
#include "store/eventstorefactory.h"
#include "usagetext.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <limits>

namespace Liq::Cli {
namespace {

struct OptionSet
{
    QCommandLineOption summary{
        QStringLiteral("summary"),
        QStringLiteral("Print the market summary of FILE (default: the bundled sample) "
                       "and exit. Needs no display.")};
    QCommandLineOption format{QStringLiteral("format"),
                              QStringLiteral("Summary output format: text (default) or json."),
                              QStringLiteral("text|json"), QStringLiteral("text")};
    QCommandLineOption alert{
        QStringLiteral("alert"),
        QStringLiteral("With --summary: say whether RULE holds on the data (repeatable). RULE is "
                       "squeeze>=mild|strong|extreme, liquidation>=AMOUNT, total:1h|4h|12h|24h>=AMOUNT, "
                       "cascade>=AMOUNT/MINUTESm or momentum=accelerating|fading; then optionally :long or "
                       ":short (the side liquidated) and @COIN or @binance|bybit|okx. AMOUNT is US dollars "
                       "such as 250k, 50M, 1.5B. Example: --alert 'squeeze>=strong:short@BTC'."),
        QStringLiteral("RULE")};
    QCommandLineOption feed{
        QStringLiteral("feed"),
        QStringLiteral("Read snapshots from an HTTP feed URL (live in the window; fetched "
                       "once with --summary)."),
        QStringLiteral("URL")};
    QCommandLineOption exchanges{
        QStringLiteral("exchanges"),
        QStringLiteral("Watch the free public liquidation streams of these exchanges (binance, bybit, okx, "
                       "comma-separated, or all). No key needed; totals are what was observed."),
        QStringLiteral("LIST")};
    QCommandLineOption collect{QStringLiteral("collect"),
                               QStringLiteral("With --summary --exchanges: listen this many seconds, then "
                                              "print (default 60)."),
                               QStringLiteral("S"), QStringLiteral("60")};
    QCommandLineOption endpoint{
        QStringLiteral("endpoint"),
        QStringLiteral("Override an exchange endpoint (repeatable): binance-usdm-ws, binance-coinm-ws, "
                       "binance-coinm-rest, bybit-linear-ws, bybit-inverse-ws, bybit-rest, okx-ws, okx-rest. "
                       "A WebSocket endpoint is the full URL; a REST one the base of the documented paths."),
        QStringLiteral("NAME=URL")};
    QCommandLineOption store{
        QStringLiteral("store"),
        QStringLiteral("The event store: with --summary or --export-events, what to read; in the "
                       "window, where the streams' liquidations are kept (read-only while "
                       "liqscope-collect writes it). A SQLite file, or a desk's PostgreSQL database as "
                       "postgresql://[user@]host[:port]/dbname (password in ~/.pgpass, never in the URI)."),
        QStringLiteral("FILE|URI")};
    QCommandLineOption exportEvents{
        QStringLiteral("export-events"),
        QStringLiteral("Write the store's liquidations of the last --since to CSV and exit."),
        QStringLiteral("CSV")};
    QCommandLineOption since{
        QStringLiteral("since"),
        QStringLiteral("With --export-events: how far back, e.g. 90m, 24h, 7d (default 24h)."),
        QStringLiteral("AGE"), QStringLiteral("24h")};
    QCommandLineOption interval{QStringLiteral("interval"),
                                QStringLiteral("Feed polling interval in seconds (minimum 1, default 10)."),
                                QStringLiteral("S"), QStringLiteral("10")};
    QCommandLineOption defaultThresholds{
        QStringLiteral("default-thresholds"),
        QStringLiteral("With --summary: judge with the built-in squeeze thresholds, not those saved in "
                       "Preferences.")};
    QCommandLineOption allowPlainHttp{
        QStringLiteral("allow-plain-http"),
        QStringLiteral("Allow plain http:// and ws:// to a host other than this computer (unencrypted).")};
    QCommandLineOption demo{QStringLiteral("demo"),
                            QStringLiteral("Start the local demo feed (liqscope-feed) and watch it live.")};
    QCommandLineOption screenshot{QStringLiteral("screenshot"),
                                  QStringLiteral("Render the window with FILE (default: the sample) to a PNG "
                                                 "and exit."),
                                  QStringLiteral("PNG")};
    QCommandLineOption size{QStringLiteral("size"),
                            QStringLiteral("Window size for --screenshot (default 1280x800)."),
                            QStringLiteral("WxH"), QStringLiteral("1280x800")};
    QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")},
                            QStringLiteral("Show this help and exit.")};
    QCommandLineOption version{{QStringLiteral("v"), QStringLiteral("version")},
                               QStringLiteral("Show the version and exit.")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.setApplicationDescription(
            QStringLiteral("Liqscope: long and short liquidations over the last 1h, 4h, 12h and 24h, "
                           "the squeeze signal they make, and what it means for the market."));
        parser.addOptions({summary, format, defaultThresholds, alert, feed, exchanges, collect, endpoint,
                           store, exportEvents, since, interval, allowPlainHttp, demo, screenshot, size, help,
                           version});
        parser.addPositionalArgument(
            QStringLiteral("FILE"),
            QStringLiteral(
                "A snapshot: Liqscope JSON, a CoinGlass coin-list or exchange-list response, or CSV "
                "(window,long_usd,short_usd[,symbol])."),
            QStringLiteral("[FILE]"));
    }
};

QString exitCodesText()
{
    return QStringLiteral("Exit status: 0 success, 1 bad input (message on stderr), 2 usage error, "
                          "3 network or feed error.\n");
}

std::optional<QSize> parseSize(const QString &text)
{
    const QStringList parts = text.toLower().split(QLatin1Char('x'));
    if (parts.size() != 2)
        return std::nullopt;
    bool okWidth = false;
    bool okHeight = false;
    const int width = parts.at(0).toInt(&okWidth);
    const int height = parts.at(1).toInt(&okHeight);
    if (!okWidth || !okHeight || width < 320 || height < 240 || width > 7680 || height > 4320)
        return std::nullopt;
    return QSize(width, height);
}

// "90m", "24h", "7d", "3600s" as seconds; nullopt otherwise.
std::optional<qint64> parseAge(const QString &text)
{
    static const QHash<QChar, qint64> unit{{u's', 1}, {u'm', 60}, {u'h', 3600}, {u'd', 86400}};
    const QString trimmed = text.trimmed().toLower();
    if (trimmed.size() < 2 || !unit.contains(trimmed.back()))
        return std::nullopt;
    bool ok = false;
    const qint64 count = trimmed.chopped(1).toLongLong(&ok);
    if (!ok || count <= 0 || count > 3650 * 86400 / unit.value(trimmed.back()))
        return std::nullopt;
    return count * unit.value(trimmed.back());
}

// --exchanges, --endpoint and --collect: the exchange streams as the live endpoint.
bool parseStreamOptions(const QCommandLineParser &parser, const OptionSet &set, Options *options,
                        QString *error)
{
    if (!parser.isSet(set.exchanges)) {
        *error = QStringLiteral("--endpoint and --collect need --exchanges.");
        return false;
    }
    if (parser.isSet(set.feed)) {
        *error = QStringLiteral("Give either --feed or --exchanges, not both.");
        return false;
    }
    ExchangeStreamsEndpoint streams;
    const auto exchanges = ExchangeEndpoints::parseExchangeList(parser.value(set.exchanges), error);
    if (!exchanges)
        return false;
    streams.exchanges = *exchanges;
    const auto overrides
        = ExchangeEndpoints::parseOverrides(parser.values(set.endpoint), options->live.allowPlain, error);
    if (!overrides)
        return false;
    streams.overrides = *overrides;
    bool ok = false;
    options->collectSeconds = parser.value(set.collect).toInt(&ok);
    if (!ok || options->collectSeconds < 1 || options->collectSeconds > 86400) {
        *error = QStringLiteral("--collect takes whole seconds from 1 to 86400, not '%1'.")
                     .arg(parser.value(set.collect));
        return false;
    }
    options->endpoint = streams;
    return true;
}

// --feed, --interval and --allow-plain-http: the URL is checked by the one endpoint policy here, so a
// scheme or host that the client would refuse is a usage error before anything starts.
bool parseLiveOptions(const QCommandLineParser &parser, const OptionSet &set, Options *options,
                      QString *error)
{
    bool intervalOk = false;
    const int seconds = parser.value(set.interval).toInt(&intervalOk);
    if (!intervalOk || seconds < 1 || seconds > 86400) {
        *error = QStringLiteral("--interval takes whole seconds from 1 to 86400, not '%1'.")
                     .arg(parser.value(set.interval));
        return false;
    }
    options->live.intervalMs = seconds * 1000;
    options->live.allowPlain = parser.isSet(set.allowPlainHttp);
    if (parser.isSet(set.exchanges) || parser.isSet(set.endpoint) || parser.isSet(set.collect))
        return parseStreamOptions(parser, set, options, error);
    if (!parser.isSet(set.feed))
        return true;
    const QUrl url = EndpointPolicy::fromUserInput(parser.value(set.feed), EndpointPolicy::Transport::Http);
    if (const auto refused
        = EndpointPolicy::refusal(url, EndpointPolicy::Transport::Http, options->live.allowPlain)) {
        *error = QStringLiteral("--feed: %1.").arg(*refused);
        return false;
    }
    options->endpoint = SnapshotUrlEndpoint{url};
    return true;
}

} // namespace

QString bundledSamplePath()
{
    return QStringLiteral(LIQSCOPE_SAMPLE_RESOURCE);
}

QString helpText()
{
    QCommandLineParser parser;
    OptionSet options;
    options.addTo(parser);
    return usageText(parser, QStringLiteral("liqscope")) + QLatin1Char('\n') + exitCodesText();
}

QString versionText()
{
    return QStringLiteral("liqscope " LIQSCOPE_VERSION_STRING "\n");
}

ParsedArguments parseArguments(const QStringList &arguments)
{
    ParsedArguments result;
    QCommandLineParser parser;
    OptionSet set;
    set.addTo(parser);
    if (!parser.parse(arguments)) {
        result.error = parser.errorText();
        return result;
    }

    Options &options = result.options;
    if (parser.isSet(set.help)) {
        options.mode = Mode::Help;
        return result;
    }
    if (parser.isSet(set.version)) {
        options.mode = Mode::Version;
        return result;
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        result.error = QStringLiteral("Too many files: %1 (give at most one).").arg(positional.join(u' '));
        return result;
    }
    options.snapshotPath = positional.value(0);

    const QString format = parser.value(set.format);
    if (format == u"text") {
        options.format = SummaryFormat::Text;
    } else if (format == u"json") {
        options.format = SummaryFormat::Json;
    } else {
        result.error = QStringLiteral("Unknown --format '%1': use text or json.").arg(format);
        return result;
    }

    if (!parseLiveOptions(parser, set, &options, &result.error))
        return result;
    options.demo = parser.isSet(set.demo);
    options.defaultThresholds = parser.isSet(set.defaultThresholds);
    options.screenshotPath = parser.value(set.screenshot);
    const auto size = parseSize(parser.value(set.size));
    if (!size) {
        result.error = QStringLiteral("--size takes WIDTHxHEIGHT between 320x240 and 7680x4320, not '%1'.")
                           .arg(parser.value(set.size));
        return result;
    }
    options.screenshotSize = *size;

    if (parser.isSet(set.summary)) {
        options.mode = Mode::Summary;
        if (options.demo || !options.screenshotPath.isEmpty()) {
            result.error = QStringLiteral("--summary cannot be combined with --demo or --screenshot.");
            return result;
        }
    } else if (parser.isSet(set.format) || options.defaultThresholds || parser.isSet(set.alert)) {
        result.error = QStringLiteral("--format, --default-thresholds and --alert only apply to --summary.");
        return result;
    }
    if (const auto rules = parseAlertRules(parser.values(set.alert), &result.error))
        options.alertRules = *rules;
    else
        return result;
    options.storePath = parser.value(set.store);
    options.exportEventsPath = parser.value(set.exportEvents);
    if (const auto age = parseAge(parser.value(set.since))) {
        options.sinceSeconds = *age;
    } else {
        result.error = QStringLiteral("--since takes an age like 90m, 24h or 7d, not '%1'.")
                           .arg(parser.value(set.since));
        return result;
    }
    if (!options.exportEventsPath.isEmpty()) {
        if (options.storePath.isEmpty() || options.mode == Mode::Summary) {
            result.error = QStringLiteral("--export-events needs --store FILE (and no --summary).");
            return result;
        }
        options.mode = Mode::ExportEvents;
    }
    if (!options.storePath.isEmpty() && !options.snapshotPath.isEmpty()) {
        result.error = QStringLiteral("Give either a FILE or --store, not both.");
        return result;
    }
    if (options.endpoint && !options.snapshotPath.isEmpty()) {
        result.error
            = QStringLiteral("Give either a FILE or a live source (--feed or --exchanges), not both.");
        return result;
    }
    if (options.demo && (options.endpoint || !options.snapshotPath.isEmpty())) {
        result.error = QStringLiteral("--demo starts its own feed: give no FILE and no --feed with it.");
        return result;
    }
    return result;
}

namespace {

// Reads the snapshot --summary describes: one fetch of the feed, a file, or the bundled sample.
// Returns the exit code to use when loading failed, Success otherwise.
int loadForSummary(const Options &options, LoadResult *loaded, QTextStream &err)
{
    if (const auto *streams
        = options.endpoint ? std::get_if<ExchangeStreamsEndpoint>(&*options.endpoint) : nullptr) {
        const StreamCollectResult collected = collectStreams(*streams, options.live, options.collectSeconds);
        if (!collected.delivered) {
            for (const LinkStatus &exchange : collected.status.links)
                err << exchange.name << QStringLiteral(": ")
                    << exchange.describe(QDateTime::currentDateTimeUtc()) << Qt::endl;
            return FeedError;
        }
        loaded->snapshot = collected.snapshot;
        return Success;
    }
    if (const auto *http
        = options.endpoint ? std::get_if<SnapshotUrlEndpoint>(&*options.endpoint) : nullptr) {
        const FeedFetchResult fetched = fetchOnce(*http, options.live);
        if (!fetched.ok()) {
            err << fetched.load.error.message << Qt::endl;
            return FeedError;
        }
        *loaded = fetched.load;
        return Success;
    }
    if (options.endpoint) {
        const FeedFetchResult fetched
            = fetchOnce(std::get<CoinGlassEndpoint>(*options.endpoint), options.live);
        if (!fetched.ok()) {
            err << fetched.load.error.message << Qt::endl;
            return FeedError;
        }
        *loaded = fetched.load;
        return Success;
    }
    if (!options.storePath.isEmpty()) {
        const std::unique_ptr<EventStore> store = openEventStore(options.storePath);
        if (const QString problem = store->open(false); !problem.isEmpty()) {
            err << problem << Qt::endl;
            return BadInput;
        }
        loaded->snapshot = StoreRefill::snapshot(*store);
        return Success;
    }
    const QString path = options.snapshotPath.isEmpty() ? bundledSamplePath() : options.snapshotPath;
    *loaded = SnapshotFile::load(path);
    if (!loaded->ok()) {
        err << loaded->error.message << Qt::endl;
        return BadInput;
    }
    return Success;
}

// The rules that hold, then the others, each with what the data says.
void writeAlertsText(const QList<Alerts::RuleResult> &alerts, QTextStream &out)
{
    const auto held = int(std::count_if(alerts.cbegin(), alerts.cend(),
                                        [](const Alerts::RuleResult &result) { return result.fired; }));
    out << QLatin1Char('\n')
        << QStringLiteral("Alerts: %1 of %2 rules hold now\n").arg(held).arg(alerts.size());
    for (const bool fired : {true, false}) {
        if (held == (fired ? 0 : int(alerts.size())))
            continue;
        out << (fired ? QStringLiteral("Holding:\n") : QStringLiteral("Not holding:\n"));
        for (const Alerts::RuleResult &result : alerts) {
            if (result.fired == fired)
                out << QStringLiteral("  ") << result.rule << QStringLiteral(": ") << result.text
                    << QLatin1Char('\n');
        }
    }
}

} // namespace

int runExportEvents(const Options &options, QTextStream &err)
{
    const qint64 since = QDateTime::currentMSecsSinceEpoch() - options.sinceSeconds * 1000;
    const EventExportResult result = exportStoredEvents(
        options.storePath, since, std::numeric_limits<qint64>::max(), options.exportEventsPath);
    if (!result.ok()) {
        err << result.error << Qt::endl;
        return BadInput;
    }
    return Success;
}

int runSummary(const Options &options, QTextStream &out, QTextStream &err)
{
    LoadResult loaded;
    if (const int code = loadForSummary(options, &loaded, err); code != Success)
        return code;

    // The same thresholds as the window (one analysis configuration), unless asked for the defaults.
    const AnalysisConfig config
        = options.defaultThresholds ? AnalysisConfig() : AnalysisSettings::loadSaved();
    const MarketAnalysis analysis = analyzeSnapshot(*loaded.snapshot, config);
    const QList<Alerts::RuleResult> alerts = Alerts::evaluate(options.alertRules, *loaded.snapshot, analysis);
    if (options.format == SummaryFormat::Json) {
        const QByteArray json = analysisToJson(*loaded.snapshot, analysis, loaded.warnings);
        out << QString::fromUtf8(options.alertRules.isEmpty() ? json : withAlertsJson(json, alerts));
        out.flush();
        return Success;
    }

    out << writeMarketSummary(*loaded.snapshot, analysis).toPlainText();
    const QStringList warnings = mergedWarnings(loaded.warnings, analysis);
    if (!warnings.isEmpty()) {
        out << QLatin1Char('\n') << QStringLiteral("Warnings:\n");
        for (const QString &warning : warnings)
            out << QStringLiteral("  - ") << warning << QLatin1Char('\n');
    }
    if (!alerts.isEmpty())
        writeAlertsText(alerts, out);
    out.flush();
    return Success;
}

} // namespace Liq::Cli
