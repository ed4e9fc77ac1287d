#pragma once

#include "exchanges/exchangefeed.h"

namespace Liq {

// Binance futures: the all-market forceOrder streams of USD-M (sized z × ap, no list needed) and of
// COIN-M (contracts, sized from exchangeInfo's contractSize). Binance acknowledges nothing and pings
// by itself; it sends at most one liquidation per symbol per second, so its totals undercount.
class BinanceFeed final : public ExchangeFeed
{
    Q_OBJECT
public:
    BinanceFeed(const ExchangeStreamsEndpoint &endpoint, const LiveOptions &options,
                QNetworkAccessManager *network);

protected:
    void begin() override;

private:
    bool m_usdmAdded = false;
};

} // namespace Liq
