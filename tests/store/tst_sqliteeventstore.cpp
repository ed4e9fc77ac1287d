// The SQLite event store on real files: round trip, an event stored once, the rollup, coverage, reopen,
// refusals that leave the file untouched (damaged, newer schema), one writer and many readers, a full
// store, retention, and kill -9 while writing (a child process: this test run with --child-writer).
#include "store/sqliteeventstore.h"
#include "store/sqlitestatement.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <cstdio>

using namespace Liq;

namespace {

LiquidationEvent makeEvent(qint64 timeMs, const QString &coin, LiquidatedSide side, double usd, int n = 0)
{
    LiquidationEvent e;
    e.exchange = n % 2 ? Exchange::Okx : Exchange::Binance;
    e.market = n % 2 ? MarketKind::Swap : MarketKind::UsdM;
    e.instrument = coin + (n % 2 ? QStringLiteral("-USDT-SWAP") : QStringLiteral("USDT"));
    e.coin = coin;
    e.side = side;
    e.price = 100 + n;
    e.quantity = usd / e.price;
    e.usd = usd;
    e.exchangeTimeMs = timeMs;
    e.receiveTimeMs = timeMs + 20;
    return e;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// What a raw SQLite connection says (a second, independent reader of the file).
QVariant rawValue(const QString &path, const QString &sql)
{
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                value = query.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return value;
}

// Version 1 as Liqscope 0.x wrote it (its schema's SQL, verbatim): a unique key that starts with the
// exchange, a time index, one rollup row per minute × exchange × coin × side.
const char *const Version1Schema[] = {
    "CREATE TABLE events ("
    " id INTEGER PRIMARY KEY,"
    " exchange INTEGER NOT NULL, market INTEGER NOT NULL, instrument TEXT NOT NULL, coin TEXT NOT NULL,"
    " side INTEGER NOT NULL, price REAL NOT NULL, quantity REAL NOT NULL, usd REAL NOT NULL,"
    " time_ms INTEGER NOT NULL, received_ms INTEGER NOT NULL,"
    " UNIQUE (exchange, market, instrument, side, time_ms, quantity, price))",
    "CREATE INDEX events_by_time ON events (time_ms)",
    "CREATE TABLE minutes ("
    " minute INTEGER NOT NULL, exchange INTEGER NOT NULL, coin TEXT NOT NULL, side INTEGER NOT NULL,"
    " usd REAL NOT NULL, count INTEGER NOT NULL, largest_usd REAL NOT NULL,"
    " PRIMARY KEY (minute, exchange, coin, side)) WITHOUT ROWID",
    "CREATE TABLE coverage ("
    " exchange INTEGER NOT NULL, since_ms INTEGER NOT NULL, until_ms INTEGER NOT NULL,"
    " PRIMARY KEY (exchange, since_ms)) WITHOUT ROWID",
    "PRAGMA user_version = 1",
};

// A version-1 file with the events (ids 10, 20, 30, ...), their rollup rows and one coverage span.
bool writeVersion1Store(const QString &path, const QList<LiquidationEvent> &events, const CoverageSpan &span)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery query(db);
        for (const char *statement : Version1Schema)
            ok = ok && query.exec(QString::fromLatin1(statement));
        ok = ok && query.prepare(QStringLiteral("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
        for (int i = 0; ok && i < events.size(); ++i) {
            const LiquidationEvent &e = events.at(i);
            const QVariantList values{(i + 1) * 10, int(e.exchange),  int(e.market),  e.instrument,
                                      e.coin,       int(e.side),      e.price,        e.quantity,
                                      e.usd,        e.exchangeTimeMs, e.receiveTimeMs};
            for (int v = 0; v < values.size(); ++v)
                query.bindValue(v, values.at(v));
            ok = query.exec();
        }
        ok = ok
            && query.exec(QStringLiteral(
                "INSERT INTO minutes SELECT time_ms / 60000, exchange, coin, side, sum(usd), count(*),"
                " max(usd) FROM events GROUP BY time_ms / 60000, exchange, coin, side"))
            && query.exec(QStringLiteral("INSERT INTO coverage VALUES (%1, %2, %3)")
                              .arg(int(span.exchange))
                              .arg(span.sinceMs)
                              .arg(span.untilMs));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));
    return ok;
}

// --child-writer PATH: writes a batch of 100 events every 100 ms and prints how many were committed,
// until it is killed.
int runChildWriter(const QString &path)
{
    SqliteEventStore store(path);
    if (!store.open(true).isEmpty())
        return 2;
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    for (int batch = 0;; ++batch) {
        QList<LiquidationEvent> events;
        for (int i = 0; i < 100; ++i)
            events << makeEvent(start + batch * 100 + i, QStringLiteral("BTC"), LiquidatedSide::Long,
                                1000 + i, batch * 100 + i);
        store.append(events);
        if (store.flush())
            std::printf("%d\n", (batch + 1) * 100);
        std::fflush(stdout);
        QThread::msleep(20);
    }
}

} // namespace

class tst_SqliteEventStore final : public QObject
{
    Q_OBJECT

private slots:
    void roundTripStoresEachEventOnce();
    void reopenKeepsEverything();
    void damagedFileIsRefusedAndUntouched();
    void newerSchemaIsRefusedAndUntouched();
    void version1StoreIsMigrated();
    void damagedRowsAreLeftOut();
    void driverRunsTheLinkedLibrary();
    void secondInstanceReadsOnly();
    void fullStoreSaysSoOnceAndKeepsEvents();
    void retentionDropsOldRows();
    void killDuringWritesLosesAtMostTheLastBatch();

private:
    QTemporaryDir m_dir;
};

void tst_SqliteEventStore::roundTripStoresEachEventOnce()
{
    const QString path = m_dir.filePath(QStringLiteral("roundtrip.sqlite"));
    SqliteEventStore store(path);
    QCOMPARE(store.open(true), QString());
    QCOMPARE(store.access(), EventStore::Access::ReadWrite);
    const qint64 t = (QDateTime::currentMSecsSinceEpoch() / 60000) * 60000; // a minute's start
    const QList<LiquidationEvent> batch{
        makeEvent(t, QStringLiteral("BTC"), LiquidatedSide::Long, 1000, 0),
        makeEvent(t + 1000, QStringLiteral("BTC"), LiquidatedSide::Long, 3000, 2),
        makeEvent(t + 2000, QStringLiteral("ETH"), LiquidatedSide::Short, 500, 1)};
    store.append(batch);
    store.append({batch.at(1)}); // seen again (another connection, the history): stored once
    store.recordCoverage(Exchange::Binance, t - 5000, t + 1000);
    store.recordCoverage(Exchange::Binance, t - 5000, t + 9000); // the same span, longer
    QSignalSpy written(&store, &EventStore::batchWritten);
    QVERIFY(store.flush());
    QTRY_COMPARE(written.count(), 1); // signals of the store's thread arrive through the event loop
    QCOMPARE(written.at(0).at(0).toInt(), 3);

    qint64 lastId = 0;
    const QList<LiquidationEvent> read = store.events(t - 1, 0, &lastId);
    QCOMPARE(read, batch);
    QCOMPARE(lastId, qint64(3));
    QVERIFY(store.events(t - 1, lastId, &lastId).isEmpty()); // a follower sees nothing new

    const QList<MinuteTotal> minutes = store.minuteTotals(t / 60000, t / 60000 + 1);
    QCOMPARE(minutes.size(), 2); // Binance BTC long; OKX ETH short
    const MinuteTotal &btc = minutes.at(0).coin == QLatin1String("BTC") ? minutes.at(0) : minutes.at(1);
    QCOMPARE(btc.usd, 4000.0);
    QCOMPARE(btc.count, 2);
    QCOMPARE(btc.largestUsd, 3000.0);
    QCOMPARE(store.coverage(0), (QList<CoverageSpan>{{Exchange::Binance, t - 5000, t + 9000}}));

    QCOMPARE(rawValue(path, QStringLiteral("PRAGMA user_version")).toInt(), 2);
    // One rollup row per minute, whatever the coins, exchanges and sides in it.
    QCOMPARE(rawValue(path, QStringLiteral("SELECT count(*) FROM minutes")).toInt(), 1);
    QCOMPARE(rawValue(path, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
}

void tst_SqliteEventStore::reopenKeepsEverything()
{
    const QString path = m_dir.filePath(QStringLiteral("reopen.sqlite"));
    const qint64 t = QDateTime::currentMSecsSinceEpoch();
    {
        SqliteEventStore store(path);
        QCOMPARE(store.open(true), QString());
        store.append({makeEvent(t, QStringLiteral("SOL"), LiquidatedSide::Short, 777)});
        // No flush: closing writes what is queued.
    }
    SqliteEventStore again(path);
    QCOMPARE(again.open(false), QString());
    QCOMPARE(again.access(), EventStore::Access::ReadOnly);
    QCOMPARE(again.events(0).size(), 1);
    QCOMPARE(again.events(0).constFirst().usd, 777.0);
    QCOMPARE(rawValue(path, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
}

void tst_SqliteEventStore::damagedFileIsRefusedAndUntouched()
{
    const QString path = m_dir.filePath(QStringLiteral("damaged.sqlite"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, 'x'));
    file.close();
    const QByteArray before = fileHash(path);
    SqliteEventStore store(path);
    const QString error = store.open(true);
    QVERIFY2(error.contains(QLatin1String("not a Liqscope event store")), qPrintable(error));
    QVERIFY(error.contains(QLatin1String("damaged.sqlite")));
    QCOMPARE(store.access(), EventStore::Access::Closed);
    QCOMPARE(fileHash(path), before);
}

void tst_SqliteEventStore::newerSchemaIsRefusedAndUntouched()
{
    const QString path = m_dir.filePath(QStringLiteral("newer.sqlite"));
    {
        SqliteEventStore store(path);
        QCOMPARE(store.open(true), QString());
    }
    rawValue(path, QStringLiteral("PRAGMA user_version = 7"));
    const QByteArray before = fileHash(path);
    SqliteEventStore store(path);
    const QString error = store.open(true);
    QVERIFY2(error.contains(QLatin1String("newer")), qPrintable(error));
    QVERIFY(error.contains(QLatin1String("7")));
    QCOMPARE(fileHash(path), before);
    QVERIFY(!SqliteEventStore(m_dir.filePath(QStringLiteral("missing.sqlite"))).open(false).isEmpty());
}

void tst_SqliteEventStore::version1StoreIsMigrated()
{
    const QString path = m_dir.filePath(QStringLiteral("version1.sqlite"));
    const qint64 t = (QDateTime::currentMSecsSinceEpoch() / 60000 - 90) * 60000; // 90 minutes ago
    QList<LiquidationEvent> events;
    for (int i = 0; i < 40; ++i)
        events << makeEvent(t + i * 7000, i % 3 ? QStringLiteral("BTC") : QStringLiteral("ETH"),
                            i % 4 ? LiquidatedSide::Long : LiquidatedSide::Short, 100 + i * 10, i);
    const CoverageSpan span{Exchange::Okx, t - 60000, t + 300000};
    QVERIFY(writeVersion1Store(path, events, span));
    const QList<QVariant> before{rawValue(path, QStringLiteral("SELECT count(*) FROM minutes")),
                                 rawValue(path, QStringLiteral("SELECT sum(usd) FROM minutes")),
                                 rawValue(path, QStringLiteral("SELECT sum(count) FROM minutes")),
                                 rawValue(path, QStringLiteral("SELECT max(largest_usd) FROM minutes"))};
    QVERIFY(before.at(0).toInt() > 5); // several rows per minute in version 1
    const QByteArray unmigrated = fileHash(path);
    {
        SqliteEventStore reader(path); // a reader may not update it: refused, and the file left as it is
        const QString error = reader.open(false);
        QVERIFY2(error.contains(QLatin1String("older schema (1)")), qPrintable(error));
        QCOMPARE(fileHash(path), unmigrated);
    }

    SqliteEventStore store(path);
    QCOMPARE(store.open(true), QString());
    QCOMPARE(rawValue(path, QStringLiteral("PRAGMA user_version")).toInt(), 2);
    QCOMPARE(
        rawValue(path, QStringLiteral("SELECT group_concat(id) FROM (SELECT id FROM events ORDER BY id)"))
            .toString()
            .split(QLatin1Char(','))
            .size(),
        40);
    QCOMPARE(rawValue(path, QStringLiteral("SELECT min(id) || '-' || max(id) FROM events")).toString(),
             QStringLiteral("10-400")); // the ids survive
    QCOMPARE(rawValue(path,
                      QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name LIKE '%v1%'"
                                     " OR name = 'events_by_time'"))
                 .toInt(),
             0);
    qint64 lastId = 0;
    QCOMPARE(store.events(0, 0, &lastId), events);
    QCOMPARE(lastId, qint64(400));
    QCOMPARE(store.coverage(0), QList<CoverageSpan>{span});

    const QList<MinuteTotal> totals = store.minuteTotals(0, t / 60000 + 10);
    double usd = 0;
    int count = 0;
    double largest = 0;
    for (const MinuteTotal &total : totals) {
        usd += total.usd;
        count += total.count;
        largest = qMax(largest, total.largestUsd);
    }
    QCOMPARE(totals.size(), before.at(0).toInt()); // the same entries, packed one row per minute
    QCOMPARE(usd, before.at(1).toDouble());
    QCOMPARE(count, before.at(2).toInt());
    QCOMPARE(largest, before.at(3).toDouble());
    QCOMPARE(rawValue(path, QStringLiteral("SELECT count(*) FROM minutes")).toInt(), 5); // 40 × 7 s

    // The migrated store goes on: a known event is stored once, a new one adds to its minute.
    store.append({events.constFirst(), makeEvent(t + 1, QStringLiteral("SOL"), LiquidatedSide::Long, 5)});
    QVERIFY(store.flush());
    QCOMPARE(store.events(0).size(), 41);
    QCOMPARE(store.minuteTotals(0, t / 60000 + 10).size(), before.at(0).toInt() + 1);
    QCOMPARE(rawValue(path, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
}

void tst_SqliteEventStore::damagedRowsAreLeftOut()
{
    const QString path = m_dir.filePath(QStringLiteral("damagedrows.sqlite"));
    SqliteEventStore store(path);
    QCOMPARE(store.open(true), QString());
    const qint64 t = (QDateTime::currentMSecsSinceEpoch() / 60000 - 30) * 60000;
    store.append({makeEvent(t, QStringLiteral("BTC"), LiquidatedSide::Long, 10),
                  makeEvent(t + 60000, QStringLiteral("BTC"), LiquidatedSide::Long, 20)});
    QVERIFY(store.flush());
    // A row of an exchange Liqscope does not know, and a minute whose blob is cut short.
    rawValue(path,
             QStringLiteral("INSERT INTO events (exchange, market, instrument, coin, side, price,"
                            " quantity, usd, time_ms, received_ms) VALUES (9, 0, 'X', 'X', 0, 1, 1, 1,"
                            " %1, %1)")
                 .arg(t + 1));
    rawValue(
        path,
        QStringLiteral("UPDATE minutes SET totals = substr(totals, 1, 5) WHERE minute = %1").arg(t / 60000));
    QCOMPARE(rawValue(path, QStringLiteral("SELECT count(*) FROM events")).toInt(), 3);
    const QList<LiquidationEvent> events = store.events(0);
    QCOMPARE(events.size(), 2);
    const QList<MinuteTotal> totals = store.minuteTotals(0, t / 60000 + 10);
    QCOMPARE(totals.size(), 1); // the damaged minute is left out, the next one read
    QCOMPARE(totals.constFirst().usd, 20.0);
}

void tst_SqliteEventStore::driverRunsTheLinkedLibrary()
{
    // open() refuses every store otherwise; on Debian the QSQLITE driver uses the system libsqlite3.
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("library"));
    db.setDatabaseName(QStringLiteral(":memory:"));
    QVERIFY(db.open());
    QString driverVersion;
    QVERIFY(SqliteApi::sameLibrary(db, &driverVersion));
    QCOMPARE(driverVersion, SqliteApi::linkedVersion());
    QVERIFY(SqliteApi::handle(db) != nullptr);
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("library"));
}

void tst_SqliteEventStore::secondInstanceReadsOnly()
{
    const QString path = m_dir.filePath(QStringLiteral("shared.sqlite"));
    SqliteEventStore writer(path);
    QCOMPARE(writer.open(true), QString());
    SqliteEventStore second(path);
    QCOMPARE(second.open(true), QString());
    QCOMPARE(second.access(), EventStore::Access::ReadOnly); // one writer; the others read
    const qint64 t = QDateTime::currentMSecsSinceEpoch();
    second.append({makeEvent(t, QStringLiteral("XRP"), LiquidatedSide::Long, 1)}); // ignored: not the writer
    QVERIFY(!second.flush());
    writer.append({makeEvent(t, QStringLiteral("BTC"), LiquidatedSide::Long, 5)});
    QVERIFY(writer.flush());
    const QList<LiquidationEvent> seen = second.events(0);
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.constFirst().coin, QStringLiteral("BTC"));
}

void tst_SqliteEventStore::fullStoreSaysSoOnceAndKeepsEvents()
{
    const QString path = m_dir.filePath(QStringLiteral("full.sqlite"));
    SqliteEventStore store(path);
    store.setMaxSizeBytes(64 * 1024);
    QCOMPARE(store.open(true), QString());
    QSignalSpy failed(&store, &EventStore::writeFailed);
    const qint64 t = QDateTime::currentMSecsSinceEpoch();
    QList<LiquidationEvent> many;
    for (int i = 0; i < 5000; ++i)
        many << makeEvent(t - i, QStringLiteral("BTC"), LiquidatedSide::Long, 10 + i, i);
    store.append(many);
    QVERIFY(!store.flush());
    QVERIFY(!store.flush()); // still full: still queued, and no second message
    QTRY_COMPARE(failed.count(), 1);
    QCoreApplication::processEvents();
    QCOMPARE(failed.count(), 1);
    QVERIFY2(failed.at(0).at(0).toString().contains(QLatin1String("full")),
             qPrintable(failed.at(0).at(0).toString()));
    QVERIFY(failed.at(0).at(0).toString().contains(QLatin1String("full.sqlite")));
    QCOMPARE(store.events(0).size(), 0); // nothing half-written: the batch is one transaction
    QCOMPARE(rawValue(path, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
}

void tst_SqliteEventStore::retentionDropsOldRows()
{
    const QString path = m_dir.filePath(QStringLiteral("retention.sqlite"));
    SqliteEventStore store(path);
    store.setRetentionDays(1);
    QCOMPARE(store.open(true), QString());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    store.append({makeEvent(now - 2 * 86400000LL, QStringLiteral("OLD"), LiquidatedSide::Long, 1),
                  makeEvent(now, QStringLiteral("NEW"), LiquidatedSide::Long, 2)});
    QVERIFY(store.flush());
    const QList<LiquidationEvent> kept = store.events(0);
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.constFirst().coin, QStringLiteral("NEW"));
    QVERIFY(store.minuteTotals(0, (now / 60000) - 60).isEmpty());
}

void tst_SqliteEventStore::killDuringWritesLosesAtMostTheLastBatch()
{
    const QString path = m_dir.filePath(QStringLiteral("killed.sqlite"));
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child-writer"), path});
    QVERIFY(child.waitForStarted());
    int committed = 0;
    QByteArray output;
    const auto lastCommitted = [&child, &output] {
        output += child.readAllStandardOutput();
        const QList<QByteArray> lines = output.trimmed().split('\n');
        return lines.constLast().toInt();
    };
    QTRY_VERIFY_WITH_TIMEOUT((committed = lastCommitted()) >= 1000, 30000);
    ::kill(pid_t(child.processId()), SIGKILL);
    QVERIFY(child.waitForFinished());
    QCOMPARE(rawValue(path, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    SqliteEventStore store(path);
    QCOMPARE(store.open(true), QString()); // the lock of the dead writer is taken over
    QCOMPARE(store.access(), EventStore::Access::ReadWrite);
    // Everything the child saw committed is there (it may have committed a batch more before dying).
    QVERIFY(store.events(0).size() >= committed);
}

int main(int argc, char **argv)
{
    if (argc == 3 && QByteArray(argv[1]) == "--child-writer") {
        QCoreApplication app(argc, argv);
        return runChildWriter(QString::fromLocal8Bit(argv[2]));
    }
    QCoreApplication app(argc, argv);
    tst_SqliteEventStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sqliteeventstore.moc"
