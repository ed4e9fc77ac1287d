// A simulated market on the three test exchanges, for trying the window by hand and for screenshots:
//   exchangesim [SECONDS]   prints the --endpoint options to pass to liqscope, then pushes random
//   liquidations (Binance USD-M, Bybit linear, OKX SWAP) several times a second until SECONDS pass.
#include "testexchange.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRandomGenerator>
#include <QTextStream>
#include <QTimer>

#include <cmath>
#include <iterator>

using LiqTest::RestServer;
using LiqTest::TestExchange;

namespace {

const char *const Coins[] = {"BTC", "ETH", "SOL", "XRP", "DOGE", "BNB", "ADA", "AVAX", "LINK", "SUI"};
const double Prices[] = {91000, 3100, 140, 2.1, 0.14, 610, 0.42, 21, 13, 1.6};

struct Sim
{
    TestExchange binance{TestExchange::Protocol::Binance};
    TestExchange coinm{TestExchange::Protocol::Binance};
    TestExchange bybitLinear{TestExchange::Protocol::Bybit};
    TestExchange bybitInverse{TestExchange::Protocol::Bybit};
    TestExchange okx{TestExchange::Protocol::Okx};
    RestServer rest;

    void serveLists()
    {
        rest.setBody(QStringLiteral("/dapi/v1/exchangeInfo"),
                     R"({"symbols":[{"symbol":"BTCUSD_PERP","contractSize":100}]})");
        QByteArray symbols;
        QByteArray instruments;
        for (const char *coin : Coins) {
            symbols += QByteArray(symbols.isEmpty() ? "" : ",") + R"({"symbol":")" + coin
                + R"(USDT","status":"Trading"})";
            instruments += QByteArray(instruments.isEmpty() ? "" : ",") + R"({"instId":")" + coin
                + R"(-USDT-SWAP","instFamily":")" + coin + R"(-USDT","ctVal":"1","ctType":"linear"})";
        }
        rest.setBody(QStringLiteral("/v5/market/instruments-info?category=linear&limit=1000"),
                     R"({"retCode":0,"retMsg":"OK","result":{"list":[)" + symbols
                         + R"(],"nextPageCursor":""}})");
        rest.setBody(
            QStringLiteral("/v5/market/instruments-info?category=inverse&limit=1000"),
            R"({"retCode":0,"retMsg":"OK","result":{"list":[{"symbol":"BTCUSD","status":"Trading"}],"nextPageCursor":""}})");
        rest.setBody(QStringLiteral("/api/v5/public/instruments?instType=SWAP"),
                     R"({"code":"0","msg":"","data":[)" + instruments + "]}");
        rest.setBody(
            QStringLiteral("/api/v5/public/instruments?instType=FUTURES"),
            R"({"code":"0","msg":"","data":[{"instId":"BTC-USD-261225","instFamily":"BTC-USD","ctVal":"100","ctType":"inverse"}]})");
        rest.setFallback(R"({"code":"0","msg":"","data":[]})");
    }

    void pushOne()
    {
        auto *random = QRandomGenerator::global();
        const int coin = int(random->bounded(quint32(std::size(Coins))));
        // Shorts are squeezed more often than longs in this market, and sizes are heavy-tailed.
        const bool shortSide = random->generateDouble() < 0.7;
        const double usd = 500 * std::pow(10.0, random->generateDouble() * random->generateDouble() * 4);
        const double price = Prices[coin];
        const QByteArray now = QByteArray::number(QDateTime::currentMSecsSinceEpoch());
        const QByteArray qty = QByteArray::number(usd / price, 'f', 4);
        const QByteArray px = QByteArray::number(price, 'f', 4);
        switch (random->bounded(3)) {
        case 0:
            binance.push(R"({"e":"forceOrder","E":)" + now + R"(,"o":{"s":")" + Coins[coin] + R"(USDT","S":")"
                         + (shortSide ? "BUY" : "SELL") + R"(","o":"LIMIT","f":"IOC","q":")" + qty
                         + R"(","p":")" + px + R"(","ap":")" + px + R"(","X":"FILLED","l":")" + qty
                         + R"(","z":")" + qty + R"(","T":)" + now + "}}");
            break;
        case 1:
            bybitLinear.push(R"({"topic":"allLiquidation.)" + QByteArray(Coins[coin])
                             + R"(USDT","type":"snapshot","ts":)" + now + R"(,"data":[{"T":)" + now
                             + R"(,"s":")" + Coins[coin] + R"(USDT","S":")" + (shortSide ? "Sell" : "Buy")
                             + R"(","v":")" + qty + R"(","p":")" + px + R"("}]})");
            break;
        default:
            okx.push(
                R"({"arg":{"channel":"liquidation-orders","instType":"SWAP"},"data":[{"details":[{"bkLoss":"0","bkPx":")"
                + px + R"(","ccy":"","posSide":"net","side":")" + (shortSide ? "buy" : "sell") + R"(","sz":")"
                + qty + R"(","ts":")" + now + R"("}],"instFamily":")" + Coins[coin] + R"(-USDT","instId":")"
                + Coins[coin] + R"(-USDT-SWAP","instType":"SWAP"}]})");
            break;
        }
    }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int seconds = argc > 1 ? QByteArray(argv[1]).toInt() : 600;
    Sim sim;
    sim.serveLists();
    QTextStream out(stdout);
    out << "--endpoint binance-usdm-ws=" << sim.binance.url().toString()
        << " --endpoint binance-coinm-ws=" << sim.coinm.url().toString()
        << " --endpoint binance-coinm-rest=" << sim.rest.baseUrl().toString()
        << " --endpoint bybit-linear-ws=" << sim.bybitLinear.url().toString()
        << " --endpoint bybit-inverse-ws=" << sim.bybitInverse.url().toString()
        << " --endpoint bybit-rest=" << sim.rest.baseUrl().toString()
        << " --endpoint okx-ws=" << sim.okx.url().toString()
        << " --endpoint okx-rest=" << sim.rest.baseUrl().toString() << Qt::endl;
    QTimer pusher;
    QObject::connect(&pusher, &QTimer::timeout, &app, [&sim] { sim.pushOne(); });
    pusher.start(60);
    QTimer::singleShot(seconds * 1000, &app, &QCoreApplication::quit);
    return app.exec();
}
