#pragma once

#include "streams/instruments.h"
#include "streams/streammessage.h"

namespace Liq {

// Binance futures `forceOrder` (raw or combined stream). The order's side is the forced ORDER's: a
// SELL closes a long, a BUY a short. USD-M: z × ap; COIN-M: z contracts × contractSize (USD) from
// exchangeInfo. An order that filled nothing (z = 0) liquidated nothing.
class BinanceParser final : public StreamParser
{
public:
    BinanceParser(MarketKind market, ContractTable contracts = {});
    StreamMessage parse(QByteArrayView text, qint64 receiveTimeMs) const override;

private:
    MarketKind m_market;
    ContractTable m_contracts;
};

} // namespace Liq
