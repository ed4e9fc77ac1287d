#include "streams/bybitparser.h"

#include "streams/instruments.h"
#include "streams/jsonfields.h"
#include "streams/saxscan.h"

#include <QCoreApplication>

#include <array>

namespace Liq {
namespace {

using StreamJson::Json;

QString tr(const char *text)
{
    return QCoreApplication::translate("Liq::BybitParser", text);
}

StreamMessage control(const Json &document)
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

// The fields of one data[] entry, as either way of parsing read them.
struct EntryFields
{
    const std::string *symbol = nullptr; // null: missing or not text
    const std::string *side = nullptr;
    std::optional<double> size;
    std::optional<double> price;
    std::optional<qint64> time;
};

// One entry into message->events (none when nothing was liquidated); false, with *message made bad,
// when it is malformed or fails the checks.
bool addEntry(const EntryFields &entry, MarketKind market, const InstrumentCache &instruments,
              qint64 receiveTimeMs, StreamMessage *message)
{
    if (!entry.symbol || !entry.side || !entry.size || !entry.price || !entry.time) {
        *message = StreamMessage::bad(
            tr("an allLiquidation entry with a missing or malformed field (s, S, v, p, T)"));
        return false;
    }
    LiquidationEvent event;
    event.exchange = Exchange::Bybit;
    event.market = market;
    if (*entry.side == "Buy") {
        event.side = LiquidatedSide::Long;
    } else if (*entry.side == "Sell") {
        event.side = LiquidatedSide::Short;
    } else {
        *message = StreamMessage::bad(tr("an allLiquidation side that is neither Buy nor Sell"));
        return false;
    }
    InstrumentInfo spare;
    const InstrumentInfo &instrument = instruments.resolve(*entry.symbol, &spare);
    event.instrument = instrument.instrument;
    event.coin = instrument.coin;
    event.quantity = *entry.size;
    event.price = *entry.price;
    event.usd = market == MarketKind::Inverse ? *entry.size : *entry.size * *entry.price;
    event.exchangeTimeMs = *entry.time;
    event.receiveTimeMs = receiveTimeMs;
    if (const QString problem = EventCheck::problem(event); !problem.isEmpty()) {
        *message = StreamMessage::bad(problem);
        return false;
    }
    if (event.quantity > 0)
        message->events.append(std::move(event));
    return true;
}

constexpr std::string_view TopicPrefix = "allLiquidation.";

// The fast path's reading of {"topic":"allLiquidation.<SYMBOL>",...,"data":[{...},...]}; a key given
// twice, an entry that is not an object or more entries than it holds stop it.
class LiquidationScan final : public StreamJson::SaxScanner<LiquidationScan>
{
public:
    static constexpr int MaxEntries = 16; // Bybit pushes a symbol's liquidations every 500 ms: a few
    enum class Slot : quint8 { Ignored, Topic, Data, Symbol, Side, Size, Price, Time };
    enum class Frame : quint8 { None, Root, Data, Entry };

    struct Entry
    {
        StreamJson::TextField symbol;
        StreamJson::TextField side;
        EntryFields fields;
        unsigned seen = 0;
    };

    bool key(std::string_view name)
    {
        m_slot = m_frame == Frame::Root ? rootSlot(name) : entrySlot(name);
        unsigned &seen = m_frame == Frame::Root ? m_rootSeen : m_entries[size_t(m_count)].seen;
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
        if (m_frame == Frame::Root) {
            if (slot == Slot::Topic)
                m_topic.read(value);
            return slot != Slot::Data; // data must be an array
        }
        if (m_frame != Frame::Entry)
            return false; // a scalar at the top or in data[]: a bad message
        Entry &entry = m_entries[size_t(m_count)];
        switch (slot) {
        case Slot::Symbol: entry.symbol.read(value); break;
        case Slot::Side: entry.side.read(value); break;
        case Slot::Size: entry.fields.size = StreamJson::numberOf(value); break;
        case Slot::Price: entry.fields.price = StreamJson::numberOf(value); break;
        case Slot::Time: entry.fields.time = StreamJson::integerOf(value); break;
        default: break;
        }
        return true;
    }
    StreamJson::SaxEnter enter(bool object)
    {
        const Slot slot = m_slot;
        m_slot = Slot::Ignored;
        const Frame next = m_frame == Frame::None ? Frame::Root
            : m_frame == Frame::Data              ? Frame::Entry
            : slot == Slot::Data                  ? Frame::Data
                                                  : Frame::None;
        if (next == Frame::None)
            return StreamJson::SaxEnter::Skip; // a container where a scalar is read leaves it unread
        if (object != (next != Frame::Data) || (next == Frame::Entry && m_count == MaxEntries))
            return StreamJson::SaxEnter::Refuse;
        m_frame = next;
        return StreamJson::SaxEnter::Read;
    }
    bool leave()
    {
        if (m_frame == Frame::Entry)
            ++m_count;
        m_frame = m_frame == Frame::Entry ? Frame::Data : m_frame == Frame::Data ? Frame::Root : Frame::None;
        return true;
    }

    // After a whole scan: whether this is an allLiquidation push with its data array.
    bool isPush() const
    {
        const std::string_view topic(m_topic.text);
        return m_topic.isText && topic.substr(0, TopicPrefix.size()) == TopicPrefix
            && (m_rootSeen & (1U << unsigned(Slot::Data)));
    }
    int count() const { return m_count; }
    EntryFields entry(int index) const
    {
        const Entry &entry = m_entries[size_t(index)];
        EntryFields fields = entry.fields;
        fields.symbol = entry.symbol.get();
        fields.side = entry.side.get();
        return fields;
    }

private:
    static Slot rootSlot(std::string_view name)
    {
        return name == "topic" ? Slot::Topic : name == "data" ? Slot::Data : Slot::Ignored;
    }
    static Slot entrySlot(std::string_view name)
    {
        if (name.size() != 1)
            return Slot::Ignored;
        switch (name.front()) {
        case 's': return Slot::Symbol;
        case 'S': return Slot::Side;
        case 'v': return Slot::Size;
        case 'p': return Slot::Price;
        case 'T': return Slot::Time;
        default: return Slot::Ignored;
        }
    }

    Frame m_frame = Frame::None;
    Slot m_slot = Slot::Ignored;
    unsigned m_rootSeen = 0;
    StreamJson::TextField m_topic;
    int m_count = 0;
    std::array<Entry, MaxEntries> m_entries;
};

} // namespace

BybitParser::BybitParser(MarketKind market)
    : m_market(market)
    , m_instruments(&Instruments::bybitCoin)
{ }

StreamMessage BybitParser::parse(QByteArrayView text, qint64 receiveTimeMs) const
{
    if (std::optional<StreamMessage> message = scanEvents(text, receiveTimeMs))
        return std::move(*message);
    return parseDocument(text, receiveTimeMs);
}

std::optional<StreamMessage> BybitParser::scanEvents(QByteArrayView text, qint64 receiveTimeMs) const
{
    LiquidationScan scan;
    if (!scan.run(std::string_view(text.data(), size_t(text.size()))) || !scan.isPush())
        return std::nullopt;
    StreamMessage message;
    message.kind = StreamMessage::Kind::Events;
    for (int i = 0; i < scan.count(); ++i) {
        if (!addEntry(scan.entry(i), m_market, m_instruments, receiveTimeMs, &message))
            return std::nullopt; // the full parse words every problem
    }
    return message;
}

StreamMessage BybitParser::parseDocument(QByteArrayView text, qint64 receiveTimeMs) const
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
        const EntryFields fields{StreamJson::text(entry, "s"), StreamJson::text(entry, "S"),
                                 number(entry, "v"), number(entry, "p"), integer(entry, "T")};
        if (!addEntry(fields, m_market, m_instruments, receiveTimeMs, &message))
            return message;
    }
    return message;
}

} // namespace Liq
