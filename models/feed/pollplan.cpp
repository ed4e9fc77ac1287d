#include "feed/pollplan.h"

#include "feed/coinglassplan.h"
#include "live/endpointpolicy.h"

#include <QCoreApplication>

namespace Liq {
namespace {

// Any URL whose body SnapshotReader reads: one request per cycle.
class SnapshotUrlPlan final : public PollPlan
{
public:
    explicit SnapshotUrlPlan(const SnapshotUrlEndpoint &endpoint)
        : m_endpoint(endpoint)
    { }
    QUrl originUrl() const override { return m_endpoint.url; }
    QList<PlannedRequest> requests() const override { return {{m_endpoint.url, std::nullopt}}; }

private:
    SnapshotUrlEndpoint m_endpoint;
};

} // namespace

PollPlan::~PollPlan() = default;

std::unique_ptr<PollPlan> PollPlan::forEndpoint(const SnapshotUrlEndpoint &endpoint)
{
    return std::make_unique<SnapshotUrlPlan>(endpoint);
}

std::unique_ptr<PollPlan> PollPlan::forEndpoint(const CoinGlassEndpoint &endpoint)
{
    return std::make_unique<CoinGlassPlan>(endpoint);
}

std::optional<QString> PollPlan::refusal(const LiveOptions &options) const
{
    return EndpointPolicy::refusal(originUrl(), EndpointPolicy::Transport::Http, options.allowPlain);
}

void PollPlan::prepare(QNetworkRequest &) const { }

QuotaAdvice PollPlan::quota(const QNetworkReply &) const
{
    return {};
}

QString PollPlan::accessRefusedText(int status, const QString &origin) const
{
    return QCoreApplication::translate("Liq::FeedClient", "%1: the server refused access (HTTP %2)")
        .arg(origin)
        .arg(status);
}

LoadResult PollPlan::combine(const QList<PlannedPart> &parts) const
{
    LoadResult result;
    if (!parts.isEmpty())
        result.snapshot = parts.constFirst().snapshot;
    return result;
}

} // namespace Liq
