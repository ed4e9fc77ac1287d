#pragma once

#include "streams/instrumentcache.h"
#include "streams/streammessage.h"

#include <optional>

namespace Liq {

// Binance futures `forceOrder` (raw or combined stream). The order's side is the forced ORDER's: a
// SELL closes a long, a BUY a short. USD-M: z × ap; COIN-M: z contracts × contractSize (USD) from
// exchangeInfo. An order that filled nothing (z = 0) liquidated nothing.
class BinanceParser final : public StreamParser
{
public:
    BinanceParser(MarketKind market, ContractTable contracts = {});
    // The fast path when it reads the message, else the full parse.
    StreamMessage parse(QByteArrayView text, qint64 receiveTimeMs) const override;

    // parse()'s two ways, public so that tests hold them to each other. The fast path: a SAX scan of a
    // forceOrder event with one valid liquidation (or none), nullopt for anything else.
    std::optional<StreamMessage> scanEvent(QByteArrayView text, qint64 receiveTimeMs) const;
    // The full parse (a DOM): every message, every problem.
    StreamMessage parseDocument(QByteArrayView text, qint64 receiveTimeMs) const;

private:
    MarketKind m_market;
    InstrumentCache m_instruments;
};

} // namespace Liq
