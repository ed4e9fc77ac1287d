#pragma once

// What bench_streams feeds the parsers: a universe of about 600 coins with realistic prices and names per
// exchange, and pre-generated Binance, Bybit and OKX messages together with what they must add up to.
#include "domain/liquidationevent.h"
#include "streams/instruments.h"

#include <QString>

#include <random>
#include <string>
#include <vector>

namespace Liq::Bench {

constexpr int CoinCount = 600;
constexpr qint64 FeedSpanMs = 10 * 60 * 1000; // the throughput messages cover ten minutes

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

struct Universe
{
    std::vector<Coin> coins;
    ContractTable okxContracts;
};

// A run that cannot be trusted (wrong counts, unreadable input): thrown, reported by main.
[[noreturn]] void broken(const std::string &what);
// "%.*f"
std::string fixed(double value, int decimals);
Universe makeUniverse(std::mt19937_64 &random);
// One liquidation drawn at random: a coin (the big ones more often), a side, dollars, a price.
Draw draw(const Universe &universe, std::mt19937_64 &random);
// messages of one adapter, received evenly over FeedSpanMs from startMs.
Feed makeFeed(Exchange exchange, const Universe &universe, int messages, qint64 startMs);

} // namespace Liq::Bench
