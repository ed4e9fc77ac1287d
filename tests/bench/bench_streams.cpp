// Exchange streams (issue 14, Benchmarks): figures printed, never a timed unit test.
//   1. Events per second through parse -> normalize -> aggregate, per adapter (Binance USD-M, Bybit
//      linear, OKX SWAP with a ContractTable), over pre-generated realistic messages (~600 coins, both
//      sides, current timestamps), against a raw nlohmann::json::parse of the same messages (best of
//      several runs, interleaved). Goal: >= 250,000 events/s and <= 1.3x the raw parse.
//   2. LiquidationAggregator::snapshot(BreakdownKind::Coin) (both breakdowns) after 24 h of simulated
//      time for 600 coins on three exchanges: median of several runs. Goal: under 2 ms.
//   3. Memory at 50 events/s (4.32 million events a day) with simulated time: entryCount() and the
//      process RSS growth (/proc/self/statm) after 6, 12, 24 and 30 h. Goal: < 64 MiB, flat after 24 h.
// Duplicate suppression lives in ExchangeStreamSource (models/exchanges) and is not measured here.
//   bench_streams [--quick] [--runs N]      (--quick: ~20x smaller, for a smoke run)
// Prints one "FIGURE <key> <value>" line per figure for tools/bench, and a readable table. Exits 1
// only when a run is broken (a message not read as events, a count or total that does not match
// what was fed), never on a missed goal; 2 on bad arguments.
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

namespace {

using OrderedJson = nlohmann::ordered_json;

constexpr int CoinCount = 600;
constexpr qint64 HourMs = 3600 * 1000;
constexpr qint64 FeedSpanMs = 10 * 60 * 1000; // the throughput messages cover ten minutes

struct Sizes
{
    int messages = 200000; // per adapter
    int runs = 5; // best of, for throughput
    int snapshotRuns = 50; // median of
    double eventsPerSecond = 50; // simulated rate for the snapshot and memory figures
};

// A coin as the generator sees it: names per exchange and a typical price.
struct Coin
{
    std::string name;
    double price = 1;
    bool okxInverse = false; // also has an inverse swap (X-USD-SWAP) on OKX
    double okxLinearCtVal = 1;
    double okxInverseCtVal = 10;
    QString coin;
    QString binanceSymbol;
    QString bybitSymbol;
    QString okxInstrument;
};

// One liquidation drawn at random: which coin, which side, how many dollars, at what price.
struct Draw
{
    const Coin *coin = nullptr;
    bool longSide = true;
    double usd = 0;
    double price = 0;
};

// Pre-generated messages of one adapter and what they must add up to.
struct Feed
{
    std::vector<std::string> messages;
    std::vector<qint64> receivedMs;
    qint64 startMs = 0;
    qint64 events = 0;
    double usd = 0;
};

void broken(const std::string &what)
{
    throw std::runtime_error(what);
}

std::string fixed(double value, int decimals)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

// The value a parser reads back from a decimal string (from_chars and strtod round the same way).
double readBack(const std::string &text)
{
    return std::strtod(text.c_str(), nullptr);
}

int priceDecimals(double price)
{
    return price >= 1000 ? 2 : price >= 1 ? 4 : price >= 0.01 ? 6 : 8;
}

int quantityDecimals(double price)
{
    return price >= 1000 ? 3 : price >= 10 ? 2 : price >= 1 ? 1 : 0;
}

// A quantity in the instrument's steps, never rounded to nothing.
std::string quantityText(double quantity, int decimals)
{
    const double step = std::pow(10.0, -decimals);
    return fixed(std::max(step, std::round(quantity / step) * step), decimals);
}

std::vector<std::string> coinNames(std::mt19937_64 &random)
{
    static const char *const Known[]
        = {"BTC", "ETH",  "SOL",  "XRP", "DOGE", "BNB",  "ADA",  "LINK", "AVAX", "SUI",  "LTC",   "TRX",
           "DOT", "NEAR", "APT",  "ARB", "OP",   "WIF",  "PEPE", "SHIB", "TON",  "FIL",  "ATOM",  "INJ",
           "SEI", "TIA",  "ORDI", "WLD", "ENA",  "AAVE", "UNI",  "ETC",  "BCH",  "HBAR", "KAITO", "TAO"};
    std::vector<std::string> names(std::begin(Known), std::end(Known));
    std::set<std::string> taken(names.begin(), names.end());
    std::uniform_int_distribution<int> letter('A', 'Z');
    std::uniform_int_distribution<int> length(3, 6);
    while (names.size() < size_t(CoinCount)) {
        std::string name;
        for (int i = length(random); i > 0; --i)
            name += char(letter(random));
        // A name holding a quote currency would be read as another coin: skip those.
        if (name.find("USD") == std::string::npos && name.find("PERP") == std::string::npos
            && taken.insert(name).second)
            names.push_back(name);
    }
    return names;
}

struct Universe
{
    std::vector<Coin> coins;
    ContractTable okxContracts;
};

Universe makeUniverse(std::mt19937_64 &random)
{
    Universe universe;
    std::uniform_real_distribution<double> logPrice(std::log(0.0005), std::log(5000.0));
    const std::vector<std::string> names = coinNames(random);
    for (size_t i = 0; i < names.size(); ++i) {
        Coin coin;
        coin.name = names[i];
        coin.price = i == 0 ? 95000 : i == 1 ? 3400 : i == 2 ? 180 : std::exp(logPrice(random));
        coin.okxInverse = i % 10 == 0;
        // OKX sizes linear contracts so that one is worth a few dollars.
        coin.okxLinearCtVal = std::pow(10.0, std::floor(std::log10(10.0 / coin.price)));
        coin.okxInverseCtVal = i == 0 ? 100 : 10;
        coin.coin = QString::fromStdString(coin.name);
        coin.binanceSymbol = coin.coin + QStringLiteral("USDT");
        coin.bybitSymbol = coin.coin + QStringLiteral("USDT");
        coin.okxInstrument = coin.coin + QStringLiteral("-USDT-SWAP");
        universe.okxContracts.insert(coin.okxInstrument, ContractSpec{coin.okxLinearCtVal, false});
        if (coin.okxInverse)
            universe.okxContracts.insert(coin.coin + QStringLiteral("-USD-SWAP"),
                                         ContractSpec{coin.okxInverseCtVal, true});
        universe.coins.push_back(coin);
    }
    return universe;
}

// Big coins liquidate far more often than small ones: a skewed pick, every coin still reachable.
Draw draw(const Universe &universe, std::mt19937_64 &random)
{
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::uniform_real_distribution<double> logUsd(std::log(50.0), std::log(2e6));
    const double u = unit(random);
    const size_t count = universe.coins.size();
    Draw result;
    result.coin = &universe.coins[std::min(count - 1, size_t(double(count) * u * u))];
    result.longSide = unit(random) < 0.55;
    result.usd = std::exp(logUsd(random));
    result.price = result.coin->price * (0.99 + 0.02 * unit(random));
    return result;
}

std::string binanceMessage(const Draw &d, qint64 timeMs, double *usd)
{
    const std::string average = fixed(d.price, priceDecimals(d.price));
    const std::string limit = fixed(d.price * (d.longSide ? 0.995 : 1.005), priceDecimals(d.price));
    const std::string quantity = quantityText(d.usd / d.price, quantityDecimals(d.price));
    *usd = readBack(quantity) * readBack(average);
    const OrderedJson order = {{"s", d.coin->name + "USDT"},
                               {"S", d.longSide ? "SELL" : "BUY"},
                               {"o", "LIMIT"},
                               {"f", "IOC"},
                               {"q", quantity},
                               {"p", limit},
                               {"ap", average},
                               {"X", "FILLED"},
                               {"l", quantity},
                               {"z", quantity},
                               {"T", timeMs}};
    return OrderedJson{{"e", "forceOrder"}, {"E", timeMs + 2}, {"o", order}}.dump();
}

// Bybit pushes every 500 ms per symbol: now and then two liquidations of the same symbol at once.
std::string bybitMessage(const Draw &d, int entries, qint64 timeMs, double *usd)
{
    OrderedJson data = OrderedJson::array();
    *usd = 0;
    for (int i = 0; i < entries; ++i) {
        const double price = d.price * (1 + 0.0005 * i);
        const std::string quantity = quantityText(d.usd / price / (i + 1), quantityDecimals(price));
        const std::string priceText = fixed(price, priceDecimals(price));
        *usd += readBack(quantity) * readBack(priceText);
        data.push_back({{"T", timeMs - 90 + i * 7},
                        {"s", d.coin->name + "USDT"},
                        {"S", d.longSide ? "Buy" : "Sell"},
                        {"v", quantity},
                        {"p", priceText}});
    }
    return OrderedJson{{"topic", "allLiquidation." + d.coin->name + "USDT"},
                       {"type", "snapshot"},
                       {"ts", timeMs},
                       {"data", data}}
        .dump();
}

std::string okxMessage(const Draw &d, bool inverse, qint64 timeMs, double *usd)
{
    const Coin &coin = *d.coin;
    const std::string family = coin.name + (inverse ? "-USD" : "-USDT");
    const double ctVal = inverse ? coin.okxInverseCtVal : coin.okxLinearCtVal;
    const double contracts = std::max(1.0, std::round(inverse ? d.usd / ctVal : d.usd / (ctVal * d.price)));
    const std::string size = fixed(contracts, 0);
    const std::string price = fixed(d.price, priceDecimals(d.price));
    *usd = inverse ? readBack(size) * ctVal : readBack(size) * ctVal * readBack(price);
    const OrderedJson detail = {{"bkLoss", "0"},
                                {"bkPx", price},
                                {"ccy", ""},
                                {"posSide", d.longSide ? "long" : "short"},
                                {"side", d.longSide ? "sell" : "buy"},
                                {"sz", size},
                                {"ts", std::to_string(timeMs)}};
    const OrderedJson entry = {{"details", OrderedJson::array({detail})},
                               {"instFamily", family},
                               {"instId", family + "-SWAP"},
                               {"instType", "SWAP"},
                               {"uly", family}};
    return OrderedJson{{"arg", {{"channel", "liquidation-orders"}, {"instType", "SWAP"}}},
                       {"data", OrderedJson::array({entry})}}
        .dump();
}

// Messages received over the ten minutes from startMs, each event a little before its receipt.
Feed makeFeed(Exchange exchange, const Universe &universe, int messages, qint64 startMs)
{
    std::mt19937_64 random(1000 + quint64(exchange));
    std::uniform_int_distribution<int> latency(20, 500);
    Feed feed;
    feed.startMs = startMs;
    feed.messages.reserve(size_t(messages));
    feed.receivedMs.reserve(size_t(messages));
    for (int i = 0; i < messages; ++i) {
        const qint64 received = startMs + 1000 + qint64(i) * FeedSpanMs / messages;
        const qint64 time = received - latency(random);
        const Draw d = draw(universe, random);
        double usd = 0;
        int events = 1;
        if (exchange == Exchange::Binance) {
            feed.messages.push_back(binanceMessage(d, time, &usd));
        } else if (exchange == Exchange::Bybit) {
            events = random() % 8 == 0 ? 2 : 1;
            feed.messages.push_back(bybitMessage(d, events, time, &usd));
        } else {
            feed.messages.push_back(okxMessage(d, d.coin->okxInverse && random() % 3 == 0, time, &usd));
        }
        feed.receivedMs.push_back(received);
        feed.events += events;
        feed.usd += usd;
    }
    return feed;
}

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

struct Throughput
{
    const char *key;
    const char *label;
    qint64 messages = 0;
    qint64 events = 0;
    double pipelineSeconds = 0; // best run
    double rawSeconds = 0; // best run

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
    for (int run = 0; run < runs; ++run) { // interleaved, so both see the same machine
        result.rawSeconds = std::min(result.rawSeconds, runRaw(feed));
        result.pipelineSeconds = std::min(result.pipelineSeconds, runPipeline(parser, feed));
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
                    r.pass ? "pass" : "FAIL");
}

void reportThroughput(const std::vector<Throughput> &results, std::vector<Row> &rows)
{
    for (const Throughput &t : results) {
        figure(std::string(t.key) + "_events_per_s", t.eventsPerSecond());
        figure(std::string(t.key) + "_raw_events_per_s", double(t.events) / t.rawSeconds);
        figure(std::string(t.key) + "_ratio", t.ratio());
        rows.push_back(Row{std::string(t.label) + " events/s",
                           fixed(t.eventsPerSecond() / 1000, 0) + "k/s (" + std::to_string(t.events) + " in "
                               + fixed(t.pipelineSeconds * 1000, 0) + " ms) vs raw "
                               + fixed(t.rawSeconds * 1000, 0) + " ms = " + fixed(t.ratio(), 2) + "x",
                           ">= 250k/s, <= 1.3x raw", t.eventsPerSecond() >= 250000 && t.ratio() <= 1.3});
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
