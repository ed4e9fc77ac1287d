#include "session/livesourcefactory.h"

#include "feed/feedclient.h"

namespace Liq {

LiveSource *createLiveSource(const LiveEndpoint &endpoint, const LiveOptions &options, QObject *parent)
{
    auto *client = new FeedClient(parent);
    client->setOptions(options);
    std::visit([client](const auto &http) { client->setEndpoint(http); }, endpoint);
    return client;
}

} // namespace Liq
