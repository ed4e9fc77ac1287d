// The three exchange parsers on the message shapes the exchanges send: which side was liquidated
// (the most common bug in this field), how many dollars, and what is refused.
#include "streams/binanceparser.h"
#include "streams/bybitparser.h"
#include "streams/instruments.h"
#include "streams/okxparser.h"

#include <QTest>

using namespace Liq;
using Kind = StreamMessage::Kind;

Q_DECLARE_METATYPE(Liq::LiquidatedSide)

namespace {

// Receive times near the sample messages' own times (2023-09-26, 2025-02-25, 2023-03-30).
constexpr qint64 BinanceNow = 1695714032000;
constexpr qint64 BybitNow = 1740480190500;
constexpr qint64 OkxNow = 1680173248000;

QByteArray binanceMessage(const char *side, const char *filled = "0.115", qint64 time = 1695714031881,
                          const char *symbol = "BTCUSDT")
{
    return QStringLiteral(
               R"({"e":"forceOrder","E":1695714031883,"o":{"s":"%1","S":"%2","o":"LIMIT","f":"IOC",)"
               R"("q":"0.115","p":"26142.12","ap":"26245.10","X":"FILLED","l":"0.115","z":"%3","T":%4}})")
        .arg(QLatin1String(symbol), QLatin1String(side), QLatin1String(filled))
        .arg(time)
        .toUtf8();
}

QByteArray okxMessage(const char *side, const char *instrument = "XRP-USD-230929",
                      const char *type = "FUTURES", const char *family = "XRP-USD")
{
    return QStringLiteral(
               R"({"arg":{"channel":"liquidation-orders","instType":"%4"},"data":[{"details":[)"
               R"({"bkLoss":"0","bkPx":"0.55205","ccy":"","posSide":"net","side":"%1","sz":"39",)"
               R"("ts":"1680173247614"}],"instFamily":"%3","instId":"%2","instType":"%4","uly":"%3"}]})")
        .arg(QLatin1String(side), QLatin1String(instrument), QLatin1String(family), QLatin1String(type))
        .toUtf8();
}

ContractTable okxContracts()
{
    ContractTable table;
    table.insert(u"XRP-USD-230929"_qs, ContractSpec{10, true}); // inverse: 10 USD a contract
    table.insert(u"BTC-USDT-SWAP"_qs, ContractSpec{0.01, false}); // linear: 0.01 BTC a contract
    return table;
}

} // namespace

class tst_StreamParsers final : public QObject
{
    Q_OBJECT

private slots:
    void coinOfEachInstrument_data();
    void coinOfEachInstrument();

    void binanceSides_data();
    void binanceSides();
    void binanceUsdmDollars();
    void binanceCoinmUsesTheContractSize();
    void binanceCombinedStreamAndAcks();
    void binanceEmptyFillLiquidatesNothing();

    void bybitSides_data();
    void bybitSides();
    void bybitBatchAndDollars();
    void bybitControlMessages();

    void okxSides_data();
    void okxSides();
    void okxDollars();
    void okxUnknownInstrumentIsCountedNotGuessed();
    void okxControlMessages();
    void okxHistoryPage();

    void badMessages_data();
    void badMessages();
};

void tst_StreamParsers::coinOfEachInstrument_data()
{
    QTest::addColumn<int>("exchange");
    QTest::addColumn<QString>("instrument");
    QTest::addColumn<QString>("coin");
    const int binance = int(Exchange::Binance);
    const int bybit = int(Exchange::Bybit);
    const int okx = int(Exchange::Okx);
    QTest::newRow("BTCUSDT") << binance << u"BTCUSDT"_qs << u"BTC"_qs;
    QTest::newRow("BTCUSD_PERP") << binance << u"BTCUSD_PERP"_qs << u"BTC"_qs;
    QTest::newRow("ETHUSD_250926") << binance << u"ETHUSD_250926"_qs << u"ETH"_qs;
    QTest::newRow("BTCUSDT_250926") << binance << u"BTCUSDT_250926"_qs << u"BTC"_qs;
    QTest::newRow("1000PEPEUSDC") << binance << u"1000PEPEUSDC"_qs << u"1000PEPE"_qs;
    QTest::newRow("ETHFDUSD") << binance << u"ETHFDUSD"_qs << u"ETH"_qs;
    QTest::newRow("bybit KAITOUSDT") << bybit << u"KAITOUSDT"_qs << u"KAITO"_qs;
    QTest::newRow("bybit BTCPERP") << bybit << u"BTCPERP"_qs << u"BTC"_qs;
    QTest::newRow("bybit BTC-26DEC25") << bybit << u"BTC-26DEC25"_qs << u"BTC"_qs;
    QTest::newRow("bybit BTCUSD") << bybit << u"BTCUSD"_qs << u"BTC"_qs;
    QTest::newRow("bybit BTCUSDZ25") << bybit << u"BTCUSDZ25"_qs << u"BTC"_qs;
    QTest::newRow("okx BTC-USDT-SWAP") << okx << u"BTC-USDT-SWAP"_qs << u"BTC"_qs;
    QTest::newRow("okx BTC-USD-SWAP") << okx << u"BTC-USD-SWAP"_qs << u"BTC"_qs;
    QTest::newRow("okx family XRP-USD") << okx << u"XRP-USD"_qs << u"XRP"_qs;
}

void tst_StreamParsers::coinOfEachInstrument()
{
    QFETCH(int, exchange);
    QFETCH(QString, instrument);
    QFETCH(QString, coin);
    switch (Exchange(exchange)) {
    case Exchange::Binance: QCOMPARE(Instruments::binanceCoin(instrument), coin); break;
    case Exchange::Bybit: QCOMPARE(Instruments::bybitCoin(instrument), coin); break;
    case Exchange::Okx: QCOMPARE(Instruments::okxCoin(instrument), coin); break;
    }
}

void tst_StreamParsers::binanceSides_data()
{
    QTest::addColumn<QByteArray>("orderSide");
    QTest::addColumn<LiquidatedSide>("liquidated");
    // The forced ORDER's side: selling closes a long.
    QTest::newRow("SELL closes a long") << QByteArray("SELL") << LiquidatedSide::Long;
    QTest::newRow("BUY closes a short") << QByteArray("BUY") << LiquidatedSide::Short;
}

void tst_StreamParsers::binanceSides()
{
    QFETCH(QByteArray, orderSide);
    QFETCH(LiquidatedSide, liquidated);
    const StreamMessage message
        = BinanceParser(MarketKind::UsdM).parse(binanceMessage(orderSide.constData()), BinanceNow);
    QCOMPARE(message.kind, Kind::Events);
    QCOMPARE(message.events.size(), 1);
    QCOMPARE(message.events.at(0).side, liquidated);
}

void tst_StreamParsers::binanceUsdmDollars()
{
    const StreamMessage message = BinanceParser(MarketKind::UsdM).parse(binanceMessage("SELL"), BinanceNow);
    QCOMPARE(message.events.size(), 1);
    const LiquidationEvent &event = message.events.at(0);
    QCOMPARE(event.exchange, Exchange::Binance);
    QCOMPARE(event.market, MarketKind::UsdM);
    QCOMPARE(event.instrument, u"BTCUSDT"_qs);
    QCOMPARE(event.coin, u"BTC"_qs);
    QCOMPARE(event.quantity, 0.115);
    QCOMPARE(event.price, 26245.10); // the average fill price, not the order's limit
    QCOMPARE(event.usd, 0.115 * 26245.10); // z × ap
    QCOMPARE(event.exchangeTimeMs, qint64(1695714031881));
    QCOMPARE(event.receiveTimeMs, BinanceNow);
}

void tst_StreamParsers::binanceCoinmUsesTheContractSize()
{
    ContractTable sizes;
    sizes.insert(u"BTCUSD_PERP"_qs, ContractSpec{100, true});
    const BinanceParser parser(MarketKind::CoinM, sizes);
    const StreamMessage known
        = parser.parse(binanceMessage("BUY", "7", 1695714031881, "BTCUSD_PERP"), BinanceNow);
    QCOMPARE(known.events.size(), 1);
    QCOMPARE(known.events.at(0).usd, 700.0); // 7 contracts of $100, whatever the price
    QCOMPARE(known.events.at(0).side, LiquidatedSide::Short);

    const StreamMessage unknown
        = parser.parse(binanceMessage("BUY", "7", 1695714031881, "DOGEUSD_PERP"), BinanceNow);
    QCOMPARE(unknown.kind, Kind::Events);
    QVERIFY(unknown.events.isEmpty());
    QCOMPARE(unknown.unknownInstruments, 1);
    QCOMPARE(unknown.unknownInstrument, u"DOGEUSD_PERP"_qs);
}

void tst_StreamParsers::binanceCombinedStreamAndAcks()
{
    const BinanceParser parser(MarketKind::UsdM);
    const QByteArray combined = "{\"stream\":\"!forceOrder@arr\",\"data\":" + binanceMessage("SELL") + "}";
    QCOMPARE(parser.parse(combined, BinanceNow).events.size(), 1);
    QCOMPARE(parser.parse("{\"result\":null,\"id\":1}", BinanceNow).kind, Kind::Subscribed);
    const StreamMessage refused
        = parser.parse(R"({"error":{"code":2,"msg":"Invalid request"},"id":1})", BinanceNow);
    QCOMPARE(refused.kind, Kind::SubscribeError);
    QCOMPARE(refused.problem, u"Invalid request"_qs);
    QCOMPARE(parser.parse(R"({"e":"markPriceUpdate","E":1,"s":"BTCUSDT"})", BinanceNow).kind, Kind::Ignored);
}

void tst_StreamParsers::binanceEmptyFillLiquidatesNothing()
{
    const StreamMessage message
        = BinanceParser(MarketKind::UsdM).parse(binanceMessage("SELL", "0"), BinanceNow);
    QCOMPARE(message.kind, Kind::Events);
    QVERIFY(message.events.isEmpty());
}

void tst_StreamParsers::bybitSides_data()
{
    QTest::addColumn<QByteArray>("positionSide");
    QTest::addColumn<LiquidatedSide>("liquidated");
    // The POSITION's side: Buy means a long position was closed (the inverse of Binance).
    QTest::newRow("Buy is a long") << QByteArray("Buy") << LiquidatedSide::Long;
    QTest::newRow("Sell is a short") << QByteArray("Sell") << LiquidatedSide::Short;
}

void tst_StreamParsers::bybitSides()
{
    QFETCH(QByteArray, positionSide);
    QFETCH(LiquidatedSide, liquidated);
    const QByteArray text
        = R"({"topic":"allLiquidation.KAITOUSDT","type":"snapshot","ts":1740480190078,"data":[)"
          R"({"T":1740480189987,"s":"KAITOUSDT","S":")"
        + positionSide + R"(","v":"43","p":"1.7531"}]})";
    const StreamMessage message = BybitParser(MarketKind::Linear).parse(text, BybitNow);
    QCOMPARE(message.kind, Kind::Events);
    QCOMPARE(message.events.size(), 1);
    QCOMPARE(message.events.at(0).side, liquidated);
}

void tst_StreamParsers::bybitBatchAndDollars()
{
    const QByteArray linear
        = R"({"topic":"allLiquidation.BTCUSDT","type":"snapshot","ts":1740480190078,"data":[)"
          R"({"T":1740480189987,"s":"BTCUSDT","S":"Buy","v":"0.5","p":"90000"},)"
          R"({"T":1740480189990,"s":"BTCUSDT","S":"Sell","v":"0.1","p":"90010"}]})";
    const StreamMessage batch = BybitParser(MarketKind::Linear).parse(linear, BybitNow);
    QCOMPARE(batch.events.size(), 2);
    QCOMPARE(batch.events.at(0).usd, 45000.0); // v × p
    QCOMPARE(batch.events.at(1).usd, 0.1 * 90010);
    QCOMPARE(batch.events.at(1).coin, u"BTC"_qs);

    const QByteArray inverse
        = R"({"topic":"allLiquidation.BTCUSD","type":"snapshot","ts":1740480190078,"data":[)"
          R"({"T":1740480189987,"s":"BTCUSD","S":"Sell","v":"2500","p":"90000"}]})";
    const StreamMessage dollars = BybitParser(MarketKind::Inverse).parse(inverse, BybitNow);
    QCOMPARE(dollars.events.size(), 1);
    QCOMPARE(dollars.events.at(0).usd, 2500.0); // inverse contracts are one dollar each
    QCOMPARE(dollars.events.at(0).market, MarketKind::Inverse);
}

void tst_StreamParsers::bybitControlMessages()
{
    const BybitParser parser(MarketKind::Linear);
    QCOMPARE(
        parser
            .parse(R"({"success":true,"ret_msg":"","conn_id":"c1","req_id":"1","op":"subscribe"})", BybitNow)
            .kind,
        Kind::Subscribed);
    const StreamMessage refused = parser.parse(
        R"({"success":false,"ret_msg":"error:handler not found,topic:allLiquidation.NOPE","conn_id":"c1","req_id":"2","op":"subscribe"})",
        BybitNow);
    QCOMPARE(refused.kind, Kind::SubscribeError);
    QVERIFY(refused.problem.contains(u"allLiquidation.NOPE"_qs));
    QCOMPARE(parser.parse(R"({"success":true,"ret_msg":"pong","conn_id":"c1","op":"ping"})", BybitNow).kind,
             Kind::Pong);
    QCOMPARE(parser.parse(R"({"topic":"tickers.BTCUSDT","data":{}})", BybitNow).kind, Kind::Ignored);
}

void tst_StreamParsers::okxSides_data()
{
    QTest::addColumn<QByteArray>("orderSide");
    QTest::addColumn<LiquidatedSide>("liquidated");
    // The ORDER's side, like Binance and unlike Bybit; posSide ("net" here) is never used.
    QTest::newRow("sell closes a long") << QByteArray("sell") << LiquidatedSide::Long;
    QTest::newRow("buy closes a short") << QByteArray("buy") << LiquidatedSide::Short;
}

void tst_StreamParsers::okxSides()
{
    QFETCH(QByteArray, orderSide);
    QFETCH(LiquidatedSide, liquidated);
    const StreamMessage message = OkxParser(okxContracts()).parse(okxMessage(orderSide.constData()), OkxNow);
    QCOMPARE(message.kind, Kind::Events);
    QCOMPARE(message.events.size(), 1);
    QCOMPARE(message.events.at(0).side, liquidated);
}

void tst_StreamParsers::okxDollars()
{
    const OkxParser parser(okxContracts());
    const StreamMessage inverse = parser.parse(okxMessage("buy"), OkxNow);
    QCOMPARE(inverse.events.at(0).usd, 390.0); // 39 contracts × 10 USD
    QCOMPARE(inverse.events.at(0).market, MarketKind::Futures);
    QCOMPARE(inverse.events.at(0).coin, u"XRP"_qs);
    QCOMPARE(inverse.events.at(0).exchangeTimeMs, qint64(1680173247614));
    const StreamMessage linear
        = parser.parse(okxMessage("sell", "BTC-USDT-SWAP", "SWAP", "BTC-USDT"), OkxNow);
    QCOMPARE(linear.events.size(), 1);
    QCOMPARE(linear.events.at(0).usd, 39 * 0.01 * 0.55205); // sz × ctVal × bkPx
    QCOMPARE(linear.events.at(0).market, MarketKind::Swap);
}

void tst_StreamParsers::okxUnknownInstrumentIsCountedNotGuessed()
{
    const StreamMessage message
        = OkxParser(okxContracts()).parse(okxMessage("sell", "DOGE-USDT-SWAP", "SWAP", "DOGE-USDT"), OkxNow);
    QCOMPARE(message.kind, Kind::Events);
    QVERIFY(message.events.isEmpty());
    QCOMPARE(message.unknownInstruments, 1);
    QCOMPARE(message.unknownInstrument, u"DOGE-USDT-SWAP"_qs);
}

void tst_StreamParsers::okxControlMessages()
{
    const OkxParser parser(okxContracts());
    QCOMPARE(parser.parse("pong", OkxNow).kind, Kind::Pong);
    QCOMPARE(
        parser
            .parse(
                R"({"event":"subscribe","arg":{"channel":"liquidation-orders","instType":"SWAP"},"connId":"a"})",
                OkxNow)
            .kind,
        Kind::Subscribed);
    const StreamMessage error
        = parser.parse(R"({"event":"error","code":"60012","msg":"Invalid request"})", OkxNow);
    QCOMPARE(error.kind, Kind::SubscribeError);
    QCOMPARE(error.problem, u"Invalid request (code 60012)"_qs);
    QCOMPARE(parser.parse(R"({"arg":{"channel":"tickers","instId":"BTC-USDT"},"data":[]})", OkxNow).kind,
             Kind::Ignored);
}

void tst_StreamParsers::okxHistoryPage()
{
    const OkxParser parser(okxContracts());
    const QByteArray page
        = R"({"code":"0","msg":"","data":[{"details":[)"
          R"({"bkLoss":"0","bkPx":"0.55205","ccy":"","posSide":"short","side":"buy","sz":"39","ts":"1680173247614"},)"
          R"({"bkLoss":"0","bkPx":"0.55","ccy":"","posSide":"long","side":"sell","sz":"10","ts":"1680173240000"}],)"
          R"("instFamily":"XRP-USD","instId":"XRP-USD-230929","instType":"FUTURES","uly":"XRP-USD"}]})";
    const StreamMessage message = parser.parseHistoryPage(page, OkxNow);
    QCOMPARE(message.kind, Kind::Events);
    QCOMPARE(message.events.size(), 2);
    QCOMPARE(message.events.at(1).side, LiquidatedSide::Long);
    QCOMPARE(message.events.at(1).usd, 100.0);
    const StreamMessage refused
        = parser.parseHistoryPage(R"({"code":"50011","msg":"Too Many Requests","data":[]})", OkxNow);
    QCOMPARE(refused.kind, Kind::SubscribeError);
    QVERIFY(refused.problem.contains(u"Too Many Requests"_qs));
}

void tst_StreamParsers::badMessages_data()
{
    QTest::addColumn<int>("exchange");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("problem"); // a fragment of the reason
    const int binance = int(Exchange::Binance);
    const int bybit = int(Exchange::Bybit);
    const int okx = int(Exchange::Okx);
    QTest::newRow("binance garbage") << binance << QByteArray("}{ not json") << u"not a JSON object"_qs;
    QTest::newRow("binance array") << binance << QByteArray("[1,2]") << u"not a JSON object"_qs;
    QTest::newRow("binance NaN size") << binance << binanceMessage("SELL", "NaN") << u"malformed"_qs;
    QTest::newRow("binance negative size") << binance << binanceMessage("SELL", "-1") << u"negative"_qs;
    QTest::newRow("binance text size") << binance << binanceMessage("SELL", "abc") << u"malformed"_qs;
    QTest::newRow("binance huge size") << binance << binanceMessage("SELL", "1e400") << u"malformed"_qs;
    QTest::newRow("binance unknown side") << binance << binanceMessage("HOLD") << u"neither BUY nor SELL"_qs;
    QTest::newRow("binance future time")
        << binance << binanceMessage("SELL", "1", BinanceNow + 5 * 60'000 + 1) << u"future"_qs;
    QTest::newRow("binance too old") << binance
                                     << binanceMessage("SELL", "1", BinanceNow - 24 * 3600'000LL - 1)
                                     << u"24 hours"_qs;
    QTest::newRow("binance no order")
        << binance << QByteArray(R"({"e":"forceOrder","E":1})") << u"order object"_qs;
    QTest::newRow("bybit wrong type")
        << bybit
        << QByteArray(R"({"topic":"allLiquidation.X","data":[{"T":1740480189987,"s":"X",)"
                      R"("S":"Buy","v":{"n":1},"p":"1"}]})")
        << u"malformed"_qs;
    QTest::newRow("bybit data not array")
        << bybit << QByteArray(R"({"topic":"allLiquidation.X","data":{}})") << u"data array"_qs;
    QTest::newRow("bybit bad side")
        << bybit
        << QByteArray(R"({"topic":"allLiquidation.X","data":[{"T":1740480189987,"s":"XUSDT",)"
                      R"("S":"Long","v":"1","p":"1"}]})")
        << u"neither Buy nor Sell"_qs;
    QTest::newRow("okx garbage") << okx << QByteArray("ping?") << u"not a JSON object"_qs;
    QTest::newRow("okx negative price")
        << okx << QByteArray(okxMessage("sell").replace("0.55205", "-0.55205")) << u"negative"_qs;
    QTest::newRow("okx missing ts") << okx << QByteArray(okxMessage("sell").replace("\"ts\"", "\"tz\""))
                                    << u"malformed"_qs;
}

void tst_StreamParsers::badMessages()
{
    QFETCH(int, exchange);
    QFETCH(QByteArray, text);
    QFETCH(QString, problem);
    StreamMessage message;
    switch (Exchange(exchange)) {
    case Exchange::Binance: message = BinanceParser(MarketKind::UsdM).parse(text, BinanceNow); break;
    case Exchange::Bybit: message = BybitParser(MarketKind::Linear).parse(text, BybitNow); break;
    case Exchange::Okx: message = OkxParser(okxContracts()).parse(text, OkxNow); break;
    }
    QCOMPARE(message.kind, Kind::Bad);
    QVERIFY(message.events.isEmpty()); // a bad message never reaches the totals
    QVERIFY2(message.problem.contains(problem), qPrintable(message.problem));
}

QTEST_GUILESS_MAIN(tst_StreamParsers)
#include "tst_streamparsers.moc"
