#include "liqscopestream.h"

#include "domain/isotime.h"
#include "numbertext.h"
#include "snapshotwriter.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace Liq {
namespace Formats {

namespace {

// Every key the stream knows, each valid in one kind of object only.
enum class Key : std::uint8_t {
    Format,
    Version,
    AsOf,
    Source,
    Scope,
    Windows,
    Breakdown,
    Kind,
    Rows,
    Name,
    LongUsd,
    ShortUsd,
    TotalUsd,
    FirstWindow, // FirstWindow + windowIndex(window): "1h", "4h", "12h", "24h"
    Unknown = FirstWindow + TimeWindowCount,
};

constexpr std::uint32_t bit(Key key)
{
    return std::uint32_t(1) << unsigned(key);
}

constexpr std::uint32_t AllWindowKeys = ((std::uint32_t(1) << TimeWindowCount) - 1)
    << unsigned(Key::FirstWindow);

// The open containers, from the document down to one window's sides. Skip: a container inside the
// value of an unknown key, read only for the checks parseJsonStrict makes (duplicates, depth).
enum class Frame : std::uint8_t { Root, Windows, Sides, Breakdown, Rows, Row, Skip };

// An object's unknown keys are compared with one another one by one: an object with more than this
// many is left to the DOM path rather than checked in quadratic time.
constexpr std::size_t MaxUnknownKeys = 32;

struct Level
{
    Frame frame = Frame::Root;
    std::uint32_t seen = 0; // the known keys met so far in this object: a second one is a duplicate
    Key pending = Key::Unknown; // the key whose value comes next; Unknown: a value to skip
    std::uint32_t firstUnknownKey = 0; // this object's unknown keys: m_unknownKeys from here on
};

// A "windows" object being read: its amounts and the total_usd each window states.
struct WindowsRead
{
    WindowAmounts amounts;
    std::array<std::optional<double>, TimeWindowCount> stated{};
};

constexpr std::pair<std::string_view, Key> RootKeys[] = {
    {"format", Key::Format},       {"version", Key::Version}, {"as_of", Key::AsOf},
    {"source", Key::Source},       {"scope", Key::Scope},     {"windows", Key::Windows},
    {"breakdown", Key::Breakdown},
};

constexpr std::pair<std::string_view, Key> SidesKeys[]
    = {{"long_usd", Key::LongUsd}, {"short_usd", Key::ShortUsd}, {"total_usd", Key::TotalUsd}};
constexpr std::pair<std::string_view, Key> RowKeys[] = {{"name", Key::Name}, {"windows", Key::Windows}};
constexpr std::pair<std::string_view, Key> BreakdownKeys[] = {{"kind", Key::Kind}, {"rows", Key::Rows}};

template<std::size_t N>
Key keyOf(const std::pair<std::string_view, Key> (&keys)[N], std::string_view name)
{
    for (const auto &[text, key] : keys) {
        if (name == text)
            return key;
    }
    return Key::Unknown;
}

Key windowKeyOf(std::string_view name)
{
    // The window keys, made as readWindows makes them.
    static const std::array<std::string, TimeWindowCount> windowKeys = [] {
        std::array<std::string, TimeWindowCount> keys;
        for (TimeWindow window : AllTimeWindows)
            keys[std::size_t(windowIndex(window))] = windowLabel(window).toStdString();
        return keys;
    }();
    for (std::size_t index = 0; index < windowKeys.size(); ++index) {
        if (name == windowKeys[index])
            return Key(unsigned(Key::FirstWindow) + index);
    }
    return Key::Unknown;
}

Key keyIn(Frame frame, std::string_view name)
{
    switch (frame) {
    case Frame::Sides: return keyOf(SidesKeys, name);
    case Frame::Windows: return windowKeyOf(name);
    case Frame::Row: return keyOf(RowKeys, name);
    case Frame::Root: return keyOf(RootKeys, name);
    case Frame::Breakdown: return keyOf(BreakdownKeys, name);
    case Frame::Rows:
    case Frame::Skip: break;
    }
    return Key::Unknown;
}

// nlohmann's SAX events fill the snapshot. Every handler returns false (which stops the parser)
// on anything parseJsonStrict or readLiqscopeSnapshot would refuse, and on what this reader leaves
// to them. The values of unknown keys are skipped, as readLiqscopeSnapshot ignores them.
class SnapshotStream : public JsonSaxTypes
{
public:
    explicit SnapshotStream(NameTable *names)
        : m_names(names)
    { }

    bool finished() const { return m_finished; }
    ReadOutcome takeOutcome()
    {
        ReadOutcome outcome;
        outcome.snapshot = std::move(m_snapshot);
        outcome.statedTotals = std::move(m_totalsStated);
        outcome.statedTotals += m_rowsStated;
        return outcome;
    }

    bool null()
    {
        if (m_depth == 0)
            return false;
        if (skipping())
            return true;
        const Level &level = top();
        // A window the source did not publish; an absent breakdown.
        return (level.frame == Frame::Windows && isWindowKey(level.pending))
            || (level.frame == Frame::Root && level.pending == Key::Breakdown);
    }
    bool boolean(bool) { return skipping(); }
    bool binary(binary_t &) { return false; } // not from JSON text

    // nlohmann gives non-negative integers as unsigned; negative ones are no amount.
    bool number_integer(number_integer_t value)
    {
        if (skipping())
            return true;
        if (isVersion())
            return value == SnapshotWriter::FormatVersion;
        return value >= 0 && amount(double(value));
    }
    bool number_unsigned(number_unsigned_t value)
    {
        if (skipping())
            return true;
        if (isVersion())
            return value == number_unsigned_t(SnapshotWriter::FormatVersion);
        return amount(double(value));
    }
    bool number_float(number_float_t value, const string_t &)
    {
        if (skipping())
            return true;
        return !isVersion() && !(value < 0.0) && amount(value + 0.0); // + 0.0 turns -0 into 0
    }

    bool string(string_t &value)
    {
        if (m_depth == 0)
            return false;
        if (skipping())
            return true;
        const Level &level = top();
        switch (level.frame) {
        case Frame::Sides: {
            double parsed = 0.0;
            return !parseAmountText(value, &parsed).failed() && amount(parsed);
        }
        case Frame::Row:
            if (level.pending != Key::Name)
                return false;
            m_row.name = sharedName(value);
            return true;
        case Frame::Root:
            switch (level.pending) {
            case Key::Format: return value == LiqscopeFormatName;
            case Key::AsOf: m_asOfText = toQString(value); return true;
            case Key::Source: m_snapshot.source = toQString(value); return true;
            case Key::Scope: m_snapshot.scope = toQString(value); return true;
            default: return false;
            }
        case Frame::Breakdown: {
            if (level.pending != Key::Kind)
                return false;
            const auto kind = breakdownKindFromKey(toQString(value));
            if (!kind)
                return false;
            m_snapshot.breakdownKind = *kind;
            return true;
        }
        case Frame::Windows:
        case Frame::Rows:
        case Frame::Skip: break;
        }
        return false;
    }

    bool start_object(std::size_t)
    {
        if (m_depth == 0)
            return push(Frame::Root);
        if (skipping())
            return push(Frame::Skip);
        const Level &level = top();
        switch (level.frame) {
        case Frame::Root:
            if (level.pending == Key::Windows) {
                m_windows = &m_totals;
                return push(Frame::Windows);
            }
            return level.pending == Key::Breakdown && push(Frame::Breakdown);
        case Frame::Windows:
            m_sides = SideAmounts{};
            m_statedTotal.reset();
            return push(Frame::Sides);
        case Frame::Rows:
            m_row = BreakdownRow{};
            m_rowWindows = WindowsRead{};
            return push(Frame::Row);
        case Frame::Row:
            if (level.pending != Key::Windows)
                return false;
            m_windows = &m_rowWindows;
            return push(Frame::Windows);
        case Frame::Sides:
        case Frame::Breakdown:
        case Frame::Skip: break;
        }
        return false;
    }

    bool start_array(std::size_t)
    {
        if (m_depth == 0)
            return false;
        if (skipping())
            return push(Frame::Skip);
        return top().frame == Frame::Breakdown && top().pending == Key::Rows && push(Frame::Rows);
    }

    bool key(string_t &name)
    {
        Level &level = top();
        const Key known = keyIn(level.frame, name);
        level.pending = known;
        if (known != Key::Unknown) {
            if ((level.seen & bit(known)) != 0)
                return false;
            level.seen |= bit(known);
            return true;
        }
        const auto first = m_unknownKeys.begin() + level.firstUnknownKey;
        if (std::size_t(m_unknownKeys.end() - first) == MaxUnknownKeys
            || std::find(first, m_unknownKeys.end(), name) != m_unknownKeys.end())
            return false;
        m_unknownKeys.push_back(name);
        return true;
    }

    bool end_object()
    {
        const Level closed = pop();
        switch (closed.frame) {
        case Frame::Sides: {
            if ((closed.seen & (bit(Key::LongUsd) | bit(Key::ShortUsd)))
                != (bit(Key::LongUsd) | bit(Key::ShortUsd)))
                return false;
            const auto index = std::size_t(unsigned(top().pending) - unsigned(Key::FirstWindow));
            m_windows->amounts.set(AllTimeWindows[index], m_sides);
            m_windows->stated[index] = m_statedTotal;
            return true;
        }
        case Frame::Windows:
            // All four keys, at least one window with amounts.
            return (closed.seen & AllWindowKeys) == AllWindowKeys && !m_windows->amounts.isEmpty();
        case Frame::Row:
            if ((closed.seen & (bit(Key::Name) | bit(Key::Windows))) != (bit(Key::Name) | bit(Key::Windows)))
                return false;
            m_row.amounts = m_rowWindows.amounts;
            appendStated(m_rowWindows, m_row.name, &m_rowsStated);
            m_snapshot.breakdown.append(std::move(m_row));
            return true;
        case Frame::Breakdown:
            return (closed.seen & (bit(Key::Kind) | bit(Key::Rows))) == (bit(Key::Kind) | bit(Key::Rows));
        case Frame::Root: {
            constexpr std::uint32_t required
                = bit(Key::Format) | bit(Key::Version) | bit(Key::AsOf) | bit(Key::Windows);
            if ((closed.seen & required) != required)
                return false;
            const std::optional<QDateTime> asOf = parseIsoTime(m_asOfText);
            if (!asOf)
                return false;
            m_snapshot.asOf = *asOf;
            m_snapshot.totals = m_totals.amounts;
            appendStated(m_totals, QStringLiteral("totals"), &m_totalsStated);
            m_finished = true;
            return true;
        }
        case Frame::Skip: return true;
        case Frame::Rows: break;
        }
        return false;
    }

    bool end_array()
    {
        pop(); // Rows or Skip: nothing to check
        return true;
    }

    bool parse_error(std::size_t, const std::string &, const Json::exception &) { return false; }

private:
    Level &top() { return m_levels[std::size_t(m_depth - 1)]; }

    // parseJsonStrict refuses the container past MaxJsonDepth.
    bool push(Frame frame)
    {
        if (m_depth == MaxJsonDepth)
            return false;
        m_levels[std::size_t(m_depth++)] = Level{frame, 0, Key::Unknown, std::uint32_t(m_unknownKeys.size())};
        return true;
    }

    Level pop()
    {
        const Level closed = m_levels[std::size_t(--m_depth)];
        m_unknownKeys.resize(closed.firstUnknownKey);
        return closed;
    }

    // The value coming is inside an unknown key's value, or is one.
    bool skipping()
    {
        if (m_depth == 0)
            return false; // the document itself
        const Level &level = top();
        return level.frame == Frame::Skip || (level.frame != Frame::Rows && level.pending == Key::Unknown);
    }

    static bool isWindowKey(Key key)
    {
        return unsigned(key) >= unsigned(Key::FirstWindow) && key != Key::Unknown;
    }

    bool isVersion() { return m_depth > 0 && top().frame == Frame::Root && top().pending == Key::Version; }

    // A long_usd, short_usd or total_usd already found to be a non-negative finite amount.
    bool amount(double value)
    {
        if (m_depth == 0 || top().frame != Frame::Sides)
            return false;
        switch (top().pending) {
        case Key::LongUsd: m_sides.longUsd = value; return true;
        case Key::ShortUsd: m_sides.shortUsd = value; return true;
        case Key::TotalUsd: m_statedTotal = value; return true;
        default: return false;
        }
    }

    QString sharedName(const std::string &utf8)
    {
        if (!m_names)
            return toQString(utf8);
        auto found = m_names->find(utf8);
        if (found == m_names->end())
            found = m_names->emplace(utf8, toQString(utf8)).first;
        return found->second;
    }

    // In window order, as readWindows appends them.
    static void appendStated(const WindowsRead &windows, const QString &where, QList<StatedTotal> *stated)
    {
        for (TimeWindow window : AllTimeWindows) {
            const auto &total = windows.stated[std::size_t(windowIndex(window))];
            if (total)
                stated->append(StatedTotal{where, window, *total, windows.amounts.at(window)});
        }
    }

    NameTable *m_names;
    std::array<Level, MaxJsonDepth> m_levels{};
    int m_depth = 0;
    std::vector<std::string> m_unknownKeys; // of every open object, outermost first
    bool m_finished = false;

    LiquidationSnapshot m_snapshot;
    QString m_asOfText;
    WindowsRead m_totals;
    BreakdownRow m_row;
    WindowsRead m_rowWindows;
    WindowsRead *m_windows = nullptr; // m_totals or m_rowWindows, whichever is open
    SideAmounts m_sides;
    std::optional<double> m_statedTotal;
    // Totals first, then the rows: the order readLiqscopeSnapshot gives, whatever the key order.
    QList<StatedTotal> m_totalsStated;
    QList<StatedTotal> m_rowsStated;
};

} // namespace

bool streamLiqscopeSnapshot(std::string_view text, NameTable *names, ReadOutcome *outcome)
{
    SnapshotStream stream(names);
    const bool parsed = Json::sax_parse(text.data(), text.data() + text.size(), &stream,
                                        Json::input_format_t::json, true, false);
    if (!parsed || !stream.finished())
        return false;
    *outcome = stream.takeOutcome();
    return true;
}

} // namespace Formats
} // namespace Liq
