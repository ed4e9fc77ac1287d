#include "testexchange.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

namespace LiqTest {

RestServer::RestServer(QObject *parent)
    : QObject(parent)
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, &RestServer::onConnection);
}

QUrl RestServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

void RestServer::setBody(const QString &pathAndQuery, const QByteArray &body, int status)
{
    m_bodies.insert(pathAndQuery, {status, body});
}

void RestServer::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            const QByteArray head = socket->peek(64 * 1024);
            if (!head.contains("\r\n\r\n"))
                return;
            socket->readAll();
            const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
            const QString target = QString::fromUtf8(requestLine.value(1));
            m_requests << target;
            auto found = m_bodies.constFind(target);
            int status = 404;
            QByteArray body = "{}";
            if (found != m_bodies.cend()) {
                status = found->first;
                body = found->second;
            } else if (!m_fallback.isEmpty()) {
                status = 200;
                body = m_fallback;
            }
            QByteArray response = "HTTP/1.1 " + QByteArray::number(status)
                + " X\r\nContent-Type: application/json\r\n" + "Content-Length: "
                + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
            socket->write(response);
            socket->disconnectFromHost();
        });
    }
}

TestExchange::TestExchange(Protocol protocol, QObject *parent)
    : QObject(parent)
    , m_protocol(protocol)
    , m_server(new QWebSocketServer(QStringLiteral("test exchange"), QWebSocketServer::NonSecureMode, this))
{
    m_server->listen(QHostAddress::LocalHost, 0);
    connect(m_server, &QWebSocketServer::newConnection, this, &TestExchange::onNewConnection);
}

TestExchange::~TestExchange()
{
    closeAll();
}

QUrl TestExchange::url() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/stream").arg(m_server->serverPort()));
}

void TestExchange::push(const QByteArray &text)
{
    for (const QPointer<QWebSocket> &client : std::as_const(m_clients)) {
        if (client)
            client->sendTextMessage(QString::fromUtf8(text));
    }
}

void TestExchange::closeAll()
{
    const auto clients = std::exchange(m_clients, {});
    for (const QPointer<QWebSocket> &client : clients) {
        if (client) {
            client->abort();
            client->deleteLater();
        }
    }
    qDeleteAll(m_idleTimers);
    m_idleTimers.clear();
}

void TestExchange::onNewConnection()
{
    while (QWebSocket *client = m_server->nextPendingConnection()) {
        ++m_accepted;
        m_acceptTimes << QDateTime::currentMSecsSinceEpoch();
        if (m_closeOnConnect) {
            client->abort();
            client->deleteLater();
            continue;
        }
        m_clients.append(client);
        auto *idle = new QTimer(this);
        idle->setSingleShot(true);
        m_idleTimers.insert(client, idle);
        connect(idle, &QTimer::timeout, client, [this, client] {
            ++m_idleHangups; // the exchange's keepalive rule: an idle client is cut
            client->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("idle"));
        });
        if (m_idleLimitMs > 0)
            idle->start(m_idleLimitMs);
        connect(client, &QWebSocket::textMessageReceived, this,
                [this, client](const QString &text) { onText(client, text); });
        connect(client, &QWebSocket::disconnected, this, [this, client] {
            m_clients.removeAll(client);
            delete m_idleTimers.take(client);
            client->deleteLater();
        });
    }
}

void TestExchange::onText(QWebSocket *client, const QString &text)
{
    if (QTimer *idle = m_idleTimers.value(client); idle && m_idleLimitMs > 0)
        idle->start(m_idleLimitMs);
    if (m_protocol == Protocol::Okx && text == u"ping") {
        ++m_keepalives;
        client->sendTextMessage(QStringLiteral("pong"));
        return;
    }
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString op = message.value(QLatin1String("op")).toString();
    if (op == u"ping") {
        ++m_keepalives;
        client->sendTextMessage(
            QStringLiteral(R"({"success":true,"ret_msg":"pong","conn_id":"t","op":"ping"})"));
        return;
    }
    if (op != u"subscribe")
        return;
    ++m_subscriptions;
    const QJsonArray args = message.value(QLatin1String("args")).toArray();
    for (const auto &arg : args)
        m_topics << (arg.isString() ? arg.toString()
                                    : arg.toObject().value(QLatin1String("instType")).toString());
    if (!m_answer)
        return;
    if (m_protocol == Protocol::Bybit) {
        QJsonObject reply{{QStringLiteral("success"), m_refusal.isEmpty()},
                          {QStringLiteral("ret_msg"), m_refusal},
                          {QStringLiteral("conn_id"), QStringLiteral("t")},
                          {QStringLiteral("req_id"), message.value(QLatin1String("req_id"))},
                          {QStringLiteral("op"), QStringLiteral("subscribe")}};
        client->sendTextMessage(QString::fromUtf8(QJsonDocument(reply).toJson(QJsonDocument::Compact)));
    } else if (!m_refusal.isEmpty()) {
        client->sendTextMessage(
            QStringLiteral(R"({"event":"error","code":"60018","msg":"%1"})").arg(m_refusal));
    } else {
        for (const auto &arg : args) {
            QJsonObject reply{{QStringLiteral("event"), QStringLiteral("subscribe")},
                              {QStringLiteral("arg"), arg},
                              {QStringLiteral("connId"), QStringLiteral("t")}};
            client->sendTextMessage(QString::fromUtf8(QJsonDocument(reply).toJson(QJsonDocument::Compact)));
        }
    }
    emit clientSubscribed();
}

} // namespace LiqTest
