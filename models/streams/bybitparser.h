#pragma once

#include "streams/streammessage.h"

namespace Liq {

// Bybit v5 `allLiquidation.<SYMBOL>` (linear or inverse, one parser per connection's category).
// The side is the POSITION's: Buy means a long was liquidated. Linear: v × p; inverse: v contracts of
// one dollar each. Also reads subscribe acknowledgements and the answer to {"op":"ping"}.
class BybitParser final : public StreamParser
{
public:
    explicit BybitParser(MarketKind market); // Linear or Inverse
    StreamMessage parse(QByteArrayView text, qint64 receiveTimeMs) const override;

private:
    MarketKind m_market;
};

} // namespace Liq
