#include "live/endpointpolicy.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QNetworkRequest>
#include <QStringList>
#include <QUrlQuery>

#include <algorithm>

namespace Liq::EndpointPolicy {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Liq::EndpointPolicy", text);
}

bool isSecretQueryKey(const QString &key)
{
    static const QStringList secretWords{
        QStringLiteral("key"),      QStringLiteral("token"),  QStringLiteral("secret"),
        QStringLiteral("password"), QStringLiteral("passwd"), QStringLiteral("signature"),
        QStringLiteral("sig"),      QStringLiteral("auth"),   QStringLiteral("credential")};
    const QString lower = key.toLower();
    return std::any_of(secretWords.cbegin(), secretWords.cend(),
                       [&lower](const QString &word) { return lower.contains(word); });
}

struct Schemes
{
    QLatin1String encrypted;
    QLatin1String plain;
};

Schemes schemesOf(Transport transport)
{
    return transport == Transport::Http ? Schemes{QLatin1String("https"), QLatin1String("http")}
                                        : Schemes{QLatin1String("wss"), QLatin1String("ws")};
}

} // namespace

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

std::optional<QString> refusal(const QUrl &url, Transport transport, bool allowPlain)
{
    const Schemes schemes = schemesOf(transport);
    const QString shown = url.isValid() ? displayOrigin(url) : url.toString();
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != schemes.encrypted && scheme != schemes.plain)) {
        return tr("%1: not a %2:// or %3:// URL")
            .arg(shown.isEmpty() ? tr("(empty)") : shown, schemes.encrypted, schemes.plain);
    }
    if (scheme == schemes.plain && !allowPlain && !isLoopbackHost(url.host())) {
        const QString plainName
            = transport == Transport::Http ? QStringLiteral("HTTP") : QStringLiteral("ws://");
        return tr("%1: plain %2 to a non-local host is refused; use %3:// (or allow plain %2 explicitly)")
            .arg(shown, plainName, schemes.encrypted);
    }
    return std::nullopt;
}

QUrl fromUserInput(const QString &text, Transport transport)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (!trimmed.contains(QLatin1String("://")))
        return QUrl(QStringLiteral("%1://%2").arg(schemesOf(transport).encrypted, trimmed), QUrl::StrictMode);
    return QUrl(trimmed, QUrl::StrictMode);
}

void applyRedirectRule(QNetworkRequest &request)
{
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(MaxRedirects);
}

QString displayOrigin(const QUrl &url)
{
    QUrl shown = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveFragment | QUrl::RemoveQuery);
    QUrlQuery kept;
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (!isSecretQueryKey(key))
            kept.addQueryItem(key, value);
    }
    if (!kept.isEmpty())
        shown.setQuery(kept);
    return shown.toDisplayString();
}

QString scrubSecrets(QString text, const QUrl &url, const QString &secret)
{
    const QString origin = displayOrigin(url);
    for (const QString &raw : {url.toString(), url.toString(QUrl::FullyEncoded), url.toDisplayString()}) {
        if (!raw.isEmpty() && raw != origin)
            text.replace(raw, origin);
    }
    if (!secret.isEmpty())
        text.replace(secret, QStringLiteral("***"));
    return text;
}

} // namespace Liq::EndpointPolicy
