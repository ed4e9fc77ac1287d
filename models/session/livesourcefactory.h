#pragma once

#include "live/liveendpoint.h"
#include "live/liveoptions.h"

class QObject;

namespace Liq {

class LiveSource;

// The one factory of live sources: the running source for an endpoint, owned by parent, not started.
LiveSource *createLiveSource(const LiveEndpoint &endpoint, const LiveOptions &options, QObject *parent);

} // namespace Liq
