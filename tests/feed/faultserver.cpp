#include "faultserver.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 304: return "Not Modified";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

} // namespace

QByteArray FaultServer::Request::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

FaultServer::FaultServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultServer::onNewConnection);
}

FaultServer::~FaultServer()
{
    close();
}

bool FaultServer::listen(quint16 port)
{
    if (!m_server.listen(QHostAddress::LocalHost, port))
        return false;
    m_port = m_server.serverPort();
    return true;
}

void FaultServer::close()
{
    m_server.close();
    const QList<QTcpSocket *> sockets = m_sockets;
    m_sockets.clear();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
}

QUrl FaultServer::url(const QString &pathAndQuery) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(pathAndQuery));
}

FaultServer::Reply FaultServer::ok(const QByteArray &body, const QByteArray &etag)
{
    Reply reply;
    reply.body = body;
    reply.etag = etag;
    reply.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return reply;
}

FaultServer::Reply FaultServer::status(int code, const QByteArray &body)
{
    Reply reply;
    reply.status = code;
    reply.body = body;
    return reply;
}

void FaultServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_sockets.append(socket);
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_sockets.removeOne(socket);
            socket->deleteLater();
        });
    }
}

void FaultServer::onReadyRead(QTcpSocket *socket)
{
    // One request per connection (every reply closes it): wait for the end of the headers.
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    socket->setProperty("buffer", buffer);
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0 || socket->property("answered").toBool())
        return;
    socket->setProperty("answered", true);
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    Request request;
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            request.headers.append(qMakePair(line.left(colon).trimmed(), line.mid(colon + 1).trimmed()));
    }
    ++m_requestCount;
    if (m_requests.size() >= 100)
        m_requests.removeFirst();
    m_requests.append(request);
    respond(socket, request);
}

void FaultServer::respond(QTcpSocket *socket, const Request &request)
{
    const Reply reply = m_targetReplies.value(request.target, m_reply);
    if (reply.delivery == Delivery::Hang)
        return;
    int status = reply.status;
    QByteArray body = reply.body;
    if (!reply.etag.isEmpty() && request.header("If-None-Match") == reply.etag) {
        status = 304;
        body.clear();
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    head += "Connection: close\r\n";
    for (const auto &[name, value] : reply.headers)
        head += name + ": " + value + "\r\n";
    if (!reply.etag.isEmpty())
        head += "ETag: " + reply.etag + "\r\n";

    switch (reply.delivery) {
    case Delivery::Hang: return;
    case Delivery::Normal:
        head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
        socket->write(head + (status == 304 ? QByteArray() : body));
        socket->disconnectFromHost();
        return;
    case Delivery::Truncated:
        head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
        socket->write(head + body.left(body.size() / 2));
        socket->flush();
        socket->disconnectFromHost();
        return;
    case Delivery::HugeContentLength:
        head += "Content-Length: " + QByteArray::number(reply.hugeLength) + "\r\n\r\n";
        socket->write(head + body.left(16));
        return;
    case Delivery::EndlessChunked: {
        head += "Transfer-Encoding: chunked\r\n\r\n";
        socket->write(head);
        const QByteArray chunkData(16 * 1024, 'x');
        const QByteArray chunk = QByteArray::number(chunkData.size(), 16) + "\r\n" + chunkData + "\r\n";
        auto *timer = new QTimer(socket);
        QPointer<QTcpSocket> guarded(socket);
        connect(timer, &QTimer::timeout, socket, [guarded, chunk] {
            if (guarded && guarded->state() == QAbstractSocket::ConnectedState
                && guarded->bytesToWrite() < (1 << 20))
                guarded->write(chunk);
        });
        timer->start(1);
        return;
    }
    case Delivery::SlowDrip: {
        head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
        socket->write(head);
        auto *timer = new QTimer(socket);
        auto sent = std::make_shared<qsizetype>(0);
        connect(timer, &QTimer::timeout, socket, [socket, timer, body, sent] {
            if (*sent >= body.size()) {
                timer->stop();
                socket->disconnectFromHost();
                return;
            }
            socket->write(body.mid(*sent, 1));
            ++*sent;
        });
        timer->start(reply.dripIntervalMs);
        return;
    }
    }
}
