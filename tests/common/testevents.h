#pragma once

#include "domain/liquidationevent.h"

#include <QString>

namespace Liq {

// A liquidation as a stream delivers one, for tests: coin's USDT perpetual on exchange (OKX's swap
// naming there), sized from usd at a price of 100, received 20 ms after its exchange time.
inline LiquidationEvent testLiquidation(qint64 timeMs, double usd, LiquidatedSide side = LiquidatedSide::Long,
                                        const QString &coin = QStringLiteral("BTC"),
                                        Exchange exchange = Exchange::Binance)
{
    LiquidationEvent e;
    e.exchange = exchange;
    e.market = exchange == Exchange::Okx ? MarketKind::Swap : MarketKind::UsdM;
    e.instrument
        = exchange == Exchange::Okx ? coin + QStringLiteral("-USDT-SWAP") : coin + QStringLiteral("USDT");
    e.coin = coin;
    e.side = side;
    e.price = 100;
    e.quantity = usd / e.price;
    e.usd = usd;
    e.exchangeTimeMs = timeMs;
    e.receiveTimeMs = timeMs + 20;
    return e;
}

} // namespace Liq
