// The instrument catalogues of Binance COIN-M, Bybit and OKX on the reply shapes the exchanges send
// (../shared/reference/exchange-streams.md): the REST paths on a base URL, what each list yields and
// what is refused whole, and the Bybit topics spread over connections under the args limit.
#include "streams/instrumentcatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>
#include <QUrlQuery>

using namespace Liq;
using namespace Liq::InstrumentCatalog;

Q_DECLARE_METATYPE(Liq::Exchange)

namespace {

QByteArray binanceInfo(const QByteArray &symbols)
{
    return R"({"timezone":"UTC","serverTime":1695714031883,"rateLimits":[],"symbols":[)" + symbols + "]}";
}

QByteArray binanceSymbol(const char *symbol, const QByteArray &contractSizeField,
                         const char *status = "TRADING")
{
    QByteArray entry = R"({"symbol":")" + QByteArray(symbol) + R"(","pair":"BTCUSD",)"
        + R"("contractType":"PERPETUAL","contractStatus":")" + QByteArray(status)
        + R"(","marginAsset":"BTC","pricePrecision":1)";
    if (!contractSizeField.isEmpty())
        entry += ',' + contractSizeField;
    return entry + '}';
}

QByteArray bybitPage(const QByteArray &list, const QByteArray &cursorField = R"("nextPageCursor":"")")
{
    QByteArray page = R"({"retCode":0,"retMsg":"OK","result":{"category":"linear","list":[)" + list + ']';
    if (!cursorField.isEmpty())
        page += ',' + cursorField;
    return page + R"(},"retExtInfo":{},"time":1740480190078})";
}

QByteArray bybitInstrument(const char *symbol, const char *status)
{
    return R"({"symbol":")" + QByteArray(symbol) + R"(","contractType":"LinearPerpetual","status":")"
        + QByteArray(status) + R"(","baseCoin":"BTC","quoteCoin":"USDT"})";
}

QByteArray okxReply(const QByteArray &data)
{
    return R"({"code":"0","msg":"","data":[)" + data + "]}";
}

// An OKX instrument; the ctVal and ctType fields are given whole so a test can omit or mistype them.
QByteArray okxInstrument(const char *instrument, const char *family, const QByteArray &ctValField,
                         const QByteArray &ctTypeField = R"("ctType":"linear")")
{
    QByteArray entry = R"({"instType":"SWAP","instId":")" + QByteArray(instrument) + R"(","instFamily":")"
        + QByteArray(family) + R"(","uly":")" + QByteArray(family) + R"(","ctValCcy":"BTC","state":"live")";
    for (const QByteArray &field : {ctValField, ctTypeField}) {
        if (!field.isEmpty())
            entry += ',' + field;
    }
    return entry + '}';
}

// The args exactly as sent, written by Qt's own JSON (not the code under test).
qsizetype argsChars(const QStringList &topics)
{
    return QJsonDocument(QJsonArray::fromStringList(topics)).toJson(QJsonDocument::Compact).size();
}

// Symbols whose topics all have the same length, so the batch capacity is plain arithmetic.
QStringList sameLengthSymbols(int count)
{
    QStringList symbols;
    for (int i = 0; i < count; ++i)
        symbols.append(QStringLiteral("S%1USDT").arg(i, 5, 10, QLatin1Char('0')));
    return symbols;
}

// What a refused body left behind: its problem, and whether anything else was filled in.
struct Outcome
{
    QString problem;
    bool onlyProblem = false;
};

Outcome outcomeOf(Exchange exchange, const QByteArray &body)
{
    switch (exchange) {
    case Exchange::Binance: {
        const BinanceContracts result = parseBinanceCoinMExchangeInfo(body);
        return {result.problem, result.contracts.isEmpty() && result.skipped == 0};
    }
    case Exchange::Bybit: {
        const BybitInstrumentPage result = parseBybitInstrumentsPage(body);
        return {result.problem, result.symbols.isEmpty() && result.nextCursor.isEmpty()};
    }
    case Exchange::Okx: {
        const OkxInstruments result = parseOkxInstruments(body);
        return {result.problem,
                result.contracts.isEmpty() && result.families.isEmpty() && result.skipped == 0};
    }
    }
    return {};
}

// Rows of refusedWhole: a good entry comes first where it can, to show it is dropped too.
void addBinanceRefusals()
{
    const QByteArray good = binanceSymbol("BTCUSD_PERP", R"("contractSize":100)") + ',';
    QTest::newRow("binance not JSON")
        << Exchange::Binance << QByteArray("<html>502</html>") << u"not a JSON"_qs;
    QTest::newRow("binance array") << Exchange::Binance << QByteArray("[]") << u"not a JSON object"_qs;
    QTest::newRow("binance error envelope")
        << Exchange::Binance << QByteArray(R"({"code":-1121,"msg":"Invalid symbol."})")
        << u"Binance code -1121: Invalid symbol."_qs;
    QTest::newRow("binance symbols not array")
        << Exchange::Binance << QByteArray(R"({"symbols":{}})") << u"without a symbols array"_qs;
    QTest::newRow("binance symbol a number")
        << Exchange::Binance << binanceInfo(good + R"({"symbol":7,"contractSize":10})") << u"symbol name"_qs;
    QTest::newRow("binance entry not object")
        << Exchange::Binance << binanceInfo(good + "\"ETHUSD_PERP\"") << u"symbol name"_qs;
    QTest::newRow("binance contractSize object")
        << Exchange::Binance << binanceInfo(good + binanceSymbol("ETHUSD_PERP", R"("contractSize":{"v":10})"))
        << u"contractSize is neither"_qs;
    QTest::newRow("binance contractSize bool")
        << Exchange::Binance << binanceInfo(good + binanceSymbol("ETHUSD_PERP", R"("contractSize":true)"))
        << u"contractSize is neither"_qs;
    QTest::newRow("binance no usable size")
        << Exchange::Binance << binanceInfo(binanceSymbol("BTCUSD_PERP", R"("contractSize":0)"))
        << u"no symbol with a usable contractSize"_qs;
    QTest::newRow("binance no symbols")
        << Exchange::Binance << binanceInfo(QByteArray()) << u"no symbol with a usable contractSize"_qs;
}

void addBybitRefusals()
{
    const QByteArray btcusdt = bybitInstrument("BTCUSDT", "Trading");
    const QByteArray trading = btcusdt + ',';
    QTest::newRow("bybit not JSON") << Exchange::Bybit << QByteArray("retCode=0") << u"not a JSON"_qs;
    QTest::newRow("bybit error envelope")
        << Exchange::Bybit << QByteArray(R"({"retCode":10001,"retMsg":"params error","result":{},"time":1})")
        << u"retCode 10001: params error"_qs;
    QTest::newRow("bybit no retCode")
        << Exchange::Bybit << QByteArray(R"({"retMsg":"OK","result":{"list":[]}})")
        << u"without a retCode"_qs;
    QTest::newRow("bybit retCode not a number")
        << Exchange::Bybit << bybitPage(btcusdt).replace(R"("retCode":0)", R"("retCode":"zero")")
        << u"without a retCode"_qs;
    QTest::newRow("bybit result array")
        << Exchange::Bybit << QByteArray(R"({"retCode":0,"result":[]})") << u"without a result object"_qs;
    QTest::newRow("bybit list object")
        << Exchange::Bybit << QByteArray(R"({"retCode":0,"result":{"list":{},"nextPageCursor":""}})")
        << u"result.list"_qs;
    QTest::newRow("bybit no cursor") << Exchange::Bybit << bybitPage(btcusdt, QByteArray())
                                     << u"nextPageCursor"_qs;
    QTest::newRow("bybit cursor a number")
        << Exchange::Bybit << bybitPage(btcusdt, R"("nextPageCursor":5)") << u"nextPageCursor"_qs;
    QTest::newRow("bybit no status") << Exchange::Bybit << bybitPage(trading + R"({"symbol":"ETHUSDT"})")
                                     << u"symbol or status"_qs;
    QTest::newRow("bybit symbol a number")
        << Exchange::Bybit << bybitPage(trading + R"({"symbol":1,"status":"Trading"})")
        << u"symbol or status"_qs;
}

void addOkxRefusals()
{
    const QByteArray btc = okxInstrument("BTC-USDT-SWAP", "BTC-USDT", R"("ctVal":"0.01")") + ',';
    QTest::newRow("okx not JSON") << Exchange::Okx << QByteArray() << u"not a JSON"_qs;
    QTest::newRow("okx error envelope")
        << Exchange::Okx << QByteArray(R"({"code":"51000","msg":"Parameter instType error","data":[]})")
        << u"OKX code 51000: Parameter instType error"_qs;
    QTest::newRow("okx code a number")
        << Exchange::Okx << QByteArray(R"({"code":0,"msg":"","data":[]})") << u"without a code"_qs;
    QTest::newRow("okx data object") << Exchange::Okx << QByteArray(R"({"code":"0","msg":"","data":{}})")
                                     << u"without a data array"_qs;
    QTest::newRow("okx no instId") << Exchange::Okx << okxReply(btc + R"({"ctVal":"1","ctType":"linear"})")
                                   << u"without an instId"_qs;
    QTest::newRow("okx no ctType")
        << Exchange::Okx << okxReply(btc + okxInstrument("ETH-USDT-SWAP", "ETH-USDT", R"("ctVal":"0.1")", ""))
        << u"ctType"_qs;
    QTest::newRow("okx ctVal array")
        << Exchange::Okx << okxReply(btc + okxInstrument("ETH-USDT-SWAP", "ETH-USDT", R"("ctVal":[0.1])"))
        << u"ctVal is neither"_qs;
    QTest::newRow("okx no usable ctVal")
        << Exchange::Okx << okxReply(okxInstrument("BTC-USDT-SWAP", "BTC-USDT", R"("ctVal":"-1")"))
        << u"no instrument with a usable ctVal"_qs;
}

} // namespace

class tst_InstrumentCatalog final : public QObject
{
    Q_OBJECT

private slots:
    void urls_data();
    void urls();
    void unservedMarketsGiveNoUrl();
    void bybitCursorRoundTrip_data();
    void bybitCursorRoundTrip();

    void binanceContracts();
    void binanceUnusableSizeIsSkipped_data();
    void binanceUnusableSizeIsSkipped();

    void bybitPages();
    void bybitLastPage();

    void okxInstruments();
    void okxUnusableInstrumentIsSkipped_data();
    void okxUnusableInstrumentIsSkipped();

    void refusedWhole_data();
    void refusedWhole();

    void packingNeedsDerivedConnectionCount_data();
    void packingNeedsDerivedConnectionCount();
    void packingMixedLengths();
    void packingDropsDuplicatesAndEmptyNames();
    void packingLeavesOutATopicThatCannotFit();

    void bybitFrame();
    void bybitFrameCarriesAPackedBatch();
    void okxFrame();
};

void tst_InstrumentCatalog::urls_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("expected");
    const QUrl binance(u"https://dapi.binance.com"_qs);
    const QUrl bybit(u"https://api.bybit.com"_qs);
    const QUrl okx(u"https://www.okx.com"_qs);
    const QUrl mirror(u"http://127.0.0.1:4321/mirror"_qs);
    QTest::newRow("binance") << binanceCoinMExchangeInfoUrl(binance)
                             << u"https://dapi.binance.com/dapi/v1/exchangeInfo"_qs;
    QTest::newRow("binance trailing slash")
        << binanceCoinMExchangeInfoUrl(QUrl(u"https://dapi.binance.com/"_qs))
        << u"https://dapi.binance.com/dapi/v1/exchangeInfo"_qs;
    QTest::newRow("binance mirror") << binanceCoinMExchangeInfoUrl(mirror)
                                    << u"http://127.0.0.1:4321/mirror/dapi/v1/exchangeInfo"_qs;
    QTest::newRow("binance mirror slash, query dropped")
        << binanceCoinMExchangeInfoUrl(QUrl(u"http://127.0.0.1:4321/mirror/?x=1#top"_qs))
        << u"http://127.0.0.1:4321/mirror/dapi/v1/exchangeInfo"_qs;
    QTest::newRow("bybit linear") << bybitInstrumentsUrl(
        bybit, MarketKind::Linear,
        QString()) << u"https://api.bybit.com/v5/market/instruments-info?category=linear&limit=1000"_qs;
    QTest::newRow("bybit inverse mirror")
        << bybitInstrumentsUrl(mirror, MarketKind::Inverse, QString())
        << u"http://127.0.0.1:4321/mirror/v5/market/instruments-info?category=inverse&limit=1000"_qs;
    QTest::newRow("bybit cursor")
        << bybitInstrumentsUrl(bybit, MarketKind::Linear, u"first%3D1,last=9"_qs)
        << u"https://api.bybit.com/v5/market/instruments-info?category=linear&limit=1000"
           "&cursor=first%253D1%2Clast%3D9"_qs;
    QTest::newRow("okx swap") << okxInstrumentsUrl(okx, MarketKind::Swap)
                              << u"https://www.okx.com/api/v5/public/instruments?instType=SWAP"_qs;
    QTest::newRow("okx futures mirror")
        << okxInstrumentsUrl(mirror, MarketKind::Futures)
        << u"http://127.0.0.1:4321/mirror/api/v5/public/instruments?instType=FUTURES"_qs;
    QTest::newRow("okx history") << okxLiquidationHistoryUrl(okx, MarketKind::Swap, u"BTC-USDT"_qs,
                                                             std::nullopt)
                                 << u"https://www.okx.com/api/v5/public/liquidation-orders"
                                    "?instType=SWAP&instFamily=BTC-USDT&state=filled&limit=100"_qs;
    QTest::newRow("okx history older page, mirror")
        << okxLiquidationHistoryUrl(mirror, MarketKind::Futures, u"XRP-USD"_qs, qint64(1680173247614))
        << u"http://127.0.0.1:4321/mirror/api/v5/public/liquidation-orders"
           "?instType=FUTURES&instFamily=XRP-USD&state=filled&limit=100&after=1680173247614"_qs;
}

void tst_InstrumentCatalog::urls()
{
    QFETCH(QUrl, url);
    QFETCH(QString, expected);
    QVERIFY(url.isValid());
    QCOMPARE(url.toString(QUrl::FullyEncoded), expected);
}

void tst_InstrumentCatalog::unservedMarketsGiveNoUrl()
{
    const QUrl bybit(u"https://api.bybit.com"_qs);
    const QUrl okx(u"https://www.okx.com"_qs);
    QVERIFY(bybitInstrumentsUrl(bybit, MarketKind::Swap, QString()).isEmpty());
    QVERIFY(bybitInstrumentsUrl(bybit, MarketKind::UsdM, QString()).isEmpty());
    QVERIFY(okxInstrumentsUrl(okx, MarketKind::Linear).isEmpty());
    QVERIFY(okxLiquidationHistoryUrl(okx, MarketKind::CoinM, u"BTC-USD"_qs, std::nullopt).isEmpty());
    QVERIFY(okxLiquidationHistoryUrl(okx, MarketKind::Swap, QString(), std::nullopt).isEmpty());
    // The same calls with a served market do build one (so the checks above can fail).
    QVERIFY(!bybitInstrumentsUrl(bybit, MarketKind::Linear, QString()).isEmpty());
    QVERIFY(!okxLiquidationHistoryUrl(okx, MarketKind::Swap, u"BTC-USD"_qs, std::nullopt).isEmpty());
}

void tst_InstrumentCatalog::bybitCursorRoundTrip_data()
{
    QTest::addColumn<QString>("cursor");
    QTest::newRow("escaped pairs") << u"first%3D1000000001%26last%3D1000000100"_qs;
    QTest::newRow("raw pairs and commas") << u"first=BTCUSDT,last=ZRXUSDT"_qs;
    QTest::newRow("base64 with plus") << u"ab+cd/ef=="_qs;
    QTest::newRow("query delimiters") << u"a&cursor=b#c d?"_qs;
    QTest::newRow("lone percent") << u"100%"_qs;
}

void tst_InstrumentCatalog::bybitCursorRoundTrip()
{
    QFETCH(QString, cursor);
    const QUrl url
        = bybitInstrumentsUrl(QUrl(u"http://127.0.0.1:4321/mirror"_qs), MarketKind::Linear, cursor);
    // Through text and back, as the request goes out.
    const QUrl sent = QUrl::fromEncoded(url.toEncoded(), QUrl::StrictMode);
    QVERIFY(sent.isValid());
    const QUrlQuery query(sent);
    QCOMPARE(query.queryItems().size(), 3); // the cursor did not split into more items
    QCOMPARE(query.queryItemValue(u"cursor"_qs, QUrl::FullyDecoded), cursor);
    QCOMPARE(query.queryItemValue(u"category"_qs), u"linear"_qs);
    QCOMPARE(query.queryItemValue(u"limit"_qs), u"1000"_qs);
    // A bare '+' would reach the server as a space.
    QVERIFY(!sent.query(QUrl::FullyEncoded).contains(u'+'));
}

void tst_InstrumentCatalog::binanceContracts()
{
    const BinanceContracts result = parseBinanceCoinMExchangeInfo(
        binanceInfo(binanceSymbol("BTCUSD_PERP", R"("contractSize":100)") + ','
                    + binanceSymbol("ETHUSD_PERP", R"("contractSize":10)") + ','
                    + binanceSymbol("BTCUSD_240628", R"("contractSize":"100")", "DELIVERED")));
    QVERIFY2(result.problem.isEmpty(), qPrintable(result.problem));
    QCOMPARE(result.skipped, 0);
    QCOMPARE(result.contracts.size(), 3);
    QCOMPARE(result.contracts.value(u"BTCUSD_PERP"_qs).contractValue, 100.0);
    QCOMPARE(result.contracts.value(u"ETHUSD_PERP"_qs).contractValue, 10.0);
    // A delivered contract still sizes a late liquidation on it.
    QCOMPARE(result.contracts.value(u"BTCUSD_240628"_qs).contractValue, 100.0);
    for (const ContractSpec &spec : result.contracts)
        QVERIFY(spec.inverse); // COIN-M contracts are worth USD
}

void tst_InstrumentCatalog::binanceUnusableSizeIsSkipped_data()
{
    QTest::addColumn<QByteArray>("sizeField");
    QTest::newRow("missing") << QByteArray();
    QTest::newRow("null") << QByteArray(R"("contractSize":null)");
    QTest::newRow("zero") << QByteArray(R"("contractSize":0)");
    QTest::newRow("negative") << QByteArray(R"("contractSize":-100)");
    QTest::newRow("NaN text") << QByteArray(R"("contractSize":"NaN")");
    QTest::newRow("empty text") << QByteArray(R"("contractSize":"")");
    QTest::newRow("overflowing text") << QByteArray(R"("contractSize":"1e400")");
}

void tst_InstrumentCatalog::binanceUnusableSizeIsSkipped()
{
    QFETCH(QByteArray, sizeField);
    const BinanceContracts result
        = parseBinanceCoinMExchangeInfo(binanceInfo(binanceSymbol("BTCUSD_PERP", R"("contractSize":100)")
                                                    + ',' + binanceSymbol("ETHUSD_PERP", sizeField)));
    QVERIFY2(result.problem.isEmpty(), qPrintable(result.problem));
    QCOMPARE(result.skipped, 1);
    QCOMPARE(result.contracts.size(), 1);
    QVERIFY(!result.contracts.contains(u"ETHUSD_PERP"_qs)); // never guessed
    QCOMPARE(result.contracts.value(u"BTCUSD_PERP"_qs).contractValue, 100.0);
}

void tst_InstrumentCatalog::bybitPages()
{
    const QString cursor = u"first%3D1000000001%26last%3D1000000100,x="_qs;
    const BybitInstrumentPage page = parseBybitInstrumentsPage(bybitPage(
        bybitInstrument("BTCUSDT", "Trading") + ',' + bybitInstrument("NEWUSDT", "PreLaunch") + ','
            + bybitInstrument("ETHUSDT", "Trading") + ',' + bybitInstrument("OLDUSDT", "Closed") + ','
            + bybitInstrument("BTC-27JUN25", "Delivering") + ',' + bybitInstrument("1000PEPEUSDT", "Trading"),
        R"("nextPageCursor":")" + cursor.toUtf8() + '"'));
    QVERIFY2(page.problem.isEmpty(), qPrintable(page.problem));
    QCOMPARE(page.symbols, QStringList({u"BTCUSDT"_qs, u"ETHUSDT"_qs, u"1000PEPEUSDT"_qs}));
    QCOMPARE(page.nextCursor, cursor);
}

void tst_InstrumentCatalog::bybitLastPage()
{
    const BybitInstrumentPage last
        = parseBybitInstrumentsPage(bybitPage(bybitInstrument("ZRXUSDT", "Trading")));
    QVERIFY2(last.problem.isEmpty(), qPrintable(last.problem));
    QCOMPARE(last.symbols, QStringList({u"ZRXUSDT"_qs}));
    QVERIFY(last.nextCursor.isEmpty());
    // A last page may come empty when the count is a multiple of the limit.
    const BybitInstrumentPage empty = parseBybitInstrumentsPage(bybitPage(QByteArray()));
    QVERIFY2(empty.problem.isEmpty(), qPrintable(empty.problem));
    QVERIFY(empty.symbols.isEmpty());
    QVERIFY(empty.nextCursor.isEmpty());
}

void tst_InstrumentCatalog::okxInstruments()
{
    const OkxInstruments result = parseOkxInstruments(okxReply(
        okxInstrument("BTC-USDT-SWAP", "BTC-USDT", R"("ctVal":"0.01")") + ','
        + okxInstrument("BTC-USD-SWAP", "BTC-USD", R"("ctVal":"100")", R"("ctType":"inverse")") + ','
        + okxInstrument("BTC-USD-250627", "BTC-USD", R"("ctVal":"100")", R"("ctType":"inverse")") + ','
        + okxInstrument("ETH-USDT-SWAP", "", R"("ctVal":"0.1")")
              .replace(R"("uly":"")", R"("uly":"ETH-USDT")")));
    QVERIFY2(result.problem.isEmpty(), qPrintable(result.problem));
    QCOMPARE(result.skipped, 0);
    QCOMPARE(result.contracts.size(), 4);
    QCOMPARE(result.contracts.value(u"BTC-USDT-SWAP"_qs).contractValue, 0.01);
    QVERIFY(!result.contracts.value(u"BTC-USDT-SWAP"_qs).inverse);
    QCOMPARE(result.contracts.value(u"BTC-USD-SWAP"_qs).contractValue, 100.0);
    QVERIFY(result.contracts.value(u"BTC-USD-SWAP"_qs).inverse);
    QVERIFY(result.contracts.value(u"BTC-USD-250627"_qs).inverse);
    QCOMPARE(result.contracts.value(u"ETH-USDT-SWAP"_qs).contractValue, 0.1);
    // BTC-USD twice (swap and future) counted once; ETH-USDT from uly as instFamily is empty.
    QCOMPARE(result.families, QStringList({u"BTC-USD"_qs, u"BTC-USDT"_qs, u"ETH-USDT"_qs}));
}

void tst_InstrumentCatalog::okxUnusableInstrumentIsSkipped_data()
{
    QTest::addColumn<QByteArray>("ctValField");
    QTest::addColumn<QByteArray>("ctTypeField");
    const QByteArray linear = R"("ctType":"linear")";
    QTest::newRow("ctVal missing") << QByteArray() << linear;
    QTest::newRow("ctVal empty") << QByteArray(R"("ctVal":"")") << linear;
    QTest::newRow("ctVal zero") << QByteArray(R"("ctVal":"0")") << linear;
    QTest::newRow("ctVal negative") << QByteArray(R"("ctVal":"-0.01")") << linear;
    QTest::newRow("ctVal NaN") << QByteArray(R"("ctVal":"NaN")") << linear;
    QTest::newRow("ctType unknown") << QByteArray(R"("ctVal":"1")") << QByteArray(R"("ctType":"quanto")");
    QTest::newRow("ctType empty") << QByteArray(R"("ctVal":"1")") << QByteArray(R"("ctType":"")");
}

void tst_InstrumentCatalog::okxUnusableInstrumentIsSkipped()
{
    QFETCH(QByteArray, ctValField);
    QFETCH(QByteArray, ctTypeField);
    const OkxInstruments result = parseOkxInstruments(
        okxReply(okxInstrument("BTC-USDT-SWAP", "BTC-USDT", R"("ctVal":"0.01")") + ','
                 + okxInstrument("DOGE-USD-SWAP", "DOGE-USD", ctValField, ctTypeField)));
    QVERIFY2(result.problem.isEmpty(), qPrintable(result.problem));
    QCOMPARE(result.skipped, 1);
    QCOMPARE(result.contracts.size(), 1);
    QVERIFY(!result.contracts.contains(u"DOGE-USD-SWAP"_qs)); // never guessed
    QCOMPARE(result.families, QStringList({u"BTC-USDT"_qs})); // no backfill of an unsizable family
}

void tst_InstrumentCatalog::refusedWhole_data()
{
    QTest::addColumn<Exchange>("exchange");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("problem");
    addBinanceRefusals();
    addBybitRefusals();
    addOkxRefusals();
}

void tst_InstrumentCatalog::refusedWhole()
{
    QFETCH(Exchange, exchange);
    QFETCH(QByteArray, body);
    QFETCH(QString, problem);
    const Outcome outcome = outcomeOf(exchange, body);
    QVERIFY2(outcome.problem.contains(problem), qPrintable(outcome.problem));
    QVERIFY(outcome.onlyProblem); // never half-read: the good entries before the bad one are dropped too
}

void tst_InstrumentCatalog::packingNeedsDerivedConnectionCount_data()
{
    QTest::addColumn<int>("symbolCount");
    // Each topic adds its quoted length and a comma; a batch adds two brackets less one comma.
    const qsizetype topicWeight = argsChars({u"allLiquidation.S00000USDT"_qs}) - 2 + 1;
    const int perBatch = int((21000 - 2) / topicWeight); // the most topics under 21,000 characters
    QTest::newRow("one full batch") << perBatch;
    QTest::newRow("one over") << perBatch + 1;
    QTest::newRow("needs three") << 2 * perBatch + 1;
    QTest::newRow("three full") << 3 * perBatch;
    QTest::newRow("needs four") << 3 * perBatch + 1;
}

void tst_InstrumentCatalog::packingNeedsDerivedConnectionCount()
{
    QFETCH(int, symbolCount);
    const QStringList symbols = sameLengthSymbols(symbolCount);
    const qsizetype topicWeight = argsChars({QStringLiteral("allLiquidation.") + symbols.first()}) - 1;
    const qsizetype perBatch = (21000 - 2) / topicWeight;
    QVERIFY(argsChars(QStringList(perBatch, u"allLiquidation.S00000USDT"_qs)) < 21000);
    QVERIFY(argsChars(QStringList(perBatch + 1, u"allLiquidation.S00000USDT"_qs)) >= 21000);
    const qsizetype expected = (symbolCount + perBatch - 1) / perBatch;

    const QList<QStringList> batches = packBybitTopics(symbols);
    QCOMPARE(batches.size(), expected);
    QStringList all;
    for (const QStringList &batch : batches) {
        QVERIFY2(argsChars(batch) < 21000, qPrintable(QString::number(argsChars(batch))));
        all += batch;
    }
    QCOMPARE(all.size(), symbols.size());
    QCOMPARE(QSet<QString>(all.cbegin(), all.cend()).size(), symbols.size()); // each exactly once
    for (const QString &symbol : symbols)
        QVERIFY(all.contains(QStringLiteral("allLiquidation.") + symbol));
}

void tst_InstrumentCatalog::packingMixedLengths()
{
    // Real-looking names of several lengths under a small limit: no batch reaches it, none is wasted.
    const QStringList symbols = {u"BTCUSDT"_qs, u"ETHUSDT"_qs,     u"1000PEPEUSDT"_qs,   u"SOLUSDT"_qs,
                                 u"XRPUSDT"_qs, u"KAITOUSDT"_qs,   u"1000000MOGUSDT"_qs, u"DOGEUSDT"_qs,
                                 u"BTCPERP"_qs, u"ETH-27JUN25"_qs, u"ADAUSDT"_qs,        u"SHIB1000USDT"_qs};
    const int maxArgsChars = 120;
    const QList<QStringList> batches = packBybitTopics(symbols, maxArgsChars);
    QStringList all;
    qsizetype total = 1; // as one array: sum of the quoted topics and commas, plus the brackets
    for (const QStringList &batch : batches) {
        QVERIFY(!batch.isEmpty());
        QVERIFY2(argsChars(batch) < maxArgsChars, qPrintable(batch.join(u',')));
        all += batch;
        total += argsChars(batch) - 1;
    }
    QCOMPARE(all.size(), symbols.size());
    QCOMPARE(QSet<QString>(all.cbegin(), all.cend()).size(), symbols.size());
    // Fewer batches cannot hold this many characters (each batch gets maxArgsChars - 2 of the weights).
    const qsizetype lowerBound = (total - 1 + maxArgsChars - 3) / (maxArgsChars - 2);
    QVERIFY2(batches.size() >= lowerBound && batches.size() <= lowerBound + 1,
             qPrintable(QStringLiteral("%1 batches, lower bound %2").arg(batches.size()).arg(lowerBound)));
    QVERIFY(batches.size() >= 2); // the limit is small enough to need more than one
}

void tst_InstrumentCatalog::packingDropsDuplicatesAndEmptyNames()
{
    const QList<QStringList> batches
        = packBybitTopics({u"ETHUSDT"_qs, u"BTCUSDT"_qs, QString(), u"ETHUSDT"_qs, u"BTCUSDT"_qs});
    QCOMPARE(batches.size(), 1);
    QCOMPARE(batches.first(), QStringList({u"allLiquidation.BTCUSDT"_qs, u"allLiquidation.ETHUSDT"_qs}));
    QVERIFY(packBybitTopics({}).isEmpty()); // nothing to listen to needs no connection
}

void tst_InstrumentCatalog::packingLeavesOutATopicThatCannotFit()
{
    // ["allLiquidation.BTCUSDT"] is 26 characters: under 30. The long one alone is not.
    const QString longSymbol = u"VERYLONGSYMBOLNAMEUSDT"_qs;
    QVERIFY(argsChars({u"allLiquidation.BTCUSDT"_qs}) < 30);
    QVERIFY(argsChars({QStringLiteral("allLiquidation.") + longSymbol}) >= 30);
    const QList<QStringList> batches = packBybitTopics({u"BTCUSDT"_qs, longSymbol}, 30);
    QCOMPARE(batches, QList<QStringList>({{u"allLiquidation.BTCUSDT"_qs}}));
    QVERIFY(packBybitTopics({u"BTCUSDT"_qs}, 2).isEmpty());
}

void tst_InstrumentCatalog::bybitFrame()
{
    QCOMPARE(bybitSubscribeFrame({u"allLiquidation.BTCUSDT"_qs, u"allLiquidation.ETHUSDT"_qs}, 7),
             QByteArray(R"({"req_id":"7","op":"subscribe","args":["allLiquidation.BTCUSDT",)"
                        R"("allLiquidation.ETHUSDT"]})"));
    QCOMPARE(bybitSubscribeFrame({}, 12), QByteArray(R"({"req_id":"12","op":"subscribe","args":[]})"));
}

void tst_InstrumentCatalog::bybitFrameCarriesAPackedBatch()
{
    // The args measured by the packing are the args the frame sends.
    const QList<QStringList> batches = packBybitTopics(sameLengthSymbols(2000));
    QVERIFY(batches.size() > 1);
    for (int i = 0; i < batches.size(); ++i) {
        const QByteArray frame = bybitSubscribeFrame(batches.at(i), i + 1);
        const QJsonObject object = QJsonDocument::fromJson(frame).object();
        QCOMPARE(object.value(u"req_id"_qs).toString(), QString::number(i + 1));
        QCOMPARE(object.value(u"op"_qs).toString(), u"subscribe"_qs);
        QCOMPARE(object.value(u"args"_qs).toArray(), QJsonArray::fromStringList(batches.at(i)));
        const QByteArray args
            = QJsonDocument(QJsonArray::fromStringList(batches.at(i))).toJson(QJsonDocument::Compact);
        QVERIFY(frame.contains(args));
        QVERIFY(args.size() < 21000);
    }
}

void tst_InstrumentCatalog::okxFrame()
{
    QCOMPARE(okxSubscribeFrame(),
             QByteArray(R"({"op":"subscribe","args":[{"channel":"liquidation-orders","instType":"SWAP"},)"
                        R"({"channel":"liquidation-orders","instType":"FUTURES"}]})"));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(okxSubscribeFrame(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(document.object().value(u"args"_qs).toArray().size(), 2);
}

QTEST_GUILESS_MAIN(tst_InstrumentCatalog)
#include "tst_instrumentcatalog.moc"
