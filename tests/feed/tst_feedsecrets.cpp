// The API key and URL secrets never reach messages, origins or snapshots; the key file is 0600.
#include "faultserver.h"
#include "feed/feedclient.h"
#include "feedtestdata.h"
#include "live/apikeystore.h"
#include "live/endpointpolicy.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Liq;

namespace {
const QString Key = QStringLiteral("cg-SECRET-5a4b3c2d1e");
}

class tst_FeedSecrets final : public QObject
{
    Q_OBJECT

private slots:
    void keyNeverInMessagesOrSnapshots();
    void urlSecretsAreNotShown();
    void keyFileIsOwnerOnly();
    void environmentWins();
};

void tst_FeedSecrets::keyNeverInMessagesOrSnapshots()
{
    FaultServer server;
    QVERIFY(server.listen());
    LiveOptions options;
    options.backoffInitialMs = 60'000;
    FeedClient client;
    client.setOptions(options);
    client.setEndpoint(CoinGlassEndpoint{server.url(QString()), Key});
    QStringList seen;
    QObject scope; // the connection's context: it ends before `seen` does, even on an early return
    connect(&client, &FeedClient::statusChanged, &scope, [&seen](const LiveStatus &status) {
        seen.append(status.describe(QDateTime::currentDateTimeUtc()));
    });

    server.setReply(FaultServer::ok(FeedTestData::coinGlassCoinList()));
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), LiveState::Live, 5000);
    QCOMPARE(server.requests().constLast().header("CG-API-KEY"), Key.toUtf8());
    QCOMPARE(server.requests().constLast().target,
             QByteArray("/api/futures/liquidation/coin-list?exchange=Binance"));
    const LiquidationSnapshot snapshot = *client.lastSnapshot();
    QVERIFY(!snapshot.source.contains(Key) && !snapshot.scope.contains(Key));

    // A server that echoes the key back in its error message, then one that rejects it.
    server.setReply(
        FaultServer::ok(FeedTestData::coinGlassError(QStringLiteral("key %1 is over quota").arg(Key))));
    client.refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), LiveState::Stale, 5000);
    QVERIFY2(client.status().message.contains(QLatin1String("key *** is over quota")),
             qPrintable(client.status().message));
    server.setReply(FaultServer::status(401));
    client.refreshNow();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), LiveState::Error, 5000);
    QCOMPARE(client.status().message, QStringLiteral("CoinGlass rejected the API key (HTTP 401)"));

    seen.append(client.displayOrigin());
    seen.append(client.lastError().message);
    for (const QString &text : std::as_const(seen))
        QVERIFY2(!text.contains(Key), qPrintable(text));
}

void tst_FeedSecrets::urlSecretsAreNotShown()
{
    const QUrl url(QStringLiteral(
        "https://user:hunter2@feed.example/v1/snapshot?exchange=OKX&api_key=abc123&token=t0k#frag"));
    const QString shown = EndpointPolicy::displayOrigin(url);
    QCOMPARE(shown, QStringLiteral("https://feed.example/v1/snapshot?exchange=OKX"));
    const QString scrubbed = EndpointPolicy::scrubSecrets(
        QStringLiteral("Error transferring %1 - failed").arg(url.toString()), url, QStringLiteral("abc123"));
    QVERIFY2(!scrubbed.contains(QLatin1String("hunter2")) && !scrubbed.contains(QLatin1String("abc123")),
             qPrintable(scrubbed));

    // The origin handed to listeners is the shown one too.
    FaultServer server;
    QVERIFY(server.listen());
    server.setReply(FaultServer::ok(FeedTestData::liqscopeSnapshot(QStringLiteral("2026-11-20T14:00:00Z"))));
    QUrl secretUrl = server.url(QStringLiteral("/v1/snapshot?access_token=zzz999"));
    secretUrl.setUserInfo(QStringLiteral("me:pa55"));
    FeedClient client;
    QString origin;
    QObject scope; // the connection's context: it ends before `origin` does
    connect(
        &client, &FeedClient::snapshotReceived, &scope,
        [&origin](const LiquidationSnapshot &, const QStringList &, const QString &from) { origin = from; });
    client.setEndpoint(SnapshotUrlEndpoint{secretUrl});
    client.start();
    QTRY_VERIFY_WITH_TIMEOUT(!origin.isEmpty(), 5000);
    QCOMPARE(origin, server.url(QStringLiteral("/v1/snapshot")).toString());
}

void tst_FeedSecrets::keyFileIsOwnerOnly()
{
    qunsetenv(ApiKeyStore::EnvironmentVariable);
    QTemporaryDir directory;
    const ApiKeyStore store(directory.filePath(QStringLiteral("config/coinglass-api-key")));
    QString error;
    QVERIFY(store.load(&error).isEmpty()); // no file yet: no key, no error
    QVERIFY(error.isEmpty());
    QVERIFY2(store.save(Key, &error), qPrintable(error));
    QCOMPARE(QFile::permissions(store.path()) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QCOMPARE(store.load(&error), Key);

    // Readable by others: refused, and the message says why without the key.
    QFile::setPermissions(store.path(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
    QVERIFY(store.load(&error).isEmpty());
    QVERIFY(error.contains(QLatin1String("other users may read")));
    QVERIFY(!error.contains(Key));
    QVERIFY(!store.save(QStringLiteral("two\nlines"), &error));
    QVERIFY(!error.contains(QLatin1String("two")));
    QVERIFY(store.remove(&error));
    QVERIFY(!QFile::exists(store.path()));
}

void tst_FeedSecrets::environmentWins()
{
    QTemporaryDir directory;
    const ApiKeyStore store(directory.filePath(QStringLiteral("key")));
    QString error;
    QVERIFY(store.save(QStringLiteral("from-file"), &error));
    qputenv(ApiKeyStore::EnvironmentVariable, "from-environment");
    QVERIFY(ApiKeyStore::environmentHasKey());
    QCOMPARE(store.load(), QStringLiteral("from-environment"));
    qunsetenv(ApiKeyStore::EnvironmentVariable);
    QCOMPARE(store.load(), QStringLiteral("from-file"));
}

QTEST_GUILESS_MAIN(tst_FeedSecrets)
#include "tst_feedsecrets.moc"
