#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTcpServer>
#include <QTimer>
#include <QUrl>

class QWebSocket;
class QWebSocketServer;

namespace LiqTest {

// A small HTTP/1.1 server for the REST parts of the test exchanges: a body per path and query, served
// once per connection (Connection: close). Anything unknown is a 404.
class RestServer final : public QObject
{
    Q_OBJECT
public:
    explicit RestServer(QObject *parent = nullptr);
    QUrl baseUrl() const;
    // pathAndQuery as the client sends it, e.g. "/api/v5/public/instruments?instType=SWAP".
    void setBody(const QString &pathAndQuery, const QByteArray &body, int status = 200);
    void setFallback(const QByteArray &body) { m_fallback = body; }
    const QStringList &requests() const { return m_requests; }

private:
    void onConnection();

    QTcpServer m_server;
    QHash<QString, QPair<int, QByteArray>> m_bodies;
    QByteArray m_fallback;
    QStringList m_requests;
};

// A test exchange: a QWebSocketServer on 127.0.0.1 that speaks one protocol as documented in
// ../shared/reference/exchange-streams.md: it acknowledges subscriptions (Bybit, OKX), answers
// keepalives, and enforces them (hangs up on a client that stays idle longer than idleLimitMs).
class TestExchange final : public QObject
{
    Q_OBJECT
public:
    enum class Protocol { Binance, Bybit, Okx };

    TestExchange(Protocol protocol, QObject *parent = nullptr);
    ~TestExchange() override;

    QUrl url() const; // ws://127.0.0.1:PORT/stream
    // Frames to every connected client.
    void push(const QByteArray &text);
    void closeAll(); // an abrupt close of every connection
    void setIdleLimitMs(int ms) { m_idleLimitMs = ms; } // 0: no keepalive enforcement
    void setRefuseSubscriptions(const QString &why) { m_refusal = why; }
    void setAnswerSubscriptions(bool answer) { m_answer = answer; }
    void setCloseOnConnect(bool close)
    {
        m_closeOnConnect = close;
    } // a storm: every connection is cut at once
    // When each connection was accepted (ms since the epoch).
    const QList<qint64> &acceptTimes() const { return m_acceptTimes; }

    int connectionsAccepted() const { return m_accepted; }
    int openConnections() const { return int(m_clients.size()); }
    int subscriptionsReceived() const { return m_subscriptions; }
    int keepalivesReceived() const { return m_keepalives; }
    int idleHangups() const { return m_idleHangups; }
    const QStringList &subscribedTopics() const { return m_topics; }

signals:
    void clientSubscribed();

private:
    void onNewConnection();
    void onText(QWebSocket *client, const QString &text);

    Protocol m_protocol;
    QWebSocketServer *m_server;
    QList<QPointer<QWebSocket>> m_clients;
    QHash<QWebSocket *, QTimer *> m_idleTimers;
    int m_idleLimitMs = 0;
    QString m_refusal;
    bool m_answer = true;
    bool m_closeOnConnect = false;
    QList<qint64> m_acceptTimes;
    int m_accepted = 0;
    int m_subscriptions = 0;
    int m_keepalives = 0;
    int m_idleHangups = 0;
    QStringList m_topics;
};

} // namespace LiqTest
