#pragma once

#include "domain/eventtotals.h"
#include "exchanges/restfetch.h"
#include "exchanges/streamlink.h"
#include "live/exchangeendpoints.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace Liq {

// Everything Liqscope holds open to one exchange (the manager of its connections): first the REST
// instrument lists that size contracts and name topics, then one StreamLink per connection the
// exchange needs. A failed list is retried with backoff; the links reconnect on their own. It knows
// since when the exchange has been watched without a gap, which is what makes a window "partial".
class ExchangeFeed : public QObject
{
    Q_OBJECT
public:
    // A link that is back within this long after a drop does not open a gap: a routine reconnect
    // (Binance's 24-hour cut) should not make every window partial for another day.
    static constexpr qint64 GapToleranceMs = 10'000;

    // The feed of one exchange: Binance (USD-M and COIN-M), Bybit (linear and inverse), OKX.
    static std::unique_ptr<ExchangeFeed> create(Exchange exchange, const ExchangeStreamsEndpoint &endpoint,
                                                const LiveOptions &options, QNetworkAccessManager *network);
    ~ExchangeFeed() override;

    void start();
    void stop();
    // What a store says was last watched: when the links come up within GapToleranceMs of its end, the
    // watch goes on from its start (no gap); otherwise the time since its end is a gap.
    virtual void setPriorCoverage(const CoverageSpan &span) { m_prior = span; }

    Exchange exchange() const { return m_exchange; }
    // The exchange as a whole: the worst state of its parts, the total event rate, and why.
    LinkStatus status() const;
    QList<LinkStatus> linkStatuses() const;
    // Since when every connection has delivered without a gap (ms since the epoch); 0 while any is down.
    // A backfilled history extends that back (OKX): min of the two while the links stay up.
    qint64 coveredSinceMs() const
    {
        return m_historySinceMs > 0 && m_coveredSinceMs > 0 ? qMin(m_historySinceMs, m_coveredSinceMs)
                                                            : m_coveredSinceMs;
    }
    int badMessages() const;
    int unknownInstruments() const;
    const QList<StreamLink *> &links() const { return m_links; }

signals:
    void eventsReceived(const QList<Liq::LiquidationEvent> &events);
    void statusChanged();

protected:
    ExchangeFeed(Exchange exchange, ExchangeStreamsEndpoint endpoint, const LiveOptions &options,
                 QNetworkAccessManager *network);

    // Fetches what the links need and adds them (addLink); calls failCatalogue() when a list failed.
    virtual void begin() = 0;
    // Called when every link is up; OKX backfills its history here.
    virtual void onAllLinksUp() { }

    void addLink(StreamLink::Config config, std::shared_ptr<const StreamParser> parser);
    // Pages through a list: fetches urlFor(cursor), hands each body to page(), which returns the next
    // cursor (empty: done) or sets *problem; then calls done(). A problem fails the catalogue.
    using PageReader = std::function<QString(const QByteArray &body, QString *problem)>;
    void fetchPages(const std::function<QUrl(const QString &cursor)> &urlFor, const PageReader &page,
                    const std::function<void()> &done, const QString &cursor = QString(), int pagesLeft = 50);
    void failCatalogue(const QString &why);
    // What a completed backfill covers (ms since the epoch), kept until the next gap.
    void setHistoryCoverage(qint64 sinceMs) { m_historySinceMs = sinceMs; }
    void setStage(LiveState state, const QString &message);
    QUrl endpointUrl(const char *name) const { return m_endpoint.url(QLatin1String(name)); }

    const LiveOptions &options() const { return m_options; }
    RestFetch &rest() { return m_rest; }
    bool isRunning() const { return m_running; }

private:
    void onLinkStatusChanged();

    Exchange m_exchange;
    ExchangeStreamsEndpoint m_endpoint;
    LiveOptions m_options;
    RestFetch m_rest;
    ConnectionGate m_gate;
    QList<StreamLink *> m_links;
    LinkStatus m_stage; // the catalogue step, before the links exist or when it failed
    QTimer m_catalogueRetry;
    int m_catalogueFailures = 0;
    bool m_running = false;
    qint64 m_coveredSinceMs = 0;
    qint64 m_historySinceMs = 0;
    CoverageSpan m_prior;
    qint64 m_downSinceMs = 0;
    bool m_allUp = false;
};

} // namespace Liq
