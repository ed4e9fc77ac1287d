#include "store/minuterollup.h"

#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace Liq {
namespace {

quint64 keyOf(const MinuteRollup::Entry &entry)
{
    return (quint64(entry.coinId) << 16) | (quint64(entry.exchange) << 8) | quint64(entry.side);
}

bool keyLess(const MinuteRollup::Entry &a, const MinuteRollup::Entry &b)
{
    return keyOf(a) < keyOf(b);
}

void combine(MinuteRollup::Entry &into, const MinuteRollup::Entry &from)
{
    into.count += from.count;
    into.usd += from.usd;
    into.largestUsd = std::max(into.largestUsd, from.largestUsd);
}

double readDouble(const uchar *at)
{
    const quint64 bits = qFromLittleEndian<quint64>(at);
    double value = 0;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

void writeDouble(uchar *at, double value)
{
    quint64 bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    qToLittleEndian(bits, at);
}

bool usable(double usd)
{
    return std::isfinite(usd) && usd >= 0;
}

} // namespace

void MinuteRollup::add(const Entry &entry)
{
    const auto at = std::lower_bound(m_entries.begin(), m_entries.end(), entry, keyLess);
    if (at != m_entries.end() && keyOf(*at) == keyOf(entry))
        combine(*at, entry);
    else
        m_entries.insert(at, entry);
}

void MinuteRollup::merge(const MinuteRollup &other)
{
    // Both sorted: one linear pass (a busy minute has hundreds of coins, a batch touches most of them).
    std::vector<Entry> merged;
    merged.reserve(m_entries.size() + other.m_entries.size());
    auto a = m_entries.cbegin();
    auto b = other.m_entries.cbegin();
    while (a != m_entries.cend() || b != other.m_entries.cend()) {
        if (b == other.m_entries.cend() || (a != m_entries.cend() && keyOf(*a) < keyOf(*b))) {
            merged.push_back(*a++);
        } else if (a == m_entries.cend() || keyOf(*b) < keyOf(*a)) {
            merged.push_back(*b++);
        } else {
            merged.push_back(*a++);
            combine(merged.back(), *b++);
        }
    }
    m_entries.swap(merged);
}

QByteArray MinuteRollup::pack() const
{
    QByteArray bytes(qsizetype(m_entries.size()) * PackedEntrySize, Qt::Uninitialized);
    auto *at = reinterpret_cast<uchar *>(bytes.data());
    for (const Entry &entry : m_entries) {
        qToLittleEndian(entry.coinId, at);
        at[4] = uchar(entry.exchange);
        at[5] = uchar(entry.side);
        qToLittleEndian(entry.count, at + 6);
        writeDouble(at + 10, entry.usd);
        writeDouble(at + 18, entry.largestUsd);
        at += PackedEntrySize;
    }
    return bytes;
}

bool MinuteRollup::unpack(QByteArrayView bytes, MinuteRollup *rollup)
{
    rollup->m_entries.clear();
    if (bytes.size() % PackedEntrySize != 0)
        return false;
    rollup->m_entries.reserve(size_t(bytes.size() / PackedEntrySize));
    const auto *at = reinterpret_cast<const uchar *>(bytes.data());
    for (qsizetype i = 0; i < bytes.size(); i += PackedEntrySize, at += PackedEntrySize) {
        Entry entry;
        entry.coinId = qFromLittleEndian<quint32>(at);
        entry.count = qFromLittleEndian<quint32>(at + 6);
        entry.usd = readDouble(at + 10);
        entry.largestUsd = readDouble(at + 18);
        const bool known = at[4] < ExchangeCount && at[5] <= 1;
        if (known) {
            entry.exchange = Exchange(at[4]);
            entry.side = LiquidatedSide(at[5]);
        }
        // Sorted and each key once, as pack() writes them: anything else is damage.
        const bool ordered = rollup->m_entries.empty() || keyOf(rollup->m_entries.back()) < keyOf(entry);
        if (!known || !ordered || !usable(entry.usd) || !usable(entry.largestUsd)) {
            rollup->m_entries.clear();
            return false;
        }
        rollup->m_entries.push_back(entry);
    }
    return true;
}

} // namespace Liq
