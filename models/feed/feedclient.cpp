#include "feed/feedclient.h"

#include "feed/coinglassmerge.h"
#include "feed/feedpolicy.h"
#include "formats/snapshotreader.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslError>
#include <QUrlQuery>

namespace Liq {

namespace {

const QByteArray ApiKeyHeader = QByteArrayLiteral("CG-API-KEY");

QUrl coinGlassUrl(const QUrl &base, const QString &path, const QUrlQuery &query)
{
    QUrl url = base;
    QString basePath = base.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    url.setQuery(query);
    return url;
}

QString mebibytes(qint64 bytes)
{
    return QStringLiteral("%1 MiB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f',
                                        bytes % (1024 * 1024) ? 1 : 0);
}

} // namespace

FeedClient::FeedClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    m_pollTimer.setSingleShot(true);
    m_deadlineTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &FeedClient::startCycle);
    connect(&m_deadlineTimer, &QTimer::timeout, this, [this] { abortCurrent(AbortReason::Timeout); });
}

FeedClient::~FeedClient()
{
    ++m_generation;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        delete m_reply;
    }
}

void FeedClient::setEndpoint(const FeedEndpoint &endpoint)
{
    ++m_generation;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply.clear();
    }
    m_endpoint = endpoint;
    m_cache.clear();
    m_notBefore = {};
    m_pollTimer.stop();
    m_deadlineTimer.stop();
    m_running = false;
    m_status.consecutiveFailures = 0;
    m_status.httpStatus = 0;
    m_status.nextAttemptAt = {};
    setState(FeedState::Idle, {});
}

void FeedClient::setOptions(const FeedOptions &options)
{
    m_options = options;
    m_options.intervalMs = std::max(options.intervalMs, FeedOptions::MinimumIntervalMs);
    m_options.timeoutMs = std::max(options.timeoutMs, 1);
    m_options.maxBytes = std::max<qint64>(options.maxBytes, 1);
}

QString FeedClient::displayOrigin() const
{
    return FeedPolicy::displayOrigin(m_endpoint.url);
}

void FeedClient::start()
{
    m_running = true;
    startCycle();
}

void FeedClient::pause()
{
    ++m_generation;
    m_running = false;
    m_pollTimer.stop();
    m_deadlineTimer.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply.clear();
    }
    m_status.nextAttemptAt = {};
    setState(FeedState::Paused, {});
}

void FeedClient::resume()
{
    start();
}

void FeedClient::refreshNow()
{
    if (m_reply)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_notBefore.isValid() && now < m_notBefore) {
        // The server asked us to wait: the scheduled retry stays where it is.
        emit stateChanged(m_status);
        return;
    }
    m_running = true;
    startCycle();
}

QList<FeedClient::CycleRequest> FeedClient::cycleRequests() const
{
    if (m_endpoint.kind == FeedSourceKind::SnapshotUrl)
        return {{m_endpoint.url, std::nullopt}};
    if (m_endpoint.view == CoinGlassView::Coins) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("exchange"), m_endpoint.exchange);
        return {{coinGlassUrl(m_endpoint.url, QStringLiteral("/api/futures/liquidation/coin-list"), query),
                 std::nullopt}};
    }
    QList<CycleRequest> requests;
    for (TimeWindow window : AllTimeWindows) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("range"), windowLabel(window));
        requests.append(
            {coinGlassUrl(m_endpoint.url, QStringLiteral("/api/futures/liquidation/exchange-list"), query),
             window});
    }
    return requests;
}

void FeedClient::startCycle()
{
    m_pollTimer.stop();
    if (m_reply)
        return;
    const QUrl &url = m_endpoint.url;
    const QString origin = displayOrigin();
    Failure refused;
    refused.permanent = true;
    if (!url.isValid() || url.host().isEmpty()) {
        refused.message = QStringLiteral("%1: not a valid http(s) URL").arg(origin);
        failCycle(refused);
        return;
    }
    const QString scheme = url.scheme().toLower();
    if (scheme != u"https" && scheme != u"http") {
        refused.message = QStringLiteral("%1: only http:// and https:// feeds are supported").arg(origin);
        failCycle(refused);
        return;
    }
    if (scheme == u"http" && !m_options.allowPlainHttp && !FeedPolicy::isLoopbackHost(url.host())) {
        refused.message = QStringLiteral("%1: plain HTTP to a non-local host is refused; use https:// "
                                         "(or allow plain HTTP explicitly)")
                              .arg(origin);
        failCycle(refused);
        return;
    }
    if (m_endpoint.kind == FeedSourceKind::CoinGlass && m_endpoint.apiKey.trimmed().isEmpty()) {
        refused.message = QStringLiteral("CoinGlass needs an API key");
        failCycle(refused);
        return;
    }

    m_cycle = cycleRequests();
    m_cycleIndex = 0;
    m_cycleChanged = false;
    m_quotaDelayMs = 0;
    m_quotaNote.clear();
    m_status.nextAttemptAt = {};
    if (m_status.state != FeedState::Live && m_status.state != FeedState::Unchanged
        && m_status.state != FeedState::Stale) {
        setState(FeedState::Connecting, {});
    }
    sendNext();
}

void FeedClient::sendNext()
{
    const CycleRequest &next = m_cycle.at(m_cycleIndex);
    QNetworkRequest request(next.url);
    request.setRawHeader("Accept", "application/json, text/csv;q=0.9, */*;q=0.5");
    request.setHeader(
        QNetworkRequest::UserAgentHeader,
        QByteArray(QByteArrayLiteral("Liqscope/") + QByteArrayLiteral(LIQSCOPE_VERSION_STRING)));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    if (m_endpoint.kind == FeedSourceKind::CoinGlass)
        request.setRawHeader(ApiKeyHeader, m_endpoint.apiKey.toUtf8());
    const auto cached = m_cache.constFind(next.url.toString());
    if (cached != m_cache.cend() && !cached->etag.isEmpty())
        request.setRawHeader("If-None-Match", cached->etag);

    m_body.clear();
    m_abortReason = AbortReason::None;
    m_sslProblem.clear();
    ++m_requestsStarted;
    QNetworkReply *reply = m_network->get(request);
    m_reply = reply;
    const quint64 generation = m_generation;
    connect(reply, &QNetworkReply::readyRead, this, [this, generation] {
        if (generation == m_generation)
            onReadyRead();
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, generation] {
        if (generation == m_generation)
            onMetaDataChanged();
    });
    connect(reply, &QNetworkReply::sslErrors, this, [this, generation](const QList<QSslError> &errors) {
        if (generation != m_generation)
            return;
        // Never ignored: remembered so the failure says why the connection was not trusted.
        QStringList reasons;
        for (const QSslError &error : errors)
            reasons.append(error.errorString());
        m_sslProblem = reasons.join(QStringLiteral("; "));
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, generation] {
        if (generation != m_generation || reply != m_reply) {
            reply->deleteLater();
            return;
        }
        onFinished();
    });
    m_deadlineTimer.start(m_options.timeoutMs);
}

void FeedClient::onMetaDataChanged()
{
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > m_options.maxBytes)
        abortCurrent(AbortReason::TooLarge);
}

void FeedClient::onReadyRead()
{
    // Read as it arrives so an endless body is stopped at the cap, not buffered whole.
    const qint64 room = m_options.maxBytes - m_body.size();
    m_body += m_reply->read(room + 1);
    if (m_body.size() > m_options.maxBytes)
        abortCurrent(AbortReason::TooLarge);
}

void FeedClient::abortCurrent(AbortReason reason)
{
    if (!m_reply || m_abortReason != AbortReason::None)
        return;
    m_abortReason = reason;
    m_reply->abort(); // finished() follows, and reports the reason
}

std::optional<FeedClient::Failure> FeedClient::checkTransport(QNetworkReply *reply) const
{
    const QString origin = FeedPolicy::displayOrigin(reply->url());
    Failure failure;
    if (m_abortReason == AbortReason::Timeout) {
        failure.message = QStringLiteral("%1: no complete response within %2 s")
                              .arg(origin)
                              .arg(double(m_options.timeoutMs) / 1000.0);
        return failure;
    }
    if (m_abortReason == AbortReason::TooLarge) {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        failure.message = length.isValid() && length.toLongLong() > m_options.maxBytes
            ? QStringLiteral("%1: the response is larger than the %2 limit "
                             "(Content-Length %3 bytes)")
                  .arg(origin, mebibytes(m_options.maxBytes))
                  .arg(length.toLongLong())
            : QStringLiteral("%1: the response is larger than the %2 limit (stopped "
                             "after %3 bytes)")
                  .arg(origin, mebibytes(m_options.maxBytes))
                  .arg(m_body.size());
        failure.kind = LoadErrorKind::TooLarge;
        return failure;
    }
    if (!m_sslProblem.isEmpty()) {
        failure.message
            = QStringLiteral("%1: TLS error, the connection was not trusted: %2").arg(origin, m_sslProblem);
        failure.permanent = true;
        return failure;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = reply->error();
    if (status != 0 || error == QNetworkReply::NoError)
        return std::nullopt; // an HTTP answer: judged by its status
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        failure.message = QStringLiteral("%1: connection refused (is the feed running?)").arg(origin);
        break;
    case QNetworkReply::HostNotFoundError:
        failure.message = QStringLiteral("%1: host not found").arg(origin);
        break;
    case QNetworkReply::RemoteHostClosedError:
        failure.message = QStringLiteral("%1: the server closed the connection before the response was "
                                         "complete")
                              .arg(origin);
        break;
    case QNetworkReply::SslHandshakeFailedError:
        failure.message = QStringLiteral("%1: TLS handshake failed").arg(origin);
        failure.permanent = true;
        break;
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
        failure.message
            = QStringLiteral("%1: refused redirect (%2)")
                  .arg(origin,
                       FeedPolicy::scrubSecrets(reply->errorString(), reply->url(), m_endpoint.apiKey));
        failure.permanent = true;
        break;
    default:
        failure.message = QStringLiteral("%1: %2").arg(
            origin, FeedPolicy::scrubSecrets(reply->errorString(), reply->url(), m_endpoint.apiKey));
        break;
    }
    return failure;
}

QString FeedClient::httpFailureText(int status, const QString &reason, const QString &origin) const
{
    if (status == 401 || status == 403) {
        if (m_endpoint.kind == FeedSourceKind::CoinGlass)
            return QStringLiteral("CoinGlass rejected the API key (HTTP %1)").arg(status);
        return QStringLiteral("%1: the server refused access (HTTP %2)").arg(origin).arg(status);
    }
    const QString phrase = reason.isEmpty() ? QString() : QStringLiteral(" ") + reason;
    return QStringLiteral("%1: the server answered HTTP %2%3").arg(origin).arg(status).arg(phrase);
}

void FeedClient::onFinished()
{
    m_deadlineTimer.stop();
    QNetworkReply *reply = m_reply;
    m_reply.clear();
    reply->deleteLater();
    if (m_abortReason == AbortReason::None && reply->isOpen())
        m_body += reply->read(m_options.maxBytes + 1 - m_body.size());

    const CycleRequest request = m_cycle.at(m_cycleIndex);
    const QString origin = FeedPolicy::displayOrigin(request.url);
    if (m_abortReason == AbortReason::None && m_body.size() > m_options.maxBytes)
        m_abortReason = AbortReason::TooLarge;
    if (const auto transport = checkTransport(reply)) {
        failCycle(*transport);
        return;
    }

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_status.httpStatus = status;
    if (m_endpoint.kind == FeedSourceKind::CoinGlass) {
        const int quota = FeedPolicy::quotaDelayMs(reply->rawHeader("API-KEY-MAX-LIMIT"),
                                                   reply->rawHeader("API-KEY-USE-LIMIT"));
        if (quota > m_quotaDelayMs) {
            m_quotaDelayMs = quota;
            m_quotaNote = QStringLiteral("slowing down: %1 of %2 CoinGlass requests used this minute")
                              .arg(QString::fromLatin1(reply->rawHeader("API-KEY-USE-LIMIT").trimmed()),
                                   QString::fromLatin1(reply->rawHeader("API-KEY-MAX-LIMIT").trimmed()));
        }
    }

    const QString key = request.url.toString();
    if (status == 304 && m_cache.contains(key)) {
        ++m_cycleIndex;
    } else if (status >= 200 && status < 300) {
        // Qt hands over a body cut short by a closed connection as if complete: check it ourselves.
        const QVariant announced = reply->header(QNetworkRequest::ContentLengthHeader);
        if (announced.isValid() && m_body.size() < announced.toLongLong()) {
            Failure truncated;
            truncated.message = QStringLiteral("%1: the response was cut off after %2 of %3 bytes")
                                    .arg(origin)
                                    .arg(m_body.size())
                                    .arg(announced.toLongLong());
            failCycle(truncated);
            return;
        }
        const QByteArray hash = QCryptographicHash::hash(m_body, QCryptographicHash::Sha256);
        auto cached = m_cache.find(key);
        if (cached != m_cache.end() && cached->bodyHash == hash) {
            cached->etag = reply->rawHeader("ETag");
        } else {
            ReadContext context;
            context.origin = origin;
            context.fallbackAsOf = QDateTime::currentDateTimeUtc();
            context.windowHint = request.windowHint;
            LoadResult result = SnapshotReader::read(m_body, context);
            if (!result.ok()) {
                Failure failure;
                failure.message
                    = FeedPolicy::scrubSecrets(result.error.message, request.url, m_endpoint.apiKey);
                failure.kind = result.error.kind;
                failCycle(failure);
                return;
            }
            CachedResponse entry;
            entry.etag = reply->rawHeader("ETag");
            entry.bodyHash = hash;
            entry.snapshot = *result.snapshot;
            entry.warnings = result.warnings;
            m_cache.insert(key, entry);
            m_cycleChanged = true;
        }
        ++m_cycleIndex;
    } else {
        Failure failure;
        const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        failure.message = httpFailureText(status, reason, origin);
        failure.permanent = status == 304
            || (status >= 400 && status < 500 && status != 408 && status != 425 && status != 429);
        if (status == 429 || status == 503) {
            failure.retryAfterMs = FeedPolicy::parseRetryAfterMs(reply->rawHeader("Retry-After"),
                                                                 QDateTime::currentDateTimeUtc());
            if (failure.retryAfterMs) {
                failure.message += QStringLiteral("; the server asked to wait %1 s")
                                       .arg((*failure.retryAfterMs + 999) / 1000);
            }
        }
        failCycle(failure);
        return;
    }

    if (m_cycleIndex < m_cycle.size())
        sendNext();
    else
        finishCycle();
}

LiquidationSnapshot FeedClient::combineCycle(QStringList *warnings) const
{
    QList<CoinGlassWindowPart> parts;
    for (const CycleRequest &request : m_cycle) {
        const CachedResponse &entry = m_cache[request.url.toString()];
        warnings->append(entry.warnings);
        parts.append({request.windowHint, entry.snapshot});
    }
    if (parts.size() == 1)
        return parts.constFirst().snapshot;
    return mergeExchangeWindows(parts);
}

void FeedClient::finishCycle()
{
    m_notBefore = {};
    m_lastError = {};
    m_status.consecutiveFailures = 0;
    m_status.lastSuccessAt = QDateTime::currentDateTimeUtc();
    if (m_cycleChanged) {
        QStringList warnings;
        m_lastSnapshot = combineCycle(&warnings);
        m_lastWarnings = warnings;
        emit snapshotReceived(*m_lastSnapshot, m_lastWarnings, displayOrigin());
    }
    scheduleNext(std::max(m_options.intervalMs, m_quotaDelayMs));
    setState(m_cycleChanged ? FeedState::Live : FeedState::Unchanged, m_quotaNote);
}

void FeedClient::failCycle(const Failure &failure)
{
    m_lastError = {failure.kind, failure.message};
    ++m_status.consecutiveFailures;
    if (failure.permanent) {
        m_running = false;
        m_notBefore = {};
        m_status.nextAttemptAt = {};
        setState(FeedState::Error, failure.message);
        return;
    }
    const double jitter = QRandomGenerator::global()->generateDouble();
    int delay = FeedPolicy::backoffDelayMs(m_status.consecutiveFailures, m_options.backoffInitialMs,
                                           m_options.backoffMaxMs, jitter);
    m_notBefore = {};
    if (failure.retryAfterMs) {
        // The server's word wins over our own backoff, within an hour.
        delay = int(std::min<qint64>(*failure.retryAfterMs, 3'600'000));
        m_notBefore = QDateTime::currentDateTimeUtc().addMSecs(delay);
    }
    scheduleNext(delay);
    setState(m_lastSnapshot ? FeedState::Stale : FeedState::Retrying, failure.message);
}

void FeedClient::scheduleNext(int delayMs)
{
    if (!m_running)
        return;
    m_status.nextAttemptAt = QDateTime::currentDateTimeUtc().addMSecs(delayMs);
    m_pollTimer.start(delayMs);
}

void FeedClient::setState(FeedState state, const QString &message)
{
    m_status.state = state;
    m_status.message = message;
    emit stateChanged(m_status);
}

} // namespace Liq
