// The PostgreSQL event store against a real server the test starts itself (tests/common/postgresserver):
// the URI and its refusals, round trip, two collectors into one database (each event once), the minute
// rollup and coverage (one packed row per minute and writer, summed by readers), a reader following a
// writer, the migrations from schema versions 1 and 2 (every event kept, its key hash the writer's, the
// rollup rebuilt from the events), a newer schema refused, a server restart in the middle of a stream
// (one writeFailed, the backlog written once), and the cap on that backlog (the oldest dropped, and said).
#include "postgresserver.h"
#include "store/eventstorefactory.h"
#include "store/postgresconnection.h"
#include "store/postgreseventstore.h"
#include "store/postgresrollup.h"
#include "store/postgresschema.h"
#include "testtiming.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Liq;

namespace {

constexpr int WaitMs = TestTiming::scaledMs(30000);

LiquidationEvent makeEvent(qint64 timeMs, const QString &coin, LiquidatedSide side, double usd, int n = 0)
{
    LiquidationEvent e;
    e.exchange = n % 2 ? Exchange::Okx : Exchange::Binance;
    e.market = n % 2 ? MarketKind::Swap : MarketKind::UsdM;
    e.instrument = coin + (n % 2 ? QStringLiteral("-USDT-SWAP") : QStringLiteral("USDT"));
    e.coin = coin;
    e.side = side;
    e.price = 100.1 + n / 3.0; // not exact in binary: the unique key must survive the round trip
    e.quantity = usd / e.price;
    e.usd = usd;
    e.exchangeTimeMs = timeMs;
    e.receiveTimeMs = timeMs + 20;
    return e;
}

QList<LiquidationEvent> makeEvents(qint64 startMs, int count, int firstN = 0)
{
    QList<LiquidationEvent> events;
    for (int i = 0; i < count; ++i)
        events << makeEvent(startMs + i * 10, QStringLiteral("BTC"), LiquidatedSide::Long, 1000 + i,
                            firstN + i);
    return events;
}

// The schema as version 1 had it (liqscope_meta, events, coverage; no minute rollup).
const char *const Version1Sql
    = "CREATE TABLE liqscope_meta (key text PRIMARY KEY, value text NOT NULL);"
      "INSERT INTO liqscope_meta VALUES ('schema_version', '1');"
      "CREATE TABLE events (id bigserial PRIMARY KEY, exchange smallint NOT NULL, market smallint NOT NULL,"
      " instrument text NOT NULL, coin text NOT NULL, side smallint NOT NULL,"
      " price double precision NOT NULL, quantity double precision NOT NULL, usd double precision NOT NULL,"
      " time_ms bigint NOT NULL,"
      " received_ms bigint NOT NULL,"
      " CONSTRAINT events_once UNIQUE (exchange, market, instrument, side, time_ms, quantity, price));"
      "CREATE INDEX events_by_time ON events (time_ms);"
      "CREATE TABLE coverage (exchange smallint NOT NULL, since_ms bigint NOT NULL, until_ms bigint NOT NULL,"
      " PRIMARY KEY (exchange, since_ms));";

// Version 2 added the rollup as one row per minute × exchange × coin × side.
const char *const Version2Sql
    = "CREATE TABLE minutes (minute bigint NOT NULL, exchange smallint NOT NULL, coin text NOT NULL,"
      " side smallint NOT NULL, usd double precision NOT NULL, count integer NOT NULL,"
      " largest_usd double precision NOT NULL, PRIMARY KEY (minute, exchange, coin, side));"
      "UPDATE liqscope_meta SET value = '2' WHERE key = 'schema_version';";

} // namespace

class tst_PostgresEventStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void uriIsParsedWithoutPasswords_data();
    void uriIsParsedWithoutPasswords();
    void passwordInUriIsRefused();
    void factoryPicksTheBackEnd();
    void roundTripStoresEachEventOnce();
    void twoCollectorsStoreEachEventOnce();
    void minuteTotalsAndCoverage();
    void readerFollowsWriter();
    void migratesFromVersion1();
    void migratesFromVersion2KeepingEveryEvent();
    void writersSumTheirOwnMinuteRows();
    void newerSchemaIsRefusedAndUntouched();
    void foreignEventsTableIsRefused();
    void serverRestartMidStreamLosesNothing();
    void backlogBeyondTheCapDropsTheOldestAndSaysSo();
    void awkwardTextSurvivesTheArrays();

private:
    QString newDatabase();
    qint64 count(const QString &database, const QString &sql);
    qint64 rolledUp(const QString &database); // the events the minute rollup counted

    std::unique_ptr<PostgresServer> m_server;
    int m_databases = 0;
};

void tst_PostgresEventStore::initTestCase()
{
    m_server = std::make_unique<PostgresServer>();
    const QString problem = m_server->start();
    QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("cannot start PostgreSQL: ") + problem));
}

QString tst_PostgresEventStore::newDatabase()
{
    QString name = QStringLiteral("store%1").arg(++m_databases);
    const QString problem = m_server->createDatabase(name);
    if (!problem.isEmpty())
        qWarning("%s", qPrintable(problem));
    return name;
}

qint64 tst_PostgresEventStore::count(const QString &database, const QString &sql)
{
    QString output;
    const QString problem = m_server->execute(database, sql, &output);
    if (!problem.isEmpty()) {
        qWarning("%s", qPrintable(problem));
        return -1;
    }
    return output.trimmed().toLongLong();
}

void tst_PostgresEventStore::uriIsParsedWithoutPasswords_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("location"); // empty: refused
    QTest::newRow("remote host needs TLS")
        << QStringLiteral("postgresql://desk@db.example.com:5433/liq")
        << QStringLiteral("postgresql://desk@db.example.com:5433/liq?sslmode=require");
    QTest::newRow("loopback as asked")
        << QStringLiteral("postgres://127.0.0.1/liq") << QStringLiteral("postgresql://127.0.0.1/liq");
    QTest::newRow("sslmode honoured")
        << QStringLiteral("postgresql://db.example.com/liq?sslmode=verify-full")
        << QStringLiteral("postgresql://db.example.com/liq?sslmode=verify-full");
    QTest::newRow("socket folder") << QStringLiteral("postgresql:///liq?host=/run/postgresql&user=desk")
                                   << QStringLiteral("postgresql:///liq?host=%2Frun%2Fpostgresql&user=desk");
    QTest::newRow("no database") << QStringLiteral("postgresql://db.example.com/") << QString();
    QTest::newRow("unknown parameter") << QStringLiteral("postgresql://h/liq?options=-c%20x") << QString();
    QTest::newRow("bad sslmode") << QStringLiteral("postgresql://h/liq?sslmode=maybe") << QString();
    QTest::newRow("password parameter") << QStringLiteral("postgresql://h/liq?password=hunter2") << QString();
    QTest::newRow("password in user info") << QStringLiteral("postgresql://u:hunter2@h/liq") << QString();
}

void tst_PostgresEventStore::uriIsParsedWithoutPasswords()
{
    QFETCH(QString, spec);
    QFETCH(QString, location);
    const PostgresConnection connection = PostgresConnection::parse(spec);
    if (location.isEmpty()) {
        QVERIFY(!connection.error.isEmpty());
        QVERIFY(!connection.error.contains(QLatin1String("hunter2")));
    } else {
        QCOMPARE(connection.error, QString());
        QCOMPARE(connection.location(), location);
    }
}

void tst_PostgresEventStore::passwordInUriIsRefused()
{
    PostgresEventStore store(QStringLiteral("postgresql://desk:hunter2@db.example.com/liq"));
    const QString problem = store.open(true);
    QVERIFY2(problem.contains(QLatin1String("pgpass")), qPrintable(problem));
    QVERIFY(problem.contains(QLatin1String("PGPASSWORD")));
    QVERIFY(!problem.contains(QLatin1String("hunter2")));
    QVERIFY(!store.location().contains(QLatin1String("hunter2")));
    QCOMPARE(store.access(), EventStore::Access::Closed);
}

void tst_PostgresEventStore::factoryPicksTheBackEnd()
{
    QVERIFY(qobject_cast<PostgresEventStore *>(openEventStore(QStringLiteral("postgresql://h/db")).get()));
    QVERIFY(qobject_cast<PostgresEventStore *>(openEventStore(QStringLiteral("postgres://h/db")).get()));
    QVERIFY(!qobject_cast<PostgresEventStore *>(openEventStore(QStringLiteral("/tmp/x.sqlite")).get()));
    QVERIFY(openEventStore(QStringLiteral("/tmp/x.sqlite")));
}

qint64 tst_PostgresEventStore::rolledUp(const QString &database)
{
    PostgresEventStore reader(m_server->uri(database));
    if (!reader.open(false).isEmpty())
        return -1;
    qint64 counted = 0;
    for (const MinuteTotal &total :
         reader.minuteTotals(0, QDateTime::currentMSecsSinceEpoch() / 60000 + 100000))
        counted += total.count;
    return counted;
}

void tst_PostgresEventStore::roundTripStoresEachEventOnce()
{
    const QString db = newDatabase();
    PostgresEventStore store(m_server->uri(db));
    QCOMPARE(store.open(true), QString());
    QCOMPARE(store.access(), EventStore::Access::ReadWrite);
    QVERIFY(store.location().startsWith(QLatin1String("postgresql:///") + db));
    const qint64 t = QDateTime::currentMSecsSinceEpoch() - 60000;
    const QList<LiquidationEvent> events = makeEvents(t, 700); // more than one multi-row INSERT
    QSignalSpy written(&store, &EventStore::batchWritten);
    store.append(events);
    store.append(events.mid(0, 10)); // seen twice (a backfill and the stream)
    QVERIFY(store.flush());
    QCOMPARE(store.events(0), events);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM events")), 700);
    QCOMPARE(rolledUp(db), 700);
    // batchWritten crosses from the store's thread; the timer may have written part of it first.
    const auto writtenSum = [&written] {
        int sum = 0;
        for (const QList<QVariant> &arguments : std::as_const(written))
            sum += arguments.at(0).toInt();
        return sum;
    };
    QTRY_COMPARE_WITH_TIMEOUT(writtenSum(), 700, WaitMs);

    // Reopened, everything is there, and the same events again add nothing.
    PostgresEventStore again(m_server->uri(db));
    QCOMPARE(again.open(true), QString());
    QCOMPARE(again.events(0).size(), 700);
    again.append(events);
    QVERIFY(again.flush());
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM events")), 700);
    QCOMPARE(rolledUp(db), 700);
}

void tst_PostgresEventStore::twoCollectorsStoreEachEventOnce()
{
    const QString db = newDatabase();
    PostgresEventStore first(m_server->uri(db));
    PostgresEventStore second(m_server->uri(db));
    QCOMPARE(first.open(true), QString());
    QCOMPARE(second.open(true), QString());
    QCOMPARE(second.access(), EventStore::Access::ReadWrite); // several writers are fine here
    const qint64 t = QDateTime::currentMSecsSinceEpoch() - 120000;
    const QList<LiquidationEvent> shared = makeEvents(t, 1500);
    // Both hear the same stream, in batches cut differently, written on their own timers.
    for (int from = 0; from < shared.size(); from += 100) {
        first.append(shared.mid(from, 100));
        second.append(shared.mid(from, 100));
        if (from % 300 == 0)
            QVERIFY(first.flush());
    }
    second.append(makeEvents(t + 1000000, 5, 3000)); // one saw a few more
    QVERIFY(second.flush());
    QVERIFY(first.flush());
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM events")), 1505);
    QCOMPARE(rolledUp(db), 1505);
    double usd = 0;
    for (const MinuteTotal &total : first.minuteTotals(0, t / 60000 + 1000))
        usd += total.usd;
    double expected = 0;
    for (const LiquidationEvent &e : shared + makeEvents(t + 1000000, 5, 3000))
        expected += e.usd;
    QCOMPARE(usd, expected);
}

void tst_PostgresEventStore::minuteTotalsAndCoverage()
{
    const QString db = newDatabase();
    PostgresEventStore store(m_server->uri(db));
    QCOMPARE(store.open(true), QString());
    const qint64 minute = QDateTime::currentMSecsSinceEpoch() / 60000 - 10;
    const qint64 t = minute * 60000;
    store.append({makeEvent(t + 1000, QStringLiteral("BTC"), LiquidatedSide::Long, 5000),
                  makeEvent(t + 2000, QStringLiteral("BTC"), LiquidatedSide::Long, 7000),
                  makeEvent(t + 3000, QStringLiteral("ETH"), LiquidatedSide::Short, 300),
                  makeEvent(t + 61000, QStringLiteral("BTC"), LiquidatedSide::Long, 100)});
    store.recordCoverage(Exchange::Binance, t - 5000, t + 1000);
    store.recordCoverage(Exchange::Binance, t - 5000, t + 9000); // extends the same span
    QVERIFY(store.flush());
    store.recordCoverage(Exchange::Binance, t - 5000, t + 20000); // and again, in a later batch
    store.recordCoverage(Exchange::Okx, t, t + 1000);
    QVERIFY(store.flush());

    const QList<MinuteTotal> totals = store.minuteTotals(minute, minute + 2);
    QCOMPARE(totals.size(), 3);
    QCOMPARE(totals.at(0).minute, minute);
    QCOMPARE(totals.at(0).coin, QStringLiteral("BTC"));
    QCOMPARE(totals.at(0).usd, 12000.0);
    QCOMPARE(totals.at(0).count, 2);
    QCOMPARE(totals.at(0).largestUsd, 7000.0);
    QCOMPARE(totals.at(1).coin, QStringLiteral("ETH"));
    QCOMPARE(totals.at(1).side, LiquidatedSide::Short);
    QCOMPARE(totals.at(2).minute, minute + 1);
    QCOMPARE(store.minuteTotals(minute + 1, minute + 2).size(), 1);
    QCOMPARE(store.coverage(0),
             (QList<CoverageSpan>{{Exchange::Binance, t - 5000, t + 20000}, {Exchange::Okx, t, t + 1000}}));
    QCOMPARE(store.coverage(t + 5000).size(), 1);
}

void tst_PostgresEventStore::readerFollowsWriter()
{
    const QString db = newDatabase();
    PostgresEventStore reader(m_server->uri(db));
    QVERIFY(reader.open(false).contains(QLatin1String("no Liqscope event store"))); // nothing to read yet
    PostgresEventStore writer(m_server->uri(db));
    QCOMPARE(writer.open(true), QString());
    const qint64 t = QDateTime::currentMSecsSinceEpoch() - 60000;
    writer.append(makeEvents(t, 50));
    QVERIFY(writer.flush());

    QCOMPARE(reader.open(false), QString());
    QCOMPARE(reader.access(), EventStore::Access::ReadOnly);
    qint64 lastId = 0;
    QCOMPARE(reader.events(0, 0, &lastId).size(), 50);
    QVERIFY(lastId > 0);
    const QList<LiquidationEvent> later = makeEvents(t + 5000, 7, 100);
    writer.append(later); // written by the writer's own timer, within a second
    QList<LiquidationEvent> followed;
    QTRY_COMPARE_WITH_TIMEOUT((followed += reader.events(0, lastId, &lastId), followed.size()), 7, WaitMs);
    QCOMPARE(followed, later);
    QCOMPARE(reader.events(0, lastId, &lastId).size(), 0);
    reader.append(later); // a reader writes nothing
    QVERIFY(!reader.flush());

    // A dashboard sees a collector at work by its recent watched span; the collector never sees itself.
    QVERIFY(!reader.isWrittenElsewhere());
    writer.recordCoverage(Exchange::Bybit, t, QDateTime::currentMSecsSinceEpoch());
    QVERIFY(writer.flush());
    QVERIFY(reader.isWrittenElsewhere());
    QVERIFY(!writer.isWrittenElsewhere());
    PostgresEventStore desk(m_server->uri(db));
    QCOMPARE(desk.open(true), QString());
    QCOMPARE(desk.access(), EventStore::Access::ReadWrite);
    QVERIFY(desk.isWrittenElsewhere()); // may write, yet follows the collector
}

void tst_PostgresEventStore::migratesFromVersion1()
{
    const QString db = newDatabase();
    const qint64 minute = QDateTime::currentMSecsSinceEpoch() / 60000 - 5;
    QCOMPARE(m_server->execute(db, QString::fromLatin1(Version1Sql)), QString());
    QCOMPARE(m_server->execute(db,
                               QStringLiteral("INSERT INTO events (exchange, market, instrument, coin, side,"
                                              " price, quantity, usd, time_ms, received_ms) VALUES"
                                              " (0, 0, 'BTCUSDT', 'BTC', 0, 100, 2, 200, %1, %1),"
                                              " (0, 0, 'BTCUSDT', 'BTC', 0, 100, 3, 300, %2, %2)")
                                   .arg(minute * 60000 + 10)
                                   .arg(minute * 60000 + 20)),
             QString());

    PostgresEventStore reader(m_server->uri(db));
    QVERIFY(reader.open(false).contains(QLatin1String("older schema"))); // only a writer migrates
    PostgresEventStore store(m_server->uri(db));
    QCOMPARE(store.open(true), QString());
    QCOMPARE(count(db, QStringLiteral("SELECT value FROM liqscope_meta WHERE key = 'schema_version'")),
             PostgresSchema::CurrentVersion);
    const QList<MinuteTotal> totals = store.minuteTotals(minute, minute + 1); // filled from the old events
    QCOMPARE(totals.size(), 1);
    QCOMPARE(totals.at(0).usd, 500.0);
    QCOMPARE(totals.at(0).count, 2);
    QCOMPARE(totals.at(0).largestUsd, 300.0);
    store.append({makeEvent(minute * 60000 + 30, QStringLiteral("BTC"), LiquidatedSide::Long, 50)});
    QVERIFY(store.flush());
    QCOMPARE(store.minuteTotals(minute, minute + 1).at(0).count, 3);
    QCOMPARE(store.events(0).size(), 3);
}

void tst_PostgresEventStore::migratesFromVersion2KeepingEveryEvent()
{
    const QString db = newDatabase();
    const qint64 minute = QDateTime::currentMSecsSinceEpoch() / 60000 - 5;
    QCOMPARE(m_server->execute(db, QString::fromLatin1(Version1Sql) + QString::fromLatin1(Version2Sql)),
             QString());
    const LiquidationEvent stored
        = makeEvent(minute * 60000 + 10, QStringLiteral("ETH"), LiquidatedSide::Short, 1234.5, 1);
    // Two events as a version-2 writer stored them, and a minute row that disagrees with them: the new
    // rollup is rebuilt from the events, not copied.
    QCOMPARE(m_server->execute(
                 db,
                 QStringLiteral("INSERT INTO events (exchange, market, instrument, coin, side, price,"
                                " quantity, usd, time_ms, received_ms) VALUES"
                                " (%1, %2, '%3', '%4', %5, %6, %7, %8, %9, %9),"
                                " (0, 0, 'BTCUSDT', 'BTC', 0, 100, 3, 300, %10, %10);"
                                "INSERT INTO minutes VALUES (%11, 0, 'BTC', 0, 999999, 99, 999999)")
                     .arg(QString::number(int(stored.exchange)), QString::number(int(stored.market)),
                          stored.instrument, stored.coin, QString::number(int(stored.side)),
                          QString::number(stored.price, 'g', 17), QString::number(stored.quantity, 'g', 17),
                          QString::number(stored.usd, 'g', 17), QString::number(stored.exchangeTimeMs))
                     .arg(minute * 60000 + 20)
                     .arg(minute)),
             QString());
    const qint64 firstId = count(db, QStringLiteral("SELECT min(id) FROM events"));

    PostgresEventStore store(m_server->uri(db));
    QCOMPARE(store.open(true), QString());
    QCOMPARE(count(db, QStringLiteral("SELECT value FROM liqscope_meta WHERE key = 'schema_version'")), 3);
    QCOMPARE(count(db, QStringLiteral("SELECT min(id) FROM events")), firstId); // the same rows, kept
    QCOMPARE(count(db,
                   QStringLiteral("SELECT count(*) FROM events WHERE key_hash = %1")
                       .arg(PostgresRollup::keyHashSql())),
             2);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM minute_rollups")), 1);
    QList<MinuteTotal> totals = store.minuteTotals(minute, minute + 1);
    QCOMPARE(totals.size(), 2);
    QCOMPARE(totals.at(0).coin, QStringLiteral("BTC"));
    QCOMPARE(totals.at(0).usd, 300.0);
    QCOMPARE(totals.at(0).count, 1);
    QCOMPARE(totals.at(1).coin, QStringLiteral("ETH"));
    QCOMPARE(totals.at(1).exchange, Exchange::Okx);
    QCOMPARE(totals.at(1).largestUsd, 1234.5);

    // A migrated event seen again is the same event (the writer's key is the migration's); a new one counts.
    store.append({stored, makeEvent(minute * 60000 + 30, QStringLiteral("BTC"), LiquidatedSide::Long, 50)});
    QVERIFY(store.flush());
    QCOMPARE(store.events(0).size(), 3);
    totals = store.minuteTotals(minute, minute + 1);
    QCOMPARE(totals.at(0).count, 2);
    QCOMPARE(totals.at(0).usd, 350.0);
    QCOMPARE(totals.at(1).count, 1);
}

// Each writer keeps its own row per minute (never updating another's); a reader sums them.
void tst_PostgresEventStore::writersSumTheirOwnMinuteRows()
{
    const QString db = newDatabase();
    PostgresEventStore first(m_server->uri(db));
    PostgresEventStore second(m_server->uri(db));
    QCOMPARE(first.open(true), QString());
    QCOMPARE(second.open(true), QString());
    const qint64 minute = QDateTime::currentMSecsSinceEpoch() / 60000 - 3;
    first.append({makeEvent(minute * 60000 + 1, QStringLiteral("BTC"), LiquidatedSide::Long, 100),
                  makeEvent(minute * 60000 + 2, QStringLiteral("SOL"), LiquidatedSide::Long, 10)});
    QVERIFY(first.flush());
    second.append({makeEvent(minute * 60000 + 1, QStringLiteral("BTC"), LiquidatedSide::Long, 100), // again
                   makeEvent(minute * 60000 + 3, QStringLiteral("BTC"), LiquidatedSide::Long, 700),
                   makeEvent(minute * 60000 + 4, QStringLiteral("DOGE"), LiquidatedSide::Short, 5)});
    QVERIFY(second.flush());
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM minute_rollups WHERE minute = %1").arg(minute)),
             2);
    const QList<MinuteTotal> totals = first.minuteTotals(minute, minute + 1);
    QCOMPARE(totals.size(), 3);
    QCOMPARE(totals.at(0).coin, QStringLiteral("BTC"));
    QCOMPARE(totals.at(0).count, 2);
    QCOMPARE(totals.at(0).usd, 800.0);
    QCOMPARE(totals.at(0).largestUsd, 700.0);
    QCOMPARE(totals.at(1).coin, QStringLiteral("SOL"));
    QCOMPARE(totals.at(2).coin, QStringLiteral("DOGE"));
    QCOMPARE(totals.at(2).side, LiquidatedSide::Short);
    // The writers' keys are the server's: what the migration computes for old rows.
    QCOMPARE(count(db,
                   QStringLiteral("SELECT count(*) FROM events WHERE key_hash <> %1")
                       .arg(PostgresRollup::keyHashSql())),
             0);
}

void tst_PostgresEventStore::newerSchemaIsRefusedAndUntouched()
{
    const QString db = newDatabase();
    {
        PostgresEventStore store(m_server->uri(db));
        QCOMPARE(store.open(true), QString());
        store.append(makeEvents(QDateTime::currentMSecsSinceEpoch(), 3));
        QVERIFY(store.flush());
    }
    QCOMPARE(m_server->execute(db, QStringLiteral("UPDATE liqscope_meta SET value = '99'")), QString());
    PostgresEventStore store(m_server->uri(db));
    const QString problem = store.open(true);
    QVERIFY2(problem.contains(QLatin1String("newer Liqscope")), qPrintable(problem));
    QCOMPARE(store.access(), EventStore::Access::Closed);
    QCOMPARE(count(db, QStringLiteral("SELECT value FROM liqscope_meta")), 99);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM events")), 3);
}

void tst_PostgresEventStore::foreignEventsTableIsRefused()
{
    const QString db = newDatabase();
    QCOMPARE(m_server->execute(db, QStringLiteral("CREATE TABLE events (what text)")), QString());
    PostgresEventStore store(m_server->uri(db));
    const QString problem = store.open(true);
    QVERIFY2(problem.contains(QLatin1String("not Liqscope's")), qPrintable(problem));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM pg_tables WHERE tablename = 'liqscope_meta'")),
             0);
}

void tst_PostgresEventStore::serverRestartMidStreamLosesNothing()
{
    const QString db = newDatabase();
    PostgresEventStore store(m_server->uri(db));
    QCOMPARE(store.open(true), QString());
    PostgresEventStore reader(m_server->uri(db));
    QCOMPARE(reader.open(false), QString());
    QSignalSpy failed(&store, &EventStore::writeFailed);
    QSignalSpy recovered(&store, &EventStore::writeRecovered);
    const qint64 t = QDateTime::currentMSecsSinceEpoch() - 300000;
    store.append(makeEvents(t, 100));
    QVERIFY(store.flush());
    QCOMPARE(reader.events(0).size(), 100);

    QCOMPARE(m_server->stop(), QString());
    store.append(makeEvents(t + 10000, 100, 1000)); // while the database is away
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, WaitMs);
    QVERIFY2(failed.at(0).at(0).toString().contains(QLatin1String("keeping up to")),
             qPrintable(failed.at(0).at(0).toString()));
    QVERIFY(reader.events(0).isEmpty());
    QVERIFY(!reader.lastError().isEmpty());
    store.append(makeEvents(t + 20000, 100, 2000));
    store.append(makeEvents(t, 100)); // and some it had written already
    QVERIFY(!store.flush());
    QCOMPARE(failed.size(), 1); // one message, not one per try

    QCOMPARE(m_server->start(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(recovered.size(), 1, WaitMs);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM events")), 300);
    QCOMPARE(rolledUp(db), 300);
    QCOMPARE(reader.events(0).size(), 300); // the reader reconnects too
}

void tst_PostgresEventStore::backlogBeyondTheCapDropsTheOldestAndSaysSo()
{
    const QString db = newDatabase();
    PostgresEventStore store(m_server->uri(db));
    store.setMaxPendingEvents(150);
    QCOMPARE(store.open(true), QString());
    QSignalSpy failed(&store, &EventStore::writeFailed);
    QSignalSpy recovered(&store, &EventStore::writeRecovered);
    const qint64 t = QDateTime::currentMSecsSinceEpoch() - 300000;
    store.append(makeEvents(t, 10));
    QVERIFY(store.flush());

    QCOMPARE(m_server->stop(), QString());
    store.append(makeEvents(t + 10000, 100, 1000)); // 50 of these are the oldest beyond the cap
    store.append(makeEvents(t + 20000, 100, 2000));
    QVERIFY(!store.flush());
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, WaitMs);
    QVERIFY2(failed.at(0).at(0).toString().contains(QLatin1String("keeping up to 150")),
             qPrintable(failed.at(0).at(0).toString()));
    const QString dropped = failed.at(1).at(0).toString();
    const auto shown = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
    };
    QVERIFY2(dropped.contains(QLatin1String("dropped the 50 oldest")), qPrintable(dropped));
    QVERIFY2(
        dropped.contains(QStringLiteral("from %1 to %2").arg(shown(t + 10000), shown(t + 10000 + 49 * 10))),
        qPrintable(dropped));
    QVERIFY2(dropped.contains(QLatin1String("newest 150")), qPrintable(dropped));
    // The socket folder is percent-encoded ("%2Ftmp"): no arg() may take it for a placeholder.
    QVERIFY2(failed.at(0).at(0).toString().startsWith(store.location()), qPrintable(store.location()));
    QVERIFY2(dropped.startsWith(store.location()), qPrintable(dropped));

    QCOMPARE(m_server->start(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(recovered.size(), 1, WaitMs);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM events")), 10 + 150);
    const QString droppedSpan
        = QStringLiteral("SELECT count(*) FROM events WHERE time_ms >= %1 AND time_ms < %2");
    QCOMPARE(count(db, droppedSpan.arg(t + 10000).arg(t + 10500)), 0);
    QCOMPARE(count(db, droppedSpan.arg(t + 10500).arg(t + 11000)), 50);
    QCOMPARE(count(db, droppedSpan.arg(t + 20000).arg(t + 21000)), 100);
    QCOMPARE(rolledUp(db), 160);
}

// Events go to the server as array literals: quotes, backslashes, commas, braces and spaces in the text.
void tst_PostgresEventStore::awkwardTextSurvivesTheArrays()
{
    const QString db = newDatabase();
    PostgresEventStore store(m_server->uri(db));
    QCOMPARE(store.open(true), QString());
    const qint64 t = QDateTime::currentMSecsSinceEpoch() - 60000;
    const QStringList names{QStringLiteral("A\"B"), QStringLiteral("C\\D"), QStringLiteral("{E,F} G"),
                            QStringLiteral("NULL"), QString()};
    QList<LiquidationEvent> events;
    for (int i = 0; i < names.size(); ++i)
        events << makeEvent(t + i, names.at(i), LiquidatedSide::Short, 1e-7 + i, i);
    store.append(events);
    store.append(events); // stored once: the unique key compares what went in
    QVERIFY(store.flush());
    const QList<LiquidationEvent> read = store.events(0);
    QCOMPARE(read.size(), names.size());
    for (int i = 0; i < names.size(); ++i) {
        QCOMPARE(read.at(i).coin, names.at(i));
        QCOMPARE(read.at(i).instrument, events.at(i).instrument);
        QCOMPARE(read.at(i).price, events.at(i).price);
        QCOMPARE(read.at(i).usd, events.at(i).usd);
    }
    QCOMPARE(count(db,
                   QStringLiteral("SELECT count(*) FROM events WHERE key_hash <> %1")
                       .arg(PostgresRollup::keyHashSql())),
             0);
    QCOMPARE(rolledUp(db), names.size());
}

QTEST_GUILESS_MAIN(tst_PostgresEventStore)
#include "tst_postgreseventstore.moc"
