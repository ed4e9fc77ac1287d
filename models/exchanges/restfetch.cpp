#include "restfetch.h"

#include "live/endpointpolicy.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslError>

namespace Liq {
RestFetch::RestFetch(QNetworkAccessManager *network, const LiveOptions &options, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_options(options)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        m_problem = tr("no complete answer within %1 s").arg(m_options.timeoutMs / 1000);
        if (m_reply)
            m_reply->abort();
    });
}

RestFetch::~RestFetch()
{
    cancel();
}

void RestFetch::cancel()
{
    m_deadline.stop();
    m_done = nullptr;
    if (QNetworkReply *reply = m_reply.data()) {
        m_reply.clear();
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void RestFetch::get(const QUrl &url, Done done)
{
    cancel();
    m_url = url;
    m_done = std::move(done);
    m_problem.clear();
    if (const auto refused
        = EndpointPolicy::refusal(url, EndpointPolicy::Transport::Http, m_options.allowPlain)) {
        finish({}, *refused);
        return;
    }
    QNetworkRequest request(url);
    EndpointPolicy::applyRedirectRule(request);
    request.setRawHeader("Accept", "application/json");
    QNetworkReply *reply = m_network->get(request);
    m_reply = reply;
    ++m_requestsStarted;
    m_deadline.start(m_options.timeoutMs);
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList reasons;
        for (const QSslError &error : errors)
            reasons << error.errorString();
        m_problem = tr("TLS: %1").arg(reasons.join(QStringLiteral("; ")));
    });
    connect(reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        if ((received > m_options.maxBytes || total > m_options.maxBytes) && m_reply) {
            m_problem = tr("the answer is larger than %1 MiB").arg(m_options.maxBytes / (1024 * 1024));
            m_reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        if (reply != m_reply)
            return;
        m_reply.clear();
        m_deadline.stop();
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (!m_problem.isEmpty()) {
            finish({}, m_problem);
        } else if (reply->error() != QNetworkReply::NoError && status == 0) {
            finish({}, EndpointPolicy::scrubSecrets(reply->errorString(), m_url, {}));
        } else if (status != 200) {
            finish({}, tr("HTTP %1").arg(status));
        } else {
            finish(reply->readAll(), {});
        }
    });
}

void RestFetch::finish(const QByteArray &body, const QString &error)
{
    Done done = std::exchange(m_done, nullptr);
    if (!done)
        return;
    const QString origin = EndpointPolicy::displayOrigin(m_url);
    done(body, error.isEmpty() ? QString() : tr("%1: %2").arg(origin, error));
}

} // namespace Liq
