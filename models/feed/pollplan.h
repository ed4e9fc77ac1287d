#pragma once

#include "domain/liquidationsnapshot.h"
#include "formats/loadresult.h"
#include "live/liveendpoint.h"
#include "live/liveoptions.h"

#include <QList>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkReply;
class QNetworkRequest;

namespace Liq {

// One request of a poll cycle, and the window it asks for (CoinGlass exchange-list carries one).
struct PlannedRequest
{
    QUrl url;
    std::optional<TimeWindow> windowHint;
};

// What one request of a cycle brought, as read.
struct PlannedPart
{
    PlannedRequest request;
    LiquidationSnapshot snapshot;
};

// A request that tells the poller to slow down (CoinGlass quota headers), with why.
struct QuotaAdvice
{
    int delayMs = 0;
    QString note;
};

// What an HTTP poll asks for and how its answers become one snapshot: the part of a feed that
// knows its API. FeedClient, the transport, runs any plan the same way (deadlines, size cap,
// ETags, backoff, Retry-After); a new API is one small plan, not a change to the client.
class PollPlan
{
public:
    virtual ~PollPlan();

    static std::unique_ptr<PollPlan> forEndpoint(const SnapshotUrlEndpoint &endpoint);
    static std::unique_ptr<PollPlan> forEndpoint(const CoinGlassEndpoint &endpoint);

    // The URL the user named: what the display origin is made from and the endpoint policy checks.
    virtual QUrl originUrl() const = 0;
    // A secret every message is scrubbed of (the API key); empty when there is none.
    virtual QString secret() const { return {}; }
    // nullopt when the plan can run with these options; otherwise why not (a permanent error).
    virtual std::optional<QString> refusal(const LiveOptions &options) const;
    virtual QList<PlannedRequest> requests() const = 0;
    // Adds what the API needs to a request (its key header).
    virtual void prepare(QNetworkRequest &request) const;
    virtual QuotaAdvice quota(const QNetworkReply &reply) const;
    // The failure text of HTTP 401/403.
    virtual QString accessRefusedText(int status, const QString &origin) const;
    // Joins the cycle's parts (in request order) into one snapshot; the warnings are appended to.
    virtual LoadResult combine(const QList<PlannedPart> &parts) const;
};

} // namespace Liq
