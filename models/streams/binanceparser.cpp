#include "streams/binanceparser.h"

#include "streams/jsonfields.h"

#include <QCoreApplication>

#include <optional>

namespace Liq {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Liq::BinanceParser", text);
}

// The reply to a SUBSCRIBE request ({"id", "result"} or {"id", "error"}).
StreamMessage subscriptionReply(const StreamJson::Json &document)
{
    StreamMessage message;
    const auto error = document.find("error");
    if (error != document.end() && !error->is_null()) {
        message.kind = StreamMessage::Kind::SubscribeError;
        const auto reason = error->is_object() ? StreamJson::string(*error, "msg") : std::nullopt;
        message.problem = reason.value_or(tr("subscription refused"));
    } else {
        message.kind = StreamMessage::Kind::Subscribed;
    }
    return message;
}

// The forced order's side is the opposite of the position it closed.
std::optional<LiquidatedSide> liquidatedSide(const QString &orderSide)
{
    if (orderSide == u"SELL")
        return LiquidatedSide::Long;
    if (orderSide == u"BUY")
        return LiquidatedSide::Short;
    return std::nullopt;
}

// The order object of a forceOrder event: one event, none (nothing filled), or why it is bad.
StreamMessage orderMessage(const StreamJson::Json &order, MarketKind market, const ContractTable &contracts,
                           qint64 receiveTimeMs)
{
    using namespace StreamJson;
    const auto symbol = string(order, "s");
    const auto side = string(order, "S");
    const auto filled = number(order, "z");
    const auto average = number(order, "ap");
    const auto limit = number(order, "p");
    const auto time = integer(order, "T");
    if (!symbol || !side || !filled || !time || (!average && !limit))
        return StreamMessage::bad(tr("a forceOrder with a missing or malformed field (s, S, z, ap, T)"));
    const auto liquidated = liquidatedSide(*side);
    if (!liquidated)
        return StreamMessage::bad(tr("a forceOrder side that is neither BUY nor SELL"));

    StreamMessage message;
    message.kind = StreamMessage::Kind::Events;
    LiquidationEvent event;
    event.exchange = Exchange::Binance;
    event.market = market;
    event.receiveTimeMs = receiveTimeMs;
    event.side = *liquidated;
    event.instrument = *symbol;
    event.coin = Instruments::binanceCoin(*symbol);
    event.quantity = *filled;
    event.price = average && *average > 0 ? *average : limit.value_or(0);
    event.exchangeTimeMs = *time;
    if (market == MarketKind::CoinM) {
        const auto contract = contracts.constFind(*symbol);
        if (contract == contracts.cend() || contract->contractValue <= 0) {
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
    if (event.quantity > 0)
        message.events.append(event);
    return message;
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
    if (document.contains("id") && (document.contains("result") || document.contains("error")))
        return subscriptionReply(document);
    const Json &payload = document.contains("data") ? document["data"] : document;
    if (!payload.is_object())
        return StreamMessage::bad(tr("a combined-stream message without an object in data"));
    if (string(payload, "e").value_or(QString()) != u"forceOrder")
        return {}; // Ignored: another event type
    const auto order = payload.find("o");
    if (order == payload.end() || !order->is_object())
        return StreamMessage::bad(tr("a forceOrder without its order object"));
    return orderMessage(*order, m_market, m_contracts, receiveTimeMs);
}

} // namespace Liq
