#pragma once

#include "formats/loadresult.h"
#include "live/liveendpoint.h"
#include "live/liveoptions.h"

namespace Liq {

struct FeedFetchResult
{
    // The snapshot, or the error: the reader's kind for bad content, Io for the network and HTTP.
    LoadResult load;
    int httpStatus = 0; // 0 when no HTTP response arrived
    QString origin; // the URL as it may be shown

    bool ok() const { return load.ok(); }
};

// One cycle of a FeedClient, waited for in a local event loop (needs a QCoreApplication): for
// `liqscope --summary --feed URL`. Does not retry; the options' timeout and size cap apply.
FeedFetchResult fetchOnce(const SnapshotUrlEndpoint &endpoint, const LiveOptions &options = {});
FeedFetchResult fetchOnce(const CoinGlassEndpoint &endpoint, const LiveOptions &options = {});

} // namespace Liq
