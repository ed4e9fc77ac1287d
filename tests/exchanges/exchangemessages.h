#pragma once

// Liquidation messages as each exchange sends them (../shared/reference/exchange-streams.md), for the
// test exchanges to push: timestamps default to now.
#include <QByteArray>
#include <QDateTime>

namespace LiqTest::Messages {

inline QByteArray now()
{
    return QByteArray::number(QDateTime::currentMSecsSinceEpoch());
}

// Binance forceOrder: the side is the forced ORDER's (SELL closes a long).
inline QByteArray binanceOrder(const char *symbol, const char *side, const char *filled, const char *price,
                               const QByteArray &time = now())
{
    return QByteArray(R"({"e":"forceOrder","E":)") + time + R"(,"o":{"s":")" + symbol + R"(","S":")" + side
        + R"(","o":"LIMIT","f":"IOC","q":")" + filled + R"(","p":")" + price + R"(","ap":")" + price
        + R"(","X":"FILLED","l":")" + filled + R"(","z":")" + filled + R"(","T":)" + time + "}}";
}

// Bybit allLiquidation: the side is the POSITION's (Buy is a long).
inline QByteArray bybitLiquidation(const char *symbol, const char *side, const char *size, const char *price)
{
    return QByteArray(R"({"topic":"allLiquidation.)") + symbol + R"(","type":"snapshot","ts":)" + now()
        + R"(,"data":[{"T":)" + now() + R"(,"s":")" + symbol + R"(","S":")" + side + R"(","v":")" + size
        + R"(","p":")" + price + R"("}]})";
}

// OKX liquidation-orders: the side is the ORDER's (sell closes a long); sz in contracts.
inline QByteArray okxDetail(const char *side, const char *size, const char *price, const QByteArray &time)
{
    return QByteArray(R"({"bkLoss":"0","bkPx":")") + price + R"(","ccy":"","posSide":"net","side":")" + side
        + R"(","sz":")" + size + R"(","ts":")" + time + R"("})";
}

inline QByteArray okxEntry(const char *instId, const char *family, const char *type,
                           const QByteArray &details)
{
    return QByteArray(R"({"details":[)") + details + R"(],"instFamily":")" + family + R"(","instId":")"
        + instId + R"(","instType":")" + type + R"(","uly":")" + family + R"("})";
}

inline QByteArray okxPush(const char *type, const QByteArray &entries)
{
    return QByteArray(R"({"arg":{"channel":"liquidation-orders","instType":")") + type + R"("},"data":[)"
        + entries + "]}";
}

} // namespace LiqTest::Messages
