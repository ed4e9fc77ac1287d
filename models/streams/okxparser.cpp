#include "streams/okxparser.h"

#include "streams/jsonfields.h"
#include "streams/saxscan.h"

#include <QCoreApplication>

#include <array>

namespace Liq {
namespace {

using StreamJson::Json;

QString tr(const char *text)
{
    return QCoreApplication::translate("Liq::OkxParser", text);
}

// The fields of one data[] entry and of one of its details, as either way of parsing read them.
struct EntryFields
{
    const std::string *instrument = nullptr; // null: missing or not text
    const std::string *type = nullptr;
    const std::string *family = nullptr;
};
struct DetailFields
{
    bool isObject = false;
    const std::string *side = nullptr;
    std::optional<double> size;
    std::optional<double> price;
    std::optional<qint64> time;
};

struct DetailContext
{
    QString instrument;
    QString coin;
    MarketKind market = MarketKind::Swap;
    bool known = false; // the contract table sizes the instrument
    ContractSpec contract;
    qint64 receiveTimeMs = 0;
    bool history = false; // a REST history page: events past the age limit are expected, and skipped
};

// The text before the first '-' (okxCoin's reading; UTF-8 never has '-' inside a character).
std::string_view coinPart(const std::string &name)
{
    return std::string_view(name).substr(0, name.find('-'));
}

DetailContext contextOf(const EntryFields &entry, const InstrumentCache &instruments, qint64 receiveTimeMs,
                        bool history)
{
    InstrumentInfo spare;
    const InstrumentInfo &info = instruments.resolve(*entry.instrument, &spare);
    DetailContext context;
    context.instrument = info.instrument;
    // The family names the coin when there is one; it is nearly always the instrument's own.
    const std::string &coinName = entry.family ? *entry.family : *entry.instrument;
    context.coin
        = coinPart(coinName) == coinPart(*entry.instrument) ? info.coin : instruments.coinOf(coinName);
    context.market = *entry.type == "FUTURES" ? MarketKind::Futures : MarketKind::Swap;
    context.known = info.contract && info.contract->contractValue > 0;
    if (context.known)
        context.contract = *info.contract;
    context.receiveTimeMs = receiveTimeMs;
    context.history = history;
    return context;
}

// One entry of details[]: nullopt with *problem set when it is malformed.
std::optional<LiquidationEvent> detailEvent(const DetailFields &detail, const DetailContext &context,
                                            QString *problem)
{
    if (!detail.isObject || !detail.side || !detail.size || !detail.price || !detail.time) {
        *problem = tr("a liquidation detail with a missing or malformed field (side, sz, bkPx, ts)");
        return std::nullopt;
    }
    LiquidationEvent event;
    event.exchange = Exchange::Okx;
    event.market = context.market;
    event.instrument = context.instrument;
    event.coin = context.coin;
    if (*detail.side == "sell") {
        event.side = LiquidatedSide::Long;
    } else if (*detail.side == "buy") {
        event.side = LiquidatedSide::Short;
    } else {
        *problem = tr("a liquidation side that is neither buy nor sell");
        return std::nullopt;
    }
    event.quantity = *detail.size;
    event.price = *detail.price;
    event.usd = context.contract.inverse ? *detail.size * context.contract.contractValue
                                         : *detail.size * context.contract.contractValue * *detail.price;
    event.exchangeTimeMs = *detail.time;
    event.receiveTimeMs = context.receiveTimeMs;
    if (context.history && event.exchangeTimeMs < event.receiveTimeMs - EventCheck::MaxAgeMs)
        return std::nullopt; // problem stays empty: too old to count, not malformed
    *problem = EventCheck::problem(event);
    if (!problem->isEmpty())
        return std::nullopt;
    return event;
}

// One detail into *message; false, with *message made bad, when it is malformed or fails the checks.
bool addDetail(const DetailFields &detail, const DetailContext &context, StreamMessage *message)
{
    QString problem;
    std::optional<LiquidationEvent> event = detailEvent(detail, context, &problem);
    if (!event && problem.isEmpty()) {
        message->reachedAgeLimit = true;
        return true;
    }
    if (!event) {
        *message = StreamMessage::bad(problem);
        return false;
    }
    if (!context.known) {
        // Never sized with a guess: counted and reported.
        if (message->unknownInstruments++ == 0)
            message->unknownInstrument = context.instrument;
        return true;
    }
    if (event->quantity > 0)
        message->events.append(std::move(*event));
    return true;
}

StreamMessage eventsOf(const Json &data, const InstrumentCache &instruments, qint64 receiveTimeMs,
                       bool history)
{
    using namespace StreamJson;
    if (!data.is_array())
        return StreamMessage::bad(tr("a liquidation-orders message without a data array"));
    StreamMessage message;
    message.kind = StreamMessage::Kind::Events;
    for (const Json &entry : data) {
        EntryFields fields;
        auto details = entry.end();
        if (entry.is_object()) {
            fields = EntryFields{text(entry, "instId"), text(entry, "instType"), text(entry, "instFamily")};
            details = entry.find("details");
        }
        if (!fields.instrument || !fields.type || details == entry.end() || !details->is_array())
            return StreamMessage::bad(tr("a liquidation-orders entry without instId, instType or details"));
        const DetailContext context = contextOf(fields, instruments, receiveTimeMs, history);
        for (const Json &detail : *details) {
            DetailFields read;
            if (detail.is_object())
                read = DetailFields{true, text(detail, "side"), number(detail, "sz"), number(detail, "bkPx"),
                                    integer(detail, "ts")};
            if (!addDetail(read, context, &message))
                return message;
        }
    }
    return message;
}

// The fast path's reading of {"arg":{"channel":"liquidation-orders",...},"data":[{...,"details":[...]}]};
// a key given twice, an event, an entry or detail that is not an object or more than it holds stop it.
class OrdersScan final : public StreamJson::SaxScanner<OrdersScan>
{
public:
    static constexpr int MaxEntries = 8; // a push holds one entry with one detail as a rule
    static constexpr int MaxDetails = 16;
    enum class Slot : quint8 {
        Ignored,
        Arg,
        Data,
        Channel,
        InstId,
        InstType,
        InstFamily,
        Details,
        Side,
        Size,
        Price,
        Time
    };
    enum class Frame : quint8 { None, Root, Arg, Data, Entry, Details, Detail };

    struct Entry
    {
        StreamJson::TextField instrument;
        StreamJson::TextField type;
        StreamJson::TextField family;
        int firstDetail = 0;
        int detailCount = 0;
        unsigned seen = 0;
    };
    struct Detail
    {
        StreamJson::TextField side;
        DetailFields fields;
        unsigned seen = 0;
    };

    bool key(std::string_view name)
    {
        const std::optional<Slot> slot = slotOf(name);
        if (!slot)
            return false;
        m_slot = *slot;
        unsigned &seen = m_frame == Frame::Root ? m_rootSeen
            : m_frame == Frame::Arg             ? m_argSeen
            : m_frame == Frame::Entry           ? m_entries[size_t(m_entryCount)].seen
                                                : m_details[size_t(m_detailCount)].seen;
        const auto bit = 1U << unsigned(m_slot);
        if (m_slot != Slot::Ignored && (seen & bit))
            return false; // the full parse keeps the last of duplicate keys: leave it to that
        seen |= bit;
        return true;
    }
    bool value(const StreamJson::SaxValue &value)
    {
        const Slot slot = m_slot;
        m_slot = Slot::Ignored;
        switch (slot) {
        case Slot::Ignored:
            return m_frame == Frame::Root || m_frame == Frame::Arg || m_frame == Frame::Entry
                || m_frame == Frame::Detail; // a scalar at the top, in data[] or details[]: a bad message
        case Slot::Arg:
        case Slot::Data:
        case Slot::Details: return false; // not the container it must be
        case Slot::Channel: m_channel.read(value); break;
        case Slot::InstId: m_entries[size_t(m_entryCount)].instrument.read(value); break;
        case Slot::InstType: m_entries[size_t(m_entryCount)].type.read(value); break;
        case Slot::InstFamily: m_entries[size_t(m_entryCount)].family.read(value); break;
        case Slot::Side: m_details[size_t(m_detailCount)].side.read(value); break;
        case Slot::Size: m_details[size_t(m_detailCount)].fields.size = StreamJson::numberOf(value); break;
        case Slot::Price: m_details[size_t(m_detailCount)].fields.price = StreamJson::numberOf(value); break;
        case Slot::Time: m_details[size_t(m_detailCount)].fields.time = StreamJson::integerOf(value); break;
        }
        return true;
    }
    StreamJson::SaxEnter enter(bool object)
    {
        const Slot slot = m_slot;
        m_slot = Slot::Ignored;
        const Frame next = nextFrame(slot);
        if (next == Frame::None)
            return StreamJson::SaxEnter::Skip; // a container where a scalar is read leaves it unread
        const bool array = next == Frame::Data || next == Frame::Details;
        if (object == array || (next == Frame::Entry && m_entryCount == MaxEntries)
            || (next == Frame::Detail && m_detailCount == MaxDetails))
            return StreamJson::SaxEnter::Refuse;
        if (next == Frame::Details)
            m_entries[size_t(m_entryCount)].firstDetail = m_detailCount;
        m_frame = next;
        return StreamJson::SaxEnter::Read;
    }
    bool leave()
    {
        switch (m_frame) {
        case Frame::Detail:
            ++m_entries[size_t(m_entryCount)].detailCount;
            ++m_detailCount;
            m_frame = Frame::Details;
            break;
        case Frame::Details: m_frame = Frame::Entry; break;
        case Frame::Entry:
            ++m_entryCount;
            m_frame = Frame::Data;
            break;
        case Frame::Arg:
        case Frame::Data: m_frame = Frame::Root; break;
        case Frame::Root:
        case Frame::None: m_frame = Frame::None; break;
        }
        return true;
    }

    // After a whole scan: whether this is a liquidation-orders push with its data array.
    bool isPush() const
    {
        return m_channel.isText && m_channel.text == "liquidation-orders"
            && (m_rootSeen & (1U << unsigned(Slot::Data)));
    }
    int entryCount() const { return m_entryCount; }
    const Entry &entry(int index) const { return m_entries[size_t(index)]; }
    DetailFields detail(int index) const
    {
        const Detail &detail = m_details[size_t(index)];
        DetailFields fields = detail.fields;
        fields.isObject = true;
        fields.side = detail.side.get();
        return fields;
    }

private:
    std::optional<Slot> slotOf(std::string_view name) const
    {
        switch (m_frame) {
        case Frame::Root:
            if (name == "event")
                return std::nullopt; // subscribe, error, login: the full parse reads those
            return name == "arg" ? Slot::Arg : name == "data" ? Slot::Data : Slot::Ignored;
        case Frame::Arg: return name == "channel" ? Slot::Channel : Slot::Ignored;
        case Frame::Entry:
            return name == "instId"    ? Slot::InstId
                : name == "instType"   ? Slot::InstType
                : name == "instFamily" ? Slot::InstFamily
                : name == "details"    ? Slot::Details
                                       : Slot::Ignored;
        default:
            return name == "side" ? Slot::Side
                : name == "sz"    ? Slot::Size
                : name == "bkPx"  ? Slot::Price
                : name == "ts"    ? Slot::Time
                                  : Slot::Ignored;
        }
    }
    Frame nextFrame(Slot slot) const
    {
        switch (m_frame) {
        case Frame::None: return Frame::Root;
        case Frame::Data: return Frame::Entry;
        case Frame::Details: return Frame::Detail;
        default: break;
        }
        switch (slot) {
        case Slot::Arg: return Frame::Arg;
        case Slot::Data: return Frame::Data;
        case Slot::Details: return Frame::Details;
        default: return Frame::None;
        }
    }

    Frame m_frame = Frame::None;
    Slot m_slot = Slot::Ignored;
    unsigned m_rootSeen = 0;
    unsigned m_argSeen = 0;
    StreamJson::TextField m_channel;
    int m_entryCount = 0;
    int m_detailCount = 0;
    std::array<Entry, MaxEntries> m_entries;
    std::array<Detail, MaxDetails> m_details;
};

} // namespace

OkxParser::OkxParser(ContractTable contracts)
    : m_instruments(&Instruments::okxCoin, std::move(contracts))
{ }

StreamMessage OkxParser::parse(QByteArrayView text, qint64 receiveTimeMs) const
{
    if (std::optional<StreamMessage> message = scanEvents(text, receiveTimeMs))
        return std::move(*message);
    return parseDocument(text, receiveTimeMs);
}

std::optional<StreamMessage> OkxParser::scanEvents(QByteArrayView text, qint64 receiveTimeMs) const
{
    OrdersScan scan;
    if (!scan.run(std::string_view(text.data(), size_t(text.size()))) || !scan.isPush())
        return std::nullopt;
    StreamMessage message;
    message.kind = StreamMessage::Kind::Events;
    for (int i = 0; i < scan.entryCount(); ++i) {
        const OrdersScan::Entry &entry = scan.entry(i);
        const EntryFields fields{entry.instrument.get(), entry.type.get(), entry.family.get()};
        if (!fields.instrument || !fields.type || !(entry.seen & (1U << unsigned(OrdersScan::Slot::Details))))
            return std::nullopt; // the full parse words every problem
        const DetailContext context = contextOf(fields, m_instruments, receiveTimeMs, false);
        for (int d = entry.firstDetail; d < entry.firstDetail + entry.detailCount; ++d) {
            if (!addDetail(scan.detail(d), context, &message))
                return std::nullopt;
        }
    }
    return message;
}

StreamMessage OkxParser::parseDocument(QByteArrayView text, qint64 receiveTimeMs) const
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
    return eventsOf(data == document.end() ? Json() : *data, m_instruments, receiveTimeMs, false);
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
    return eventsOf(data == document.end() ? Json() : *data, m_instruments, receiveTimeMs, true);
}

} // namespace Liq
