#pragma once

#include "streams/instrumentcache.h"
#include "streams/streammessage.h"

#include <optional>

namespace Liq {

// OKX v5 `liquidation-orders` (SWAP and FUTURES), on the public WebSocket and in the REST history
// (the same `data` entries). The side is the ORDER's: sell closes a long (posSide may be "net", so it
// is never used). sz is in contracts: linear sz × ctVal × bkPx, inverse sz × ctVal (USD), ctVal and
// ctType from the instruments list. Also reads subscribe and error events and the text "pong".
class OkxParser final : public StreamParser
{
public:
    explicit OkxParser(ContractTable contracts);
    // The fast path when it reads the message, else the full parse.
    StreamMessage parse(QByteArrayView text, qint64 receiveTimeMs) const override;

    // parse()'s two ways, public so that tests hold them to each other. The fast path: a SAX scan of a
    // liquidation-orders push whose details are all valid, nullopt for anything else.
    std::optional<StreamMessage> scanEvents(QByteArrayView text, qint64 receiveTimeMs) const;
    // The full parse (a DOM): every message, every problem.
    StreamMessage parseDocument(QByteArrayView text, qint64 receiveTimeMs) const;

    // A page of GET /api/v5/public/liquidation-orders: the same entries in OKX's REST envelope
    // ({"code":"0","msg":"","data":[...]}); a code other than "0" is a SubscribeError with OKX's msg.
    // Events older than the longest window are skipped, not bad, and set reachedAgeLimit.
    StreamMessage parseHistoryPage(QByteArrayView body, qint64 receiveTimeMs) const;

    const ContractTable &contracts() const { return m_instruments.contracts(); }

private:
    InstrumentCache m_instruments;
};

} // namespace Liq
