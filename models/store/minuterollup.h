#pragma once

#include "domain/liquidationevent.h"

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace Liq {

// One minute of the store's rollup: per exchange × coin × side, the dollars, the count and the largest
// liquidation. The store keeps ONE row per minute with these entries packed in a blob, so the day the
// windows and the timeline need is 1440 rows, whatever the number of coins. Coins are small integers
// (the store's coins table maps them to their names).
class MinuteRollup
{
public:
    struct Entry
    {
        quint32 coinId = 0;
        Exchange exchange = Exchange::Binance;
        LiquidatedSide side = LiquidatedSide::Long;
        quint32 count = 0;
        double usd = 0;
        double largestUsd = 0;
    };
    // Bytes per packed entry: coin u32, exchange u8, side u8, count u32, usd f64, largest f64, little-endian.
    static constexpr qsizetype PackedEntrySize = 26;

    // Adds to the entry of (exchange, coin, side), creating it: the counts and dollars add up, the
    // largest is the larger.
    void add(const Entry &entry);
    void merge(const MinuteRollup &other);

    // Sorted by coin, exchange and side; one entry each.
    const std::vector<Entry> &entries() const { return m_entries; }
    bool isEmpty() const { return m_entries.empty(); }

    QByteArray pack() const;
    // False (and *rollup left empty) when the bytes are not whole entries of known exchanges and sides
    // with finite, non-negative dollars: a damaged row is skipped, never half-read.
    static bool unpack(QByteArrayView bytes, MinuteRollup *rollup);

private:
    std::vector<Entry> m_entries;
};

} // namespace Liq
