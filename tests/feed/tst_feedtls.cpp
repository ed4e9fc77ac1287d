// FeedClient against a real HTTPS server on 127.0.0.1 whose certificate is self-signed: the TLS errors
// are reported (never ignored), no snapshot arrives, and the last good snapshot stays on screen.
// The certificates are made at test time with the openssl command (tools/dev deps installs it).
#include "faultserver.h"
#include "feed/feedclient.h"
#include "feed/feedfetch.h"
#include "feedtestdata.h"

#include <QFile>
#include <QHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Liq;

Q_DECLARE_METATYPE(Liq::LiveState)

namespace {

LiveOptions testOptions()
{
    LiveOptions options;
    options.intervalMs = 60'000; // the tests drive cycles themselves
    options.timeoutMs = 5'000;
    options.maxBytes = 64 * 1024;
    options.backoffInitialMs = 60'000; // no automatic retry in the middle of a test
    return options;
}

// Served over plain HTTP first, then over HTTPS: distinct so a leak of the HTTPS one would show.
const QByteArray PlainBody = FeedTestData::liqscopeSnapshot(QStringLiteral("2026-11-20T14:00:00Z"), 1.0);
const QByteArray TlsBody = FeedTestData::liqscopeSnapshot(QStringLiteral("2026-11-20T15:00:00Z"), 2.0);

const QString LoopbackIdentity = QStringLiteral("loopback");
const QString OtherHostIdentity = QStringLiteral("other-host");

struct TlsIdentity
{
    QSslCertificate certificate;
    QSslKey key;
};

// HTTPS on 127.0.0.1: every request gets TlsBody as a Liqscope snapshot, then the connection closes.
// Counts the HTTP requests that made it through the handshake.
class TlsSnapshotServer final : public QObject
{
public:
    explicit TlsSnapshotServer(const TlsIdentity &identity)
    {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(identity.certificate);
        configuration.setPrivateKey(identity.key);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates
        m_server.setSslConfiguration(configuration);
        // QSslServer queues a connection only once its handshake has succeeded.
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                if (socket->bytesAvailable() > 0)
                    onReadyRead(socket);
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("https://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }
    int requestCount() const { return m_requestCount; }

private:
    void onReadyRead(QTcpSocket *socket)
    {
        const QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
        socket->setProperty("buffer", buffer);
        if (!buffer.contains("\r\n\r\n") || socket->property("answered").toBool())
            return;
        socket->setProperty("answered", true);
        ++m_requestCount;
        socket->write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\n"
                      "Content-Length: "
                      + QByteArray::number(TlsBody.size()) + "\r\n\r\n" + TlsBody);
        socket->disconnectFromHost();
    }

    QSslServer m_server;
    int m_requestCount = 0;
};

QList<LiveState> statesOf(const QSignalSpy &spy)
{
    QList<LiveState> states;
    for (const auto &arguments : spy)
        states.append(arguments.at(0).value<LiveStatus>().state);
    return states;
}

} // namespace

class tst_FeedTls final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void trustedClientGetsTheSnapshot();
    void untrustedCertificateIsAnError_data();
    void untrustedCertificateIsAnError();
    void fetchOnceReportsTheTlsError();

private:
    // A self-signed EC certificate for `subjectAltName` (e.g. "IP:127.0.0.1"), made by openssl.
    void makeIdentity(const QString &name, const QString &subjectAltName);

    QTemporaryDir m_dir;
    QString m_openssl;
    QHash<QString, TlsIdentity> m_identities;
};

void tst_FeedTls::initTestCase()
{
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend here (is libssl3 installed?)");
    m_openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    QVERIFY2(!m_openssl.isEmpty(),
             "the openssl command makes the test certificates: `tools/dev deps` installs it");
    QVERIFY(m_dir.isValid());
    makeIdentity(LoopbackIdentity, QStringLiteral("IP:127.0.0.1"));
    makeIdentity(OtherHostIdentity, QStringLiteral("DNS:feed.example.invalid"));
}

void tst_FeedTls::makeIdentity(const QString &name, const QString &subjectAltName)
{
    const QString keyPath = m_dir.filePath(name + QStringLiteral(".key.pem"));
    const QString certificatePath = m_dir.filePath(name + QStringLiteral(".cert.pem"));
    QProcess openssl;
    openssl.start(m_openssl,
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), certificatePath,
                   QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=Liqscope throwaway test certificate"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=") + subjectAltName});
    QVERIFY2(openssl.waitForFinished(30'000), qPrintable(openssl.errorString()));
    QVERIFY2(openssl.exitStatus() == QProcess::NormalExit && openssl.exitCode() == 0,
             openssl.readAllStandardError().constData());

    QFile certificateFile(certificatePath);
    QFile keyFile(keyPath);
    QVERIFY(certificateFile.open(QIODevice::ReadOnly));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    TlsIdentity identity{QSslCertificate(&certificateFile, QSsl::Pem),
                         QSslKey(&keyFile, QSsl::Ec, QSsl::Pem)};
    QVERIFY(!identity.certificate.isNull());
    QVERIFY(identity.certificate.isSelfSigned());
    QVERIFY(!identity.key.isNull());
    m_identities.insert(name, identity);
}

// The control: the server works, and a client that trusts its certificate gets the snapshot. So the
// failures below come from the trust decision, not from a broken server.
void tst_FeedTls::trustedClientGetsTheSnapshot()
{
    const TlsIdentity identity = m_identities.value(LoopbackIdentity);
    TlsSnapshotServer server(identity);
    QVERIFY(server.listen());

    QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
    trusting.addCaCertificate(identity.certificate);
    QNetworkRequest request(server.url(QStringLiteral("/v1/snapshot")));
    request.setSslConfiguration(trusting);
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(10'000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->readAll(), TlsBody);
    QCOMPARE(server.requestCount(), 1);
    reply->deleteLater();
}

void tst_FeedTls::untrustedCertificateIsAnError_data()
{
    QTest::addColumn<QString>("identity");
    QTest::addColumn<QStringList>("reasons"); // each must appear in the message (Qt's QSslError texts)

    QTest::newRow("self-signed for 127.0.0.1")
        << LoopbackIdentity << QStringList{QStringLiteral("self-signed")};
    QTest::newRow("self-signed for another host")
        << OtherHostIdentity << QStringList{QStringLiteral("self-signed"), QStringLiteral("host name")};
}

void tst_FeedTls::untrustedCertificateIsAnError()
{
    QFETCH(QString, identity);
    QFETCH(QStringList, reasons);

    // First a good snapshot over plain HTTP on loopback.
    FaultServer plainServer;
    QVERIFY(plainServer.listen());
    plainServer.setReply(FaultServer::ok(PlainBody));
    FeedClient client;
    client.setOptions(testOptions());
    client.setEndpoint(SnapshotUrlEndpoint{plainServer.url(QStringLiteral("/v1/snapshot"))});
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), LiveState::Live, 10'000);
    QVERIFY(client.lastSnapshot().has_value());
    const LiquidationSnapshot before = *client.lastSnapshot();
    QCOMPARE(before.asOf, QDateTime(QDate(2026, 11, 20), QTime(14, 0), Qt::UTC));

    // Then the same client pointed at the HTTPS server with the untrusted certificate.
    TlsSnapshotServer tlsServer(m_identities.value(identity));
    QVERIFY(tlsServer.listen());
    const QUrl tlsUrl = tlsServer.url(QStringLiteral("/v1/snapshot"));
    QSignalSpy snapshots(&client, &FeedClient::snapshotReceived);
    QSignalSpy states(&client, &FeedClient::statusChanged);
    client.setEndpoint(SnapshotUrlEndpoint{tlsUrl});
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), LiveState::Error, 10'000);

    const QString message = client.status().message;
    QVERIFY2(message.startsWith(tlsUrl.toString()), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("TLS error")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("not trusted")), qPrintable(message));
    for (const QString &reason : std::as_const(reasons))
        QVERIFY2(message.contains(reason, Qt::CaseInsensitive), qPrintable(message));
    QCOMPARE(client.lastError().kind, LoadErrorKind::Io);
    QCOMPARE(client.lastError().message, message);
    QCOMPARE(client.status().httpStatus, 0);
    QCOMPARE(tlsServer.requestCount(), 0); // no HTTP request went over the untrusted connection
    QVERIFY(!client.status().nextAttemptAt.isValid()); // polling stopped: retrying cannot fix trust

    // Nothing new arrived, the plain-HTTP snapshot is kept, and the state never claimed Live.
    QCOMPARE(snapshots.size(), 0);
    QVERIFY(client.lastSnapshot().has_value());
    QCOMPARE(*client.lastSnapshot(), before);
    QVERIFY2(!statesOf(states).contains(LiveState::Live), qPrintable(message));

    // A manual retry fails the same way and still does not go Live.
    const int started = client.requestsStarted();
    states.clear();
    client.refreshNow();
    QTRY_VERIFY_WITH_TIMEOUT(client.requestsStarted() == started + 1 && !client.isBusy(), 10'000);
    QCOMPARE(client.state(), LiveState::Error);
    QCOMPARE(client.status().message, message);
    QVERIFY(!statesOf(states).contains(LiveState::Live));
    QCOMPARE(snapshots.size(), 0);
    QCOMPARE(*client.lastSnapshot(), before);
    QCOMPARE(tlsServer.requestCount(), 0);
    QCOMPARE(plainServer.requestCount(), 1);
}

void tst_FeedTls::fetchOnceReportsTheTlsError()
{
    TlsSnapshotServer server(m_identities.value(LoopbackIdentity));
    QVERIFY(server.listen());
    const QUrl url = server.url(QStringLiteral("/v1/snapshot"));

    const FeedFetchResult result = fetchOnce(SnapshotUrlEndpoint{url}, testOptions());
    QVERIFY(!result.ok());
    QVERIFY(!result.load.snapshot.has_value());
    QCOMPARE(result.httpStatus, 0);
    QCOMPARE(result.origin, url.toString());
    QCOMPARE(result.load.error.kind, LoadErrorKind::Io);
    const QString message = result.load.error.message;
    QVERIFY2(message.contains(QLatin1String("TLS error")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("self-signed"), Qt::CaseInsensitive), qPrintable(message));
    QCOMPARE(server.requestCount(), 0);
}

QTEST_GUILESS_MAIN(tst_FeedTls)
#include "tst_feedtls.moc"
