#pragma once

#include "exchanges/exchangefeed.h"

#include <QStringList>

namespace Liq {

// Bybit v5: one allLiquidation.<SYMBOL> topic per symbol of the linear and inverse instrument lists
// (every page, following nextPageCursor), spread over as many connections per category as the
// 21,000-character args limit needs; {"op":"ping"} every 20 s on each.
class BybitFeed final : public ExchangeFeed
{
    Q_OBJECT
public:
    BybitFeed(const ExchangeStreamsEndpoint &endpoint, const LiveOptions &options,
              QNetworkAccessManager *network);

protected:
    void begin() override;

private:
    void fetchCategory(MarketKind market, const std::function<void()> &done);
    void addLinks(MarketKind market, const QStringList &symbols);

    QStringList m_linear;
    QStringList m_inverse;
};

} // namespace Liq
