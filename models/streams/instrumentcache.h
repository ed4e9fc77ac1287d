#pragma once

#include "streams/instruments.h"

#include <QMutex>
#include <QSet>
#include <QString>

#include <optional>
#include <string>
#include <unordered_map>

namespace Liq {

// What an instrument name on a stream stands for, worked out once.
struct InstrumentInfo
{
    QString instrument; // the name as sent
    QString coin; // its base asset: one shared QString per coin, whichever instrument it came from
    std::optional<ContractSpec> contract; // the contract table's entry, if it has one
};

// The instrument names a parser has seen, each resolved once (its QStrings, its coin, its contract):
// a liquidation of a known instrument then costs one hash lookup of the bytes it came in and no
// allocation, and all its events share the same strings (implicit sharing). Thread-safe (the parsers'
// const parse may be called from any thread). Bounded: past capacity distinct names (a flood of
// garbage) a name is resolved on every call and not kept.
class InstrumentCache
{
public:
    using CoinOf = QString (*)(const QString &name);
    static constexpr int DefaultCapacity = 8192; // each exchange lists well under 2,000 instruments

    explicit InstrumentCache(CoinOf coinFunction, ContractTable contracts = {},
                             int capacity = DefaultCapacity);
    InstrumentCache(const InstrumentCache &) = delete;
    InstrumentCache &operator=(const InstrumentCache &) = delete;

    // The name's info: a kept entry (valid as long as the cache), or *spare filled in when the cache is full.
    const InstrumentInfo &resolve(const std::string &name, InstrumentInfo *spare) const;
    // The base asset of another name (an OKX instFamily): the coin of a kept entry when it is the same.
    QString coinOf(const std::string &name) const;

    const ContractTable &contracts() const { return m_contracts; }
    int size() const;

private:
    InstrumentInfo compute(const std::string &name) const; // with m_mutex held

    CoinOf m_coinOf;
    ContractTable m_contracts;
    int m_capacity;
    mutable QMutex m_mutex;
    // Never erased: references to entries stay valid (unordered_map nodes do not move on rehash).
    mutable std::unordered_map<std::string, InstrumentInfo> m_entries;
    mutable QSet<QString> m_coins; // every coin once, so instruments of one coin share its QString
};

} // namespace Liq
