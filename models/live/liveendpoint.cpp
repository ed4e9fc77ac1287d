#include "live/liveendpoint.h"

#include "live/endpointpolicy.h"

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
    };
    return std::visit(Visitor{}, endpoint);
}

} // namespace Liq
