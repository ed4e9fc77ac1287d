#pragma once

#include "domain/liquidationsnapshot.h"

#include <QDateTime>
#include <QList>
#include <QRandomGenerator>
#include <QStringList>

#include <vector>

namespace Liq {

// A synthetic but believable liquidation market for the demo feed and tests: minute-level long and
// short liquidations for ~20 coins with realistic relative sizes, calm stretches and occasional
// cascades that hit one side. The last 24 hours of minutes are kept in a ring, so every window is a
// sum over the same events: windows are nested and the breakdown adds up to the totals.
// Deterministic: the same seed and start give the same market, minute for minute.
class MarketSimulator final
{
public:
    MarketSimulator(quint64 seed, const QDateTime &start);

    static QStringList coins(); // BTC, ETH, SOL, ... by size
    static QStringList exchanges(); // Binance, Bybit, OKX, ...

    // Moves the clock forward (never back) to `time`, generating the minutes in between.
    void advanceTo(const QDateTime &time);
    QDateTime now() const { return m_now; }

    // All exchanges, per-coin breakdown.
    LiquidationSnapshot coinSnapshot() const;
    // The coins on one exchange (CoinGlass coin-list?exchange=E); nullopt for an unknown exchange.
    std::optional<LiquidationSnapshot> coinSnapshotOnExchange(const QString &exchange) const;
    // All coins, or one coin (empty symbol: all), broken down per exchange; nullopt for an unknown coin.
    std::optional<LiquidationSnapshot> exchangeSnapshot(const QString &symbol = {}) const;

private:
    struct Minute
    {
        std::vector<float> longUsd; // per coin
        std::vector<float> shortUsd;
    };
    struct Cascade
    {
        int remaining = 0; // minutes left
        int length = 0;
        bool longSide = true;
        double peak = 0.0; // multiple of the calm rate at the top
    };

    void generateMinute();
    double gaussian();
    // windowSums[coin][window] of the last minutes, per side.
    void windowSums(std::vector<std::array<SideAmounts, TimeWindowCount>> *perCoin) const;
    double exchangeShare(int coin, int exchange) const;

    QRandomGenerator m_random;
    QDateTime m_now; // whole minutes, UTC
    qint64 m_minuteIndex = 0; // minutes generated so far
    std::vector<Minute> m_ring; // 24 h of minutes, oldest overwritten
    Cascade m_cascade;
    double m_longBias = 0.5; // slow random walk of the calm long share
    std::vector<std::vector<double>> m_exchangeShares; // [coin][exchange], each row sums to 1
};

} // namespace Liq
