#include "feed/feedfetch.h"

#include "feed/feedclient.h"

#include <QEventLoop>

namespace Liq {

FeedFetchResult fetchOnce(const FeedEndpoint &endpoint, const FeedOptions &options)
{
    FeedClient client;
    client.setEndpoint(endpoint);
    client.setOptions(options);
    FeedFetchResult result;
    result.origin = client.displayOrigin();

    QEventLoop loop;
    QObject::connect(&client, &FeedClient::stateChanged, &loop, [&loop](const FeedStatus &status) {
        switch (status.state) {
        case FeedState::Live:
        case FeedState::Unchanged:
        case FeedState::Stale:
        case FeedState::Retrying:
        case FeedState::Error: loop.quit(); break;
        default: break;
        }
    });
    client.start();
    if (client.isRequestInFlight())
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

} // namespace Liq
