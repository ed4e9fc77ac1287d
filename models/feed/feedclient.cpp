#include "feed/feedclient.h"

#include "feed/feedpolicy.h"
#include "formats/snapshotreader.h"
#include "live/endpointpolicy.h"

#include <QCryptographicHash>
#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslError>
#include <QtConcurrent/QtConcurrentRun>

namespace Liq {

namespace {

// What has arrived, up to limit bytes. QIODevice::read(limit) allocates the whole limit first (32 MiB
// at the default cap, on every read of every poll); asking only for what is buffered allocates that.
QByteArray readAtMost(QIODevice *device, qint64 limit)
{
    return device->read(qMin(limit, device->bytesAvailable()));
}

QString mebibytes(qint64 bytes)
{
    return QStringLiteral("%1 MiB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f',
                                        bytes % (1024 * 1024) ? 1 : 0);
}

} // namespace

FeedClient::FeedClient(QObject *parent)
    : LiveSource(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_plan(PollPlan::forEndpoint(SnapshotUrlEndpoint{}))
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

void FeedClient::setEndpoint(const SnapshotUrlEndpoint &endpoint)
{
    setPlan(PollPlan::forEndpoint(endpoint));
}

void FeedClient::setEndpoint(const CoinGlassEndpoint &endpoint)
{
    setPlan(PollPlan::forEndpoint(endpoint));
}

void FeedClient::setPlan(std::unique_ptr<PollPlan> plan)
{
    dropReply();
    m_plan = std::move(plan);
    m_cache.clear();
    m_notBefore = {};
    m_pollTimer.stop();
    m_running = false;
    m_status.consecutiveFailures = 0;
    m_status.httpStatus = 0;
    m_status.nextAttemptAt = {};
    setState(LiveState::Idle, {});
}

// Ends the request in flight and any parse of an earlier body: their results are stale from here on.
void FeedClient::dropReply()
{
    ++m_generation;
    m_parsing = false;
    m_deadlineTimer.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply.clear();
    }
}

void FeedClient::setOptions(const LiveOptions &options)
{
    m_options = options;
    m_options.intervalMs = std::max(options.intervalMs, LiveOptions::MinimumIntervalMs);
    m_options.timeoutMs = std::max(options.timeoutMs, 1);
    m_options.maxBytes = std::max<qint64>(options.maxBytes, 1);
}

QString FeedClient::displayOrigin() const
{
    return EndpointPolicy::displayOrigin(m_plan->originUrl());
}

void FeedClient::start()
{
    m_running = true;
    startCycle();
}

void FeedClient::pause()
{
    dropReply();
    m_running = false;
    m_pollTimer.stop();
    m_status.nextAttemptAt = {};
    setState(LiveState::Paused, {});
}

void FeedClient::resume()
{
    start();
}

void FeedClient::refreshNow()
{
    if (isBusy())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_notBefore.isValid() && now < m_notBefore) {
        // The server asked us to wait: the scheduled retry stays where it is.
        emit statusChanged(m_status);
        return;
    }
    m_running = true;
    startCycle();
}

void FeedClient::startCycle()
{
    m_pollTimer.stop();
    if (isBusy())
        return;
    if (const std::optional<QString> refused = m_plan->refusal(m_options)) {
        Failure failure;
        failure.permanent = true;
        failure.message = *refused;
        failCycle(failure);
        return;
    }

    m_cycle = m_plan->requests();
    m_cycleIndex = 0;
    m_cycleChanged = false;
    m_quota = {};
    m_status.nextAttemptAt = {};
    if (m_status.state != LiveState::Live && m_status.state != LiveState::Unchanged
        && m_status.state != LiveState::Stale) {
        setState(LiveState::Connecting, {});
    }
    sendNext();
}

void FeedClient::sendNext()
{
    const PlannedRequest &next = m_cycle.at(m_cycleIndex);
    QNetworkRequest request(next.url);
    request.setRawHeader("Accept", "application/json, text/csv;q=0.9, */*;q=0.5");
    request.setHeader(
        QNetworkRequest::UserAgentHeader,
        QByteArray(QByteArrayLiteral("Liqscope/") + QByteArrayLiteral(LIQSCOPE_VERSION_STRING)));
    EndpointPolicy::applyRedirectRule(request);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    m_plan->prepare(request);
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
    m_body += readAtMost(m_reply, room + 1);
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

QString FeedClient::scrub(const QString &text, const QUrl &url) const
{
    return EndpointPolicy::scrubSecrets(text, url, m_plan->secret());
}

std::optional<FeedClient::Failure> FeedClient::checkTransport(QNetworkReply *reply) const
{
    const QString origin = EndpointPolicy::displayOrigin(reply->url());
    Failure failure;
    if (m_abortReason == AbortReason::Timeout) {
        failure.message = tr("%1: no complete response within %2 s")
                              .arg(origin)
                              .arg(double(m_options.timeoutMs) / 1000.0);
        return failure;
    }
    if (m_abortReason == AbortReason::TooLarge) {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        failure.message = length.isValid() && length.toLongLong() > m_options.maxBytes
            ? tr("%1: the response is larger than the %2 limit (Content-Length %3 bytes)")
                  .arg(origin, mebibytes(m_options.maxBytes))
                  .arg(length.toLongLong())
            : tr("%1: the response is larger than the %2 limit (stopped after %3 bytes)")
                  .arg(origin, mebibytes(m_options.maxBytes))
                  .arg(m_body.size());
        failure.kind = LoadErrorKind::TooLarge;
        return failure;
    }
    if (!m_sslProblem.isEmpty()) {
        failure.message = tr("%1: TLS error, the connection was not trusted: %2").arg(origin, m_sslProblem);
        failure.permanent = true;
        return failure;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = reply->error();
    if (status != 0 || error == QNetworkReply::NoError)
        return std::nullopt; // an HTTP answer: judged by its status
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        failure.message = tr("%1: connection refused (is the feed running?)").arg(origin);
        break;
    case QNetworkReply::HostNotFoundError: failure.message = tr("%1: host not found").arg(origin); break;
    case QNetworkReply::RemoteHostClosedError:
        failure.message
            = tr("%1: the server closed the connection before the response was complete").arg(origin);
        break;
    case QNetworkReply::SslHandshakeFailedError:
        failure.message = tr("%1: TLS handshake failed").arg(origin);
        failure.permanent = true;
        break;
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
        failure.message
            = tr("%1: refused redirect (%2)").arg(origin, scrub(reply->errorString(), reply->url()));
        failure.permanent = true;
        break;
    default:
        failure.message = QStringLiteral("%1: %2").arg(origin, scrub(reply->errorString(), reply->url()));
        break;
    }
    return failure;
}

FeedClient::Failure FeedClient::httpFailure(QNetworkReply *reply, int status, const QString &origin) const
{
    Failure failure;
    if (status == 401 || status == 403) {
        failure.message = m_plan->accessRefusedText(status, origin);
    } else {
        const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        const QString phrase = reason.isEmpty() ? QString() : QStringLiteral(" ") + reason;
        failure.message = tr("%1: the server answered HTTP %2%3").arg(origin).arg(status).arg(phrase);
    }
    failure.permanent
        = status == 304 || (status >= 400 && status < 500 && status != 408 && status != 425 && status != 429);
    if (status == 429 || status == 503) {
        failure.retryAfterMs
            = FeedPolicy::parseRetryAfterMs(reply->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc());
        if (failure.retryAfterMs) {
            failure.message
                += tr("; the server asked to wait %1 s").arg((*failure.retryAfterMs + 999) / 1000);
        }
    }
    return failure;
}

void FeedClient::onFinished()
{
    m_deadlineTimer.stop();
    QNetworkReply *reply = m_reply;
    m_reply.clear();
    reply->deleteLater();
    if (m_abortReason == AbortReason::None && reply->isOpen())
        m_body += readAtMost(reply, m_options.maxBytes + 1 - m_body.size());
    if (m_abortReason == AbortReason::None && m_body.size() > m_options.maxBytes)
        m_abortReason = AbortReason::TooLarge;
    if (const auto transport = checkTransport(reply)) {
        failCycle(*transport);
        return;
    }

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_status.httpStatus = status;
    const QuotaAdvice quota = m_plan->quota(*reply);
    if (quota.delayMs > m_quota.delayMs)
        m_quota = quota;

    const QUrl &url = m_cycle.at(m_cycleIndex).url;
    if (status == 304 && m_cache.contains(url.toString())) {
        advance();
    } else if (status >= 200 && status < 300) {
        takeBody(reply, reply->rawHeader("ETag"));
    } else {
        failCycle(httpFailure(reply, status, EndpointPolicy::displayOrigin(url)));
    }
}

// A 2xx body: the same bytes as last time only refresh the ETag; new bytes are read (on a worker
// thread when large), and the cycle goes on in onParsed().
void FeedClient::takeBody(QNetworkReply *reply, const QByteArray &etag)
{
    const PlannedRequest &request = m_cycle.at(m_cycleIndex);
    const QString origin = EndpointPolicy::displayOrigin(request.url);
    // Qt hands over a body cut short by a closed connection as if complete: check it ourselves.
    const QVariant announced = reply->header(QNetworkRequest::ContentLengthHeader);
    if (announced.isValid() && m_body.size() < announced.toLongLong()) {
        Failure truncated;
        truncated.message = tr("%1: the response was cut off after %2 of %3 bytes")
                                .arg(origin)
                                .arg(m_body.size())
                                .arg(announced.toLongLong());
        failCycle(truncated);
        return;
    }
    const QByteArray hash = QCryptographicHash::hash(m_body, QCryptographicHash::Sha256);
    auto cached = m_cache.find(request.url.toString());
    if (cached != m_cache.end() && cached->bodyHash == hash) {
        cached->etag = etag;
        advance();
        return;
    }
    ReadContext context;
    context.origin = origin;
    context.fallbackAsOf = QDateTime::currentDateTimeUtc();
    context.windowHint = request.windowHint;
    const QByteArray body = std::exchange(m_body, {});
    if (body.size() <= InlineParseMaxBytes) {
        onParsed(etag, hash, SnapshotReader::read(body, context));
        return;
    }
    m_parsing = true;
    const quint64 generation = m_generation;
    auto *watcher = new QFutureWatcher<LoadResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, etag, hash] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // dropped: a newer endpoint, a pause, or the client is going away
        m_parsing = false;
        onParsed(etag, hash, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([body, context] { return SnapshotReader::read(body, context); }));
}

void FeedClient::onParsed(const QByteArray &etag, const QByteArray &hash, const LoadResult &result)
{
    const QUrl &url = m_cycle.at(m_cycleIndex).url;
    if (!result.ok()) {
        Failure failure;
        failure.message = scrub(result.error.message, url);
        failure.kind = result.error.kind;
        failCycle(failure);
        return;
    }
    m_cache.insert(url.toString(), CachedResponse{etag, hash, *result.snapshot, result.warnings});
    m_cycleChanged = true;
    advance();
}

void FeedClient::advance()
{
    ++m_cycleIndex;
    if (m_cycleIndex < m_cycle.size())
        sendNext();
    else
        finishCycle();
}

void FeedClient::finishCycle()
{
    if (m_cycleChanged) {
        QList<PlannedPart> parts;
        QStringList warnings;
        for (const PlannedRequest &request : std::as_const(m_cycle)) {
            const CachedResponse &entry = m_cache[request.url.toString()];
            warnings.append(entry.warnings);
            parts.append({request, entry.snapshot});
        }
        const LoadResult combined = m_plan->combine(parts);
        if (!combined.ok()) {
            m_cache.clear(); // the same answers would fail the same way: ask again in full
            Failure failure;
            failure.message = scrub(combined.error.message, m_plan->originUrl());
            failure.kind = combined.error.kind;
            failCycle(failure);
            return;
        }
        m_lastSnapshot = combined.snapshot;
        m_lastWarnings = warnings + combined.warnings;
    }
    m_notBefore = {};
    m_lastError = {};
    m_status.consecutiveFailures = 0;
    m_status.lastSuccessAt = QDateTime::currentDateTimeUtc();
    if (m_cycleChanged)
        emit snapshotReceived(*m_lastSnapshot, m_lastWarnings, displayOrigin());
    scheduleNext(std::max(m_options.intervalMs, m_quota.delayMs));
    setState(m_cycleChanged ? LiveState::Live : LiveState::Unchanged, m_quota.note);
}

void FeedClient::failCycle(const Failure &failure)
{
    m_lastError = {failure.kind, failure.message};
    ++m_status.consecutiveFailures;
    if (failure.permanent) {
        m_running = false;
        m_notBefore = {};
        m_status.nextAttemptAt = {};
        setState(LiveState::Error, failure.message);
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
    setState(m_lastSnapshot ? LiveState::Stale : LiveState::Retrying, failure.message);
}

void FeedClient::scheduleNext(int delayMs)
{
    if (!m_running)
        return;
    m_status.nextAttemptAt = QDateTime::currentDateTimeUtc().addMSecs(delayMs);
    m_pollTimer.start(delayMs);
}

void FeedClient::setState(LiveState state, const QString &message)
{
    m_status.state = state;
    m_status.message = message;
    m_status.name = displayOrigin();
    emit statusChanged(m_status);
}

} // namespace Liq
