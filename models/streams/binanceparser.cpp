#include "streams/binanceparser.h"

#include "streams/jsonfields.h"
#include "streams/saxscan.h"

#include <QCoreApplication>

#include <optional>

namespace Liq {
namespace {

using StreamJson::Json;

QString tr(const char *text)
{
    return QCoreApplication::translate("Liq::BinanceParser", text);
}

// The reply to a SUBSCRIBE request ({"id", "result"} or {"id", "error"}).
StreamMessage subscriptionReply(const Json &document)
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

// The fields of a forceOrder's order object, as either way of parsing read them.
struct OrderFields
{
    const std::string *symbol = nullptr; // null: missing or not text
    const std::string *side = nullptr;
    std::optional<double> filled;
    std::optional<double> average;
    std::optional<double> limit;
    std::optional<qint64> time;
};

OrderFields orderFields(const Json &order)
{
    using namespace StreamJson;
    return OrderFields{text(order, "s"),    text(order, "S"),   number(order, "z"),
                       number(order, "ap"), number(order, "p"), integer(order, "T")};
}

// The forced order's side is the opposite of the position it closed.
std::optional<LiquidatedSide> liquidatedSide(const std::string &orderSide)
{
    if (orderSide == "SELL")
        return LiquidatedSide::Long;
    if (orderSide == "BUY")
        return LiquidatedSide::Short;
    return std::nullopt;
}

// The order object of a forceOrder event: one event, none (nothing filled), or why it is bad.
StreamMessage orderMessage(const OrderFields &order, MarketKind market, const InstrumentCache &instruments,
                           qint64 receiveTimeMs)
{
    if (!order.symbol || !order.side || !order.filled || !order.time || (!order.average && !order.limit))
        return StreamMessage::bad(tr("a forceOrder with a missing or malformed field (s, S, z, ap, T)"));
    const auto liquidated = liquidatedSide(*order.side);
    if (!liquidated)
        return StreamMessage::bad(tr("a forceOrder side that is neither BUY nor SELL"));

    InstrumentInfo spare;
    const InstrumentInfo &instrument = instruments.resolve(*order.symbol, &spare);
    StreamMessage message;
    message.kind = StreamMessage::Kind::Events;
    LiquidationEvent event;
    event.exchange = Exchange::Binance;
    event.market = market;
    event.receiveTimeMs = receiveTimeMs;
    event.side = *liquidated;
    event.instrument = instrument.instrument;
    event.coin = instrument.coin;
    event.quantity = *order.filled;
    event.price = order.average && *order.average > 0 ? *order.average : order.limit.value_or(0);
    event.exchangeTimeMs = *order.time;
    if (market == MarketKind::CoinM) {
        if (!instrument.contract || instrument.contract->contractValue <= 0) {
            message.unknownInstruments = 1;
            message.unknownInstrument = instrument.instrument;
            return message;
        }
        event.usd = event.quantity * instrument.contract->contractValue;
    } else {
        event.usd = event.quantity * event.price;
    }
    if (const QString problem = EventCheck::problem(event); !problem.isEmpty())
        return StreamMessage::bad(problem);
    if (event.quantity > 0)
        message.events.append(std::move(event));
    return message;
}

// The fast path's reading of {"e":"forceOrder",...,"o":{...}}; a key given twice, a combined-stream
// wrapper (data) or a reply (id, result, error) stops it.
class OrderScan final : public StreamJson::SaxScanner<OrderScan>
{
public:
    enum class Slot : quint8 { Ignored, EventType, Order, Symbol, Side, Filled, Average, Limit, Time };
    enum class Frame : quint8 { None, Root, Order };

    bool key(std::string_view name)
    {
        m_slot = m_frame == Frame::Root ? rootSlot(name) : orderSlot(name);
        if (!m_slot)
            return false;
        const auto bit = 1U << unsigned(*m_slot);
        if (*m_slot != Slot::Ignored && (m_seen & bit))
            return false; // the full parse keeps the last of duplicate keys: leave it to that
        m_seen |= bit;
        return true;
    }
    bool value(const StreamJson::SaxValue &value)
    {
        const Slot slot = m_slot.value_or(Slot::Ignored);
        m_slot = Slot::Ignored;
        switch (slot) {
        case Slot::Ignored: return m_frame != Frame::None;
        case Slot::EventType: m_eventType.read(value); return true;
        case Slot::Order: return false; // not an object: a bad message
        case Slot::Symbol: m_symbol.read(value); return true;
        case Slot::Side: m_side.read(value); return true;
        case Slot::Filled: m_order.filled = StreamJson::numberOf(value); return true;
        case Slot::Average: m_order.average = StreamJson::numberOf(value); return true;
        case Slot::Limit: m_order.limit = StreamJson::numberOf(value); return true;
        case Slot::Time: m_order.time = StreamJson::integerOf(value); return true;
        }
        return false;
    }
    StreamJson::SaxEnter enter(bool object)
    {
        const Slot slot = m_slot.value_or(Slot::Ignored);
        m_slot = Slot::Ignored;
        if (m_frame == Frame::None) {
            m_frame = Frame::Root;
            return object ? StreamJson::SaxEnter::Read : StreamJson::SaxEnter::Refuse;
        }
        if (slot == Slot::Order) {
            m_frame = Frame::Order;
            return object ? StreamJson::SaxEnter::Read : StreamJson::SaxEnter::Refuse;
        }
        // A container where a scalar is read leaves the field unread (neither text nor a number), as it
        // was: a key is read once (duplicates stop the scan).
        return StreamJson::SaxEnter::Skip;
    }
    bool leave()
    {
        m_frame = m_frame == Frame::Order ? Frame::Root : Frame::None;
        return true;
    }

    // After a whole scan: the order's fields, when this is a forceOrder with its order object.
    std::optional<OrderFields> order()
    {
        if (!m_eventType.isText || m_eventType.text != "forceOrder"
            || !(m_seen & (1U << unsigned(Slot::Order))))
            return std::nullopt;
        OrderFields fields = m_order;
        fields.symbol = m_symbol.get();
        fields.side = m_side.get();
        return fields;
    }

private:
    static std::optional<Slot> rootSlot(std::string_view name)
    {
        if (name == "e")
            return Slot::EventType;
        if (name == "o")
            return Slot::Order;
        if (name == "data" || name == "id" || name == "result" || name == "error")
            return std::nullopt;
        return Slot::Ignored;
    }
    static Slot orderSlot(std::string_view name)
    {
        if (name.size() == 1) {
            switch (name.front()) {
            case 's': return Slot::Symbol;
            case 'S': return Slot::Side;
            case 'z': return Slot::Filled;
            case 'p': return Slot::Limit;
            case 'T': return Slot::Time;
            default: break;
            }
        }
        return name == "ap" ? Slot::Average : Slot::Ignored;
    }

    Frame m_frame = Frame::None;
    std::optional<Slot> m_slot = Slot::Ignored;
    unsigned m_seen = 0; // per slot: its key was read (in its frame)
    StreamJson::TextField m_eventType;
    StreamJson::TextField m_symbol;
    StreamJson::TextField m_side;
    OrderFields m_order;
};

} // namespace

BinanceParser::BinanceParser(MarketKind market, ContractTable contracts)
    : m_market(market)
    , m_instruments(&Instruments::binanceCoin, std::move(contracts))
{ }

StreamMessage BinanceParser::parse(QByteArrayView text, qint64 receiveTimeMs) const
{
    if (std::optional<StreamMessage> message = scanEvent(text, receiveTimeMs))
        return std::move(*message);
    return parseDocument(text, receiveTimeMs);
}

std::optional<StreamMessage> BinanceParser::scanEvent(QByteArrayView text, qint64 receiveTimeMs) const
{
    OrderScan scan;
    if (!scan.run(std::string_view(text.data(), size_t(text.size()))))
        return std::nullopt;
    const std::optional<OrderFields> order = scan.order();
    if (!order)
        return std::nullopt;
    StreamMessage message = orderMessage(*order, m_market, m_instruments, receiveTimeMs);
    if (message.kind != StreamMessage::Kind::Events)
        return std::nullopt; // the full parse words every problem
    return message;
}

StreamMessage BinanceParser::parseDocument(QByteArrayView text, qint64 receiveTimeMs) const
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
    return orderMessage(orderFields(*order), m_market, m_instruments, receiveTimeMs);
}

} // namespace Liq
