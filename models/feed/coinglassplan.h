#pragma once

#include "feed/pollplan.h"

namespace Liq {

// The CoinGlass v4 API as a poll plan: coin-list for one exchange (one request), or exchange-list for
// each of the four windows, merged into one snapshot; the key in CG-API-KEY; slowing down near the
// key's per-minute quota. Envelope errors (code other than "0") are the reader's: they fail the cycle
// with CoinGlass's own msg.
class CoinGlassPlan final : public PollPlan
{
public:
    explicit CoinGlassPlan(const CoinGlassEndpoint &endpoint);

    QUrl originUrl() const override { return m_endpoint.baseUrl; }
    QString secret() const override { return m_endpoint.apiKey; }
    std::optional<QString> refusal(const LiveOptions &options) const override;
    QList<PlannedRequest> requests() const override;
    void prepare(QNetworkRequest &request) const override;
    QuotaAdvice quota(const QNetworkReply &reply) const override;
    QString accessRefusedText(int status, const QString &origin) const override;
    LoadResult combine(const QList<PlannedPart> &parts) const override;

private:
    CoinGlassEndpoint m_endpoint;
};

} // namespace Liq
