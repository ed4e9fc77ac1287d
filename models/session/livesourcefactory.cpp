#include "session/livesourcefactory.h"

#include "exchanges/exchangestreamsource.h"
#include "feed/feedclient.h"

namespace Liq {

LiveSource *createLiveSource(const LiveEndpoint &endpoint, const LiveOptions &options, QObject *parent)
{
    if (const auto *streams = std::get_if<ExchangeStreamsEndpoint>(&endpoint))
        return new ExchangeStreamSource(*streams, options, parent);
    auto *client = new FeedClient(parent);
    client->setOptions(options);
    if (const auto *url = std::get_if<SnapshotUrlEndpoint>(&endpoint))
        client->setEndpoint(*url);
    else
        client->setEndpoint(std::get<CoinGlassEndpoint>(endpoint));
    return client;
}

} // namespace Liq
