#pragma once

#include "live/liveoptions.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Liq {

// One GET at a time for the REST parts of the exchanges (instrument lists, OKX's liquidation history):
// a deadline, a size cap, the redirect rule of the endpoint policy, TLS errors reported and never
// ignored. Retrying is the caller's: it knows what the request was for.
class RestFetch final : public QObject
{
    Q_OBJECT
public:
    // body is empty and error says why (naming the URL as it may be shown) when the request failed.
    using Done = std::function<void(const QByteArray &body, const QString &error)>;

    RestFetch(QNetworkAccessManager *network, const LiveOptions &options, QObject *parent = nullptr);
    ~RestFetch() override;

    // Replaces any request in flight (its callback is never called).
    void get(const QUrl &url, Done done);
    void cancel();
    bool isBusy() const { return !m_reply.isNull(); }
    int requestsStarted() const { return m_requestsStarted; }

private:
    void finish(const QByteArray &body, const QString &error);

    QNetworkAccessManager *m_network;
    LiveOptions m_options;
    QPointer<QNetworkReply> m_reply;
    QUrl m_url;
    Done m_done;
    QString m_problem;
    QTimer m_deadline;
    int m_requestsStarted = 0;
};

} // namespace Liq
