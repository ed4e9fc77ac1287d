#pragma once

#include "feed/pollplan.h"
#include "formats/loadresult.h"
#include "live/livesource.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Liq {

// The HTTP poller: runs a PollPlan (a snapshot URL, the CoinGlass API) every interval. One
// QNetworkAccessManager, one request at a time. Every request has a deadline and a size cap; failures
// back off exponentially (with jitter, honouring Retry-After on 429/503) and never drop the last good
// snapshot. Bodies larger than InlineParseMaxBytes are parsed on a worker thread. Replies and parse
// results of an older generation (before setEndpoint/pause/resume) are dropped.
class FeedClient final : public LiveSource
{
    Q_OBJECT
public:
    explicit FeedClient(QObject *parent = nullptr);
    ~FeedClient() override;

    // Stops the current cycle and forgets the cached ETags; keeps the last good snapshot until a new
    // one arrives (the caller clears the screen if it wants to). Call start() to poll.
    void setEndpoint(const SnapshotUrlEndpoint &endpoint);
    void setEndpoint(const CoinGlassEndpoint &endpoint);
    void setOptions(const LiveOptions &options);
    const LiveOptions &options() const { return m_options; }

    QString displayOrigin() const override;

    void start() override; // first request now, then every interval
    void pause() override; // drops the request in flight; state Paused
    void resume() override; // like start(), from Paused or Error
    // Requests now unless a request is out or the server's Retry-After has not passed yet
    // (then the status says how long to wait). From Error, retries once.
    void refreshNow() override;

    LiveStatus status() const override { return m_status; }
    LiveState state() const { return m_status.state; }
    const std::optional<LiquidationSnapshot> &lastSnapshot() const { return m_lastSnapshot; }
    const QStringList &lastWarnings() const { return m_lastWarnings; }
    // Why the last cycle failed, as a LoadError: the reader's kind for bad content, Io for the network.
    const LoadError &lastError() const { return m_lastError; }
    // A request is out or its body is being parsed.
    bool isBusy() const { return !m_reply.isNull() || m_parsing; }
    int requestsStarted() const { return m_requestsStarted; }

private:
    struct CachedResponse
    {
        QByteArray etag;
        QByteArray bodyHash;
        LiquidationSnapshot snapshot;
        QStringList warnings;
    };
    struct Failure
    {
        QString message;
        LoadErrorKind kind = LoadErrorKind::Io;
        bool permanent = false;
        std::optional<qint64> retryAfterMs;
    };
    enum class AbortReason { None, Timeout, TooLarge };

    void setPlan(std::unique_ptr<PollPlan> plan);
    void dropReply();
    void startCycle();
    void sendNext();
    void onReadyRead();
    void onMetaDataChanged();
    void onFinished();
    void takeBody(QNetworkReply *reply, const QByteArray &etag);
    void onParsed(const QByteArray &etag, const QByteArray &hash, const LoadResult &result);
    void advance();
    void abortCurrent(AbortReason reason);
    void finishCycle();
    void failCycle(const Failure &failure);
    void scheduleNext(int delayMs);
    void setState(LiveState state, const QString &message);
    std::optional<Failure> checkTransport(QNetworkReply *reply) const;
    Failure httpFailure(QNetworkReply *reply, int status, const QString &origin) const;
    QString scrub(const QString &text, const QUrl &url) const;

    QNetworkAccessManager *m_network = nullptr;
    std::unique_ptr<PollPlan> m_plan;
    LiveOptions m_options;
    LiveStatus m_status;
    std::optional<LiquidationSnapshot> m_lastSnapshot;
    QStringList m_lastWarnings;
    LoadError m_lastError;

    bool m_running = false;
    quint64 m_generation = 0; // the stale-result token of replies and parses
    QTimer m_pollTimer;
    QTimer m_deadlineTimer;
    QDateTime m_notBefore; // the server's Retry-After, honoured by refreshNow()

    // The cycle in progress.
    QList<PlannedRequest> m_cycle;
    int m_cycleIndex = 0;
    bool m_cycleChanged = false;
    QPointer<QNetworkReply> m_reply;
    bool m_parsing = false;
    QByteArray m_body;
    AbortReason m_abortReason = AbortReason::None;
    QString m_sslProblem;
    QuotaAdvice m_quota;
    int m_requestsStarted = 0;

    QHash<QString, CachedResponse> m_cache; // per request URL
};

} // namespace Liq
