#include "streams/instrumentcache.h"

#include <QMutexLocker>

namespace Liq {

InstrumentCache::InstrumentCache(CoinOf coinFunction, ContractTable contracts, int capacity)
    : m_coinOf(coinFunction)
    , m_contracts(std::move(contracts))
    , m_capacity(capacity)
{ }

InstrumentInfo InstrumentCache::compute(const std::string &name) const
{
    InstrumentInfo info;
    info.instrument = QString::fromUtf8(name.data(), qsizetype(name.size()));
    const QString coin = m_coinOf(info.instrument);
    const auto interned = m_coins.constFind(coin);
    if (interned != m_coins.cend())
        info.coin = *interned;
    else if (m_coins.size() < m_capacity)
        info.coin = *m_coins.insert(coin);
    else
        info.coin = coin;
    const auto contract = m_contracts.constFind(info.instrument);
    if (contract != m_contracts.cend())
        info.contract = *contract;
    return info;
}

const InstrumentInfo &InstrumentCache::resolve(const std::string &name, InstrumentInfo *spare) const
{
    const QMutexLocker locker(&m_mutex);
    const auto found = m_entries.find(name);
    if (found != m_entries.end())
        return found->second;
    if (int(m_entries.size()) >= m_capacity) {
        *spare = compute(name);
        return *spare;
    }
    return m_entries.emplace(name, compute(name)).first->second;
}

QString InstrumentCache::coinOf(const std::string &name) const
{
    InstrumentInfo spare;
    const InstrumentInfo &info = resolve(name, &spare);
    return info.coin;
}

int InstrumentCache::size() const
{
    const QMutexLocker locker(&m_mutex);
    return int(m_entries.size());
}

} // namespace Liq
