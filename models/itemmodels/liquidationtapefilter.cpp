#include "liquidationtapefilter.h"

#include "liquidationtapemodel.h"

#include <algorithm>

namespace Liq {

LiquidationTapeFilter::LiquidationTapeFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

void LiquidationTapeFilter::setMinimumUsd(double usd)
{
    usd = std::max(usd, 0.0);
    if (usd == m_minimumUsd)
        return;
    m_minimumUsd = usd;
    invalidateFilter();
}

void LiquidationTapeFilter::setCoin(const QString &coin)
{
    const QString trimmed = coin.trimmed();
    if (trimmed.compare(m_coin, Qt::CaseInsensitive) == 0)
        return;
    m_coin = trimmed;
    invalidateFilter();
}

bool LiquidationTapeFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (index.data(LiquidationTapeModel::UsdRole).toDouble() < m_minimumUsd)
        return false;
    return m_coin.isEmpty()
        || index.data(LiquidationTapeModel::CoinRole).toString().compare(m_coin, Qt::CaseInsensitive) == 0;
}

} // namespace Liq
