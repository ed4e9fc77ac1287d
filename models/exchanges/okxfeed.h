#pragma once

#include "exchanges/exchangefeed.h"
#include "streams/instruments.h"

#include <QStringList>
#include <QTimer>

namespace Liq {

class OkxParser;

// OKX v5: liquidation-orders for SWAP and FUTURES on one connection, sized from the instrument lists
// (ctVal, ctType), with the text ping whenever the link has been idle for 20 s (OKX hangs up after 30).
// Once the stream is up, the free REST history fills the last day: every instrument family, paged
// back with `after`, within OKX's rate limit; the source counts an event seen twice only once.
class OkxFeed final : public ExchangeFeed
{
    Q_OBJECT
public:
    // 40 requests per 2 s is OKX's limit for the history; this leaves room for other clients.
    static constexpr int HistorySpacingMs = 100;

    OkxFeed(const ExchangeStreamsEndpoint &endpoint, const LiveOptions &options,
            QNetworkAccessManager *network);
    ~OkxFeed() override;

    bool backfillDone() const { return m_backfillDone; }
    // The history is fetched back to the end of what the store already holds, not further.
    void setPriorCoverage(const CoverageSpan &span) override;
    int historyRequests() const { return m_historyRequests; }

protected:
    void begin() override;
    void onAllLinksUp() override;

private:
    struct Family
    {
        MarketKind market;
        QString name;
    };
    void fetchInstruments(MarketKind market, const std::function<void()> &done);
    void nextHistoryPage();

    ContractTable m_contracts;
    QList<Family> m_families;
    std::shared_ptr<OkxParser> m_parser;
    // The backfill in progress: which family, and where its paging stands.
    bool m_backfillStarted = false;
    bool m_backfillDone = false;
    bool m_backfillFailed = false;
    int m_familyIndex = 0;
    std::optional<qint64> m_after;
    qint64 m_backfillStartMs = 0;
    qint64 m_historyFloorMs = 0; // events older than this are in the store already
    int m_historyRequests = 0;
    QTimer m_historyPacer;
};

} // namespace Liq
