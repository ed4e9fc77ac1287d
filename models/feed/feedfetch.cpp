#include "feed/feedfetch.h"

#include "feed/feedclient.h"

#include <QEventLoop>

namespace Liq {

namespace {

template<typename Endpoint>
FeedFetchResult fetchWith(const Endpoint &endpoint, const LiveOptions &options)
{
    FeedClient client;
    client.setEndpoint(endpoint);
    client.setOptions(options);
    FeedFetchResult result;
    result.origin = client.displayOrigin();

    QEventLoop loop;
    QObject::connect(&client, &FeedClient::statusChanged, &loop, [&loop](const LiveStatus &status) {
        switch (status.state) {
        case LiveState::Live:
        case LiveState::Unchanged:
        case LiveState::Stale:
        case LiveState::Retrying:
        case LiveState::Error: loop.quit(); break;
        default: break;
        }
    });
    client.start();
    if (client.isBusy())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    client.pause();

    result.httpStatus = client.status().httpStatus;
    if (client.lastSnapshot()) {
        result.load.snapshot = client.lastSnapshot();
        result.load.warnings = client.lastWarnings();
    } else {
        result.load.error = client.lastError();
    }
    return result;
}

} // namespace

FeedFetchResult fetchOnce(const SnapshotUrlEndpoint &endpoint, const LiveOptions &options)
{
    return fetchWith(endpoint, options);
}

FeedFetchResult fetchOnce(const CoinGlassEndpoint &endpoint, const LiveOptions &options)
{
    return fetchWith(endpoint, options);
}

} // namespace Liq
