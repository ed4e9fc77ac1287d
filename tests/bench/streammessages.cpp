#include "streammessages.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

namespace Liq::Bench {
namespace {

using OrderedJson = nlohmann::ordered_json;

} // namespace

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

} // namespace Liq::Bench
