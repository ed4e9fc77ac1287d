#pragma once

#include "streams/instrumentcache.h"
#include "streams/streammessage.h"

#include <optional>

namespace Liq {

// Bybit v5 `allLiquidation.<SYMBOL>` (linear or inverse, one parser per connection's category).
// The side is the POSITION's: Buy means a long was liquidated. Linear: v × p; inverse: v contracts of
// one dollar each. Also reads subscribe acknowledgements and the answer to {"op":"ping"}.
class BybitParser final : public StreamParser
{
public:
    explicit BybitParser(MarketKind market); // Linear or Inverse
    // The fast path when it reads the message, else the full parse.
    StreamMessage parse(QByteArrayView text, qint64 receiveTimeMs) const override;

    // parse()'s two ways, public so that tests hold them to each other. The fast path: a SAX scan of an
    // allLiquidation push whose entries are all valid, nullopt for anything else.
    std::optional<StreamMessage> scanEvents(QByteArrayView text, qint64 receiveTimeMs) const;
    // The full parse (a DOM): every message, every problem.
    StreamMessage parseDocument(QByteArrayView text, qint64 receiveTimeMs) const;

private:
    MarketKind m_market;
    InstrumentCache m_instruments;
};

} // namespace Liq
