// The one endpoint policy: which URLs may be opened, for HTTP and for WebSocket streams.
#include "live/endpointpolicy.h"

#include <QNetworkRequest>
#include <QTest>

using namespace Liq;
using Transport = EndpointPolicy::Transport;

class tst_EndpointPolicy final : public QObject
{
    Q_OBJECT

private slots:
    void loopbackHosts_data();
    void loopbackHosts();
    void refusal_data();
    void refusal();
    void refusalNamesTheUrlWithoutSecrets();
    void userInputDefaultsToTheEncryptedScheme_data();
    void userInputDefaultsToTheEncryptedScheme();
    void redirectsNeverGetLessSafe();
};

void tst_EndpointPolicy::loopbackHosts_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("loopback");
    QTest::newRow("localhost") << u"localhost"_qs << true;
    QTest::newRow("LOCALHOST") << u"LOCALHOST"_qs << true;
    QTest::newRow("127.0.0.1") << u"127.0.0.1"_qs << true;
    QTest::newRow("127.8.9.10") << u"127.8.9.10"_qs << true;
    QTest::newRow("::1") << u"::1"_qs << true;
    QTest::newRow("private range") << u"192.168.1.10"_qs << false;
    QTest::newRow("public name") << u"example.com"_qs << false;
    QTest::newRow("localhost lookalike") << u"localhost.example.com"_qs << false;
    QTest::newRow("empty") << QString() << false;
}

void tst_EndpointPolicy::loopbackHosts()
{
    QFETCH(QString, host);
    QFETCH(bool, loopback);
    QCOMPARE(EndpointPolicy::isLoopbackHost(host), loopback);
}

void tst_EndpointPolicy::refusal_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("transport");
    QTest::addColumn<bool>("allowPlain");
    QTest::addColumn<QString>("refused"); // a fragment of the reason; empty: allowed
    const int http = int(Transport::Http);
    const int ws = int(Transport::WebSocket);
    QTest::newRow("https") << u"https://example.com/feed"_qs << http << false << QString();
    QTest::newRow("http loopback") << u"http://127.0.0.1:8787/v1/snapshot"_qs << http << false << QString();
    QTest::newRow("http elsewhere") << u"http://example.com/feed"_qs << http << false << u"plain HTTP"_qs;
    QTest::newRow("http elsewhere allowed") << u"http://example.com/feed"_qs << http << true << QString();
    QTest::newRow("HTTPS upper case") << u"HTTPS://example.com/feed"_qs << http << false << QString();
    QTest::newRow("ftp") << u"ftp://example.com/x"_qs << http << false << u"not a https:// or http://"_qs;
    QTest::newRow("file") << u"file:///etc/passwd"_qs << http << true << u"not a https://"_qs;
    QTest::newRow("no host") << u"https://"_qs << http << false << u"not a https://"_qs;
    QTest::newRow("ws for http") << u"ws://127.0.0.1/x"_qs << http << false << u"not a https://"_qs;
    QTest::newRow("wss") << u"wss://fstream.binance.com/market/ws/!forceOrder@arr"_qs << ws << false
                         << QString();
    QTest::newRow("ws loopback") << u"ws://[::1]:9443/ws"_qs << ws << false << QString();
    QTest::newRow("ws elsewhere") << u"ws://stream.bybit.com/v5/public/linear"_qs << ws << false
                                  << u"plain ws://"_qs;
    QTest::newRow("ws elsewhere allowed")
        << u"ws://stream.bybit.com/v5/public/linear"_qs << ws << true << QString();
    QTest::newRow("https for ws") << u"https://example.com/ws"_qs << ws << false
                                  << u"not a wss:// or ws://"_qs;
}

void tst_EndpointPolicy::refusal()
{
    QFETCH(QString, url);
    QFETCH(int, transport);
    QFETCH(bool, allowPlain);
    QFETCH(QString, refused);
    const std::optional<QString> reason
        = EndpointPolicy::refusal(QUrl(url, QUrl::StrictMode), Transport(transport), allowPlain);
    QCOMPARE(reason.has_value(), !refused.isEmpty());
    if (reason)
        QVERIFY2(reason->contains(refused), qPrintable(*reason));
}

void tst_EndpointPolicy::refusalNamesTheUrlWithoutSecrets()
{
    const QUrl url(u"http://me:hunter2@example.com/feed?api_key=abc123&exchange=OKX"_qs);
    const std::optional<QString> reason = EndpointPolicy::refusal(url, Transport::Http, false);
    QVERIFY(reason);
    QVERIFY2(reason->startsWith(u"http://example.com/feed?exchange=OKX: "_qs), qPrintable(*reason));
    QVERIFY(!reason->contains(u"hunter2"_qs) && !reason->contains(u"abc123"_qs));
}

void tst_EndpointPolicy::userInputDefaultsToTheEncryptedScheme_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("transport");
    QTest::addColumn<QUrl>("expected");
    QTest::newRow("bare host http") << u"example.com/feed"_qs << int(Transport::Http)
                                    << QUrl(u"https://example.com/feed"_qs);
    QTest::newRow("bare host ws") << u" stream.bybit.com/v5/public/linear "_qs << int(Transport::WebSocket)
                                  << QUrl(u"wss://stream.bybit.com/v5/public/linear"_qs);
    QTest::newRow("explicit plain kept") << u"http://127.0.0.1:8787/v1/snapshot"_qs << int(Transport::Http)
                                         << QUrl(u"http://127.0.0.1:8787/v1/snapshot"_qs);
    QTest::newRow("empty") << u"  "_qs << int(Transport::Http) << QUrl();
}

void tst_EndpointPolicy::userInputDefaultsToTheEncryptedScheme()
{
    QFETCH(QString, typed);
    QFETCH(int, transport);
    QFETCH(QUrl, expected);
    QCOMPARE(EndpointPolicy::fromUserInput(typed, Transport(transport)), expected);
}

void tst_EndpointPolicy::redirectsNeverGetLessSafe()
{
    QNetworkRequest request(QUrl(u"https://example.com/feed"_qs));
    EndpointPolicy::applyRedirectRule(request);
    QCOMPARE(request.attribute(QNetworkRequest::RedirectPolicyAttribute).toInt(),
             int(QNetworkRequest::NoLessSafeRedirectPolicy));
    QCOMPARE(request.maximumRedirectsAllowed(), EndpointPolicy::MaxRedirects);
}

QTEST_GUILESS_MAIN(tst_EndpointPolicy)
#include "tst_endpointpolicy.moc"
