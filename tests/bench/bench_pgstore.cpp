// The PostgreSQL event store's speed (label `bench`; figures printed, not timed tests), against a server
// it starts itself (tests/common/postgresserver: initdb + pg_ctl on a Unix socket, fsync off):
//  (a) batched inserts against a bare insert of the same rows in the same run (the same unnested arrays
//      through libpq, no unique key, no minute rollup): what PostgreSQL itself costs here; and, for
//      reference, multi-row INSERT ... VALUES lists through QtSql (on at most ValuesSample events);
//  (b) what the dashboard reads from N events spread over 30 days: the four windows (the day's minute
//      totals, the last hour's events) and the same plus a 24 h timeline;
//  (c) ten readers following the store (events(since, afterId), every FollowIntervalMs as a dashboard
//      does) while a writer writes: the writer's rate with them against without, and the readers' lag.
//  (d) optionally, migrating a schema-2 database of N events to schema 3.
//   bench_pgstore [--events N] (default 3,000,000) [--follow-events N] (default 300,000)
//                 [--migration-events N] (default 0: not measured)
#include "postgresserver.h"
#include "session/storefollowersource.h"
#include "session/storerecorder.h"
#include "store/postgresarrays.h"
#include "store/postgresdirect.h"
#include "store/postgreseventstore.h"
#include "streams/liquidationaggregator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <random>
#include <vector>

using namespace Liq;

namespace {

constexpr int Batch = 5000; // a busy second's worth, many times over
constexpr int BareRowsPerInsert = 500; // as the store's multi-row INSERTs
constexpr int Readers = 10;
constexpr int ValuesSample = 200000; // the slow VALUES baseline's share of the events
constexpr qint64 DayMs = 86400000;

QList<LiquidationEvent> makeEvents(int count, qint64 endMs, qint64 spanMs, unsigned seed)
{
    static const char *const Coins[]
        = {"BTC", "ETH", "SOL", "XRP", "DOGE", "BNB", "ADA", "AVAX", "LINK", "SUI"};
    std::mt19937_64 random(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    QList<LiquidationEvent> events;
    events.reserve(count);
    for (int i = 0; i < count; ++i) {
        LiquidationEvent event;
        event.exchange = AllExchanges[i % ExchangeCount];
        event.market = MarketKind::UsdM;
        event.coin = QLatin1String(Coins[(i / 3) % 10]);
        event.instrument = event.coin + QStringLiteral("USDT");
        event.side = unit(random) < 0.6 ? LiquidatedSide::Short : LiquidatedSide::Long;
        event.price = 100 + unit(random);
        event.usd = 100 + 10000 * unit(random) * unit(random);
        event.quantity = event.usd / event.price;
        event.exchangeTimeMs = endMs - spanMs + qint64(double(spanMs) * double(i) / count);
        event.receiveTimeMs = event.exchangeTimeMs + 50;
        events << event;
    }
    return events;
}

double secondsOf(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e9;
}

// Appends in batches of Batch and flushes each: the writer's rate. < 0 when a write failed.
double storeInsertSeconds(PostgresEventStore &store, const QList<LiquidationEvent> &events)
{
    QElapsedTimer timer;
    timer.start();
    for (qsizetype i = 0; i < events.size(); i += Batch) {
        store.append(events.mid(i, Batch));
        if (!store.flush())
            return -1;
    }
    return secondsOf(timer);
}

// One Batch of bare rows as ten unnested arrays, the statement form the store uses, sent as the store
// sends them (libpq, binary arrays: PostgresDirect, PostgresArrays::BinaryArray).
bool bareUnnest(QSqlDatabase &db, const QList<LiquidationEvent> &events, qsizetype from, qsizetype to)
{
    using E = const LiquidationEvent &;
    using namespace PostgresArrays;
    const QList<LiquidationEvent> rows = events.mid(from, to - from);
    QString error;
    const bool ok
        = PostgresDirect::exec(
              db,
              "INSERT INTO bare (exchange, market, instrument, coin, side, price, quantity, usd, time_ms,"
              " received_ms) SELECT * FROM unnest($1::smallint[], $2::smallint[], $3::text[], $4::text[],"
              " $5::smallint[], $6::float8[], $7::float8[], $8::float8[], $9::int8[], $10::int8[])",
              {binaryColumn(rows, BinaryArray::Int2, [](E e) { return qint16(e.exchange); }),
               binaryColumn(rows, BinaryArray::Int2, [](E e) { return qint16(e.market); }),
               binaryColumn(rows, BinaryArray::Text, [](E e) { return e.instrument.toUtf8(); }),
               binaryColumn(rows, BinaryArray::Text, [](E e) { return e.coin.toUtf8(); }),
               binaryColumn(rows, BinaryArray::Int2, [](E e) { return qint16(e.side); }),
               binaryColumn(rows, BinaryArray::Float8, [](E e) { return e.price; }),
               binaryColumn(rows, BinaryArray::Float8, [](E e) { return e.quantity; }),
               binaryColumn(rows, BinaryArray::Float8, [](E e) { return e.usd; }),
               binaryColumn(rows, BinaryArray::Int8, [](E e) { return e.exchangeTimeMs; }),
               binaryColumn(rows, BinaryArray::Int8, [](E e) { return e.receiveTimeMs; })},
              PostgresDirect::Format::Binary, PostgresDirect::Format::Text, &error)
        != nullptr;
    if (!ok)
        std::fprintf(stderr, "bare: %s\n", qPrintable(error));
    return ok;
}

// The same Batch as multi-row VALUES lists of BareRowsPerInsert rows (the store's first form).
bool bareValues(QSqlDatabase &db, const QList<LiquidationEvent> &events, qsizetype from, qsizetype to)
{
    const QString one
        = QLatin1Char('(') + QStringList(10, QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
    for (qsizetype start = from; start < to; start += BareRowsPerInsert) {
        const qsizetype end = std::min(to, start + BareRowsPerInsert);
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO bare (exchange, market, instrument, coin, side, price,"
                                      " quantity, usd, time_ms, received_ms) VALUES ")
                       + QStringList(int(end - start), one).join(QLatin1Char(',')));
        for (qsizetype i = start; i < end; ++i) {
            const LiquidationEvent &e = events.at(i);
            for (const QVariant &value :
                 {QVariant(int(e.exchange)), QVariant(int(e.market)), QVariant(e.instrument),
                  QVariant(e.coin), QVariant(int(e.side)), QVariant(e.price), QVariant(e.quantity),
                  QVariant(e.usd), QVariant(e.exchangeTimeMs), QVariant(e.receiveTimeMs)})
                insert.addBindValue(value);
        }
        if (!insert.exec())
            return false;
    }
    return true;
}

// The same rows into a table with the same id and time index but no unique key and no rollup, a
// transaction per Batch: what PostgreSQL and QPSQL cost for these rows. < 0 when it failed.
double bareInsertSeconds(const QString &uri, const QList<LiquidationEvent> &events, bool asValues)
{
    const QString name = QStringLiteral("bare");
    double seconds = -1;
    {
        QString error;
        if (!PostgresConnection::parse(uri).open(name, &error)) {
            std::fprintf(stderr, "bare: %s\n", qPrintable(error));
            QSqlDatabase::removeDatabase(name);
            return -1;
        }
        QSqlDatabase db = QSqlDatabase::database(name);
        QSqlQuery query(db);
        query.exec(QStringLiteral("DROP TABLE IF EXISTS bare"));
        query.exec(QStringLiteral(
            "CREATE TABLE bare (id bigserial PRIMARY KEY, exchange smallint, market smallint,"
            " instrument text, coin text, side smallint, price double precision, quantity double precision,"
            " usd double precision, time_ms bigint, received_ms bigint)"));
        query.exec(QStringLiteral("CREATE INDEX bare_by_time ON bare (time_ms)"));
        QElapsedTimer timer;
        timer.start();
        bool ok = true;
        for (qsizetype from = 0; ok && from < events.size(); from += Batch) {
            const qsizetype to = std::min(events.size(), from + Batch);
            ok = db.transaction()
                && (asValues ? bareValues(db, events, from, to) : bareUnnest(db, events, from, to))
                && db.commit();
        }
        if (ok)
            seconds = secondsOf(timer);
        else
            std::fprintf(stderr, "bare: %s\n", qPrintable(db.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return seconds;
}

// (b): the windows (what a start or --summary reads) and the windows plus a 24 h timeline, best of 5.
bool measureReads(const PostgresEventStore &store, qint64 now, int dayEvents, int eventCount)
{
    QElapsedTimer timer;
    double best = 1e9;
    LiquidationSnapshot snapshot;
    for (int run = 0; run < 5; ++run) {
        timer.restart();
        snapshot = StoreRefill::snapshot(store);
        best = std::min(best, double(timer.nsecsElapsed()) / 1e6);
    }
    double timelineBest = 1e9;
    for (int run = 0; run < 5; ++run) {
        timer.restart();
        LiquidationAggregator aggregator(now);
        for (const MinuteTotal &total :
             store.minuteTotals((now - DayMs) / 60000, aggregator.eventsNeededSinceMs() / 60000))
            aggregator.addMinuteTotal(total);
        for (const LiquidationEvent &event : store.events(aggregator.eventsNeededSinceMs()))
            aggregator.add(event);
        const Timeline timeline = aggregator.timeline(5);
        timelineBest = std::min(timelineBest, double(timer.nsecsElapsed()) / 1e6);
        if (timeline.size() != 288)
            return false;
    }
    std::printf("windows from the store: %.1f ms (best of 5; %d events in the last 24 h)\n", best, dayEvents);
    std::printf("windows + 24 h timeline: %.1f ms (best of 5; goal < 50 ms)\n", timelineBest);
    // Where the time goes: the two reads alone (QPSQL, forward only), without the aggregator.
    timer.restart();
    const qsizetype minuteRows = store.minuteTotals((now - DayMs) / 60000, now / 60000).size();
    const double minutesMs = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    const qsizetype hourRows = store.events(now - 3600000).size();
    std::printf(
        "  of which reading the day's %lld minute totals: %.1f ms; %lld events of the last hour: %.1f ms\n",
        static_cast<long long>(minuteRows), minutesMs, static_cast<long long>(hourRows),
        double(timer.nsecsElapsed()) / 1e6);
    const int read = int(snapshot.observation->eventsIn(TimeWindow::H24).count());
    std::printf("24h total read back: $%.0f from %d liquidations\n",
                snapshot.totals.at(TimeWindow::H24).total(), read);
    // The 24h window starts on a minute boundary: at most a minute's events apart from the exact count.
    return std::abs(read - dayEvents) <= eventCount / (30 * 24 * 60) + 1;
}

// The day's rollup rows read again through QtSql: EXPLAIN ANALYZE's execution time on the server, and the
// rows fetched whole (not forward only, one PGresult) without unpacking them.
void explainMinutes(const QString &uri, qint64 now)
{
    const QString name = QStringLiteral("explain");
    {
        QString error;
        if (!PostgresConnection::parse(uri).open(name, &error)) {
            QSqlDatabase::removeDatabase(name);
            return;
        }
        const QString select = QStringLiteral("SELECT minute, totals FROM minute_rollups"
                                              " WHERE minute >= %1 AND minute < %2 ORDER BY minute")
                                   .arg((now - DayMs) / 60000)
                                   .arg(now / 60000);
        QSqlQuery query(QSqlDatabase::database(name));
        query.exec(QStringLiteral("SET work_mem = '32MB'")); // as the store's read connection
        query.exec(QStringLiteral("SET random_page_cost = 1.1"));
        query.exec(QStringLiteral("EXPLAIN (ANALYZE, BUFFERS) ") + select);
        while (query.next())
            std::printf("    %s\n", qPrintable(query.value(0).toString()));
        QElapsedTimer timer;
        timer.start();
        QSqlQuery whole(QSqlDatabase::database(name));
        whole.exec(select);
        int rows = 0;
        qint64 bytes = 0;
        while (whole.next()) {
            bytes += whole.value(1).toByteArray().size();
            ++rows;
        }
        std::printf(
            "  the same %d rows through QPSQL (as hex text), not unpacked: %.1f ms (%lld bytes of totals)\n",
            rows, double(timer.nsecsElapsed()) / 1e6, static_cast<long long>(bytes));
        QSqlDatabase::database(name).close();
    }
    QSqlDatabase::removeDatabase(name);
}

// One dashboard following the store on its own thread and connection, as StoreFollowerSource does.
struct Follower
{
    std::atomic<qint64> seen{0};
    std::vector<qint64> lagsMs; // per event: seen - appended (receiveTimeMs is the append time)
    std::atomic<bool> failed{false};
    std::atomic<bool> ready{false}; // the day read once: from now on, only what is new
};

void follow(const QString &uri, Follower *follower, const std::atomic<bool> *stop)
{
    PostgresEventStore store(uri);
    if (!store.open(false).isEmpty()) {
        follower->failed = true;
        return;
    }
    qint64 lastId = 0;
    store.events(QDateTime::currentMSecsSinceEpoch() - DayMs, 0, &lastId);
    follower->ready = true;
    while (!stop->load()) {
        QThread::msleep(StoreFollowerSource::FollowIntervalMs); // the follower's pace, not a synchronisation
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QList<LiquidationEvent> added = store.events(now - DayMs, lastId, &lastId);
        if (!store.lastError().isEmpty())
            follower->failed = true;
        for (const LiquidationEvent &event : added)
            follower->lagsMs.push_back(now - event.receiveTimeMs);
        follower->seen += added.size();
    }
}

// Fresh events stamped with the time they are appended (receiveTimeMs), so a reader can tell its lag.
double writeStamped(PostgresEventStore &store, int count, unsigned seed)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<LiquidationEvent> events = makeEvents(count, now, 60000, seed);
    QElapsedTimer timer;
    timer.start();
    for (qsizetype i = 0; i < events.size(); i += Batch) {
        QList<LiquidationEvent> batch = events.mid(i, Batch);
        const qint64 stamp = QDateTime::currentMSecsSinceEpoch();
        for (LiquidationEvent &event : batch)
            event.receiveTimeMs = stamp;
        store.append(batch);
        if (!store.flush())
            return -1;
    }
    return secondsOf(timer);
}

qint64 percentile(std::vector<qint64> values, double p)
{
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    return values.at(std::min(values.size() - 1, size_t(p * double(values.size()))));
}

// (c): the writer alone, then the writer with Readers followers; each follower must see every event.
bool measureFollowers(PostgresEventStore &store, const QString &uri, int count)
{
    const double alone = writeStamped(store, count, 11);
    std::atomic<bool> stop{false};
    std::vector<std::unique_ptr<Follower>> followers;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < Readers; ++i) {
        followers.push_back(std::make_unique<Follower>());
        threads.emplace_back(QThread::create(follow, uri, followers.back().get(), &stop));
        threads.back()->start();
    }
    // The writer starts once every follower has read the day (their start is not what is measured).
    const QDeadlineTimer ready(120000);
    while (!ready.hasExpired() && !std::all_of(followers.cbegin(), followers.cend(), [](const auto &f) {
        return f->ready.load() || f->failed.load();
    }))
        QThread::msleep(50);
    const double shared = writeStamped(store, count, 12);
    const QDeadlineTimer deadline(30000);
    auto allSeen = [&followers, count] {
        return std::all_of(followers.cbegin(), followers.cend(),
                           [count](const std::unique_ptr<Follower> &f) { return f->seen >= count; });
    };
    while (!allSeen() && !deadline.hasExpired())
        QThread::msleep(50);
    stop = true;
    std::vector<qint64> lags;
    bool ok = allSeen();
    for (int i = 0; i < Readers; ++i) {
        threads.at(i)->wait();
        ok = ok && !followers.at(i)->failed;
        lags.insert(lags.end(), followers.at(i)->lagsMs.cbegin(), followers.at(i)->lagsMs.cend());
    }
    if (alone < 0 || shared < 0)
        return false;
    std::printf("writer alone: %d events in %.2f s = %.0f events/s\n", count, alone, count / alone);
    std::printf("writer with %d readers following: %.0f events/s (%.2fx the time alone)\n", Readers,
                count / shared, shared / alone);
    std::printf(
        "readers' lag (append to seen, polling every %d ms): median %lld ms, p99 %lld ms, max %lld ms;"
        " every reader saw all %d: %s\n",
        StoreFollowerSource::FollowIntervalMs, static_cast<long long>(percentile(lags, 0.5)),
        static_cast<long long>(percentile(lags, 0.99)), static_cast<long long>(percentile(lags, 1.0)), count,
        ok ? "yes" : "NO");
    return ok;
}

// (d) with --migration-events N: a database as schema 2 left it (the seven-column key, a row per minute ×
// exchange × coin × side), N events over 30 days made by SQL, migrated inside open() (the events keyed
// again, the rollup rebuilt from them).
bool measureMigration(PostgresServer &server, int count)
{
    const QString name = QStringLiteral("migrate");
    const qint64 spanMs = qint64(30) * DayMs;
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch() - spanMs;
    const QString schema2 = QStringLiteral(
        "CREATE TABLE liqscope_meta (key text PRIMARY KEY, value text NOT NULL);"
        "INSERT INTO liqscope_meta VALUES ('schema_version', '2');"
        "CREATE TABLE events (id bigserial PRIMARY KEY, exchange smallint NOT NULL, market smallint NOT NULL,"
        " instrument text NOT NULL, coin text NOT NULL, side smallint NOT NULL, price double precision NOT "
        "NULL,"
        " quantity double precision NOT NULL, usd double precision NOT NULL, time_ms bigint NOT NULL,"
        " received_ms bigint NOT NULL,"
        " CONSTRAINT events_once UNIQUE (exchange, market, instrument, side, time_ms, quantity, price));"
        "CREATE INDEX events_by_time ON events (time_ms);"
        "CREATE TABLE coverage (exchange smallint NOT NULL, since_ms bigint NOT NULL, until_ms bigint NOT "
        "NULL,"
        " PRIMARY KEY (exchange, since_ms));"
        "CREATE TABLE minutes (minute bigint NOT NULL, exchange smallint NOT NULL, coin text NOT NULL,"
        " side smallint NOT NULL, usd double precision NOT NULL, count integer NOT NULL,"
        " largest_usd double precision NOT NULL, PRIMARY KEY (minute, exchange, coin, side));");
    const QString fill
        = QStringLiteral(
              "INSERT INTO events (exchange, market, instrument, coin, side, price, quantity, usd, time_ms,"
              " received_ms) SELECT i %% 3, 0, c || 'USDT', c, (i %% 5 < 3)::int, 100 + (i %% 1000) / 1000.0,"
              " (100 + i %% 9973) / (100 + (i %% 1000) / 1000.0), 100 + i %% 9973, %1 + i * %2 / %3,"
              " %1 + i * %2 / %3 + 50 FROM generate_series(0::bigint, %3 - 1) i, LATERAL (SELECT "
              "(ARRAY['BTC', 'ETH',"
              " 'SOL', 'XRP', 'DOGE', 'BNB', 'ADA', 'AVAX', 'LINK', 'SUI'])[(i / 3) %% 10 + 1] AS c) coins;"
              "INSERT INTO minutes SELECT time_ms / 60000, exchange, coin, side, sum(usd), count(*), max(usd)"
              " FROM events GROUP BY 1, 2, 3, 4;")
              .arg(startMs)
              .arg(spanMs)
              .arg(count)
              .replace(QLatin1String("%%"), QLatin1String("%"));
    QString problem = server.createDatabase(name);
    if (problem.isEmpty())
        problem = server.execute(name, schema2 + fill + QStringLiteral("ANALYZE"));
    if (!problem.isEmpty()) {
        std::fprintf(stderr, "migration: %s\n", qPrintable(problem));
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    PostgresEventStore store(server.uri(name));
    if (QString error = store.open(true); !error.isEmpty()) {
        std::fprintf(stderr, "migration: %s\n", qPrintable(error));
        return false;
    }
    const double seconds = secondsOf(timer);
    qint64 counted = 0;
    for (const MinuteTotal &total : store.minuteTotals(startMs / 60000 - 1, startMs / 60000 + 31 * 1440))
        counted += total.count;
    std::printf("migrating a schema-2 database of %d events to schema 3 inside open(): %.1f s; the rollup"
                " counts %lld of them\n",
                count, seconds, static_cast<long long>(counted));
    return counted == count;
}

int run(int eventCount, int followCount, int migrationCount)
{
    PostgresServer server;
    QString problem = server.start();
    for (const char *name : {"bench", "bare"}) {
        if (problem.isEmpty())
            problem = server.createDatabase(QLatin1String(name));
    }
    if (!problem.isEmpty()) {
        std::fprintf(stderr, "bench_pgstore: %s\n", qPrintable(problem));
        return 1;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 month = qint64(30) * DayMs;
    const QList<LiquidationEvent> events = makeEvents(eventCount, now, month, 7);
    PostgresEventStore store(server.uri(QStringLiteral("bench")));
    if (QString error = store.open(true); !error.isEmpty()) {
        std::fprintf(stderr, "bench_pgstore: %s\n", qPrintable(error));
        return 1;
    }
    const double storeSeconds = storeInsertSeconds(store, events);
    const double bareSeconds = bareInsertSeconds(server.uri(QStringLiteral("bare")), events, false);
    // Multi-row VALUES lists are much slower: measured on at most ValuesSample events.
    const QList<LiquidationEvent> sample = events.mid(0, ValuesSample);
    const double valuesSeconds = bareInsertSeconds(server.uri(QStringLiteral("bare")), sample, true);
    if (storeSeconds < 0 || bareSeconds < 0 || valuesSeconds < 0)
        return 1;
    std::printf("insert: %d events in %.2f s = %.0f events/s (goal >= 50000/s)\n", eventCount, storeSeconds,
                eventCount / storeSeconds);
    std::printf(
        "  bare insert of the same rows (binary unnested arrays through libpq, no unique key, no rollup):"
        " %.0f events/s;"
        " the store takes %.2fx its time\n",
        eventCount / bareSeconds, storeSeconds / bareSeconds);
    std::printf(
        "  bare multi-row INSERT ... VALUES (%d rows a statement, first %lld events): %.0f events/s\n",
        BareRowsPerInsert, static_cast<long long>(sample.size()), double(sample.size()) / valuesSeconds);
    std::fflush(stdout);
    server.execute(QStringLiteral("bench"), QStringLiteral("ANALYZE")); // as autovacuum would by now
    // The day as of the reads (the inserts took minutes: the oldest events have left it since).
    const qint64 readNow = QDateTime::currentMSecsSinceEpoch();
    const int dayEvents
        = int(std::count_if(events.cbegin(), events.cend(), [readNow](const LiquidationEvent &e) {
              return e.exchangeTimeMs > readNow - DayMs;
          }));
    const bool readsOk = measureReads(store, readNow, dayEvents, eventCount);
    explainMinutes(server.uri(QStringLiteral("bench")), readNow);
    std::fflush(stdout);
    const bool followOk = measureFollowers(store, server.uri(QStringLiteral("bench")), followCount);
    std::fflush(stdout);
    const bool migrationOk = migrationCount <= 0 || measureMigration(server, migrationCount);
    return readsOk && followOk && migrationOk ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    try {
        QCoreApplication app(argc, argv);
        int events = 3000000;
        int followEvents = 300000;
        int migrationEvents = 0;
        for (int i = 1; i + 1 < argc; i += 2) {
            if (QByteArray(argv[i]) == "--events")
                events = QByteArray(argv[i + 1]).toInt();
            else if (QByteArray(argv[i]) == "--follow-events")
                followEvents = QByteArray(argv[i + 1]).toInt();
            else if (QByteArray(argv[i]) == "--migration-events")
                migrationEvents = QByteArray(argv[i + 1]).toInt();
        }
        return run(events, followEvents, migrationEvents);
    } catch (const std::exception &error) {
        std::fprintf(stderr, "bench_pgstore: %s\n", error.what());
        return 1;
    }
}
