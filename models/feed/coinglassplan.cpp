#include "feed/coinglassplan.h"

#include "feed/feedpolicy.h"
#include "formats/exchangelistmerge.h"
#include "live/endpointpolicy.h"

#include <QCoreApplication>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

namespace Liq {
namespace {

const QByteArray ApiKeyHeader = QByteArrayLiteral("CG-API-KEY");

QString tr(const char *text)
{
    return QCoreApplication::translate("Liq::CoinGlassPlan", text);
}

QUrl apiUrl(const QUrl &base, const QString &path, const QUrlQuery &query)
{
    QUrl url = base;
    QString basePath = base.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    url.setQuery(query);
    return url;
}

} // namespace

CoinGlassPlan::CoinGlassPlan(const CoinGlassEndpoint &endpoint)
    : m_endpoint(endpoint)
{ }

std::optional<QString> CoinGlassPlan::refusal(const LiveOptions &options) const
{
    if (auto refused = PollPlan::refusal(options))
        return refused;
    if (m_endpoint.apiKey.trimmed().isEmpty())
        return tr("CoinGlass needs an API key");
    return std::nullopt;
}

QList<PlannedRequest> CoinGlassPlan::requests() const
{
    if (m_endpoint.view == CoinGlassView::Coins) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("exchange"), m_endpoint.exchange);
        return {{apiUrl(m_endpoint.baseUrl, QStringLiteral("/api/futures/liquidation/coin-list"), query),
                 std::nullopt}};
    }
    QList<PlannedRequest> requests;
    for (TimeWindow window : AllTimeWindows) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("range"), windowLabel(window));
        requests.append(
            {apiUrl(m_endpoint.baseUrl, QStringLiteral("/api/futures/liquidation/exchange-list"), query),
             window});
    }
    return requests;
}

void CoinGlassPlan::prepare(QNetworkRequest &request) const
{
    request.setRawHeader(ApiKeyHeader, m_endpoint.apiKey.toUtf8());
}

QuotaAdvice CoinGlassPlan::quota(const QNetworkReply &reply) const
{
    const QByteArray maximum = reply.rawHeader("API-KEY-MAX-LIMIT");
    const QByteArray used = reply.rawHeader("API-KEY-USE-LIMIT");
    QuotaAdvice advice;
    advice.delayMs = FeedPolicy::quotaDelayMs(maximum, used);
    if (advice.delayMs > 0) {
        advice.note = tr("slowing down: %1 of %2 CoinGlass requests used this minute")
                          .arg(QString::fromLatin1(used.trimmed()), QString::fromLatin1(maximum.trimmed()));
    }
    return advice;
}

QString CoinGlassPlan::accessRefusedText(int status, const QString &) const
{
    return tr("CoinGlass rejected the API key (HTTP %1)").arg(status);
}

LoadResult CoinGlassPlan::combine(const QList<PlannedPart> &parts) const
{
    if (parts.size() <= 1)
        return PollPlan::combine(parts);
    // The one merge of exchange-list windows, the same as for files (formats/exchangelistmerge.h).
    QList<ExchangeListPart> windows;
    for (const PlannedPart &part : parts)
        windows.append(
            {part.request.windowHint, part.snapshot, EndpointPolicy::displayOrigin(part.request.url)});
    return mergeExchangeListWindows(windows, EndpointPolicy::displayOrigin(m_endpoint.baseUrl));
}

} // namespace Liq
