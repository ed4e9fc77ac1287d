#include "domain/liquidationevent.h"

#include <optional>

namespace Liq {

QString exchangeName(Exchange exchange)
{
    switch (exchange) {
    case Exchange::Binance: return QStringLiteral("Binance");
    case Exchange::Bybit: return QStringLiteral("Bybit");
    case Exchange::Okx: return QStringLiteral("OKX");
    }
    return {};
}

QString exchangeKey(Exchange exchange)
{
    return exchangeName(exchange).toLower();
}

std::optional<Exchange> exchangeFromKey(QStringView key)
{
    for (Exchange exchange : AllExchanges) {
        if (key.compare(exchangeKey(exchange), Qt::CaseInsensitive) == 0)
            return exchange;
    }
    return std::nullopt;
}

QString marketKindKey(MarketKind market)
{
    switch (market) {
    case MarketKind::UsdM: return QStringLiteral("usd-m");
    case MarketKind::CoinM: return QStringLiteral("coin-m");
    case MarketKind::Linear: return QStringLiteral("linear");
    case MarketKind::Inverse: return QStringLiteral("inverse");
    case MarketKind::Swap: return QStringLiteral("swap");
    case MarketKind::Futures: return QStringLiteral("futures");
    }
    return {};
}

} // namespace Liq
