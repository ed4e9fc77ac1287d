// The event store's speed (label `bench`; figures printed, not timed tests): batched inserts against a
// bare SQLite insert of the same rows in the same run (no unique key, no rollup), and reading what the
// dashboard needs from a store of N events spread over 30 days: the four windows (minute totals of the
// day, the last hour's events), a 24 h timeline, and start-up (open() to the first refilled snapshot).
//   bench_store [--events N] (default 3000000) [--keep FILE] (the store stays there afterwards)
#include "session/storerecorder.h"
#include "store/sqliteeventstore.h"
#include "streams/liquidationaggregator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <random>

using namespace Liq;

namespace {

QList<LiquidationEvent> makeEvents(int count, qint64 endMs, qint64 spanMs)
{
    static const char *const Coins[]
        = {"BTC", "ETH", "SOL", "XRP", "DOGE", "BNB", "ADA", "AVAX", "LINK", "SUI"};
    std::mt19937_64 random(7);
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

// The same rows into a table with no unique key and no rollup: what SQLite itself costs here.
double bareInsertSeconds(const QString &path, const QList<LiquidationEvent> &events)
{
    QElapsedTimer timer;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bare"));
        db.setDatabaseName(path);
        db.open();
        QSqlQuery query(db);
        query.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        query.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        query.exec(QStringLiteral(
            "CREATE TABLE events (exchange INTEGER, market INTEGER, instrument TEXT, coin TEXT,"
            " side INTEGER, price REAL, quantity REAL, usd REAL, time_ms INTEGER, received_ms INTEGER)"));
        timer.start();
        db.transaction();
        query.prepare(QStringLiteral("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?)"));
        for (const LiquidationEvent &e : events) {
            const QVariantList values{int(e.exchange),  int(e.market),  e.instrument, e.coin,
                                      int(e.side),      e.price,        e.quantity,   e.usd,
                                      e.exchangeTimeMs, e.receiveTimeMs};
            for (int i = 0; i < values.size(); ++i)
                query.bindValue(i, values.at(i));
            query.exec();
        }
        db.commit();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bare"));
    return double(timer.nsecsElapsed()) / 1e9;
}

constexpr qint64 DayMs = qint64(24) * 3600 * 1000;
constexpr qint64 MinuteMs = 60000;

double millisecondsOf(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// Batched inserts as the recorder makes them; the seconds, or a negative number when a batch failed.
double insertSeconds(SqliteEventStore &store, const QList<LiquidationEvent> &events)
{
    QElapsedTimer timer;
    timer.start();
    constexpr int Batch = 5000; // a busy second's worth, many times over
    for (qsizetype i = 0; i < events.size(); i += Batch) {
        store.append(events.mid(i, Batch));
        if (!store.flush())
            return -1;
    }
    return double(timer.nsecsElapsed()) / 1e9;
}

// The windows and a 24 h timeline as a refill reads them, best of 5, with where the time goes.
bool timeTimeline(const SqliteEventStore &store, qint64 now)
{
    double best = 1e9;
    double minutesMs = 0;
    double eventsMs = 0;
    int minuteRows = 0;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        LiquidationAggregator aggregator(now);
        const QList<MinuteTotal> minutes
            = store.minuteTotals((now - DayMs) / MinuteMs, aggregator.eventsNeededSinceMs() / MinuteMs);
        const double minutesRead = millisecondsOf(timer);
        const QList<LiquidationEvent> events = store.events(aggregator.eventsNeededSinceMs());
        const double eventsRead = millisecondsOf(timer) - minutesRead;
        for (const MinuteTotal &total : minutes)
            aggregator.addMinuteTotal(total);
        for (const LiquidationEvent &event : events)
            aggregator.add(event);
        const Timeline timeline = aggregator.timeline(5);
        if (timeline.size() != 288)
            return false;
        if (millisecondsOf(timer) < best) {
            best = millisecondsOf(timer);
            minutesMs = minutesRead;
            eventsMs = eventsRead;
            minuteRows = int(minutes.size());
        }
    }
    std::printf("windows + 24 h timeline: %.1f ms (best of 5; reading %d minute totals %.1f ms, the last"
                " hour's events %.1f ms; goal < 20 ms)\n",
                best, minuteRows, minutesMs, eventsMs);
    return true;
}

// Start-up on the store: a new store object, open() (the lock, the checks) to the first refilled snapshot.
double startupMs(const QString &path, LiquidationSnapshot *snapshot)
{
    double best = 1e9;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer timer;
        timer.start();
        SqliteEventStore store(path);
        if (!store.open(true).isEmpty())
            return -1;
        *snapshot = StoreRefill::snapshot(store);
        best = std::min(best, millisecondsOf(timer));
    }
    return best;
}

int run(int eventCount, const QString &keepPath)
{
    QTemporaryDir dir;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 month = 30 * DayMs;
    const QList<LiquidationEvent> events = makeEvents(eventCount, now, month);
    const QString path = dir.filePath(QStringLiteral("bench.sqlite"));

    auto store = std::make_unique<SqliteEventStore>(path);
    if (!store->open(true).isEmpty())
        return 1;
    // As a collector leaves it: each exchange watched the whole month, so the picture has its coverage.
    for (Exchange exchange : AllExchanges)
        store->recordCoverage(exchange, now - month, now);
    const double storeSeconds = insertSeconds(*store, events);
    if (storeSeconds < 0)
        return 1;
    const double bareSeconds = bareInsertSeconds(dir.filePath(QStringLiteral("bare.sqlite")), events);
    std::printf(
        "insert: %d events in %.2f s = %.0f events/s (bare SQLite insert %.0f events/s, %.2fx its time;"
        " goal >= 200000/s)\n",
        eventCount, storeSeconds, eventCount / storeSeconds, eventCount / bareSeconds,
        storeSeconds / bareSeconds);

    // What a --summary or a collector-owned dashboard reads: the day's minute totals and the last hour's
    // events, into the four windows.
    double best = 1e9;
    LiquidationSnapshot snapshot;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        snapshot = StoreRefill::snapshot(*store);
        best = std::min(best, millisecondsOf(timer));
    }
    const int dayEvents = int(std::count_if(events.cbegin(), events.cend(), [now](const LiquidationEvent &e) {
        return e.exchangeTimeMs > now - DayMs;
    }));
    std::printf("windows from the store: %.1f ms (best of 5; %d events in the last 24 h; goal < 20 ms)\n",
                best, dayEvents);
    if (!timeTimeline(*store, now))
        return 1;
    store.reset();

    LiquidationSnapshot started;
    const double startup = startupMs(path, &started);
    std::printf("start-up with 30 days (%d events): %.1f ms from open() to the first refilled snapshot"
                " (best of 3)\n",
                eventCount, startup);
    std::printf("24h total read back: $%.0f from %d liquidations\n",
                snapshot.totals.at(TimeWindow::H24).total(),
                snapshot.observation->eventsIn(TimeWindow::H24).count());
    // The 24h window starts on a minute boundary: at most a minute's events apart from the exact count.
    const int perMinute = eventCount / (30 * 24 * 60) + 1;
    const int counted = snapshot.observation->eventsIn(TimeWindow::H24).count();
    // --keep FILE: the store stays for measuring the window on it (liqscope --store FILE --screenshot).
    if (!keepPath.isEmpty() && !QFile::copy(path, keepPath))
        std::fprintf(stderr, "bench_store: could not keep the store as %s\n", qPrintable(keepPath));
    return startup >= 0 && std::abs(counted - dayEvents) <= perMinute
            && started.observation->eventsIn(TimeWindow::H24).count() == counted
        ? 0
        : 1;
}

} // namespace

int main(int argc, char **argv)
{
    try {
        QCoreApplication app(argc, argv);
        int events = 3000000;
        QString keepPath;
        for (int i = 1; i + 1 < argc; i += 2) {
            if (QByteArray(argv[i]) == "--events")
                events = QByteArray(argv[i + 1]).toInt();
            else if (QByteArray(argv[i]) == "--keep")
                keepPath = QString::fromLocal8Bit(argv[i + 1]);
        }
        return run(events, keepPath);
    } catch (const std::exception &error) {
        std::fprintf(stderr, "bench_store: %s\n", error.what());
        return 1;
    }
}
