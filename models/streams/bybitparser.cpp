#include "streams/bybitparser.h"

#include "streams/instruments.h"
#include "streams/jsonfields.h"

#include <QCoreApplication>

namespace Liq {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Liq::BybitParser", text);
}

StreamMessage control(const StreamJson::Json &document)
{
    using namespace StreamJson;
    StreamMessage message;
    const QString op = string(document, "op").value_or(QString());
    const QString reply = string(document, "ret_msg").value_or(QString());
    if (op == u"ping" || op == u"pong" || reply == u"pong") {
        message.kind = StreamMessage::Kind::Pong;
        return message;
    }
    const auto success = document.find("success");
    if (op == u"subscribe" && success != document.end() && success->is_boolean()) {
        message.kind
            = success->get<bool>() ? StreamMessage::Kind::Subscribed : StreamMessage::Kind::SubscribeError;
        message.problem = reply;
    }
    return message; // anything else of Bybit's own: Ignored
}

} // namespace

BybitParser::BybitParser(MarketKind market)
    : m_market(market)
{ }

StreamMessage BybitParser::parse(QByteArrayView text, qint64 receiveTimeMs) const
{
    using namespace StreamJson;
    const Json document = StreamJson::parse(std::string_view(text.data(), size_t(text.size())));
    if (!document.is_object())
        return StreamMessage::bad(tr("not a JSON object"));
    const auto topic = string(document, "topic");
    if (!topic)
        return control(document);
    if (!topic->startsWith(u"allLiquidation."))
        return {}; // Ignored: a topic we did not ask for
    const auto data = document.find("data");
    if (data == document.end() || !data->is_array())
        return StreamMessage::bad(tr("an allLiquidation message without a data array"));
    StreamMessage message;
    message.kind = StreamMessage::Kind::Events;
    for (const Json &entry : *data) {
        if (!entry.is_object())
            return StreamMessage::bad(tr("an allLiquidation entry that is not an object"));
        const auto symbol = string(entry, "s");
        const auto side = string(entry, "S");
        const auto size = number(entry, "v");
        const auto price = number(entry, "p");
        const auto time = integer(entry, "T");
        if (!symbol || !side || !size || !price || !time)
            return StreamMessage::bad(
                tr("an allLiquidation entry with a missing or malformed field (s, S, v, p, T)"));
        LiquidationEvent event;
        event.exchange = Exchange::Bybit;
        event.market = m_market;
        if (*side == u"Buy")
            event.side = LiquidatedSide::Long;
        else if (*side == u"Sell")
            event.side = LiquidatedSide::Short;
        else
            return StreamMessage::bad(tr("an allLiquidation side that is neither Buy nor Sell"));
        event.instrument = *symbol;
        event.coin = Instruments::bybitCoin(*symbol);
        event.quantity = *size;
        event.price = *price;
        event.usd = m_market == MarketKind::Inverse ? *size : *size * *price;
        event.exchangeTimeMs = *time;
        event.receiveTimeMs = receiveTimeMs;
        if (const QString problem = EventCheck::problem(event); !problem.isEmpty())
            return StreamMessage::bad(problem);
        if (event.quantity > 0)
            message.events.append(event);
    }
    return message;
}

} // namespace Liq
