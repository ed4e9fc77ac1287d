// Exchange streams (issue 14, Benchmarks): figures printed, never a timed unit test.
//   1. Events per second through parse -> normalize -> aggregate, per adapter (Binance USD-M, Bybit
//      linear, OKX SWAP with a ContractTable), over pre-generated realistic messages (~600 coins, both
//      sides, current timestamps), against a raw nlohmann::json::parse of the same messages: a full DOM
//      parse, the goal's baseline (best of several runs, interleaved). Goal: >= 250,000 events/s and
//      <= 1.3x the raw parse. The parsers read event messages with a SAX scan and build no DOM, so the
//      pipeline can be faster than the baseline; for reference the cheapest nlohmann read of the same
//      bytes is shown too (nlohmann::json::accept: the SAX parser with a handler that keeps nothing).
//   2. LiquidationAggregator::snapshot(BreakdownKind::Coin) (both breakdowns) after 24 h of simulated
//      time for 600 coins on three exchanges: median of several runs. Goal: under 2 ms.
//   3. Memory at 50 events/s (4.32 million events a day) with simulated time: entryCount() and the
//      process RSS growth (/proc/self/statm) after 6, 12, 24 and 30 h. Goal: < 64 MiB, flat after 24 h.
// Duplicate suppression lives in ExchangeStreamSource (models/exchanges) and is not measured here.
//   bench_streams [--quick] [--runs N]      (--quick: ~20x smaller, for a smoke run)
// Prints one "FIGURE <key> <value>" line per figure for tools/bench, and a readable table. Exits 1
// only when a run is broken (a message not read as events, a count or total that does not match
// what was fed), never on a missed goal; 2 on bad arguments.
#include "streammessages.h"
#include "streams/binanceparser.h"
#include "streams/bybitparser.h"
#include "streams/liquidationaggregator.h"
#include "streams/okxparser.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <exception>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

using namespace Liq;
using namespace Liq::Bench;

namespace {

constexpr qint64 HourMs = 3600 * 1000;

struct Sizes
{
    int messages = 200000; // per adapter
    int runs = 5; // best of, for throughput
    int snapshotRuns = 50; // median of
    double eventsPerSecond = 50; // simulated rate for the snapshot and memory figures
};

bool closeTo(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)});
}

// parse -> normalize -> aggregate, as ExchangeStreamSource::onEvents does (less duplicate suppression).
double runPipeline(const StreamParser &parser, const Feed &feed)
{
    LiquidationAggregator aggregator(feed.startMs);
    qint64 added = 0;
    qint64 notEvents = 0;
    QElapsedTimer timer;
    timer.start();
    for (size_t i = 0; i < feed.messages.size(); ++i) {
        const std::string &text = feed.messages[i];
        const StreamMessage message
            = parser.parse(QByteArrayView(text.data(), qsizetype(text.size())), feed.receivedMs[i]);
        if (message.kind != StreamMessage::Kind::Events)
            ++notEvents;
        aggregator.advanceTo(feed.receivedMs[i]);
        for (const LiquidationEvent &event : message.events)
            added += aggregator.add(event) ? 1 : 0;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const LiquidationAggregator::WindowStats day = aggregator.stats(TimeWindow::H24);
    if (notEvents > 0 || added != feed.events || day.count() != feed.events
        || !closeTo(day.amounts.total(), feed.usd))
        broken("pipeline: " + std::to_string(notEvents) + " messages not read as events, "
               + std::to_string(added) + " events added and " + std::to_string(day.count())
               + " counted in 24 h of " + std::to_string(feed.events) + " fed; 24 h total "
               + fixed(day.amounts.total(), 2) + " USD of " + fixed(feed.usd, 2));
    return seconds;
}

// The least any reader of these messages must do: one nlohmann parse each, from the same bytes.
double runRaw(const Feed &feed)
{
    size_t objects = 0;
    QElapsedTimer timer;
    timer.start();
    for (const std::string &text : feed.messages) {
        const auto json = nlohmann::json::parse(text.data(), text.data() + text.size(), nullptr, false);
        objects += json.is_object() ? 1 : 0;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (objects != feed.messages.size())
        broken("raw parse: " + std::to_string(objects) + " objects in " + std::to_string(feed.messages.size())
               + " messages");
    return seconds;
}

// For reference, the least nlohmann can do with the same bytes: check them (its SAX parser, nothing kept).
double runAccept(const Feed &feed)
{
    size_t accepted = 0;
    QElapsedTimer timer;
    timer.start();
    for (const std::string &text : feed.messages)
        accepted += nlohmann::json::accept(text.data(), text.data() + text.size()) ? 1 : 0;
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (accepted != feed.messages.size())
        broken("accept: " + std::to_string(accepted) + " of " + std::to_string(feed.messages.size())
               + " messages");
    return seconds;
}

struct Throughput
{
    const char *key;
    const char *label;
    qint64 messages = 0;
    qint64 events = 0;
    double pipelineSeconds = 0; // best run
    double rawSeconds = 0; // best run
    double acceptSeconds = 0; // best run

    double eventsPerSecond() const { return double(events) / pipelineSeconds; }
    double ratio() const { return pipelineSeconds / rawSeconds; }
};

Throughput measureThroughput(const char *key, const char *label, const StreamParser &parser, const Feed &feed,
                             int runs)
{
    Throughput result{key, label};
    result.messages = qint64(feed.messages.size());
    result.events = feed.events;
    result.pipelineSeconds = 1e300;
    result.rawSeconds = 1e300;
    result.acceptSeconds = 1e300;
    for (int run = 0; run < runs; ++run) { // interleaved, so all see the same machine
        result.rawSeconds = std::min(result.rawSeconds, runRaw(feed));
        result.pipelineSeconds = std::min(result.pipelineSeconds, runPipeline(parser, feed));
        result.acceptSeconds = std::min(result.acceptSeconds, runAccept(feed));
    }
    return result;
}

std::vector<Throughput> benchThroughput(const Universe &universe, const Sizes &sizes, qint64 startMs)
{
    std::vector<Throughput> results;
    {
        const Feed feed = makeFeed(Exchange::Binance, universe, sizes.messages, startMs);
        const BinanceParser parser(MarketKind::UsdM);
        results.push_back(measureThroughput("binance", "Binance USD-M", parser, feed, sizes.runs));
    }
    {
        const Feed feed = makeFeed(Exchange::Bybit, universe, sizes.messages, startMs);
        const BybitParser parser(MarketKind::Linear);
        results.push_back(measureThroughput("bybit", "Bybit linear", parser, feed, sizes.runs));
    }
    {
        const Feed feed = makeFeed(Exchange::Okx, universe, sizes.messages, startMs);
        const OkxParser parser(universe.okxContracts);
        results.push_back(measureThroughput("okx", "OKX SWAP", parser, feed, sizes.runs));
    }
    return results;
}

// --- Simulated time: events straight into an aggregator at a steady rate ------------------------------

struct MinuteTally
{
    qint64 minute = 0;
    qint64 count = 0;
    double usd = 0;
};

qint64 ceilDiv(qint64 a, qint64 b)
{
    return a >= 0 ? (a + b - 1) / b : -(-a / b);
}

// Feeds an aggregator second by second from startMs and remembers what it fed per minute, so that the
// aggregator's 24 h figures can be checked against it (the 24 h window starts on a whole minute).
class Simulation
{
public:
    Simulation(const Universe &universe, double eventsPerSecond, qint64 startMs)
        : m_universe(universe)
        , m_rate(eventsPerSecond)
        , m_startMs(startMs)
        , m_aggregator(startMs)
    { }

    const LiquidationAggregator &aggregator() const { return m_aggregator; }
    qint64 fed() const { return m_fed; }

    void runUntil(qint64 elapsedMs)
    {
        std::uniform_int_distribution<int> exchange(0, ExchangeCount - 1);
        for (; m_second * 1000 < elapsedMs; ++m_second) {
            const qint64 secondStart = m_startMs + m_second * 1000;
            m_aggregator.advanceTo(secondStart + 1000);
            const auto events = qint64(double(m_second + 1) * m_rate) - qint64(double(m_second) * m_rate);
            for (qint64 i = 0; i < events; ++i)
                add(AllExchanges[exchange(m_random)], secondStart + i * 1000 / events);
        }
    }

    // Empty when the aggregator's 24 h count and total are what was fed within the window.
    std::string check() const
    {
        const qint64 nowSeconds = m_aggregator.now() / 1000;
        const qint64 firstMinute = ceilDiv(nowSeconds - 24 * 3600, 60);
        qint64 count = 0;
        double usd = 0;
        for (const MinuteTally &tally : m_tally) {
            if (tally.minute >= firstMinute) {
                count += tally.count;
                usd += tally.usd;
            }
        }
        const LiquidationAggregator::WindowStats day = m_aggregator.stats(TimeWindow::H24);
        if (day.count() == count && closeTo(day.amounts.total(), usd))
            return {};
        return "24 h window holds " + std::to_string(day.count()) + " events, "
            + fixed(day.amounts.total(), 2) + " USD; fed within it " + std::to_string(count) + " events, "
            + fixed(usd, 2) + " USD";
    }

private:
    void add(Exchange exchange, qint64 timeMs)
    {
        const Draw d = draw(m_universe, m_random);
        LiquidationEvent event;
        event.exchange = exchange;
        event.coin = d.coin->coin;
        event.side = d.longSide ? LiquidatedSide::Long : LiquidatedSide::Short;
        event.price = d.price;
        event.quantity = d.usd / d.price;
        event.usd = d.usd;
        event.exchangeTimeMs = timeMs;
        event.receiveTimeMs = m_aggregator.now();
        event.market = exchange == Exchange::Binance ? MarketKind::UsdM
            : exchange == Exchange::Bybit            ? MarketKind::Linear
                                                     : MarketKind::Swap;
        event.instrument = exchange == Exchange::Binance ? d.coin->binanceSymbol
            : exchange == Exchange::Bybit                ? d.coin->bybitSymbol
                                                         : d.coin->okxInstrument;
        if (!m_aggregator.add(event))
            broken("the aggregator refused a current event");
        ++m_fed;
        const qint64 minute = timeMs / 1000 / 60;
        if (m_tally.empty() || m_tally.back().minute != minute)
            m_tally.push_back(MinuteTally{minute, 0, 0});
        m_tally.back().count += 1;
        m_tally.back().usd += d.usd;
        while (m_tally.size() > 26 * 60) // more than the 24 h window can reach back
            m_tally.pop_front();
    }

    const Universe &m_universe;
    double m_rate;
    qint64 m_startMs;
    LiquidationAggregator m_aggregator;
    std::mt19937_64 m_random{2024};
    std::deque<MinuteTally> m_tally;
    qint64 m_second = 0;
    qint64 m_fed = 0;
};

struct SnapshotFigures
{
    double medianMs = 0;
    qint64 events = 0;
    int coinRows = 0;
    int exchangeRows = 0;
};

SnapshotFigures benchSnapshot(const Universe &universe, const Sizes &sizes, qint64 startMs)
{
    Simulation simulation(universe, sizes.eventsPerSecond, startMs);
    simulation.runUntil(24 * HourMs);
    if (const std::string problem = simulation.check(); !problem.empty())
        broken("snapshot: " + problem);
    SnapshotFigures figures;
    figures.events = simulation.fed();
    std::vector<double> ms;
    for (int run = 0; run < sizes.snapshotRuns; ++run) {
        QElapsedTimer timer;
        timer.start();
        const LiquidationSnapshot snapshot = simulation.aggregator().snapshot(BreakdownKind::Coin);
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        figures.coinRows = int(snapshot.breakdown.size());
        figures.exchangeRows = int(snapshot.otherBreakdown.size());
        const LiquidationAggregator::WindowStats day = simulation.aggregator().stats(TimeWindow::H24);
        if (!closeTo(snapshot.totals.at(TimeWindow::H24).total(), day.amounts.total()))
            broken("snapshot: its 24 h total is not the aggregator's");
    }
    if (figures.coinRows != int(universe.coins.size()) || figures.exchangeRows != ExchangeCount)
        broken("snapshot: " + std::to_string(figures.coinRows) + " coin rows and "
               + std::to_string(figures.exchangeRows) + " exchange rows");
    std::sort(ms.begin(), ms.end());
    figures.medianMs = ms[ms.size() / 2];
    return figures;
}

qint64 rssBytes()
{
    std::FILE *file = std::fopen("/proc/self/statm", "r");
    if (!file)
        broken("cannot read /proc/self/statm");
    long size = 0;
    long resident = 0;
    const int read = std::fscanf(file, "%ld %ld", &size, &resident);
    std::fclose(file);
    if (read != 2)
        broken("cannot read /proc/self/statm");
    return qint64(resident) * qint64(sysconf(_SC_PAGESIZE));
}

struct MemorySample
{
    int hours = 0;
    qint64 events = 0;
    qsizetype entries = 0;
    double growthMib = 0;
};

std::vector<MemorySample> benchMemory(const Universe &universe, const Sizes &sizes, qint64 startMs,
                                      double *startMib)
{
    const qint64 before = rssBytes();
    *startMib = double(before) / (1024.0 * 1024.0);
    Simulation simulation(universe, sizes.eventsPerSecond, startMs);
    std::vector<MemorySample> samples;
    for (int hours : {6, 12, 24, 30}) {
        simulation.runUntil(hours * HourMs);
        if (const std::string problem = simulation.check(); !problem.empty())
            broken("memory after " + std::to_string(hours) + " h: " + problem);
        samples.push_back(MemorySample{hours, simulation.fed(), simulation.aggregator().entryCount(),
                                       double(rssBytes() - before) / (1024.0 * 1024.0)});
    }
    return samples;
}

// --- Report -------------------------------------------------------------------------------------------

void figure(const std::string &key, double value)
{
    std::printf("FIGURE %s %.3f\n", key.c_str(), value);
}

// The readable table, printed after every FIGURE line.
struct Row
{
    std::string name;
    std::string measured;
    const char *goal;
    bool pass;
};

void printRows(const std::vector<Row> &rows)
{
    std::printf("| %-34s | %-58s | %-22s | %-6s |\n", "Figure", "Measured", "Goal", "Result");
    for (const Row &r : rows)
        std::printf("| %-34s | %-58s | %-22s | %-6s |\n", r.name.c_str(), r.measured.c_str(), r.goal,
                    std::strcmp(r.goal, "-") == 0 ? "-"
                        : r.pass                  ? "pass"
                                                  : "FAIL");
}

void reportThroughput(const std::vector<Throughput> &results, std::vector<Row> &rows)
{
    for (const Throughput &t : results) {
        figure(std::string(t.key) + "_events_per_s", t.eventsPerSecond());
        figure(std::string(t.key) + "_raw_events_per_s", double(t.events) / t.rawSeconds);
        figure(std::string(t.key) + "_ratio", t.ratio());
        figure(std::string(t.key) + "_accept_ratio", t.pipelineSeconds / t.acceptSeconds);
        rows.push_back(Row{std::string(t.label) + " events/s",
                           fixed(t.eventsPerSecond() / 1000, 0) + "k/s (" + std::to_string(t.events) + " in "
                               + fixed(t.pipelineSeconds * 1000, 0) + " ms) vs raw DOM "
                               + fixed(t.rawSeconds * 1000, 0) + " ms = " + fixed(t.ratio(), 2) + "x",
                           ">= 250k/s, <= 1.3x raw", t.eventsPerSecond() >= 250000 && t.ratio() <= 1.3});
        rows.push_back(Row{std::string("  (reference: SAX accept only)"),
                           fixed(t.acceptSeconds * 1000, 0) + " ms; the pipeline takes "
                               + fixed(t.pipelineSeconds / t.acceptSeconds, 2) + "x that",
                           "-", true});
    }
}

void reportSnapshot(const SnapshotFigures &s, int runs, std::vector<Row> &rows)
{
    figure("snapshot_ms", s.medianMs);
    rows.push_back(
        Row{"Snapshot, 24 h, " + std::to_string(s.coinRows) + " coins x " + std::to_string(s.exchangeRows),
            fixed(s.medianMs, 3) + " ms (median of " + std::to_string(runs) + ", " + std::to_string(s.events)
                + " events)",
            "< 2 ms", s.medianMs < 2});
}

// Flat: no more than 1 MiB (or 2%) more after 30 h than after 24 h, once the window is full.
void reportMemory(const std::vector<MemorySample> &samples, double startMib, double rate,
                  std::vector<Row> &rows)
{
    const MemorySample &day = samples[2];
    const MemorySample &last = samples[3];
    const bool flat = last.growthMib - day.growthMib <= std::max(1.0, 0.02 * day.growthMib);
    for (const MemorySample &s : samples) {
        figure("memory_" + std::to_string(s.hours) + "h_mib", s.growthMib);
        figure("memory_" + std::to_string(s.hours) + "h_entries", double(s.entries));
        const bool full = s.hours >= 24;
        rows.push_back(Row{"Memory after " + std::to_string(s.hours) + " h at " + fixed(rate, 1) + " ev/s",
                           "+" + fixed(s.growthMib, 1) + " MiB over " + fixed(startMib, 1) + " MiB, "
                               + std::to_string(s.entries) + " entries, " + std::to_string(s.events)
                               + " events",
                           full ? "< 64 MiB, flat" : "< 64 MiB", s.growthMib < 64 && (!full || flat)});
    }
    figure("memory_flat", flat ? 1 : 0);
}

bool parseArguments(int argc, char **argv, Sizes *sizes)
{
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        if (argument == "--quick") {
            sizes->messages = 10000;
            sizes->runs = 3;
            sizes->snapshotRuns = 20;
            sizes->eventsPerSecond = 2.5;
        } else if (argument == "--runs" && i + 1 < argc) {
            sizes->runs = std::max(1, std::atoi(argv[++i]));
        } else {
            return false;
        }
    }
    return true;
}

int run(const Sizes &sizes)
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    std::mt19937_64 random(14);
    const Universe universe = makeUniverse(random);
    // Memory first, while the heap holds nothing freed that the aggregator could quietly reuse.
    double startMib = 0;
    const std::vector<MemorySample> memory = benchMemory(universe, sizes, nowMs - 30 * HourMs, &startMib);
    const SnapshotFigures snapshot = benchSnapshot(universe, sizes, nowMs - 24 * HourMs);
    const std::vector<Throughput> throughput = benchThroughput(universe, sizes, nowMs);

    std::printf("bench_streams: %d messages per adapter (best of %d runs), %d coins on 3 exchanges, "
                "%.1f simulated events/s\n",
                sizes.messages, sizes.runs, CoinCount, sizes.eventsPerSecond);
    std::printf("baseline (raw): nlohmann::json::parse of each message into a DOM, the same bytes; "
                "reference: nlohmann::json::accept (SAX, nothing kept)\n");
    std::vector<Row> rows;
    reportThroughput(throughput, rows);
    reportSnapshot(snapshot, sizes.snapshotRuns, rows);
    reportMemory(memory, startMib, sizes.eventsPerSecond, rows);
    printRows(rows);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    try {
        Sizes sizes;
        if (!parseArguments(argc, argv, &sizes)) {
            std::fprintf(stderr, "usage: bench_streams [--quick] [--runs N]\n");
            return 2;
        }
        return run(sizes);
    } catch (const std::exception &error) {
        std::fprintf(stderr, "bench_streams: broken run: %s\n", error.what());
        return 1;
    } catch (...) {
        std::fprintf(stderr, "bench_streams: broken run: unknown exception\n");
        return 1;
    }
}
