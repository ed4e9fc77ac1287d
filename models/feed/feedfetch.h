#pragma once

#include "feed/feedtypes.h"
#include "formats/loadresult.h"

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
FeedFetchResult fetchOnce(const FeedEndpoint &endpoint, const FeedOptions &options = {});

} // namespace Liq
