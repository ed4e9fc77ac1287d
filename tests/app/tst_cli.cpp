#include "analysis/marketanalysis.h"
#include "cli.h"
#include "formats/snapshotfile.h"
#include "session/analysissettings.h"
#include "store/sqliteeventstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Liq::Cli;
using namespace Liq;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Where the child's QSettings live: a folder of the test's, never the user's saved preferences.
QString g_configHome;

Run runLiqscope(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), g_configHome);
    // --summary must not need a display: take the display away entirely.
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(LIQSCOPE_EXECUTABLE), arguments);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return path;
}

} // namespace

class TestCli final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_configHome.isValid());
        g_configHome = m_configHome.path();
    }

    // A store a collector is writing now: its summary ends now, observed and with both breakdowns; the
    // export has exactly the events of the range asked for.
    void summaryAndExportFromAStore()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("events.sqlite"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        {
            SqliteEventStore store(path);
            QCOMPARE(store.open(true), QString());
            QList<LiquidationEvent> events;
            for (int i = 0; i < 6; ++i) {
                LiquidationEvent event;
                event.exchange = i % 2 ? Exchange::Okx : Exchange::Binance;
                event.market = i % 2 ? MarketKind::Swap : MarketKind::UsdM;
                event.instrument = QStringLiteral("BTCUSDT");
                event.coin = i < 3 ? QStringLiteral("BTC") : QStringLiteral("ETH");
                event.side = i % 3 ? LiquidatedSide::Short : LiquidatedSide::Long;
                event.price = 100;
                event.usd = 1000.0 * (i + 1);
                event.quantity = event.usd / event.price;
                // Three in the last 10 minutes, three 3 hours ago (in the day's minute totals).
                event.exchangeTimeMs = now - (i < 3 ? 600'000 : 3 * 3'600'000) + i;
                event.receiveTimeMs = event.exchangeTimeMs;
                events << event;
            }
            store.append(events);
            store.recordCoverage(Exchange::Binance, now - 5 * 3'600'000, now);
            store.recordCoverage(Exchange::Okx, now - 5 * 3'600'000, now);
            QVERIFY(store.flush());
        }
        const Run summary
            = runLiqscope({QStringLiteral("--summary"), QStringLiteral("--format"), QStringLiteral("json"),
                           QStringLiteral("--default-thresholds"), QStringLiteral("--store"), path});
        QCOMPARE(summary.exitCode, int(Success));
        const QJsonObject json = QJsonDocument::fromJson(summary.out.toUtf8()).object();
        QVERIFY2(json.value(QLatin1String("observed")).toBool(), qPrintable(summary.out));
        QCOMPARE(json.value(QLatin1String("breakdowns"))
                     .toObject()
                     .value(QLatin1String("exchange"))
                     .toArray()
                     .size(),
                 2);
        QVERIFY(json.value(QLatin1String("coverage")).toObject().contains(QLatin1String("okx")));
        QVERIFY(summary.out.contains(QLatin1String("21000"))
                || summary.out.contains(QLatin1String("21000.0")));

        const QString csv = dir.filePath(QStringLiteral("out.csv"));
        const Run exported = runLiqscope({QStringLiteral("--export-events"), csv, QStringLiteral("--store"),
                                          path, QStringLiteral("--since"), QStringLiteral("1h")});
        QCOMPARE(exported.exitCode, int(Success));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 3); // the header, then the three recent ones
        QCOMPARE(lines.at(0), QByteArray("time_utc,exchange,market,instrument,coin,side,price,quantity,usd"));
        QVERIFY(lines.at(1).contains(",binance,usd-m,BTCUSDT,BTC,long,100,10,1000"));

        const Run missing = runLiqscope({QStringLiteral("--summary"), QStringLiteral("--store"),
                                         dir.filePath(QStringLiteral("nope.sqlite"))});
        QCOMPARE(missing.exitCode, int(BadInput));
        QVERIFY(missing.err.contains(QLatin1String("nope.sqlite")));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("nope.sqlite")))); // a reader never creates one
    }

    void parseArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("usageError");
        QTest::addColumn<int>("mode");
        const auto args = [](std::initializer_list<const char *> list) {
            QStringList result{QStringLiteral("liqscope")};
            for (const char *a : list)
                result << QString::fromLatin1(a);
            return result;
        };
        QTest::newRow("no arguments: desktop") << args({}) << false << int(Mode::Desktop);
        QTest::newRow("file: desktop") << args({"a.json"}) << false << int(Mode::Desktop);
        QTest::newRow("summary") << args({"--summary"}) << false << int(Mode::Summary);
        QTest::newRow("summary json")
            << args({"--summary", "--format", "json"}) << false << int(Mode::Summary);
        QTest::newRow("help") << args({"--help"}) << false << int(Mode::Help);
        QTest::newRow("version") << args({"-v"}) << false << int(Mode::Version);
        QTest::newRow("unknown option") << args({"--frobnicate"}) << true << 0;
        QTest::newRow("bad format") << args({"--summary", "--format", "xml"}) << true << 0;
        QTest::newRow("format without summary") << args({"--format", "json"}) << true << 0;
        QTest::newRow("two files") << args({"a", "b"}) << true << 0;
        QTest::newRow("interval zero")
            << args({"--feed", "http://127.0.0.1:1/", "--interval", "0"}) << true << 0;
        // The one endpoint policy, at parse time: scheme, loopback rule, plain-HTTP opt-in.
        QTest::newRow("feed loopback http")
            << args({"--feed", "http://127.0.0.1:1/"}) << false << int(Mode::Desktop);
        QTest::newRow("feed https") << args({"--summary", "--feed", "https://example.com/x"}) << false
                                    << int(Mode::Summary);
        QTest::newRow("feed without scheme is https")
            << args({"--feed", "example.com/x"}) << false << int(Mode::Desktop);
        QTest::newRow("feed ftp") << args({"--feed", "ftp://example.com/x"}) << true << 0;
        QTest::newRow("feed file") << args({"--summary", "--feed", "file:///etc/passwd"}) << true << 0;
        QTest::newRow("feed plain http elsewhere") << args({"--feed", "http://example.com/x"}) << true << 0;
        QTest::newRow("feed plain http allowed")
            << args({"--feed", "http://example.com/x", "--allow-plain-http"}) << false << int(Mode::Desktop);
        QTest::newRow("bad size") << args({"--screenshot", "x.png", "--size", "12"}) << true << 0;
        QTest::newRow("demo with a file") << args({"--demo", "a.json"}) << true << 0;
    }

    void parseArguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, usageError);
        QFETCH(int, mode);
        const ParsedArguments parsed = Liq::Cli::parseArguments(arguments);
        QCOMPARE(!parsed.error.isEmpty(), usageError);
        if (!usageError)
            QCOMPARE(int(parsed.options.mode), mode);
    }

    void feedEndpointIsTheCheckedUrl()
    {
        const ParsedArguments parsed = Liq::Cli::parseArguments(
            {QStringLiteral("liqscope"), QStringLiteral("--feed"), QStringLiteral("example.com/v1/snapshot"),
             QStringLiteral("--interval"), QStringLiteral("3")});
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QVERIFY(parsed.options.endpoint
                && std::holds_alternative<SnapshotUrlEndpoint>(*parsed.options.endpoint));
        QCOMPARE(std::get<SnapshotUrlEndpoint>(*parsed.options.endpoint).url,
                 QUrl(QStringLiteral("https://example.com/v1/snapshot")));
        QCOMPARE(parsed.options.live.intervalMs, 3000);
        QVERIFY(!parsed.options.live.allowPlain);
        const ParsedArguments refused = Liq::Cli::parseArguments(
            {QStringLiteral("liqscope"), QStringLiteral("--feed"), QStringLiteral("http://example.com/x")});
        QVERIFY2(refused.error.contains(QStringLiteral("plain HTTP")), qPrintable(refused.error));
    }

    void summaryJudgesWithTheSavedThresholds()
    {
        // The window's Preferences and --summary read one configuration: raise the baselines and
        // the verdict of the bundled sample changes the way the dashboard's would.
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString previous = std::exchange(g_configHome, home.path());
        AnalysisConfig raised;
        for (double &baseline : raised.baselineUsd)
            baseline *= 4;
        {
            QSettings settings(home.filePath(QStringLiteral("Liqscope/Liqscope.conf")), QSettings::IniFormat);
            AnalysisSettings::save(settings, raised);
        }
        const auto scoreOf = [](const Run &run) {
            return QJsonDocument::fromJson(run.out.toUtf8())
                .object()
                .value(u"signal"_qs)
                .toObject()
                .value(u"score"_qs)
                .toInt(-1);
        };
        const Run saved
            = runLiqscope({QStringLiteral("--summary"), QStringLiteral("--format"), QStringLiteral("json")});
        const Run defaults = runLiqscope({QStringLiteral("--summary"), QStringLiteral("--format"),
                                          QStringLiteral("json"), QStringLiteral("--default-thresholds")});
        g_configHome = previous;
        QCOMPARE(saved.exitCode, int(Success));
        QCOMPARE(defaults.exitCode, int(Success));
        const LoadResult sample = SnapshotFile::load(bundledSamplePath());
        QVERIFY(sample.ok());
        QCOMPARE(scoreOf(saved), analyzeSnapshot(*sample.snapshot, raised).signal.score);
        QCOMPARE(scoreOf(defaults), analyzeSnapshot(*sample.snapshot).signal.score);
        QVERIFY(scoreOf(saved) != scoreOf(defaults));
    }

    void screenshotOptions()
    {
        const ParsedArguments parsed = Liq::Cli::parseArguments(
            {QStringLiteral("liqscope"), QStringLiteral("--screenshot"), QStringLiteral("s.png"),
             QStringLiteral("--size"), QStringLiteral("1024x640"), QStringLiteral("snap.json")});
        QVERIFY(parsed.error.isEmpty());
        QCOMPARE(parsed.options.screenshotPath, QStringLiteral("s.png"));
        QCOMPARE(parsed.options.screenshotSize, QSize(1024, 640));
        QCOMPARE(parsed.options.snapshotPath, QStringLiteral("snap.json"));
    }

    void summaryOfTheSampleWithoutDisplay()
    {
        const Run run = runLiqscope({QStringLiteral("--summary")});
        QCOMPARE(run.exitCode, int(Success));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("$397.04M")));
        QVERIFY(run.out.contains(QStringLiteral("$330.70M")));
        QVERIFY(run.out.contains(QStringLiteral("83.3%")));
    }

    void summaryJsonOfTheSample()
    {
        const Run run
            = runLiqscope({QStringLiteral("--summary"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(run.exitCode, int(Success));
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject root = document.object();
        const QJsonArray timeframes = root.value(QStringLiteral("timeframes")).toArray();
        QCOMPARE(timeframes.size(), 4);
        const QJsonObject day = timeframes.at(3).toObject();
        QCOMPARE(day.value(QStringLiteral("window")).toString(), QStringLiteral("24h"));
        QCOMPARE(day.value(QStringLiteral("seconds")).toInt(), 86400);
        QCOMPARE(day.value(QStringLiteral("short_usd")).toDouble(), 330.70e6);
        QVERIFY(qAbs(day.value(QStringLiteral("short_share")).toDouble() - 0.833) < 0.0005);
        const QJsonObject signal = root.value(QStringLiteral("signal")).toObject();
        QCOMPARE(signal.value(QStringLiteral("side")).toString(), QStringLiteral("short_squeeze"));
        const QString level = signal.value(QStringLiteral("level")).toString();
        QVERIFY2(level == u"strong" || level == u"extreme", qPrintable(level));
        const QJsonObject heaviest = root.value(QStringLiteral("heaviest_bucket")).toObject();
        QCOMPARE(heaviest.value(QStringLiteral("from_hours")).toInt(), 4);
        QCOMPARE(heaviest.value(QStringLiteral("to_hours")).toInt(), 12);
        QVERIFY(qAbs(heaviest.value(QStringLiteral("usd_per_hour")).toDouble() - 30.39e6) < 0.01e6);
        QCOMPARE(root.value(QStringLiteral("momentum")).toString(), QStringLiteral("fading"));
        QCOMPARE(root.value(QStringLiteral("warnings")).toArray().size(), 0);
    }

    void summaryOfACsvFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = writeFile(dir, QStringLiteral("flush.csv"),
                                       "window,long_usd,short_usd\n1h,9000000,1000000\n4h,30000000,4000000\n"
                                       "12h,90000000,12000000\n24h,300000000,40000000\n");
        const Run run = runLiqscope(
            {QStringLiteral("--summary"), QStringLiteral("--format"), QStringLiteral("json"), path});
        QCOMPARE(run.exitCode, int(Success));
        const QJsonObject signal
            = QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("signal")).toObject();
        QCOMPARE(signal.value(QStringLiteral("side")).toString(), QStringLiteral("long_squeeze"));
    }

    void badInputExitsOneNamingTheFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path
            = writeFile(dir, QStringLiteral("broken.json"), "{\"format\":\"liqscope-snapshot\",");
        const Run run = runLiqscope({QStringLiteral("--summary"), path});
        QCOMPARE(run.exitCode, int(BadInput));
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(path), qPrintable(run.err));
        QCOMPARE(run.err.trimmed().count(QLatin1Char('\n')), 0); // one message, one line
    }

    void missingFileExitsOne()
    {
        const Run run = runLiqscope({QStringLiteral("--summary"), QStringLiteral("/nonexistent/x.json")});
        QCOMPARE(run.exitCode, int(BadInput));
        QVERIFY(run.err.contains(QStringLiteral("/nonexistent/x.json")));
    }

    void usageErrorExitsTwo()
    {
        const Run run
            = runLiqscope({QStringLiteral("--summary"), QStringLiteral("--format"), QStringLiteral("yaml")});
        QCOMPARE(run.exitCode, int(UsageError));
        QVERIFY(run.err.contains(QStringLiteral("yaml")));
    }

    // The bundled sample is a strong (or extreme) short squeeze with fading momentum, $397.04M in 24h.
    void summaryAlertsText()
    {
        const Run run = runLiqscope({QStringLiteral("--summary"), QStringLiteral("--default-thresholds"),
                                     QStringLiteral("--alert"), QStringLiteral("squeeze>=strong:short"),
                                     QStringLiteral("--alert"), QStringLiteral("total:24h>=500M"),
                                     QStringLiteral("--alert"), QStringLiteral("Momentum = Fading")});
        QCOMPARE(run.exitCode, int(Success));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
        const QString alerts = run.out.section(QStringLiteral("\nAlerts: "), 1);
        QVERIFY2(alerts.startsWith(QStringLiteral("2 of 3 rules hold now\nHolding:\n")), qPrintable(run.out));
        const QString holding = alerts.section(QStringLiteral("Not holding:\n"), 0, 0);
        const QString notHolding = alerts.section(QStringLiteral("Not holding:\n"), 1);
        QVERIFY2(holding.contains(QStringLiteral("  squeeze>=strong:short: ")), qPrintable(alerts));
        QVERIFY2(holding.contains(QStringLiteral("  momentum=fading: momentum fading")), qPrintable(alerts));
        QVERIFY2(notHolding.contains(QStringLiteral("  total:24h>=500M: $397.04M liquidated in 24h")),
                 qPrintable(alerts));
    }

    void summaryAlertsJson()
    {
        const Run run = runLiqscope({QStringLiteral("--summary"), QStringLiteral("--format"),
                                     QStringLiteral("json"), QStringLiteral("--default-thresholds"),
                                     QStringLiteral("--alert"), QStringLiteral("total:24h>=300M:short"),
                                     QStringLiteral("--alert"), QStringLiteral("squeeze>=mild:long")});
        QCOMPARE(run.exitCode, int(Success));
        const QJsonObject root = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(root.value(QStringLiteral("signal")).toObject().value(QStringLiteral("side")).toString(),
                 QStringLiteral("short_squeeze")); // the analysis is all still there
        const QJsonArray alerts = root.value(QStringLiteral("alerts")).toArray();
        QCOMPARE(alerts.size(), 2);
        const QJsonObject shorts = alerts.at(0).toObject();
        QCOMPARE(shorts.value(QStringLiteral("rule")).toString(), QStringLiteral("total:24h>=300M:short"));
        QCOMPARE(shorts.value(QStringLiteral("fired")).toBool(false), true);
        QVERIFY(shorts.value(QStringLiteral("text")).toString().contains(QStringLiteral("$330.70M")));
        const QJsonObject longs = alerts.at(1).toObject();
        QCOMPARE(longs.value(QStringLiteral("rule")).toString(), QStringLiteral("squeeze>=mild:long"));
        QCOMPARE(longs.value(QStringLiteral("fired")).toBool(true), false);
        // Without --alert the JSON has no "alerts" key (scripts that know the older output keep working).
        const Run plain
            = runLiqscope({QStringLiteral("--summary"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY(!QJsonDocument::fromJson(plain.out.toUtf8()).object().contains(QStringLiteral("alerts")));
    }

    void badAlertRuleIsAUsageError()
    {
        const Run run = runLiqscope({QStringLiteral("--summary"), QStringLiteral("--alert"),
                                     QStringLiteral("squeeze>=strong"), QStringLiteral("--alert"),
                                     QStringLiteral("total:2h>=5M")});
        QCOMPARE(run.exitCode, int(UsageError));
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(QStringLiteral("Alert rule \"total:2h>=5M\", column 7: expected a window")),
                 qPrintable(run.err));
        const Run alone = runLiqscope({QStringLiteral("--alert"), QStringLiteral("squeeze>=strong")});
        QCOMPARE(alone.exitCode, int(UsageError));
        QVERIFY2(alone.err.contains(QStringLiteral("--alert")), qPrintable(alone.err));
        const ParsedArguments parsed
            = Liq::Cli::parseArguments({QStringLiteral("liqscope"), QStringLiteral("--summary"),
                                        QStringLiteral("--alert"), QStringLiteral("liquidation>=250k@BTC"),
                                        QStringLiteral("--alert"), QStringLiteral("squeeze>=mild")});
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QCOMPARE(parsed.options.alertRules.size(), 2);
        QCOMPARE(parsed.options.alertRules.at(0).toText(), QStringLiteral("liquidation>=250k@BTC"));
    }

    void summaryOfALiveFeed()
    {
        // The real demo server, on a free loopback port, with a frozen clock so the run is reproducible.
        QProcess server;
        server.start(QStringLiteral(LIQSCOPE_FEED_EXECUTABLE),
                     {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed"),
                      QStringLiteral("7"), QStringLiteral("--start"), QStringLiteral("2026-11-20T14:00:00Z"),
                      QStringLiteral("--advance-per-request"), QStringLiteral("0")});
        QVERIFY(server.waitForStarted());
        QString url;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QString line = QString::fromUtf8(server.readLine()).trimmed();
                const QString prefix = QStringLiteral("listening on ");
                if (line.startsWith(prefix))
                    url = line.mid(prefix.size()) + QStringLiteral("/v1/snapshot");
                return !url.isEmpty();
            }(),
            10000);

        const Run text = runLiqscope({QStringLiteral("--summary"), QStringLiteral("--feed"), url});
        QCOMPARE(text.exitCode, int(Success));
        QVERIFY2(text.out.contains(QStringLiteral("liquidated")), qPrintable(text.out));

        const Run json = runLiqscope({QStringLiteral("--summary"), QStringLiteral("--format"),
                                      QStringLiteral("json"), QStringLiteral("--feed"), url});
        QCOMPARE(json.exitCode, int(Success));
        const QJsonObject root = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(root.value(QStringLiteral("timeframes")).toArray().size(), 4);
        QCOMPARE(root.value(QStringLiteral("as_of")).toString(), QStringLiteral("2026-11-20T14:00:00Z"));

        // A path the server does not serve: a feed error, exit 3, the HTTP status on stderr.
        const Run missing = runLiqscope(
            {QStringLiteral("--summary"), QStringLiteral("--feed"), url + QStringLiteral("/nothing-here")});
        QCOMPARE(missing.exitCode, int(FeedError));
        QVERIFY2(missing.err.contains(QStringLiteral("404")), qPrintable(missing.err));

        server.kill();
        server.waitForFinished();
        // Nobody listens any more: connection refused, exit 3 with the cause.
        const Run refused = runLiqscope({QStringLiteral("--summary"), QStringLiteral("--feed"), url});
        QCOMPARE(refused.exitCode, int(FeedError));
        QVERIFY(!refused.err.trimmed().isEmpty());
        QVERIFY(refused.out.isEmpty());
    }

    void helpAndVersion()
    {
        const Run help = runLiqscope({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, int(Success));
        QVERIFY2(help.out.startsWith(QStringLiteral("Usage: liqscope [options] [FILE]\n")),
                 qPrintable(help.out.section(u'\n', 0, 0)));
        QVERIFY(help.out.contains(QStringLiteral("--summary")));
        QVERIFY(help.out.contains(QStringLiteral("--alert <RULE>")));
        QVERIFY(help.out.contains(QStringLiteral("cascade>=AMOUNT/MINUTESm")));
        QVERIFY(help.out.contains(QStringLiteral("Exit status")));
        const Run version = runLiqscope({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, int(Success));
        QCOMPARE(version.out.trimmed(), QStringLiteral("liqscope " LIQSCOPE_VERSION_STRING));
    }

private:
    QTemporaryDir m_configHome;
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
