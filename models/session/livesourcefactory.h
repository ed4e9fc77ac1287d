#pragma once

#include "live/liveendpoint.h"
#include "live/liveoptions.h"

class QObject;

namespace Liq {

class EventStore;
class LiveSource;

// The one factory of live sources: the running source for an endpoint, owned by parent, not started.
// With a store (exchange streams only), the source is refilled from it first and records into it when
// the store is writable. When another process writes the store (it is open read-only), the source follows
// the store (StoreFollowerSource) and opens no connection.
LiveSource *createLiveSource(const LiveEndpoint &endpoint, const LiveOptions &options, QObject *parent,
                             EventStore *store = nullptr);

} // namespace Liq
