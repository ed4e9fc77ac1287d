#include "streams/okxparser.h"

#include "streams/jsonfields.h"

#include <QCoreApplication>

namespace Liq {
namespace {

using StreamJson::Json;

QString tr(const char *text)
{
    return QCoreApplication::translate("Liq::OkxParser", text);
}

struct DetailContext
{
    QString instrument;
    QString coin;
    MarketKind market = MarketKind::Swap;
    ContractSpec contract;
    qint64 receiveTimeMs = 0;
    bool history = false; // a REST history page: events past the age limit are expected, and skipped
};

// One entry of details[]: nullopt with *problem set when it is malformed.
std::optional<LiquidationEvent> detailEvent(const Json &detail, const DetailContext &context,
                                            QString *problem)
{
    using namespace StreamJson;
    const auto side = string(detail, "side");
    const auto size = number(detail, "sz");
    const auto price = number(detail, "bkPx");
    const auto time = integer(detail, "ts");
    if (!detail.is_object() || !side || !size || !price || !time) {
        *problem = tr("a liquidation detail with a missing or malformed field (side, sz, bkPx, ts)");
        return std::nullopt;
    }
    LiquidationEvent event;
    event.exchange = Exchange::Okx;
    event.market = context.market;
    event.instrument = context.instrument;
    event.coin = context.coin;
    if (*side == u"sell") {
        event.side = LiquidatedSide::Long;
    } else if (*side == u"buy") {
        event.side = LiquidatedSide::Short;
    } else {
        *problem = tr("a liquidation side that is neither buy nor sell");
        return std::nullopt;
    }
    event.quantity = *size;
    event.price = *price;
    event.usd = context.contract.inverse ? *size * context.contract.contractValue
                                         : *size * context.contract.contractValue * *price;
    event.exchangeTimeMs = *time;
    event.receiveTimeMs = context.receiveTimeMs;
    if (context.history && event.exchangeTimeMs < event.receiveTimeMs - EventCheck::MaxAgeMs)
        return std::nullopt; // problem stays empty: too old to count, not malformed
    *problem = EventCheck::problem(event);
    if (!problem->isEmpty())
        return std::nullopt;
    return event;
}

StreamMessage eventsOf(const Json &data, const ContractTable &contracts, qint64 receiveTimeMs, bool history)
{
    using namespace StreamJson;
    if (!data.is_array())
        return StreamMessage::bad(tr("a liquidation-orders message without a data array"));
    StreamMessage message;
    message.kind = StreamMessage::Kind::Events;
    for (const Json &entry : data) {
        const auto instrument = entry.is_object() ? string(entry, "instId") : std::nullopt;
        const auto type = entry.is_object() ? string(entry, "instType") : std::nullopt;
        const auto details = entry.is_object() ? entry.find("details") : entry.end();
        if (!instrument || !type || details == entry.end() || !details->is_array())
            return StreamMessage::bad(tr("a liquidation-orders entry without instId, instType or details"));
        DetailContext context;
        context.instrument = *instrument;
        context.coin = Instruments::okxCoin(string(entry, "instFamily").value_or(*instrument));
        context.market = *type == u"FUTURES" ? MarketKind::Futures : MarketKind::Swap;
        context.receiveTimeMs = receiveTimeMs;
        context.history = history;
        const auto contract = contracts.constFind(*instrument);
        const bool known = contract != contracts.cend() && contract->contractValue > 0;
        if (known)
            context.contract = *contract;
        for (const Json &detail : *details) {
            QString problem;
            const std::optional<LiquidationEvent> event = detailEvent(detail, context, &problem);
            if (!event && problem.isEmpty()) {
                message.reachedAgeLimit = true;
                continue;
            }
            if (!event)
                return StreamMessage::bad(problem);
            if (!known) {
                // Never sized with a guess: counted and reported.
                if (message.unknownInstruments++ == 0)
                    message.unknownInstrument = *instrument;
                continue;
            }
            if (event->quantity > 0)
                message.events.append(*event);
        }
    }
    return message;
}

} // namespace

OkxParser::OkxParser(ContractTable contracts)
    : m_contracts(std::move(contracts))
{ }

StreamMessage OkxParser::parse(QByteArrayView text, qint64 receiveTimeMs) const
{
    using namespace StreamJson;
    StreamMessage message;
    if (text == "pong") {
        message.kind = StreamMessage::Kind::Pong;
        return message;
    }
    const Json document = StreamJson::parse(std::string_view(text.data(), size_t(text.size())));
    if (!document.is_object())
        return StreamMessage::bad(tr("not a JSON object (nor the text pong)"));
    if (const auto event = string(document, "event")) {
        if (*event == u"subscribe") {
            message.kind = StreamMessage::Kind::Subscribed;
        } else if (*event == u"error") {
            message.kind = StreamMessage::Kind::SubscribeError;
            message.problem = tr("%1 (code %2)")
                                  .arg(string(document, "msg").value_or(QString()),
                                       string(document, "code").value_or(QString()));
        }
        return message; // other events (login, channel-conn-count): Ignored
    }
    const auto arg = document.find("arg");
    if (arg == document.end() || !arg->is_object()
        || string(*arg, "channel").value_or(QString()) != u"liquidation-orders")
        return message; // Ignored: another channel
    const auto data = document.find("data");
    return eventsOf(data == document.end() ? Json() : *data, m_contracts, receiveTimeMs, false);
}

StreamMessage OkxParser::parseHistoryPage(QByteArrayView body, qint64 receiveTimeMs) const
{
    using namespace StreamJson;
    const Json document = StreamJson::parse(std::string_view(body.data(), size_t(body.size())));
    if (!document.is_object())
        return StreamMessage::bad(tr("not a JSON object"));
    const QString code = string(document, "code").value_or(QString());
    if (code != u"0") {
        StreamMessage refused;
        refused.kind = StreamMessage::Kind::SubscribeError;
        refused.problem = tr("%1 (code %2)").arg(string(document, "msg").value_or(QString()), code);
        return refused;
    }
    const auto data = document.find("data");
    return eventsOf(data == document.end() ? Json() : *data, m_contracts, receiveTimeMs, true);
}

} // namespace Liq
