#include "live/liveendpoint.h"

#include "live/endpointpolicy.h"

#include <QCoreApplication>
#include <QStringList>

namespace Liq {

QUrl CoinGlassEndpoint::defaultBaseUrl()
{
    return QUrl(QStringLiteral("https://open-api-v4.coinglass.com"));
}

QString displayOrigin(const LiveEndpoint &endpoint)
{
    struct Visitor
    {
        QString operator()(const SnapshotUrlEndpoint &e) const
        {
            return EndpointPolicy::displayOrigin(e.url);
        }
        QString operator()(const CoinGlassEndpoint &e) const
        {
            return EndpointPolicy::displayOrigin(e.baseUrl);
        }
        QString operator()(const ExchangeStreamsEndpoint &e) const
        {
            QStringList names;
            for (Exchange exchange : e.exchanges)
                names << exchangeName(exchange);
            return QCoreApplication::translate("Liq::LiveEndpoint", "%1 streams")
                .arg(names.join(QStringLiteral(", ")));
        }
    };
    return std::visit(Visitor{}, endpoint);
}

} // namespace Liq
