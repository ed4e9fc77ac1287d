#include "streamlink.h"

#include "feed/feedpolicy.h"
#include "live/endpointpolicy.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDebug>
#include <QRandomGenerator>
#include <QSslError>
#include <QWebSocket>

namespace Liq {
namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

constexpr int RateIntervalMs = 5000; // the event rate shown is over the last 5 s

} // namespace

qint64 ConnectionGate::reserve(qint64 nowMs, qint64 wantedDelayMs)
{
    const qint64 at = qMax(nowMs + wantedDelayMs, m_nextFreeMs);
    m_nextFreeMs = at + m_minSpacingMs;
    return at - nowMs;
}

StreamLink::StreamLink(Config config, std::shared_ptr<const StreamParser> parser, ConnectionGate *gate,
                       const LiveOptions &options, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_parser(std::move(parser))
    , m_gate(gate)
    , m_options(options)
{
    m_status.name = m_config.name;
    m_retryTimer.setSingleShot(true);
    m_silenceTimer.setSingleShot(true);
    m_keepaliveTimer.setSingleShot(m_config.keepaliveWhenIdle);
    connect(&m_retryTimer, &QTimer::timeout, this, &StreamLink::connectNow);
    connect(&m_keepaliveTimer, &QTimer::timeout, this, &StreamLink::onKeepaliveTimer);
    connect(&m_silenceTimer, &QTimer::timeout, this, &StreamLink::onSilence);
    m_rateTimer.setInterval(RateIntervalMs);
    connect(&m_rateTimer, &QTimer::timeout, this, [this] {
        m_status.eventsPerSecond = double(m_eventsReceived - m_eventsAtLastRate) * 1000.0 / RateIntervalMs;
        m_eventsAtLastRate = m_eventsReceived;
    });
}

StreamLink::~StreamLink()
{
    dropSocket();
}

void StreamLink::start()
{
    if (m_running)
        return;
    m_running = true;
    m_status.consecutiveFailures = 0;
    if (const auto refused
        = EndpointPolicy::refusal(m_config.url, EndpointPolicy::Transport::WebSocket, m_options.allowPlain)) {
        m_running = false;
        setState(LiveState::Error, *refused);
        return;
    }
    m_rateTimer.start();
    const qint64 delay = m_gate ? m_gate->reserve(nowMs(), 0) : 0;
    setState(LiveState::Connecting, {});
    m_retryTimer.start(int(delay));
}

void StreamLink::stop()
{
    m_running = false;
    m_retryTimer.stop();
    m_rateTimer.stop();
    dropSocket();
    m_upSinceMs = 0;
    m_status.nextAttemptAt = {};
    m_status.eventsPerSecond = 0;
    setState(LiveState::Paused, {});
}

void StreamLink::dropSocket()
{
    m_keepaliveTimer.stop();
    m_silenceTimer.stop();
    if (!m_socket)
        return;
    QWebSocket *socket = std::exchange(m_socket, nullptr);
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void StreamLink::connectNow()
{
    if (!m_running)
        return;
    dropSocket();
    m_failed = false;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingFrameSize(quint64(m_config.maxMessageBytes));
    m_socket->setMaxAllowedIncomingMessageSize(quint64(m_config.maxMessageBytes));
    connect(m_socket, &QWebSocket::connected, this, &StreamLink::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &StreamLink::onDisconnected);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &StreamLink::onError);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &StreamLink::onTextMessage);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &StreamLink::onBinaryMessage);
    connect(m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Never ignored: the handshake fails and the reason is shown.
        QStringList reasons;
        for (const QSslError &error : errors)
            reasons << error.errorString();
        m_status.message = tr("TLS: %1").arg(reasons.join(QStringLiteral("; ")));
    });
    ++m_connectionsOpened;
    m_status.nextAttemptAt = {};
    m_status.message.clear();
    setState(m_status.consecutiveFailures > 0 ? LiveState::Retrying : LiveState::Connecting, {});
    m_silenceTimer.start(m_options.timeoutMs); // the handshake's deadline
    m_socket->open(m_config.url);
}

void StreamLink::onConnected()
{
    m_connectedAtMs = nowMs();
    m_lastReceiveMs = m_connectedAtMs;
    for (const QByteArray &frame : std::as_const(m_config.subscribeFrames))
        m_socket->sendTextMessage(QString::fromUtf8(frame));
    if (!m_config.keepaliveFrame.isEmpty())
        m_keepaliveTimer.start(m_config.keepaliveMs);
    // Binance acknowledges nothing: the link is up once open. The others wait for the acknowledgement.
    if (m_config.subscribeFrames.isEmpty()) {
        m_upSinceMs = m_connectedAtMs;
        setState(LiveState::Live, {});
    }
    m_silenceTimer.start(m_config.silenceMs);
}

void StreamLink::onDisconnected()
{
    if (!m_socket)
        return;
    const QString reason = m_socket->closeReason();
    const int code = int(m_socket->closeCode());
    if (m_status.message.isEmpty())
        m_status.message = reason.isEmpty() ? tr("the exchange closed the connection (code %1)").arg(code)
                                            : tr("the exchange closed the connection: %1").arg(reason);
    scheduleReconnect(m_status.message, LiveState::Retrying);
}

void StreamLink::onError(QAbstractSocket::SocketError error)
{
    if (!m_socket)
        return;
    if (error == QAbstractSocket::SslHandshakeFailedError || m_status.message.startsWith(tr("TLS: "))) {
        // A certificate problem is not fixed by retrying: stop and say why.
        const QString why = m_status.message.isEmpty() ? m_socket->errorString() : m_status.message;
        dropSocket();
        m_running = false;
        m_upSinceMs = 0;
        setState(LiveState::Error, why);
        return;
    }
    scheduleReconnect(EndpointPolicy::scrubSecrets(m_socket->errorString(), m_config.url, {}),
                      LiveState::Retrying);
}

void StreamLink::scheduleReconnect(const QString &why, LiveState state)
{
    if (!m_running || m_failed)
        return;
    m_failed = true;
    const qint64 now = nowMs();
    const bool wasHealthy
        = m_connectedAtMs > 0 && now - m_connectedAtMs >= m_config.healthyAfterMs && m_upSinceMs > 0;
    m_connectedAtMs = 0;
    m_upSinceMs = 0;
    dropSocket();
    m_status.consecutiveFailures = wasHealthy ? 0 : m_status.consecutiveFailures + 1;
    const int wanted = m_status.consecutiveFailures == 0
        ? 0
        : FeedPolicy::backoffDelayMs(m_status.consecutiveFailures, m_options.backoffInitialMs,
                                     m_options.backoffMaxMs, QRandomGenerator::global()->generateDouble());
    const qint64 delay = m_gate ? m_gate->reserve(now, wanted) : wanted;
    m_status.nextAttemptAt = QDateTime::fromMSecsSinceEpoch(now + delay, Qt::UTC);
    setState(state, why);
    m_retryTimer.start(int(delay));
}

void StreamLink::onTextMessage(const QString &text)
{
    const qint64 now = nowMs();
    m_lastReceiveMs = now;
    if (m_config.keepaliveWhenIdle && !m_config.keepaliveFrame.isEmpty())
        m_keepaliveTimer.start(m_config.keepaliveMs);
    const QByteArray utf8 = text.toUtf8();
    const StreamMessage message = m_parser->parse(utf8, now);
    switch (message.kind) {
    case StreamMessage::Kind::Bad: countBad(message.problem); return;
    case StreamMessage::Kind::SubscribeError:
        m_status.message = tr("subscription refused: %1").arg(message.problem);
        scheduleReconnect(m_status.message, LiveState::Retrying);
        return;
    case StreamMessage::Kind::Subscribed:
        if (m_upSinceMs == 0) {
            m_upSinceMs = now;
            setState(LiveState::Live, {});
        }
        return;
    case StreamMessage::Kind::Pong:
    case StreamMessage::Kind::Ignored: return;
    case StreamMessage::Kind::Events: break;
    }
    m_silenceTimer.start(m_config.silenceMs);
    if (message.unknownInstruments > 0) {
        if (m_unknownInstruments == 0)
            qWarning().noquote() << tr("%1: %2 has no known contract size; not counted")
                                        .arg(m_config.name, message.unknownInstrument);
        m_unknownInstruments += message.unknownInstruments;
    }
    if (m_status.state != LiveState::Live && m_upSinceMs > 0)
        setState(LiveState::Live, {});
    m_status.lastSuccessAt = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    if (!message.events.isEmpty()) {
        m_eventsReceived += message.events.size();
        emit eventsReceived(message.events);
    }
}

void StreamLink::onBinaryMessage(const QByteArray &data)
{
    Q_UNUSED(data)
    countBad(tr("a binary message where text was expected"));
}

void StreamLink::countBad(const QString &problem)
{
    if (m_badMessages == 0)
        qWarning().noquote() << tr("%1: dropped a bad message (%2); further ones are only counted")
                                    .arg(m_config.name, problem);
    ++m_badMessages;
}

void StreamLink::onKeepaliveTimer()
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_socket->sendTextMessage(QString::fromUtf8(m_config.keepaliveFrame));
    if (m_config.keepaliveWhenIdle)
        m_keepaliveTimer.start(m_config.keepaliveMs);
}

void StreamLink::onSilence()
{
    if (!m_socket)
        return;
    if (m_socket->state() != QAbstractSocket::ConnectedState) {
        m_status.message = tr("no answer within %1 s").arg(m_options.timeoutMs / 1000);
        scheduleReconnect(m_status.message, LiveState::Retrying);
        return;
    }
    m_status.message = tr("connected, but nothing arrived for %1 s").arg(m_config.silenceMs / 1000);
    scheduleReconnect(m_status.message, LiveState::Silent);
}

void StreamLink::setState(LiveState state, const QString &message)
{
    const bool changed = m_status.state != state || m_status.message != message;
    m_status.state = state;
    m_status.message = message;
    if (changed)
        emit statusChanged();
}

} // namespace Liq
