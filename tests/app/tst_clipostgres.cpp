// liqscope --summary and --export-events on a PostgreSQL store (a server the test starts itself), and
// liqscope-collect refusing a password in the store's URI.
#include "cli.h"
#include "postgresserver.h"
#include "store/postgreseventstore.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
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

Run runProgram(const QString &program, const QStringList &arguments, const QString &configHome)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TestCliPostgres final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_configHome.isValid());
        const QString problem = m_server.start();
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("cannot start PostgreSQL: ") + problem));
        QCOMPARE(m_server.createDatabase(QStringLiteral("desk")), QString());
    }

    void summaryAndExportFromAPostgresStore()
    {
        const QString uri = m_server.uri(QStringLiteral("desk"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        {
            PostgresEventStore store(uri);
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
                event.exchangeTimeMs = now - (i < 3 ? 600000 : 3 * 3600000) + i;
                event.receiveTimeMs = event.exchangeTimeMs;
                events << event;
            }
            store.append(events);
            store.recordCoverage(Exchange::Binance, now - 5 * 3600000, now);
            store.recordCoverage(Exchange::Okx, now - 5 * 3600000, now);
            QVERIFY(store.flush());
        }
        const Run summary
            = liqscope({QStringLiteral("--summary"), QStringLiteral("--format"), QStringLiteral("json"),
                        QStringLiteral("--default-thresholds"), QStringLiteral("--store"), uri});
        QCOMPARE(summary.exitCode, int(Success));
        const QJsonObject json = QJsonDocument::fromJson(summary.out.toUtf8()).object();
        QVERIFY2(json.value(QLatin1String("observed")).toBool(), qPrintable(summary.out + summary.err));
        QCOMPARE(json.value(QLatin1String("breakdowns"))
                     .toObject()
                     .value(QLatin1String("exchange"))
                     .toArray()
                     .size(),
                 2);
        QVERIFY(json.value(QLatin1String("coverage")).toObject().contains(QLatin1String("okx")));
        QVERIFY(summary.out.contains(QLatin1String("21000")));

        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("out.csv"));
        const Run exported = liqscope({QStringLiteral("--export-events"), csv, QStringLiteral("--store"), uri,
                                       QStringLiteral("--since"), QStringLiteral("1h")});
        QCOMPARE(exported.exitCode, int(Success));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().trimmed().split('\n').size(), 1 + 3); // the header, the three recent ones
    }

    void aDatabaseWithoutAStoreIsRefused()
    {
        QCOMPARE(m_server.createDatabase(QStringLiteral("empty")), QString());
        const Run summary = liqscope(
            {QStringLiteral("--summary"), QStringLiteral("--store"), m_server.uri(QStringLiteral("empty"))});
        QCOMPARE(summary.exitCode, int(BadInput));
        QVERIFY2(summary.err.contains(QLatin1String("no Liqscope event store")), qPrintable(summary.err));
    }

    void passwordInTheUriIsRefused()
    {
        const QString uri = QStringLiteral("postgresql://desk:hunter2@127.0.0.1:1/desk");
        const Run summary = liqscope({QStringLiteral("--summary"), QStringLiteral("--store"), uri});
        QCOMPARE(summary.exitCode, int(BadInput));
        QVERIFY2(summary.err.contains(QLatin1String("pgpass")), qPrintable(summary.err));
        QVERIFY(!summary.err.contains(QLatin1String("hunter2")));
        const Run collect = runProgram(
            QStringLiteral(LIQSCOPE_COLLECT_EXECUTABLE),
            {QStringLiteral("--exchanges"), QStringLiteral("binance"), QStringLiteral("--store"), uri},
            m_configHome.path());
        QCOMPARE(collect.exitCode, 1);
        QVERIFY2(collect.err.contains(QLatin1String("PGPASSWORD")), qPrintable(collect.err));
        QVERIFY(!collect.err.contains(QLatin1String("hunter2")));
    }

private:
    Run liqscope(const QStringList &arguments)
    {
        return runProgram(QStringLiteral(LIQSCOPE_EXECUTABLE), arguments, m_configHome.path());
    }

    QTemporaryDir m_configHome;
    PostgresServer m_server;
};

QTEST_GUILESS_MAIN(TestCliPostgres)
#include "tst_clipostgres.moc"
