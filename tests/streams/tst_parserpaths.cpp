// The parsers' two ways of reading a message held to each other: the SAX fast path (scanEvent(s)) and the
// full DOM parse (parseDocument) must give the same message for every shape the exchanges send and for
// every variant of them (each value replaced by every JSON type and by tricky text, keys removed, given
// twice or reordered), and the fast path must be the one that reads the plain shapes. Also the instrument
// cache: one QString per instrument and per coin, and right answers past its capacity.
#include "../exchanges/exchangemessages.h"
#include "streams/binanceparser.h"
#include "streams/bybitparser.h"
#include "streams/instrumentcache.h"
#include "streams/okxparser.h"

#include <QTest>

#include <cmath>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using namespace Liq;
using namespace LiqTest;
using Json = nlohmann::ordered_json;

namespace {

// One parser with its two paths, whichever exchange it reads.
struct Paths
{
    const char *name;
    std::function<StreamMessage(const QByteArray &, qint64)> parse;
    std::function<std::optional<StreamMessage>(const QByteArray &, qint64)> scan;
    std::function<StreamMessage(const QByteArray &, qint64)> document;
};

template<typename Parser>
Paths pathsOf(const char *name, const Parser &parser)
{
    const auto scan = [&parser](const QByteArray &text, qint64 now) {
        if constexpr (std::is_same_v<Parser, BinanceParser>)
            return parser.scanEvent(text, now);
        else
            return parser.scanEvents(text, now);
    };
    return Paths{name, [&parser](const QByteArray &text, qint64 now) { return parser.parse(text, now); },
                 scan,
                 [&parser](const QByteArray &text, qint64 now) {
                     return parser.parseDocument(text, now);
                 }};
}

// Empty when a and b are the same message (receive times included); else the first difference.
QString difference(const StreamMessage &a, const StreamMessage &b)
{
    if (a.kind != b.kind)
        return QStringLiteral("kind %1 vs %2").arg(int(a.kind)).arg(int(b.kind));
    if (a.problem != b.problem)
        return QStringLiteral("problem \"%1\" vs \"%2\"").arg(a.problem, b.problem);
    if (a.unknownInstruments != b.unknownInstruments || a.unknownInstrument != b.unknownInstrument)
        return QStringLiteral("unknown %1 %2 vs %3 %4")
            .arg(a.unknownInstruments)
            .arg(a.unknownInstrument)
            .arg(b.unknownInstruments)
            .arg(b.unknownInstrument);
    if (a.reachedAgeLimit != b.reachedAgeLimit)
        return QStringLiteral("reachedAgeLimit");
    if (a.events.size() != b.events.size())
        return QStringLiteral("%1 vs %2 events").arg(a.events.size()).arg(b.events.size());
    for (qsizetype i = 0; i < a.events.size(); ++i) {
        const LiquidationEvent &x = a.events.at(i);
        const LiquidationEvent &y = b.events.at(i);
        // == compares doubles as values: NaN never passes, and none may get this far anyway.
        if (x != y || x.receiveTimeMs != y.receiveTimeMs)
            return QStringLiteral("event %1: %2 %3 %4 %5 vs %6 %7 %8 %9")
                .arg(i)
                .arg(x.instrument, x.coin)
                .arg(x.usd)
                .arg(x.exchangeTimeMs)
                .arg(y.instrument, y.coin)
                .arg(y.usd)
                .arg(y.exchangeTimeMs);
    }
    return {};
}

// Empty when parse() is the full parse, and the fast path, when it reads the text, too.
QString disagreement(const Paths &paths, const QByteArray &text, qint64 now)
{
    const StreamMessage full = paths.document(text, now);
    if (const QString why = difference(paths.parse(text, now), full); !why.isEmpty())
        return QStringLiteral("parse vs full: ") + why;
    if (const std::optional<StreamMessage> fast = paths.scan(text, now)) {
        if (fast->kind != StreamMessage::Kind::Events)
            return QStringLiteral("the fast path gave something other than events");
        if (const QString why = difference(*fast, full); !why.isEmpty())
            return QStringLiteral("fast vs full: ") + why;
    }
    return {};
}

QByteArray bytes(const std::string &text)
{
    return QByteArray(text.data(), qsizetype(text.size()));
}

// Compact JSON like dump(), with the object member at `at` (a pointer) written twice: as it is and with
// `other` as its value, `other` first or last.
struct Twice
{
    std::string at;
    Json other;
    bool otherFirst = true;
};

void write(const Json &value, const std::string &path, const Twice &twice, std::string *out)
{
    if (value.is_object()) {
        *out += '{';
        bool comma = false;
        for (auto it = value.begin(); it != value.end(); ++it) {
            const std::string child = path + "/" + it.key();
            const std::string key = Json(it.key()).dump() + ":";
            if (child == twice.at && twice.otherFirst) {
                *out += (comma ? "," : "") + key + twice.other.dump();
                comma = true;
            }
            *out += (comma ? "," : "") + key;
            write(it.value(), child, twice, out);
            comma = true;
            if (child == twice.at && !twice.otherFirst)
                *out += "," + key + twice.other.dump();
        }
        *out += '}';
    } else if (value.is_array()) {
        *out += '[';
        for (size_t i = 0; i < value.size(); ++i) {
            *out += i > 0 ? "," : "";
            write(value[i], path + "/" + std::to_string(i), twice, out);
        }
        *out += ']';
    } else {
        *out += value.dump();
    }
}

void pointers(const Json &value, const std::string &path, std::vector<std::string> *out)
{
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            out->push_back(path + "/" + it.key());
            pointers(it.value(), path + "/" + it.key(), out);
        }
    } else if (value.is_array()) {
        for (size_t i = 0; i < value.size(); ++i) {
            out->push_back(path + "/" + std::to_string(i));
            pointers(value[i], path + "/" + std::to_string(i), out);
        }
    }
}

Json reversedKeys(const Json &value)
{
    if (value.is_array()) {
        Json result = Json::array();
        for (const Json &element : value)
            result.push_back(reversedKeys(element));
        return result;
    }
    if (!value.is_object())
        return value;
    std::vector<std::pair<std::string, Json>> members;
    for (auto it = value.begin(); it != value.end(); ++it)
        members.emplace_back(it.key(), reversedKeys(it.value()));
    Json result = Json::object();
    for (auto it = members.rbegin(); it != members.rend(); ++it)
        result[it->first] = it->second;
    return result;
}

// What every value in turn is replaced with: each JSON type, and text each field might trip on.
std::vector<Json> replacements(qint64 now)
{
    const std::string nowText = std::to_string(now);
    return {nullptr,
            true,
            false,
            Json::object(),
            Json::array(),
            Json{{"x", 1}},
            Json::array({1}),
            "",
            "x",
            "NaN",
            "inf",
            "1e400",
            "-1",
            "0",
            "12",
            " 12",
            "12 ",
            "0x10",
            "1.5",
            0,
            -1,
            1.5,
            1e300,
            std::numeric_limits<quint64>::max(),
            std::numeric_limits<qint64>::min(),
            now,
            nowText,
            std::to_string(now - 25 * 3600 * 1000LL),
            std::to_string(now + 10 * 60 * 1000LL),
            now + 10 * 60 * 1000LL,
            "SELL",
            "BUY",
            "Buy",
            "Sell",
            "sell",
            "buy",
            "forceOrder",
            "liquidation-orders",
            "allLiquidation.BTCUSDT",
            "allLiquidation",
            "SWAP",
            "FUTURES",
            "BTCUSDT",
            "BTCUSD_PERP",
            "ZEROUSD_PERP",
            "NANUSD_PERP",
            "BTC-USDT-SWAP",
            "XRP-USD-230929",
            "ETH-USDT",
            "-USDT",
            "BTC",
            "\xC3\xA9T\xC3\xA9-USDT-SWAP"};
}

} // namespace

class tst_ParserPaths final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void plainShapesTakeTheFastPath();
    void pathsAgreeOnEveryVariant();
    void pathsAgreeOnControlAndBadMessages();
    void largeBatchesFallBackWhole();

    void instrumentsAndCoinsShareOneString();
    void cacheAnswersRightPastItsCapacity();

private:
    // Each parser, and the messages it is fed: every shape of exchangemessages.h and a few of their own.
    struct Case
    {
        const Paths *paths;
        QByteArray text;
    };
    std::vector<Case> plainShapes() const;

    qint64 m_now = 0;
    QByteArray m_nowText;
    const BinanceParser m_binanceUsdm{MarketKind::UsdM};
    const BinanceParser m_binanceCoinm{MarketKind::CoinM,
                                       ContractTable{{u"BTCUSD_PERP"_qs, ContractSpec{100, true}},
                                                     {u"ZEROUSD_PERP"_qs, ContractSpec{0, true}},
                                                     {u"NANUSD_PERP"_qs, ContractSpec{qQNaN(), true}}}};
    const BybitParser m_bybitLinear{MarketKind::Linear};
    const BybitParser m_bybitInverse{MarketKind::Inverse};
    const OkxParser m_okx{ContractTable{{u"BTC-USDT-SWAP"_qs, ContractSpec{0.01, false}},
                                        {u"XRP-USD-230929"_qs, ContractSpec{10, true}},
                                        {u"ZERO-USDT-SWAP"_qs, ContractSpec{0, false}}}};
    std::vector<Paths> m_paths;
};

void tst_ParserPaths::initTestCase()
{
    m_nowText = Messages::now();
    m_now = m_nowText.toLongLong();
    m_paths = {pathsOf("binance usdm", m_binanceUsdm), pathsOf("binance coinm", m_binanceCoinm),
               pathsOf("bybit linear", m_bybitLinear), pathsOf("bybit inverse", m_bybitInverse),
               pathsOf("okx", m_okx)};
}

std::vector<tst_ParserPaths::Case> tst_ParserPaths::plainShapes() const
{
    using namespace Messages;
    const Paths *usdm = m_paths.data();
    const Paths *coinm = &m_paths[1];
    const Paths *linear = &m_paths[2];
    const Paths *inverse = &m_paths[3];
    const Paths *okx = &m_paths[4];
    const QByteArray t = m_nowText;
    const QByteArray btc
        = okxEntry("BTC-USDT-SWAP", "BTC-USDT", "SWAP",
                   okxDetail("sell", "3", "95000.5", t) + "," + okxDetail("buy", "1", "95001", t));
    const QByteArray xrp
        = okxEntry("XRP-USD-230929", "XRP-USD", "FUTURES", okxDetail("buy", "39", "0.55205", t));
    return {
        {usdm, binanceOrder("BTCUSDT", "SELL", "0.115", "26245.10", t)},
        {usdm, binanceOrder("ETHUSDT", "BUY", "2", "3400", t)},
        {usdm, binanceOrder("BTCUSDT", "SELL", "0", "26245.10", t)}, // filled nothing
        {coinm, binanceOrder("BTCUSD_PERP", "BUY", "7", "95000", t)},
        {coinm, binanceOrder("DOGEUSD_PERP", "SELL", "7", "0.3", t)}, // no contract size: counted
        {coinm, binanceOrder("ZEROUSD_PERP", "SELL", "7", "0.3", t)},
        {linear, bybitLiquidation("BTCUSDT", "Buy", "0.01", "95000")},
        {linear, bybitLiquidation("SOLUSDT", "Sell", "12", "180.5")},
        {inverse, bybitLiquidation("BTCUSD", "Sell", "1000", "95000")},
        {linear,
         QByteArray(R"({"topic":"allLiquidation.BTCUSDT","type":"snapshot","ts":)") + t + R"(,"data":[{"T":)"
             + t + R"(,"s":"BTCUSDT","S":"Buy","v":"0.01","p":"95000"},{"T":)" + t
             + R"(,"s":"BTCUSDT","S":"Sell","v":"0.02","p":"95010"}]})"},
        {okx, okxPush("SWAP", btc)},
        {okx, okxPush("FUTURES", xrp)},
        {okx, okxPush("SWAP", btc + "," + xrp)},
        {okx,
         okxPush("SWAP", okxEntry("DOGE-USDT-SWAP", "DOGE-USDT", "SWAP", okxDetail("sell", "5", "0.3", t)))},
        {okx,
         okxPush("SWAP", okxEntry("ZERO-USDT-SWAP", "ZERO-USDT", "SWAP", okxDetail("sell", "5", "1", t)))},
        {okx, okxPush("SWAP", okxEntry("BTC-USDT-SWAP", "BTC-USDT", "SWAP", ""))}, // no details
        {okx, okxPush("SWAP", "")}, // no entries
        // Escaped keys and names read the same as plain ones.
        {usdm,
         QByteArray(R"({"e":"forceOrder","E":1,"o":{"\u0073":"BTC\u0055SDT","S":"SELL","z":"1",)"
                    R"("ap":"95000","p":"94000","T":)")
             + t + "}}"},
    };
}

void tst_ParserPaths::plainShapesTakeTheFastPath()
{
    for (const Case &shape : plainShapes()) {
        const std::optional<StreamMessage> fast = shape.paths->scan(shape.text, m_now);
        QVERIFY2(fast.has_value(), shape.text.constData());
        const QString why = disagreement(*shape.paths, shape.text, m_now);
        QVERIFY2(why.isEmpty(), qPrintable(why + u' ' + QString::fromUtf8(shape.text)));
        // And with the keys of every object in the other order.
        const QByteArray reordered = bytes(reversedKeys(Json::parse(shape.text.toStdString())).dump());
        QVERIFY2(shape.paths->scan(reordered, m_now).has_value(), reordered.constData());
        const QString reorderedWhy = disagreement(*shape.paths, reordered, m_now);
        QVERIFY2(reorderedWhy.isEmpty(), qPrintable(reorderedWhy + u' ' + QString::fromUtf8(reordered)));
    }
    // They are read for what they are, not just alike: the sides and dollars of two of them.
    const StreamMessage binance = m_paths[0].parse(plainShapes()[0].text, m_now);
    QCOMPARE(binance.events.size(), 1);
    QCOMPARE(binance.events.at(0).side, LiquidatedSide::Long);
    QCOMPARE(binance.events.at(0).coin, u"BTC"_qs);
    const StreamMessage okx = m_paths[4].parse(plainShapes()[12].text, m_now);
    QCOMPARE(okx.events.size(), 3);
    QCOMPARE(okx.events.at(0).usd, 3 * 0.01 * 95000.5);
    QCOMPARE(okx.events.at(2).usd, 390.0);
    QCOMPARE(okx.events.at(2).side, LiquidatedSide::Short);
}

void tst_ParserPaths::pathsAgreeOnEveryVariant()
{
    const std::vector<Json> values = replacements(m_now);
    int variants = 0;
    int fast = 0;
    for (const Case &shape : plainShapes()) {
        const Json document = Json::parse(shape.text.toStdString());
        std::vector<std::string> at;
        pointers(document, "", &at);
        for (const std::string &pointer : at) {
            const Json::json_pointer where(pointer);
            std::vector<QByteArray> texts;
            Json removed = document;
            Json &parent = removed.at(where.parent_pointer());
            if (parent.is_object())
                parent.erase(where.back());
            else
                parent.erase(parent.begin() + std::stol(where.back()));
            texts.push_back(bytes(removed.dump()));
            for (const Json &value : values) {
                Json replaced = document;
                replaced[where] = value;
                texts.push_back(bytes(replaced.dump()));
                if (document.at(where.parent_pointer()).is_object()) { // the key twice, either value first
                    for (const bool otherFirst : {true, false}) {
                        std::string twice;
                        write(document, "", Twice{pointer, value, otherFirst}, &twice);
                        texts.push_back(bytes(twice));
                    }
                }
            }
            for (const QByteArray &text : texts) {
                ++variants;
                fast += shape.paths->scan(text, m_now).has_value() ? 1 : 0;
                const QString why = disagreement(*shape.paths, text, m_now);
                QVERIFY2(why.isEmpty(),
                         qPrintable(QString::fromLatin1(shape.paths->name) + u": " + why + u' '
                                    + QString::fromUtf8(text)));
            }
        }
    }
    qInfo("%d variants agree, %d of them read by the fast path", variants, fast);
    QVERIFY(fast > 0);
}

void tst_ParserPaths::pathsAgreeOnControlAndBadMessages()
{
    const QByteArray order = Messages::binanceOrder("BTCUSDT", "SELL", "1", "95000", m_nowText);
    const QByteArray texts[] = {
        "",
        "pong",
        "ping",
        "}{",
        "[1,2]",
        "5",
        "\"text\"",
        "null",
        "{}",
        R"({"e":"forceOrder"})",
        R"({"result":null,"id":1})",
        R"({"error":{"code":2,"msg":"Invalid request"},"id":1})",
        R"({"id":1})",
        "{\"stream\":\"!forceOrder@arr\",\"data\":" + order + "}",
        order + " ",
        order + "x",
        order.left(order.size() - 1),
        R"({"op":"ping","ret_msg":"pong","success":true})",
        R"({"op":"subscribe","success":false,"ret_msg":"error:handler not found"})",
        R"({"topic":"tickers.BTCUSDT","data":{}})",
        R"({"event":"subscribe","arg":{"channel":"x"}})",
        R"({"event":"error","msg":"bad","code":"60012"})",
        R"({"event":5,"arg":{"channel":"liquidation-orders"},"data":[]})",
        R"({"arg":{"channel":"tickers"},"data":[]})",
        R"({"arg":{"channel":"liquidation-orders"}})",
        R"({"arg":{"channel":"liquidation-orders"},"data":[5]})",
        R"({"arg":{"channel":"liquidation-orders"},"data":[{"instId":"BTC-USDT-SWAP","instType":"SWAP","details":[5]}]})",
    };
    for (const Paths &paths : m_paths) {
        for (const QByteArray &text : texts) {
            const QString why = disagreement(paths, text, m_now);
            QVERIFY2(
                why.isEmpty(),
                qPrintable(QString::fromLatin1(paths.name) + u": " + why + u' ' + QString::fromUtf8(text)));
        }
    }
    QCOMPARE(m_paths[4].parse("pong", m_now).kind, StreamMessage::Kind::Pong);
}

void tst_ParserPaths::largeBatchesFallBackWhole()
{
    using namespace Messages;
    // More entries or details than the fast path holds: the full parse reads them, every one.
    QByteArray bybit = QByteArray(R"({"topic":"allLiquidation.BTCUSDT","data":[)");
    for (int i = 0; i < 40; ++i)
        bybit += QByteArray(i ? "," : "") + R"({"T":)" + m_nowText
            + R"(,"s":"BTCUSDT","S":"Buy","v":"1","p":"2"})";
    bybit += "]}";
    QVERIFY(!m_paths[2].scan(bybit, m_now));
    QCOMPARE(m_paths[2].parse(bybit, m_now).events.size(), 40);
    QByteArray details;
    for (int i = 0; i < 40; ++i)
        details += QByteArray(i ? "," : "") + okxDetail("sell", "1", "95000", m_nowText);
    const QByteArray okx = okxPush("SWAP", okxEntry("BTC-USDT-SWAP", "BTC-USDT", "SWAP", details));
    QVERIFY(!m_paths[4].scan(okx, m_now));
    QCOMPARE(m_paths[4].parse(okx, m_now).events.size(), 40);
    QByteArray entries;
    for (int i = 0; i < 12; ++i)
        entries += QByteArray(i ? "," : "")
            + okxEntry("BTC-USDT-SWAP", "BTC-USDT", "SWAP", okxDetail("sell", "1", "95000", m_nowText));
    QVERIFY(!m_paths[4].scan(okxPush("SWAP", entries), m_now));
    QCOMPARE(m_paths[4].parse(okxPush("SWAP", entries), m_now).events.size(), 12);
}

void tst_ParserPaths::instrumentsAndCoinsShareOneString()
{
    const InstrumentCache cache(&Instruments::binanceCoin);
    InstrumentInfo spare;
    const InstrumentInfo &perpetual = cache.resolve("BTCUSDT", &spare);
    const InstrumentInfo &inverse = cache.resolve("BTCUSD_PERP", &spare);
    QCOMPARE(perpetual.instrument, u"BTCUSDT"_qs);
    QCOMPARE(perpetual.coin, u"BTC"_qs);
    QCOMPARE(inverse.coin, u"BTC"_qs);
    QCOMPARE(inverse.coin.constData(), perpetual.coin.constData()); // one "BTC" for both
    QCOMPARE(&cache.resolve("BTCUSDT", &spare), &perpetual); // found, not made again
    QCOMPARE(cache.size(), 2);

    // Two messages of one instrument: their events share the instrument's and the coin's strings.
    const qint64 now = Messages::now().toLongLong();
    const BybitParser parser(MarketKind::Linear);
    const StreamMessage first = parser.parse(Messages::bybitLiquidation("ETHUSDT", "Buy", "1", "3400"), now);
    const StreamMessage second
        = parser.parse(Messages::bybitLiquidation("ETHUSDT", "Sell", "2", "3401"), now);
    QCOMPARE(first.events.size(), 1);
    QCOMPARE(second.events.size(), 1);
    QCOMPARE(first.events.at(0).instrument.constData(), second.events.at(0).instrument.constData());
    QCOMPARE(first.events.at(0).coin.constData(), second.events.at(0).coin.constData());
}

void tst_ParserPaths::cacheAnswersRightPastItsCapacity()
{
    const InstrumentCache cache(&Instruments::okxCoin,
                                ContractTable{{u"C9-USDT-SWAP"_qs, ContractSpec{2, false}}}, 4);
    InstrumentInfo spare;
    for (int i = 0; i < 12; ++i) {
        const std::string name = "C" + std::to_string(i) + "-USDT-SWAP";
        const InstrumentInfo &info = cache.resolve(name, &spare);
        QCOMPARE(info.instrument, QString::fromStdString(name));
        QCOMPARE(info.coin, QStringLiteral("C%1").arg(i));
        QCOMPARE(info.contract.has_value(), i == 9);
        QCOMPARE(&info == &spare, i >= 4); // the first four are kept, the rest made each time
    }
    QCOMPARE(cache.size(), 4);
    QCOMPARE(cache.resolve("C9-USDT-SWAP", &spare).contract->contractValue, 2.0);
    QCOMPARE(cache.coinOf("C2-USD"), u"C2"_qs);
}

QTEST_GUILESS_MAIN(tst_ParserPaths)
#include "tst_parserpaths.moc"
