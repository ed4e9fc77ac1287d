#pragma once

#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <optional>

namespace Liq {

// The exchanges whose public streams Liqscope listens to.
enum class Exchange : quint8 { Binance, Bybit, Okx };
inline constexpr int ExchangeCount = 3;
inline constexpr Exchange AllExchanges[ExchangeCount] = {Exchange::Binance, Exchange::Bybit, Exchange::Okx};

// "Binance", "Bybit", "OKX" (names as traders write them).
QString exchangeName(Exchange exchange);
// "binance", "bybit", "okx" (command line, settings, JSON).
QString exchangeKey(Exchange exchange);
std::optional<Exchange> exchangeFromKey(QStringView key);

// The market an instrument trades in, as each exchange calls it.
enum class MarketKind : quint8 {
    UsdM, // Binance USDT/USDC-margined futures
    CoinM, // Binance coin-margined (inverse) futures
    Linear, // Bybit USDT/USDC contracts
    Inverse, // Bybit inverse contracts
    Swap, // OKX perpetual swaps
    Futures, // OKX dated futures
};
QString marketKindKey(MarketKind market);

// The side whose positions were force-closed.
enum class LiquidatedSide : quint8 { Long, Short };

// One forced liquidation as an exchange reported it, normalised: which positions were closed, how
// many dollars that was, and when.
struct LiquidationEvent
{
    Exchange exchange = Exchange::Binance;
    MarketKind market = MarketKind::UsdM;
    QString instrument; // as sent: "BTCUSDT", "BTCUSD_PERP", "BTC-USDT-SWAP"
    QString coin; // the base asset: "BTC"
    LiquidatedSide side = LiquidatedSide::Long;
    double price = 0; // the exchange's fill or bankruptcy price
    double quantity = 0; // as sent: coins, or contracts for COIN-M, inverse and OKX
    double usd = 0; // notional in US dollars
    qint64 exchangeTimeMs = 0; // when the exchange says it happened (ms since the epoch, UTC)
    qint64 receiveTimeMs = 0; // when Liqscope received it

    friend bool operator==(const LiquidationEvent &a, const LiquidationEvent &b)
    {
        return a.exchange == b.exchange && a.market == b.market && a.instrument == b.instrument
            && a.coin == b.coin && a.side == b.side && a.price == b.price && a.quantity == b.quantity
            && a.usd == b.usd && a.exchangeTimeMs == b.exchangeTimeMs;
    }
    friend bool operator!=(const LiquidationEvent &a, const LiquidationEvent &b) { return !(a == b); }
};

} // namespace Liq
