#pragma once

#include "domain/liquidationsnapshot.h"
#include "live/exchangeendpoints.h"
#include "live/liveoptions.h"
#include "live/livestatus.h"

namespace Liq {

struct StreamCollectResult
{
    LiquidationSnapshot snapshot; // what was observed, with coverage
    LiveStatus status; // per exchange, as it stood at the end
    bool delivered = false; // at least one exchange was up at some point
};

// Listens to the exchange streams for `seconds` in a local event loop (needs a QCoreApplication), for
// `liqscope --summary --exchanges LIST --collect SECONDS`.
StreamCollectResult collectStreams(const ExchangeStreamsEndpoint &endpoint, const LiveOptions &options,
                                   int seconds);

} // namespace Liq
