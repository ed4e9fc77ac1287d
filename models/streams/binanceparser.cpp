#include "streams/binanceparser.h"

#include "streams/jsonfields.h"

#include <QCoreApplication>

namespace Liq {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Liq::BinanceParser", text);
}

} // namespace

BinanceParser::BinanceParser(MarketKind market, ContractTable contracts)
    : m_market(market)
    , m_contracts(std::move(contracts))
{ }

StreamMessage BinanceParser::parse(QByteArrayView text, qint64 receiveTimeMs) const
{
    using namespace StreamJson;
    const Json document = StreamJson::parse(std::string_view(text.data(), size_t(text.size())));
    if (!document.is_object())
        return StreamMessage::bad(tr("not a JSON object"));
    StreamMessage message;
    if (document.contains("id") && (document.contains("result") || document.contains("error"))) {
        const auto error = document.find("error");
        if (error != document.end() && !error->is_null()) {
            message.kind = StreamMessage::Kind::SubscribeError;
            const auto reason = error->is_object() ? string(*error, "msg") : std::nullopt;
            message.problem = reason.value_or(tr("subscription refused"));
        } else {
            message.kind = StreamMessage::Kind::Subscribed;
        }
        return message;
    }
    const Json &payload = document.contains("data") ? document["data"] : document;
    if (!payload.is_object())
        return StreamMessage::bad(tr("a combined-stream message without an object in data"));
    if (string(payload, "e").value_or(QString()) != u"forceOrder")
        return message; // Ignored: another event type
    const auto order = payload.find("o");
    if (order == payload.end() || !order->is_object())
        return StreamMessage::bad(tr("a forceOrder without its order object"));

    LiquidationEvent event;
    event.exchange = Exchange::Binance;
    event.market = m_market;
    event.receiveTimeMs = receiveTimeMs;
    const auto symbol = string(*order, "s");
    const auto side = string(*order, "S");
    const auto filled = number(*order, "z");
    const auto average = number(*order, "ap");
    const auto limit = number(*order, "p");
    const auto time = integer(*order, "T");
    if (!symbol || !side || !filled || !time || (!average && !limit))
        return StreamMessage::bad(tr("a forceOrder with a missing or malformed field (s, S, z, ap, T)"));
    if (*side == u"SELL")
        event.side = LiquidatedSide::Long;
    else if (*side == u"BUY")
        event.side = LiquidatedSide::Short;
    else
        return StreamMessage::bad(tr("a forceOrder side that is neither BUY nor SELL"));
    event.instrument = *symbol;
    event.coin = Instruments::binanceCoin(*symbol);
    event.quantity = *filled;
    event.price = average && *average > 0 ? *average : limit.value_or(0);
    event.exchangeTimeMs = *time;
    if (m_market == MarketKind::CoinM) {
        const auto contract = m_contracts.constFind(*symbol);
        if (contract == m_contracts.cend() || contract->contractValue <= 0) {
            message.kind = StreamMessage::Kind::Events;
            message.unknownInstruments = 1;
            message.unknownInstrument = *symbol;
            return message;
        }
        event.usd = event.quantity * contract->contractValue;
    } else {
        event.usd = event.quantity * event.price;
    }
    if (const QString problem = EventCheck::problem(event); !problem.isEmpty())
        return StreamMessage::bad(problem);
    message.kind = StreamMessage::Kind::Events;
    if (event.quantity > 0)
        message.events.append(event);
    return message;
}

} // namespace Liq
