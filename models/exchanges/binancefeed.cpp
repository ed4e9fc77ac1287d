#include "exchanges/binancefeed.h"

#include "streams/binanceparser.h"
#include "streams/instrumentcatalog.h"

#include <QCoreApplication>

namespace Liq {

BinanceFeed::BinanceFeed(const ExchangeStreamsEndpoint &endpoint, const LiveOptions &options,
                         QNetworkAccessManager *network)
    : ExchangeFeed(Exchange::Binance, endpoint, options, network)
{ }

void BinanceFeed::begin()
{
    if (!m_usdmAdded) {
        StreamLink::Config usdm;
        usdm.name = QCoreApplication::translate("Liq::BinanceFeed", "Binance USD-M");
        usdm.url = endpointUrl(ExchangeEndpoints::BinanceUsdmWs);
        usdm.keepaliveFrame.clear(); // Binance pings; QWebSocket answers
        addLink(usdm, std::make_shared<BinanceParser>(MarketKind::UsdM));
        m_usdmAdded = true;
    }
    const QUrl url
        = InstrumentCatalog::binanceCoinMExchangeInfoUrl(endpointUrl(ExchangeEndpoints::BinanceCoinmRest));
    rest().get(url, [this](const QByteArray &body, const QString &error) {
        if (!error.isEmpty()) {
            failCatalogue(error);
            return;
        }
        InstrumentCatalog::BinanceContracts list = InstrumentCatalog::parseBinanceCoinMExchangeInfo(body);
        if (!list.problem.isEmpty()) {
            failCatalogue(
                QCoreApplication::translate("Liq::BinanceFeed", "COIN-M exchangeInfo: %1").arg(list.problem));
            return;
        }
        StreamLink::Config coinm;
        coinm.name = QCoreApplication::translate("Liq::BinanceFeed", "Binance COIN-M");
        coinm.url = endpointUrl(ExchangeEndpoints::BinanceCoinmWs);
        coinm.silenceMs = 15 * 60'000; // coin-margined liquidations are rarer than USD-M ones
        setStage(LiveState::Connecting, {});
        addLink(coinm, std::make_shared<BinanceParser>(MarketKind::CoinM, std::move(list.contracts)));
    });
}

} // namespace Liq
