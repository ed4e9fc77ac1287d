#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

// A real HTTP/1.1 server on 127.0.0.1 that misbehaves on purpose. Every request gets the current
// Reply; faults are how the bytes go out (or don't). Test-only: a tiny request parser is enough here.
class FaultServer final : public QObject
{
    Q_OBJECT
public:
    enum class Delivery {
        Normal, // status, headers, Content-Length, body, close
        Hang, // read the request, never answer
        Truncated, // announce the full Content-Length, send half, close
        HugeContentLength, // announce hugeLength, send a few bytes, keep the connection open
        EndlessChunked, // chunked body that never ends
        SlowDrip, // one byte of the body every dripIntervalMs
    };
    struct Reply
    {
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        Delivery delivery = Delivery::Normal;
        QByteArray etag; // non-empty: sent as ETag, and a matching If-None-Match gets 304
        qint64 hugeLength = qint64(1) << 32;
        int dripIntervalMs = 50;
    };
    struct Request
    {
        QByteArray method;
        QByteArray target; // path and query
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray header(const QByteArray &name) const;
    };

    explicit FaultServer(QObject *parent = nullptr);
    ~FaultServer() override;

    bool listen(quint16 port = 0); // 127.0.0.1
    void close(); // stop listening and drop every connection
    quint16 port() const { return m_port; }
    QUrl url(const QString &pathAndQuery) const;

    void setReply(const Reply &reply) { m_reply = reply; }
    // A reply for one exact request target (path and query), taking precedence over setReply().
    void setReplyFor(const QByteArray &target, const Reply &reply) { m_targetReplies.insert(target, reply); }
    static Reply ok(const QByteArray &body, const QByteArray &etag = {});
    static Reply status(int code, const QByteArray &body = {});

    int requestCount() const { return m_requestCount; }
    // The most recent requests (at most 100: a long soak must not grow the server).
    const QList<Request> &requests() const { return m_requests; }
    int openConnections() const { return int(m_sockets.size()); }

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const Request &request);

    QTcpServer m_server;
    quint16 m_port = 0;
    Reply m_reply;
    QHash<QByteArray, Reply> m_targetReplies;
    QList<Request> m_requests;
    int m_requestCount = 0;
    QList<QTcpSocket *> m_sockets;
};
