// The SQLite event store on real files: round trip, an event stored once, the rollup, coverage, reopen,
// refusals that leave the file untouched (damaged, newer schema), one writer and many readers, a full
// store, retention, and kill -9 while writing (a child process: this test run with --child-writer).
#include "store/sqliteeventstore.h"

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
    const qint64 t = (QDateTime::currentMSecsSinceEpoch() / 60'000) * 60'000; // a minute's start
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

    const QList<MinuteTotal> minutes = store.minuteTotals(t / 60'000, t / 60'000 + 1);
    QCOMPARE(minutes.size(), 2); // Binance BTC long; OKX ETH short
    const MinuteTotal &btc = minutes.at(0).coin == QLatin1String("BTC") ? minutes.at(0) : minutes.at(1);
    QCOMPARE(btc.usd, 4000.0);
    QCOMPARE(btc.count, 2);
    QCOMPARE(btc.largestUsd, 3000.0);
    QCOMPARE(store.coverage(0), (QList<CoverageSpan>{{Exchange::Binance, t - 5000, t + 9000}}));

    QCOMPARE(rawValue(path, QStringLiteral("PRAGMA user_version")).toInt(), 1);
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
    store.append({makeEvent(now - 2 * 86'400'000LL, QStringLiteral("OLD"), LiquidatedSide::Long, 1),
                  makeEvent(now, QStringLiteral("NEW"), LiquidatedSide::Long, 2)});
    QVERIFY(store.flush());
    const QList<LiquidationEvent> kept = store.events(0);
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.constFirst().coin, QStringLiteral("NEW"));
    QVERIFY(store.minuteTotals(0, (now / 60'000) - 60).isEmpty());
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
    QTRY_VERIFY_WITH_TIMEOUT((committed = lastCommitted()) >= 1000, 30'000);
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
