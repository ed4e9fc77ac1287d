#pragma once

#include "live/liveoptions.h"
#include "live/livestatus.h"
#include "streams/streammessage.h"

#include <QAbstractSocket>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>

class QWebSocket;

namespace Liq {

class ConnectionGate;

// One WebSocket connection to an exchange: the transport (PlotJuggler's DataStreamer) that hands each
// text message to its protocol's StreamParser and passes on what counts. It subscribes once
// connected, keeps the link alive as the protocol asks, notices when an open connection has gone
// silent, and reconnects with exponential backoff and jitter, never faster than the exchange's
// ConnectionGate allows. A bad message is counted and dropped (the first one is logged); it never
// reaches the events and never closes the link.
class StreamLink final : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        QString name; // "Bybit linear 2/3": shown in the badge and in messages
        QUrl url;
        QList<QByteArray> subscribeFrames; // sent in order once connected
        // Sent every keepaliveMs (Bybit's {"op":"ping"}), or, with keepaliveWhenIdle, whenever
        // nothing was received for keepaliveMs (OKX's text ping). Empty: the server pings (Binance),
        // and QWebSocket answers with a pong by itself.
        QByteArray keepaliveFrame;
        int keepaliveMs = 20'000;
        bool keepaliveWhenIdle = false;
        // No liquidation for this long on an open connection: Silent, and reconnect. An all-market
        // stream of a large exchange is never quiet for minutes; a client on a retired URL is.
        int silenceMs = 5 * 60'000;
        // A connection that stayed up this long was healthy: its next reconnect goes out at once
        // (Binance cuts every connection after 24 h as a routine).
        int healthyAfterMs = 60'000;
        qint64 maxMessageBytes = 1024 * 1024;
    };

    StreamLink(Config config, std::shared_ptr<const StreamParser> parser, ConnectionGate *gate,
               const LiveOptions &options, QObject *parent = nullptr);
    ~StreamLink() override;

    void start();
    void stop(); // closes; state Paused

    const LinkStatus &status() const { return m_status; }
    const QString &name() const { return m_config.name; }
    // Since when this link has delivered without interruption (ms since the epoch); 0 while down.
    qint64 upSinceMs() const { return m_upSinceMs; }
    int badMessages() const { return m_badMessages; }
    int unknownInstruments() const { return m_unknownInstruments; }
    qint64 eventCount() const { return m_eventsReceived; }
    int connectionsOpened() const { return m_connectionsOpened; }

signals:
    void eventsReceived(const QList<Liq::LiquidationEvent> &events);
    void statusChanged();

private:
    void connectNow();
    void scheduleReconnect(const QString &why, LiveState state);
    void onConnected();
    void onDisconnected();
    void onError(QAbstractSocket::SocketError error);
    void onTextMessage(const QString &text);
    void onBinaryMessage(const QByteArray &data);
    void onKeepaliveTimer();
    void onSilence();
    void countBad(const QString &problem);
    void setState(LiveState state, const QString &message);
    void dropSocket();

    Config m_config;
    std::shared_ptr<const StreamParser> m_parser;
    ConnectionGate *m_gate;
    LiveOptions m_options;
    LinkStatus m_status;
    QWebSocket *m_socket = nullptr;
    QTimer m_retryTimer;
    QTimer m_keepaliveTimer;
    QTimer m_silenceTimer;
    QTimer m_rateTimer;
    bool m_running = false;
    bool m_failed = false; // the current connection already failed (one reason per attempt)
    qint64 m_connectedAtMs = 0;
    qint64 m_upSinceMs = 0;
    qint64 m_lastReceiveMs = 0;
    int m_badMessages = 0;
    int m_unknownInstruments = 0;
    qint64 m_eventsReceived = 0;
    qint64 m_eventsAtLastRate = 0;
    int m_connectionsOpened = 0;
};

// The connection-rate limit of one exchange, shared by its links: attempts are spaced at least
// minSpacingMs apart (OKX allows 3 per second, Bybit about 500 per 5 minutes, Binance 300 per 5
// minutes per IP), so a reconnect storm can never get the user's address banned.
class ConnectionGate
{
public:
    explicit ConnectionGate(int minSpacingMs)
        : m_minSpacingMs(minSpacingMs)
    { }
    // Reserves the next free slot at or after nowMs + wantedDelayMs; returns the delay until it.
    qint64 reserve(qint64 nowMs, qint64 wantedDelayMs);

private:
    int m_minSpacingMs;
    qint64 m_nextFreeMs = 0;
};

} // namespace Liq
