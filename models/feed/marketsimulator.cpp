#include "feed/marketsimulator.h"

#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace Liq {

namespace {

constexpr int MinutesPerDay = 24 * 60;
// Calm whole-market liquidations per minute: about $170M a quiet day, cascades add the rest.
constexpr double CalmUsdPerMinute = 120'000.0;
// One cascade every ~8 hours on average.
constexpr double CascadeChancePerMinute = 1.0 / 480.0;

struct CoinProfile
{
    const char *symbol;
    double weight; // share of the market's liquidations
};

// Relative sizes as liquidation tables usually rank them.
constexpr CoinProfile Coins[] = {
    {"BTC", 0.330},  {"ETH", 0.220},  {"SOL", 0.085},  {"XRP", 0.055},  {"DOGE", 0.045},
    {"HYPE", 0.030}, {"BNB", 0.025},  {"SUI", 0.022},  {"PEPE", 0.020}, {"ADA", 0.018},
    {"ENA", 0.015},  {"LINK", 0.014}, {"AVAX", 0.013}, {"WIF", 0.012},  {"LTC", 0.010},
    {"ARB", 0.008},  {"TRX", 0.008},  {"TON", 0.007},  {"NEAR", 0.007}, {"DOT", 0.006},
};
constexpr int CoinCount = int(sizeof(Coins) / sizeof(Coins[0]));

struct ExchangeProfile
{
    const char *name;
    double share;
};
constexpr ExchangeProfile Exchanges[] = {
    {"Binance", 0.36}, {"Bybit", 0.20}, {"OKX", 0.14}, {"Hyperliquid", 0.10},
    {"Bitget", 0.07},  {"Gate", 0.05},  {"HTX", 0.04}, {"BingX", 0.04},
};
constexpr int SimulatedExchangeCount = int(sizeof(Exchanges) / sizeof(Exchanges[0]));

QDateTime wholeMinute(const QDateTime &time)
{
    const qint64 seconds = time.toSecsSinceEpoch();
    return QDateTime::fromSecsSinceEpoch(seconds - seconds % 60, QTimeZone::utc());
}

} // namespace

MarketSimulator::MarketSimulator(quint64 seed, const QDateTime &start)
    : m_random(quint32(seed ^ (seed >> 32)))
    , m_ring(MinutesPerDay)
{
    for (Minute &minute : m_ring) {
        minute.longUsd.assign(CoinCount, 0.0f);
        minute.shortUsd.assign(CoinCount, 0.0f);
    }
    // Each exchange's share varies a little per coin (some venues list more altcoins).
    m_exchangeShares.assign(CoinCount, std::vector<double>(SimulatedExchangeCount, 0.0));
    for (int coin = 0; coin < CoinCount; ++coin) {
        double sum = 0.0;
        for (int exchange = 0; exchange < SimulatedExchangeCount; ++exchange) {
            const double tilt = 0.7 + 0.6 * m_random.generateDouble();
            m_exchangeShares[coin][exchange] = Exchanges[exchange].share * tilt;
            sum += m_exchangeShares[coin][exchange];
        }
        for (double &share : m_exchangeShares[coin])
            share /= sum;
    }
    // Warm up a whole day, so the first snapshot already has full windows.
    m_now = wholeMinute(start).addSecs(-qint64(MinutesPerDay) * 60);
    advanceTo(start);
}

QStringList MarketSimulator::coins()
{
    QStringList list;
    for (const CoinProfile &coin : Coins)
        list.append(QString::fromLatin1(coin.symbol));
    return list;
}

QStringList MarketSimulator::exchanges()
{
    QStringList list;
    for (const ExchangeProfile &exchange : Exchanges)
        list.append(QString::fromLatin1(exchange.name));
    return list;
}

double MarketSimulator::gaussian()
{
    // Box-Muller on Qt's seeded generator: the same numbers on every platform.
    const double u1 = std::max(m_random.generateDouble(), 1e-12);
    const double u2 = m_random.generateDouble();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

void MarketSimulator::advanceTo(const QDateTime &time)
{
    const QDateTime target = wholeMinute(time);
    while (m_now < target) {
        generateMinute();
        m_now = m_now.addSecs(60);
    }
}

void MarketSimulator::generateMinute()
{
    Minute &minute = m_ring[size_t(m_minuteIndex % MinutesPerDay)];
    ++m_minuteIndex;

    // Calm: a daily rhythm, noise, and a long/short balance that drifts slowly.
    const double hourOfDay = double((m_now.toSecsSinceEpoch() / 60) % MinutesPerDay) / 60.0;
    const double rhythm = 1.0 + 0.35 * std::sin(2.0 * M_PI * (hourOfDay - 9.0) / 24.0);
    const double calm = CalmUsdPerMinute * rhythm * std::exp(0.55 * gaussian() - 0.15);
    m_longBias = std::clamp(m_longBias + 0.01 * gaussian(), 0.3, 0.7);

    // Cascades: a sharp rise, then a slower decay, almost all on one side.
    double cascade = 0.0;
    if (m_cascade.remaining <= 0 && m_random.generateDouble() < CascadeChancePerMinute) {
        m_cascade.length = 15 + int(m_random.bounded(75));
        m_cascade.remaining = m_cascade.length;
        m_cascade.longSide = m_random.generateDouble() < m_longBias + 0.1;
        m_cascade.peak = 8.0 + 32.0 * m_random.generateDouble();
    }
    if (m_cascade.remaining > 0) {
        const double progress = 1.0 - double(m_cascade.remaining) / double(m_cascade.length);
        const double shape = progress < 0.2 ? progress / 0.2 : std::exp(-4.0 * (progress - 0.2));
        cascade = CalmUsdPerMinute * m_cascade.peak * shape * std::exp(0.3 * gaussian());
        --m_cascade.remaining;
    }

    for (int coin = 0; coin < CoinCount; ++coin) {
        const double weight = Coins[coin].weight * std::exp(0.35 * gaussian());
        const double longShare = std::clamp(m_longBias + 0.08 * gaussian(), 0.05, 0.95);
        double longUsd = calm * weight * longShare;
        double shortUsd = calm * weight * (1.0 - longShare);
        // Altcoins are hit harder in a cascade than their calm share.
        const double cascadeWeight = weight * (coin < 2 ? 0.85 : 1.25);
        (m_cascade.longSide ? longUsd : shortUsd) += cascade * cascadeWeight * 0.95;
        (m_cascade.longSide ? shortUsd : longUsd) += cascade * cascadeWeight * 0.05;
        // Whole dollars: liquidation feeds do not report fractions of a cent.
        minute.longUsd[size_t(coin)] = float(std::round(longUsd));
        minute.shortUsd[size_t(coin)] = float(std::round(shortUsd));
    }
}

void MarketSimulator::windowSums(std::vector<std::array<SideAmounts, TimeWindowCount>> *perCoin) const
{
    perCoin->assign(CoinCount, {});
    // Walk back from the newest minute; a minute counts in every window that reaches it.
    std::vector<SideAmounts> running(CoinCount);
    const qint64 available = std::min<qint64>(m_minuteIndex, MinutesPerDay);
    int window = 0;
    for (qint64 age = 0; age < MinutesPerDay && window < TimeWindowCount; ++age) {
        if (age < available) {
            const Minute &minute = m_ring[size_t((m_minuteIndex - 1 - age) % MinutesPerDay)];
            for (int coin = 0; coin < CoinCount; ++coin) {
                running[size_t(coin)].longUsd += double(minute.longUsd[size_t(coin)]);
                running[size_t(coin)].shortUsd += double(minute.shortUsd[size_t(coin)]);
            }
        }
        while (window < TimeWindowCount && age + 1 == windowSeconds(AllTimeWindows[size_t(window)]) / 60) {
            for (int coin = 0; coin < CoinCount; ++coin)
                (*perCoin)[size_t(coin)][size_t(window)] = running[size_t(coin)];
            ++window;
        }
    }
}

double MarketSimulator::exchangeShare(int coin, int exchange) const
{
    return m_exchangeShares[size_t(coin)][size_t(exchange)];
}

static LiquidationSnapshot emptySnapshot(const QDateTime &asOf, const QString &scope, BreakdownKind kind)
{
    LiquidationSnapshot snapshot;
    snapshot.asOf = asOf;
    snapshot.source = QStringLiteral("Liqscope demo feed (simulated)");
    snapshot.scope = scope;
    snapshot.breakdownKind = kind;
    return snapshot;
}

static SideAmounts scaled(const SideAmounts &amounts, double factor)
{
    return {std::round(amounts.longUsd * factor), std::round(amounts.shortUsd * factor)};
}

static void addTo(WindowAmounts &target, TimeWindow window, const SideAmounts &amounts)
{
    const SideAmounts current = target.value(window).value_or(SideAmounts{});
    target.set(window, {current.longUsd + amounts.longUsd, current.shortUsd + amounts.shortUsd});
}

LiquidationSnapshot MarketSimulator::coinSnapshot() const
{
    std::vector<std::array<SideAmounts, TimeWindowCount>> sums;
    windowSums(&sums);
    LiquidationSnapshot snapshot = emptySnapshot(m_now, QStringLiteral("All exchanges"), BreakdownKind::Coin);
    for (int coin = 0; coin < CoinCount; ++coin) {
        BreakdownRow row{QString::fromLatin1(Coins[coin].symbol), {}};
        for (TimeWindow window : AllTimeWindows) {
            row.amounts.set(window, sums[size_t(coin)][size_t(windowIndex(window))]);
            addTo(snapshot.totals, window, row.amounts.at(window));
        }
        snapshot.breakdown.append(row);
    }
    return snapshot;
}

std::optional<LiquidationSnapshot> MarketSimulator::coinSnapshotOnExchange(const QString &exchange) const
{
    const int exchangeIndex = int(exchanges().indexOf(exchange));
    if (exchangeIndex < 0)
        return std::nullopt;
    std::vector<std::array<SideAmounts, TimeWindowCount>> sums;
    windowSums(&sums);
    LiquidationSnapshot snapshot = emptySnapshot(m_now, exchanges().at(exchangeIndex), BreakdownKind::Coin);
    for (int coin = 0; coin < CoinCount; ++coin) {
        BreakdownRow row{QString::fromLatin1(Coins[coin].symbol), {}};
        for (TimeWindow window : AllTimeWindows) {
            row.amounts.set(
                window,
                scaled(sums[size_t(coin)][size_t(windowIndex(window))], exchangeShare(coin, exchangeIndex)));
            addTo(snapshot.totals, window, row.amounts.at(window));
        }
        snapshot.breakdown.append(row);
    }
    return snapshot;
}

std::optional<LiquidationSnapshot> MarketSimulator::exchangeSnapshot(const QString &symbol) const
{
    int only = -1;
    if (!symbol.isEmpty()) {
        only = int(coins().indexOf(symbol.toUpper()));
        if (only < 0)
            return std::nullopt;
    }
    std::vector<std::array<SideAmounts, TimeWindowCount>> sums;
    windowSums(&sums);
    LiquidationSnapshot snapshot = emptySnapshot(
        m_now, only < 0 ? QStringLiteral("All exchanges") : symbol.toUpper(), BreakdownKind::Exchange);
    for (int exchange = 0; exchange < SimulatedExchangeCount; ++exchange) {
        BreakdownRow row{QString::fromLatin1(Exchanges[exchange].name), {}};
        for (int coin = 0; coin < CoinCount; ++coin) {
            if (only >= 0 && coin != only)
                continue;
            for (TimeWindow window : AllTimeWindows) {
                addTo(row.amounts, window,
                      scaled(sums[size_t(coin)][size_t(windowIndex(window))], exchangeShare(coin, exchange)));
            }
        }
        for (TimeWindow window : AllTimeWindows)
            addTo(snapshot.totals, window, row.amounts.at(window));
        snapshot.breakdown.append(row);
    }
    // Largest 24h first, as exchange tables rank them.
    std::stable_sort(snapshot.breakdown.begin(), snapshot.breakdown.end(), [](const auto &a, const auto &b) {
        return a.amounts.at(TimeWindow::H24).total() > b.amounts.at(TimeWindow::H24).total();
    });
    return snapshot;
}

} // namespace Liq
