#include "live/exchangeendpoints.h"

#include "live/endpointpolicy.h"

#include <QCoreApplication>

namespace Liq {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Liq::ExchangeEndpoints", text);
}

struct Default
{
    const char *name;
    const char *url;
};

// The public endpoints (../shared/reference/exchange-streams.md): Binance moved its USD-M market
// streams to the /market path in April 2026; whether COIN-M moved too is unverified.
constexpr Default Defaults[] = {
    {ExchangeEndpoints::BinanceUsdmWs, "wss://fstream.binance.com/market/ws/!forceOrder@arr"},
    {ExchangeEndpoints::BinanceCoinmWs, "wss://dstream.binance.com/ws/!forceOrder@arr"},
    {ExchangeEndpoints::BinanceCoinmRest, "https://dapi.binance.com"},
    {ExchangeEndpoints::BybitLinearWs, "wss://stream.bybit.com/v5/public/linear"},
    {ExchangeEndpoints::BybitInverseWs, "wss://stream.bybit.com/v5/public/inverse"},
    {ExchangeEndpoints::BybitRest, "https://api.bybit.com"},
    {ExchangeEndpoints::OkxWs, "wss://ws.okx.com:8443/ws/v5/public"},
    {ExchangeEndpoints::OkxRest, "https://www.okx.com"},
};

} // namespace

QUrl ExchangeStreamsEndpoint::url(const QString &name) const
{
    const auto found = overrides.constFind(name);
    return found != overrides.cend() ? *found : ExchangeEndpoints::defaultUrl(name);
}

namespace ExchangeEndpoints {

QStringList names()
{
    QStringList all;
    for (const Default &entry : Defaults)
        all << QLatin1String(entry.name);
    return all;
}

QUrl defaultUrl(const QString &name)
{
    for (const Default &entry : Defaults) {
        if (name == QLatin1String(entry.name))
            return QUrl(QLatin1String(entry.url));
    }
    return {};
}

bool isWebSocket(const QString &name)
{
    return name.endsWith(QLatin1String("-ws"));
}

std::optional<std::pair<QString, QUrl>> parseOverride(const QString &text, bool allowPlain, QString *error)
{
    const qsizetype equals = text.indexOf(u'=');
    const QString name = text.left(equals).trimmed();
    if (equals < 0 || !names().contains(name)) {
        *error = tr("--endpoint %1: expected NAME=URL with NAME one of %2")
                     .arg(text, names().join(QStringLiteral(", ")));
        return std::nullopt;
    }
    const auto transport
        = isWebSocket(name) ? EndpointPolicy::Transport::WebSocket : EndpointPolicy::Transport::Http;
    const QUrl url = EndpointPolicy::fromUserInput(text.mid(equals + 1), transport);
    if (const auto refused = EndpointPolicy::refusal(url, transport, allowPlain)) {
        *error = tr("--endpoint %1: %2").arg(name, *refused);
        return std::nullopt;
    }
    return std::make_pair(name, url);
}

std::optional<QHash<QString, QUrl>> parseOverrides(const QStringList &texts, bool allowPlain, QString *error)
{
    QHash<QString, QUrl> overrides;
    for (const QString &text : texts) {
        const auto named = parseOverride(text, allowPlain, error);
        if (!named)
            return std::nullopt;
        overrides.insert(named->first, named->second);
    }
    return overrides;
}

std::optional<QList<Exchange>> parseExchangeList(const QString &text, QString *error)
{
    if (text.trimmed().compare(QLatin1String("all"), Qt::CaseInsensitive) == 0)
        return QList<Exchange>(std::begin(AllExchanges), std::end(AllExchanges));
    QList<Exchange> exchanges;
    for (const QString &part : text.split(u',')) {
        const auto exchange = exchangeFromKey(part.trimmed().toLower());
        if (!exchange) {
            *error = tr("--exchanges %1: \"%2\" is not one of binance, bybit, okx").arg(text, part.trimmed());
            return std::nullopt;
        }
        if (exchanges.contains(*exchange)) {
            *error = tr("--exchanges %1: %2 is named twice").arg(text, exchangeKey(*exchange));
            return std::nullopt;
        }
        exchanges << *exchange;
    }
    return exchanges;
}

} // namespace ExchangeEndpoints
} // namespace Liq
