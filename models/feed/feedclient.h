#pragma once

#include "feed/feedtypes.h"
#include "formats/loadresult.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Liq {

// Polls one feed: a URL whose body SnapshotReader reads, or the CoinGlass v4 API. One
// QNetworkAccessManager, one request at a time. Every request has a deadline and a size cap; failures
// back off exponentially (with jitter, honouring Retry-After on 429/503) and never drop the last good
// snapshot. Replies of an older generation (before setEndpoint/pause/resume) are ignored.
class FeedClient final : public QObject
{
    Q_OBJECT
public:
    explicit FeedClient(QObject *parent = nullptr);
    ~FeedClient() override;

    // Stops the current cycle and forgets the cached ETags; keeps the last good snapshot until a new
    // one arrives (the caller clears the screen if it wants to). Call start() to poll.
    void setEndpoint(const FeedEndpoint &endpoint);
    const FeedEndpoint &endpoint() const { return m_endpoint; }
    void setOptions(const FeedOptions &options);
    const FeedOptions &options() const { return m_options; }

    // The endpoint as it may be shown: no key, no credentials, no secret query items.
    QString displayOrigin() const;

    void start(); // first request now, then every interval
    void pause(); // drops the request in flight; state Paused
    void resume(); // like start(), from Paused or Error
    // Requests now unless a request is out or the server's Retry-After has not passed yet
    // (then the status says how long to wait). From Error, retries once.
    void refreshNow();

    const FeedStatus &status() const { return m_status; }
    FeedState state() const { return m_status.state; }
    const std::optional<LiquidationSnapshot> &lastSnapshot() const { return m_lastSnapshot; }
    const QStringList &lastWarnings() const { return m_lastWarnings; }
    // Why the last cycle failed, as a LoadError: the reader's kind for bad content, Io for the network.
    const LoadError &lastError() const { return m_lastError; }
    bool isRequestInFlight() const { return !m_reply.isNull(); }
    int requestsStarted() const { return m_requestsStarted; }

signals:
    void snapshotReceived(const Liq::LiquidationSnapshot &snapshot, const QStringList &warnings,
                          const QString &origin);
    void stateChanged(const Liq::FeedStatus &status);

private:
    struct CycleRequest
    {
        QUrl url;
        std::optional<TimeWindow> windowHint;
    };
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

    QList<CycleRequest> cycleRequests() const;
    void startCycle();
    void sendNext();
    void onReadyRead();
    void onMetaDataChanged();
    void onFinished();
    void abortCurrent(AbortReason reason);
    void finishCycle();
    void failCycle(const Failure &failure);
    void scheduleNext(int delayMs);
    void setState(FeedState state, const QString &message);
    std::optional<Failure> checkTransport(QNetworkReply *reply) const;
    QString httpFailureText(int status, const QString &reason, const QString &origin) const;
    LiquidationSnapshot combineCycle(QStringList *warnings) const;

    QNetworkAccessManager *m_network = nullptr;
    FeedEndpoint m_endpoint;
    FeedOptions m_options;
    FeedStatus m_status;
    std::optional<LiquidationSnapshot> m_lastSnapshot;
    QStringList m_lastWarnings;
    LoadError m_lastError;

    bool m_running = false;
    quint64 m_generation = 0;
    QTimer m_pollTimer;
    QTimer m_deadlineTimer;
    QDateTime m_notBefore; // the server's Retry-After, honoured by refreshNow()

    // The cycle in progress.
    QList<CycleRequest> m_cycle;
    int m_cycleIndex = 0;
    bool m_cycleChanged = false;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_body;
    AbortReason m_abortReason = AbortReason::None;
    QString m_sslProblem;
    int m_quotaDelayMs = 0;
    QString m_quotaNote;
    int m_requestsStarted = 0;

    QHash<QString, CachedResponse> m_cache; // per request URL
};

} // namespace Liq
