#pragma once

#include <QString>
#include <QUrl>

#include <optional>

class QNetworkRequest;

namespace Liq::EndpointPolicy {

// The one policy for every URL Liqscope opens (HTTP feeds, CoinGlass, exchange streams and their REST
// parts), used alike by the command line, the connect dialog, the desktop options and the clients.
enum class Transport {
    Http, // http:// and https://
    WebSocket, // ws:// and wss://
};

// True for localhost, 127.0.0.0/8 and ::1.
bool isLoopbackHost(const QString &host);

// nullopt when the URL may be opened; otherwise one sentence naming the URL (as it may be shown) and
// what is wrong: not a URL, a scheme of another transport, or plain (unencrypted) transport to a host
// that is not this computer without the user's explicit allowance.
std::optional<QString> refusal(const QUrl &url, Transport transport, bool allowPlain);

// What a user typed ("example.com/feed", "http://127.0.0.1:8787/v1/snapshot") as a URL: a missing
// scheme means https (wss for streams), never plain.
QUrl fromUserInput(const QString &text, Transport transport);

// The redirect rule: at most MaxRedirects, never from an encrypted scheme to a plain one.
inline constexpr int MaxRedirects = 5;
void applyRedirectRule(QNetworkRequest &request);

// The URL as it may be shown and stored: no user info, no fragment, and secret-looking query items
// (key, token, secret, password, signature, ...) removed.
QString displayOrigin(const QUrl &url);

// Replaces every occurrence of secret (when non-empty) and of the raw URL by the display origin.
QString scrubSecrets(QString text, const QUrl &url, const QString &secret);

} // namespace Liq::EndpointPolicy
