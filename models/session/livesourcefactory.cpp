#include "session/livesourcefactory.h"

#include "exchanges/exchangestreamsource.h"
#include "feed/feedclient.h"
#include "session/storefollowersource.h"
#include "session/storerecorder.h"
#include "store/eventstore.h"

namespace Liq {

LiveSource *createLiveSource(const LiveEndpoint &endpoint, const LiveOptions &options, QObject *parent,
                             EventStore *store)
{
    if (const auto *streams = std::get_if<ExchangeStreamsEndpoint>(&endpoint)) {
        // Another process writes the store (a collector): follow it instead of opening the same
        // connections a second time.
        if (store && (store->access() == EventStore::Access::ReadOnly || store->isWrittenElsewhere()))
            return new StoreFollowerSource(store, streams->exchanges, parent);
        auto *source = new ExchangeStreamSource(*streams, options, parent);
        if (store && store->access() != EventStore::Access::Closed) {
            StoreRefill::refill(*source, *store);
            if (store->access() == EventStore::Access::ReadWrite)
                new StoreRecorder(store, source, source);
        }
        return source;
    }
    auto *client = new FeedClient(parent);
    client->setOptions(options);
    if (const auto *url = std::get_if<SnapshotUrlEndpoint>(&endpoint))
        client->setEndpoint(*url);
    else
        client->setEndpoint(std::get<CoinGlassEndpoint>(endpoint));
    return client;
}

} // namespace Liq
